package io.nubis.cc.runcmd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.module.ModuleException;

class ShellifyTest {
    @Test
    void listsAreQuotedWordByWordAndStringsAreVerbatim() throws Exception {
        List<Object> cmds = Arrays.asList(
                List.of("ls", "-l", "/root"),
                "echo $HOME > /tmp/home && date",
                null,
                List.of("sh", "-c", "echo 'it''s'"),
                List.of(),
                Arrays.asList("printf", 1, 2.5, true, false, null),
                List.of("echo", "a b", "", "\"dq\"", "$(x)", "line1\nline2"));
        String expected = "#!/bin/sh\n"
                + "'ls' '-l' '/root'\n"
                + "echo $HOME > /tmp/home && date\n"
                + "'sh' '-c' 'echo '\\''it'\\'''\\''s'\\'''\n"
                + "\n"
                + "'printf' '1' '2.5' 'True' 'False' 'None'\n"
                + "'echo' 'a b' '' '\"dq\"' '$(x)' 'line1\nline2'\n";
        assertEquals(expected, Shellify.shellify("runcmd", cmds));
    }

    @Test
    void emptyListGivesTheHeaderOnly() throws Exception {
        assertEquals("#!/bin/sh\n", Shellify.shellify("runcmd", List.of()));
    }

    @Test
    void pythonStrOfScalars() {
        assertEquals("1e+16", Shellify.pyFloat(1e16));
        assertEquals("1000000000000000.0", Shellify.pyFloat(1e15));
        assertEquals("0.0001", Shellify.pyFloat(1e-4));
        assertEquals("1e-05", Shellify.pyFloat(1e-5));
        assertEquals("1.5e-07", Shellify.pyFloat(1.5e-7));
        assertEquals("-2.5", Shellify.pyFloat(-2.5));
        assertEquals("0.1", Shellify.pyFloat(0.1));
        assertEquals("inf", Shellify.pyFloat(Double.POSITIVE_INFINITY));
        assertEquals("nan", Shellify.pyFloat(Double.NaN));
        assertEquals("12345678901234567890", Shellify.pyStr(new java.math.BigInteger("12345678901234567890")));
        assertEquals("2024-02-29", Shellify.pyStr(new Date(1709164800000L)));
        assertEquals("2024-02-29 12:30:00", Shellify.pyStr(new Date(1709164800000L + 45_000_000L)));
    }

    @Test
    void badInputNamesTheItem() {
        ModuleException e = assertThrows(ModuleException.class, () -> Shellify.shellify("runcmd", "ls -l"));
        assertEquals("runcmd: input to shellify was a string, expected a list of commands", e.getMessage());
        e = assertThrows(ModuleException.class, () -> Shellify.shellify("runcmd", List.of("ok", 5)));
        assertEquals("runcmd[1]: unable to shellify a number '5'; expected a list or a string", e.getMessage());
        e = assertThrows(ModuleException.class, () -> Shellify.shellify("runcmd", List.of(Map.of("a", 1))));
        assertEquals("runcmd[0]: unable to shellify a mapping '{a=1}'; expected a list or a string", e.getMessage());
        e = assertThrows(ModuleException.class, () -> Shellify.shellify("runcmd", List.of(List.of("echo", List.of("x")))));
        assertEquals("runcmd[0][1]: a command word must be a scalar, got a list", e.getMessage());
    }
}
