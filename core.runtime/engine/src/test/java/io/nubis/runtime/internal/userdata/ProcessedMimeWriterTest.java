package io.nubis.runtime.internal.userdata;

import static io.nubis.runtime.internal.userdata.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessedMimeWriterTest {
    private static final UserDataProcessor PROCESSOR = new UserDataProcessor(null, null, null, null);

    @Test
    void writesTheAccumulatedMultipartMessage() {
        ProcessedUserData d = PROCESSOR.process(UserDataKind.USER_DATA, utf8("""
                #cloud-config-archive
                - content: "#cloud-config\\na: 1\\n"
                  Merge-Type: list(append)
                  launch-index: 2
                - content: "#!/bin/sh\\necho hi"
                  filename: "hi \\"there\\".sh"
                """));
        String b = ProcessedMimeWriter.boundary(d.parts());
        assertEquals("Content-Type: multipart/mixed; boundary=\"" + b + "\"\n"
                + "MIME-Version: 1.0\n"
                + "Number-Attachments: 2\n"
                + "\n"
                + "--" + b + "\n"
                + "Content-Type: text/cloud-config\n"
                + "MIME-Version: 1.0\n"
                + "Content-Disposition: attachment; filename=\"part-001\"\n"
                + "Launch-Index: 2\n"
                + "Merge-Type: list(append)\n"
                + "\n"
                + "#cloud-config\na: 1\n"
                + "\n--" + b + "\n"
                + "Content-Type: text/x-shellscript\n"
                + "MIME-Version: 1.0\n"
                + "Content-Disposition: attachment; filename=\"hi \\\"there\\\".sh\"\n"
                + "\n"
                + "#!/bin/sh\necho hi"
                + "\n--" + b + "--\n", ProcessedMimeWriter.render(d));
        assertEquals(b, ProcessedMimeWriter.boundary(d.parts()), "the boundary depends on the content only");
        assertEquals(true, b.matches("={15}\\d{19}=="), b);
    }

    @Test
    void readingTheFileBackGivesTheSameParts() {
        byte[] binary = {'#', '!', '/', 'b', 'i', 'n', '/', 's', 'h', '\n', (byte) 0xff, '\r', '\n', 0};
        ProcessedUserData first = PROCESSOR.process(UserDataKind.USER_DATA, utf8("""
                #cloud-config-archive
                - "#cloud-config\\nruncmd: [ls]\\n"
                - type: text/x-shellscript-per-once
                  content: "#!/bin/sh\\r\\necho crlf\\r\\n"
                  filename: once.sh
                """));
        List<UserDataPart> parts = new java.util.ArrayList<>(first.parts());
        parts.add(new UserDataPart(3, "x", "x", "text/x-shellscript", "bin.sh", List.of(), binary));
        String written = ProcessedMimeWriter.render(parts);
        ProcessedUserData again = PROCESSOR.process(UserDataKind.USER_DATA, utf8(written));
        assertEquals(List.of(), again.findings());
        assertEquals(3, again.parts().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(parts.get(i).contentType(), again.parts().get(i).contentType());
            assertEquals(parts.get(i).filename(), again.parts().get(i).filename());
            assertArrayEquals(parts.get(i).payload(), again.parts().get(i).payload());
        }
    }

    @Test
    void noPartsIsAnEmptyMultipart() {
        String b = ProcessedMimeWriter.boundary(List.of());
        assertEquals("Content-Type: multipart/mixed; boundary=\"" + b + "\"\nMIME-Version: 1.0\n"
                + "Number-Attachments: 0\n\n--" + b + "--\n",
                ProcessedMimeWriter.render(ProcessedUserData.empty(UserDataKind.VENDOR_DATA)));
    }

    @Test
    void boundaryNeverOccursInAPayload() {
        UserDataPart a = part("x");
        String first = ProcessedMimeWriter.boundary(List.of(a));
        UserDataPart containing = part("--" + first + "\n");
        String b = ProcessedMimeWriter.boundary(List.of(a, containing));
        assertEquals(false, ("--" + first + "\n").contains(b));
        assertEquals(first, ProcessedMimeWriter.boundary(List.of(part("x"))));
    }

    @Test
    void headerInjectionIsNeutralised() {
        UserDataPart p = new UserDataPart(1, "l", "o", "text/cloud-config", "a\"\nContent-Type: evil", List.of(
                new Header("X-A", "v\r\nContent-Type: evil")), utf8("#cloud-config\n"));
        String out = ProcessedMimeWriter.render(List.of(p));
        assertEquals(1, out.split("\nContent-Type: text/cloud-config\n", -1).length - 1);
        assertEquals(false, out.contains("\nContent-Type: evil"), out);
    }

    private static UserDataPart part(String payload) {
        return new UserDataPart(1, "l", "o", "text/plain", "f", List.of(), utf8(payload));
    }
}
