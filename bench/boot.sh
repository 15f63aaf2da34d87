#!/usr/bin/env bash
# Boot benchmark: times `status`, each boot stage and `--all-stages` on a first boot and on a
# reboot of the same instance, with the example NoCloud seed in a sandbox root (--root, --plan),
# per (assembly, JDK, archive, JVM-flag variant) case. Runs are interleaved (every case once, then
# every case again, ...) so machine noise spreads over all cases; prints median, min, max, spread
# (p90-p10) of the wall time in ms, the median CPU time (user+sys, steadier on a loaded machine) and the median and maximum peak RSS (/usr/bin/time), and writes a TSV.
#
#   bench/boot.sh [-n RUNS] [-a "debian alpine"] [-j "17 25"] [-A "off on"] [-s "status stages all"]
#                 [-v "name=JVM OPTS;name2=..."] [-o bench/results/boot-DATE.tsv]
#
#   -a   assembly names (assemblies/target/nubis-NAME) or paths of assembly homes
#   -A   class-data archive: off (NUBIS_ARCHIVE=off) and/or on (`nubis prime` first, once per case)
#   -s   status: `nubis --root R status` on a booted root
#        stages: init --local, init, modules --mode config, modules --mode final, one process each,
#                on a fresh root (first-*) and again after /run is cleared (reboot-*)
#        all:    --all-stages on a fresh root (first-all) and again after /run is cleared (reboot-all)
#   -v   JVM flag variants appended to NUBIS_JAVA_OPTS (later flags win over the wrapper's);
#        "base=" is the wrapper as shipped
# Needs the exported assemblies (mvn package) and /usr/bin/time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=${NUBIS_TOP:-$(dirname "$here")}
runs=5 assemblies="debian alpine" jdks="17 25" archives="off on" scenarios="status stages all"
variants="base=" out="$here/results/boot-$(date -u +%Y%m%dT%H%M%S).tsv"
while getopts "n:a:j:A:s:v:o:" o; do
    case $o in
        n) runs=$OPTARG ;; a) assemblies=$OPTARG ;; j) jdks=$OPTARG ;; A) archives=$OPTARG ;;
        s) scenarios=$OPTARG ;; v) variants=$OPTARG ;; o) out=$OPTARG ;;
        *) sed -n '2,20p' "$0"; exit 2 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
java_for() { # JDK feature version -> java binary
    for j in /usr/lib/jvm/*"$1"*/bin/java; do [ -x "$j" ] && { echo "$j"; return; }; done
    echo "no JDK $1 under /usr/lib/jvm" >&2; exit 1
}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"

cases=()
IFS=';' read -r -a vlist <<<"$variants"
for a in $assemblies; do for j in $jdks; do for ar in $archives; do for v in "${vlist[@]}"; do
    cases+=("$a|$j|$ar|$v")
done; done; done; done

