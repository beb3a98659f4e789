# umk top-level Makefile.
#
# Kbuild-like: every directory has a Makefile fragment that lists
# obj-y / obj-$(CONFIG_FOO) objects and subdir-y directories.  This file walks
# them from the top, builds each object with the flags of its half (kernel or
# user, decided by path), and links ./linux.

MAKEFLAGS += --no-builtin-rules --no-print-directory
.DEFAULT_GOAL := all
.SUFFIXES:

CC	?= gcc
ifeq ($(origin CC),default)
CC	:= gcc
endif
AR	?= ar
V	?= 0
ifeq ($(V),1)
Q :=
quiet = @:
else
Q := @
quiet = @printf '  %-7s %s\n'
endif

srctree := $(CURDIR)
KCONFIG_CONFIG ?= .config
export KCONFIG_CONFIG

# --- configuration -----------------------------------------------------------

CONFIG_TARGETS := defconfig menuconfig nconfig oldconfig olddefconfig \
		  savedefconfig allnoconfig allyesconfig
NO_BUILD_TARGETS := $(CONFIG_TARGETS) clean distclean mrproper help quickstart-deps

ifeq ($(filter $(NO_BUILD_TARGETS),$(MAKECMDGOALS)),)
ifeq ($(MAKECMDGOALS),)
need_config := 1
else
need_config := 1
endif
endif

-include include/config/auto.conf

include scripts/Makefile.kconfig

# --- flags -------------------------------------------------------------------

GCC_INC := $(shell $(CC) -print-file-name=include)

COMMON_CFLAGS := -g -O2 -Wall -Wextra -Wno-unused-parameter \
		 -Wno-sign-compare -Wno-missing-field-initializers \
		 -fno-strict-aliasing -fno-common -fno-omit-frame-pointer \
		 -std=gnu11 -Werror=implicit-function-declaration \
		 -Werror=incompatible-pointer-types -Werror=int-conversion \
		 -Iarch/um/include/shared -include include/generated/autoconf.h

# The kernel half sees only its own headers, the compiler's freestanding
# headers and the Linux UAPI headers (linked under scripts/uapi/), never glibc.
KERN_CFLAGS := $(COMMON_CFLAGS) -nostdinc -isystem $(GCC_INC) \
	       -Iinclude -Iarch/um/include -Iscripts/uapi \
	       -ffreestanding -fno-builtin-printf -D__KERNEL_HALF__ \
	       -mno-red-zone -fno-stack-protector

USER_CFLAGS := $(COMMON_CFLAGS) -D_GNU_SOURCE -D__USER_HALF__

LDFLAGS_linux := -no-pie -Wl,--build-id=none
LDLIBS_linux := -lpthread

# --- object collection --------------------------------------------------------

ALL_OBJS :=
define walk_dir
$(eval obj-y :=)$(eval subdir-y :=)
$(eval include $(1)/Makefile)
$(eval ALL_OBJS += $(addprefix $(1)/,$(obj-y)))
$(foreach d,$(addprefix $(1)/,$(subdir-y)),$(call walk_dir,$(d)))
endef

TOP_DIRS := arch/um init kernel mm fs drivers net lib
ifneq ($(need_config),)
$(foreach d,$(TOP_DIRS),$(call walk_dir,$(d)))
endif

is_user = $(or $(filter arch/um/os-Linux/%,$(1)),$(filter %_user.o %_user.c,$(1)))

# --- rules --------------------------------------------------------------------

.PHONY: all
all: linux

linux: $(ALL_OBJS) scripts/check-kernel-symbols.sh
	$(quiet) LD $@
	$(Q)$(CC) $(LDFLAGS_linux) -o $@ $(ALL_OBJS) $(LDLIBS_linux)
	$(Q)sh scripts/check-kernel-symbols.sh $@ $(filter-out $(call is_user,$(ALL_OBJS)),$(ALL_OBJS))

%.o: %.c include/generated/autoconf.h scripts/uapi/.stamp
	$(quiet) CC $@
	$(Q)$(CC) $(if $(call is_user,$@),$(USER_CFLAGS),$(KERN_CFLAGS)) \
		-MMD -MP -c -o $@ $<

%.o: %.S include/generated/autoconf.h scripts/uapi/.stamp
	$(quiet) AS $@
	$(Q)$(CC) $(KERN_CFLAGS) -D__ASSEMBLY__ -MMD -MP -c -o $@ $<

scripts/uapi/.stamp: scripts/mkuapi.sh
	$(Q)sh scripts/mkuapi.sh scripts/uapi
	$(Q)touch $@

-include $(ALL_OBJS:.o=.d)

include arch/um/stub/Makefile.stub
include tests/Makefile.tests
include scripts/Makefile.quickstart

# --- housekeeping -------------------------------------------------------------

.PHONY: clean distclean mrproper help
clean: tests-clean
	$(Q)find . -name '*.o' -o -name '*.d' | grep -v '^./.git' | xargs rm -f
	$(Q)rm -f linux $(CLEAN_FILES)

distclean mrproper: clean
	$(Q)rm -rf .config .config.old include/config include/generated scripts/uapi build

help:
	@echo 'Configuration:  defconfig menuconfig nconfig oldconfig olddefconfig'
	@echo '                savedefconfig allnoconfig allyesconfig'
	@echo 'Build:          all (default: ./linux), V=1 for full commands'
	@echo 'Run:            quickstart (install, build, boot a busybox shell)'
	@echo 'Test:           check (all tests), check-unit, check-guest, check-system'
	@echo 'Benchmarks:     bench'
	@echo 'Clean:          clean distclean'

arch/um/kernel/syscall_table.c: scripts/gensyscalls.sh scripts/uapi/.stamp
	$(quiet) GEN $@
	$(Q)sh scripts/gensyscalls.sh scripts/uapi/asm/unistd_64.h $@
CLEAN_FILES += arch/um/kernel/syscall_table.c

.PHONY: docs
docs: Documentation/options.txt
Documentation/options.txt: linux scripts/gen-options-doc.sh
	$(quiet) GEN $@
	$(Q)sh scripts/gen-options-doc.sh ./linux $@
