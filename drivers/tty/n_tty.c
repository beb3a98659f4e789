// SPDX-License-Identifier: GPL-2.0
/*
 * n_tty: the terminal line discipline.
 *
 * Input.  The driver feeds bytes with n_tty_receive_buf(), normally from
 * its interrupt handler.  Each byte goes through the input modes (ISTRIP,
 * IUCLC, IGNCR, ICRNL, INLCR), output flow control (IXON), the signal
 * characters (ISIG) and, in canonical mode, line editing, and is echoed as
 * the ECHO* flags say.  Kept bytes land in a ring of N_TTY_BUF_SIZE bytes:
 *
 *	tail              canon_head              head
 *	 | complete lines  |   line being typed    |
 *
 * In canonical mode only [tail, canon_head) is readable.  Each line ends
 * with a byte marked in the delim bitmap; an EOF character (^D) is kept as
 * a delimiter that is also marked in the eof bitmap and that read(2) skips,
 * so a ^D at the start of a line reads as 0 bytes.  A line being typed may
 * use all but the last byte of the ring, so that it can always be ended.
 * In non-canonical mode everything up to head is readable, as VMIN and
 * VTIME allow.  The indices run freely and are masked to pick a byte.
 *
 * Output.  write(2) and echo go through the output modes (OPOST: ONLCR,
 * OCRNL, ONOCR, ONLRET, OLCUC, XTABS) into the driver.  The cursor column
 * is tracked, so that erasing a tab or an echoed ^X takes the right number
 * of backspaces.  Echo never blocks: with the driver full it is dropped.
 */
#include <umk/tty.h>
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <umk/uaccess.h>

#define N_TTY_BUF_SIZE	4096
#define BUF_MASK	(N_TTY_BUF_SIZE - 1)
#define MAP_BITS	(8 * sizeof(unsigned long))
#define MAP_LONGS	(N_TTY_BUF_SIZE / MAP_BITS)
#define VDISABLE	0	/* a c_cc value that matches no byte */

struct n_tty_data {
	unsigned int head, tail, canon_head;
	unsigned int column;		/* output cursor */
	unsigned int canon_column;	/* where the line being typed began */
	bool lnext;			/* the next byte is literal (^V) */
	unsigned long delim[MAP_LONGS];	/* ring positions that end a line */
	unsigned long eof[MAP_LONGS];	/* ... and that are an EOF, not data */
	unsigned char buf[N_TTY_BUF_SIZE];
};

static bool map_test(const unsigned long *map, unsigned int i)
{
	i &= BUF_MASK;
	return map[i / MAP_BITS] & (1UL << (i % MAP_BITS));
}

static void map_assign(unsigned long *map, unsigned int i, bool on)
{
	i &= BUF_MASK;
	if (on)
		map[i / MAP_BITS] |= 1UL << (i % MAP_BITS);
	else
		map[i / MAP_BITS] &= ~(1UL << (i % MAP_BITS));
}

static bool is_ctrl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

static bool is_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

/* A UTF-8 continuation byte, when the terminal says it speaks UTF-8. */
static bool is_cont(struct tty_struct *tty, unsigned char c)
{
	return I_FLAG(tty, IUTF8) && (c & 0xc0) == 0x80;
}

/* c is the special character cc[idx] (and that one is not disabled). */
static bool is_cc(struct tty_struct *tty, int idx, unsigned char c)
{
	cc_t v = tty->termios.c_cc[idx];

	return v != VDISABLE && c == v;
}

static unsigned int read_cnt(struct n_tty_data *ld)
{
	return ld->head - ld->tail;
}

static unsigned int free_space(struct n_tty_data *ld)
{
	return N_TTY_BUF_SIZE - read_cnt(ld);
}

static void put_byte(struct n_tty_data *ld, unsigned char c)
{
	ld->buf[ld->head & BUF_MASK] = c;
	map_assign(ld->delim, ld->head, false);
	map_assign(ld->eof, ld->head, false);
	ld->head++;
}

static unsigned int drv_room(struct tty_struct *tty)
{
	const struct tty_operations *ops = tty->driver->ops;

	return ops->write_room ? ops->write_room(tty) : N_TTY_BUF_SIZE;
}

