/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_TTY_H
#define _UMK_TTY_H

/*
 * Terminals, in three layers as in Linux:
 *
 *  - the tty core (drivers/tty/tty_io.c): character devices, open and
 *    close, /dev/tty and /dev/console; the controlling terminal and job
 *    control (tty_jobctl.c); the ioctls (tty_ioctl.c).
 *  - the line discipline n_tty (drivers/tty/n_tty.c), between the file
 *    and the driver: input editing, echo, signal characters, output
 *    processing, blocking reads and writes.
 *  - a tty driver, which moves bytes to and from the "hardware": for umk
 *    the con and ssl lines of drivers/um, over host channels.
 *
 * Input flows driver -> n_tty_receive_buf() -> read buffer -> read(2);
 * output flows write(2) -> n_tty_write() -> ops->write().  A tty_struct is
 * created at the first open of its device and then lives as long as the
 * kernel, so termios and the window size survive a close, as they do for
 * Linux serial lines.
 */
#include <umk/kernel.h>
#include <umk/wait.h>
#include <asm/termbits.h>
#include <asm/termios.h>	/* struct winsize, struct termio */
#include <asm/ioctls.h>

struct file;
struct tty_struct;
struct poll_table_struct;

/* Linux's major numbers for terminals. */
#define TTY_MAJOR	4	/* tty0..63 (con lines), ttyS0.. at minor 64 */
#define TTYAUX_MAJOR	5	/* /dev/tty (5,0), /dev/console (5,1) */
#define N_TTY		0	/* the only line discipline */

/* Characters that make up the minimum room a writer waits for (\r\n, tabs). */
#define TTY_MIN_ROOM	8

struct tty_operations {
	/* Once, when the tty_struct is created: bind the driver's object. */
	int (*install)(struct tty_struct *tty);
	int (*open)(struct tty_struct *tty);	/* every open */
	void (*close)(struct tty_struct *tty);	/* every close */
	/* Take up to len bytes of output; return how many were taken. */
	int (*write)(struct tty_struct *tty, const unsigned char *buf, int len);
	unsigned int (*write_room)(struct tty_struct *tty);
	unsigned int (*chars_in_buffer)(struct tty_struct *tty);
	void (*flush_buffer)(struct tty_struct *tty);	/* drop queued output */
	/* The line discipline has room for input again (see throttled). */
	void (*unthrottle)(struct tty_struct *tty);
	void (*set_termios)(struct tty_struct *tty, const struct ktermios *old);
};

struct tty_driver {
	const char *name;		/* node prefix: "tty", "ttyS" */
	unsigned int major, minor_start, num;
	const struct tty_operations *ops;
	struct tty_struct **ttys;	/* num slots, NULL until first open */
	struct tty_driver *next;	/* all registered drivers */
};

struct tty_struct {
	struct tty_driver *driver;
	unsigned int index;		/* minor - driver->minor_start */
	char name[16];			/* "tty0", "ttyS1" */
	void *driver_data;		/* the driver's line */
	void *disc_data;		/* n_tty state */
	int count;			/* open files */
	struct ktermios termios;
	struct winsize winsize;
	pid_t pgrp;			/* foreground process group, 0: none */
	pid_t session;			/* session it controls, 0: none */
	bool stopped;			/* output held by ^S or TCOOFF */
	bool throttled;			/* driver stopped feeding input: no room */
	bool input_eof;			/* the host side of the input ended */
	bool exclusive;			/* TIOCEXCL */
	struct wait_queue_head read_wait;	/* input, and poll for it */
	struct wait_queue_head write_wait;	/* output room, drain, poll */
};

/* Convenience tests on the termios flags. */
#define I_FLAG(tty, f)	((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f)	((tty)->termios.c_oflag & (f))
#define L_FLAG(tty, f)	((tty)->termios.c_lflag & (f))

/* The termios every tty starts with: Linux's tty_std_termios. */
static inline void tty_init_termios(struct ktermios *t)
{
	static const cc_t cc[NCCS] = {
		[VINTR] = 003, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025,
		[VEOF] = 004, [VTIME] = 0, [VMIN] = 1, [VSTART] = 021,
		[VSTOP] = 023, [VSUSP] = 032, [VREPRINT] = 022,
		[VDISCARD] = 017, [VWERASE] = 027, [VLNEXT] = 026,
	};

	memset(t, 0, sizeof(*t));
	t->c_iflag = ICRNL | IXON;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = B38400 | CS8 | CREAD | HUPCL;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		     IEXTEN;
	memcpy(t->c_cc, cc, sizeof(cc));
	t->c_ispeed = 38400;
	t->c_ospeed = 38400;
}

/* drivers/tty/tty_io.c: drivers and devices. */
int tty_register_driver(struct tty_driver *drv);
/* Make /dev/<name><index> for one device of a registered driver. */
int tty_register_device(struct tty_driver *drv, unsigned int index);
/* Choose what /dev/console opens (console=ttyN / console=ttySN). */
void tty_set_console(struct tty_driver *drv, unsigned int index);

/* drivers/tty/n_tty.c: the line discipline. */
int n_tty_open(struct tty_struct *tty);
void n_tty_close(struct tty_struct *tty);
/* Bytes the driver may feed now without any being lost. */
int n_tty_receive_room(struct tty_struct *tty);
void n_tty_receive_buf(struct tty_struct *tty, const unsigned char *cp, int n);
ssize_t n_tty_read(struct tty_struct *tty, struct file *file,
		   char __user *buf, size_t len);
ssize_t n_tty_write(struct tty_struct *tty, struct file *file,
		    const char __user *buf, size_t len);
__poll_t n_tty_poll(struct tty_struct *tty, struct file *file,
		    struct poll_table_struct *pt);
void n_tty_flush_input(struct tty_struct *tty);
void n_tty_set_termios(struct tty_struct *tty, const struct ktermios *old);
int n_tty_inq(struct tty_struct *tty);		/* FIONREAD */
/* Output room appeared or the driver's queue drained: wake writers. */
void tty_wakeup(struct tty_struct *tty);
/* The host input ended: reads return what is left, then 0. */
void tty_input_eof(struct tty_struct *tty);
void tty_start(struct tty_struct *tty);	/* ^Q, TCOON */
void tty_stop(struct tty_struct *tty);	/* ^S, TCOOFF */

/* drivers/tty/tty_ioctl.c */
long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
void tty_set_termios(struct tty_struct *tty, const struct ktermios *new);
/* Wait until the driver has sent everything: 0 or -ERESTARTSYS. */
int tty_wait_until_sent(struct tty_struct *tty);

/* drivers/tty/tty_jobctl.c: sessions, process groups, job control. */
void tty_open_ctty(struct tty_struct *tty);	/* maybe acquire as ctty */
void tty_release_ctty(struct tty_struct *tty);	/* last close */
/*
 * Called when a background process touches its controlling tty: send
 * sig (SIGTTIN / SIGTTOU) to its group and return -ERESTARTSYS, or -EIO,
 * or 0 when the access may go on.
 */
int tty_job_control(struct tty_struct *tty, int sig);
int tty_check_change(struct tty_struct *tty);	/* SIGTTOU for changes */
long tty_jobctl_ioctl(struct tty_struct *tty, unsigned int cmd,
		      unsigned long arg);
/*
 * The session leader gives up its terminal (exit, TIOCNOTTY): on exit the
 * foreground group gets SIGHUP and SIGCONT, and every process of the
 * session loses its controlling tty.  kernel/exit.c calls this with
 * on_exit = 1 for a session leader.
 */
void disassociate_ctty(int on_exit);

#endif
