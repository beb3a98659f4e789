# tty unit tests: the n_tty line discipline against a fake line driver.
UNIT_TESTS += tty_n_tty
tty_n_tty_SRCS := tests/unit/tty_n_tty_test.c drivers/tty/n_tty.c lib/string.c \
	lib/vsprintf.c

# The line and channel layer over real host pipes, files and ptys.  The
# channels' host half and the suite's host helpers are user-half objects.
UNIT_TESTS += tty_line
tty_line_SRCS := tests/unit/tty_line_test.c drivers/um/line.c drivers/um/chan_kern.c \
	drivers/um/fd.c drivers/um/null.c drivers/um/stdio_console.c drivers/um/ssl.c \
	drivers/tty/n_tty.c lib/string.c lib/vsprintf.c lib/kstrtox.c
TTY_UNIT_UOBJS := tests/unit/bin/tty-u/drivers/um/chan_user.o \
	tests/unit/bin/tty-u/tests/unit/tty_line_host_test.o
tests/unit/bin/tty_line: $(TTY_UNIT_UOBJS)

tests/unit/bin/tty-u/%.o: %.c include/generated/autoconf.h
	$(quiet) CC $@
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_CFLAGS) -MMD -MP -c -o $@ $<
