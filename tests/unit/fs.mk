# fs/ unit tests: the VFS, ramfs/tmpfs, devtmpfs, pipes, poll/select/epoll,
# through their system calls, on the real mm/ over an arena.
# tests/unit/fs_stubs_test.c (not a suite) fakes the task, uaccess and the
# scheduler.
UNIT_TESTS += fs_vfs fs_pipe
FS_UNIT_SRCS := $(addprefix fs/,anon_inodes.c attr.c char_dev.c d_path.c dcache.c \
	devices_mem.c devtmpfs.c devtmpfs_mount.c dir_ops.c do_mounts.c eventpoll.c \
	fcntl.c file.c filesystems.c fs_struct.c inode.c ioctl.c namei.c namespace.c \
	open.c pipe.c ramfs.c read_write.c readdir.c select.c stat.c statfs.c super.c \
	sync.c utimes.c) \
	mm/page_alloc.c mm/slab.c mm/filemap.c kernel/sched/wait.c \
	lib/string.c lib/vsprintf.c lib/kstrtox.c lib/cmdline.c \
	tests/unit/fs_stubs_test.c
fs_vfs_SRCS := tests/unit/fs_vfs_test.c $(FS_UNIT_SRCS)
fs_pipe_SRCS := tests/unit/fs_pipe_test.c $(FS_UNIT_SRCS)
