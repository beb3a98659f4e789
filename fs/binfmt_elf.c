// SPDX-License-Identifier: GPL-2.0
/*
 * ELF64 x86_64 executables: static (ET_EXEC), static-pie and dynamic
 * (ET_DYN, with or without PT_INTERP).  Segments are private file
 * mappings through the page cache; .bss is zero-filled anonymous memory.
 * The initial stack is laid out as the x86_64 psABI and Linux do:
 *
 *	sp -> argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL
 *	      ... 16 random bytes, "x86_64", the strings, the exec filename ...
 *	top of stack
 */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/fs.h>
#include <umk/mman.h>
#include <umk/uaccess.h>
#include <umk/binfmts.h>
#include <umk/timer.h>
#include <linux/elf.h>
#include <linux/auxvec.h>
#include <linux/resource.h>
#include <engine.h>
#include <os.h>

#define STACK_TOP	TASK_SIZE
#define STACK_INIT	(128 * 1024UL)
#define MMAP_GAP	(128UL << 20)
#define ELF_ET_DYN_BASE	ALIGN_DOWN(TASK_SIZE / 3 * 2, 1UL << 21)
#define MAX_PHDRS_SIZE	65536

struct elf_image {
	Elf64_Ehdr eh;
	Elf64_Phdr *phdrs;
	struct file *file;
	unsigned long bias;
};

static int read_elf(struct file *file, const char *buf, struct elf_image *img)
{
	size_t size;
	loff_t pos;
	ssize_t n;

	memcpy(&img->eh, buf, sizeof(img->eh));
	if (memcmp(img->eh.e_ident, ELFMAG, SELFMAG))
		return -ENOEXEC;
	if (img->eh.e_ident[EI_CLASS] != ELFCLASS64 || img->eh.e_machine != EM_X86_64 ||
	    img->eh.e_ident[EI_DATA] != ELFDATA2LSB)
		return -ENOEXEC;
	if (img->eh.e_type != ET_EXEC && img->eh.e_type != ET_DYN)
		return -ENOEXEC;
	if (img->eh.e_phentsize != sizeof(Elf64_Phdr) || !img->eh.e_phnum)
		return -ENOEXEC;
	size = img->eh.e_phnum * sizeof(Elf64_Phdr);
	if (size > MAX_PHDRS_SIZE)
		return -ENOEXEC;
	img->phdrs = kmalloc(size, GFP_KERNEL);
	if (!img->phdrs)
		return -ENOMEM;
	pos = img->eh.e_phoff;
	n = kernel_read(file, img->phdrs, size, &pos);
	if (n != (ssize_t)size) {
		kfree(img->phdrs);
		img->phdrs = NULL;
		return n < 0 ? n : -EIO;
	}
	img->file = file;
	return 0;
}

static int elf_prot(u32 flags)
{
	return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) |
	       (flags & PF_X ? PROT_EXEC : 0);
}

/* Lowest and highest page addresses the PT_LOAD segments span. */
static void load_span(struct elf_image *img, unsigned long *lo, unsigned long *hi)
{
	int i;

	*lo = ~0UL;
	*hi = 0;
	for (i = 0; i < img->eh.e_phnum; i++) {
		Elf64_Phdr *ph = &img->phdrs[i];

		if (ph->p_type != PT_LOAD)
			continue;
		*lo = min(*lo, (unsigned long)ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE));
		*hi = max(*hi, (unsigned long)PAGE_ALIGN(ph->p_vaddr + ph->p_memsz));
	}
}

