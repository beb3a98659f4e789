// SPDX-License-Identifier: GPL-2.0
/* The list of registered file system types, by name. */
#include <umk/fs.h>

static struct file_system_type *file_systems;

static struct file_system_type **find_filesystem(const char *name, size_t len)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next) {
		if (strlen((*p)->name) == len && !strncmp((*p)->name, name, len))
			break;
	}
	return p;
}

int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;

	if (fs->next)
		return -EBUSY;
	p = find_filesystem(fs->name, strlen(fs->name));
	if (*p)
		return -EBUSY;
	*p = fs;
	return 0;
}

int unregister_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next) {
		if (*p == fs) {
			*p = fs->next;
			fs->next = NULL;
			return 0;
		}
	}
	return -EINVAL;
}

struct file_system_type *get_fs_type(const char *name)
{
	if (!name)
		return NULL;
	return *find_filesystem(name, strlen(name));
}

int get_filesystem_list(char *buf, int size)
{
	struct file_system_type *p;
	int len = 0;

	for (p = file_systems; p && len < size; p = p->next)
		len += scnprintf(buf + len, size - len, "%s\t%s\n",
				 (p->fs_flags & FS_REQUIRES_DEV) ? "" : "nodev", p->name);
	return len;
}
