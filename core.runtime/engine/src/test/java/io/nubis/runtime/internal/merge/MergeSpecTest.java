package io.nubis.runtime.internal.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.runtime.internal.yaml.Yaml;

class MergeSpecTest {

    private static MergeSpec fromDoc(String yaml) {
        Map<String, Object> doc = Yaml.loadMapping(yaml, "src");
        return MergeSpec.resolve(MergeSpec.extract(doc, "src").entries(), null, "src");
    }

    private static MergeException fails(String yaml) {
        return assertThrows(MergeException.class, () -> fromDoc(yaml));
    }

    @Test
    void defaults() {
        assertEquals("dict(replace)+list(replace)+str()", MergeSpec.PART_DEFAULT.toString());
        assertEquals("dict(no_replace)+list(replace)+str()", MergeSpec.CONFIG_DEFAULT.toString());
        assertEquals(MergeSpec.CONFIG_DEFAULT, MergeSpec.parse("", "x"));
    }

    @Test
    void stringFormWithAllOptions() {
        MergeSpec s = MergeSpec.parse("dict(no_replace,recurse_str,recurse_array,allow_delete)"
                + "+list(prepend,recurse_dict,recurse_str,recurse_list)+str(append)", "x");
        assertEquals(new DictOptions(false, true, true, true), s.dict());
        assertEquals(new ListOptions(ListMethod.PREPEND, true, true, true), s.list());
        assertEquals(new StrOptions(true), s.str());
    }

    @Test
    void caseDashesSpacesAndPrefixAreNormalised() {
        MergeSpec s = MergeSpec.parse(" Dict(Recurse-Array , REPLACE)+ +M_LIST(append) ", "x");
        assertEquals(new DictOptions(true, false, true, false), s.dict());
        assertEquals(ListMethod.APPEND, s.list().method());
    }

    @Test
    void referencePrioritiesBetweenConflictingOptions() {
        assertEquals(ListMethod.APPEND, MergeSpec.parse("list(no_replace,prepend,append)", "x").list().method());
        assertEquals(true, MergeSpec.parse("dict(no_replace,replace)", "x").dict().replace());
        assertEquals(ListMethod.APPEND, MergeSpec.parse("list(append)+list(prepend)", "x").list().method(),
                "first merger of a kind counts");
    }

    @Test
    void listFormWithNameAndSettings() {
        MergeSpec s = fromDoc("""
                merge_how:
                  - name: list
                    settings: [append]
                  - name: dict
                    settings: [no_replace, recurse_list]
                  - name: str
                    settings: []
                """);
        assertEquals("dict(no_replace,recurse_list)+list(append)+str()", s.toString());
    }

    @Test
    void listFormWithListsAndStrings() {
        MergeSpec s = fromDoc("merge_type:\n  - [list, append]\n  - [dict, recurse_array]\n  - str(append)\n");
        assertEquals("dict(no_replace,recurse_list)+list(append)+str(append)", s.toString());
    }

    @Test
    void mergeHowBeatsMergeTypeAndNullFallsThrough() {
        assertEquals(ListMethod.APPEND, fromDoc("merge_how: list(append)\nmerge_type: list(prepend)\n").list().method());
        assertEquals(ListMethod.PREPEND, fromDoc("merge_how: null\nmerge_type: list(prepend)\n").list().method());
        MergeSpec.Extracted e = MergeSpec.extract(Yaml.loadMapping("a: 1\nmerge_how: list()\nmerge_type: x\n", "s"), "s");
        assertEquals(Map.of("a", 1), e.document());
    }

    @Test
    void unknownMergerIsAnError() {
        assertEquals("src: merge_how: unknown merger 'tuple' (known: dict, list, str)",
                fails("merge_how: 'dict()+tuple()'\n").getMessage());
        assertEquals("src: merge_how[0]: unknown merger 'set' (known: dict, list, str)",
                fails("merge_how: [{name: set, settings: []}]\n").getMessage());
    }