static int drv_write(struct tty_struct *tty, const unsigned char *buf, int n)
{
	return n ? tty->driver->ops->write(tty, buf, n) : 0;
}

/* --- output processing ----------------------------------------------- */

/*
 * Expand one output byte as the output modes say into out[] (at most 8
 * bytes) and move *col along.  Returns the length, 0 if the byte vanishes.
 */
static int opost_expand(struct tty_struct *tty, unsigned char c,
			unsigned int *col, unsigned char *out)
{
	tcflag_t of = tty->termios.c_oflag;
	int i, spaces;

	out[0] = c;
	if (!(of & OPOST))
		return 1;
	switch (c) {
	case '\n':
		if (of & ONLRET)
			*col = 0;
		if (!(of & ONLCR))
			return 1;
		out[0] = '\r';
		out[1] = '\n';
		*col = 0;
		return 2;
	case '\r':
		if ((of & ONOCR) && *col == 0)
			return 0;
		if (of & OCRNL) {
			out[0] = '\n';
			if (of & ONLRET)
				*col = 0;
			return 1;
		}
		*col = 0;
		return 1;
	case '\t':
		spaces = 8 - (*col & 7);
		*col += spaces;
		if ((of & TABDLY) != XTABS)
			return 1;
		for (i = 0; i < spaces; i++)
			out[i] = ' ';
		return spaces;
	case '\b':
		if (*col > 0)
			(*col)--;
		return 1;
	default:
		if ((of & OLCUC) && c >= 'a' && c <= 'z')
			out[0] = c - 'a' + 'A';
		if (!is_ctrl(c) && !is_cont(tty, c))
			(*col)++;
		return 1;
	}
}

/* Echo one byte as output processing prints it; dropped if no room. */
static void echo_out(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned int col = ld->column;
	unsigned char out[8];
	int n = opost_expand(tty, c, &col, out);

	if (n > 0 && drv_room(tty) < (unsigned int)n)
		return;
	drv_write(tty, out, n);
	ld->column = col;
}

/* Echo a typed byte: control characters as ^X when ECHOCTL says so. */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	if (L_FLAG(tty, ECHOCTL) && is_ctrl(c) && c != '\t' && c != '\n') {
		echo_out(tty, '^');
		echo_out(tty, c ^ 0100);
		return;
	}
	echo_out(tty, c);
}

/*
 * Write as much of in[] as the driver has room for, after output
 * processing; returns how many input bytes were used.
 */
static size_t output_block(struct tty_struct *tty, const unsigned char *in,
			   size_t n)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned char out[512], tmp[8];
	unsigned int room = min_t(unsigned int, drv_room(tty), sizeof(out));
	unsigned int olen = 0, col = ld->column, c2;
	size_t i;
	int k;

	if (!O_FLAG(tty, OPOST)) {
		k = drv_write(tty, in, min_t(size_t, n, room));
		return k > 0 ? k : 0;
	}
	for (i = 0; i < n; i++) {
		c2 = col;
		k = opost_expand(tty, in[i], &c2, tmp);
		if (olen + k > room)
			break;
		memcpy(out + olen, tmp, k);
		olen += k;
		col = c2;
	}
	drv_write(tty, out, olen);
	ld->column = col;
	return i;
}

static bool can_write(struct tty_struct *tty)
{
	return !tty->stopped && drv_room(tty) >= TTY_MIN_ROOM;
}

static int wait_room(struct tty_struct *tty, struct file *file)
{
	if (can_write(tty))
		return 0;
	if (file->f_flags & O_NONBLOCK)
		return -EAGAIN;
	return wait_event_interruptible(tty->write_wait, can_write(tty));
}

ssize_t n_tty_write(struct tty_struct *tty, struct file *file,
		    const char __user *ubuf, size_t len)
{
	unsigned char kbuf[256];
	size_t done = 0, chunk, i;
	int err;

	if (L_FLAG(tty, TOSTOP)) {
		err = tty_job_control(tty, SIGTTOU);
		if (err)
			return err;
	}
	while (done < len) {
		chunk = min(len - done, sizeof(kbuf));
		if (copy_from_user(kbuf, ubuf + done, chunk))
			return done ? (ssize_t)done : -EFAULT;
		for (i = 0; i < chunk; ) {
			err = wait_room(tty, file);
			if (err)
				return done + i ? (ssize_t)(done + i) : err;
			i += output_block(tty, kbuf + i, chunk - i);
		}
		done += chunk;
	}
	return done;
}

