#!/bin/sh
# t-reboot.sh: reboot(2) restarts the machine (the same command line, a
# fresh boot) and `noreboot` turns a restart into a clean exit.
cd "$(dirname "$0")/../.." || exit 1
. tests/system/lib.sh
init_tmp

ROOT=$TEST_TMP/root
sh scripts/mkrootfs.sh "$ROOT" >/dev/null || exit 1
mkdir -p "$ROOT/systest"
cat >"$ROOT/systest/init.sh" <<'EOF2'
#!/bin/sh
if [ -e /systest/rebooted ]; then
	echo "@@@ second boot"
	rm -f /systest/rebooted
	/sbin/poweroff -f
fi
echo "@@@ first boot"
: >/systest/rebooted
/sbin/reboot -f
EOF2
chmod 755 "$ROOT/systest/init.sh"

boot_reboot() {
	rm -f "$ROOT/systest/rebooted"
	boot_kernel "$TEST_TMP/out" "$TEST_TMP/err" mem="$UMK_MEM" root=/dev/root \
		rootfstype=hostfs rootflags="$ROOT" rw init=/systest/init.sh \
		con=null con0=null,fd:2 con1=fd:0,fd:1 console=tty1 quiet "$@"
}

UMK_TIMEOUT=${UMK_QUICK_TIMEOUT:-30}
boot_reboot
# console=tty1: kernel messages share stdout with init.
grep -q '^@@@ first boot' "$TEST_TMP/out" && grep -q '^@@@ second boot' "$TEST_TMP/out" &&
	grep -q 'reboot: Restarting system' "$TEST_TMP/out"
check reboot-boots-again $? "reboot -f restarts the machine and it boots again"
[ "$BOOT_STATUS" = 0 ] && [ -z "$BOOT_LEAKED" ]
check reboot-clean-exit $? "then powers off cleanly ($(describe_status "$BOOT_STATUS")), nothing left"

boot_reboot noreboot
grep -q '^@@@ first boot' "$TEST_TMP/out" && ! grep -q '^@@@ second boot' "$TEST_TMP/out"
check noreboot-exits $? "noreboot: the restart ends the process instead"
[ "$BOOT_STATUS" = 0 ] && [ -z "$BOOT_LEAKED" ]
check noreboot-status $? "with exit status 0 ($(describe_status "$BOOT_STATUS")), nothing left"
done_testing
