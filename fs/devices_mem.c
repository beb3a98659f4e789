// SPDX-License-Identifier: GPL-2.0
/*
 * The memory character devices (major 1): null, zero, full, random and
 * urandom, and getrandom(2).  Randomness comes from a xoshiro256**
 * generator seeded from the clocks and stirred with the clock on every
 * read: fine for hash seeds and temporary names, not for cryptography.
 */
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/timer.h>
#include <umk/uaccess.h>
#include <init.h>
#include <linux/random.h>

#define MEM_MAJOR	1
#define CHUNK		256

/* ---- the generator ---------------------------------------------------- */

static u64 rng_state[4];
static bool rng_seeded;

static u64 splitmix64(u64 *x)
{
	u64 z = (*x += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static inline u64 rotl(u64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static u64 rng_next(void)
{
	u64 *s = rng_state;
	u64 result = rotl(s[1] * 5, 7) * 9;
	u64 t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

static void rng_mix(u64 v)
{
	u64 x = v ^ rng_state[0];
	int i;

	for (i = 0; i < 4; i++)
		rng_state[i] ^= splitmix64(&x);
	if (!(rng_state[0] | rng_state[1] | rng_state[2] | rng_state[3]))
		rng_state[0] = 1;
}

static void rng_stir(void)
{
	if (!rng_seeded) {
		rng_mix((u64)ktime_get_real());
		rng_seeded = true;
	}
	rng_mix((u64)ktime_get());
}

static void rng_fill(void *buf, size_t len)
{
	u8 *p = buf;

	while (len) {
		u64 v = rng_next();
		size_t n = min(len, sizeof(v));

		memcpy(p, &v, n);
		p += n;
		len -= n;
	}
}

/* Random bytes to guest memory: bytes written, or -EFAULT if none. */
static ssize_t random_to_user(char __user *buf, size_t len)
{
	u8 tmp[CHUNK];
	ssize_t done = 0;

	rng_stir();
	while (len) {
		size_t n = min_t(size_t, len, sizeof(tmp));
		unsigned long left;

		rng_fill(tmp, n);
		left = copy_to_user(buf + done, tmp, n);
		done += n - left;
		len -= n;
		if (left)
			return done ? done : -EFAULT;
	}
	memset(tmp, 0, sizeof(tmp));
	return done;
}

/* For the rest of the kernel (stack canaries for AT_RANDOM, ...). */
void get_random_bytes(void *buf, size_t len)
{
	rng_stir();
	rng_fill(buf, len);
}

/* ---- the devices ------------------------------------------------------ */

static ssize_t read_null(struct file *f, char __user *buf, size_t len, loff_t *pos)
{
	return 0;
}

static ssize_t write_null(struct file *f, const char __user *buf, size_t len, loff_t *pos)
{
	return len;
}

static ssize_t read_zero(struct file *f, char __user *buf, size_t len, loff_t *pos)
{
	size_t done = 0;

	while (done < len) {
		size_t n = min_t(size_t, len - done, PAGE_SIZE);
		unsigned long left = clear_user(buf + done, n);

		done += n - left;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

static ssize_t write_full(struct file *f, const char __user *buf, size_t len, loff_t *pos)
{
	return -ENOSPC;
}

static ssize_t read_random(struct file *f, char __user *buf, size_t len, loff_t *pos)
{
	return random_to_user(buf, len);
}

/* Written data is mixed in; it is never trusted alone. */
static ssize_t write_random(struct file *f, const char __user *buf, size_t len, loff_t *pos)
{
	u64 word;
	size_t done = 0;

	while (done < len) {
		size_t n = min(len - done, sizeof(word));

		word = 0;
		if (copy_from_user(&word, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		rng_mix(word);
		done += n;
	}
	return done;
}

static loff_t null_lseek(struct file *f, loff_t off, int whence)
{
	f->f_pos = 0;
	return 0;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read = read_null,
	.write = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read = read_zero,
	.write = write_null,
};

static const struct file_operations full_fops = {
	.llseek = null_lseek,
	.read = read_zero,
	.write = write_full,
};

static const struct file_operations random_fops = {
	.llseek = noop_llseek,
	.read = read_random,
	.write = write_random,
};

static const struct mem_dev {
	const char *name;
	unsigned int minor;
	const struct file_operations *fops;
} mem_devs[] = {
	{ "null", 3, &null_fops },
	{ "zero", 5, &zero_fops },
	{ "full", 7, &full_fops },
	{ "random", 8, &random_fops },
	{ "urandom", 9, &random_fops },
};

static int memory_open(struct inode *inode, struct file *file)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mem_devs); i++) {
		if (mem_devs[i].minor == MINOR(inode->i_rdev)) {
			file->f_op = mem_devs[i].fops;
			return 0;
		}
	}
	return -ENXIO;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

static int mem_devices_init(void)
{
	unsigned int i;
	int err;

	err = register_chrdev_region_fops(MKDEV(MEM_MAJOR, 0), 256, "mem", &memory_fops);
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(mem_devs); i++) {
		err = devtmpfs_create_node(mem_devs[i].name, S_IFCHR | 0666,
					   MKDEV(MEM_MAJOR, mem_devs[i].minor));
		if (err && err != -EEXIST)
			pr_warn("mem: cannot create /dev/%s: %d\n", mem_devs[i].name, err);
	}
	return 0;
}
device_initcall(mem_devices_init);

long sys_getrandom(char __user *buf, size_t count, unsigned int flags)
{
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (!count)
		return 0;
	return random_to_user(buf, count);
}