void tty_wakeup(struct tty_struct *tty)
{
	wake_up_poll(&tty->write_wait, POLLOUT | POLLWRNORM);
}

void tty_stop(struct tty_struct *tty)
{
	tty->stopped = true;
}

void tty_start(struct tty_struct *tty)
{
	if (!tty->stopped)
		return;
	tty->stopped = false;
	tty_wakeup(tty);
}

/* --- input ----------------------------------------------------------- */

static bool input_available(struct tty_struct *tty, bool for_poll)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned int want = 1;

	if (L_FLAG(tty, ICANON))
		return ld->canon_head != ld->tail;
	/* poll waits for VMIN bytes when there is no timer, as Linux does */
	if (for_poll && !tty->termios.c_cc[VTIME] && tty->termios.c_cc[VMIN])
		want = tty->termios.c_cc[VMIN];
	return read_cnt(ld) >= want;
}

static bool readable(struct tty_struct *tty)
{
	return input_available(tty, false) || tty->input_eof;
}

/*
 * A line being typed keeps the last byte free for its end.  While complete
 * lines wait to be read, the driver is stopped short of that byte instead
 * of having its bytes dropped (a reader will make room); with none, nobody
 * will, and an over-long line loses its excess, as on Linux.
 */
int n_tty_receive_room(struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned int free = free_space(ld);

	if (L_FLAG(tty, ICANON) && ld->canon_head != ld->tail)
		return free ? free - 1 : 0;
	return free;
}

/* Give the driver a go at feeding input again once there is room. */
static void check_unthrottle(struct tty_struct *tty)
{
	const struct tty_operations *ops = tty->driver->ops;

	if (!tty->throttled || !n_tty_receive_room(tty))
		return;
	tty->throttled = false;
	if (ops->unthrottle)
		ops->unthrottle(tty);
}

void n_tty_flush_input(struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;

	ld->head = ld->tail = ld->canon_head = 0;
	ld->lnext = false;
	check_unthrottle(tty);
}

/* End the line being typed with c (a newline, EOL or EOF character). */
static void end_line(struct tty_struct *tty, unsigned char c, bool eof)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned int pos = ld->head;

	if (!free_space(ld))
		return;
	put_byte(ld, c);
	map_assign(ld->delim, pos, true);
	map_assign(ld->eof, pos, eof);
	ld->canon_head = ld->head;
}

/* Column after echoing the line being typed, for erasing a tab. */
static unsigned int line_column(struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned int col = ld->canon_column, i;
	unsigned char c;

	for (i = ld->canon_head; i != ld->head; i++) {
		c = ld->buf[i & BUF_MASK];
		if (c == '\t')
			col = (col | 7) + 1;
		else if (is_ctrl(c))
			col += L_FLAG(tty, ECHOCTL) ? 2 : 0;
		else if (!is_cont(tty, c))
			col++;
	}
	return col;
}

static void echo_rubout(struct tty_struct *tty)
{
	echo_out(tty, '\b');
	echo_out(tty, ' ');
	echo_out(tty, '\b');
}

/* Take the erased character c off the screen. */
static void erase_echo(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned int col, n;

	if (c == '\t') {
		col = line_column(tty);
		for (n = ld->column > col ? ld->column - col : 0; n; n--)
			echo_out(tty, '\b');
	} else if (!is_ctrl(c)) {
		echo_rubout(tty);
	} else if (L_FLAG(tty, ECHOCTL)) {
		echo_rubout(tty);
		echo_rubout(tty);
	}
}

