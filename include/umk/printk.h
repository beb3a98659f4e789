/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_PRINTK_H
#define _UMK_PRINTK_H

#include <umk/compiler.h>
#include <umk/types.h>

/* Log levels are a "\001" + digit prefix, as in Linux. */
#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_CONT	KERN_SOH "c"
#define LOGLEVEL_DEFAULT 4

/* kernel/printk/printk.c */
int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list args);

/*
 * A console receives every record at or above console_loglevel (lower
 * number = more urgent).  write() is called with one formatted line.
 */
struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, unsigned int len);
	int flags;
	void *data;
	struct console *next;
};
#define CON_ENABLED	1
#define CON_BOOT	2	/* unregistered when a real console arrives */

void register_console(struct console *con);
void unregister_console(struct console *con);
extern int console_loglevel;

/* syslog(2) / dmesg access to the log ring. */
long do_syslog(int type, char __user *buf, int len);

#define pr_emerg(fmt, ...)	printk(KERN_EMERG fmt, ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT fmt, ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	do { if (0) printk(KERN_DEBUG fmt, ##__VA_ARGS__); } while (0)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)

/* kernel/panic.c */
void panic(const char *fmt, ...) __printf(1, 2) __noreturn;
void dump_stack(void);

#define BUG() panic("BUG at %s:%d", __FILE__, __LINE__)
#define BUG_ON(c) do { if (unlikely(c)) panic("BUG: %s at %s:%d", #c, __FILE__, __LINE__); } while (0)
#define WARN_ON(c) ({ int _w = !!(c); if (unlikely(_w)) { \
	printk(KERN_WARNING "WARNING: %s at %s:%d\n", #c, __FILE__, __LINE__); } \
	_w; })
#define WARN_ON_ONCE(c) ({ static bool _done; int _w = !!(c); \
	if (unlikely(_w) && !_done) { _done = true; \
	printk(KERN_WARNING "WARNING: %s at %s:%d\n", #c, __FILE__, __LINE__); } \
	_w; })

#endif
