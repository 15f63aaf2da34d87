#!/bin/sh
# Stand-in for busybox's adduser and addgroup applets (Debian's busybox-static is built without
# them), installed into the Alpine-like root as /usr/sbin/adduser and /usr/sbin/addgroup. Covers
# the busybox options the agent uses:
#   adduser [-D] [-H] [-S] [-g GECOS] [-h HOME] [-G GROUP] [-s SHELL] [-u UID] USER
#   addgroup [-S] [-g GID] GROUP  |  addgroup USER GROUP
set -eu
die() { echo "$(basename "$0"): $*" >&2; exit 1; }
next_id() { # FILE FIELD MIN MAX: the next free id in [MIN, MAX]
    awk -F: -v f="$2" -v min="$3" -v max="$4" \
        'BEGIN { n = min } $f >= n && $f <= max { n = $f + 1 } END { print n }' "$1"
}
exists() { grep -q "^$2:" "$1"; }

case $(basename "$0") in
addgroup)
    sys= gid=
    while getopts Sg: o; do case $o in S) sys=1 ;; g) gid=$OPTARG ;; *) die "bad option" ;; esac; done
    shift $((OPTIND - 1))
    if [ $# -eq 2 ]; then
        exists /etc/passwd "$1" || die "unknown user $1"
        exists /etc/group "$2" || die "unknown group $2"
        awk -F: -v OFS=: -v u="$1" -v g="$2" '$1 == g { n = split($4, m, ","); for (i = 1; i <= n; i++) if (m[i] == u) { print; next }
            $4 = ($4 == "" ? u : $4 "," u) } { print }' /etc/group > /etc/group.new
        mv /etc/group.new /etc/group
        exit 0
    fi
    [ $# -eq 1 ] || die "usage: addgroup [-S] [-g GID] GROUP | addgroup USER GROUP"
    exists /etc/group "$1" && die "group '$1' in use"
    [ -n "$gid" ] || gid=$( [ -n "$sys" ] && next_id /etc/group 3 100 999 || next_id /etc/group 3 1000 59999)
    echo "$1:x:$gid:" >> /etc/group
    ;;
adduser)
    home= gecos= group= shell=/bin/sh sys= uid= nohome=
    while getopts DHSg:h:G:s:u: o; do
        case $o in
            D) ;; H) nohome=1 ;; S) sys=1 ;; g) gecos=$OPTARG ;; h) home=$OPTARG ;;
            G) group=$OPTARG ;; s) shell=$OPTARG ;; u) uid=$OPTARG ;; *) die "bad option" ;;
        esac
    done
    shift $((OPTIND - 1))
    [ $# -eq 1 ] || die "usage: adduser [-DHS] [-g GECOS] [-h HOME] [-G GROUP] [-s SHELL] [-u UID] USER"
    user=$1
    exists /etc/passwd "$user" && die "user '$user' in use"
    [ -n "$home" ] || home=/home/$user
    [ -n "$uid" ] || uid=$( [ -n "$sys" ] && next_id /etc/passwd 3 100 999 || next_id /etc/passwd 3 1000 59999)
    if [ -z "$group" ]; then
        group=$user
        exists /etc/group "$group" || echo "$group:x:$uid:" >> /etc/group
    fi
    gid=$(awk -F: -v g="$group" '$1 == g { print $3 }' /etc/group)
    [ -n "$gid" ] || die "unknown group $group"
    echo "$user:x:$uid:$gid:$gecos:$home:$shell" >> /etc/passwd
    echo "$user:!::0:99999:7:::" >> /etc/shadow
    if [ -z "$nohome" ] && [ ! -e "$home" ]; then
        mkdir -p "$home"
        chown "$uid:$gid" "$home"
        chmod 2755 "$home"
    fi
    ;;
*) die "unknown applet" ;;
esac
