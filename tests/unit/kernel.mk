# kernel/ unit tests: command-line parsing and the timer list.
UNIT_TESTS += kernel_params kernel_timer
kernel_params_SRCS := tests/unit/kernel_params_test.c kernel/params.c lib/string.c \
	lib/vsprintf.c
kernel_timer_SRCS := tests/unit/kernel_timer_test.c kernel/time/timer.c lib/string.c \
	lib/vsprintf.c
