/*
 * mem_test - anonymous memory: brk, mmap, munmap, mprotect, mremap,
 * MAP_FIXED, madvise, many touched pages, and the faults a bad access
 * raises (observed from the parent through the wait status, or through a
 * SIGSEGV handler's siginfo).
 */
#include "gtest.h"

#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define PG 4096UL

static void *map_anon(size_t len, int prot)
{
	return mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static long sys_brk(unsigned long addr)
{
	return syscall(SYS_brk, addr);
}

static int all_bytes(const unsigned char *p, size_t len, unsigned char v)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != v)
			return 0;
	return 1;
}

static void test_brk(void)
{
	unsigned long cur = sys_brk(0), want = cur + (1 << 20);
	unsigned char *p = (unsigned char *)cur;

	T_TRUE(cur != 0, "brk(0) returns the current break");
	T_TRUE(sys_brk(want) == (long)want, "brk grows by 1 MiB");
	T_TRUE(all_bytes(p, 1 << 20, 0), "new break area reads as zeroes");
	memset(p, 0x5a, 1 << 20);
	T_TRUE(all_bytes(p, 1 << 20, 0x5a), "break area keeps written data");
	T_TRUE(sys_brk(cur) == (long)cur, "brk shrinks back");
	T_TRUE(sys_brk(want) == (long)want, "brk grows again");
	T_TRUE(all_bytes(p, 1 << 20, 0), "regrown area is zeroed again");
	sys_brk(cur);
}

static void test_brk_invalid(void)
{
	unsigned long cur = sys_brk(0);

	T_TRUE(sys_brk(1) == (long)cur, "brk(1) fails and returns the old break");
	T_TRUE(sys_brk(1UL << 48) == (long)cur,
	       "brk beyond the address space returns the old break");
	T_TRUE(sys_brk(0) == (long)cur, "break unchanged");
}

static void test_mmap_anon(void)
{
	unsigned char *p = map_anon(16 * PG, PROT_READ | PROT_WRITE);

	if (T_OK(p) == -1)
		return;
	T_TRUE(((uintptr_t)p & (PG - 1)) == 0, "mapping is page aligned");
	T_TRUE(all_bytes(p, 16 * PG, 0), "fresh anonymous memory is zero");
	memset(p + 100, 0xab, 5 * PG);
	T_TRUE(all_bytes(p + 100, 5 * PG, 0xab), "written data reads back");
	T_TRUE(all_bytes(p, 100, 0), "bytes before the write still zero");
	T_EQ(munmap(p, 16 * PG), 0);
	T_EQ(munmap(p, 16 * PG), 0);	/* unmapping a hole is not an error */
}

static void test_many_pages(void)
{
	const size_t n = 4096;		/* 16 MiB */
	unsigned long *p = map_anon(n * PG, PROT_READ | PROT_WRITE);
	unsigned long sum = 0;
	size_t i, bad = 0;

	if (T_OK(p) == -1)
		return;
	for (i = 0; i < n; i++)
		p[i * PG / sizeof(long)] = i * 7 + 1;
	for (i = 0; i < n; i++) {
		if (p[i * PG / sizeof(long)] != i * 7 + 1)
			bad++;
		sum += p[i * PG / sizeof(long)];
	}
	note("touched %zu pages, sum %lu, %zu wrong", n, sum, bad);
	T_TRUE(bad == 0, "every page kept its own value");
	T_EQ(munmap(p, n * PG), 0);
}

/* Child bodies: each touches a page it must not and should die. */
static void read_byte(void *arg)
{
	gt_no_core();
	_exit(*(volatile unsigned char *)arg == 0 ? 10 : 11);
}

static void write_byte(void *arg)
{
	gt_no_core();
	*(volatile unsigned char *)arg = 1;
	_exit(12);
}

static void test_mprotect(void)
{
	unsigned char *p = map_anon(2 * PG, PROT_READ | PROT_WRITE);

	if (T_OK(p) == -1)
		return;
	memset(p, 7, 2 * PG);
	T_EQ(mprotect(p, PG, PROT_READ), 0);
	T_TRUE(p[10] == 7, "read-only page is still readable");
	note("write to read-only page: %s", status_str(gt_run_child(write_byte, p)));
	note("write to next (writable) page: %s",
	     status_str(gt_run_child(write_byte, p + PG)));
	T_EQ(mprotect(p, PG, PROT_NONE), 0);
	note("read of PROT_NONE page: %s", status_str(gt_run_child(read_byte, p)));
	T_EQ(mprotect(p, 2 * PG, PROT_READ | PROT_WRITE), 0);
	p[0] = 9;
	T_TRUE(p[0] == 9 && p[PG] == 7, "data survives the protection changes");
	T_ERR(mprotect(p + 1, PG, PROT_READ), EINVAL);
	munmap(p, 2 * PG);
}

