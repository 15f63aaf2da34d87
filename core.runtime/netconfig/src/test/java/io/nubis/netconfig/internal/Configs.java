package io.nubis.netconfig.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.yaml.snakeyaml.Yaml;

import io.nubis.api.net.NetworkConfigException;
import io.nubis.api.net.NetworkConfigException.Problem;
import io.nubis.api.net.NetworkState;

/** Test helper: reads inline YAML configs with the parser. */
final class Configs {
    private Configs() {
    }

    static Map<String, Object> yaml(String text) {
        return new Yaml().load(text);
    }

    static NetworkState read(String text) throws NetworkConfigException {
        return read(text, m -> null);
    }

    static NetworkState read(String text, UnaryOperator<String> macToName) throws NetworkConfigException {
        return new NetworkConfigParser().read(yaml(text), "test", macToName);
    }

    /** The problems reading {@code text} reports (it must fail). */
    static List<Problem> problems(String text) {
        return assertThrows(NetworkConfigException.class, () -> read(text)).problems();
    }

    /** The paths of the problems reading {@code text} reports. */
    static List<String> paths(String text) {
        return paths(problems(text));
    }

    /** The problems' paths, in order. */
    static List<String> paths(List<Problem> problems) {
        return problems.stream().map(Problem::path).toList();
    }
}
