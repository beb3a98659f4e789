// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys: the few kernel parameters programs commonly read, and the
 * host and domain names, which root may also set by writing them.
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include <umk/sched.h>
#include <umk/utsname.h>
#include "internal.h"

static int show_ostype(struct proc_buf *m, struct proc_inode *pi)
{
	pb_printf(m, "%s\n", init_uts.sysname);
	return 0;
}

static int show_osrelease(struct proc_buf *m, struct proc_inode *pi)
{
	pb_printf(m, "%s\n", init_uts.release);
	return 0;
}

static int show_version(struct proc_buf *m, struct proc_inode *pi)
{
	pb_printf(m, "%s\n", init_uts.version);
	return 0;
}

static int show_hostname(struct proc_buf *m, struct proc_inode *pi)
{
	pb_printf(m, "%s\n", init_uts.nodename);
	return 0;
}

static int show_domainname(struct proc_buf *m, struct proc_inode *pi)
{
	pb_printf(m, "%s\n", init_uts.domainname);
	return 0;
}

/* A new name: the text up to the first newline, at most 64 bytes. */
static ssize_t set_uts_name(char *field, const char *buf, size_t len)
{
	size_t n = strcspn(buf, "\n");

	if (n > __NEW_UTS_LEN)
		return -EINVAL;
	memcpy(field, buf, n);
	field[n] = '\0';
	return len;
}

static ssize_t write_hostname(struct proc_inode *pi, const char *buf, size_t len)
{
	return set_uts_name(init_uts.nodename, buf, len);
}

static ssize_t write_domainname(struct proc_inode *pi, const char *buf, size_t len)
{
	return set_uts_name(init_uts.domainname, buf, len);
}

static int show_pid_max(struct proc_buf *m, struct proc_inode *pi)
{
	pb_puts(m, "32768\n");
	return 0;
}

static int show_ngroups_max(struct proc_buf *m, struct proc_inode *pi)
{
	pb_puts(m, "65536\n");
	return 0;
}

static int show_cap_last_cap(struct proc_buf *m, struct proc_inode *pi)
{
	pb_puts(m, "40\n");
	return 0;
}

static const struct proc_entry kernel_children[] = {
	PROC_FILE("cap_last_cap", 0444, show_cap_last_cap),
	PROC_RW("domainname", 0644, show_domainname, write_domainname),
	PROC_RW("hostname", 0644, show_hostname, write_hostname),
	PROC_FILE("ngroups_max", 0444, show_ngroups_max),
	PROC_FILE("osrelease", 0444, show_osrelease),
	PROC_FILE("ostype", 0444, show_ostype),
	PROC_FILE("pid_max", 0444, show_pid_max),
	PROC_FILE("version", 0444, show_version),
	{}
};

const struct proc_entry proc_sys_children[] = {
	PROC_DIR("kernel", 0555, kernel_children, NULL),
	{}
};