static void test_prot_none_segv(void)
{
	unsigned char *p = map_anon(PG, PROT_NONE);
	int st;

	if (T_OK(p) == -1)
		return;
	st = gt_run_child(read_byte, p);
	note("child reading a PROT_NONE page: %s", status_str(st));
	T_TRUE(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "child got SIGSEGV");
	st = gt_run_child(write_byte, p);
	note("child writing a PROT_NONE page: %s", status_str(st));
	munmap(p, PG);
}

static sigjmp_buf segv_jmp;
static volatile siginfo_t segv_info;

static void segv_handler(int sig, siginfo_t *si, void *uc)
{
	segv_info = *si;
	siglongjmp(segv_jmp, 1);
}

/* Touch addr under a SIGSEGV handler; report the siginfo the kernel gave. */
static void probe_fault(const char *what, volatile unsigned char *addr)
{
	struct sigaction sa = { .sa_sigaction = segv_handler,
				.sa_flags = SA_SIGINFO };

	/* Hide the value from the compiler: a known NULL becomes a trap. */
	asm volatile("" : "+r"(addr));
	sigaction(SIGSEGV, &sa, NULL);
	if (sigsetjmp(segv_jmp, 1) == 0) {
		(void)*addr;
		note("%s: no fault", what);
		fail("%s did not fault", what);
		return;
	}
	note("%s: %s si_code=%s si_addr %s", what, signame(segv_info.si_signo),
	     segv_info.si_code == SEGV_MAPERR ? "SEGV_MAPERR" :
	     segv_info.si_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other",
	     segv_info.si_addr == (void *)addr ? "matches" : "differs");
	signal(SIGSEGV, SIG_DFL);
}

static void test_segv_siginfo(void)
{
	unsigned char *p = map_anon(2 * PG, PROT_NONE);

	if (T_OK(p) == -1)
		return;
	T_EQ(munmap(p + PG, PG), 0);
	probe_fault("read of PROT_NONE page", p + 5);
	probe_fault("read of unmapped page", p + PG + 9);
	probe_fault("read of address 0", NULL);
	munmap(p, PG);
}

static void test_munmap_partial(void)
{
	unsigned char *p = map_anon(4 * PG, PROT_READ | PROT_WRITE);

	if (T_OK(p) == -1)
		return;
	memset(p, 3, 4 * PG);
	T_EQ(munmap(p + PG, 2 * PG), 0);
	T_TRUE(p[0] == 3 && p[3 * PG] == 3, "outer pages survive");
	note("read of unmapped middle page: %s",
	     status_str(gt_run_child(read_byte, p + PG)));
	note("read of last page: %s",
	     status_str(gt_run_child(read_byte, p + 3 * PG)));
	T_ERR(munmap(p + 1, PG), EINVAL);
	T_ERR(munmap(p, 0), EINVAL);
	munmap(p, 4 * PG);
}

