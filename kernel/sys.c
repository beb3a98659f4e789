// SPDX-License-Identifier: GPL-2.0
/* Identity, process groups, limits and system information calls. */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/uaccess.h>
#include <umk/mm.h>
#include <umk/mm_types.h>
#include <umk/utsname.h>
#include <linux/utsname.h>
#include <linux/resource.h>
#include <linux/prctl.h>
#include <linux/personality.h>
#include <linux/sysinfo.h>
#include <linux/times.h>

struct new_utsname init_uts = {
	.sysname = "Linux",
	.nodename = CONFIG_DEFAULT_HOSTNAME,
	.release = UTS_RELEASE,
	.version = UTS_VERSION,
	.machine = "x86_64",
	.domainname = "(none)",
};

long sys_uname(struct new_utsname __user *name)
{
	return copy_to_user(name, &init_uts, sizeof(init_uts)) ? -EFAULT : 0;
}

static long set_uts_field(char *field, const char __user *name, int len)
{
	char buf[__NEW_UTS_LEN + 1];

	if (current->cred.euid != 0)
		return -EPERM;
	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(buf, name, len))
		return -EFAULT;
	buf[len] = '\0';
	memcpy(field, buf, len + 1);
	return 0;
}

long sys_sethostname(const char __user *name, int len)
{
	return set_uts_field(init_uts.nodename, name, len);
}

long sys_setdomainname(const char __user *name, int len)
{
	return set_uts_field(init_uts.domainname, name, len);
}

long sys_getpid(void) { return current->tgid; }
long sys_gettid(void) { return current->pid; }
long sys_getppid(void)
{
	struct task_struct *p = current->group_leader->real_parent;

	return p ? p->tgid : 0;
}
long sys_getuid(void) { return current->cred.uid; }
long sys_geteuid(void) { return current->cred.euid; }
long sys_getgid(void) { return current->cred.gid; }
long sys_getegid(void) { return current->cred.egid; }

long sys_set_tid_address(int __user *tidptr)
{
	current->clear_child_tid = (unsigned long)tidptr;
	return current->pid;
}

static bool capable_setid(void)
{
	return current->cred.euid == 0;
}

long sys_setresuid(uid_t r, uid_t e, uid_t s)
{
	struct cred *c = &current->cred;

	if (!capable_setid()) {
		uid_t ok[3] = { c->uid, c->euid, c->suid };
		uid_t want[3] = { r, e, s };
		int i, j;

		for (i = 0; i < 3; i++) {
			bool found = want[i] == (uid_t)-1;

			for (j = 0; j < 3 && !found; j++)
				found = want[i] == ok[j];
			if (!found)
				return -EPERM;
		}
	}
	if (r != (uid_t)-1) c->uid = r;
	if (e != (uid_t)-1) c->euid = e;
	if (s != (uid_t)-1) c->suid = s;
	c->fsuid = c->euid;
	return 0;
}

long sys_setresgid(gid_t r, gid_t e, gid_t s)
{
	struct cred *c = &current->cred;

	if (!capable_setid() && ((r != (gid_t)-1 && r != c->gid && r != c->egid && r != c->sgid) ||
				 (e != (gid_t)-1 && e != c->gid && e != c->egid && e != c->sgid) ||
				 (s != (gid_t)-1 && s != c->gid && s != c->egid && s != c->sgid)))
		return -EPERM;
	if (r != (gid_t)-1) c->gid = r;
	if (e != (gid_t)-1) c->egid = e;
	if (s != (gid_t)-1) c->sgid = s;
	c->fsgid = c->egid;
	return 0;
}

long sys_setuid(uid_t uid)
{
	if (capable_setid())
		return sys_setresuid(uid, uid, uid);
	return sys_setresuid(-1, uid, -1);
}

long sys_setgid(gid_t gid)
{
	if (capable_setid())
		return sys_setresgid(gid, gid, gid);
	return sys_setresgid(-1, gid, -1);
}

long sys_setreuid(uid_t r, uid_t e) { return sys_setresuid(r, e, -1); }
long sys_setregid(gid_t r, gid_t e) { return sys_setresgid(r, e, -1); }

long sys_getresuid(uid_t __user *r, uid_t __user *e, uid_t __user *s)
{
	struct cred *c = &current->cred;

	if (put_user(c->uid, r) || put_user(c->euid, e) || put_user(c->suid, s))
		return -EFAULT;
	return 0;
}

long sys_getresgid(gid_t __user *r, gid_t __user *e, gid_t __user *s)
{
	struct cred *c = &current->cred;

	if (put_user(c->gid, r) || put_user(c->egid, e) || put_user(c->sgid, s))
		return -EFAULT;
	return 0;
}

long sys_setfsuid(uid_t uid)
{
	uid_t old = current->cred.fsuid;

	if (capable_setid() || uid == current->cred.uid || uid == current->cred.euid)
		current->cred.fsuid = uid;
	return old;
}

