#!/bin/sh
# alpine-root.sh DEST TARBALL JAVA_HOME: an Alpine-like root for the end-to-end tests, built from
# Debian packages: busybox-static (all applets as symlinks, mdev included), the openrc and
# opendoas package files (dpkg -x, no maintainer scripts, no systemd, no sudo), a zoneinfo file,
# the glibc libraries the host JDK needs (the JDK itself is bind-mounted at boot), util-linux's flock
# (Debian's busybox has no flock applet), and the Nubis
# alpine tarball unpacked at /. Exit 3: a package cannot be downloaded (no apt mirror).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest=$(realpath -m "$1") tarball=$(realpath "$2") jdk=$3
cache=${NUBIS_E2E_CACHE:-/var/cache/nubis-e2e}
rm -rf "$dest"
mkdir -p "$dest" "$cache"
cd "$dest"
mkdir -p bin sbin usr/bin usr/sbin etc proc sys dev run tmp root var/lib var/log var/tmp home \
    usr/share/zoneinfo/Europe "$dest$jdk"
chmod 1777 tmp var/tmp
cp /bin/busybox bin/busybox
chroot "$dest" /bin/busybox --install -s
for p in openrc libeinfo1 librc1 opendoas; do
    deb=$(ls "$cache"/${p}_*.deb 2>/dev/null | head -n1 || true)
    if [ -z "$deb" ]; then
        (cd "$cache" && apt-get download -q "$p" >/dev/null 2>&1) || { echo "alpine-root: cannot download $p" >&2; exit 3; }
        deb=$(ls "$cache"/${p}_*.deb | head -n1)
    fi
    dpkg -x "$deb" "$dest"
done
# the glibc libraries the JDK and openrc need (a real Alpine has musl and its own JDK)
{ find "$jdk" -name '*.so' -o -path '*/bin/java'; echo "$dest/sbin/openrc-run"; echo "$dest/sbin/openrc"; echo /usr/bin/flock; } \
    | LD_LIBRARY_PATH="$dest/lib/x86_64-linux-gnu:$dest/usr/lib/x86_64-linux-gnu" xargs ldd 2>/dev/null \
    | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; s/^[[:space:]]*\(\/[^ ]*ld-linux[^ ]*\).*/\1/p' | sort -u \
    | while read -r lib; do
        case $lib in "$jdk"/*|"$dest"/*) continue ;; esac
        mkdir -p "$dest$(dirname "$lib")"
        cp -L "$lib" "$dest$lib"
    done
[ -e lib64 ] || { mkdir -p lib64; cp -L /lib64/ld-linux-x86-64.so.2 lib64/; }
cp /usr/share/zoneinfo/Europe/Berlin usr/share/zoneinfo/Europe/Berlin
cp /usr/share/zoneinfo/UTC usr/share/zoneinfo/UTC
cat > etc/os-release <<'OS'
NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.20.0
PRETTY_NAME="Alpine Linux v3.20 (Nubis e2e root)"
OS
echo 3.20.0 > etc/alpine-release
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n' > etc/passwd
printf 'root:x:0:root\nwheel:x:10:root\nnogroup:x:65533:\nnobody:x:65534:\n' > etc/group
printf 'root:*::0:::::\nnobody:!::0:::::\n' > etc/shadow
chmod 640 etc/shadow
printf '/bin/sh\n/bin/ash\n' > etc/shells
echo localhost > etc/hostname
printf '127.0.0.1 localhost\n' > etc/hosts
# as Alpine's installer leaves it: busybox ifupdown, the loopback only (the ENI renderer's probe)
mkdir -p etc/network/if-pre-up.d etc/network/if-up.d etc/network/if-down.d etc/network/if-post-down.d
printf 'auto lo\niface lo inet loopback\n' > etc/network/interfaces
[ -e var/run ] || ln -s ../run var/run
mkdir -p etc/doas.d
printf 'permit persist :wheel\n' > etc/doas.conf
# OpenRC's localmount (Debian's openrc has none): the harness mounts what the root needs
printf '#!/sbin/openrc-run\ndescription="local filesystems (mounted by the test harness)"\nstart() { return 0; }\n' > etc/init.d/localmount
chmod 755 etc/init.d/localmount
tar -C "$dest" -xzf "$tarball"
# Alpine's busybox has flock (the hotplug hook's drainer lock), Debian's has not: util-linux's
cp /usr/bin/flock usr/bin/flock
# Debian's busybox lacks the adduser/addgroup applets: shell stand-ins with busybox's options
install -m 755 "$here/busybox-users.sh" usr/sbin/adduser
install -m 755 "$here/busybox-users.sh" usr/sbin/addgroup
