/* The stub program, embedded whole; the engine execs it from a memfd. */
	.section .rodata
	.balign 16
	.global stub_image_start, stub_image_end
stub_image_start:
	.incbin "arch/um/stub/stub.elf"
stub_image_end:
	.section .note.GNU-stack,"",@progbits
