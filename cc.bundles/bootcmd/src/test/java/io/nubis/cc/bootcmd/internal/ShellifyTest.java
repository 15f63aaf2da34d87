package io.nubis.cc.bootcmd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.module.ModuleException;

class ShellifyTest {
    @Test
    void listsAreQuotedWordsAndStringsAreVerbatim() throws Exception {
        Shellify.Script s = Shellify.shellify("bootcmd", Arrays.asList(
                List.of("echo", "it's here", "$HOME"),
                "echo $HOME > /tmp/x && ls",
                null,
                Arrays.asList("printf", 5, true, null, 1.5)));
        assertEquals("#!/bin/sh\n"
                + "'echo' 'it'\\''s here' '$HOME'\n"
                + "echo $HOME > /tmp/x && ls\n"
                + "'printf' '5' 'True' 'None' '1.5'\n", s.text());
        assertEquals(3, s.commands());
    }

    @Test
    void emptyListGivesOnlyTheHeader() throws Exception {
        assertEquals("#!/bin/sh\n", Shellify.shellify("bootcmd", List.of()).text());
    }

    @Test
    void badShapesNameTheKeyAndItem() {
        ModuleException e = assertThrows(ModuleException.class, () -> Shellify.shellify("bootcmd", "ls"));
        assertEquals("bootcmd: expected a list of commands, got a string", e.getMessage());
        e = assertThrows(ModuleException.class, () -> Shellify.shellify("bootcmd", List.of("ls", 42)));
        assertTrue(e.getMessage().startsWith("bootcmd[1]: unable to shellify type 'a number'"), e.getMessage());
        e = assertThrows(ModuleException.class,
                () -> Shellify.shellify("bootcmd", List.of(List.of("echo", Map.of("a", 1)))));
        assertEquals("bootcmd[0]: a command's arguments must be scalars, got a mapping", e.getMessage());
    }
}
