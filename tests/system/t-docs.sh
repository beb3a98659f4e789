#!/bin/sh
# t-docs.sh: Documentation/options.txt is generated from the same option
# registrations as `linux --help`; it must match the binary being tested.
cd "$(dirname "$0")/../.." || exit 1
. tests/system/lib.sh
init_tmp

sh scripts/gen-options-doc.sh "$UMK_KERNEL" "$TEST_TMP/options.txt"
cmp -s "$TEST_TMP/options.txt" Documentation/options.txt
check options-doc-current $? "Documentation/options.txt matches --help (make docs regenerates it)"
for opt in mem= root= rootfstype= rootflags= init= umid= uml_dir= con ssl console= \
	   loglevel= quiet hostcpu= hostfs=; do
	grep -q "^$opt" Documentation/options.txt
	check "options-doc-$opt" $? "Documentation/options.txt documents $opt"
done
done_testing
