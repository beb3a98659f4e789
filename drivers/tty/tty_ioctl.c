// SPDX-License-Identifier: GPL-2.0
/*
 * Terminal ioctls: termios in its three guest layouts (struct termios for
 * TCGETS/TCSETS*, struct termios2 for the *2 variants, the old struct
 * termio for TCGETA/TCSETA*), window size, flushing, flow control and the
 * queue counters.  Session and process-group ioctls are in tty_jobctl.c;
 * anything else is ENOTTY.
 */
#include <umk/tty.h>
#include <umk/fs.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <umk/uaccess.h>

/* Bit rates of the CBAUD codes B0..B38400, then B57600..B4000000. */
static const unsigned int baud_table[] = {
	0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800,
	9600, 19200, 38400, 57600, 115200, 230400, 460800, 500000, 576000,
	921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000,
	3500000, 4000000,
};

static unsigned int baud_of(tcflag_t code)
{
	unsigned int i = code & ~CBAUDEX;

	if (code & CBAUDEX)
		i += 15;
	return i < ARRAY_SIZE(baud_table) ? baud_table[i] : 0;
}

/* Fill c_ispeed/c_ospeed from the CBAUD codes, unless BOTHER gave them. */
static void update_speeds(struct ktermios *t)
{
	tcflag_t out = t->c_cflag & CBAUD, in = (t->c_cflag & CIBAUD) >> IBSHIFT;

	if (out != BOTHER)
		t->c_ospeed = baud_of(out);
	if (!in)
		t->c_ispeed = t->c_ospeed;
	else if (in != BOTHER)
		t->c_ispeed = baud_of(in);
}

void tty_set_termios(struct tty_struct *tty, const struct ktermios *new)
{
	struct ktermios old = tty->termios;

	tty->termios = *new;
	tty->termios.c_line = old.c_line;
	n_tty_set_termios(tty, &old);
	if (tty->driver->ops->set_termios)
		tty->driver->ops->set_termios(tty, &old);
}

static bool drained(struct tty_struct *tty)
{
	const struct tty_operations *ops = tty->driver->ops;

	return !ops->chars_in_buffer || !ops->chars_in_buffer(tty);
}

int tty_wait_until_sent(struct tty_struct *tty)
{
	return wait_event_interruptible(tty->write_wait, drained(tty));
}

static int get_termios(struct tty_struct *tty, void __user *p, unsigned int cmd)
{
	struct ktermios *k = &tty->termios;
	struct termios2 t2;
	struct termio tio;
	int i;

	if (cmd == TCGETA) {
		memset(&tio, 0, sizeof(tio));
		tio.c_iflag = k->c_iflag;
		tio.c_oflag = k->c_oflag;
		tio.c_cflag = k->c_cflag;
		tio.c_lflag = k->c_lflag;
		tio.c_line = k->c_line;
		for (i = 0; i < NCC; i++)
			tio.c_cc[i] = k->c_cc[i];
		return copy_to_user(p, &tio, sizeof(tio)) ? -EFAULT : 0;
	}
	memset(&t2, 0, sizeof(t2));
	t2.c_iflag = k->c_iflag;
	t2.c_oflag = k->c_oflag;
	t2.c_cflag = k->c_cflag;
	t2.c_lflag = k->c_lflag;
	t2.c_line = k->c_line;
	memcpy(t2.c_cc, k->c_cc, NCCS);
	t2.c_ispeed = k->c_ispeed;
	t2.c_ospeed = k->c_ospeed;
	/* struct termios is the head of struct termios2 */
	if (copy_to_user(p, &t2, cmd == TCGETS2 ? sizeof(t2) : sizeof(struct termios)))
		return -EFAULT;
	return 0;
}

/* Read the guest's new settings into *k (which holds the current ones). */
static int read_termios(struct ktermios *k, void __user *p, unsigned int cmd)
{
	struct termios2 t2;
	struct termio tio;
	int i;

	switch (cmd) {
	case TCSETA: case TCSETAW: case TCSETAF:
		if (copy_from_user(&tio, p, sizeof(tio)))
			return -EFAULT;
		/* termio has the low 16 bits of each flag word */
		k->c_iflag = (k->c_iflag & 0xffff0000) | tio.c_iflag;
		k->c_oflag = (k->c_oflag & 0xffff0000) | tio.c_oflag;
		k->c_cflag = (k->c_cflag & 0xffff0000) | tio.c_cflag;
		k->c_lflag = (k->c_lflag & 0xffff0000) | tio.c_lflag;
		for (i = 0; i < NCC; i++)
			k->c_cc[i] = tio.c_cc[i];
		break;
	case TCSETS2: case TCSETSW2: case TCSETSF2:
		if (copy_from_user(&t2, p, sizeof(t2)))
			return -EFAULT;
		goto fill;
	default:
		if (copy_from_user(&t2, p, sizeof(struct termios)))
			return -EFAULT;
		t2.c_ispeed = k->c_ispeed;
		t2.c_ospeed = k->c_ospeed;
fill:
		k->c_iflag = t2.c_iflag;
		k->c_oflag = t2.c_oflag;
		k->c_cflag = t2.c_cflag;
		k->c_lflag = t2.c_lflag;
		memcpy(k->c_cc, t2.c_cc, NCCS);
		k->c_ispeed = t2.c_ispeed;
		k->c_ospeed = t2.c_ospeed;
		break;
	}
	update_speeds(k);
	return 0;
}

