/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_UTSNAME_H
#define _UMK_UTSNAME_H

#include <linux/utsname.h>

/* What uname(2) reports: a Linux 6.1 system, built by umk. */
#define UTS_RELEASE	"6.1.0-umk"
#define UTS_VERSION	"#1 umk"
#define UMK_VERSION	"0.1"

extern struct new_utsname init_uts;	/* kernel/sys.c */

#endif
