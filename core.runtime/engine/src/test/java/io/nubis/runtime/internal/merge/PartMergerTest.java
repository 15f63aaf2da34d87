package io.nubis.runtime.internal.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.runtime.internal.yaml.Yaml;

/**
 * User-data part merging, one test per case of the reference's merge_sources data set
 * (cloud-init tests/data/merge_sources, summarised in the reference notes §7), plus the
 * documented defaults and header handling.
 */
class PartMergerTest {

    private static Map<String, Object> merge(String... parts) {
        PartMerger m = new PartMerger();
        for (int i = 0; i < parts.length; i++) {
            m.add(String.format("part-%03d", i + 1), Yaml.load(parts[i], "part"), null);
        }
        return m.result().asMap();
    }

    private static Map<String, Object> y(String text) {
        return Yaml.loadMapping(text, "expected");
    }

    @Test
    void case1ListAppendWithRecurseArrayNoReplace() {
        assertEquals(y("runcmd: [one, two, three]\npackages: [git, vim]\nhostname: first\n"), merge(
                "runcmd: [one, two]\npackages: [git]\nhostname: first\n",
                "runcmd: [three]\npackages: [vim]\nhostname: second\n"
                        + "merge_how: 'dict(recurse_array,no_replace)+list(append)'\n"));
    }

    @Test
    void case2NoSpecReplaces() {
        assertEquals(y("runcmd: [b]\nhostname: one\n"), merge("runcmd: [a]\nhostname: one\n", "runcmd: [b]\n"));
    }

    @Test
    void case3Prepend() {
        assertEquals(y("runcmd: [three, one, two]\n"), merge("runcmd: [one, two]\n",
                "runcmd: [three]\nmerge_how: 'dict(recurse_array)+list(prepend)+str()'\n"));
    }

    @Test
    void case4AllowDeleteLeavesEmptyMapping() {
        assertEquals(y("Blah: {}\n"), merge("Blah:\n  b: 1\n",
                "Blah:\n  b: null\nmerge_how: 'dict(allow_delete,no_replace)+list()'\n"));
    }

    @Test
    void case5ReplaceWinsOverListAppend() {
        assertEquals(y("runcmd: [b]\n"), merge("runcmd: [a]\n", "runcmd: [b]\nmerge_how: 'dict(replace)+list(append)'\n"));
    }

    @Test
    void case6MergeTypeKeyIsReadToo() {
        assertEquals(y("runcmd: [a, b]\n"), merge("runcmd: [a]\n",
                "runcmd: [b]\nmerge_type: 'list(append)+dict(recurse_array)+str()'\n"));
    }

    @Test
    void case7UsersListAppend() {
        assertEquals(y("users: [default, {name: bob}, {name: joe, sudo: 'ALL=(ALL) NOPASSWD:ALL'}]\n"), merge(
                "users: [default, {name: bob}]\n",
                "users: [{name: joe, sudo: 'ALL=(ALL) NOPASSWD:ALL'}]\nmerge_how: 'dict(recurse_array)+list(append)'\n"));
    }

    @Test
    void case8IndexWiseNestedListReplace() {
        assertEquals(y("""
                mounts:
                 - [ephemeral22, /mnt, auto, "defaults,noexec"]
                 - [sdc, /opt/data]
                 - [xvdh, /opt/data, auto, "defaults,nofail", "0", "0"]
                 - [dd, /dev/zero]
                """), merge("""
                mounts:
                 - [ephemeral0, /mnt, auto, "defaults,noexec"]
                 - [sdc, /opt/data]
                 - [xvdh, /opt/data, auto, "defaults,nofail", "0", "0"]
                 - [dd, /dev/zero]
                """, """
                mounts:
                 - [ephemeral22]
                merge_how: 'dict(recurse_array)+list(recurse_list,recurse_str)+str()'
                """));
    }

    @Test
    void case9StringAppend() {
        assertEquals(y("final_message: 'booted: $UPTIME s'\n"), merge("final_message: 'booted: '\n",
                "final_message: '$UPTIME s'\nmerge_how: 'dict(recurse_str)+str(append)'\n"));
    }

    @Test
    void case10NestedListAppend() {
        assertEquals(y("ntp:\n  enabled: true\n  servers: [a, b]\n"), merge("ntp:\n  enabled: true\n  servers: [a]\n",
                "ntp:\n  servers: [b]\nmerge_how: 'dict(recurse_list)+list(append)'\n"));
    }

    @Test
    void case11LaterPartWinsPerKey() {
        assertEquals(y("a: 1\nb: 2\nc: 3\n"), merge("a: 1\nb: 1\nc: 1\n", "b: 2\n", "c: 3\n"));
    }

    @Test
    void case12NestedMappingReplacedWhole() {
        // the reference's own example (§7): nested mappings are not deep-merged by default
        assertEquals(y("runcmd: [c]\nntp: {pools: [p]}\n"),
                merge("runcmd: [a, b]\nntp: {enabled: true, servers: [s1]}\n", "runcmd: [c]\nntp: {pools: [p]}\n"));
    }