/* ERASE, WERASE and KILL: take characters back from the line being typed. */
static void erase(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = tty->disc_data;
	bool kill = is_cc(tty, VKILL, c), word = false, seen_word = false;
	bool echo = L_FLAG(tty, ECHO);
	unsigned int len;
	unsigned char ch;

	if (!kill && !is_cc(tty, VERASE, c))
		word = true;
	if (ld->head == ld->canon_head)
		return;
	if (kill && (!echo || !L_FLAG(tty, ECHOK) || !L_FLAG(tty, ECHOKE) ||
		     !L_FLAG(tty, ECHOE))) {
		ld->head = ld->canon_head;
		if (echo) {
			echo_char(tty, c);
			if (L_FLAG(tty, ECHOK))
				echo_out(tty, '\n');
		}
		return;
	}
	while (ld->head != ld->canon_head) {
		/* a UTF-8 character goes as a whole */
		len = 1;
		ch = ld->buf[(ld->head - len) & BUF_MASK];
		while (is_cont(tty, ch) && ld->head - len != ld->canon_head) {
			len++;
			ch = ld->buf[(ld->head - len) & BUF_MASK];
		}
		if (word) {
			if (is_word(ch))
				seen_word = true;
			else if (seen_word)
				break;
		}
		ld->head -= len;
		if (echo && !word && !kill && !L_FLAG(tty, ECHOE))
			echo_char(tty, c);
		else if (echo)
			erase_echo(tty, ch);
		if (!kill && !word)
			break;
	}
}

/* ^R: print the line being typed again on a fresh line. */
static void reprint(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned int i;

	echo_char(tty, c);
	echo_out(tty, '\n');
	ld->canon_column = ld->column;
	for (i = ld->canon_head; i != ld->head; i++)
		echo_char(tty, ld->buf[i & BUF_MASK]);
}

/* An ordinary byte of the line being typed. */
static void store_line_byte(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = tty->disc_data;

	if (free_space(ld) <= 1)
		return;		/* the last byte is kept for the line end */
	if (ld->head == ld->canon_head)
		ld->canon_column = ld->column;
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	put_byte(ld, c);
}

static void store_raw_byte(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = tty->disc_data;

	if (!free_space(ld))
		return;
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	put_byte(ld, c);
}

static void canon_byte(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = tty->disc_data;
	bool ext = L_FLAG(tty, IEXTEN);

	if (is_cc(tty, VERASE, c) || is_cc(tty, VKILL, c) ||
	    (ext && is_cc(tty, VWERASE, c))) {
		erase(tty, c);
	} else if (ext && is_cc(tty, VLNEXT, c)) {
		ld->lnext = true;
		if (L_FLAG(tty, ECHO) && L_FLAG(tty, ECHOCTL)) {
			echo_out(tty, '^');
			echo_out(tty, '\b');
		}
	} else if (ext && is_cc(tty, VREPRINT, c) && L_FLAG(tty, ECHO)) {
		reprint(tty, c);
	} else if (c == '\n') {
		if (free_space(ld) && (L_FLAG(tty, ECHO) || L_FLAG(tty, ECHONL)))
			echo_out(tty, '\n');
		end_line(tty, c, false);
	} else if (is_cc(tty, VEOF, c)) {
		end_line(tty, c, true);
	} else if (is_cc(tty, VEOL, c) || (ext && is_cc(tty, VEOL2, c))) {
		if (free_space(ld) && L_FLAG(tty, ECHO))
			echo_char(tty, c);
		end_line(tty, c, false);
	} else {
		store_line_byte(tty, c);
	}
}

/* ^C, ^\, ^Z: signal the foreground process group. */
static bool signal_char(struct tty_struct *tty, unsigned char c)
{
	const struct tty_operations *ops = tty->driver->ops;
	int sig;

	if (is_cc(tty, VINTR, c))
		sig = SIGINT;
	else if (is_cc(tty, VQUIT, c))
		sig = SIGQUIT;
	else if (is_cc(tty, VSUSP, c))
		sig = SIGTSTP;
	else
		return false;
	if (!L_FLAG(tty, NOFLSH)) {
		n_tty_flush_input(tty);
		if (ops->flush_buffer)
			ops->flush_buffer(tty);
	}
	if (I_FLAG(tty, IXON))
		tty_start(tty);
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	if (tty->pgrp > 0)
		kill_pgrp(tty->pgrp, sig, 1);
	return true;
}

/* ^S and ^Q; with IXANY any byte restarts output. */
static bool flow_char(struct tty_struct *tty, unsigned char c)
{
	bool start = is_cc(tty, VSTART, c), stop = is_cc(tty, VSTOP, c);

	if (start && stop) {
		if (tty->stopped)
			tty_start(tty);
		else
			tty_stop(tty);
		return true;
	}
	if (stop) {
		tty_stop(tty);
		return true;
	}
	if (start) {
		tty_start(tty);
		return true;
	}
	if (tty->stopped && I_FLAG(tty, IXANY))
		tty_start(tty);
	return false;
}

