package io.nubis.runtime.internal.userdata;

import static io.nubis.runtime.internal.userdata.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class LaunchIndexTest {
    private static final String UD = "Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n"
            + "--B\nContent-Type: text/cloud-config\nLaunch-Index: 0\n\n#cloud-config\nwho: zero\n"
            + "--B\nContent-Type: text/cloud-config\nLaunch-Index: 1\n\n#cloud-config\nwho: one\n"
            + "--B\nContent-Type: text/cloud-config\n\n#cloud-config\nlaunch-index: 1\nwho: one-by-key\n"
            + "--B\nContent-Type: text/x-shellscript\n\n#!/bin/sh\necho everyone\n"
            + "--B\nContent-Type: text/cloud-config\nLaunch-Index: x\n\n#cloud-config\nwho: bad\n"
            + "--B--\n";

    private static ProcessedUserData process(Integer index) {
        return new UserDataProcessor(null, null, null, null).process(UserDataKind.USER_DATA, utf8(UD), () -> null,
                index);
    }

    @Test
    void partsGetLaunchIndexFromHeaderOrCloudConfigKey() {
        ProcessedUserData d = process(null);
        assertEquals(5, d.parts().size());
        assertEquals(0, d.parts().get(0).launchIndex());
        assertEquals(1, d.parts().get(1).launchIndex());
        assertEquals(List.of(new Header("Launch-Index", "1")), d.parts().get(2).headers());
        assertNull(d.parts().get(3).launchIndex());
        assertEquals("x", d.parts().get(4).header("Launch-Index"));
        assertEquals(4, d.cloudConfigs().size());
    }

    @Test
    void onlyThisInstancesPartsAndUnindexedPartsAreConsumed() {
        ProcessedUserData d = process(1);
        assertEquals(List.of("#cloud-config\nwho: one", "#cloud-config\nlaunch-index: 1\nwho: one-by-key"),
                d.cloudConfigs().stream().map(CloudConfigDocument::text).toList());
        assertEquals(1, d.scripts().size());
        assertEquals(5, d.parts().size(), "user-data.txt.i keeps every part");
        assertEquals(List.of(
                new Finding(Finding.Severity.INFO, "user-data part 1 (text/cloud-config)",
                        "Launch-Index 0 is not this instance's launch index 1: skipped"),
                new Finding(Finding.Severity.INFO, "user-data part 5 (text/cloud-config)",
                        "Launch-Index x is not this instance's launch index 1: skipped")), d.findings());
    }

    @Test
    void launchIndexValuesParseLikePythonInt() {
        assertEquals(3, LaunchIndex.parse(" 3 "));
        assertEquals(3, LaunchIndex.parse(3.7));
        assertNull(LaunchIndex.parse("3.0"));
        assertNull(LaunchIndex.parse(true));
        assertNull(LaunchIndex.parse(null));
    }
}
