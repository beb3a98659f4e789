#!/bin/sh
# The kernel half and glibc share one executable.  A kernel-half global that
# has the name of a C library function would silently replace it for the user
# half too, so only the string/memory primitives below may share a name.
bin=$1; shift
allowed='^(memcpy|memmove|memset|memcmp|strlen|strnlen|strcmp|strncmp|strchr|strrchr|strcpy|strncpy|strlcpy|strscpy|strcat|strncat|strstr|memchr|strspn|strcspn|strpbrk|strsep|bcmp|strtoul|strtol|strtoull|strtoll|main|_start|__start_.*|__stop_.*)$'
libc_syms=$(nm -D --defined-only "$(gcc -print-file-name=libc.so.6)" 2>/dev/null | awk '{print $3}' | sed 's/@.*//' | sort -u)
[ -n "$libc_syms" ] || exit 0
kern_syms=$(nm --defined-only -g "$@" 2>/dev/null | awk 'NF==3 && $2 ~ /[TDBR]/ {print $3}' | sort -u)
bad=$(printf '%s\n' "$kern_syms" | grep -v -E "$allowed" | comm -12 - "$(printf '%s\n' "$libc_syms" > /tmp/.umk-libc.$$; echo /tmp/.umk-libc.$$)")
rm -f /tmp/.umk-libc.$$
if [ -n "$bad" ]; then
	echo "check-kernel-symbols: kernel-half symbols shadow C library functions:" >&2
	printf '  %s\n' $bad >&2
	rm -f "$bin"
	exit 1
fi