static int map_segment(struct mm_struct *mm, struct elf_image *img, Elf64_Phdr *ph,
		       unsigned long *brk)
{
	unsigned long vaddr = img->bias + ph->p_vaddr;
	unsigned long start = ALIGN_DOWN(vaddr, PAGE_SIZE);
	unsigned long file_end = vaddr + ph->p_filesz, mem_end = vaddr + ph->p_memsz;
	unsigned long off = ph->p_offset - (vaddr - start);
	int prot = elf_prot(ph->p_flags);
	unsigned long ret;

	if ((ph->p_vaddr & (PAGE_SIZE - 1)) != (ph->p_offset & (PAGE_SIZE - 1)))
		return -ENOEXEC;
	if (ph->p_filesz > ph->p_memsz || mem_end > TASK_SIZE || mem_end < vaddr)
		return -ENOEXEC;
	if (ph->p_filesz) {
		ret = do_mmap(mm, img->file, start, PAGE_ALIGN(file_end) - start, prot,
			      MAP_PRIVATE | MAP_FIXED, off >> PAGE_SHIFT);
		if (IS_ERR_VALUE(ret))
			return ret;
	}
	if (ph->p_memsz > ph->p_filesz) {
		unsigned long zero_end = PAGE_ALIGN(file_end);

		/*
		 * The rest of the last file page belongs to .bss: zero it to the
		 * end of the page, not just to p_memsz, because ld.so's early
		 * allocator hands out the space after _end and expects zeros.
		 */
		if (ph->p_filesz && file_end < zero_end && (prot & PROT_WRITE) &&
		    clear_user((void __user *)file_end, zero_end - file_end))
			return -EFAULT;
		if (PAGE_ALIGN(mem_end) > zero_end) {
			ret = do_mmap(mm, NULL, zero_end, PAGE_ALIGN(mem_end) - zero_end, prot,
				      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
			if (IS_ERR_VALUE(ret))
				return ret;
		}
	}
	if (brk)
		*brk = max(*brk, mem_end);
	if (brk && (prot & PROT_EXEC)) {	/* the main image: code and data extents */
		mm->start_code = mm->start_code ? min(mm->start_code, start) : start;
		mm->end_code = max(mm->end_code, file_end);
	} else if (brk && (prot & PROT_WRITE)) {
		mm->start_data = mm->start_data ? min(mm->start_data, vaddr) : vaddr;
		mm->end_data = max(mm->end_data, file_end);
	}
	return 0;
}

/* Map all PT_LOAD segments; ET_DYN images go where the span fits. */
static int map_image(struct mm_struct *mm, struct elf_image *img, unsigned long dyn_base,
		     unsigned long *brk)
{
	unsigned long lo, hi, base;
	int i, err;

	load_span(img, &lo, &hi);
	if (lo >= hi)
		return -ENOEXEC;
	img->bias = 0;
	if (img->eh.e_type == ET_DYN) {
		/* Reserve the whole span, then place the segments inside it. */
		base = do_mmap(mm, NULL, dyn_base, hi - lo, PROT_NONE,
			       MAP_PRIVATE | MAP_ANONYMOUS | (dyn_base ? MAP_FIXED : 0), 0);
		if (IS_ERR_VALUE(base))
			return base;
		img->bias = base - lo;
	}
	for (i = 0; i < img->eh.e_phnum; i++) {
		if (img->phdrs[i].p_type != PT_LOAD)
			continue;
		err = map_segment(mm, img, &img->phdrs[i], brk);
		if (err)
			return err;
	}
	return 0;
}

static unsigned long phdr_addr(struct elf_image *img)
{
	int i;

	for (i = 0; i < img->eh.e_phnum; i++)
		if (img->phdrs[i].p_type == PT_PHDR)
			return img->bias + img->phdrs[i].p_vaddr;
	for (i = 0; i < img->eh.e_phnum; i++) {
		Elf64_Phdr *ph = &img->phdrs[i];

		if (ph->p_type == PT_LOAD && ph->p_offset <= img->eh.e_phoff &&
		    img->eh.e_phoff < ph->p_offset + ph->p_filesz)
			return img->bias + ph->p_vaddr + (img->eh.e_phoff - ph->p_offset);
	}
	return 0;
}

/* Push bytes below *sp in the new image; returns their address. */
static unsigned long push_bytes(unsigned long *sp, const void *data, size_t len)
{
	*sp -= len;
	if (copy_to_user((void __user *)*sp, data, len))
		return 0;
	return *sp;
}

static int create_elf_tables(struct linux_binprm *bprm, struct elf_image *img,
			     unsigned long interp_base, unsigned long entry, unsigned long *spp)
{
	struct mm_struct *mm = current->mm;
	unsigned long sp = STACK_TOP, strings, execfn, platform, random;
	unsigned long auxv[40], *vec, *argv_env;
	u64 rnd[2];
	int nvec = 0, nptrs = bprm->argc + bprm->envc + 2, i;
	size_t vec_bytes;
	char *s;

	get_random_bytes(rnd, sizeof(rnd));
	execfn = push_bytes(&sp, bprm->filename, strlen(bprm->filename) + 1);
	strings = push_bytes(&sp, bprm->strings, bprm->strings_len);
	platform = push_bytes(&sp, "x86_64", 7);
	sp &= ~15UL;
	random = push_bytes(&sp, rnd, sizeof(rnd));
	if (!execfn || !strings || !platform || !random)
		return -EFAULT;
	mm->arg_start = strings;
	mm->env_end = strings + bprm->strings_len;

#define AUX(k, v) do { auxv[nvec++] = (k); auxv[nvec++] = (v); } while (0)
	AUX(AT_HWCAP, os_host_auxval(AT_HWCAP));
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, 100);
	AUX(AT_PHDR, phdr_addr(img));
	AUX(AT_PHENT, sizeof(Elf64_Phdr));
	AUX(AT_PHNUM, img->eh.e_phnum);
	AUX(AT_BASE, interp_base);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, img->bias + img->eh.e_entry);
	AUX(AT_UID, current->cred.uid);
	AUX(AT_EUID, current->cred.euid);
	AUX(AT_GID, current->cred.gid);
	AUX(AT_EGID, current->cred.egid);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, random);
	AUX(AT_HWCAP2, os_host_auxval(AT_HWCAP2));
	AUX(AT_EXECFN, execfn);
	AUX(AT_PLATFORM, platform);
	AUX(AT_MINSIGSTKSZ, os_host_auxval(AT_MINSIGSTKSZ) ?: 2048);
	AUX(AT_NULL, 0);
