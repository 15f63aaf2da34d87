package io.nubis.testkit;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.nubis.api.distro.DistroProfile;

/**
 * The real distro profiles by name, and a merged config made of a profile's {@code system_info}
 * and a test's cloud-config, for modules whose behaviour follows the distro's defaults.
 * <p>
 * The profiles are looked up on the test class path, so the test kit does not depend on the
 * distro bundles: add the ones a test names ({@code io.nubis.distro.debian}, ...) in test scope.
 */
public final class Profiles {
    /** Distro name to its profile class. */
    private static final Map<String, String> CLASSES = Map.of(
            "debian", "io.nubis.distro.debian.internal.DebianProfile",
            "ubuntu", "io.nubis.distro.ubuntu.internal.UbuntuProfile",
            "suse", "io.nubis.distro.suse.internal.SuseProfile",
            "alpine", "io.nubis.distro.alpine.internal.AlpineProfile",
            "freebsd", "io.nubis.distro.freebsd.internal.FreeBsdProfile");

    private Profiles() {
    }

    /** The profile of {@code distro}: debian, ubuntu, suse, alpine or freebsd. */
    public static DistroProfile named(String distro) {
        String cls = CLASSES.get(distro);
        if (cls == null) {
            throw new IllegalArgumentException("no distro profile named " + distro + "; known: "
                    + new TreeSet<>(CLASSES.keySet()));
        }
        try {
            return (DistroProfile) Class.forName(cls).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the " + distro + " profile is not on the test class path: add "
                    + "io.nubis:io.nubis.distro." + distro + " in test scope", e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot create the " + distro + " profile: " + cause, cause);
        }
    }

    /** The profile's {@code system_info} under the test's cloud-config (which may override keys). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> config(DistroProfile profile, String userYaml) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, Object> defaults = yaml.load(profile.defaultConfig());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("system_info", defaults.get("system_info"));
        Object user = yaml.load(userYaml);
        if (user != null) {
            out.putAll((Map<String, Object>) user);
        }
        return out;
    }
}
