package io.nubis.runtime.internal.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.nubis.runtime.internal.exec.PlannedCommand;

/**
 * The summary printed at the end of a plan-mode run: every path created, changed or deleted under
 * the target root (sorted, the agent's own state apart from the rest of the system), and every
 * command that would have run, in order (secrets redacted).
 */
public final class PlanSummary {
    private PlanSummary() {
    }

    /**
     * @param root       the target root on the host
     * @param changes    what changed, by target path
     * @param commands   commands recorded, in order
     * @param stateDirs  the agent's own directories (state, run, logs), listed apart
     */
    public static String render(String root, Map<String, TrackingTarget.Change> changes, List<PlannedCommand> commands,
            List<String> stateDirs) {
        Map<String, TrackingTarget.Change> state = new TreeMap<>();
        Map<String, TrackingTarget.Change> system = new TreeMap<>();
        changes.forEach((path, c) -> (isUnder(path, stateDirs) ? state : system).put(path, c));
        StringBuilder sb = new StringBuilder();
        sb.append("Plan for ").append(root).append(": files were written only under it; commands were recorded, not run.\n");
        section(sb, "System files created or changed", system);
        section(sb, "Agent state and logs created or changed", state);
        sb.append("\nCommands that would have run (").append(commands.size()).append("):\n");
        if (commands.isEmpty()) {
            sb.append("  (none)\n");
        }
        for (PlannedCommand c : commands) {
            sb.append("  ").append(c).append('\n');
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, Map<String, TrackingTarget.Change> m) {
        sb.append('\n').append(title).append(" (").append(m.size()).append("):\n");
        if (m.isEmpty()) {
            sb.append("  (none)\n");
        }
        List<String> lines = new ArrayList<>();
        m.forEach((p, c) -> lines.add(String.format(Locale.ROOT, "  %-8s %s", c.name().toLowerCase(Locale.ROOT), p)));
        lines.forEach(l -> sb.append(l).append('\n'));
    }

    private static boolean isUnder(String path, List<String> dirs) {
        for (String d : dirs) {
            if (path.equals(d) || path.startsWith(d.endsWith("/") ? d : d + "/")) {
                return true;
            }
        }
        return false;
    }
}
