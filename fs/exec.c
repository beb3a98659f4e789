// SPDX-License-Identifier: GPL-2.0
/*
 * execve: copy the strings out, find a binary format, replace the address
 * space.  Everything that can fail for an ordinary reason (missing file,
 * no permission, unknown format, bad interpreter) fails before the old
 * address space is dropped, so the caller gets an errno back.
 */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/fs.h>
#include <umk/mman.h>
#include <umk/uaccess.h>
#include <umk/binfmts.h>
#include <umk/arch.h>
#include <umk/oom.h>
#include <linux/limits.h>

#define MAX_ARGS	(MAX_ARG_BYTES / 2)

/*
 * Make room for len more bytes of strings.  The buffer starts at one page
 * and doubles, so the usual exec costs no large allocation.
 */
static int reserve_strings(struct linux_binprm *bprm, size_t len)
{
	size_t want = bprm->strings_len + len, size = bprm->strings_size;
	char *p;

	if (want > MAX_ARG_BYTES)
		return -E2BIG;
	if (want <= size)
		return 0;
	while (size < want)
		size *= 2;
	p = krealloc(bprm->strings, size, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	bprm->strings = p;
	bprm->strings_size = size;
	return 0;
}

static int add_string(struct linux_binprm *bprm, const char *s, size_t len)
{
	int err = reserve_strings(bprm, len + 1);

	if (err)
		return err;
	memcpy(bprm->strings + bprm->strings_len, s, len);
	bprm->strings_len += len;
	bprm->strings[bprm->strings_len++] = '\0';
	return 0;
}

static int copy_user_strings(struct linux_binprm *bprm, const char __user *const __user *uv,
			     int *count)
{
	int n = 0, err;

	if (!uv)
		return 0;
	for (;;) {
		const char __user *p;
		long len;

		if (get_user(p, uv + n))
			return -EFAULT;
		if (!p)
			break;
		if (n >= MAX_ARGS)
			return -E2BIG;
		len = strnlen_user(p, MAX_ARG_BYTES);
		if (!len)
			return -EFAULT;
		if (len > MAX_ARG_BYTES)
			return -E2BIG;
		err = reserve_strings(bprm, len);
		if (err)
			return err;
		if (copy_from_user(bprm->strings + bprm->strings_len, p, len))
			return -EFAULT;
		bprm->strings[bprm->strings_len + len - 1] = '\0';
		bprm->strings_len += len;
		n++;
	}
	*count = n;
	return 0;
}

static int copy_kernel_strings(struct linux_binprm *bprm, const char *const *v, int *count)
{
	int n, err;

	for (n = 0; v && v[n]; n++) {
		err = add_string(bprm, v[n], strlen(v[n]));
		if (err)
			return err;
	}
	*count = n;
	return 0;
}

/*
 * The file execve names: a path (relative to execveat's dirfd for the
 * program itself, to the cwd for interpreters), or with AT_EMPTY_PATH and
 * an empty path the dirfd itself (fexecve).  Execute, not read, permission.
 */
static struct file *exec_lookup(struct linux_binprm *bprm, const char *filename)
{
	int flags = O_RDONLY | O_LARGEFILE | __FMODE_EXEC;
	struct file *f;

	if (!bprm->file && !*filename && (bprm->at_flags & AT_EMPTY_PATH)) {
		f = fget(bprm->dfd);
		return f ? f : ERR_PTR(-EBADF);
	}
	if (bprm->file)		/* an interpreter: never relative to dirfd */
		return filp_open_exec(filename);
	if (bprm->at_flags & AT_SYMLINK_NOFOLLOW)
		flags |= O_NOFOLLOW;
	f = do_filp_open(bprm->dfd, filename, flags, 0);
	if (!IS_ERR(f))
		f->f_mode |= FMODE_EXEC | FMODE_READ;
	return f;
}

int open_exec(struct linux_binprm *bprm, const char *filename)
{
	struct file *file = exec_lookup(bprm, filename);
	struct inode *inode;
	loff_t pos = 0;
	ssize_t n;
	int err;

	if (IS_ERR(file))
		return PTR_ERR(file);
	inode = file_inode(file);
	err = -EACCES;
	if (!S_ISREG(inode->i_mode))
		goto out_put;
	err = inode_permission(inode, MAY_EXEC);
	if (err)
		goto out_put;
	memset(bprm->buf, 0, sizeof(bprm->buf));
	n = kernel_read(file, bprm->buf, sizeof(bprm->buf), &pos);
	if (n < 0) {
		err = n;
		goto out_put;
	}
	if (bprm->file)
		fput(bprm->file);
	bprm->file = file;
	return 0;
out_put:
	fput(file);
	return err;
}

/* Skip the first string of the buffer (argv[0]), keeping the rest. */
int bprm_replace_argv0(struct linux_binprm *bprm, const char *const *words, int n)
{
	size_t first = strlen(bprm->strings) + 1, rest = bprm->strings_len - first;
	size_t add = 0;
	int i, err;

	if (!bprm->argc)
		first = 0, rest = bprm->strings_len;
	for (i = 0; i < n; i++)
		add += strlen(words[i]) + 1;
	if (add > first) {
		err = reserve_strings(bprm, add - first);
		if (err)
			return err;
	}
	memmove(bprm->strings + add, bprm->strings + first, rest);
	bprm->strings_len = 0;
	for (i = 0; i < n; i++)
		add_string(bprm, words[i], strlen(words[i]));
	bprm->strings_len += rest;
	bprm->argc += n - (bprm->argc ? 1 : 0);
	return 0;
}

/* Point of no return: the task gets a fresh mm and drops the old one. */
int begin_new_exec(struct linux_binprm *bprm)
{
	struct task_struct *t = current;
	struct mm_struct *old = t->mm, *mm = mm_alloc_exec(old);

	if (IS_ERR_OR_NULL(mm))
		return mm ? PTR_ERR(mm) : -ENOMEM;
	bprm->point_of_no_return = true;
	mm_release_vfork(t);
	t->mm = mm;
	if (old)
		mmput(old);
	return 0;
}

static const char *basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

void setup_new_exec(struct linux_binprm *bprm)
{
	struct task_struct *t = current;

	strscpy(t->comm, basename(bprm->filename), sizeof(t->comm));
	t->flags &= ~PF_KTHREAD;	/* pid 1 starts as a kernel thread */
	flush_signal_handlers(t);
	if (t->files)
		do_close_on_exec(t->files);
	if (t->mm->exe_file)
		fput(t->mm->exe_file);
	t->mm->exe_file = get_file(bprm->file);
}

static int search_binary_handler(struct linux_binprm *bprm)
{
	int err = load_script_binary(bprm);

	if (err != -ENOEXEC)
		return err;
	return load_elf_binary(bprm);
}

static int do_execve_common(struct linux_binprm *bprm)
{
	int err, tries = 0;

	/*
	 * A lack of memory can be waited out before the point of no return,
	 * unless a #! line already rewrote the arguments.
	 */
	do {
		err = open_exec(bprm, bprm->interp);
		if (!err)
			err = search_binary_handler(bprm);
	} while (err == -ENOMEM && !bprm->point_of_no_return && !bprm->depth &&
		 ++tries <= OOM_RETRIES &&
		 !fatal_signal_pending(current) && oom_wait_for_memory());
	if (err && bprm->point_of_no_return) {
		printk(KERN_ERR "%s[%d]: exec of %s failed after the point of no return: %d\n",
		       current->comm, current->pid, bprm->filename, err);
		do_exit(SIGKILL);
	}
	return err;
}

static struct linux_binprm *alloc_bprm(const char *filename)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);

	if (!bprm)
		return NULL;
	bprm->dfd = AT_FDCWD;
	bprm->strings_size = PAGE_SIZE;
	bprm->strings = kmalloc(bprm->strings_size, GFP_KERNEL);
	bprm->filename = kstrdup(filename);
	bprm->interp = kstrdup(filename);
	if (!bprm->strings || !bprm->filename || !bprm->interp) {
		kfree(bprm->strings);
		kfree(bprm->filename);
		kfree(bprm->interp);
		kfree(bprm);
		return NULL;
	}
	return bprm;
}

