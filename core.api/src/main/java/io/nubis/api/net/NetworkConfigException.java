package io.nubis.api.net;

import java.util.List;

/** A network config that cannot be used; each problem names its key path. */
public class NetworkConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param path    the key path in the config, dotted with list indexes
     *                ({@code ethernets.eth0.addresses[1]}, {@code config[2].subnets[0].address})
     * @param message what is wrong, without the path
     */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path.isEmpty() ? message : path + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public NetworkConfigException(String origin, List<Problem> problems) {
        super(origin + ": " + String.join("; ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the config's order. */
    public List<Problem> problems() {
        return problems;
    }
}