long sys_setfsgid(gid_t gid)
{
	gid_t old = current->cred.fsgid;

	if (capable_setid() || gid == current->cred.gid || gid == current->cred.egid)
		current->cred.fsgid = gid;
	return old;
}

long sys_getgroups(int size, gid_t __user *list)
{
	struct cred *c = &current->cred;

	if (size < 0)
		return -EINVAL;
	if (!size)
		return c->ngroups;
	if (size < c->ngroups)
		return -EINVAL;
	if (copy_to_user(list, c->groups, c->ngroups * sizeof(gid_t)))
		return -EFAULT;
	return c->ngroups;
}

long sys_setgroups(int size, const gid_t __user *list)
{
	struct cred *c = &current->cred;

	if (!capable_setid())
		return -EPERM;
	if (size < 0 || size > (int)ARRAY_SIZE(c->groups))
		return -EINVAL;
	if (copy_from_user(c->groups, list, size * sizeof(gid_t)))
		return -EFAULT;
	c->ngroups = size;
	return 0;
}

/* -- process groups and sessions -------------------------------------- */

static bool session_has_pgrp(pid_t session, pid_t pgrp)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (t->signal->session == session && t->signal->pgrp == pgrp && !t->exit_state)
			return true;
	return false;
}

long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current->group_leader;
	struct task_struct *me = current->group_leader;

	if (pgid < 0)
		return -EINVAL;
	if (!t || !thread_group_leader(t))
		return -ESRCH;
	if (t != me && t->real_parent != me)
		return -ESRCH;
	if (!pgid)
		pgid = t->pid;
	if (t->signal->session != me->signal->session)
		return -EPERM;
	if (t->signal->session == t->pid)
		return -EPERM;		/* a session leader cannot move */
	if (pgid != t->pid && !session_has_pgrp(me->signal->session, pgid))
		return -EPERM;
	t->signal->pgrp = pgid;
	return 0;
}

long sys_getpgid(pid_t pid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;

	if (!t)
		return -ESRCH;
	return t->signal->pgrp;
}

long sys_getpgrp(void)
{
	return current->signal->pgrp;
}

long sys_getsid(pid_t pid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;

	if (!t)
		return -ESRCH;
	return t->signal->session;
}

long sys_setsid(void)
{
	struct task_struct *t = current->group_leader, *p;
	pid_t sid = t->pid;

	list_for_each_entry(p, &task_list, tasks)
		if (p->signal->pgrp == sid && !p->exit_state)
			return -EPERM;
	t->signal->session = sid;
	t->signal->pgrp = sid;
	t->signal->tty = NULL;
	return sid;
}

/* -- limits ------------------------------------------------------------- */

void init_rlimits(struct signal_struct *sig)
{
	int i;

	for (i = 0; i < (int)ARRAY_SIZE(sig->rlim); i++) {
		sig->rlim[i].cur = RLIM_INFINITY;
		sig->rlim[i].max = RLIM_INFINITY;
	}
	sig->rlim[RLIMIT_STACK].cur = 8 * 1024 * 1024;
	sig->rlim[RLIMIT_CORE].cur = 0;
	sig->rlim[RLIMIT_NOFILE].cur = 1024;
	sig->rlim[RLIMIT_NOFILE].max = 4096;
	sig->rlim[RLIMIT_NPROC].cur = sig->rlim[RLIMIT_NPROC].max = 4096;
	sig->rlim[RLIMIT_SIGPENDING].cur = sig->rlim[RLIMIT_SIGPENDING].max = 4096;
	sig->rlim[RLIMIT_MEMLOCK].cur = sig->rlim[RLIMIT_MEMLOCK].max = 8 * 1024 * 1024;
	sig->rlim[RLIMIT_MSGQUEUE].cur = sig->rlim[RLIMIT_MSGQUEUE].max = 819200;
}

long sys_prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 __user *new,
		   struct rlimit64 __user *old)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;
	struct rlimit64 r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (!t)
		return -ESRCH;
	if (old) {
		r.rlim_cur = t->signal->rlim[resource].cur;
		r.rlim_max = t->signal->rlim[resource].max;
		if (copy_to_user(old, &r, sizeof(r)))
			return -EFAULT;
	}
	if (new) {
		if (copy_from_user(&r, new, sizeof(r)))
			return -EFAULT;
		if (r.rlim_cur > r.rlim_max)
			return -EINVAL;
		if (r.rlim_max > t->signal->rlim[resource].max && current->cred.euid != 0)
			return -EPERM;
		t->signal->rlim[resource].cur = r.rlim_cur;
		t->signal->rlim[resource].max = r.rlim_max;
	}
	return 0;
}