static void free_bprm(struct linux_binprm *bprm)
{
	if (bprm->file)
		fput(bprm->file);
	kfree(bprm->strings);
	kfree(bprm->filename);
	kfree(bprm->interp);
	kfree(bprm);
}

/*
 * The guest's path, and the name comm and AT_EXECFN show: the path
 * itself, or for a lookup relative to a dirfd "/dev/fd/N[/path]", as Linux
 * names it.  Both kmalloc'ed.
 */
static int copy_exec_names(int dfd, const char __user *filename, int flags,
			   char **path, char **shown)
{
	char *p = kmalloc(PATH_MAX, GFP_KERNEL), *n;
	long len;

	if (!p)
		return -ENOMEM;
	len = strncpy_from_user(p, filename, PATH_MAX);
	if (len < 0 || len >= PATH_MAX || (!len && !(flags & AT_EMPTY_PATH))) {
		kfree(p);
		return len < 0 ? len : len ? -ENAMETOOLONG : -ENOENT;
	}
	n = kmalloc(PATH_MAX + 32, GFP_KERNEL);
	if (!n) {
		kfree(p);
		return -ENOMEM;
	}
	if (dfd == AT_FDCWD || p[0] == '/')
		strscpy(n, p, PATH_MAX);
	else if (!p[0])
		snprintf(n, PATH_MAX + 32, "/dev/fd/%d", dfd);
	else
		snprintf(n, PATH_MAX + 32, "/dev/fd/%d/%s", dfd, p);
	*path = p;
	*shown = n;
	return 0;
}