static unsigned char input_case(struct tty_struct *tty, unsigned char c)
{
	if (I_FLAG(tty, ISTRIP))
		c &= 0x7f;
	if (I_FLAG(tty, IUCLC) && L_FLAG(tty, IEXTEN) && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	return c;
}

static void receive_byte(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = tty->disc_data;

	c = input_case(tty, c);
	if (ld->lnext) {
		/* after ^V: no mapping, no special meaning */
		ld->lnext = false;
		if (L_FLAG(tty, ICANON))
			store_line_byte(tty, c);
		else
			store_raw_byte(tty, c);
		return;
	}
	if (I_FLAG(tty, IXON) && flow_char(tty, c))
		return;
	if (L_FLAG(tty, ISIG) && signal_char(tty, c))
		return;
	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return;
		if (I_FLAG(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		c = '\r';
	}
	if (L_FLAG(tty, ICANON))
		canon_byte(tty, c);
	else
		store_raw_byte(tty, c);
}

void n_tty_receive_buf(struct tty_struct *tty, const unsigned char *cp, int n)
{
	int i;

	for (i = 0; i < n; i++)
		receive_byte(tty, cp[i]);
	if (readable(tty))
		wake_up_poll(&tty->read_wait, POLLIN | POLLRDNORM);
}

void tty_input_eof(struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;

	tty->input_eof = true;
	/* a line cut short by the end of input can still be read */
	if (L_FLAG(tty, ICANON) && ld->head != ld->canon_head) {
		map_assign(ld->delim, ld->head - 1, true);
		ld->canon_head = ld->head;
	}
	wake_up_poll(&tty->read_wait, POLLIN | POLLRDNORM);
}

/* --- read ------------------------------------------------------------ */

/* Copy n bytes from tail to the guest and consume them. */
static int copy_out(struct n_tty_data *ld, char __user *ubuf, unsigned int n)
{
	unsigned int pos = ld->tail & BUF_MASK;
	unsigned int first = min(n, N_TTY_BUF_SIZE - pos);

	if (copy_to_user(ubuf, ld->buf + pos, first))
		return -EFAULT;
	if (n > first && copy_to_user(ubuf + first, ld->buf, n - first))
		return -EFAULT;
	ld->tail += n;
	return 0;
}

static int wait_readable(struct tty_struct *tty, struct file *file)
{
	if (readable(tty))
		return 0;
	if (file->f_flags & O_NONBLOCK)
		return -EAGAIN;
	return wait_event_interruptible(tty->read_wait, readable(tty));
}

/* One line (or its first len bytes), without the EOF character. */
static ssize_t canon_read(struct tty_struct *tty, struct file *file,
			  char __user *ubuf, size_t len)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned int end, data;
	bool eof;
	int err;

	err = wait_readable(tty, file);
	if (err)
		return err;
	if (ld->canon_head == ld->tail)
		return 0;		/* the host input has ended */
	for (end = ld->tail; end + 1 != ld->canon_head; end++)
		if (map_test(ld->delim, end))
			break;
	eof = map_test(ld->eof, end);
	data = end - ld->tail + (eof ? 0 : 1);
	if (data > len)
		data = len;
	err = copy_out(ld, ubuf, data);
	if (err)
		return err;
	if (eof && ld->tail == end)
		ld->tail++;		/* the EOF character is not data */
	check_unthrottle(tty);
	return data;
}

/*
 * Non-canonical read: VMIN bytes (or len, if fewer) end it; VTIME is a
 * timeout in tenths of a second: for the whole read when VMIN is 0, else
 * between bytes once the first has come.  VMIN = VTIME = 0 never waits.
 */
static ssize_t raw_read(struct tty_struct *tty, struct file *file,
			char __user *ubuf, size_t len)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned int vmin = tty->termios.c_cc[VMIN];
	ktime_t vtime = tty->termios.c_cc[VTIME] * 100 * NSEC_PER_MSEC;
	ktime_t tmo = vmin ? -1 : vtime;	/* -1: no limit, 0: don't wait */
	size_t copied = 0, minimum = vmin ? vmin : 1, n;

	for (;;) {
		n = min_t(size_t, read_cnt(ld), len - copied);
		if (n) {
			if (copy_out(ld, ubuf + copied, n))
				return copied ? (ssize_t)copied : -EFAULT;
			copied += n;
			check_unthrottle(tty);
			if (vmin && vtime)
				tmo = vtime;
		}
		if (copied >= len || copied >= minimum || tty->input_eof || !tmo)
			break;
		if (file->f_flags & O_NONBLOCK)
			return copied ? (ssize_t)copied : -EAGAIN;
		if (signal_pending(current))
			return copied ? (ssize_t)copied : -ERESTARTSYS;
		DEFINE_WAIT(wait);
		prepare_to_wait(&tty->read_wait, &wait, TASK_INTERRUPTIBLE);
		if (!read_cnt(ld) && !tty->input_eof) {
			if (tmo < 0)
				schedule();
			else
				tmo = schedule_timeout_interruptible(tmo);
		}
		finish_wait(&tty->read_wait, &wait);
	}
	return copied;
}

