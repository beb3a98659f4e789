/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_OOM_H
#define _UMK_OOM_H

#include <umk/types.h>

/* How many victims an allocation that keeps failing may cost at most. */
#define OOM_RETRIES	64

/* kernel/oom_kill.c */
/* Kill the biggest process (never init); false if there is none to kill. */
bool out_of_memory(void);
/* out_of_memory(), then let the victim exit; true if retrying makes sense. */
bool oom_wait_for_memory(void);

#endif
