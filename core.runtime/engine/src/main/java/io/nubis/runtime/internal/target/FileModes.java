package io.nubis.runtime.internal.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Numeric modes ({@code 0644}) to and from POSIX permissions; set-id and sticky bits through {@code unix:mode}. */
final class FileModes {
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private FileModes() {
    }

    /** Rejects anything but permission, set-id and sticky bits. */
    static void check(int mode) {
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("invalid file mode 0" + Integer.toOctalString(mode)
                    + " (only permission, set-id and sticky bits are allowed)");
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((mode & (1 << i)) != 0) {
                out.add(BITS[i]);
            }
        }
        return out;
    }

    static int mode(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (int i = 0; i < BITS.length; i++) {
            if (perms.contains(BITS[i])) {
                mode |= 1 << i;
            }
        }
        return mode;
    }

    /** Sets the mode exactly (umask does not apply) on a path that is not a symlink. */
    static void apply(Path p, int mode) throws IOException {
        check(mode);
        if ((mode & ~0777) != 0) {
            Files.setAttribute(p, "unix:mode", mode);
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new IOException("cannot set mode of " + p + ": the file system has no POSIX permissions");
        }
        view.setPermissions(permissions(mode));
    }

    /** The mode of a path (not following a final symlink), with set-id and sticky bits where the platform shows them. */
    static int read(Path p) throws IOException {
        try {
            return ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 07777;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return mode(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        }
    }
}
