#!/bin/sh
# What a reboot costs the network step: the example seed (with its network-config) booted once on a
# sandbox root like examples/run-example.sh, then N reboots (/run cleared, --all-stages, plan mode)
# for each update policy, interleaved: `default` (NoCloud enables only boot-new-instance, so a known
# instance's reboot renders nothing) and `boot` (updates: network: when: [boot-new-instance, boot],
# so every boot decides again; an unchanged config is found unchanged by the render stamp).
# Prints, per policy, the median/min/max of the process's wall time and of the network step as
# the log times it ("Network configuration took N ms"; absent when the policy skipped it).
#
# usage: bench/network-reboot.sh [-n RUNS] [-j JAVA]     (default 11 runs, the wrapper's java)
set -eu
n=11 java=
while getopts n:j: o; do
    case $o in n) n=$OPTARG ;; j) java=$OPTARG ;; *) exit 2 ;; esac
done
repo=$(cd "$(dirname "$0")/.." && pwd)
nubis=$repo/assemblies/target/nubis-debian/bin/nubis
root=$(mktemp -d /tmp/nubis-netbench.XXXXXX)
trap 'rm -rf "$root"' EXIT
sh "$repo/examples/run-example.sh" "$root/r" >/dev/null 2>&1 || { echo "the first boot failed" >&2; exit 1; }
r=$root/r
mkdir -p "$r/etc/cloud/cloud.cfg.d"
median() { sort -n | awk '{a[NR]=$1} END { if (NR == 0) { print "-"; exit } printf "%d (%d-%d)", a[int((NR+1)/2)], a[1], a[NR] }'; }
i=0
while [ "$i" -lt "$n" ]; do
    i=$((i + 1))
    for policy in default boot; do
        if [ "$policy" = boot ]; then
            echo 'updates: {network: {when: [boot-new-instance, boot]}}' > "$r/etc/cloud/cloud.cfg.d/90-bench-net.cfg"
        else
            rm -f "$r/etc/cloud/cloud.cfg.d/90-bench-net.cfg"
        fi
        rm -rf "$r/run/"*
        : > "$r/var/log/cloud-init.log"
        s=$(date +%s%N)
        NUBIS_JAVA=${java:-${NUBIS_JAVA:-}} "$nubis" --root "$r" --plan --all-stages >/dev/null 2>&1
        e=$(date +%s%N)
        echo "$policy wall $(( (e - s) / 1000000 ))" >> "$root/rows"
        sed -n 's/.*Network configuration took \([0-9]*\) ms/\1/p' "$r/var/log/cloud-init.log" \
            | while read -r ms; do echo "$policy net $ms"; done >> "$root/rows"
    done
done
printf '%-8s %-22s %s\n' policy "wall ms" "network step ms"
for policy in default boot; do
    w=$(awk -v p="$policy" '$1 == p && $2 == "wall" { print $3 }' "$root/rows" | median)
    t=$(awk -v p="$policy" '$1 == p && $2 == "net" { print $3 }' "$root/rows" | median)
    printf '%-8s %-22s %s\n' "$policy" "$w" "$t"
done