    @Test
    void unknownOptionIsAnError() {
        assertEquals("src: merge_how: unknown option 'apend' for merger list (known: append, no_replace, prepend, "
                + "recurse_array, recurse_dict, recurse_list, recurse_str, replace)",
                fails("merge_how: 'list(apend)'\n").getMessage());
        assertEquals("src: merge_how: unknown option 'no_replace' for merger str (known: append, replace)",
                fails("merge_how: 'str(no_replace)'\n").getMessage());
        assertEquals("src: Merge-Type header: unknown option 'prepend' for merger dict (known: allow_delete, "
                + "no_replace, recurse_array, recurse_dict, recurse_list, recurse_str, replace)",
                assertThrows(MergeException.class, () -> MergeSpec.resolve(
                        MergeSpec.headerEntries("dict(prepend)", "src"), null, "src")).getMessage());
    }

    @Test
    void malformedStringsAreErrors() {
        assertEquals("src: merge_how: 'list(append' is not of the form name(option,...), e.g. list(append)",
                fails("merge_how: 'list(append'\n").getMessage());
        assertEquals("src: merge_how: 'list' is not of the form name(option,...), e.g. list(append)",
                fails("merge_how: 'list+dict()'\n").getMessage());
        assertEquals("src: merge_how: '1dict()' is not of the form name(option,...), e.g. list(append)",
                fails("merge_how: '1dict()'\n").getMessage());
    }

    @Test
    void wrongTypesAreErrors() {
        assertEquals("src: merge_how: expected a string like 'list(append)+dict()+str()' or a list, got a mapping",
                fails("merge_how: {name: list}\n").getMessage());
        assertEquals("src: merge_type: expected a string like 'list(append)+dict()+str()' or a list, got a boolean",
                fails("merge_type: true\n").getMessage());
        assertEquals("src: merge_how[1]: expected {name: ..., settings: [...]}, got a number",
                fails("merge_how: [list(append), 7]\n").getMessage());
        assertEquals("src: merge_how[0].name: expected a merger name (dict, list or str), got null",
                fails("merge_how: [{settings: [append]}]\n").getMessage());
        assertEquals("src: merge_how[0].settings: expected a list of option names, got a number",
                fails("merge_how: [{name: list, settings: 5}]\n").getMessage());
        assertEquals("src: merge_how[0].settings[1]: expected an option name, got a list",
                fails("merge_how: [{name: list, settings: [append, [x]]}]\n").getMessage());
        assertEquals("src: merge_how[0]: unknown key 'setting' (expected name and settings)",
                fails("merge_how: [{name: list, setting: [append]}]\n").getMessage());
        assertEquals("src: merge_how[0]: expected [name, option...], got a list",
                fails("merge_how: [[]]\n").getMessage());
    }

    @Test
    void settingsAsCommaStringAreAccepted() {
        assertEquals(ListMethod.APPEND, fromDoc("merge_how: [{name: list, settings: 'append, recurse_dict'}]\n")
                .list().method());
    }

    @Test
    void keyPathsRoundTrip() {
        List<String> keys = List.of("apt", "sources", "ppa.list", "", "with \"quote\"", "back\\slash", "sp ace");
        String path = KeyPath.render(keys);
        assertEquals("apt.sources[\"ppa.list\"][\"\"][\"with \\\"quote\\\"\"][\"back\\\\slash\"][\"sp ace\"]", path);
        assertEquals(keys, KeyPath.parse(path));
        assertEquals(List.of("a", "b.c", "d"), KeyPath.parse("a[\"b.c\"].d"));
        assertThrows(IllegalArgumentException.class, () -> KeyPath.parse("a..b"));
        assertThrows(IllegalArgumentException.class, () -> KeyPath.parse("a[\"b"));
        assertThrows(IllegalArgumentException.class, () -> KeyPath.parse("a."));
    }
}