static long do_execveat(int dfd, const char __user *filename,
			const char __user *const __user *argv,
			const char __user *const __user *envp, int flags)
{
	struct linux_binprm *bprm;
	char *path = NULL, *shown = NULL;
	long err;

	if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW))
		return -EINVAL;
	err = copy_exec_names(dfd, filename, flags, &path, &shown);
	if (err)
		return err;
	bprm = alloc_bprm(shown);
	if (bprm) {
		kfree(bprm->interp);	/* what to open: the guest's own path */
		bprm->interp = path;
		bprm->dfd = dfd;
		bprm->at_flags = flags;
	} else {
		kfree(path);
	}
	kfree(shown);
	if (!bprm)
		return -ENOMEM;
	err = copy_user_strings(bprm, argv, &bprm->argc);
	/* An empty argv gets one empty argv[0], as Linux does since 5.18. */
	if (!err && !bprm->argc) {
		err = add_string(bprm, "", 0);
		bprm->argc = 1;
	}
	if (!err)
		err = copy_user_strings(bprm, envp, &bprm->envc);
	if (!err)
		err = do_execve_common(bprm);
	if (!err)
		current->thread.syscall_nr = SYSCALL_SETS_REGS;
	free_bprm(bprm);
	return err;
}

long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	return do_execveat(AT_FDCWD, filename, argv, envp, 0);
}

long sys_execveat(int dfd, const char __user *filename, const char __user *const __user *argv,
		  const char __user *const __user *envp, int flags)
{
	return do_execveat(dfd, filename, argv, envp, flags);
}

int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	struct linux_binprm *bprm = alloc_bprm(filename);
	int err;

	if (!bprm)
		return -ENOMEM;
	err = copy_kernel_strings(bprm, argv, &bprm->argc);
	if (!err)
		err = copy_kernel_strings(bprm, envp, &bprm->envc);
	if (!err)
		err = do_execve_common(bprm);
	free_bprm(bprm);
	return err;
}
