#!/bin/sh
# bench/versus.sh [-n RUNS] [-j "JDK_HOME ..."] [-o results.tsv]
#
# Nubis against the reference, side by side: the example seed (examples/nocloud) booted for real
# (no plan mode) in one Debian bookworm root that has both Debian's cloud-init 22.4 package and the
# Nubis Debian tarball, a first boot and then a reboot (fresh /run, same instance), each run in
# fresh namespaces (unshare: mount, PID, network, UTS, IPC; no network) on a throw-away overlay of
# the prepared root, so every run starts from the same files. The agents run as their init-system
# integrations run them:
#   reference  cloud-init init --local; cloud-init init; cloud-init modules --mode config;
#              cloud-init modules --mode final   (four processes)
#   nubis      nubis --all-stages                (one process, with the `nubis prime` archive)
# Both read the same /etc/cloud/cloud.cfg (Debian's) plus a drop-in that does what ds-identify
# does on a NoCloud machine (datasource_list: [NoCloud, None]) and leaves the network alone. The
# root gets openssh-server, as a cloud image has (host keys are made with its ssh-keygen), and apt
# without retries (the seed's `packages:` fails at once without network, for both).
# Runs alternate between the agents (reference, nubis, nubis, reference, ...). Times are wall
# milliseconds measured inside the chroot around the agent's commands; RSS is the largest peak
# RSS of any process of the boot (GNU time on the namespace). Needs root, unshare, overlayfs and
# the cached root of tools/test-roots/debian-root.sh --with-cloud-init (built on first use).
# Build first: mvn -B -q package -DskipTests
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
runs=10
jdks=/usr/lib/jvm/temurin-25-jdk-amd64
out=$here/results/versus-$(date +%Y-%m-%d).tsv
while getopts n:j:o: o; do
    case $o in
        n) runs=$OPTARG ;;
        j) jdks=$OPTARG ;;
        o) out=$OPTARG ;;
        *) sed -n '2,3p' "$0" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "versus: needs root (unshare, chroot, overlayfs)" >&2; exit 3; }
