/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_PARAMS_H
#define _UMK_PARAMS_H

/* kernel/params.c: the command line (see there). */
int parse_command_line(int argc, char **argv);
int init_extra_args(const char ***argv);	/* words passed on to init */
int init_extra_envs(const char ***envp);
void print_param_help(void);
extern char saved_command_line[4096];

#endif
