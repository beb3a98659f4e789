/*
 * exec_helper - the program exec_test execs.  It reports what it was given
 * on stdout, one "  helper: ..." line per fact, in a form that is the same
 * on every kernel (argv[0] and paths are reduced to their last component).
 *
 * GT_MODE picks the report: unset = argv and the GT_* environment,
 * "auxv" = auxiliary vector and initial stack sanity, "sigstate" = signal
 * dispositions and mask inherited over exec, "fds" = which of the fd
 * numbers in argv[1..] are open, "pid" = whether getpid() equals $GT_PID,
 * "sum" = a digest of a large argv.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char **environ;
extern char _start[];

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static void say(const char *what, int cond)
{
	printf("  helper: %s: %s\n", what, cond ? "yes" : "no");
}

static void report_args(int argc, char **argv)
{
	char **e;
	int i;

	printf("  helper: argc=%d\n", argc);
	for (i = 0; i < argc; i++)
		printf("  helper: argv[%d]=\"%s\"\n", i,
		       i == 0 ? base(argv[i]) : argv[i]);
	for (e = environ; *e; e++)
		if (!strncmp(*e, "GT_", 3))
			printf("  helper: env %s\n", *e);
}

/* Find the program header table and check it describes this program. */
static void report_phdrs(void)
{
	const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
	unsigned long n = getauxval(AT_PHNUM), entry = getauxval(AT_ENTRY);
	unsigned long i;
	int has_load = 0, entry_in_text = 0;

	say("AT_PHDR non-zero", ph != NULL);
	say("AT_PHENT is sizeof(Elf64_Phdr)",
	    getauxval(AT_PHENT) == sizeof(Elf64_Phdr));
	say("AT_PHNUM between 1 and 64", n >= 1 && n <= 64);
	say("AT_ENTRY is _start", entry == (unsigned long)_start);
	if (!ph || n > 64)
		return;
	for (i = 0; i < n; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		has_load = 1;
		if ((ph[i].p_flags & PF_X) && entry >= ph[i].p_vaddr &&
		    entry < ph[i].p_vaddr + ph[i].p_memsz)
			entry_in_text = 1;
	}
	say("program headers include PT_LOAD", has_load);
	say("entry lies in an executable PT_LOAD", entry_in_text);
}

static void report_auxv(int argc, char **argv)
{
	const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	const char *want = getenv("GT_EXECFN");
	char **envp = argv + argc + 1, **e;
	Elf64_auxv_t *av;
	int i, nonzero = 0;

	printf("  helper: AT_PAGESZ=%lu\n", getauxval(AT_PAGESZ));
	printf("  helper: AT_CLKTCK=%lu\n", getauxval(AT_CLKTCK));
	printf("  helper: AT_BASE=%lu\n", getauxval(AT_BASE));
	printf("  helper: AT_SECURE=%lu\n", getauxval(AT_SECURE));
	say("AT_RANDOM non-NULL", rnd != NULL);
	for (i = 0; rnd && i < 16; i++)
		nonzero |= rnd[i];
	say("AT_RANDOM bytes not all zero", nonzero);
	say("AT_UID/AT_EUID/AT_GID/AT_EGID match",
	    getauxval(AT_UID) == getuid() && getauxval(AT_EUID) == geteuid() &&
	    getauxval(AT_GID) == getgid() && getauxval(AT_EGID) == getegid());
	say("AT_EXECFN is the path given to execve",
	    execfn && want && !strcmp(execfn, want));
	report_phdrs();

	/* argv, NULL, envp, NULL, auxv: the layout the ABI promises. */
	say("argv[argc] is NULL", argv[argc] == NULL);
	say("envp follows argv", envp == environ);
	for (e = envp; *e; e++)
		;
	av = (Elf64_auxv_t *)(e + 1);
	for (i = 0; av[i].a_type != AT_NULL && av[i].a_type != AT_PAGESZ; i++)
		;
	say("auxv follows envp", av[i].a_type == AT_PAGESZ &&
	    av[i].a_un.a_val == getauxval(AT_PAGESZ));
	say("stack strings lie above auxv",
	    (void *)argv[0] > (void *)&av[i] && (void *)envp[0] > (void *)&av[i]);
}

static void report_sigstate(void)
{
	struct sigaction sa;
	sigset_t mask;

	sigaction(SIGUSR1, NULL, &sa);
	say("SIGUSR1 handler was reset to SIG_DFL", sa.sa_handler == SIG_DFL);
	sigaction(SIGUSR2, NULL, &sa);
	say("SIGUSR2 stays ignored", sa.sa_handler == SIG_IGN);
	sigprocmask(SIG_SETMASK, NULL, &mask);
	say("SIGHUP stays blocked", sigismember(&mask, SIGHUP));
	say("SIGINT stays unblocked", !sigismember(&mask, SIGINT));
}

static void report_fds(int argc, char **argv)
{
	int i, fd, r;

	for (i = 1; i < argc; i++) {
		fd = atoi(argv[i]);
		errno = 0;
		r = fcntl(fd, F_GETFD);
		printf("  helper: fd %s: %s\n", argv[i],
		       r >= 0 ? "open" : errno == EBADF ? "closed (EBADF)" : "?");
	}
}

static void report_sum(int argc, char **argv)
{
	unsigned long len = 0, h = 5381;
	const char *s;
	int i;

	for (i = 1; i < argc; i++)
		for (s = argv[i]; *s; s++, len++)
			h = h * 33 + (unsigned char)*s;
	printf("  helper: argc=%d total length %lu hash %lx\n", argc, len, h);
}

int main(int argc, char **argv)
{
	const char *mode = getenv("GT_MODE");
	const char *pid = getenv("GT_PID");

	if (!mode)
		report_args(argc, argv);
	else if (!strcmp(mode, "auxv"))
		report_auxv(argc, argv);
	else if (!strcmp(mode, "sigstate"))
		report_sigstate();
	else if (!strcmp(mode, "fds"))
		report_fds(argc, argv);
	else if (!strcmp(mode, "pid"))
		say("pid unchanged by execve", pid && atoi(pid) == getpid());
	else if (!strcmp(mode, "sum"))
		report_sum(argc, argv);
	fflush(stdout);
	return 0;
}
