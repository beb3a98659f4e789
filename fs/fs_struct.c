// SPDX-License-Identifier: GPL-2.0
/*
 * fs_struct: the root, working directory and umask of a task.  Tasks
 * created with CLONE_FS share one (users counts them); fork copies it.
 * init_fs serves the first tasks, and any code that runs without a task.
 */
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/sched.h>

struct fs_struct init_fs = {
	.users = 1,
	.umask = 0022,
};

void path_get(const struct path *p)
{
	mntget(p->mnt);
	dget(p->dentry);
}

void path_put(const struct path *p)
{
	dput(p->dentry);
	mntput(p->mnt);
}

struct fs_struct *current_fs(void)
{
	if (current && current->fs)
		return current->fs;
	return &init_fs;
}

umode_t current_umask(void)
{
	return current_fs()->umask;
}

void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	struct path old = fs->root;

	path_get(path);
	fs->root = *path;
	path_put(&old);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old = fs->pwd;

	path_get(path);
	fs->pwd = *path;
	path_put(&old);
}

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	fs->umask = old->umask;
	fs->root = old->root;
	fs->pwd = old->pwd;
	path_get(&fs->root);
	path_get(&fs->pwd);
	return fs;
}

void put_fs_struct(struct fs_struct *fs)
{
	if (!fs || --fs->users)
		return;
	path_put(&fs->root);
	path_put(&fs->pwd);
	if (fs != &init_fs)
		kfree(fs);
}

long sys_umask(int mask)
{
	struct fs_struct *fs = current_fs();
	umode_t old = fs->umask;

	fs->umask = mask & S_IRWXUGO;
	return old;
}
