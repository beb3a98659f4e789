#!/bin/sh
# Link the Linux UAPI headers (linux-libc-dev) into one directory so that the
# kernel half can use them without seeing any glibc header.
set -e
out=$1
mkdir -p "$out"
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
for d in linux asm-generic; do
	[ -d "/usr/include/$d" ] || { echo "mkuapi: /usr/include/$d missing (install linux-libc-dev)" >&2; exit 1; }
	ln -sfn "/usr/include/$d" "$out/$d"
done
ln -sfn "/usr/include/$multiarch/asm" "$out/asm"
