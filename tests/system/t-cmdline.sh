#!/bin/sh
# t-cmdline.sh: ./linux --help lists the registered options and
# ./linux --version prints a version line; both exit 0 without booting.
cd "$(dirname "$0")/../.." || exit 1
. tests/system/lib.sh
init_tmp
K=$(kernel_path)

timeout 20 "$K" --help </dev/null >"$TEST_TMP/help" 2>&1
st=$?
check help-exit $st "--help exits with status 0 (got $st)"
for opt in mem= root= umid= con; do
	grep -q "^[[:space:]]*$opt" "$TEST_TMP/help"
	check "help-$opt" $? "--help lists $opt"
done
[ $st -eq 0 ] || show "$TEST_TMP/help"

timeout 20 "$K" --version </dev/null >"$TEST_TMP/version" 2>&1
st=$?
check version-exit $st "--version exits with status 0 (got $st)"
head -n 1 "$TEST_TMP/version" | grep -Eq '[0-9]+\.[0-9]+'
check version-line $? "--version prints a version line: $(head -n 1 "$TEST_TMP/version")"
done_testing
