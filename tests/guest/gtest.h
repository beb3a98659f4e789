/*
 * gtest.h - a tiny harness for the static guest test programs.
 *
 * Each program is a table of {name, function} cases run by gtest_main():
 *
 *	./mem_test               run every case
 *	./mem_test brk mremap    run only these cases
 *	./mem_test -x mremap     run all but these (runner: known differences)
 *	./mem_test -l            list the cases
 *
 * Every case runs in a forked child, in a fresh directory named after it,
 * under a time limit, so a crash or a hang costs one case, not the program.  A case prints what it observes: return
 * values, errno names, data - never pids, addresses, inode numbers or
 * times - so that the output of a run on the host kernel and a run inside
 * umk can be compared line by line.  The T_* macros print one observation
 * each and mark the case failed when it differs from what Linux does.
 *
 * Children forked by a case must not print: they report through their exit
 * status or a pipe, and the case prints in a fixed order.
 */
#ifndef GTEST_H
#define GTEST_H

#include <errno.h>
#include <stddef.h>

struct gtest_case {
	const char *name;
	void (*fn)(void);
};

#define GTEST_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define GTEST_MAIN(cases)						\
	int main(int argc, char **argv)					\
	{								\
		return gtest_main(cases, GTEST_ARRAY_SIZE(cases),	\
				  argc, argv);				\
	}

int gtest_main(const struct gtest_case *cases, int n, int argc, char **argv);

/* The program's own directory (for helpers next to it), set by gtest_main. */
extern char gtest_dir[];

/* Print one observation line, indented under the current case. */
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Mark the current case failed and say why. */
void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Stop the current case now (it counts as failed if anything failed). */
void gtest_abort_case(void) __attribute__((noreturn));

const char *errname(int err);
const char *signame(int sig);
/* Describe a wait status: "exited 3", "killed by SIGSEGV", ... */
const char *status_str(int status);

long gt_ok(const char *text, long ret, int err);
long gt_eq(const char *text, long ret, int err, long want);
long gt_err(const char *text, long ret, int err, int want);
int gt_true(const char *text, int cond);

/* expr must succeed (return something other than -1); the value is hidden. */
#define T_OK(expr) ({ errno = 0; long __r = (long)(expr);		\
		      gt_ok(#expr, __r, errno); })
/* expr must return want; the value is shown. */
#define T_EQ(expr, want) ({ errno = 0; long __r = (long)(expr);	\
			    gt_eq(#expr, __r, errno, (long)(want)); })
/* expr must fail with -1 and errno E. */
#define T_ERR(expr, E) ({ errno = 0; long __r = (long)(expr);		\
			  gt_err(#expr, __r, errno, (E)); })
/* cond must hold; prints "text: yes/no". */
#define T_TRUE(cond, text) gt_true((text), !!(cond))

/* Fork helpers: fork with stdio flushed; wait for one child's status. */
int gt_fork(void);
int gt_wait(int pid);
/* Run fn in a child and return its wait status. */
int gt_run_child(void (*fn)(void *), void *arg);
/* Make the calling process never dump core (crash tests stay fast). */
void gt_no_core(void);

#endif /* GTEST_H */
