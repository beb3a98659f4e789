// SPDX-License-Identifier: GPL-2.0
/*
 * memtree <pid>: host memory of a process and all its descendants.
 *
 * Prints one line "procs <n> mms <m> rss <kB> pss <kB>": the sums of VmRSS
 * (/proc/<pid>/status) and Pss (/proc/<pid>/smaps_rollup) over the distinct
 * address spaces of the tree.  Both UML and umk run helpers that are
 * separate processes sharing the kernel's address space (clone with CLONE_VM
 * but not CLONE_THREAD); each of them reports the whole shared mm, so the
 * processes are grouped by address space with kcmp(KCMP_VM) and every mm is
 * counted once.  Pss then splits pages shared between address spaces (the
 * physical memory file mapped in the kernel and in every guest process)
 * instead of counting them in full each time, as RSS does.
 */
#include <ctype.h>
#include <dirent.h>
#include <linux/kcmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_PROCS 65536

struct proc_entry {
	int pid;
	int ppid;
	int in_tree;
};

static struct proc_entry procs[MAX_PROCS];
static int nr_procs;

/* ppid from /proc/<pid>/stat; the comm field may hold spaces and ')' */
static int read_ppid(int pid)
{
	char path[64], buf[512], *p;
	int ppid = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fgets(buf, sizeof(buf), f)) {
		p = strrchr(buf, ')');
		if (p && sscanf(p + 1, " %*c %d", &ppid) != 1)
			ppid = -1;
	}
	fclose(f);
	return ppid;
}

static void scan_procs(void)
{
	struct dirent *d;
	DIR *dir;

	dir = opendir("/proc");
	if (!dir) {
		perror("memtree: /proc");
		exit(1);
	}
	while ((d = readdir(dir)) && nr_procs < MAX_PROCS) {
		if (!isdigit((unsigned char)d->d_name[0]))
			continue;
		procs[nr_procs].pid = atoi(d->d_name);
		procs[nr_procs].ppid = read_ppid(procs[nr_procs].pid);
		if (procs[nr_procs].ppid >= 0)
			nr_procs++;
	}
	closedir(dir);
}

/* Mark top and its descendants; one pass per generation. */
static void mark_tree(int top)
{
	int changed = 1, i, j;

	for (i = 0; i < nr_procs; i++)
		procs[i].in_tree = procs[i].pid == top;
	while (changed) {
		changed = 0;
		for (i = 0; i < nr_procs; i++) {
			if (procs[i].in_tree)
				continue;
			for (j = 0; j < nr_procs; j++)
				if (procs[j].in_tree &&
				    procs[j].pid == procs[i].ppid)
					break;
			if (j < nr_procs) {
				procs[i].in_tree = 1;
				changed = 1;
			}
		}
	}
}

/* "<field>: N kB" from /proc/<pid>/<file>, 0 if absent */
static long read_kb(int pid, const char *file, const char *field)
{
	char path[64], line[256];
	size_t len = strlen(field);
	long kb = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, file);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, field, len) && line[len] == ':') {
			kb = atol(line + len + 1);
			break;
		}
	fclose(f);
	return kb;
}

static int same_mm(int a, int b)
{
	return syscall(SYS_kcmp, a, b, KCMP_VM, 0, 0) == 0;
}

int main(int argc, char **argv)
{
	static int seen[MAX_PROCS];
	int i, j, n = 0, nr_seen = 0;
	long rss = 0, pss = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: memtree <pid>\n");
		return 2;
	}
	scan_procs();
	mark_tree(atoi(argv[1]));
	for (i = 0; i < nr_procs; i++) {
		if (!procs[i].in_tree)
			continue;
		n++;
		for (j = 0; j < nr_seen; j++)
			if (same_mm(seen[j], procs[i].pid))
				break;
		if (j < nr_seen)
			continue;
		seen[nr_seen++] = procs[i].pid;
		rss += read_kb(procs[i].pid, "status", "VmRSS");
		pss += read_kb(procs[i].pid, "smaps_rollup", "Pss");
	}
	if (!n) {
		fprintf(stderr, "memtree: no process %s\n", argv[1]);
		return 1;
	}
	printf("procs %d mms %d rss %ld pss %ld\n", n, nr_seen, rss, pss);
	return 0;
}
