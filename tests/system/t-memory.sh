#!/bin/sh
# t-memory.sh: running out of memory kills guests, never the kernel, and
# the memory comes back: a process touching more than mem= is killed, a
# fork bomb is stopped (fork fails, or the OOM killer takes it), and
# MemFree returns to where it was.
cd "$(dirname "$0")/../.." || exit 1
. tests/system/lib.sh
init_tmp

ROOT=$TEST_TMP/root
sh scripts/mkrootfs.sh "$ROOT" >/dev/null || exit 1
mkdir -p "$ROOT/systest"
if ! gcc -static -O2 -o "$ROOT/systest/memhog" tests/system/memhog.c; then
	check memhog-build 1 "build memhog"
	done_testing
	exit
fi
cat >"$ROOT/systest/init.sh" <<'EOF2'
#!/bin/sh
free_kb() { grep MemFree: /proc/meminfo | tr -s ' ' | cut -d' ' -f2; }
/systest/memhog hog >/dev/null	# warm the caches the runs below use
echo "@@@ before $(free_kb)"
/systest/memhog hog
/systest/memhog forkbomb
echo "forkbomb status $?"
sleep 0.5	# the bomb's children die with their parent; let them go
echo "@@@ after $(free_kb)"
/sbin/poweroff -f
EOF2
chmod 755 "$ROOT/systest/init.sh"

boot_kernel "$TEST_TMP/out" "$TEST_TMP/err" mem=32M root=/dev/root \
	rootfstype=hostfs rootflags="$ROOT" rw init=/systest/init.sh \
	con=null con0=null,fd:2 con1=fd:0,fd:1 console=tty1 quiet
out=$(tr -d '\r' <"$TEST_TMP/out")
echo "$out" | grep -q '^hog: killed by SIGKILL'
check oom-kills-hog $? "a process touching more than mem= is killed"
echo "$out" | grep -Eq '^forkbomb: fork failed with (ENOMEM|EAGAIN)|^forkbomb status 137'
check forkbomb-stopped $? "a fork bomb gets ENOMEM/EAGAIN or is killed by the OOM killer"
before=$(echo "$out" | sed -n 's/^@@@ before //p')
after=$(echo "$out" | sed -n 's/^@@@ after //p')
[ -n "$before" ] && [ -n "$after" ] && [ "$after" -ge $((before - 256)) ]
check memory-returns $? "free memory returns: ${before:-?} -> ${after:-?} kB"
[ "$BOOT_STATUS" = 0 ] && [ -z "$BOOT_LEAKED" ]
check oom-survives $? "the kernel powered off cleanly ($(describe_status "$BOOT_STATUS")), nothing left"
[ "$BOOT_STATUS" = 0 ] || show "$TEST_TMP/err"
done_testing
