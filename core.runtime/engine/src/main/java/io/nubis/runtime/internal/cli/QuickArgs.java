package io.nubis.runtime.internal.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The command lines that run at every boot and in scripts, recognised without picocli: picocli's
 * classes are Java 5 class files, which the CDS/AOT archive cannot hold, and building a command's
 * model by reflection costs about 0.1 s of a cold start. Recognised: the global options
 * {@code --root DIR}, {@code -d}/{@code --debug}, {@code --plan}, {@code --force},
 * {@code --all-stages} and {@code --stage-gate DIR} before the verb, then no verb (with
 * {@code --all-stages}), {@code init [-l|--local]}, {@code modules [-m|--mode MODE]} or
 * {@code status [-l|--long] [-w|--wait] [--format json|tabular|yaml]}, each option at most once.
 * Anything else (help, other verbs and options, repeated or bundled options, errors) is left to
 * picocli, which gives the usage messages; {@code QuickArgsTest} checks that both read every
 * recognised form alike.
 */
final class QuickArgs {
    private QuickArgs() {
    }

    /** The command to call for these arguments, or empty if picocli must parse them. */
    static Optional<Callable<Integer>> parse(Cli cli, String... args) {
        RootCommand root = new RootCommand(cli);
        root.root = "/";
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            if (!seen.add(name)) {
                return Optional.empty();
            }
            switch (name) {
                case "--root", "--stage-gate" -> {
                    String value;
                    if (name.equals(a)) {
                        if (i + 1 >= args.length) {
                            return Optional.empty();
                        }
                        value = args[++i];
                    } else {
                        value = a.substring(name.length() + 1);
                    }
                    if (name.equals("--root")) {
                        root.root = value;
                    } else {
                        root.stageGate = Path.of(value);
                    }
                }
                case "-d", "--debug" -> {
                    if (!seen.add(name.equals("-d") ? "--debug" : "-d")) {
                        return Optional.empty();
                    }
                    root.debug = true;
                }
                case "--plan" -> root.plan = true;
                case "--force" -> root.force = true;
                case "--all-stages" -> root.allStages = true;
                default -> {
                    if (a.startsWith("-")) {
                        return Optional.empty();
                    }
                    return verb(root, a, args, i + 1);
                }
            }
        }
        return root.allStages ? Optional.of(root) : Optional.empty();
    }

    private static Optional<Callable<Integer>> verb(RootCommand root, String verb, String[] args, int from) {
        if (root.allStages || root.stageGate != null) {
            return Optional.empty();
        }
        Set<String> seen = new HashSet<>();
        switch (verb) {
            case "init" -> {
                InitCommand c = new InitCommand();
                c.parent = root;
                for (int i = from; i < args.length; i++) {
                    if (!(args[i].equals("-l") || args[i].equals("--local")) || !seen.add("local")) {
                        return Optional.empty();
                    }
                    c.local = true;
                }
                return Optional.of(c);
            }
            case "modules" -> {
                ModulesCommand c = new ModulesCommand();
                c.parent = root;
                c.mode = "config";
                for (int i = from; i < args.length; i++) {
                    String a = args[i];
                    if (!seen.add("mode")) {
                        return Optional.empty();
                    }
                    if (a.startsWith("--mode=")) {
                        c.mode = a.substring("--mode=".length());
                    } else if ((a.equals("-m") || a.equals("--mode")) && i + 1 < args.length) {
                        c.mode = args[++i];
                    } else {
                        return Optional.empty();
                    }
                }
                return Optional.of(c);
            }
            case "status" -> {
                StatusCommand c = new StatusCommand();
                c.parent = root;
                c.format = "tabular";
                for (int i = from; i < args.length; i++) {
                    String a = args[i];
                    String format = null;
                    if (a.startsWith("--format=")) {
                        format = a.substring("--format=".length());
                    } else if (a.equals("--format") && i + 1 < args.length) {
                        format = args[++i];
                    }
                    if (format != null) {
                        if (!seen.add("format") || !Set.of("json", "tabular", "yaml").contains(format)) {
                            return Optional.empty();
                        }
                        c.format = format;
                    } else if ((a.equals("-l") || a.equals("--long")) && seen.add("long")) {
                        c.longForm = true;
                    } else if ((a.equals("-w") || a.equals("--wait")) && seen.add("wait")) {
                        c.waitForDone = true;
                    } else {
                        return Optional.empty();
                    }
                }
                return Optional.of(c);
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
