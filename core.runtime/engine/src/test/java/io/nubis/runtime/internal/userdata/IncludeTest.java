package io.nubis.runtime.internal.userdata;

import static io.nubis.runtime.internal.userdata.Fixtures.gzip;
import static io.nubis.runtime.internal.userdata.Fixtures.text;
import static io.nubis.runtime.internal.userdata.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nubis.runtime.internal.userdata.Fixtures.MapFetcher;
import io.nubis.runtime.internal.userdata.Fixtures.MemoryCache;

class IncludeTest {
    private final MapFetcher fetcher = new MapFetcher();
    private final MemoryCache cache = new MemoryCache();

    private ProcessedUserData process(String s) {
        return new UserDataProcessor(fetcher, cache, null, UserDataLimits.DEFAULT)
                .process(UserDataKind.USER_DATA, utf8(s));
    }

    @Test
    void includedContentIsProcessedInPlaceInAnyFormat() {
        fetcher.put("http://seed/a", "#cloud-config\na: 1\n")
                .put("http://seed/b.gz", gzip(utf8("#!/bin/sh\necho b\n")))
                .put("https://seed/c", "Content-Type: multipart/mixed; boundary=\"Z\"\nMIME-Version: 1.0\n\n"
                        + "--Z\nContent-Type: text/cloud-config\n\n#cloud-config\nc: 3\n--Z--\n");
        ProcessedUserData d = process("#include\nhttp://seed/a\n  # a comment\n\nhttp://seed/b.gz\n"
                + "#include https://seed/c\n");
        assertEquals(List.of(), d.findings());
        assertEquals(List.of("http://seed/a", "http://seed/b.gz", "https://seed/c"), fetcher.fetched);
        assertEquals(List.of("text/cloud-config", "text/x-shellscript", "text/cloud-config"),
                d.parts().stream().map(UserDataPart::contentType).toList());
        assertEquals("user-data > #include http://seed/a", d.parts().get(0).origin());
        assertEquals("user-data > #include https://seed/c > MIME part 1", d.parts().get(2).origin());
        assertEquals("user-data part 3 (text/cloud-config)", d.cloudConfigs().get(1).label());
        assertEquals("#!/bin/sh\necho b\n", text(d.scripts().get(0).content()));
        assertTrue(cache.entries.isEmpty());
    }

    @Test
    void includeOnceFetchesOnceAndThenReadsTheCache() {
        fetcher.put("http://seed/once", "#cloud-config\nonce: 1\n").put("http://seed/always", "#cloud-config\nx: 1\n");
        String ud = "#include-once\nhttp://seed/once\n#include http://seed/always\n";
        ProcessedUserData first = process(ud);
        assertEquals(2, first.cloudConfigs().size());
        assertEquals("#cloud-config\nonce: 1\n", text(cache.entries.get("http://seed/once")));
        assertEquals(1, cache.entries.size());
        ProcessedUserData second = process(ud);
        assertEquals(2, second.cloudConfigs().size());
        assertEquals(List.of("http://seed/once", "http://seed/always", "http://seed/always"), fetcher.fetched);
        assertEquals("user-data > #include-once http://seed/once", second.parts().get(0).origin());
    }

    @Test
    void failedFetchIsAnErrorAndTheOtherLinesGoOn() {
        fetcher.put("http://seed/ok", "#!/bin/sh\necho ok\n");
        ProcessedUserData d = process("#include\nhttp://seed/missing\nhttp://seed/ok\n");
        assertEquals(1, d.scripts().size());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data > #include http://seed/missing",
                "fetching failed: HTTP 404 Not Found for http://seed/missing")), d.findings());
    }

    @Test
    void includeLoopIsDetected() {
        fetcher.put("http://seed/a", "#include http://seed/b\n").put("http://seed/b", "#include\nhttp://seed/a\n");
        ProcessedUserData d = process("#include http://seed/a\n");
        assertEquals(List.of("http://seed/a", "http://seed/b"), fetcher.fetched);
        assertTrue(d.parts().isEmpty());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR,
                "user-data > #include http://seed/a > #include http://seed/b > #include http://seed/a",
                "include loop (http://seed/a -> http://seed/b -> http://seed/a): not fetched again")), d.findings());
    }

    @Test
    void includeDepthIsBounded() {
        for (int i = 0; i < 20; i++) {
            fetcher.put("http://seed/" + i, "#include http://seed/" + (i + 1) + "\n");
        }
        ProcessedUserData d = process("#include http://seed/0\n");
        assertEquals(10, fetcher.fetched.size());
        assertEquals(1, d.findings().size());
        assertTrue(d.findings().get(0).message().equals("includes nested deeper than 10 levels: not fetched"),
                d.findings().toString());
        assertTrue(d.findings().get(0).where().endsWith("> #include http://seed/10"), d.findings().toString());
    }

    @Test
    void includeCountIsBounded() {
        StringBuilder ud = new StringBuilder("#include\n");
        for (int i = 0; i < 60; i++) {
            fetcher.put("http://seed/" + i, "#cloud-config\nn: " + i + "\n");
            ud.append("http://seed/").append(i).append('\n');
        }
        ProcessedUserData d = process(ud.toString());
        assertEquals(50, fetcher.fetched.size());
        assertEquals(50, d.cloudConfigs().size());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data > #include http://seed/50",
                "more than 50 includes: this and later includes are ignored")), d.findings());
    }

    @Test
    void badUrlsAreErrorsAndPathsAreFiles() {
        fetcher.put("file:/etc/seed/ud", "#cloud-config\nlocal: 1\n");
        ProcessedUserData d = process("#include\nseed/relative\n/etc/seed/ud\nhttp://bad host/\n");
        assertEquals(1, d.cloudConfigs().size());
        assertEquals(2, d.findings().size());
        assertEquals("user-data > #include seed/relative", d.findings().get(0).where());
        assertEquals("not a valid URL (no scheme (expected http://, https:// or file://)): not fetched",
                d.findings().get(0).message());
        assertTrue(d.findings().get(1).message().startsWith("not a valid URL ("), d.findings().toString());
    }

    @Test
    void credentialsAndQueryStringsAreHiddenInFindings() {
        ProcessedUserData d = process("#include https://user:secret@host/path?X-Amz-Signature=abc\n");
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data > #include https://***@host/path?***",
                "fetching failed: HTTP 404 Not Found for https://***@host/path?***")), d.findings());
        assertEquals(List.of("https://user:secret@host/path?X-Amz-Signature=abc"), fetcher.fetched);
    }

    @Test
    void withoutAFetcherIncludesFail() {
        ProcessedUserData d = new UserDataProcessor(null, null, null, null)
                .process(UserDataKind.USER_DATA, utf8("#include http://x/\n"));
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data > #include http://x/",
                "fetching failed: fetching includes is not available")), d.findings());
    }

    @Test
    void includeOnceFileNameIsTheMd5OfTheUrl() throws Exception {
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", IncludeOnceCache.fileName(""));
        assertEquals("a6b9b4ad1ac9f2a9fd5d85d4a4c5e5b6".length(),
                IncludeOnceCache.fileName("http://example.com/x").length());
        assertEquals(URI.create("file:/etc/x"), PartCollector.toUri("/etc/x"));
    }
}