long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim)
{
	struct rlimit r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	r.rlim_cur = current->signal->rlim[resource].cur;
	r.rlim_max = current->signal->rlim[resource].max;
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

long sys_setrlimit(unsigned int resource, const struct rlimit __user *rlim)
{
	struct rlimit r;
	struct rlimit64 r64;

	if (copy_from_user(&r, rlim, sizeof(r)))
		return -EFAULT;
	r64.rlim_cur = r.rlim_cur;
	r64.rlim_max = r.rlim_max;
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (r64.rlim_cur > r64.rlim_max)
		return -EINVAL;
	current->signal->rlim[resource].cur = r64.rlim_cur;
	current->signal->rlim[resource].max = r64.rlim_max;
	return 0;
}

static void ns_to_timeval(u64 ns, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / 1000;
}

long sys_getrusage(int who, struct rusage __user *ru)
{
	struct rusage r;
	struct task_struct *t = current;
	u64 u, s;

	memset(&r, 0, sizeof(r));
	switch (who) {
	case RUSAGE_SELF:
	case RUSAGE_THREAD:
		u = t->utime_ns;
		s = t->stime_ns;
		break;
	case RUSAGE_CHILDREN:
		u = t->signal->cutime_ns;
		s = t->signal->cstime_ns;
		break;
	default:
		return -EINVAL;
	}
	ns_to_timeval(u, (struct __kernel_old_timeval *)&r.ru_utime);
	ns_to_timeval(s, (struct __kernel_old_timeval *)&r.ru_stime);
	if (t->mm)
		r.ru_maxrss = t->mm->rss * (PAGE_SIZE / 1024);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

long sys_times(struct tms __user *tbuf)
{
	struct task_struct *t = current;
	const u64 tick = NSEC_PER_SEC / 100;	/* USER_HZ */
	struct tms tms = {
		.tms_utime = t->utime_ns / tick,
		.tms_stime = t->stime_ns / tick,
		.tms_cutime = t->signal->cutime_ns / tick,
		.tms_cstime = t->signal->cstime_ns / tick,
	};

	if (tbuf && copy_to_user(tbuf, &tms, sizeof(tms)))
		return -EFAULT;
	return ktime_get() / tick;
}

long sys_sysinfo(struct sysinfo __user *info)
{
	struct sysinfo si;
	struct task_struct *t;

	memset(&si, 0, sizeof(si));
	si.uptime = ktime_get_boottime() / NSEC_PER_SEC;
	si.totalram = totalram_pages();
	si.freeram = nr_free_pages();
	si.mem_unit = PAGE_SIZE;
	list_for_each_entry(t, &task_list, tasks)
		si.procs++;
	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}

long sys_sched_yield(void)
{
	set_need_resched();
	schedule();
	return 0;
}

long sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long __user *mask)
{
	unsigned long one = 1;

	if (len < sizeof(one))
		return -EINVAL;
	if (pid && !find_task_by_pid(pid))
		return -ESRCH;
	if (clear_user(mask, len) || copy_to_user(mask, &one, sizeof(one)))
		return -EFAULT;
	return sizeof(one);
}

long sys_sched_setaffinity(pid_t pid, unsigned int len, unsigned long __user *mask)
{
	unsigned long m;

	if (len < sizeof(m) || copy_from_user(&m, mask, sizeof(m)))
		return -EFAULT;
	return (m & 1) ? 0 : -EINVAL;
}

long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node, void __user *unused)
{
	if (cpu && put_user(0u, cpu))
		return -EFAULT;
	if (node && put_user(0u, node))
		return -EFAULT;
	return 0;
}

long sys_personality(unsigned int persona)
{
	return persona == 0xffffffff || persona == PER_LINUX ? PER_LINUX : -EINVAL;
}

long sys_prctl(int option, unsigned long a2, unsigned long a3, unsigned long a4,
	       unsigned long a5)
{
	char name[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_NAME:
		if (strncpy_from_user(name, (const char __user *)a2, sizeof(name) - 1) < 0)
			return -EFAULT;
		name[sizeof(name) - 1] = '\0';
		strscpy(current->comm, name, sizeof(current->comm));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((void __user *)a2, current->comm, TASK_COMM_LEN) ? -EFAULT : 0;
	case PR_SET_PDEATHSIG:
		if (a2 > _NSIG)
			return -EINVAL;
		current->pdeath_signal = a2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(current->pdeath_signal, (int __user *)a2);
	case PR_SET_DUMPABLE:
	case PR_SET_NO_NEW_PRIVS:
		return 0;
	case PR_GET_DUMPABLE:
		return 1;
	default:
		return -EINVAL;
	}
}

long sys_getpriority(int which, int who)
{
	return 20;	/* nice 0, in the syscall's 40 - nice encoding */
}

long sys_setpriority(int which, int who, int niceval)
{
	return 0;
}
