#!/bin/sh
# stage.sh TARGET DISTRO VERSION: lays out target/root-DISTRO as installed at / (runtime, command
# symlinks, init-system integration, hotplug hook) from the runnable tree target/nubis-DISTRO,
# and packs it into target/nubis-DISTRO-VERSION.tar.gz (root-owned, unpacks at /).
set -eu
target=$1 distro=$2 version=$3
src=$(cd "$(dirname "$0")/.." && pwd)
init=$src/init
root=$target/root-$distro
rm -rf "$root"

case $distro in
    freebsd) prefix=usr/local ;;
    *) prefix=usr ;;
esac
home=$prefix/lib/nubis
mkdir -p "$root/$home" "$root/$prefix/bin" "$root/$home/libexec"
# only the runtime: never state a run of the tree left behind (the bundle cache, a primed archive)
for part in bin lib bundles share; do
    [ -e "$target/nubis-$distro/$part" ] && cp -R "$target/nubis-$distro/$part" "$root/$home/"
done
install -m 755 "$init/hotplug/hotplug-hook" "$root/$home/libexec/hotplug-hook"
for cmd in nubis cloud-init cloud-init-per; do
    ln -s "../lib/nubis/bin/$cmd" "$root/$prefix/bin/$cmd"
done

case $distro in
    debian|ubuntu|suse)
        mkdir -p "$root/usr/lib/systemd/system" "$root/usr/lib/systemd/system-generators" "$root/usr/lib/udev/rules.d"
        for u in "$init"/systemd/*.service "$init"/systemd/*.target; do
            install -m 644 "$u" "$root/usr/lib/systemd/system/"
        done
        install -m 755 "$init/systemd/nubis-generator" "$root/usr/lib/systemd/system-generators/nubis-generator"
        install -m 755 "$init/stage-shim" "$root/$home/libexec/stage-shim"
        install -m 644 "$init/hotplug/90-nubis-hotplug.rules" "$root/usr/lib/udev/rules.d/90-nubis-hotplug.rules"
        ;;
    alpine)
        mkdir -p "$root/etc/init.d" "$root/usr/share/nubis"
        for svc in nubis cloud-init-local cloud-init cloud-config cloud-final; do
            install -m 755 "$init/openrc/$svc" "$root/etc/init.d/$svc"
        done
        install -m 755 "$init/stage-shim" "$root/$home/libexec/stage-shim"
        install -m 644 "$init/hotplug/mdev.conf" "$root/usr/share/nubis/mdev.conf"
        ;;
    freebsd)
        mkdir -p "$root/usr/local/etc/rc.d" "$root/usr/local/etc/devd"
        for rc in nubis cloudinitlocal cloudinit cloudconfig cloudfinal; do
            install -m 755 "$init/rcd/$rc" "$root/usr/local/etc/rc.d/$rc"
        done
        install -m 755 "$init/stage-shim" "$root/$home/libexec/stage-shim"
        install -m 644 "$init/hotplug/nubis-hotplug.conf" "$root/usr/local/etc/devd/nubis-hotplug.conf"
        ;;
    *) echo "stage.sh: unknown distro $distro" >&2; exit 2 ;;
esac

# Only our own files and the directories under our home: shared directories (/usr, /etc/init.d)
# keep their owner and mode when the tarball is unpacked at /.
list=$target/root-$distro.list
(cd "$root" && { find . ! -type d; find "./$home" -type d; } | LC_ALL=C sort) > "$list"
tar -C "$root" --no-recursion --owner=0 --group=0 --numeric-owner --mtime=@0 \
    -czf "$target/nubis-$distro-$version.tar.gz" -T "$list"
rm -f "$list"