#undef AUX
	memcpy(mm->saved_auxv, auxv, min(sizeof(mm->saved_auxv), nvec * sizeof(long)));

	/* argc + pointers + auxv, with sp 16-byte aligned at argc. */
	vec_bytes = (1 + nptrs + nvec) * sizeof(long);
	sp = (sp - vec_bytes) & ~15UL;
	vec = kmalloc(vec_bytes, GFP_KERNEL);
	if (!vec)
		return -ENOMEM;
	vec[0] = bprm->argc;
	argv_env = vec + 1;
	s = bprm->strings;
	for (i = 0; i < bprm->argc; i++) {
		*argv_env++ = strings + (s - bprm->strings);
		s += strlen(s) + 1;
	}
	mm->arg_end = strings + (s - bprm->strings);
	mm->env_start = mm->arg_end;
	*argv_env++ = 0;
	for (i = 0; i < bprm->envc; i++) {
		*argv_env++ = strings + (s - bprm->strings);
		s += strlen(s) + 1;
	}
	*argv_env++ = 0;
	memcpy(argv_env, auxv, nvec * sizeof(long));
	i = copy_to_user((void __user *)sp, vec, vec_bytes) ? -EFAULT : 0;
	kfree(vec);
	mm->start_stack = sp;
	*spp = sp;
	return i;
}

static int load_interp(struct linux_binprm *bprm, struct elf_image *img, char **interp_path)
{
	int i;

	*interp_path = NULL;
	for (i = 0; i < img->eh.e_phnum; i++) {
		Elf64_Phdr *ph = &img->phdrs[i];
		loff_t pos = ph->p_offset;
		char *path;

		if (ph->p_type != PT_INTERP)
			continue;
		if (ph->p_filesz < 2 || ph->p_filesz > 4096)
			return -ENOEXEC;
		path = kmalloc(ph->p_filesz + 1, GFP_KERNEL);
		if (!path)
			return -ENOMEM;
		if (kernel_read(img->file, path, ph->p_filesz, &pos) != (ssize_t)ph->p_filesz) {
			kfree(path);
			return -EIO;
		}
		path[ph->p_filesz] = '\0';
		*interp_path = path;
		return 0;
	}
	return 0;
}

static void start_thread(unsigned long entry, unsigned long sp)
{
	struct thread_struct *th = &current->thread;
	struct uml_regs fresh;

	engine_initial_regs(&fresh, &th->fp);
	th->fp_valid = true;
	th->regs = (struct uml_regs){
		.ip = entry, .sp = sp, .flags = 0x202,
		.cs = fresh.cs, .ss = fresh.ss, .ds = fresh.ds, .es = fresh.es,
		.fs = fresh.fs, .gs = fresh.gs, .orig_ax = -1,
	};
	current->mm->context.host.regs_owner = 0;
}

static int open_interp(const char *path, struct elf_image *interp)
{
	struct linux_binprm tmp = { 0 };
	int err = open_exec(&tmp, path);

	if (err)
		return err;
	err = read_elf(tmp.file, tmp.buf, interp);
	if (err)
		fput(tmp.file);
	return err;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	struct elf_image img = { 0 }, interp = { 0 };
	unsigned long brk = 0, entry, sp, interp_base = 0;
	char *interp_path = NULL;
	struct mm_struct *mm;
	int err;

	err = read_elf(bprm->file, bprm->buf, &img);
	if (err)
		return err;
	err = load_interp(bprm, &img, &interp_path);
	if (!err && interp_path)
		err = open_interp(interp_path, &interp);
	if (err)
		goto out;

	err = begin_new_exec(bprm);
	if (err)
		goto out;
	mm = current->mm;
	mm->mmap_base = STACK_TOP - current->signal->rlim[RLIMIT_STACK].cur - MMAP_GAP;
	setup_new_exec(bprm);
	err = mm_setup_stack(mm, STACK_TOP, STACK_INIT);
	if (!err)
		err = map_image(mm, &img, img.eh.e_type == ET_DYN && !interp_path ?
				ELF_ET_DYN_BASE : 0, &brk);
	if (err)
		goto out;
	if (interp_path) {
		err = map_image(mm, &interp, 0, NULL);
		if (err)
			goto out;
		interp_base = interp.bias;
		entry = interp.bias + interp.eh.e_entry;
	} else {
		entry = img.bias + img.eh.e_entry;
	}
	err = mm_setup_brk(mm, PAGE_ALIGN(brk));
	if (!err)
		err = create_elf_tables(bprm, &img, interp_base, entry, &sp);
	if (!err)
		start_thread(entry, sp);
out:
	if (interp.file)
		fput(interp.file);
	kfree(interp.phdrs);
	kfree(img.phdrs);
	kfree(interp_path);
	return err;
}
