// SPDX-License-Identifier: GPL-2.0
/*
 * dyn_test: a dynamically linked program (the only one in the suite), to
 * check what static programs never exercise: exec of a PT_INTERP binary,
 * ld.so's early allocator and relocation, libc as a shared object,
 * thread-local storage in it, threads, dlopen.  tests/guest/run.sh copies
 * the libraries it needs into the guest root.
 */
#include "gtest.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

static void test_loader(void)
{
	T_TRUE(getauxval(AT_BASE) != 0, "AT_BASE names the dynamic loader");
	T_TRUE(getauxval(AT_PHDR) != 0 && getauxval(AT_PHNUM) > 0, "AT_PHDR/AT_PHNUM set");
	T_TRUE(getauxval(AT_ENTRY) != 0, "AT_ENTRY set");
}

static void test_libc(void)
{
	char *p = malloc(100000), buf[64];

	T_TRUE(p != NULL, "malloc of 100000 bytes");
	memset(p, 'x', 100000);
	free(p);
	snprintf(buf, sizeof(buf), "%d %s %.2f", 42, "str", 2.5);
	note("snprintf: %s", buf);
	T_ERR(close(-1), EBADF);
	T_TRUE(getenv("PATH") != NULL, "environment visible through libc");
}

static __thread int tls_counter = 7;

static void *thread_fn(void *arg)
{
	tls_counter += (int)(long)arg;
	errno = 100 + (int)(long)arg;
	return (void *)(long)(tls_counter * 10 + (errno == 100 + (int)(long)arg));
}

static void test_threads_tls(void)
{
	pthread_t t[3];
	long i, sum = 0;
	void *ret;

	errno = 0;
	for (i = 0; i < 3; i++)
		T_EQ(pthread_create(&t[i], NULL, thread_fn, (void *)(i + 1)), 0);
	for (i = 0; i < 3; i++) {
		pthread_join(t[i], &ret);
		sum += (long)ret;
	}
	note("thread results sum to %ld (each saw its own TLS and errno)", sum);
	T_TRUE(tls_counter == 7 && errno == 0, "main thread's TLS and errno untouched");
}

static void test_dlopen(void)
{
	void *h = dlopen("libm.so.6", RTLD_NOW);
	double (*fn)(double);

	T_TRUE(h != NULL, "dlopen(libm.so.6)");
	if (!h)
		return;
	fn = (double (*)(double))dlsym(h, "sqrt");
	T_TRUE(fn != NULL, "dlsym(sqrt)");
	if (fn)
		note("sqrt(2) = %.6f", fn(2.0));
	T_EQ(dlclose(h), 0);
}

static const struct gtest_case cases[] = {
	{ "loader", test_loader },
	{ "libc", test_libc },
	{ "threads_tls", test_threads_tls },
	{ "dlopen", test_dlopen },
};
GTEST_MAIN(cases)
