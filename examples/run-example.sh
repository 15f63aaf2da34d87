#!/bin/sh
# Runs the four boot stages of the Debian assembly against a throw-away target root seeded with
# the NoCloud example (examples/nocloud), in plan mode: files are written only under the sandbox,
# commands are recorded instead of run, and a summary of both is printed at the end.
#
# usage: examples/run-example.sh [SANDBOX]   (default /tmp/nubis-sandbox)
# Build the assembly first: mvn -B -pl assemblies -am package -DskipTests
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
nubis=${NUBIS:-$repo/assemblies/target/nubis-debian/bin/nubis}
sandbox=${1:-/tmp/nubis-sandbox}

if [ ! -x "$nubis" ]; then
    echo "run-example: $nubis not found; build it with: mvn -B -pl assemblies -am package -DskipTests" >&2
    exit 1
fi
case "$sandbox" in
    /*) ;;
    *) echo "run-example: the sandbox must be an absolute path, got '$sandbox'" >&2; exit 1 ;;
esac
if [ "$sandbox" = / ]; then
    echo "run-example: refusing to use / as the sandbox" >&2
    exit 1
fi
# a fresh sandbox: only a directory this script made before (it has the marker) is removed
if [ -e "$sandbox" ]; then
    if [ -f "$sandbox/.nubis-sandbox" ]; then
        rm -rf "$sandbox"
    elif [ -n "$(ls -A "$sandbox" 2>/dev/null)" ]; then
        echo "run-example: $sandbox exists and is not a sandbox made by this script; choose another path" >&2
        exit 1
    fi
fi
mkdir -p "$sandbox/var/lib/cloud/seed/nocloud" "$sandbox/etc"
: > "$sandbox/.nubis-sandbox"
cp "$here/nocloud/meta-data" "$here/nocloud/user-data" "$here/nocloud/network-config" "$sandbox/var/lib/cloud/seed/nocloud/"
# the bare minimum of a root filesystem: the root account
printf 'root:x:0:0:root:/root:/bin/bash\n' > "$sandbox/etc/passwd"
printf 'root:x:0:\n' > "$sandbox/etc/group"
# the Debian profile is chosen by the target's os-release when an assembly has several
printf 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n' \
    > "$sandbox/etc/os-release"
echo nubis-sandbox > "$sandbox/etc/hostname"
# ifupdown as a Debian image has it, so the ENI renderer's probe finds it (plan mode runs nothing)
mkdir -p "$sandbox/etc/network/interfaces.d" "$sandbox/usr/sbin"
printf 'source /etc/network/interfaces.d/*\n\nauto lo\niface lo inet loopback\n' > "$sandbox/etc/network/interfaces"
for c in ifup ifdown ifquery; do : > "$sandbox/usr/sbin/$c"; chmod 755 "$sandbox/usr/sbin/$c"; done

echo "== $nubis --root $sandbox --plan --all-stages"
status=0
"$nubis" --root "$sandbox" --plan --all-stages || status=$?
echo
echo "== exit code $status; state and logs are in $sandbox:"
echo "   $sandbox/var/log/cloud-init.log, $sandbox/var/log/cloud-init-output.log,"
echo "   $sandbox/var/lib/cloud/data/status.json, $sandbox/var/lib/cloud/instance/"
exit "$status"
