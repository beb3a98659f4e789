// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel log: printk(), the consoles, and syslog(2).
 *
 * Every message line becomes one record in a ring buffer of
 * 1 << CONFIG_LOG_BUF_SHIFT bytes.  A record is a header (timestamp, level,
 * length) followed by its text, without the newline, padded to 8 bytes.
 * When a new record does not fit, the oldest ones are dropped.  Records are
 * numbered by a sequence number that only grows, and every reader (the
 * consoles, syslog's destructive READ, the READ_ALL start set by CLEAR)
 * keeps its own position as a (seq, idx) pair.  A reader whose record was
 * dropped simply restarts at the oldest one still there.
 *
 * A record that would cross the end of the buffer starts over at offset 0
 * instead; the gap is marked by a header of length zero (or by being too
 * short to hold a header at all).
 *
 * A line is collected in cont_buf until its newline arrives, so KERN_CONT
 * pieces become one record, stamped with the time of its first piece.
 * Consoles print complete records only.  Until the first console
 * registers, records simply wait; that console then gets all of them.
 *
 * Console output and the ring are driven from printk() itself: there is no
 * log thread.  A console that printks from its write() method does not
 * recurse: the record is stored and printed by the loop already running.
 */
#include <umk/kernel.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <umk/timer.h>
#include <umk/uaccess.h>
#include <umk/wait.h>
#include <init.h>

#define LOG_BUF_LEN		(1u << CONFIG_LOG_BUF_SHIFT)
#define LOG_LINE_MAX		1024	/* longer lines are split */
/* "<7>" + "[12345678.123456] " + text + "\n", with room to spare. */
#define LOG_TEXT_MAX		(LOG_LINE_MAX + 48)

#define CONSOLE_LOGLEVEL_DEFAULT	7
#define CONSOLE_LOGLEVEL_QUIET		4
#define CONSOLE_LOGLEVEL_DEBUG		10
#define CONSOLE_LOGLEVEL_MIN		1

/* syslog(2) actions, numbered as in Linux. */
#define SYSLOG_ACTION_CLOSE		0
#define SYSLOG_ACTION_OPEN		1
#define SYSLOG_ACTION_READ		2
#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_READ_CLEAR	4
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_CONSOLE_OFF	6
#define SYSLOG_ACTION_CONSOLE_ON	7
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_UNREAD	9
#define SYSLOG_ACTION_SIZE_BUFFER	10

struct log_rec {
	u64 ts_nsec;
	u16 len;		/* text bytes + 1; 0 marks the wrap gap */
	u16 size;		/* header + text, rounded up to 8 */
	u8 level;
	u8 pad[3];
};

struct log_pos {
	u64 seq;
	u32 idx;
};

static char log_buf[LOG_BUF_LEN] __aligned(8);
static struct log_pos log_first, log_next;
static struct log_pos console_pos, syslog_pos, clear_pos;
static u32 syslog_partial;	/* bytes of syslog_pos's record already read */
static DECLARE_WAIT_QUEUE_HEAD(log_wait);

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static int saved_console_loglevel = -1;	/* set while CONSOLE_OFF */
static bool ignore_loglevel;
#ifdef CONFIG_PRINTK_TIME
static const bool printk_time = true;
#else
static const bool printk_time;
#endif

static struct console *console_list;
static bool console_seen;	/* the backlog went to the first console */

/* The line being assembled (KERN_CONT pieces). */
static char cont_buf[LOG_LINE_MAX];
static unsigned int cont_len;
static int cont_level;
static u64 cont_ts;
static bool cont_open;

/* --- the ring ------------------------------------------------------------- */

/* The record at idx, following the wrap gap back to offset 0. */
static u32 log_norm(u32 idx)
{
	if (idx + sizeof(struct log_rec) > LOG_BUF_LEN ||
	    !((struct log_rec *)(log_buf + idx))->len)
		return 0;
	return idx;
}

static struct log_rec *log_rec_at(u32 idx)
{
	return (struct log_rec *)(log_buf + idx);
}

static bool log_empty(void)
{
	return log_first.seq == log_next.seq;
}

static void log_drop_oldest(void)
{
	log_first.idx += log_rec_at(log_first.idx)->size;
	log_first.seq++;
	if (!log_empty())
		log_first.idx = log_norm(log_first.idx);
}

/*
 * Bring a reader's position up to date: if its record was dropped (or it
 * is the oldest, whose idx log_drop_oldest() has already normalised), it
 * continues at the oldest record.  Returns true if records were lost.
 */
static bool log_pos_fix(struct log_pos *p)
{
	bool lost = p->seq < log_first.seq;

	if (p->seq <= log_first.seq)
		*p = log_first;
	return lost;
}

/* The record a fixed-up position designates; NULL at the end of the log. */
static struct log_rec *log_pos_rec(struct log_pos *p)
{
	if (p->seq >= log_next.seq)
		return NULL;
	p->idx = log_norm(p->idx);
	return log_rec_at(p->idx);
}

static void log_pos_next(struct log_pos *p)
{
	p->idx += log_rec_at(p->idx)->size;
	p->seq++;
}

/*
 * Find room for a record of size bytes, dropping old records until it
 * fits.  Free space is [next, end) plus [0, first) when the live records do
 * not wrap, and [next, first) when they do.
 */
static u32 log_reserve(u32 size)
{
	for (;;) {
		if (log_empty()) {
			log_first.idx = log_next.idx = 0;
			return 0;
		}
		if (log_next.idx > log_first.idx) {
			if (log_next.idx + size <= LOG_BUF_LEN)
				return log_next.idx;
			if (size <= log_first.idx) {
				if (log_next.idx + sizeof(struct log_rec) <= LOG_BUF_LEN)
					log_rec_at(log_next.idx)->len = 0;
				return 0;
			}
		} else if (log_next.idx + size <= log_first.idx) {
			return log_next.idx;
		}
		log_drop_oldest();
	}
}

static void log_store(int level, u64 ts, const char *text, unsigned int len)
{
	u32 size = ALIGN(sizeof(struct log_rec) + len, 8);
	struct log_rec *r;
	u32 idx;

	idx = log_reserve(size);
	r = log_rec_at(idx);
	r->ts_nsec = ts;
	r->len = len + 1;	/* biased by one: 0 is the wrap mark */
	r->size = size;
	r->level = level;
	memcpy(r + 1, text, len);
	log_next.idx = idx + size;
	log_next.seq++;
}

static unsigned int rec_text_len(const struct log_rec *r)
{
	return r->len - 1;
}

/*
 * Format a record as text: "[    1.234567] text\n" for consoles, with a
 * "<level>" in front for syslog.  Returns the length (buf holds
 * LOG_TEXT_MAX bytes).
 */
static unsigned int rec_format(const struct log_rec *r, bool syslog, char *buf)
{
	unsigned int n = 0, len = rec_text_len(r);

	if (syslog)
		n += scnprintf(buf, LOG_TEXT_MAX, "<%u>", r->level);
	if (printk_time)
		n += scnprintf(buf + n, LOG_TEXT_MAX - n, "[%5lu.%06lu] ",
			       (unsigned long)(r->ts_nsec / NSEC_PER_SEC),
			       (unsigned long)(r->ts_nsec % NSEC_PER_SEC / NSEC_PER_USEC));
	memcpy(buf + n, r + 1, len);
	n += len;
	buf[n++] = '\n';
	return n;
}

/* --- consoles ------------------------------------------------------------- */

static bool suppress_message(int level)
{
	return level >= console_loglevel && !ignore_loglevel;
}

static void console_emit(const struct log_rec *r)
{
	static char line[LOG_TEXT_MAX];
	struct console *con;
	unsigned int n;

	if (suppress_message(r->level))
		return;
	n = rec_format(r, false, line);
	for (con = console_list; con; con = con->next)
		if ((con->flags & CON_ENABLED) && con->write)
			con->write(con, line, n);
}

/* Print every record the consoles have not seen yet. */
static void console_flush(void)
{
	static bool busy;
	struct log_rec *r;
	u64 seq;

	if (busy || !console_list)
		return;
	busy = true;
	log_pos_fix(&console_pos);
	while ((r = log_pos_rec(&console_pos))) {
		seq = console_pos.seq;
		console_emit(r);
		/* write() may have printk'ed enough to drop this record. */
		log_pos_fix(&console_pos);
		if (console_pos.seq == seq)
			log_pos_next(&console_pos);
	}
	busy = false;
}

static bool console_listed(struct console *con)
{
	struct console *c;

	for (c = console_list; c; c = c->next)
		if (c == con)
			return true;
	return false;
}

static void console_unlink(struct console *con)
{
	struct console **pp;

	for (pp = &console_list; *pp; pp = &(*pp)->next) {
		if (*pp == con) {
			*pp = con->next;
			con->next = NULL;
			return;
		}
	}
}

/*
 * Add a console and enable it.  The first console ever to arrive gets the
 * whole log so far; later ones start with the next message, even if for a
 * while there was no console at all.  A real console retires the boot
 * consoles that stood in for it.
 */
void register_console(struct console *con)
{
	struct console *c, *next;

	if (console_listed(con))
		return;
	console_flush();
	if (!console_list && console_seen)
		console_pos = log_next;
	console_seen = true;
	con->flags |= CON_ENABLED;
	con->next = console_list;
	console_list = con;
	if (!(con->flags & CON_BOOT)) {
		for (c = console_list; c; c = next) {
			next = c->next;
			if (c->flags & CON_BOOT)
				console_unlink(c);
		}
	}
	console_flush();
}

void unregister_console(struct console *con)
{
	console_unlink(con);
}

/* --- printk --------------------------------------------------------------- */

static void cont_flush(void)
{
	if (!cont_open)
		return;
	log_store(cont_level, cont_ts, cont_buf, cont_len);
	cont_open = false;
	cont_len = 0;
}

static void cont_add(int level, const char *s, unsigned int n)
{
	if (!cont_open) {
		cont_open = true;
		cont_level = level;
		cont_ts = ktime_get_boottime();
		cont_len = 0;
	}
	while (n) {
		unsigned int k;

		/* A full line is cut into records as more text arrives. */
		if (cont_len == LOG_LINE_MAX) {
			cont_flush();
			cont_open = true;
			cont_ts = ktime_get_boottime();
		}
		k = min(n, LOG_LINE_MAX - cont_len);
		memcpy(cont_buf + cont_len, s, k);
		cont_len += k;
		s += k;
		n -= k;
	}
}

/*
 * Strip the KERN_* prefixes of a message: sets *level (-1 if none was
 * given) and *cont for KERN_CONT, returns the text after them.
 */
static const char *parse_prefix(const char *s, int *level, bool *cont)
{
	*level = -1;
	*cont = false;
	while (s[0] == KERN_SOH[0] && s[1]) {
		if (s[1] >= '0' && s[1] <= '7')
			*level = s[1] - '0';
		else if (s[1] == 'c')
			*cont = true;
		else if (s[1] != 'd')	/* "d": the default level */
			break;
		s += 2;
	}
	return s;
}

/* Add text to the log, one record per line. */
static void log_text(int level, bool cont, const char *s, unsigned int len)
{
	const char *nl;

	if (cont_open && !cont)
		cont_flush();
	if (level < 0)
		level = cont_open ? cont_level : LOGLEVEL_DEFAULT;
	while (len) {
		nl = memchr(s, '\n', len);
		if (!nl) {
			cont_add(level, s, len);
			return;
		}
		cont_add(level, s, nl - s);
		cont_flush();
		len -= nl + 1 - s;
		s = nl + 1;
	}
}

/* Returns the length of the message, without its KERN_* prefix. */
int vprintk(const char *fmt, va_list args)
{
	static char text[LOG_TEXT_MAX];
	static int depth;
	bool cont;
	int level, n;
	const char *s;

	/* A printk from vsnprintf itself would clobber text: drop it. */
	if (depth)
		return 0;
	depth++;
	n = vscnprintf(text, sizeof(text), fmt, args);
	s = parse_prefix(text, &level, &cont);
	n -= s - text;
	log_text(level, cont, s, n);
	depth--;
	console_flush();
	if (waitqueue_active(&log_wait))
		wake_up_interruptible(&log_wait);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

/* --- syslog(2) ------------------------------------------------------------ */

static bool syslog_allowed(int type)
{
	if (type == SYSLOG_ACTION_READ_ALL || type == SYSLOG_ACTION_SIZE_BUFFER)
		return true;
	return !current || current->cred.euid == 0;
}

static bool syslog_has_unread(void)
{
	if (log_pos_fix(&syslog_pos))
		syslog_partial = 0;
	return syslog_pos.seq < log_next.seq;
}

/*
 * SYSLOG_ACTION_READ: wait for unread records, then hand out up to len
 * bytes of them, consuming what was read (a record may be split across
 * reads).  copy_to_user can sleep, so the ring is re-checked after each
 * copy.
 */
static long syslog_read(char __user *buf, int len, char *text)
{
	long done = 0;
	int err;

	err = wait_event_interruptible(log_wait, syslog_has_unread());
	if (err)
		return err;
	while (done < len && syslog_has_unread()) {
		unsigned int n, k;

		n = rec_format(log_pos_rec(&syslog_pos), true, text);
		k = min_t(unsigned int, n - syslog_partial, len - done);
		if (copy_to_user(buf + done, text + syslog_partial, k))
			return done ? done : -EFAULT;
		done += k;
		if (log_pos_fix(&syslog_pos)) {
			syslog_partial = 0;
			continue;
		}
		syslog_partial += k;
		if (syslog_partial == n) {
			log_pos_next(&syslog_pos);
			syslog_partial = 0;
		}
	}
	return done;
}

/* Formatted length of the records from p to the end of the log. */
static unsigned long syslog_bytes_from(struct log_pos p, char *text)
{
	unsigned long total = 0;
	struct log_rec *r;

	while ((r = log_pos_rec(&p))) {
		total += rec_format(r, true, text);
		log_pos_next(&p);
	}
	return total;
}

/*
 * SYSLOG_ACTION_READ_ALL: the newest records since the last CLEAR that fit
 * in len bytes, whole records only, oldest first.  Nothing is consumed.
 */
static long syslog_read_all(char __user *buf, int len, char *text)
{
	unsigned long total;
	struct log_pos p;
	u64 end = log_next.seq;
	long done = 0;
	struct log_rec *r;

	log_pos_fix(&clear_pos);
	p = clear_pos;
	total = syslog_bytes_from(p, text);
	while (total > (unsigned long)len && (r = log_pos_rec(&p))) {
		total -= rec_format(r, true, text);
		log_pos_next(&p);
	}
	while (p.seq < end) {
		unsigned int n;

		log_pos_fix(&p);	/* the last copy may have slept */
		r = log_pos_rec(&p);
		if (!r)
			break;
		n = rec_format(r, true, text);
		if (n > (unsigned long)(len - done))
			break;
		if (copy_to_user(buf + done, text, n))
			return done ? done : -EFAULT;
		done += n;
		log_pos_next(&p);
	}
	return done;
}

static long syslog_console_level(int level)
{
	if (level < 1 || level > 8)
		return -EINVAL;
	console_loglevel = max(level, CONSOLE_LOGLEVEL_MIN);
	saved_console_loglevel = -1;
	return 0;
}

static long syslog_read_action(int type, char __user *buf, int len)
{
	char *text;
	long ret;

	if (!buf || len < 0)
		return -EINVAL;
	if (!len)
		return 0;
	if (!access_ok(buf, len))
		return -EFAULT;
	text = kmalloc(LOG_TEXT_MAX, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	if (type == SYSLOG_ACTION_READ) {
		ret = syslog_read(buf, len, text);
	} else {
		ret = syslog_read_all(buf, len, text);
		if (ret >= 0 && type == SYSLOG_ACTION_READ_CLEAR)
			clear_pos = log_next;
	}
	kfree(text);
	return ret;
}

static long syslog_size_unread(void)
{
	char *text;
	long n;

	if (!syslog_has_unread())
		return 0;
	text = kmalloc(LOG_TEXT_MAX, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	n = syslog_bytes_from(syslog_pos, text) - syslog_partial;
	kfree(text);
	return n;
}

/* The syslog(2) actions, also used by /proc/kmsg. */
long do_syslog(int type, char __user *buf, int len)
{
	if (!syslog_allowed(type))
		return -EPERM;
	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		return syslog_read_action(type, buf, len);
	case SYSLOG_ACTION_CLEAR:
		clear_pos = log_next;
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel < 0)
			saved_console_loglevel = console_loglevel;
		console_loglevel = CONSOLE_LOGLEVEL_MIN;
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel >= 0) {
			console_loglevel = saved_console_loglevel;
			saved_console_loglevel = -1;
		}
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		return syslog_console_level(len);
	case SYSLOG_ACTION_SIZE_UNREAD:
		return syslog_size_unread();
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	}
	return -EINVAL;
}

long sys_syslog(int type, char __user *buf, int len)
{
	return do_syslog(type, buf, len);
}

/* --- parameters ----------------------------------------------------------- */

static int loglevel_setup(const char *val)
{
	int level;

	if (kstrtoint(val, 10, &level) || level < 0 || level > 8)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
umk_param("loglevel=", loglevel_setup,
	  "loglevel=<0-8>\n"
	  "    Print kernel messages of a level below this on the console\n"
	  "    (0 = none, 8 = all; default 7).\n");

static int quiet_setup(const char *val)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
umk_param("quiet", quiet_setup,
	  "quiet\n"
	  "    Print only warnings and worse on the console (loglevel=4).\n");

static int debug_setup(const char *val)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	return 0;
}
umk_param("debug", debug_setup,
	  "debug\n"
	  "    Print every kernel message on the console, debug ones too.\n");

static int ignore_loglevel_setup(const char *val)
{
	ignore_loglevel = true;
	return 0;
}
umk_param("ignore_loglevel", ignore_loglevel_setup,
	  "ignore_loglevel\n"
	  "    Print all kernel messages on the console whatever their level.\n");
