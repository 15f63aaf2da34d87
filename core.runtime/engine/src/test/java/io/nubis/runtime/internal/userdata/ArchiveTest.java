package io.nubis.runtime.internal.userdata;

import static io.nubis.runtime.internal.userdata.Fixtures.text;
import static io.nubis.runtime.internal.userdata.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArchiveTest {
    private final Fixtures.MapFetcher fetcher = new Fixtures.MapFetcher();

    private ProcessedUserData process(String s) {
        return new UserDataProcessor(fetcher, null, null, null).process(UserDataKind.USER_DATA, utf8(s));
    }

    @Test
    void entriesBecomePartsWithTypesNamesAndHeaders() {
        ProcessedUserData d = process("""
                #cloud-config-archive
                - type: text/cloud-config
                  content: |
                    runcmd: [one]
                  Merge-Type: list(append)+dict()+str()
                - content: "#!/bin/sh\\necho two\\n"
                  filename: two.sh
                  X-Custom: hello
                - "plain: yaml defaults to cloud-config"
                - type: text/cloud-boothook
                  content: "#cloud-boothook\\necho boot"
                """);
        assertEquals(List.of(), d.findings());
        assertEquals(List.of("text/cloud-config", "text/x-shellscript", "text/cloud-config", "text/cloud-boothook"),
                d.parts().stream().map(UserDataPart::contentType).toList());
        assertEquals(List.of("part-001", "two.sh", "part-003", "part-004"),
                d.parts().stream().map(UserDataPart::filename).toList());
        assertEquals(List.of(new Header("Merge-Type", "list(append)+dict()+str()")), d.parts().get(0).headers());
        assertEquals(List.of(new Header("X-Custom", "hello")), d.parts().get(1).headers());
        assertEquals("list(append)+dict()+str()", d.cloudConfigs().get(0).mergeType());
        assertEquals("runcmd: [one]\n", d.cloudConfigs().get(0).text());
        assertEquals("plain: yaml defaults to cloud-config", d.cloudConfigs().get(1).text());
        assertEquals("two.sh", d.scripts().get(0).name());
        assertEquals("echo boot", text(d.boothooks().get(0).content()));
        assertEquals("user-data > archive entry 2", d.parts().get(1).origin());
    }

    @Test
    void binaryContentIsDecodedAndTypedOctetStreamUnlessSniffed() {
        ProcessedUserData d = process("""
                #cloud-config-archive
                - content: !!binary IyEvYmluL3NoCmVjaG8gYmluCg==
                - content: !!binary AAECAw==
                - type: text/x-shellscript
                  content: !!binary IyEvYmluL3NoCg==
                """);
        assertEquals(List.of("text/x-shellscript", "application/octet-stream", "text/x-shellscript"),
                d.parts().stream().map(UserDataPart::contentType).toList());
        assertEquals("#!/bin/sh\necho bin\n", text(d.scripts().get(0).content()));
        assertArrayEquals(new byte[] {0, 1, 2, 3}, d.parts().get(1).payload());
        assertEquals(1, d.findings().size());
        assertEquals("Unhandled unknown content-type (application/octet-stream) userdata: '\\x00\\x01\\x02\\x03...'",
                d.findings().get(0).message());
    }

    @Test
    void undecodableBinaryFailsTheArchiveWithAnError() {
        ProcessedUserData d = process("#cloud-config-archive\n- content: !!binary 'not*base64!'\n");
        assertTrue(d.parts().isEmpty());
        assertEquals(1, d.findings().size());
        Finding f = d.findings().get(0);
        assertEquals(Finding.Severity.ERROR, f.severity());
        assertEquals("user-data", f.where());
        assertTrue(f.message().startsWith("cloud-config-archive is not valid YAML ("), f.message());
        assertTrue(f.message().endsWith("): ignored"), f.message());
    }

    @Test
    void nonListArchiveIsAnError() {
        ProcessedUserData d = process("#cloud-config-archive\ncontent: '#!/bin/sh'\n");
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data",
                "cloud-config-archive must be a YAML list of parts, got a mapping: ignored")), d.findings());
    }

    @Test
    void brokenYamlIsAnErrorWithAPositionButNoContent() {
        ProcessedUserData d = process("#cloud-config-archive\n- content: [secret-token\n");
        assertEquals(1, d.findings().size());
        String m = d.findings().get(0).message();
        assertTrue(m.contains("line "), m);
        assertTrue(!m.contains("secret-token"), m);
    }

    @Test
    void badEntriesAreSkippedAndTheRestKept() {
        ProcessedUserData d = process("""
                #cloud-config-archive
                - 42
                - content: {a: 1}
                - type: notatype
                  content: x
                - content: "#!/bin/sh"
                  "Bad Header": x
                  Nested: {a: 1}
                  Folded: "a\\r\\nInjected: yes"
                """);
        assertEquals(1, d.parts().size());
        assertEquals(List.of(new Header("Folded", "a  Injected: yes")), d.parts().get(0).headers());
        assertEquals(List.of(
                new Finding(Finding.Severity.WARNING, "user-data > archive entry 1",
                        "archive entry is a number, not text or a mapping: ignored"),
                new Finding(Finding.Severity.ERROR, "user-data > archive entry 2",
                        "'content' must be text or !!binary, got a mapping: entry ignored"),
                new Finding(Finding.Severity.ERROR, "user-data > archive entry 3",
                        "'type' 'notatype' is not a content type (type/subtype): entry ignored"),
                new Finding(Finding.Severity.WARNING, "user-data > archive entry 4",
                        "key 'Bad Header' cannot be a MIME header name: ignored"),
                new Finding(Finding.Severity.WARNING, "user-data > archive entry 4",
                        "header 'Nested' must be a scalar, got a mapping: ignored"),
                new Finding(Finding.Severity.WARNING, "user-data > archive entry 4",
                        "header 'Folded' holds line breaks or control characters: replaced by spaces")),
                d.findings());
    }

    @Test
    void includesInsideAnArchiveAreNotFollowedAsInTheReference() {
        fetcher.put("http://x/", "#cloud-config\na: 1\n");
        ProcessedUserData d = process("#cloud-config-archive\n- '#include http://x/'\n");
        assertTrue(fetcher.fetched.isEmpty());
        assertEquals(List.of(new Finding(Finding.Severity.WARNING, "user-data part 1 (text/x-include-url)",
                "Unhandled unknown content-type (text/x-include-url) userdata: '#include http://x/...'")),
                d.findings());
    }

    @Test
    void aliasBombIsRejected() {
        StringBuilder y = new StringBuilder("#cloud-config-archive\n- &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 120; i++) {
            y.append("- &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        ProcessedUserData d = process(y.toString());
        assertTrue(d.parts().isEmpty());
        assertEquals(1, d.findings().size());
        assertTrue(d.findings().get(0).message().contains("aliases"), d.findings().toString());
    }

    @Test
    void emptyArchiveIsNothing() {
        ProcessedUserData d = process("#cloud-config-archive\n");
        assertTrue(d.parts().isEmpty());
        assertTrue(d.findings().isEmpty());
    }
}
