# mm/ unit tests.  mm_vma and mm_fault run the whole of mm/ plus the host
# TLB glue against tests/unit/mm_stubs_test.c (recording engine, fake files).
UNIT_TESTS += mm_page_alloc mm_slab mm_vma mm_fault
MM_LIB_SRCS := lib/string.c lib/vsprintf.c
MM_ALL_SRCS := mm/page_alloc.c mm/slab.c mm/pgtable.c mm/vma.c mm/memory.c mm/pte_range.c \
	mm/mmap.c mm/mprotect.c mm/mremap.c mm/madvise.c mm/mm_struct.c \
	mm/shmem_anon.c mm/filemap.c mm/uaccess.c \
	arch/um/kernel/tlb.c arch/um/kernel/mmu.c tests/unit/mm_stubs_test.c
mm_page_alloc_SRCS := tests/unit/mm_page_alloc_test.c mm/page_alloc.c mm/slab.c $(MM_LIB_SRCS)
mm_slab_SRCS := tests/unit/mm_slab_test.c mm/slab.c mm/page_alloc.c $(MM_LIB_SRCS)
mm_vma_SRCS := tests/unit/mm_vma_test.c $(MM_ALL_SRCS) $(MM_LIB_SRCS)
mm_fault_SRCS := tests/unit/mm_fault_test.c $(MM_ALL_SRCS) $(MM_LIB_SRCS)
