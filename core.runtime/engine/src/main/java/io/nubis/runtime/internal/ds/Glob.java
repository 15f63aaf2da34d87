package io.nubis.runtime.internal.ds;

import java.util.regex.Pattern;

/** Shell-style globs ({@code *}, {@code ?}, {@code [...]}) as ds-identify matches them: whole string, case-sensitive. */
final class Glob {
    private Glob() {
    }

    static boolean matches(String glob, String text) {
        return compile(glob).matcher(text).matches();
    }

    static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 2);
                if (end < 0) {
                    re.append("\\[");
                    continue;
                }
                String set = glob.substring(i + 1, end);
                re.append('[');
                if (set.startsWith("!")) {
                    re.append('^');
                    set = set.substring(1);
                }
                re.append(set.replace("\\", "\\\\").replace("[", "\\["));
                re.append(']');
                i = end;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