static void test_map_fixed(void)
{
	unsigned char *p = map_anon(3 * PG, PROT_READ | PROT_WRITE), *q;

	if (T_OK(p) == -1)
		return;
	memset(p, 1, 3 * PG);
	q = mmap(p + PG, PG, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	T_TRUE(q == p + PG, "MAP_FIXED maps at the requested address");
	T_TRUE(all_bytes(p + PG, PG, 0), "replaced page reads as zero");
	T_TRUE(p[0] == 1 && p[2 * PG] == 1, "neighbours keep their data");
	T_ERR(mmap(p + PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
		   MAP_FIXED_NOREPLACE, -1, 0), EEXIST);
	T_ERR(mmap(p + 1, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
		   MAP_FIXED, -1, 0), EINVAL);
	munmap(p, 3 * PG);
}

static void test_mremap(void)
{
	unsigned char *p = map_anon(PG, PROT_READ | PROT_WRITE), *q;

	if (T_OK(p) == -1)
		return;
	memset(p, 0x42, PG);
	q = mremap(p, PG, 4 * PG, MREMAP_MAYMOVE);
	if (T_OK(q) == -1)
		return;
	T_TRUE(all_bytes(q, PG, 0x42), "grown mapping keeps its data");
	T_TRUE(all_bytes(q + PG, 3 * PG, 0), "grown part reads as zero");
	q[4 * PG - 1] = 1;
	p = mremap(q, 4 * PG, 2 * PG, 0);
	T_TRUE(p == q, "shrinking stays in place");
	note("access past the shrunk end: %s",
	     status_str(gt_run_child(read_byte, q + 3 * PG)));
	/* Block growth in place with a mapping right behind. */
	munmap(q, 2 * PG);
	p = map_anon(2 * PG, PROT_READ | PROT_WRITE);
	T_EQ(munmap(p + PG, PG), 0);
	q = mmap(p + PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		 -1, 0);
	T_TRUE(q == p + PG, "blocker mapped");
	T_ERR(mremap(p, PG, 2 * PG, 0), ENOMEM);
	T_ERR(mremap(p + 1, PG, 2 * PG, MREMAP_MAYMOVE), EINVAL);
	munmap(p, 2 * PG);
}

static void test_madvise(void)
{
	unsigned char *p = map_anon(4 * PG, PROT_READ | PROT_WRITE);

	if (T_OK(p) == -1)
		return;
	memset(p, 0x77, 4 * PG);
	T_EQ(madvise(p + PG, 2 * PG, MADV_DONTNEED), 0);
	T_TRUE(all_bytes(p + PG, 2 * PG, 0), "MADV_DONTNEED pages read as zero");
	T_TRUE(p[0] == 0x77 && p[3 * PG] == 0x77, "other pages untouched");
	munmap(p, 4 * PG);
}

static void test_mmap_errors(void)
{
	T_ERR(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
	      EINVAL);
	T_ERR(mmap(NULL, PG, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL);
	T_ERR(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, -1, 0), EBADF);
	T_ERR(mmap(NULL, 1UL << 62, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		   -1, 0), ENOMEM);
	T_ERR(mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1),
	      EINVAL);
}

/*
 * Copy-on-write after fork over many pages, both ways: the child's writes
 * must not show in the parent, and the parent's writes made while the
 * child runs must not show in the child.
 */
static void test_fork_cow(void)
{
	const size_t n = 1024;		/* 4 MiB */
	unsigned char *p = map_anon(n * PG, PROT_READ | PROT_WRITE);
	int go[2], done[2], pid, st;
	size_t i;
	char c;

	if (T_OK(p) == -1 || T_OK(pipe(go)) == -1 || T_OK(pipe(done)) == -1)
		return;
	for (i = 0; i < n; i++)
		p[i * PG] = 1;
	pid = gt_fork();
	if (pid == 0) {
		for (i = 0; i < n; i++)
			p[i * PG] = 2;
		if (write(done[1], "w", 1) != 1 || read(go[0], &c, 1) != 1)
			_exit(3);
		for (i = 0; i < n; i++)
			if (p[i * PG] != 2)
				_exit(4);	/* parent's write leaked in */
		_exit(0);
	}
	T_EQ(read(done[0], &c, 1), 1);
	for (i = 0; i < n && p[i * PG] == 1; i++)
		;
	T_TRUE(i == n, "child's writes are invisible to the parent");
	for (i = 0; i < n; i++)
		p[i * PG] = 3;
	T_EQ(write(go[1], "g", 1), 1);
	st = gt_wait(pid);
	note("child: %s", status_str(st));
	T_TRUE(st == 0, "parent's writes are invisible to the child");
	munmap(p, n * PG);
}

static const struct gtest_case cases[] = {
	{ "brk", test_brk },
	{ "brk_invalid", test_brk_invalid },
	{ "mmap_anon", test_mmap_anon },
	{ "many_pages", test_many_pages },
	{ "mprotect", test_mprotect },
	{ "prot_none_segv", test_prot_none_segv },
	{ "segv_siginfo", test_segv_siginfo },
	{ "munmap_partial", test_munmap_partial },
	{ "map_fixed", test_map_fixed },
	{ "mremap", test_mremap },
	{ "madvise", test_madvise },
	{ "mmap_errors", test_mmap_errors },
	{ "fork_cow", test_fork_cow },
};
GTEST_MAIN(cases)
