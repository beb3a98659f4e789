// SPDX-License-Identifier: GPL-2.0
/*
 * Process ids: a bitmap of PID_MAX ids handed out cyclically (as Linux does,
 * so a fresh pid is not soon reused), and a hash from pid to task.
 */
#include <umk/kernel.h>
#include <umk/sched.h>

#define PID_MAX		32768
#define PID_HASH	256
#define BITS		(8 * sizeof(unsigned long))

static unsigned long pid_bitmap[PID_MAX / BITS];
static pid_t last_pid;
LIST_HEAD(task_list);
struct task_struct *init_task_ptr;

static struct hlist_head pid_hash[PID_HASH];

void attach_pid(struct task_struct *t)
{
	hlist_add_head(&t->pid_node, &pid_hash[t->pid % PID_HASH]);
}

void detach_pid(struct task_struct *t)
{
	if (!hlist_unhashed(&t->pid_node))
		hlist_del(&t->pid_node);
}

struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *t;

	if (pid <= 0 || pid >= PID_MAX)
		return NULL;
	hlist_for_each_entry(t, &pid_hash[pid % PID_HASH], pid_node)
		if (t->pid == pid)
			return t;
	return NULL;
}

static bool pid_used(pid_t pid)
{
	return pid_bitmap[pid / BITS] & (1UL << (pid % BITS));
}

pid_t alloc_pid(void)
{
	pid_t pid = last_pid;
	int i;

	for (i = 0; i < PID_MAX; i++) {
		if (++pid >= PID_MAX)
			pid = 1;
		if (!pid_used(pid)) {
			pid_bitmap[pid / BITS] |= 1UL << (pid % BITS);
			last_pid = pid;
			return pid;
		}
	}
	return -EAGAIN;
}

void free_pid(pid_t pid)
{
	pid_bitmap[pid / BITS] &= ~(1UL << (pid % BITS));
}
