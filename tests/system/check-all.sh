#!/bin/sh
# tests/system/check-all.sh: what `make check` runs.  Builds the kernel,
# then runs the unit, guest and system suites one after the other, each
# whatever the previous one did, and ends with one line "N passed, M
# failed" summing them all (a failed build counts as one failure).  Exits
# non-zero if anything failed.
cd "$(dirname "$0")/../.." || exit 1
MAKE=${MAKE:-make}
log=tests/out/check
rm -rf "$log"
mkdir -p "$log"

passed=0 failed=0
if [ -z "${CHECK_NO_BUILD:-}" ]; then
	if $MAKE --no-print-directory all >"$log/build.log" 2>&1; then
		echo "# build ok"
	else
		echo "not ok - build (tests/out/check/build.log):"
		tail -n 20 "$log/build.log" | sed 's/^/#   /'
		failed=$((failed + 1))
	fi
fi

for suite in unit guest system; do
	echo "# --- check-$suite"
	# A hung suite must not hang `make check`: each has a time limit (s).
	case $suite in
	unit) limit=${CHECK_TIMEOUT_UNIT:-300} ;;
	guest) limit=${CHECK_TIMEOUT_GUEST:-600} ;;
	system) limit=${CHECK_TIMEOUT_SYSTEM:-600} ;;
	esac
	timeout -k 10 "$limit" $MAKE --no-print-directory "check-$suite" 2>&1 |
		tee "$log/$suite.log"
	line=$(grep -E "^$suite: [0-9]+ passed, [0-9]+ failed\$" "$log/$suite.log" | tail -n 1)
	if [ -z "$line" ]; then
		echo "not ok - check-$suite ended without its summary line (time limit ${limit}s)"
		failed=$((failed + 1))
		continue
	fi
	set -- $line
	passed=$((passed + $2))
	failed=$((failed + $4))
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
