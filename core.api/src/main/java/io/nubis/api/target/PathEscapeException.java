package io.nubis.api.target;

import java.io.IOException;

/** A path would leave the target root (through {@code ..}, a symlink or being relative). */
public class PathEscapeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param path the offending path; @param why what made it escape */
    public PathEscapeException(String path, String why) {
        super("refusing path '" + path + "': " + why);
    }
}