    @Test
    void specKeysAreRemovedFromTheResult() {
        assertEquals(y("a: [1, 2]\n"),
                merge("a: [1]\nmerge_how: 'dict(recurse_array)+list(append)'\n",
                        "a: [2]\nmerge_how: 'dict(recurse_array)+list(append)'\nmerge_type: 'list()'\n"));
    }

    @Test
    void headerSpecAppliesWhenThePartHasNone() {
        PartMerger m = new PartMerger();
        m.add("p1", Yaml.load("runcmd: [a]\n", "p1"), null);
        MergeSpec applied = m.add("p2", Yaml.load("runcmd: [b]\n", "p2"), "dict(recurse_array)+list(append)+str()");
        assertEquals(List.of("a", "b"), m.result().asMap().get("runcmd"));
        assertEquals("dict(no_replace,recurse_list)+list(append)+str()", applied.toString());
    }

    @Test
    void payloadSpecComesBeforeHeaderForEachMerger() {
        PartMerger m = new PartMerger();
        m.add("p1", Yaml.load("runcmd: [a]\n", "p1"), null);
        // list from the payload (append), dict from the header (recurse_array), list in the header ignored
        MergeSpec applied = m.add("p2", Yaml.load("runcmd: [b]\nmerge_how: list(append)\n", "p2"),
                "dict(recurse_array)+list(prepend)");
        assertEquals(List.of("a", "b"), m.result().asMap().get("runcmd"));
        assertEquals(ListMethod.APPEND, applied.list().method());
        assertEquals(true, applied.dict().recurseList());
    }

    @Test
    void xMergeTypeHeaderIsTheFallback() {
        Map<String, String> headers = Map.of("X-Merge-Type", "list(append)+dict(recurse_array)");
        assertEquals("list(append)+dict(recurse_array)", MergeSpec.headerValue(headers::get));
        Map<String, String> both = Map.of("Merge-Type", "list(prepend)", "X-Merge-Type", "list(append)");
        assertEquals("list(prepend)", MergeSpec.headerValue(both::get));
        assertEquals(null, MergeSpec.headerValue(Map.of("Merge-Type", " ")::get));
    }

    @Test
    void specNamingOnlyListStillMergesMappings() {
        // the reference would find no dict merger and silently drop the whole part; here dict() applies
        assertEquals(y("hostname: one\nruncmd: [a]\nlocale: C\n"),
                merge("hostname: one\nruncmd: [a]\n", "hostname: two\nruncmd: [b]\nlocale: C\nmerge_how: list(append)\n"));
    }

    @Test
    void emptyPartChangesNothingButCounts() {
        PartMerger m = new PartMerger();
        m.add("p1", Yaml.load("a: 1\n", "p1"), null);
        m.add("p2", null, null);
        assertEquals(Map.of("a", 1), m.result().asMap());
        assertEquals(List.of("p1", "p2"), m.labels());
    }

    @Test
    void badPartIsRefusedAndLeavesTheBufferAlone() {
        PartMerger m = new PartMerger();
        m.add("part-001", Yaml.load("runcmd: [a]\n", "p"), null);
        MergeException e = assertThrows(MergeException.class,
                () -> m.add("part-002", Yaml.load("runcmd: [b]\nmerge_how: 'dict()+tuple(append)'\n", "p"), null));
        assertEquals("part-002: merge_how: unknown merger 'tuple' (known: dict, list, str)", e.getMessage());
        MergeException notMap = assertThrows(MergeException.class, () -> m.add("part-003", List.of("x"), null));
        assertEquals("part-003: a cloud-config part must be a mapping, got a list", notMap.getMessage());
        MergeException header = assertThrows(MergeException.class,
                () -> m.add("part-004", Map.of("runcmd", List.of("c")), "list(append"));
        assertEquals("part-004: Merge-Type header: 'list(append' is not of the form name(option,...), e.g. list(append)",
                header.getMessage());
        m.add("part-005", Yaml.load("hostname: h\n", "p"), null);
        assertEquals(y("runcmd: [a]\nhostname: h\n"), m.result().asMap());
        assertEquals(List.of("part-001", "part-005"), m.labels());
    }

    @Test
    void provenanceFollowsTheLastSetter() {
        PartMerger m = new PartMerger();
        m.add("user-data part 1", Yaml.load("runcmd: [a]\nhostname: one\nntp: {enabled: true}\n", "p"), null);
        m.add("user-data part 2", Yaml.load("runcmd: [b]\nntp: {servers: [s]}\n", "p"), null);
        m.add("user-data part 3", Yaml.load("runcmd: [c]\nmerge_how: 'dict(recurse_array)+list(append)'\n", "p"), null);
        MergedConfig c = m.result();
        assertEquals("user-data part 1", c.sourceOf("hostname").orElseThrow());
        assertEquals("user-data part 2", c.sourceOf("ntp").orElseThrow());
        assertEquals(List.of("user-data part 2"), c.sourcesOf("ntp.servers"));
        assertEquals(List.of(), c.sourcesOf("ntp.enabled"), "replaced wholesale by part 2");
        assertEquals(List.of("user-data part 2", "user-data part 3"), c.sourcesOf("runcmd"));
        assertEquals("user-data part 2, user-data part 3", c.sourceOf("runcmd").orElseThrow());
        assertEquals(List.of("b", "c"), c.asMap().get("runcmd"));
    }
}