tarball=$(ls "$repo"/assemblies/target/nubis-debian-*.tar.gz 2>/dev/null | head -1)
[ -n "$tarball" ] || { echo "versus: no Debian tarball; run: mvn -B -q package -DskipTests" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null

work=$(mktemp -d /tmp/nubis-versus.XXXXXX)
cleanup() {
    for m in "$work"/merged; do mountpoint -q "$m" && umount "$m"; done
    rm -rf --one-file-system "$work"
}
trap cleanup EXIT INT TERM
lower=$work/lower
echo "versus: preparing the root (Debian bookworm + cloud-init 22.4 + $(basename "$tarball"))" >&2
"$repo/tools/test-roots/debian-root.sh" "$lower" --with-cloud-init >&2
# a cloud image has OpenSSH (both agents make host keys with its ssh-keygen); the seed's package
# (curl) is installed too and apt's remote sources are removed, so that without network the
# seed's package step succeeds at once for both (apt-get update has nothing to fetch, the install
# nothing to do) and a reboot has nothing left to do
if [ ! -x "$lower/usr/bin/ssh-keygen" ]; then
    cp /etc/resolv.conf "$lower/etc/resolv.conf"
    mount -t proc proc "$lower/proc"
    ( chroot "$lower" apt-get update -qq && chroot "$lower" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends openssh-server curl >/dev/null ) >&2 || { umount "$lower/proc"; exit 1; }
    umount "$lower/proc"
    : > "$lower/etc/resolv.conf"
fi
rm -f "$lower"/etc/apt/sources.list "$lower"/etc/apt/sources.list.d/*
rm -rf "$lower"/var/lib/apt/lists/*
# Nubis beside cloud-init: its own command is /usr/bin/nubis; /usr/bin/cloud-init stays the reference's
tar -xzf "$tarball" -C "$lower" --exclude=./usr/bin/cloud-init --exclude=./etc/cloud
mkdir -p "$lower/var/lib/cloud/seed/nocloud" "$lower/etc/cloud/cloud.cfg.d"
cp "$repo/examples/nocloud/meta-data" "$repo/examples/nocloud/user-data" "$lower/var/lib/cloud/seed/nocloud/"
cat > "$lower/etc/cloud/cloud.cfg.d/90-versus.cfg" <<'EOF'
# bench/versus.sh: what ds-identify leaves on a NoCloud machine; no network configuration
datasource_list: [NoCloud, None]
network: {config: disabled}
EOF

# boot ROOT JDK SCRIPT: one boot in fresh namespaces; prints "ms rss"
boot() {
    /usr/bin/time -f 'rss %M' -o "$work/time" sh "$repo/tests/e2e/src/test/sh/boot.sh" "$1" "$2" /bin/sh -c "$3" \
        > "$work/boot.out" 2>&1 || true
    ms=$(sed -n 's/^elapsed_ms=//p' "$work/boot.out" | tail -1)
    rss=$(sed -n 's/^rss //p' "$work/time")
    if [ -z "$ms" ]; then
        echo "versus: a boot did not finish; its output:" >&2
        tail -20 "$work/boot.out" >&2
        exit 1
    fi
    echo "$ms $((rss / 1024))"
}
timed() { # the agent's commands between two clock readings, inside the chroot
    printf 't0=$(date +%%s%%N); %s; t1=$(date +%%s%%N); echo elapsed_ms=$(( (t1 - t0) / 1000000 ))' "$1"
}
reference=$(timed 'for s in "init --local" init "modules --mode config" "modules --mode final"; do cloud-init $s >/dev/null 2>&1; done')
nubis=$(timed 'nubis --all-stages >/dev/null 2>&1')
clean_state='rm -rf /var/lib/cloud/instance /var/lib/cloud/instances /var/lib/cloud/data /var/lib/cloud/sem /var/log/cloud-init*.log'

printf 'agent\tjdk\trun\tstep\tms\trss_mib\n' > "$out"
for jdk in $jdks; do
    [ -x "$jdk/bin/java" ] || { echo "versus: no JDK at $jdk" >&2; exit 1; }
    j=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    # the archive and the kept bundle cache, made once in the prepared root for this JDK
    rm -rf "$lower/usr/lib/nubis/cache"
    sh "$repo/tests/e2e/src/test/sh/boot.sh" "$lower" "$jdk" /bin/sh -c 'nubis prime && nubis --version' >&2
    i=0
    while [ "$i" -lt "$runs" ]; do
        i=$((i + 1))
        if [ $((i % 2)) = 1 ]; then order="reference nubis"; else order="nubis reference"; fi
        for agent in $order; do
            rm -rf --one-file-system "$work/upper" "$work/w"
            mkdir -p "$work/upper" "$work/w" "$work/merged"
            mount -t overlay overlay -o "lowerdir=$lower,upperdir=$work/upper,workdir=$work/w" "$work/merged"
            eval "script=\$$agent"
            set -- $(boot "$work/merged" "$jdk" "$clean_state; $script")
            printf '%s\t%s\t%s\tfirst-boot\t%s\t%s\n' "$agent" "$j" "$i" "$1" "$2" >> "$out"
            set -- $(boot "$work/merged" "$jdk" "$script")
            printf '%s\t%s\t%s\treboot\t%s\t%s\n' "$agent" "$j" "$i" "$1" "$2" >> "$out"
            umount "$work/merged"
        done
        echo "versus: JDK $j run $i/$runs done" >&2
    done
done

# table: median (min-max) per agent, JDK and step, and Nubis / reference
awk -F'\t' 'NR > 1 { k = $1 "\t" $2 "\t" $4; v[k] = v[k] " " $5; r[k] = (r[k] > $6 ? r[k] : $6) }
    END { for (k in v) print k "\t" v[k] "\t" r[k] }' "$out" | sort | while IFS="$(printf '\t')" read -r agent j step values rss; do
    set -- $(printf '%s\n' $values | sort -n)
    n=$#
    min=$1; eval "max=\${$n}"; eval "med=\${$(( (n + 1) / 2 ))}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$agent" "$j" "$step" "$med" "$min" "$max" "$rss"
done > "$work/table"
printf '%-10s %-4s %-11s %7s %7s %7s %8s\n' agent jdk step median min max rss_max
while IFS="$(printf '\t')" read -r agent j step med min max rss; do
    printf '%-10s %-4s %-11s %7s %7s %7s %5s MiB\n' "$agent" "$j" "$step" "$med" "$min" "$max" "$rss"
done < "$work/table"
awk -F'\t' '{ m[$1 FS $2 FS $3] = $4 } END { for (k in m) { split(k, p, FS); if (p[1] == "nubis" && ("reference" FS p[2] FS p[3]) in m)
    printf "nubis / reference, JDK %s, %s: %.2f\n", p[2], p[3], m[k] / m["reference" FS p[2] FS p[3]] } }' "$work/table" | sort
echo "rows: $out"
