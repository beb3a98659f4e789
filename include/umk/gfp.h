/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_GFP_H
#define _UMK_GFP_H

typedef unsigned int gfp_t;

#define __GFP_ZERO	0x1u	/* zero the memory */
#define __GFP_NOWARN	0x2u	/* no log line on failure */
#define GFP_KERNEL	0x0u
#define GFP_USER	0x0u	/* for guest pages */
#define GFP_ATOMIC	0x0u	/* no sleeping: we never sleep to allocate */

#endif
