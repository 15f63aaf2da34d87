package io.nubis.cc.locale.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/**
 * The four ways distros record a locale. Each compares with what is there first, so a rerun
 * with the same locale writes nothing and runs nothing.
 * <ul>
 * <li>{@code update-locale} (Debian, Ubuntu): when the file's {@code LANG} differs or is missing,
 * uncomment the locale in locale.gen, run {@code locale-gen LOCALE} (not for C, C.UTF-8, POSIX)
 * and {@code update-locale --locale-file=FILE LANG=LOCALE}.</li>
 * <li>{@code keyvalue} (SUSE): {@code KEY=LOCALE} in a shell-style file, other lines kept.</li>
 * <li>{@code profile-script} (Alpine): a profile.d script exporting CHARSET, LANG, LC_COLLATE.</li>
 * <li>{@code login-conf} (FreeBSD): {@code lang=LOCALE} in the {@code default} class of
 * login.conf (backup {@code .orig}), then {@code cap_mkdb}; the backup is restored if it fails.</li>
 * </ul>
 */
final class LocaleWriters {
    private final ModuleContext ctx;
    private final LocaleFacts facts;
    private final String file;
    private final TargetRoot t;

    LocaleWriters(ModuleContext ctx, LocaleFacts facts, String file) {
        this.ctx = ctx;
        this.facts = facts;
        this.file = file;
        this.t = ctx.target();
    }

    void apply(String locale) throws IOException, CommandException {
        switch (facts.method()) {
            case "update-locale" -> updateLocale(locale);
            case "keyvalue" -> keyValue(locale);
            case "profile-script" -> profileScript(locale);
            case "login-conf" -> loginConf(locale);
            default -> throw new IllegalStateException(facts.method());
        }
    }

    private void updateLocale(String locale) throws IOException, CommandException {
        Optional<String> current = value(t.readString(file).orElse(""), facts.key());
        if (current.isPresent() && current.get().equalsIgnoreCase(locale)) {
            ctx.log().debug("{} already has {}={}", file, facts.key(), locale);
            return;
        }
        boolean regen = facts.noRegen().stream().noneMatch(l -> l.equalsIgnoreCase(locale));
        if (regen) {
            enableInLocaleGen(locale);
            ctx.log().debug("Generating locales for {}", locale);
            ctx.runner().run(Command.of("locale-gen", locale));
        } else {
            ctx.log().debug("{}={} does not require regeneration", facts.key(), locale);
        }
        ctx.log().debug("Updating {} with locale setting {}={}", file, facts.key(), locale);
        ctx.runner().run(Command.of("update-locale", "--locale-file=" + file, facts.key() + "=" + locale));
    }

    /** Uncomments {@code # LOCALE CHARSET} in locale.gen, or adds {@code LOCALE CHARSET} when the locale names a charset. */
    private void enableInLocaleGen(String locale) throws IOException {
        String gen = facts.genFile();
        if (gen == null || !t.exists(gen)) {
            return;
        }
        String text = t.readString(gen).orElse("");
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Pattern entry = Pattern.compile("^#?\\s*" + Pattern.quote(locale) + "(\\s+\\S+)\\s*$");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = entry.matcher(lines.get(i));
            if (m.matches()) {
                if (!lines.get(i).startsWith("#")) {
                    return;
                }
                lines.set(i, locale + m.group(1));
                t.writeString(gen, String.join("\n", lines), FileAttributes.mode(t.mode(gen) & 07777));
                return;
            }
        }
        int dot = locale.indexOf('.');
        if (dot > 0 && dot < locale.length() - 1) {
            String charset = locale.substring(dot + 1).replaceAll("@.*", "");
            String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            t.writeString(gen, text + sep + locale + " " + charset + "\n", FileAttributes.mode(t.mode(gen) & 07777));
        }
    }

    private void keyValue(String locale) throws IOException {
        String text = t.readString(file).orElse(null);
        String line = facts.key() + "=" + locale;
        if (text == null) {
            write("# Created by Nubis (locale module)\n" + line + "\n");
            return;
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            Optional<String> v = value(lines.get(i), facts.key());
            if (v.isPresent()) {
                found = true;
                if (!v.get().equals(locale)) {
                    lines.set(i, line);
                }
            }
        }
        String out = String.join("\n", lines);
        if (!found) {
            out = out + (out.isEmpty() || out.endsWith("\n") ? "" : "\n") + line + "\n";
        }
        if (!out.equals(text)) {
            write(out);
        }
    }

    private void profileScript(String locale) throws IOException {
        String charset = "UTF-8";
        String text = "#\n# This file is written by Nubis (locale module) once per instance.\n#\n"
                + "export CHARSET=\"" + charset + "\"\n"
                + "export " + facts.key() + "=\"" + locale + "\"\n"
                + "export LC_COLLATE=\"C\"\n";
        if (!text.equals(t.readString(file).orElse(null))) {
            write(text);
        }
    }

    private void loginConf(String locale) throws IOException, CommandException {
        String text = t.readString(file).orElseThrow(() -> new IOException("no such file"));
        Pattern dflt = Pattern.compile("^default:(?:" + Pattern.quote(facts.key()) + "=[^:]*:)?");
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = dflt.matcher(lines[i]);
            out.append(m.lookingAt() ? "default:" + facts.key() + "=" + locale + ":" + lines[i].substring(m.end()) : lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        if (out.toString().equals(text)) {
            ctx.log().debug("{} already has {}={}", file, facts.key(), locale);
            return;
        }
        String backup = file + ".orig";
        int mode = t.mode(file) & 07777;
        if (!t.exists(backup)) {
            t.writeString(backup, text, FileAttributes.mode(mode));
        }
        t.writeString(file, out.toString(), FileAttributes.mode(mode));
        try {
            ctx.log().debug("Running cap_mkdb for {}", locale);
            ctx.runner().run(Command.of("cap_mkdb", file));
        } catch (CommandException e) {
            ctx.log().warn("Failed to apply locale {}; restoring {}", locale, file);
            t.writeString(file, text, FileAttributes.mode(mode));
            throw e;
        }
    }

    private void write(String text) throws IOException {
        int mode = t.exists(file) ? t.mode(file) & 07777 : 0644;
        t.writeString(file, text, FileAttributes.mode(mode));
    }

    /** The value of {@code KEY=value} (optionally quoted, optionally exported) on one line. */
    static Optional<String> value(String text, String key) {
        Matcher m = Pattern.compile("^\\s*(?:export\\s+)?" + Pattern.quote(key) + "=(\"([^\"]*)\"|'([^']*)'|(\\S*))\\s*$",
                Pattern.MULTILINE).matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        }
        return Optional.ofNullable(found);
    }
}
