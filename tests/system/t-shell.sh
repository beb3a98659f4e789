#!/bin/sh
# t-shell.sh: boot a busybox root whose init is a shell script doing what a
# user does at a prompt (pipelines, loops, files, redirections, $(...),
# background jobs) and check what it prints, the exit status, the pid file
# while running, its removal afterwards, and that no host process is left.
cd "$(dirname "$0")/../.." || exit 1
. tests/system/lib.sh
init_tmp

ROOT=$TEST_TMP/root
sh scripts/mkrootfs.sh "$ROOT" >/dev/null || exit 1
mkdir -p "$ROOT/systest"
cat >"$ROOT/systest/init.sh" <<'EOF'
#!/bin/sh
PATH=/bin:/sbin:/usr/bin:/usr/sbin
export PATH
echo "@@@ start"
# The host checks the pid file, then lets us go on.
i=0
while [ ! -e /systest/go ] && [ $i -lt 600 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ -e /systest/go ] && echo "host said go"
echo "pipeline: $(echo 'c b a' | tr ' ' '\n' | sort | tr '\n' ' ')"
n=0
i=0
while [ $i -lt 100 ]; do
	/bin/true && n=$((n + 1))
	i=$((i + 1))
done
echo "/bin/true succeeded $n times"
mkdir -p /tmp/st/d1/d2 && echo "mkdir -p ok"
echo "line one" >/tmp/st/f
echo "line two" >>/tmp/st/f
cat /tmp/st/f
cp /tmp/st/f /tmp/st/d1/d2/g && echo "cp ok"
echo "lines in copy: $(wc -l </tmp/st/d1/d2/g)"
echo "bytes: $(cat /tmp/st/f | wc -c)"
ls -1 /tmp/st
ls -d /tmp/st/d1/d2
grep two /tmp/st/f
x=$(echo inner $(echo nested))
echo "subst: $x"
sleep 0.2 &
a=$!
(echo "from background" >/tmp/st/bg; exit 4) &
b=$!
wait $a
echo "wait a: $?"
wait $b
echo "wait b: $?"
cat /tmp/st/bg
(exit 3)
echo "subshell status $?"
sh -c 'exit 7'
echo "sh -c status $?"
false || echo "false failed"
ls /nonexistent 2>/dev/null || echo "ls of a missing file failed"
echo "to stderr" 1>&2
{ echo a; echo b; } | while read -r l; do echo "read $l"; done
echo "@@@ end"
poweroff -f
EOF
chmod 755 "$ROOT/systest/init.sh"

cat >"$TEST_TMP/expected" <<'EOF'
host said go
pipeline: a b c 
/bin/true succeeded 100 times
mkdir -p ok
line one
line two
cp ok
lines in copy: 2
bytes: 18
d1
f
/tmp/st/d1/d2
line two
subst: inner nested
wait a: 0
wait b: 4
from background
subshell status 3
sh -c status 7
false failed
ls of a missing file failed
to stderr
read a
read b
EOF

# While the kernel runs: the pid file must appear and name the kernel's
# process; then tell init to go on.
PIDFILE_STATE="pid file never appeared"
pid_file_hook() {
	i=0
	while [ ! -s "$2" ] && [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if [ -s "$2" ]; then
		pid=$(tr -d ' \n' <"$2")
		if [ -n "$pid" ] && [ "$pid" = "$1" ] && kill -0 "$pid" 2>/dev/null; then
			PIDFILE_STATE=ok
		else
			PIDFILE_STATE="pid file holds \"$pid\", the kernel is \"$1\""
		fi
	fi
	touch "$ROOT/systest/go"
}
BOOT_HOOK=pid_file_hook

boot_kernel "$TEST_TMP/out" "$TEST_TMP/err" mem="$UMK_MEM" root=/dev/root \
	rootfstype=hostfs rootflags="$ROOT" rw init=/systest/init.sh \
	con=null con0=null,fd:2 con1=fd:0,fd:1 console=tty1 quiet
BOOT_HOOK=

tr -d '\r' <"$TEST_TMP/out" |
	sed -n '/^@@@ start/,/^@@@ end/p' | sed '1d;$d' >"$TEST_TMP/got"
diff -u "$TEST_TMP/expected" "$TEST_TMP/got" >"$TEST_TMP/diff"
check shell-output $? "init script output is as expected"
[ -s "$TEST_TMP/diff" ] && sed 's/^/#   /' "$TEST_TMP/diff" | head -40
[ "$BOOT_STATUS" -eq 0 ]
check shell-exit $? "poweroff -f ends the kernel with status 0 ($(describe_status "$BOOT_STATUS"))"
if [ "$BOOT_STATUS" -ne 0 ] || [ ! -s "$TEST_TMP/got" ]; then
	echo "#   stdout:"
	show "$TEST_TMP/out"
	echo "#   stderr:"
	show "$TEST_TMP/err"
fi
[ "$PIDFILE_STATE" = ok ]
check shell-pidfile $? "<uml_dir>/<umid>/pid names the running kernel ($PIDFILE_STATE)"
[ ! -e "$BOOT_UML_DIR/$BOOT_UMID" ]
check shell-umid-dir $? "the umid directory is removed at power-off"
[ -z "$BOOT_LEAKED" ]
check shell-leftovers $? "no host process left behind${BOOT_LEAKED:+ (killed: $BOOT_LEAKED)}"
done_testing
