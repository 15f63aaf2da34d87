#!/bin/sh
# Creates a fresh Debian bookworm root filesystem for tests, from a cached tarball.
#
# usage: tools/test-roots/debian-root.sh DEST [--with-cloud-init]
#
#   DEST               directory to create; must not exist or be empty (absolute or relative path).
#   --with-cloud-init  also install Debian's cloud-init package (22.4 in bookworm) in the root,
#                      with services kept from starting (policy-rc.d exits 101).
#
# The root is built once with `debootstrap --variant=minbase bookworm`, using the Debian mirror
# the host's apt sources name (no other host is used: none there means exit 3), kept as a tarball in
# ${NUBIS_ROOT_CACHE:-/var/cache/nubis-test-roots}, named for suite, variant and cloud-init:
#   debian-bookworm-minbase.tar.gz, debian-bookworm-minbase-cloud-init.tar.gz
# (the cloud-init root is built from the base tarball, which is cached on the way). Later runs
# only unpack a tarball. Delete a tarball to rebuild it. Concurrent callers wait on a lock file.
#
# Needs root (debootstrap, chroot, mknod). Installs debootstrap on the host with apt-get when it
# is missing; never installs cloud-init on the host. /proc is mounted in the chroot only while
# apt runs there, and always unmounted again.
#
# Exit codes: 0 root ready in DEST; 2 bad usage; 3 not root, debootstrap not installable or no
# Debian mirror reachable (callers may treat 3 as "environment cannot do this"); other codes:
# the build failed (its output is on stderr).
# Stable interface: tests/conformance and the e2e helper call this script.
set -eu

usage() { echo "usage: $0 DEST [--with-cloud-init]" >&2; exit 2; }
[ $# -ge 1 ] || usage
dest=$1; shift
with_ci=no
for a in "$@"; do
    case "$a" in
        --with-cloud-init) with_ci=yes ;;
        *) usage ;;
    esac
done
if [ "$(id -u)" != 0 ]; then
    echo "debian-root: must run as root (debootstrap, chroot)" >&2
    exit 3
fi
if [ -e "$dest" ] && [ -n "$(ls -A "$dest" 2>/dev/null)" ]; then
    echo "debian-root: $dest exists and is not empty" >&2
    exit 2
fi

suite=bookworm
variant=minbase
cache=${NUBIS_ROOT_CACHE:-/var/cache/nubis-test-roots}
name=debian-$suite-$variant
[ "$with_ci" = yes ] && name=$name-cloud-init
tarball=$cache/$name.tar.gz

# The host's Debian mirror: the first URI in its apt sources that serves Debian's main archive.
host_mirror() {
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        case "$f" in
            *.sources) sed -n 's/^URIs:[[:space:]]*//p' "$f" | tr ' ' '\n' ;;
            *) sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]*\).*/\2/p' "$f" ;;
        esac
    done | grep -v -e security -e '^$' | grep -E '^https?://' | head -n 1
}

build_base() { # $1 = target directory
    if ! command -v debootstrap >/dev/null 2>&1; then
        echo "debian-root: installing debootstrap on the host" >&2
        if ! apt-get install -y -q debootstrap >&2 && ! { apt-get update -q >&2 && apt-get install -y -q debootstrap >&2; }; then
            echo "debian-root: debootstrap is missing and apt-get could not install it" >&2
            exit 3
        fi
    fi
    mirror=$(host_mirror)
    if [ -z "$mirror" ]; then
        echo "debian-root: no Debian mirror in the host's apt sources (/etc/apt/sources.list*)" >&2
        exit 3
    fi
    echo "debian-root: debootstrap --variant=$variant $suite from $mirror" >&2
    if ! debootstrap --variant="$variant" "$suite" "$1" "$mirror" >&2; then
        if [ -f "$1/debootstrap/debootstrap.log" ]; then tail -n 20 "$1/debootstrap/debootstrap.log" >&2; fi
        if ! wget -q -T 10 -O /dev/null "$mirror/dists/$suite/Release" 2>/dev/null \
            && ! curl -fsS -m 10 -o /dev/null "$mirror/dists/$suite/Release" 2>/dev/null; then
            echo "debian-root: Debian mirror $mirror is not reachable" >&2
            exit 3
        fi
        exit 1
    fi
    rm -rf "$1/var/cache/apt/archives/"*.deb "$1/var/lib/apt/lists/"*_Packages 2>/dev/null || true
}

install_cloud_init() { # $1 = root
    r=$1
    printf '#!/bin/sh\nexit 101\n' > "$r/usr/sbin/policy-rc.d"
    chmod 755 "$r/usr/sbin/policy-rc.d"
    cp /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
    mount -t proc proc "$r/proc"
    set +e
    (
        set -e
        export DEBIAN_FRONTEND=noninteractive LC_ALL=C
        chroot "$r" apt-get update -q
        chroot "$r" apt-get install -y -q --no-install-recommends cloud-init
        chroot "$r" apt-get clean
    ) >&2
    rc=$?
    set -e
    umount "$r/proc"
    rm -rf "$r/var/lib/apt/lists/"* 2>/dev/null || true
    : > "$r/etc/resolv.conf"
    if [ "$rc" != 0 ]; then
        echo "debian-root: installing cloud-init in the chroot failed ($rc)" >&2
        exit 1
    fi
}

make_tarball() { # $1 = yes to add cloud-init (on top of the base tarball), $2 = tarball to write
    mkdir -p "$cache"
    work=$(mktemp -d "$cache/.build.XXXXXX")
    # on failure: unmount anything left and remove the half-built root
    trap 'umount "$work/root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM
    mkdir "$work/root"
    if [ "$1" = yes ]; then
        tar -xzf "$base" -C "$work/root" --numeric-owner
        install_cloud_init "$work/root"
    else
        build_base "$work/root"
    fi
    tar -czf "$work/root.tar.gz" -C "$work/root" --numeric-owner .
    mv "$work/root.tar.gz" "$2"   # atomic: readers see a whole tarball or none
    rm -rf "$work"
    trap - EXIT INT TERM
}

base=$cache/debian-$suite-$variant.tar.gz
if [ ! -f "$tarball" ]; then
    # one builder at a time; others wait and reuse its tarball
    mkdir -p "$cache"
    exec 9>"$cache/.lock"
    if command -v flock >/dev/null 2>&1; then flock 9; fi
    # the base root is cached too (the cloud-init root is built from it)
    [ -f "$base" ] || make_tarball no "$base"
    if [ "$with_ci" = yes ] && [ ! -f "$tarball" ]; then make_tarball yes "$tarball"; fi
fi
mkdir -p "$dest"
tar -xzf "$tarball" -C "$dest" --numeric-owner
echo "debian-root: $dest ready ($name)" >&2
