package io.nubis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.distro.DistroProfile;

class ProfilesTest {
    private static final DistroProfile PROFILE = new DistroProfile() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public String family() {
            return "test";
        }

        @Override
        public String variant() {
            return "test";
        }

        @Override
        public String defaultConfig() {
            return "system_info:\n  distro: test\n  default_user: {name: tux}\ncloud_init_modules: [ignored]\n";
        }

        @Override
        public Map<String, String> serviceNames() {
            return Map.of();
        }
    };

    @Test
    void testConfigGoesOverTheProfilesSystemInfo() {
        assertEquals(Map.of("system_info", Map.of("distro", "test", "default_user", Map.of("name", "tux")), "timezone", "UTC"),
                Profiles.config(PROFILE, "timezone: UTC\n"));
        assertEquals(Map.of("system_info", Map.of("mine", true)), Profiles.config(PROFILE, "system_info: {mine: true}\n"));
        assertEquals(Map.of("system_info", Map.of("distro", "test", "default_user", Map.of("name", "tux"))),
                Profiles.config(PROFILE, ""));
    }

    @Test
    void namesAKnownDistroOrSaysWhatIsMissing() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Profiles.named("gentoo"));
        assertEquals("no distro profile named gentoo; known: [alpine, debian, freebsd, suse, ubuntu]", unknown.getMessage());
        // the test kit itself has no distro bundle on its class path
        IllegalStateException absent = assertThrows(IllegalStateException.class, () -> Profiles.named("debian"));
        assertEquals("the debian profile is not on the test class path: add io.nubis:io.nubis.distro.debian in test scope",
                absent.getMessage());
    }
}
