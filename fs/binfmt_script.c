// SPDX-License-Identifier: GPL-2.0
/*
 * "#!" scripts: run the interpreter with the optional single argument and
 * the script's path in front of the original arguments (argv[0] dropped),
 * as Linux does.
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/binfmts.h>

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

int load_script_binary(struct linux_binprm *bprm)
{
	char line[BINPRM_BUF_SIZE], *interp, *arg = NULL, *p;
	const char *words[3];
	int n = 0, err;

	if (bprm->buf[0] != '#' || bprm->buf[1] != '!')
		return -ENOEXEC;
	if (++bprm->depth > MAX_INTERP_DEPTH)
		return -ELOOP;
	memcpy(line, bprm->buf + 2, sizeof(line) - 2);
	line[sizeof(line) - 2] = '\0';
	p = strchr(line, '\n');
	if (!p)
		return -ENOEXEC;	/* the line must fit the buffer */
	*p = '\0';
	for (interp = line; is_blank(*interp); interp++)
		;
	if (!*interp)
		return -ENOEXEC;
	for (p = interp; *p && !is_blank(*p); p++)
		;
	if (*p) {
		*p++ = '\0';
		while (is_blank(*p))
			p++;
		if (*p) {
			char *end = p + strlen(p);

			while (end > p && is_blank(end[-1]))
				*--end = '\0';
			arg = p;
		}
	}
	words[n++] = interp;
	if (arg)
		words[n++] = arg;
	words[n++] = bprm->interp;
	err = bprm_replace_argv0(bprm, words, n);
	if (err)
		return err;
	/* comm and AT_EXECFN keep naming the script, as on Linux. */
	kfree(bprm->interp);
	bprm->interp = kstrdup(interp);
	if (!bprm->interp)
		return -ENOMEM;
	err = open_exec(bprm, bprm->interp);
	if (err)
		return err;
	err = load_script_binary(bprm);
	if (err != -ENOEXEC)
		return err;
	return load_elf_binary(bprm);
}
