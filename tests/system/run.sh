#!/bin/sh
# tests/system/run.sh [test...]: the boot tests (tests/system/t-*.sh).
# Each test script prints TAP lines; this runner numbers them in one
# sequence and ends with "system: N passed, M failed".  Skips (known
# differences, tests/system/known-differences) count as neither.
#
# Environment: UMK_KERNEL, UMK_TIMEOUT, UMK_MEM (see tests/system/lib.sh),
# UMK_QUICK_TIMEOUT (boots that should end at once, default 30 s).
cd "$(dirname "$0")/../.." || exit 1

# The plain boot first: when it fails, the rest says little.
order="shell cmdline quiet badargs"
if [ $# -eq 0 ]; then
	for t in $order; do
		set -- "$@" "tests/system/t-$t.sh"
	done
	for t in tests/system/t-*.sh; do
		case " $* " in *" $t "*) ;; *) set -- "$@" "$t" ;; esac
	done
fi
tests=$*
# Work privately, publish in tests/out/system at the end: another run in
# the same tree at the same time must not mix into this one's counts.
out=$(mktemp -d "${TMPDIR:-/tmp}/umk-system.XXXXXX") || exit 1
trap 'rm -rf "$out"' EXIT
trap 'exit 130' INT TERM
: >"$out/all.tap"
for t in $tests; do
	name=$(basename "$t" .sh)
	echo "# $name"
	sh "$t" >"$out/$name.tap" 2>&1
	st=$?
	# A script that fails without saying so still counts as a failure.
	if [ $st -ne 0 ] && ! grep -q '^not ok' "$out/$name.tap"; then
		echo "not ok 1 - $name: exited with status $st" >>"$out/$name.tap"
	fi
	awk -v name="$name" -v n="$(grep -c '^\(not \)\?ok ' "$out/all.tap")" '
		/^(not )?ok [0-9]+ / {
			sub(/ok [0-9]+ /, "ok " (++n) " ")
		}
		{ print }' "$out/$name.tap" | tee -a "$out/all.tap"
done
passed=$(grep '^ok ' "$out/all.tap" | grep -vc '# SKIP')
failed=$(grep -c '^not ok ' "$out/all.tap")
skipped=$(grep '^ok ' "$out/all.tap" | grep -c '# SKIP')
[ "$skipped" -eq 0 ] || echo "# system: $skipped check(s) skipped as known differences"
echo "system: $passed passed, $failed failed"
mkdir -p tests/out
rm -rf "tests/out/system.$$"
cp -R "$out" "tests/out/system.$$" && rm -rf tests/out/system &&
	mv "tests/out/system.$$" tests/out/system
[ "$failed" -eq 0 ]
