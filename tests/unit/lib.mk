# lib/ and kernel/printk unit tests.  Suites without lib/string.c get the
# host C library's string functions (and need no kmalloc for kstrdup).
UNIT_TESTS += lib_string lib_vsprintf lib_kstrtox lib_cmdline printk
lib_string_SRCS := tests/unit/lib_string_test.c lib/string.c lib/vsprintf.c
lib_vsprintf_SRCS := tests/unit/lib_vsprintf_test.c lib/vsprintf.c
lib_kstrtox_SRCS := tests/unit/lib_kstrtox_test.c lib/kstrtox.c lib/vsprintf.c
lib_cmdline_SRCS := tests/unit/lib_cmdline_test.c lib/cmdline.c lib/kstrtox.c \
	lib/vsprintf.c
# printk_test.c #includes kernel/printk/printk.c to see its private state.
printk_SRCS := tests/unit/printk_test.c lib/string.c lib/vsprintf.c lib/kstrtox.c
