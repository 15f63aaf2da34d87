package io.nubis.runtime.internal.pyjson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PyOrderTest {
    @Test
    void sortsByCodePointAsPythonDoes() {
        // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF01 in Python, before it by String.compareTo
        List<String> l = new ArrayList<>(List.of("\uD83D\uDE00", "\uFF01", "b", "a", "ab", ""));
        l.sort(PyOrder.CODE_POINTS);
        assertEquals(List.of("", "a", "ab", "b", "\uFF01", "\uD83D\uDE00"), l);
    }
}
