package io.nubis.runtime.internal.state;

import java.nio.file.Path;

/** Relative symlink targets, as the reference's {@code os.path.relpath}. */
public final class Links {
    private Links() {
    }

    /**
     * The target to store in a symlink at {@code link} so that it points to {@code dest}, both
     * absolute target paths ({@code /run/cloud-init/status.json} to
     * {@code /var/lib/cloud/data/status.json} gives {@code ../../var/lib/cloud/data/status.json}).
     */
    public static String relative(String link, String dest) {
        Path from = Path.of(link).getParent();
        return from.relativize(Path.of(dest)).toString();
    }
}
