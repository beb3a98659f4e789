// SPDX-License-Identifier: GPL-2.0
/* Physical memory: one host memory file, mapped once into the kernel. */
#include <errno.h>
#include <unistd.h>
#include <sys/mman.h>

#include <os.h>

int os_create_physmem(unsigned long long size)
{
	int fd = memfd_create("umk-physmem", MFD_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (ftruncate(fd, size) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

void *os_map_physmem(int fd, unsigned long long size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	return p == MAP_FAILED ? NULL : p;
}