home_of() { # assembly name (exported tree) or path of an assembly home
    case $1 in */*) echo "$1" ;; *) echo "$top/assemblies/target/nubis-$1" ;; esac
}
new_root() { # $1 dir: a target root seeded like examples/run-example.sh
    rm -rf "$1"; mkdir -p "$1/var/lib/cloud/seed/nocloud" "$1/etc"
    cp "$top/examples/nocloud/meta-data" "$top/examples/nocloud/user-data" "$1/var/lib/cloud/seed/nocloud/"
    printf 'root:x:0:0:root:/root:/bin/bash\n' >"$1/etc/passwd"
    printf 'root:x:0:\n' >"$1/etc/group"
    printf 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n' >"$1/etc/os-release"
    echo nubis-bench >"$1/etc/hostname"
}
reboot_root() { rm -rf "$1/run"; } # a reboot clears /run

now_ms() { date +%s%3N; }
# $1 case index, $2 step name, rest: nubis arguments; appends "ms rss_kib rc" to $work/c<k>.<step>
timed() {
    local k=$1 step=$2; shift 2
    IFS='|' read -r a j ar v <<<"${cases[$k]}"
    local home t0 t1 rc=0 env=()
    home=$(home_of "$a")
    [ "$ar" = off ] && env+=(NUBIS_ARCHIVE=off)
    t0=$(now_ms)
    env "${env[@]}" NUBIS_JAVA="$(java_for "$j")" NUBIS_JAVA_OPTS="-Dnubis.cache=$work/cache-${a//\//_}-$j ${v#*=}" \
        /usr/bin/time -f '%M %U %S' -o "$work/rss" "$home/bin/nubis" "$@" >"$work/last.log" 2>&1 || rc=$?
    t1=$(now_ms)
    read -r rss usr sys < <(tail -n1 "$work/rss")
    echo "$((t1 - t0)) $rss $rc $(echo "($usr + $sys) * 1000 / 1" | bc)" >>"$work/c$k.$step"
    echo "$step" >>"$work/steps.$k"
}
run_case() { # $1 case index: one run of every scenario
    local k=$1 r="$work/root-$1"
    for s in $scenarios; do
        case $s in
            status) [ -d "$r/var/lib/cloud" ] || new_root "$r"; timed "$k" status --root "$r" status ;;
            stages)
                new_root "$r"
                timed "$k" first-init-local --root "$r" --plan init --local
                timed "$k" first-init --root "$r" --plan init
                timed "$k" first-config --root "$r" --plan modules --mode config
                timed "$k" first-final --root "$r" --plan modules --mode final
                reboot_root "$r"
                timed "$k" reboot-init-local --root "$r" --plan init --local
                timed "$k" reboot-init --root "$r" --plan init
                timed "$k" reboot-config --root "$r" --plan modules --mode config
                timed "$k" reboot-final --root "$r" --plan modules --mode final ;;
            all)
                new_root "$r"
                timed "$k" first-all --root "$r" --plan --all-stages
                reboot_root "$r"
                timed "$k" reboot-all --root "$r" --plan --all-stages ;;
            *) echo "unknown scenario $s" >&2; exit 2 ;;
        esac
    done
}

# archives and warm bundle caches: prime where asked, then one discarded run of each case
for a in $assemblies; do for j in $jdks; do
    home=$(home_of "$a")
    [ -x "$home/bin/nubis" ] || { echo "missing $home (run mvn package)" >&2; exit 1; }
    if [[ " $archives " == *" on "* ]]; then
        NUBIS_JAVA="$(java_for "$j")" NUBIS_JAVA_OPTS="-Dnubis.cache=$work/cache-${a//\//_}-$j" "$home/bin/nubis" prime >&2 \
            || echo "boot.sh: nubis prime failed for $a on JDK $j; its 'on' cases run without an archive" >&2
    fi
done; done
for k in "${!cases[@]}"; do run_case "$k"; rm -f "$work"/c"$k".* "$work/steps.$k"; done
for ((i = 0; i < runs; i++)); do
    for k in "${!cases[@]}"; do run_case "$k"; done
done

stats() { # stdin: values -> "median min max p90-p10"
    sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
        p10=v[int((NR-1)*0.1)+1]; p90=v[int((NR-1)*0.9)+1]; printf "%d %d %d %d\n", m, v[1], v[NR], p90-p10}'
}
printf '%-8s %-3s %-3s %-10s %-18s %7s %6s %6s %6s %7s %7s %7s %3s\n' \
    assembly jdk aot variant step median min max spread cpu_med rss_med rss_max rc
printf 'date\thost\tassembly\tjdk\tarchive\tvariant\tjvm_opts\tstep\truns\tmedian_ms\tmin_ms\tmax_ms\tspread_ms\tcpu_median_ms\trss_median_kib\trss_max_kib\tfailed_runs\n' >"$out"
for k in "${!cases[@]}"; do
    IFS='|' read -r a j ar v <<<"${cases[$k]}"
    for step in $(awk '!seen[$0]++' "$work/steps.$k"); do
        f="$work/c$k.$step"
        read -r med min max spread < <(cut -d' ' -f1 "$f" | stats)
        read -r rss _ rssmax _ < <(cut -d' ' -f2 "$f" | stats)
        failed=$(awk '$3 != 0' "$f" | wc -l)
        read -r cpu _ < <(cut -d' ' -f4 "$f" | stats)
        printf '%-8s %-3s %-3s %-10s %-18s %7d %6d %6d %6d %7d %7.1f %7.1f %3s\n' "${a##*/}" "$j" "$ar" "${v%%=*}" "$step" \
            "$med" "$min" "$max" "$spread" "$cpu" "$(echo "$rss/1024" | bc -l)" "$(echo "$rssmax/1024" | bc -l)" "$failed"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n' "$(date -u +%FT%TZ)" "$(hostname)" \
            "${a##*/}" "$j" "$ar" "${v%%=*}" "${v#*=}" "$step" "$(wc -l <"$f")" "$med" "$min" "$max" "$spread" "$cpu" "$rss" "$rssmax" "$failed" >>"$out"
    done
done
echo "results: $out" >&2
