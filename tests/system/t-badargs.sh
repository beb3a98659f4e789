#!/bin/sh
# t-badargs.sh: bad command lines and bad init programs.  Each must end
# the kernel with a non-zero status and one clear line that names the bad
# value, and leave no host process behind.  The init of the root powers
# off at once, so a kernel that ignores the bad value still ends.
cd "$(dirname "$0")/../.." || exit 1
. tests/system/lib.sh
init_tmp

ROOT=$TEST_TMP/root
sh scripts/mkrootfs.sh "$ROOT" >/dev/null || exit 1
mkdir -p "$ROOT/systest"
printf '#!/bin/sh\n/sbin/poweroff -f\n' >"$ROOT/systest/halt.sh"
chmod 755 "$ROOT/systest/halt.sh"
printf 'echo this is not a script\n' >"$ROOT/systest/notes.txt"
chmod 644 "$ROOT/systest/notes.txt"
cp "$ROOT/systest/notes.txt" "$ROOT/systest/notes-x.txt"
chmod 755 "$ROOT/systest/notes-x.txt"
# A 64-byte ELF header for AArch64 (e_machine 183): valid, wrong machine.
{
	printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000'
	printf '\002\000\267\000\001\000\000\000\000\000\100\000\000\000\000\000'
	printf '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000'
	printf '\000\000\000\000\100\000\000\000\000\000\000\000\000\000\000\000'
} >"$ROOT/systest/aarch64.elf"
chmod 755 "$ROOT/systest/aarch64.elf"

UMK_TIMEOUT=${UMK_QUICK_TIMEOUT:-30}

# bad <id> <regex> <args...>: boot with args replacing the defaults of
# the same name; pass if the status is non-zero and a line matches the
# (extended) regex naming the bad value.
bad() {
	id=$1 needle=$2
	shift 2
	mem=mem=$UMK_MEM rootflags=rootflags=$ROOT init=init=/systest/halt.sh
	for a in "$@"; do
		case $a in
		mem=*) mem=$a ;;
		rootflags=*) rootflags=$a ;;
		init=*) init=$a ;;
		esac
	done
	extra=$(printf '%s\n' "$@" | grep -Ev '^(mem|rootflags|init)=' | tr '\n' ' ')
	boot_kernel "$TEST_TMP/out" "$TEST_TMP/err" "$mem" root=/dev/root \
		rootfstype=hostfs "$rootflags" rw "$init" con=null \
		con0=null,fd:2 con1=fd:0,fd:1 quiet $extra
	# The kernel's echo of its own command line does not count.
	line=$(cat "$TEST_TMP/out" "$TEST_TMP/err" | tr -d '\r' |
	       grep -v 'command line' | grep -E -- "$needle" | head -n 1)
	why=
	[ "$BOOT_STATUS" -ne 0 ] || why="exit status 0"
	[ "$BOOT_STATUS" -ne 124 ] && [ "$BOOT_STATUS" -ne 137 ] ||
		why="$(describe_status "$BOOT_STATUS")"
	[ -n "$line" ] || why="${why:+$why, }no line matches /$needle/"
	[ -z "$BOOT_LEAKED" ] || why="${why:+$why, }left processes $BOOT_LEAKED"
	if [ -z "$why" ]; then
		check "$id" 0 "$* -> $(describe_status "$BOOT_STATUS"): $line"
	else
		check "$id" 1 "$* -> $why"
		if [ -z "$(known_difference "$id")" ]; then
			echo "#   output:"
			cat "$TEST_TMP/out" "$TEST_TMP/err" | show /dev/stdin 8
		fi
	fi
}

bad mem-unit 12Q mem=12Q
bad mem-small '1M|1024K|1048576' mem=1M
bad root-missing /nonexistent rootflags=/nonexistent
bad init-missing 'Requested init /nonexistent failed \(error -2\)' init=/nonexistent
bad init-text '/systest/notes\.txt' init=/systest/notes.txt
bad init-text-x '/systest/notes-x\.txt' init=/systest/notes-x.txt
bad init-foreign '/systest/aarch64\.elf' init=/systest/aarch64.elf
bad con-unknown foo con1=foo:1
done_testing
