// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel command line.
 *
 * Each word is offered to the registered parameters (arch/um/include/shared/
 * init.h) in link order.  Words nobody claims go to init as Linux passes
 * them: "name=value" into its environment, anything else into its argv;
 * after "--" everything goes to init's argv.
 */
#include <umk/kernel.h>
#include <umk/params.h>
#include <init.h>
#include <os.h>

#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32

static const char *init_argv_extra[MAX_INIT_ARGS];
static const char *init_envp_extra[MAX_INIT_ENVS];
static int nr_init_args, nr_init_envs;
char saved_command_line[4096];

static bool param_matches(const struct umk_param *p, const char *word, const char **val)
{
	size_t n = strlen(p->name);

	if (p->flags & PARAM_PREFIX) {
		if (strncmp(word, p->name, n))
			return false;
		*val = word + n;
		return true;
	}
	if (n && p->name[n - 1] == '=') {
		if (strncmp(word, p->name, n))
			return false;
		*val = word + n;
		return true;
	}
	if (strcmp(word, p->name))
		return false;
	*val = "";
	return true;
}

static void pass_to_init(const char *word)
{
	if (strchr(word, '=')) {
		if (nr_init_envs < MAX_INIT_ENVS)
			init_envp_extra[nr_init_envs++] = word;
	} else if (nr_init_args < MAX_INIT_ARGS) {
		init_argv_extra[nr_init_args++] = word;
	}
}

/* 0 if this word belongs to the kernel (or init), else the setup's error. */
static int parse_one(const char *word)
{
	const struct umk_param *p;
	const char *val;
	int err;

	for (p = __start_umk_params; p < __stop_umk_params; p++) {
		if (!param_matches(p, word, &val))
			continue;
		err = p->setup(val);
		if (err)
			return err;
		if (p->flags & PARAM_KEEP)
			pass_to_init(word);
		return 0;
	}
	pass_to_init(word);
	return 0;
}

static void save_command_line(int argc, char **argv)
{
	size_t len = 0;
	int i;

	for (i = 1; i < argc; i++) {
		size_t n = strlen(argv[i]);

		if (len + n + 2 > sizeof(saved_command_line))
			break;
		if (len)
			saved_command_line[len++] = ' ';
		memcpy(saved_command_line + len, argv[i], n);
		len += n;
	}
	saved_command_line[len] = '\0';
}

int parse_command_line(int argc, char **argv)
{
	int i, err;

	save_command_line(argc, argv);
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			for (i++; i < argc; i++)
				if (nr_init_args < MAX_INIT_ARGS)
					init_argv_extra[nr_init_args++] = argv[i];
			break;
		}
		err = parse_one(argv[i]);
		if (err)
			return err;
	}
	return 0;
}

int init_extra_args(const char ***argv)
{
	*argv = init_argv_extra;
	return nr_init_args;
}

int init_extra_envs(const char ***envp)
{
	*envp = init_envp_extra;
	return nr_init_envs;
}

void print_param_help(void)
{
	const struct umk_param *p;

	for (p = __start_umk_params; p < __stop_umk_params; p++) {
		if (!p->help)
			continue;
		os_stdout_write(p->help, strlen(p->help));
		os_stdout_write("\n", 1);
	}
}