static int set_termios(struct tty_struct *tty, void __user *p, unsigned int cmd)
{
	struct ktermios k = tty->termios;
	bool drain = false, flush = false;
	int err;

	err = tty_check_change(tty);
	if (err)
		return err;
	err = read_termios(&k, p, cmd);
	if (err)
		return err;
	switch (cmd) {
	case TCSETSF: case TCSETSF2: case TCSETAF:
		flush = true;
		/* fall through */
	case TCSETSW: case TCSETSW2: case TCSETAW:
		drain = true;
	}
	if (drain) {
		err = tty_wait_until_sent(tty);
		if (err)
			return err;
	}
	if (flush)
		n_tty_flush_input(tty);
	tty_set_termios(tty, &k);
	return 0;
}

static int set_winsize(struct tty_struct *tty, void __user *p)
{
	struct winsize ws;

	if (copy_from_user(&ws, p, sizeof(ws)))
		return -EFAULT;
	if (!memcmp(&ws, &tty->winsize, sizeof(ws)))
		return 0;
	tty->winsize = ws;
	if (tty->pgrp > 0)
		kill_pgrp(tty->pgrp, SIGWINCH, 1);
	return 0;
}

static int flush_queues(struct tty_struct *tty, unsigned long how)
{
	const struct tty_operations *ops = tty->driver->ops;
	int err = tty_check_change(tty);

	if (err)
		return err;
	if (how > TCIOFLUSH)
		return -EINVAL;
	if (how == TCIFLUSH || how == TCIOFLUSH)
		n_tty_flush_input(tty);
	if ((how == TCOFLUSH || how == TCIOFLUSH) && ops->flush_buffer) {
		ops->flush_buffer(tty);
		tty_wakeup(tty);
	}
	return 0;
}

/* Send one flow-control character ahead of everything else we can. */
static void send_flow_char(struct tty_struct *tty, int idx)
{
	const struct tty_operations *ops = tty->driver->ops;
	unsigned char c = tty->termios.c_cc[idx];

	if (c && (!ops->write_room || ops->write_room(tty)))
		ops->write(tty, &c, 1);
}

static int flow_control(struct tty_struct *tty, unsigned long action)
{
	int err = tty_check_change(tty);

	if (err)
		return err;
	switch (action) {
	case TCOOFF:
		tty_stop(tty);
		return 0;
	case TCOON:
		tty_start(tty);
		return 0;
	case TCIOFF:
		send_flow_char(tty, VSTOP);
		return 0;
	case TCION:
		send_flow_char(tty, VSTART);
		return 0;
	}
	return -EINVAL;
}

/* TIOCSTI: fake input, for the owner of the terminal or root. */
static int simulate_input(struct tty_struct *tty, unsigned char __user *p)
{
	unsigned char c;

	if (current->signal->tty != tty && current->cred.euid != 0)
		return -EPERM;
	if (get_user(c, p))
		return -EFAULT;
	n_tty_receive_buf(tty, &c, 1);
	return 0;
}

static int put_int(int v, void __user *p)
{
	return put_user(v, (int __user *)p);
}

long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	const struct tty_operations *ops = tty->driver->ops;
	void __user *p = (void __user *)arg;
	int v;

	switch (cmd) {
	case TCGETS: case TCGETS2: case TCGETA:
		return get_termios(tty, p, cmd);
	case TCSETS: case TCSETSW: case TCSETSF:
	case TCSETS2: case TCSETSW2: case TCSETSF2:
	case TCSETA: case TCSETAW: case TCSETAF:
		return set_termios(tty, p, cmd);
	case TIOCGWINSZ:
		return copy_to_user(p, &tty->winsize, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return set_winsize(tty, p);
	case TCFLSH:
		return flush_queues(tty, arg);
	case TCXONC:
		return flow_control(tty, arg);
	case TCSBRK: case TCSBRKP:
		return tty_wait_until_sent(tty);	/* no break to send */
	case TIOCSBRK: case TIOCCBRK:
		return 0;
	case FIONREAD:
		return put_int(n_tty_inq(tty), p);
	case TIOCOUTQ:
		return put_int(ops->chars_in_buffer ? ops->chars_in_buffer(tty) : 0, p);
	case TIOCGETD:
		return put_int(N_TTY, p);
	case TIOCSETD:
		if (get_user(v, (int __user *)p))
			return -EFAULT;
		return v == N_TTY ? 0 : -EINVAL;
	case TIOCEXCL:
		tty->exclusive = true;
		return 0;
	case TIOCNXCL:
		tty->exclusive = false;
		return 0;
	case TIOCGEXCL:
		return put_int(tty->exclusive, p);
	case TIOCSTI:
		return simulate_input(tty, p);
	case TIOCGDEV:
		return put_user((unsigned int)new_encode_dev(MKDEV(tty->driver->major,
				tty->driver->minor_start + tty->index)),
				(unsigned int __user *)p);
	}
	return tty_jobctl_ioctl(tty, cmd, arg);
}
