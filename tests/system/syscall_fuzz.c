// SPDX-License-Identifier: GPL-2.0
/*
 * syscall_fuzz <rounds> <seed>: hostile guest system calls.  Each round
 * forks a child that makes up to 300 calls with random numbers (including
 * unknown ones) and random arguments: NULL, -1, small numbers, addresses
 * in and around the stack, the text, huge values.  A child may die of
 * what it does; the kernel must not.  Calls that would end the test
 * instead of probing the kernel (reboot, signals to others, exec, exit,
 * fork bombs) and ones that would damage the shared root file system are
 * skipped.  Only ever run this inside a guest: natively it would do
 * random things to the host.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static unsigned long long state = 88172645463325252ULL;

static unsigned long next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

static long random_arg(void)
{
	switch (next() % 8) {
	case 0: return 0;
	case 1: return -1;
	case 2: return next() % 4096;
	case 3: return (long)0x7fbffffff000UL - (long)(next() % 0x2000000);
	case 4: return next();
	case 5: return 0x400000 + next() % 0x100000;
	case 6: return 1;
	default: return next() % 64;
	}
}

static const long skipped[] = {
	SYS_reboot, SYS_kill, SYS_tkill, SYS_tgkill, SYS_exit, SYS_exit_group,
	SYS_vfork, SYS_fork, SYS_clone, SYS_clone3, SYS_execve, SYS_execveat,
	SYS_mount, SYS_umount2, SYS_chroot, SYS_pivot_root, SYS_unlink,
	SYS_unlinkat, SYS_rmdir, SYS_rename, SYS_renameat, SYS_renameat2,
	SYS_truncate, SYS_chmod, SYS_fchmodat, SYS_chown, SYS_lchown,
	SYS_fchownat, SYS_setuid, SYS_setresuid, SYS_setreuid, SYS_sethostname,
	SYS_settimeofday, SYS_clock_settime, SYS_link, SYS_linkat, SYS_symlink,
	SYS_mknod, SYS_mknodat, SYS_open, SYS_openat, SYS_creat, SYS_mkdir,
	SYS_mkdirat, SYS_fsync, SYS_sync,
};

static int is_skipped(long nr)
{
	unsigned int i;

	for (i = 0; i < sizeof(skipped) / sizeof(skipped[0]); i++)
		if (skipped[i] == nr)
			return 1;
	return 0;
}

static void child(void)
{
	int i;

	for (i = 0; i < 300; i++) {
		long nr = next() % 460;

		if (!is_skipped(nr))
			syscall(nr, random_arg(), random_arg(), random_arg(),
				random_arg(), random_arg(), random_arg());
	}
	_exit(0);
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 200, k, st, tries;

	state ^= argc > 2 ? strtoull(argv[2], NULL, 0) : 1;
	for (k = 0; k < rounds; k++) {
		pid_t pid = fork();

		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0)
			child();
		/* A child that blocks (or disarms any timer of its own) is
		 * killed after 100 ms. */
		for (tries = 0; waitpid(pid, &st, WNOHANG) == 0; tries++) {
			if (tries == 100)
				kill(pid, SIGKILL);
			usleep(1000);
		}
	}
	printf("syscall_fuzz: %d rounds done\n", rounds);
	return 0;
}