ssize_t n_tty_read(struct tty_struct *tty, struct file *file,
		   char __user *ubuf, size_t len)
{
	int err = tty_job_control(tty, SIGTTIN);

	if (err)
		return err;
	if (!len)
		return 0;
	if (L_FLAG(tty, ICANON))
		return canon_read(tty, file, ubuf, len);
	return raw_read(tty, file, ubuf, len);
}

__poll_t n_tty_poll(struct tty_struct *tty, struct file *file,
		    struct poll_table_struct *pt)
{
	__poll_t mask = 0;

	poll_wait(file, &tty->read_wait, pt);
	poll_wait(file, &tty->write_wait, pt);
	if (input_available(tty, true) || tty->input_eof)
		mask |= POLLIN | POLLRDNORM;
	if (can_write(tty))
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

int n_tty_inq(struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned int i, n = 0;

	if (!L_FLAG(tty, ICANON))
		return read_cnt(ld);
	for (i = ld->tail; i != ld->canon_head; i++)
		if (!map_test(ld->eof, i))
			n++;
	return n;
}

/* --- mode changes ---------------------------------------------------- */

/* Leaving canonical mode: EOF characters were never data; drop them. */
static void drop_eof_marks(struct n_tty_data *ld)
{
	unsigned int r, w = ld->tail;

	for (r = ld->tail; r != ld->head; r++) {
		if (map_test(ld->eof, r))
			continue;
		ld->buf[w & BUF_MASK] = ld->buf[r & BUF_MASK];
		map_assign(ld->delim, w, false);
		map_assign(ld->eof, w, false);
		w++;
	}
	ld->head = w;
}

void n_tty_set_termios(struct tty_struct *tty, const struct ktermios *old)
{
	struct n_tty_data *ld = tty->disc_data;
	bool was = old->c_lflag & ICANON, is = L_FLAG(tty, ICANON);
	unsigned int i;

	if (was && !is) {
		drop_eof_marks(ld);
		ld->canon_head = ld->head;
	} else if (!was && is) {
		/* what was typed in raw mode becomes one complete line */
		for (i = ld->tail; i != ld->head; i++) {
			map_assign(ld->delim, i, false);
			map_assign(ld->eof, i, false);
		}
		if (read_cnt(ld))
			map_assign(ld->delim, ld->head - 1, true);
		ld->canon_head = ld->head;
	}
	if (!is)
		ld->lnext = false;
	if ((old->c_iflag & IXON) && !I_FLAG(tty, IXON))
		tty_start(tty);
	if (readable(tty))
		wake_up_poll(&tty->read_wait, POLLIN | POLLRDNORM);
	check_unthrottle(tty);
}

int n_tty_open(struct tty_struct *tty)
{
	struct n_tty_data *ld = kzalloc(sizeof(*ld), GFP_KERNEL);

	if (!ld)
		return -ENOMEM;
	tty->disc_data = ld;
	return 0;
}

void n_tty_close(struct tty_struct *tty)
{
	kfree(tty->disc_data);
	tty->disc_data = NULL;
}
