# hostfs and procfs unit tests.  The hostfs ones run against a scratch
# directory on the host:
#  hostfs_user: fs/hostfs/hostfs_user.c on its own;
#  hostfs_vfs:  hostfs_kern.c mounted through the real VFS and page cache
#               (FS_UNIT_SRCS and the fake task from tests/unit/fs.mk).
# The suites are kernel-half code; the user-half objects are compiled with
# the user half's flags and linked in.
UNIT_TESTS += hostfs_user hostfs_vfs proc
hostfs_user_SRCS := tests/unit/hostfs_user_test.c lib/vsprintf.c
hostfs_vfs_SRCS = tests/unit/hostfs_vfs_test.c fs/hostfs/hostfs_kern.c \
	fs/hostfs/hostfs_file.c $(FS_UNIT_SRCS)
HOSTFS_UNIT_UOBJS := tests/unit/bin/hostfs-u/fs/hostfs/hostfs_user.o \
	tests/unit/bin/hostfs-u/tests/unit/hostfs_scratch_user.o
tests/unit/bin/hostfs_user tests/unit/bin/hostfs_vfs: $(HOSTFS_UNIT_UOBJS)

# proc: fs/proc mounted through the same VFS, with kernel/pid.c for tasks.
proc_SRCS = tests/unit/proc_test.c $(filter-out fs/proc/%_user.c,$(wildcard fs/proc/*.c)) \
	kernel/pid.c $(FS_UNIT_SRCS)
tests/unit/bin/proc: tests/unit/bin/hostfs-u/fs/proc/cpuinfo_user.o

tests/unit/bin/hostfs-u/%.o: %.c include/generated/autoconf.h
	$(quiet) CC $@
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_CFLAGS) -MMD -MP -c -o $@ $<
