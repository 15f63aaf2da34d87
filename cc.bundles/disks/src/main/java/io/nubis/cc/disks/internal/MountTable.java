package io.nubis.cc.disks.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.nubis.api.target.TargetRoot;

/**
 * The target's mount table from {@code /proc/self/mountinfo} (Linux; falls back to
 * {@code /proc/mounts}), or from the output of {@code mount -p} (FreeBSD). Octal escapes
 * ({@code \040}) in paths are decoded.
 */
final class MountTable {
    /** One mount: source device, mount point, filesystem type and {@code major:minor} (null if unknown). */
    record Mount(String source, String mountPoint, String fsType, String majMin) {
    }

    private final List<Mount> mounts;

    private MountTable(List<Mount> mounts) {
        this.mounts = mounts;
    }

    /** Reads the Linux tables; empty if the target has none (a chroot without /proc). */
    static Optional<MountTable> linux(TargetRoot target) throws IOException {
        Optional<String> info = target.readString("/proc/self/mountinfo");
        if (info.isPresent()) {
            return Optional.of(parseMountinfo(info.get()));
        }
        Optional<String> mounts = target.readString("/proc/mounts");
        return mounts.map(MountTable::parseFstabLike);
    }

    static MountTable parseMountinfo(String text) {
        List<Mount> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split(" ");
            int dash = -1;
            for (int i = 6; i < f.length; i++) {
                if (f[i].equals("-")) {
                    dash = i;
                    break;
                }
            }
            if (f.length < 10 || dash < 0 || dash + 2 >= f.length) {
                continue;
            }
            out.add(new Mount(unescape(f[dash + 2]), unescape(f[4]), f[dash + 1], f[2]));
        }
        return new MountTable(out);
    }

    /** {@code /proc/mounts}, {@code /etc/fstab} and {@code mount -p} share the first three columns. */
    static MountTable parseFstabLike(String text) {
        List<Mount> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 3 || f[0].startsWith("#")) {
                continue;
            }
            out.add(new Mount(unescape(f[0]), unescape(f[1]), f[2], null));
        }
        return new MountTable(out);
    }

    /** The mount at exactly this mount point (the last one wins, as it hides the others). */
    Optional<Mount> at(String mountPoint) {
        Mount found = null;
        for (Mount m : mounts) {
            if (m.mountPoint().equals(mountPoint)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The mount holding a path: the longest mount point that is a prefix of it. */
    Optional<Mount> holding(String path) {
        Mount best = null;
        for (Mount m : mounts) {
            String mp = m.mountPoint();
            boolean under = path.equals(mp) || mp.equals("/") || path.startsWith(mp + "/");
            if (under && (best == null || mp.length() >= best.mountPoint().length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** All mount points. */
    List<String> mountPoints() {
        List<String> out = new ArrayList<>();
        for (Mount m : mounts) {
            out.add(m.mountPoint());
        }
        return out;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() + 0 && s.substring(i + 1, Math.min(i + 4, s.length())).matches("[0-7]{3}")) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
