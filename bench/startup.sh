#!/usr/bin/env bash
# Whole-process start-up benchmark: runs each (assembly, JDK, command) case N times, interleaved
# (case 1 run 1, case 2 run 1, ..., case 1 run 2, ...) so machine noise spreads over all cases,
# and prints median, min, max and spread (p90-p10) in milliseconds, plus peak RSS (median).
#
#   bench/startup.sh [-n RUNS] [-a "debian alpine"] [-j "17 25"] [-c "--version"] [-o results.tsv]
#
# Needs the exported assemblies (mvn package). Each case keeps its own warm bundle cache, as an
# installed agent does; the first (cache-building) run of each case is discarded.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
runs=10 assemblies="debian alpine" jdks="17 25" commands="--version" out=""
while getopts "n:a:j:c:o:" o; do
    case $o in
        n) runs=$OPTARG ;; a) assemblies=$OPTARG ;; j) jdks=$OPTARG ;; c) commands=$OPTARG ;; o) out=$OPTARG ;;
        *) sed -n '2,10p' "$0"; exit 2 ;;
    esac
done
java_for() { # JDK feature version -> java binary
    for j in /usr/lib/jvm/*"$1"*/bin/java; do [ -x "$j" ] && { echo "$j"; return; }; done
    echo "no JDK $1 under /usr/lib/jvm" >&2; exit 1
}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cases=()
for a in $assemblies; do for j in $jdks; do for c in $commands; do cases+=("$a|$j|$c"); done; done; done
now_ms() { date +%s%3N; }
run_case() { # $1 case, $2 log file; appends "ms rss_kb"
    IFS='|' read -r a j c <<<"$1"
    local home="$top/assemblies/target/nubis-$a" t0 t1 rss
    [ -x "$home/bin/nubis" ] || { echo "missing $home (run mvn package)" >&2; exit 1; }
    t0=$(now_ms)
    NUBIS_JAVA=$(java_for "$j") NUBIS_JAVA_OPTS="-Dnubis.cache=$work/cache-$a-$j" \
        /usr/bin/time -f '%M' -o "$work/rss" "$home/bin/nubis" $c >/dev/null 2>&1 || true
    t1=$(now_ms)
    rss=$(tail -n1 "$work/rss")
    echo "$((t1 - t0)) $rss" >>"$2"
}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
for k in "${!cases[@]}"; do run_case "${cases[$k]}" "$work/warmup"; done
for ((r = 0; r < runs; r++)); do
    for k in "${!cases[@]}"; do run_case "${cases[$k]}" "$work/case$k"; done
done
stats() { # stdin: values -> "median min max p10-p90"
    sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
        p10=v[int((NR-1)*0.1)+1]; p90=v[int((NR-1)*0.9)+1]; printf "%d %d %d %d\n", m, v[1], v[NR], p90-p10}'
}
printf '%-8s %-4s %-18s %8s %6s %6s %7s %9s\n' assembly jdk command median min max spread rss_MiB
[ -n "$out" ] && printf 'date\thost\tassembly\tjdk\tcommand\truns\tmedian_ms\tmin_ms\tmax_ms\tspread_ms\trss_kib\n' >"$out"
for k in "${!cases[@]}"; do
    IFS='|' read -r a j c <<<"${cases[$k]}"
    read -r med min max spread < <(cut -d' ' -f1 "$work/case$k" | stats)
    read -r rss _ < <(cut -d' ' -f2 "$work/case$k" | stats)
    printf '%-8s %-4s %-18s %8d %6d %6d %7d %9.1f\n' "$a" "$j" "$c" "$med" "$min" "$max" "$spread" "$(echo "$rss/1024" | bc -l)"
    [ -n "$out" ] && printf '%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\n' "$(date -u +%FT%TZ)" "$(hostname)" \
        "$a" "$j" "$c" "$runs" "$med" "$min" "$max" "$spread" "$rss" >>"$out"
done
