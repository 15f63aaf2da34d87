package io.nubis.runtime.internal.userdata;

import static io.nubis.runtime.internal.userdata.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VendorDataPolicyTest {
    private static final String VENDOR = "Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n"
            + "--B\nContent-Type: text/cloud-config\n\n#cloud-config\nntp: {enabled: true}\n"
            + "--B\nContent-Type: text/x-shellscript\n\n#!/bin/sh\necho vendor\n"
            + "--B\nContent-Type: text/x-shellscript-per-boot\n\n#!/bin/sh\necho boot\n"
            + "--B\nContent-Type: text/cloud-boothook\n\n#cloud-boothook\necho hook\n--B--\n";

    private static ProcessedUserData vendor() {
        return new UserDataProcessor(null, null, null, null).process(UserDataKind.VENDOR_DATA, utf8(VENDOR));
    }

    private static Map<String, Object> cfg(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void enabledByDefaultWithNoPrefix() {
        VendorDataPolicy p = VendorDataPolicy.of(UserDataKind.VENDOR_DATA, Map.of());
        assertTrue(p.enabled());
        assertEquals(List.of(), p.scriptPrefix());
        assertTrue(p.runScripts());
        assertEquals(List.of(), p.findings());
        ProcessedUserData v = p.apply(vendor());
        assertEquals(1, v.cloudConfigs().size());
        assertEquals(2, v.scripts().size());
        assertEquals(1, v.boothooks().size());
    }

    @Test
    void userCanDisableVendorData() {
        VendorDataPolicy p = VendorDataPolicy.of(UserDataKind.VENDOR_DATA, cfg("vendor_data", Map.of("enabled", false)));
        assertFalse(p.enabled());
        ProcessedUserData v = p.apply(vendor());
        assertTrue(v.isEmpty());
        assertEquals(4, v.parts().size(), "still written to vendor-data.txt.i");
        assertEquals(List.of(new Finding(Finding.Severity.INFO, "vendor_data", "vendor-data consumption is disabled")),
                v.findings());
    }

    @Test
    void vendorData2HasItsOwnSwitch() {
        Map<String, Object> c = cfg("vendor_data", Map.of("enabled", false), "vendor_data2", Map.of("enabled", true));
        assertFalse(VendorDataPolicy.of(UserDataKind.VENDOR_DATA, c).enabled());
        assertTrue(VendorDataPolicy.of(UserDataKind.VENDOR_DATA2, c).enabled());
        assertFalse(VendorDataPolicy.of(UserDataKind.VENDOR_DATA2, cfg("vendor_data2", Map.of("enabled", "no")))
                .enabled());
    }

    @Test
    void stringEnabledWorksButIsDeprecated() {
        VendorDataPolicy yes = VendorDataPolicy.of(UserDataKind.VENDOR_DATA, cfg("vendor_data", Map.of("enabled", " Yes ")));
        assertTrue(yes.enabled());
        assertEquals(List.of(new Finding(Finding.Severity.WARNING, "vendor_data.enabled",
                "Use of string ' Yes ' for 'vendor_data:enabled' field is deprecated in 23.1: use a boolean value"
                        + " instead")), yes.findings());
        assertFalse(VendorDataPolicy.of(UserDataKind.VENDOR_DATA, cfg("vendor_data", Map.of("enabled", "off")))
                .enabled());
        Map<String, Object> nullEnabled = new HashMap<>();
        nullEnabled.put("enabled", null);
        assertFalse(VendorDataPolicy.of(UserDataKind.VENDOR_DATA, cfg("vendor_data", nullEnabled)).enabled());
    }

    @Test
    void nonMappingSettingDisables() {
        VendorDataPolicy p = VendorDataPolicy.of(UserDataKind.VENDOR_DATA, cfg("vendor_data", "yes"));
        assertFalse(p.enabled());
        assertEquals(new Finding(Finding.Severity.WARNING, "vendor_data",
                "invalid vendor_data setting (text): resetting to {enabled: false}"), p.findings().get(0));
    }

    @Test
    void prefixIsTextOrList() {
        assertEquals(List.of("/usr/bin/ltrace"), VendorDataPolicy.of(UserDataKind.VENDOR_DATA,
                cfg("vendor_data", Map.of("prefix", "/usr/bin/ltrace"))).scriptPrefix());
        assertEquals(List.of("/usr/bin/strace", "-c", "1"), VendorDataPolicy.of(UserDataKind.VENDOR_DATA,
                cfg("vendor_data", Map.of("prefix", List.of("/usr/bin/strace", "-c", 1)))).scriptPrefix());
        assertEquals(List.of("sudo"), VendorDataPolicy.of(UserDataKind.VENDOR_DATA2,
                cfg("vendor_data", Map.of("prefix", "sudo"), "vendor_data2", Map.of("prefix", "ignored")))
                .scriptPrefix(), "vendor-data2 scripts share scripts/vendor and vendor_data's prefix");
    }

    @Test
    void badPrefixStopsVendorScriptsOnly() {
        VendorDataPolicy p = VendorDataPolicy.of(UserDataKind.VENDOR_DATA, cfg("vendor_data", Map.of("prefix", 42)));
        assertFalse(p.runScripts());
        ProcessedUserData v = p.apply(vendor());
        assertEquals(List.of(ScriptPart.Kind.PER_BOOT), v.scripts().stream().map(ScriptPart::kind).toList());
        assertEquals(1, v.cloudConfigs().size());
        assertEquals(1, v.boothooks().size());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "vendor_data.prefix",
                "must be text or a list, got a number: vendor scripts will not run")), v.findings());
    }

    @Test
    void disabledHandlersAreContentTypes() {
        VendorDataPolicy p = VendorDataPolicy.of(UserDataKind.VENDOR_DATA,
                cfg("vendor_data", Map.of("disabled_handlers", List.of("text/x-shellscript", "Text/Cloud-Boothook"))));
        assertEquals(Set.of("text/x-shellscript", "text/cloud-boothook"), p.disabledHandlers());
        ProcessedUserData v = p.apply(vendor());
        assertEquals(List.of(ScriptPart.Kind.PER_BOOT), v.scripts().stream().map(ScriptPart::kind).toList());
        assertTrue(v.boothooks().isEmpty());
        assertEquals(1, v.cloudConfigs().size());
    }

    @Test
    void allowUserdataFollowsTheReferenceBooleans() {
        assertTrue(VendorDataPolicy.userDataAllowed(Map.of()));
        assertTrue(VendorDataPolicy.userDataAllowed(null));
        assertTrue(VendorDataPolicy.userDataAllowed(cfg("allow_userdata", true)));
        assertTrue(VendorDataPolicy.userDataAllowed(cfg("allow_userdata", "On")));
        assertTrue(VendorDataPolicy.userDataAllowed(cfg("allow_userdata", 1)));
        assertFalse(VendorDataPolicy.userDataAllowed(cfg("allow_userdata", false)));
        assertFalse(VendorDataPolicy.userDataAllowed(cfg("allow_userdata", "false")));
        assertFalse(VendorDataPolicy.userDataAllowed(cfg("allow_userdata", "")));
        assertFalse(VendorDataPolicy.userDataAllowed(cfg("allow_userdata", 0)));
        assertFalse(VendorDataPolicy.userDataAllowed(cfg("allow_userdata", null)));
    }

    @Test
    void disallowedUserDataIsKeptForTheFileButNotConsumed() {
        ProcessedUserData ud = new UserDataProcessor(null, null, null, null).process(UserDataKind.USER_DATA,
                utf8("#cloud-config\na: 1\n"));
        ProcessedUserData c = VendorDataPolicy.consumableUserData(ud, cfg("allow_userdata", false));
        assertTrue(c.isEmpty());
        assertEquals(1, c.parts().size());
        assertEquals(List.of(new Finding(Finding.Severity.INFO, "allow_userdata",
                "allow_userdata is false: user-data discarded")), c.findings());
        assertEquals(ud, VendorDataPolicy.consumableUserData(ud, Map.of()));
    }

    @Test
    void userDataHasNoVendorPolicy() {
        assertThrows(IllegalArgumentException.class, () -> VendorDataPolicy.of(UserDataKind.USER_DATA, Map.of()));
        assertEquals(UserDataKind.VENDOR_DATA2, UserDataKind.ofLabel("vendor-data2"));
        assertThrows(IllegalArgumentException.class, () -> UserDataKind.ofLabel("vendordata"));
    }
}
