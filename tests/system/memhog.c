// SPDX-License-Identifier: GPL-2.0
/*
 * memhog: exhaust the machine's memory two ways, and check that it comes
 * back.  "hog" touches 1 MiB blocks until the kernel kills it; "forkbomb"
 * forks sleeping children until fork fails (then kills and reaps them) or
 * the OOM killer takes the parent (then the children die with it, through
 * PR_SET_PDEATHSIG).  Each prints what it saw; the kernel must survive.
 */
#include <sys/prctl.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define MAX_KIDS 20000

static void hog(void)
{
	pid_t pid = fork();
	int st, i;

	if (pid == 0) {
		for (i = 0; i < 4096; i++) {
			char *m = malloc(1 << 20);

			if (!m)
				_exit(1);
			memset(m, 1, 1 << 20);
		}
		_exit(0);
	}
	waitpid(pid, &st, 0);
	printf("hog: %s\n", WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL ?
	       "killed by SIGKILL" : "was not killed");
}

static void forkbomb(void)
{
	static pid_t kids[MAX_KIDS];
	int n = 0, i, err = 0;

	while (n < MAX_KIDS) {
		pid_t pid = fork();

		if (pid < 0) {
			err = errno;
			break;
		}
		if (pid == 0) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			if (getppid() == 1)
				_exit(0);	/* the parent is already gone */
			pause();
			_exit(0);
		}
		kids[n++] = pid;
	}
	for (i = 0; i < n; i++)
		kill(kids[i], SIGKILL);
	for (i = 0; i < n; i++)
		waitpid(kids[i], NULL, 0);
	printf("forkbomb: fork failed with %s\n",
	       err == ENOMEM ? "ENOMEM" : err == EAGAIN ? "EAGAIN" : "no error");
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "hog"))
		hog();
	else if (argc > 1 && !strcmp(argv[1], "forkbomb"))
		forkbomb();
	else
		return 2;
	return 0;
}
