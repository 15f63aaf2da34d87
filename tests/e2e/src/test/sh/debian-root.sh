#!/bin/sh
# debian-root.sh DEST TARBALL JAVA_HOME: a Debian bookworm (minbase) root for the end-to-end tests
# with the Nubis debian tarball unpacked at /. The root comes from tools/test-roots/debian-root.sh
# when the repository has it, else from the same cached debootstrap tarball
# (${NUBIS_ROOT_CACHE:-/var/cache/nubis-test-roots}/debian-bookworm-minbase.tar.gz), built here
# with debootstrap when missing. The JDK is bind-mounted at boot, not installed.
# Exit 3: the root cannot be made here (no mirror, no debootstrap).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest=$(realpath -m "$1") tarball=$(realpath "$2")
repo_tool=$here/../../../../../tools/test-roots/debian-root.sh
cache=${NUBIS_ROOT_CACHE:-/var/cache/nubis-test-roots}
base=$cache/debian-bookworm-minbase.tar.gz
rm -rf "$dest"
if [ -f "$repo_tool" ]; then
    sh "$repo_tool" "$dest"
else
    if [ ! -f "$base" ]; then
        command -v debootstrap >/dev/null || { echo "debian-root: debootstrap is missing (apt-get install debootstrap)" >&2; exit 3; }
        mkdir -p "$cache"
        work=$(mktemp -d "$cache/.e2e.XXXXXX")
        trap 'rm -rf "$work"' EXIT
        debootstrap --variant=minbase bookworm "$work/root" >&2 || { echo "debian-root: debootstrap failed" >&2; exit 3; }
        tar -czf "$work/root.tar.gz" -C "$work/root" --numeric-owner .
        mv "$work/root.tar.gz" "$base"
    fi
    mkdir -p "$dest"
    tar -xzf "$base" -C "$dest" --numeric-owner
fi
cd "$dest"
# Unpacks the files of Debian package $1 into the root unless $2 exists there (the .deb is cached
# beside the root tarball; no maintainer script runs).
unpack() {
    [ -e "$dest/$2" ] && return 0
    deb=$(ls "$cache/$1"_*.deb 2>/dev/null | head -n1 || true)
    if [ -z "$deb" ]; then
        (cd "$cache" && apt-get download -q "$1" >/dev/null 2>&1) || { echo "debian-root: cannot download $1" >&2; exit 3; }
        deb=$(ls "$cache/$1"_*.deb | head -n1)
    fi
    # the root merges /usr (/sbin -> usr/sbin...): keep those links while unpacking
    dpkg-deb --fsys-tarfile "$deb" | tar -x --keep-directory-symlink -C "$dest"
}
# Debian cloud images have the locales package (update-locale, used by the locale module), and
# ifupdown with iproute2 (the ENI renderer's stack, brought up by the network tests); minbase has
# neither.
unpack locales usr/sbin/update-locale
unpack iproute2 bin/ip
for lib in libmnl0:libmnl.so.0 libelf1:libelf.so.1 libbpf1:libbpf.so.1 libbsd0:libbsd.so.0 libmd0:libmd.so.0 \
        libcap2:libcap.so.2 zlib1g:libz.so.1; do
    unpack "${lib%%:*}" "usr/lib/x86_64-linux-gnu/${lib#*:}"
done
unpack ifupdown sbin/ifup
chroot "$dest" /bin/ip -V >/dev/null || { echo "debian-root: ip does not run in the root" >&2; exit 1; }
[ -e etc/network/interfaces ] || printf 'source /etc/network/interfaces.d/*\n\nauto lo\niface lo inet loopback\n' > etc/network/interfaces
mkdir -p usr/share/zoneinfo/Europe
[ -e usr/share/zoneinfo/Europe/Berlin ] || cp /usr/share/zoneinfo/Europe/Berlin usr/share/zoneinfo/Europe/Berlin
echo localhost > etc/hostname
rm -f etc/cloud/cloud-init.disabled
tar -C "$dest" -xzf "$tarball"
