// SPDX-License-Identifier: GPL-2.0
/*
 * procfs, user half: what /proc/cpuinfo reports about the host, as UML
 * does (the host's uname and its CPU flags stand in for real hardware).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

int proc_user_host_uname(char *buf, int len)
{
	struct utsname u;

	if (uname(&u))
		return -errno;
	snprintf(buf, len, "%s %s %s %s %s", u.sysname, u.nodename, u.release,
		 u.version, u.machine);
	return 0;
}

/* The value of the first "flags" line of the host's /proc/cpuinfo. */
int proc_user_host_cpu_flags(char *buf, int len)
{
	static char line[4096];	/* off the small kernel stack */
	FILE *f = fopen("/proc/cpuinfo", "re");
	int err = -ENOENT;
	char *colon;

	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "flags", 5))
			continue;
		colon = strchr(line, ':');
		if (!colon)
			continue;
		colon += strspn(colon + 1, " \t") + 1;
		colon[strcspn(colon, "\n")] = '\0';
		snprintf(buf, len, "%s", colon);
		err = 0;
		break;
	}
	fclose(f);
	return err;
}
