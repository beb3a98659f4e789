/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_BINFMTS_H
#define _UMK_BINFMTS_H

/*
 * exec.  The argument and environment strings are copied out of the old
 * address space into one kernel buffer before anything is torn down; a
 * binary format then builds the new address space and the initial stack.
 */
#include <umk/types.h>

#define BINPRM_BUF_SIZE	256
#define MAX_ARG_BYTES	(128 * 1024)	/* argv + envp strings */
#define MAX_INTERP_DEPTH 4

struct file;

struct linux_binprm {
	char buf[BINPRM_BUF_SIZE];	/* first bytes of the file */
	struct file *file;
	char *filename;			/* as given (AT_EXECFN, comm) */
	char *interp;			/* the file being loaded now (#! passes it on) */
	char *strings;			/* argv strings then envp strings, NUL-separated */
	size_t strings_len, strings_size;
	int argc, envc;
	int depth;			/* #! nesting */
	int dfd, at_flags;		/* execveat: where the first lookup starts */
	bool point_of_no_return;
};

/* fs/exec.c */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);
int open_exec(struct linux_binprm *bprm, const char *filename);
/* Replace argv[0] with the given words (for #!): pre words, then keep argv[1..]. */
int bprm_replace_argv0(struct linux_binprm *bprm, const char *const *words, int n);
/* Install a fresh mm for the new image; after this, failure kills the task. */
int begin_new_exec(struct linux_binprm *bprm);
void setup_new_exec(struct linux_binprm *bprm);

/* fs/binfmt_script.c, fs/binfmt_elf.c: -ENOEXEC if not theirs. */
int load_script_binary(struct linux_binprm *bprm);
int load_elf_binary(struct linux_binprm *bprm);

#endif
