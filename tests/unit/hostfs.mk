# hostfs unit tests.  hostfs_user runs fs/hostfs/hostfs_user.c against a
# scratch directory on the host; the suite itself is kernel-half code, the
# user-half objects are compiled with the user half's flags and linked in.
UNIT_TESTS += hostfs_user
hostfs_user_SRCS := tests/unit/hostfs_user_test.c lib/vsprintf.c
HOSTFS_UNIT_UOBJS := tests/unit/bin/hostfs-u/fs/hostfs/hostfs_user.o \
	tests/unit/bin/hostfs-u/tests/unit/hostfs_scratch_user.o
tests/unit/bin/hostfs_user: $(HOSTFS_UNIT_UOBJS)

tests/unit/bin/hostfs-u/%.o: %.c include/generated/autoconf.h
	$(quiet) CC $@
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_CFLAGS) -MMD -MP -c -o $@ $<
