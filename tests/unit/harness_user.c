// SPDX-License-Identifier: GPL-2.0
/*
 * Host side of the unit-test harness: main(), TAP output and memory for
 * the kernel code under test.  The suite itself is kernel-half code.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct ktest {
	const char *name;
	int failures;
};

struct ktest_case {
	const char *name;
	void (*fn)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases;
	int (*init)(void);
};

extern const struct ktest_suite ktest_suite;

void ktest_print(const char *s)
{
	fputs(s, stdout);
	fflush(stdout);
}

void *ktest_arena(unsigned long size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("ktest_arena");
		exit(2);
	}
	return p;
}

int ktest_verbose(void)
{
	return getenv("UNIT_VERBOSE") != NULL;
}

void ktest_abort(void)
{
	fflush(stdout);
	_exit(3);
}

static int case_wanted(int argc, char **argv, const char *name)
{
	int i;

	if (argc < 2)
		return 1;
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	const struct ktest_case *c;
	int n = 0, passed = 0, failed = 0;

	for (c = ktest_suite.cases; c->name; c++)
		if (case_wanted(argc, argv, c->name))
			n++;
	printf("TAP version 13\n1..%d\n", n);
	if (ktest_suite.init && ktest_suite.init()) {
		printf("Bail out! %s: init failed\n", ktest_suite.name);
		return 1;
	}
	n = 0;
	for (c = ktest_suite.cases; c->name; c++) {
		struct ktest t = { c->name, 0 };

		if (!case_wanted(argc, argv, c->name))
			continue;
		c->fn(&t);
		n++;
		if (t.failures) {
			failed++;
			printf("not ok %d - %s.%s\n", n, ktest_suite.name, c->name);
		} else {
			passed++;
			printf("ok %d - %s.%s\n", n, ktest_suite.name, c->name);
		}
		fflush(stdout);
	}
	printf("# %s: %d passed, %d failed\n", ktest_suite.name, passed, failed);
	return failed ? 1 : 0;
}
