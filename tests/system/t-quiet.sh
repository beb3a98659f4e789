#!/bin/sh
# t-quiet.sh: "quiet" and "loglevel=" cut down the kernel messages on
# stderr (con0 = fd:2 is the console here).  init powers off at once.
cd "$(dirname "$0")/../.." || exit 1
. tests/system/lib.sh
init_tmp

ROOT=$TEST_TMP/root
sh scripts/mkrootfs.sh "$ROOT" >/dev/null || exit 1
mkdir -p "$ROOT/systest"
printf '#!/bin/sh\n/sbin/poweroff -f\n' >"$ROOT/systest/halt.sh"
chmod 755 "$ROOT/systest/halt.sh"

# boot_count <extra args>: boot once; COUNT = lines the kernel wrote to
# stderr, STATE = "0" for a clean power-off, else what went wrong.
boot_count() {
	boot_kernel "$TEST_TMP/out" "$TEST_TMP/err" mem="$UMK_MEM" \
		root=/dev/root rootfstype=hostfs rootflags="$ROOT" rw \
		init=/systest/halt.sh con=null con0=null,fd:2 con1=fd:0,fd:1 "$@"
	COUNT=$(grep -c . "$TEST_TMP/err")
	STATE=$BOOT_STATUS
	[ "$STATE" = 0 ] || STATE=$(describe_status "$BOOT_STATUS")
	[ -z "$BOOT_LEAKED" ] || STATE="left processes $BOOT_LEAKED"
}

UMK_TIMEOUT=${UMK_QUICK_TIMEOUT:-30}
boot_count
loud=$COUNT
[ "$STATE" = 0 ]
check quiet-boot $? "a plain boot powers off cleanly ($STATE), $loud lines on stderr"
[ "$STATE" = 0 ] || show "$TEST_TMP/err"
boot_count quiet
[ "$STATE" = 0 ] && [ "$COUNT" -lt "$loud" ]
check quiet-fewer $? "quiet: $COUNT lines, fewer than $loud ($STATE)"
boot_count loglevel=1
[ "$STATE" = 0 ] && [ "$COUNT" -lt "$loud" ]
check loglevel-fewer $? "loglevel=1: $COUNT lines, fewer than $loud ($STATE)"
done_testing
