// SPDX-License-Identifier: GPL-2.0
/*
 * The umid directory: <uml_dir><umid>/ holds the pid file (and later the
 * mconsole socket) while the machine runs, as UML lays it out.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>
#include <sys/stat.h>

#include <init.h>
#include <os.h>

#define UMID_LEN 64

static char umid[UMID_LEN];
static char uml_dir[4096];
static char umid_dir[4096 + UMID_LEN + 2];
static int umid_created;

static int set_umid(const char *val)
{
	if (umid[0]) {
		fprintf(stderr, "umid already set\n");
		return -EINVAL;
	}
	if (!*val || strlen(val) >= UMID_LEN || strchr(val, '/')) {
		fprintf(stderr, "umid=%s: a umid is 1 to %d characters without '/'\n",
			val, UMID_LEN - 1);
		return -EINVAL;
	}
	strcpy(umid, val);
	return 0;
}
umk_param("umid=", set_umid,
"umid=<name>\n"
"    This is used to assign a unique identity to this UML machine and\n"
"    is used for naming the pid file and management console socket.\n");

static int set_uml_dir(const char *val)
{
	size_t n = strlen(val);

	if (!n || n + 2 > sizeof(uml_dir)) {
		fprintf(stderr, "uml_dir=%s: bad directory name\n", val);
		return -EINVAL;
	}
	strcpy(uml_dir, val);
	if (uml_dir[n - 1] != '/')
		strcat(uml_dir, "/");
	return 0;
}
umk_param("uml_dir=", set_uml_dir,
"uml_dir=<directory>\n"
"    The location to place the pid and umid files.\n");

static int default_uml_dir(void)
{
	const char *home = getenv("HOME");

	if (uml_dir[0])
		return 0;
	if (!home || !*home) {
		fprintf(stderr, "umid: $HOME is not set; give uml_dir=\n");
		return -ENOENT;
	}
	if (snprintf(uml_dir, sizeof(uml_dir), "%s/.uml/", home) >= (int)sizeof(uml_dir))
		return -ENAMETOOLONG;
	return 0;
}

/* Remove a stale umid directory's files (not recursive) and the dir. */
static void remove_umid_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[sizeof(umid_dir) + 256];

	if (d) {
		while ((e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

/* 0 when the directory is free to take (missing, or its owner is dead). */
static int check_stale(const char *dir)
{
	char path[sizeof(umid_dir) + 8], buf[16];
	int fd, n, pid;

	snprintf(path, sizeof(path), "%s/pid", dir);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, buf, 9);
		close(fd);
		if (n > 0) {
			buf[n] = '\0';
			pid = strtoul(buf, NULL, 0);
			if (pid > 0 && (kill(pid, 0) == 0 || errno != ESRCH)) {
				fprintf(stderr, "umid \"%s\" is already in use by pid %d\n",
					umid, pid);
				return -EEXIST;
			}
		}
	}
	remove_umid_dir(dir);
	return 0;
}

static int random_umid(void)
{
	char tmpl[sizeof(uml_dir) + 8];
	int fd;

	snprintf(tmpl, sizeof(tmpl), "%sXXXXXX", uml_dir);
	fd = mkstemp(tmpl);
	if (fd < 0)
		return -errno;
	close(fd);
	unlink(tmpl);
	strcpy(umid, tmpl + strlen(uml_dir));
	return 0;
}

static int make_umid_dir(void)
{
	char path[sizeof(umid_dir) + 8], pid[24];
	int fd, n;

	snprintf(umid_dir, sizeof(umid_dir), "%s%s", uml_dir, umid);
	if (check_stale(umid_dir))
		return -EEXIST;
	if (mkdir(umid_dir, 0777) < 0)
		return -errno;
	snprintf(path, sizeof(path), "%s/pid", umid_dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return -errno;
	n = snprintf(pid, sizeof(pid), "%d\n", getpid());
	if (write(fd, pid, n) != n) {
		close(fd);
		return -EIO;
	}
	close(fd);
	umid_created = 1;
	return 0;
}

int os_umid_setup(void)
{
	int err = default_uml_dir();

	if (err)
		return err;
	if (mkdir(uml_dir, 0777) < 0 && errno != EEXIST) {
		err = -errno;
		fprintf(stderr, "umid: cannot create %s: %s\n", uml_dir, strerror(errno));
		return err;
	}
	if (umid[0]) {
		err = make_umid_dir();
		if (!err)
			return 0;
		fprintf(stderr, "Failed to initialize umid \"%s\", trying with a random umid\n",
			umid);
	}
	err = random_umid();
	if (!err)
		err = make_umid_dir();
	if (err)
		fprintf(stderr, "umid: cannot set up %s: %s\n", umid_dir, strerror(-err));
	return err;
}

void os_umid_remove(void)
{
	if (umid_created) {
		remove_umid_dir(umid_dir);
		umid_created = 0;
	}
}
