#!/bin/sh
# t-fuzz.sh: a guest making random system calls with random arguments
# (tests/system/syscall_fuzz.c) may kill itself but never the kernel: every
# round completes, the machine powers off cleanly and leaves nothing behind.
cd "$(dirname "$0")/../.." || exit 1
. tests/system/lib.sh
init_tmp

ROOT=$TEST_TMP/root
sh scripts/mkrootfs.sh "$ROOT" >/dev/null || exit 1
mkdir -p "$ROOT/systest"
if ! gcc -static -O1 -o "$ROOT/systest/syscall_fuzz" tests/system/syscall_fuzz.c; then
	check fuzz-build 1 "build syscall_fuzz"
	done_testing
	exit
fi
cat >"$ROOT/systest/init.sh" <<'EOF2'
#!/bin/sh
cd /tmp
for seed in 1 2 3 4; do
	/systest/syscall_fuzz 250 $seed
done
echo "@@@ fuzz finished"
/sbin/poweroff -f
EOF2
chmod 755 "$ROOT/systest/init.sh"

boot_kernel "$TEST_TMP/out" "$TEST_TMP/err" mem="$UMK_MEM" root=/dev/root \
	rootfstype=hostfs rootflags="$ROOT" rw init=/systest/init.sh \
	con=null con0=null,fd:2 con1=fd:0,fd:1 console=tty1 quiet
rounds=$(grep -c '^syscall_fuzz: 250 rounds done' "$TEST_TMP/out")
[ "$rounds" -eq 4 ] && grep -q '^@@@ fuzz finished' "$TEST_TMP/out"
check fuzz-rounds $? "all 4 x 250 fuzz rounds completed ($rounds)"
[ "$BOOT_STATUS" = 0 ]
check fuzz-poweroff $? "the kernel survived and powered off ($(describe_status "$BOOT_STATUS"))"
[ "$BOOT_STATUS" = 0 ] || show "$TEST_TMP/err"
[ -z "$BOOT_LEAKED" ]
check fuzz-no-leak $? "no host process left behind"
done_testing
