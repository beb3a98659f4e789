#!/bin/sh
# mkrootfs.sh <dir>: lay out a minimal busybox root tree in <dir>.
#
# The tree is meant to be booted as a hostfs root:
#	./linux root=/dev/root rootfstype=hostfs rootflags=<dir> rw init=/sbin/init
# It holds a static busybox (Debian's busybox-static), one symlink per applet
# at the applet's usual path, a small /sbin/init script, the few files in
# /etc that busybox applets look for, and empty mount points.
#
# Running it again on the same directory gives the same tree: files are
# rewritten with the same content, symlinks replaced, nothing else touched.
# No root privileges are needed (no device nodes are made: the kernel mounts
# devtmpfs on /dev, or init can).
#
# Environment: BUSYBOX selects the busybox binary (default /bin/busybox).
set -eu

die() {
	echo "mkrootfs: $*" >&2
	exit 1
}

[ $# -eq 1 ] || die "usage: mkrootfs.sh <dir>"
root=$1
busybox=${BUSYBOX:-/bin/busybox}

[ -x "$busybox" ] || die "$busybox not found (apt-get install busybox-static)"
# A dynamically linked busybox would need the host's libraries inside the tree.
if command -v file >/dev/null 2>&1 &&
   ! file -L "$busybox" | grep -q 'statically linked'; then
	die "$busybox is not statically linked (install busybox-static)"
fi

mkdir -p "$root"
cd "$root"

for d in bin sbin usr/bin usr/sbin etc dev proc sys tmp root var run mnt home; do
	mkdir -p "$d"
done
chmod 1777 tmp
chmod 0700 root

# install_file <mode> <path>: write stdin to <path> only if it differs, so a
# second run leaves timestamps alone.
install_file() {
	tmp="$2.mkrootfs.$$"
	cat >"$tmp"
	chmod "$1" "$tmp"
	if [ -f "$2" ] && [ ! -L "$2" ] && cmp -s "$tmp" "$2"; then
		rm -f "$tmp"
		chmod "$1" "$2"
	else
		mv -f "$tmp" "$2"
	fi
}

install_file 0755 bin/busybox <"$busybox"

# Applet links.  --list-full names each applet with its directory
# (bin/ls, usr/sbin/chroot); older busybox builds only know --list.
if "$busybox" --list-full >/dev/null 2>&1; then
	applets=$("$busybox" --list-full)
else
	applets=$("$busybox" --list | sed 's|^|bin/|')
fi
for a in $applets; do
	case $a in
	sbin/init | linuxrc | bin/busybox) continue ;;	# init is ours
	esac
	# A real file or directory at an applet's path is left alone.
	if [ -e "$a" ] && [ ! -L "$a" ]; then
		continue
	fi
	ln -sfn /bin/busybox "$a"
done

install_file 0755 sbin/init <<'EOF'
#!/bin/sh
# Default init of a umk busybox root (written by scripts/mkrootfs.sh).
# Mounts the usual pseudo file systems if the kernel has them, prints a
# banner, runs an interactive shell on the console and powers off when the
# shell exits.
PATH=/bin:/sbin:/usr/bin:/usr/sbin
HOME=/root
export PATH HOME
cd /
mount -t proc proc /proc 2>/dev/null
mount -t sysfs sysfs /sys 2>/dev/null
[ -e /dev/null ] || mount -t devtmpfs devtmpfs /dev 2>/dev/null
# The links udev makes on a Debian system (devtmpfs does not).
[ -e /dev/fd ] || ln -s /proc/self/fd /dev/fd 2>/dev/null
[ -e /dev/stdin ] || ln -s /proc/self/fd/0 /dev/stdin 2>/dev/null
[ -e /dev/stdout ] || ln -s /proc/self/fd/1 /dev/stdout 2>/dev/null
[ -e /dev/stderr ] || ln -s /proc/self/fd/2 /dev/stderr 2>/dev/null
hostname -F /etc/hostname 2>/dev/null
echo
echo "Welcome to umk ($(uname -sr)). Exit the shell to power off."
echo
# /dev/console cannot be a controlling terminal; the tty behind it (the
# console= line, tty0 by default) can.  Opened by a new session leader it
# becomes the shell's controlling terminal, which gives job control and ^C.
tty=tty0
for arg in $(cat /proc/cmdline 2>/dev/null); do
	case $arg in console=tty*) tty=${arg#console=} ;; esac
done
if [ -c "/dev/$tty" ] && setsid true 2>/dev/null; then
	setsid sh -c "exec sh -i <>/dev/$tty >&0 2>&1"
else
	sh -i
fi
echo "init: shell exited, powering off"
poweroff -f
EOF

install_file 0644 etc/passwd <<'EOF'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF

install_file 0644 etc/group <<'EOF'
root:x:0:
tty:x:5:
nogroup:x:65534:
EOF

install_file 0644 etc/hostname <<'EOF'
umk
EOF

install_file 0644 etc/profile <<'EOF'
PS1='\h:\w\$ '
export PS1
EOF
