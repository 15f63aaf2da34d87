#!/bin/sh
# boot.sh [--netns NAME] ROOT JAVA_HOME COMMAND...: one "boot" of ROOT: fresh mount, PID, network,
# UTS and IPC namespaces (no network), /proc, a fresh tmpfs /run, the host JDK bind-mounted
# read-only at the same path (with the directories its symlinks point to), then COMMAND chrooted
# into ROOT. Exits with COMMAND's exit code.
# --netns NAME: join the network namespace NAME (made with `ip netns add`, holding the test's veth
# devices) instead of a fresh one, and mount sysfs, so /sys/class/net shows its devices.
set -eu
join= net=--net sys=no
if [ "$1" = --netns ]; then
    join="nsenter --net=/run/netns/$2" net= sys=yes
    shift 2
fi
root=$1 jdk=$2
shift 2
# shellcheck disable=SC2086
exec $join unshare --mount --pid --fork $net --uts --ipc --propagation private /bin/sh -euc '
root=$1 jdk=$2 sys=$3
shift 3
mount -t proc proc "$root/proc"
if [ "$sys" = yes ]; then
    mkdir -p "$root/sys"
    mount -t sysfs sysfs "$root/sys"
fi
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs "$root/run"
mount -t tmpfs -o mode=0755,nosuid tmpfs "$root/dev"
for d in null zero random urandom tty; do touch "$root/dev/$d"; mount --bind "/dev/$d" "$root/dev/$d"; done
# the JDK and the directories outside it that its symlinks point to (Debian: /etc/java-17-openjdk)
dirs=$(find "$jdk" -type l -exec readlink -f {} \; | while read -r t; do dirname "$t"; done \
    | grep -v -e "^$jdk" -e "^/usr/share/doc" | sort -u \
    | awk "BEGIN { last = \"//\" } index(\$0, last \"/\") != 1 { print; last = \$0 }")
for d in "$jdk" $dirs; do
    [ -d "$d" ] || continue
    mkdir -p "$root$d"
    mount --bind "$d" "$root$d"
    mount -o remount,bind,ro "$root$d"
done
hostname e2e-unset
exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"
' boot "$root" "$jdk" "$sys" "$@"
