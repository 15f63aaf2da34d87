package io.nubis.cc.resolv_conf.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.nubis.api.distro.DistroProfile;
import io.nubis.distro.alpine.internal.AlpineProfile;
import io.nubis.distro.debian.internal.DebianProfile;
import io.nubis.distro.freebsd.internal.FreeBsdProfile;
import io.nubis.distro.suse.internal.SuseProfile;
import io.nubis.distro.ubuntu.internal.UbuntuProfile;

/** The real distro profiles, and a merged config made of a profile's system_info and a test's cloud-config. */
final class Profiles {
    private Profiles() {
    }

    static DistroProfile named(String distro) {
        switch (distro) {
            case "debian": return new DebianProfile();
            case "ubuntu": return new UbuntuProfile();
            case "suse": return new SuseProfile();
            case "alpine": return new AlpineProfile();
            case "freebsd": return new FreeBsdProfile();
            default: throw new IllegalArgumentException(distro);
        }
    }

    /** The profile's {@code system_info} under the test's cloud-config (which may override keys). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> config(DistroProfile profile, String userYaml) {
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
