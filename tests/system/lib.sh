# lib.sh - helpers shared by the boot tests (tests/system/*.sh and
# tests/guest/run.sh).  Source it from the top of the tree.
#
#	UMK_KERNEL	kernel binary (default ./linux; /usr/bin/linux = real UML)
#	UMK_TIMEOUT	seconds before a boot counts as hung (default 120)
#	UMK_MEM		mem= for test boots (default 128M)
#
# boot_kernel <stdout-file> <stderr-file> <kernel args...> runs the kernel
# once with a unique umid and a private uml_dir, stdin from /dev/null, in a
# session of its own under a timeout.  Afterwards:
#	BOOT_STATUS	exit status (124 = timed out)
#	BOOT_UMID	the umid used; BOOT_UML_DIR its uml_dir
#	BOOT_KPID	pid of the kernel's main process
#	BOOT_LEAKED	host processes of that boot still alive (killed now)
# With BOOT_HOOK set to a function name, that function runs while the
# kernel runs (it gets the kernel's pid and the pid file's path).

UMK_TIMEOUT=${UMK_TIMEOUT:-120}
UMK_MEM=${UMK_MEM:-128M}
TEST_TMP=${TEST_TMP:-}
BOOT_SEQ=0

# kernel_path: the kernel under test, as an absolute path.
kernel_path() {
	k=${UMK_KERNEL:-./linux}
	case $k in
	/*) ;;
	*) k=$(pwd)/$k ;;
	esac
	printf '%s\n' "$k"
}

# kernel_tag: "uml" when testing the real User Mode Linux, else "umk".
kernel_tag() {
	if [ -n "${UMK_KERNEL_TAG:-}" ]; then
		echo "$UMK_KERNEL_TAG"
	elif [ -e /usr/bin/linux ] && [ "$(readlink -f "$(kernel_path)")" = \
	     "$(readlink -f /usr/bin/linux)" ]; then
		echo uml
	else
		echo umk
	fi
}

# init_tmp: make $TEST_TMP, a private directory for this run, removed at
# exit together with anything left of the boots.  Call it directly, not in
# $(...), so that the variable and the traps stay in this shell.
init_tmp() {
	if [ -z "$TEST_TMP" ]; then
		TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/umk-test.XXXXXX")
		trap 'cleanup_sessions; rm -rf "$TEST_TMP"' EXIT
		trap 'exit 130' INT TERM
	fi
}

# The processes of one session that are still alive (zombies excluded:
# an orphan waiting for a slow init to reap it is dead already).
session_procs() {
	ps -e -o pid= -o sid= -o stat= 2>/dev/null |
		awk -v s="$1" '$2 == s && $3 !~ /^Z/ { print $1 }'
}

umid_procs() {
	pgrep -f -- "umid=$1( |\$)" 2>/dev/null | grep -v "^$$\$" || true
}

# Kill whatever is left of a boot cut short (on exit or interrupt).
cleanup_sessions() {
	for s in ${BOOT_SESSIONS:-}; do
		for p in $(session_procs "$s"); do
			kill -9 "$p" 2>/dev/null
		done
	done
}

# leftovers <sids> <umid>: wait up to 3 s for the boot's processes to go.
leftovers() {
	i=0
	while [ $i -lt 30 ]; do
		left=$( (for s in $1; do session_procs "$s"; done
			 umid_procs "$2") | sort -u | tr '\n' ' ')
		[ -z "$left" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "$left"
}

boot_kernel() {
	out=$1 err=$2
	shift 2
	init_tmp
	tmp=$TEST_TMP
	BOOT_SEQ=$((BOOT_SEQ + 1))
	BOOT_UMID=umkt-$$-$BOOT_SEQ
	BOOT_UML_DIR=$tmp/uml-$BOOT_SEQ
	mkdir -p "$BOOT_UML_DIR"
	sidfile=$tmp/sid-$BOOT_SEQ
	rm -f "$sidfile"
	# The session id is the pid of the shell that execs timeout.
	setsid -w sh -c 'echo $$ >"$0"; exec timeout -k 5 "$@"' "$sidfile" \
		"$UMK_TIMEOUT" "$(kernel_path)" "$@" umid="$BOOT_UMID" \
		uml_dir="$BOOT_UML_DIR" </dev/null >"$out" 2>"$err" &
	bgpid=$!
	while [ ! -s "$sidfile" ] && kill -0 $bgpid 2>/dev/null; do
		sleep 0.05
	done
	sid=$(cat "$sidfile" 2>/dev/null)
	# The kernel is timeout's child.  It may start a session of its own
	# (UML does), so its processes are looked for in both sessions.
	BOOT_KPID=
	i=0
	while [ -z "$BOOT_KPID" ] && [ $i -lt 40 ] && kill -0 $bgpid 2>/dev/null; do
		BOOT_KPID=$(pgrep -P "$sid" | head -n 1)
		[ -n "$BOOT_KPID" ] || sleep 0.05
		i=$((i + 1))
	done
	BOOT_SESSIONS="$sid $BOOT_KPID"
	if [ -n "${BOOT_HOOK:-}" ]; then
		"$BOOT_HOOK" "$BOOT_KPID" "$BOOT_UML_DIR/$BOOT_UMID/pid"
	fi
	wait $bgpid 2>/dev/null
	BOOT_STATUS=$?
	BOOT_LEAKED=$(leftovers "$sid $BOOT_KPID" "$BOOT_UMID")
	for p in $BOOT_LEAKED; do
		kill -9 "$p" 2>/dev/null
	done
	BOOT_SESSIONS=
	return 0
}

# describe_status <status>: words for a boot's exit status.
describe_status() {
	case $1 in
	0) echo "exit status 0" ;;
	124) echo "timed out after ${UMK_TIMEOUT}s" ;;
	137) echo "killed after timing out" ;;
	*) if [ "$1" -gt 128 ]; then
		echo "exit status $1 (signal $(($1 - 128)))"
	   else
		echo "exit status $1"
	   fi ;;
	esac
}

# A tiny TAP counter for the system tests.  Known differences of a kernel
# (tests/system/known-differences: "<kernel> <check-id> <reason>") turn
# the check with that id into a skip with the reason.
T_NUM=0
T_PASS=0
T_FAIL=0
T_SKIP=0
ok() {
	T_NUM=$((T_NUM + 1))
	T_PASS=$((T_PASS + 1))
	echo "ok $T_NUM - $*"
}
not_ok() {
	T_NUM=$((T_NUM + 1))
	T_FAIL=$((T_FAIL + 1))
	echo "not ok $T_NUM - $*"
}
known_difference() {
	f=tests/system/known-differences
	[ -f "$f" ] || return 0
	awk -v tag="$(kernel_tag)" -v id="$1" '!/^#/ && NF >= 3 &&
	    ($1 == tag || $1 == "*") && $2 == id {
		$1 = $2 = ""; sub(/^ +/, ""); print; exit }' "$f"
}
# check <id> <status> <description...>: ok when status is 0.
check() {
	id=$1 st=$2
	shift 2
	why=$(known_difference "$id")
	if [ -n "$why" ]; then
		T_NUM=$((T_NUM + 1))
		T_SKIP=$((T_SKIP + 1))
		echo "ok $T_NUM - $id: $* # SKIP $why"
	elif [ "$st" -eq 0 ]; then
		ok "$id: $*"
	else
		not_ok "$id: $*"
	fi
}
# done_testing: the closing line of one test script; its exit status.
done_testing() {
	echo "# $T_PASS passed, $T_FAIL failed, $T_SKIP skipped"
	[ $T_FAIL -eq 0 ]
}
# show <file>: a file's last lines as TAP comments.
show() {
	tail -n "${2:-15}" "$1" | tr -d '\r' | sed 's/^/#   /'
}
