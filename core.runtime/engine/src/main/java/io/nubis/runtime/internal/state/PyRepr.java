package io.nubis.runtime.internal.state;

/** Python's {@code repr} of strings and of the {@code (name, exception)} tuples the reference stores as stage errors. */
public final class PyRepr {
    private PyRepr() {
    }

    /** {@code repr(str)}: single quotes unless the text has a {@code '} and no {@code "}; control characters as {@code \xNN}. */
    public static String str(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(q).toString();
    }

    /**
     * The reference's stage error text for a failed module, {@code str((name, exc))}:
     * {@code ('bootcmd', ModuleException('bootcmd: exit 1'))}.
     */
    public static String failure(String module, Throwable e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        return "(" + str(module) + ", " + e.getClass().getSimpleName() + "(" + str(msg) + "))";
    }
}
