package io.nubis.adapter.sysconfig.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResolvConfTest {
    private static final String HEADER = "; Created by cloud-init on instance boot automatically, do not edit.\n;\n";

    private static String merge(String existing, String[] ns, String[] search) {
        ResolvConf conf = ResolvConf.parse(existing);
        for (String n : ns) {
            conf.addNameserver(n);
        }
        for (String s : search) {
            conf.addSearchDomain(s);
        }
        return conf.render();
    }

    @Test
    void aNewFileHasTheHeaderThenNameServersThenSearch() {
        assertEquals(HEADER + "nameserver 1.1.1.1\nnameserver 8.8.8.8\nsearch a.example b.example\n",
                merge("", new String[] {"1.1.1.1", "8.8.8.8", "1.1.1.1"}, new String[] {"a.example", "b.example"}));
    }

    @Test
    void existingLinesStayAndTheListsMoveToTheEnd() {
        String existing = "# image\nnameserver 9.9.9.9 # primary\nsearch old.example\n\noptions rotate\n";
        assertEquals(HEADER + "# image\n\noptions rotate\nnameserver 9.9.9.9 \nnameserver 1.1.1.1\n"
                + "search old.example new.example\n",
                merge(existing, new String[] {"1.1.1.1"}, new String[] {"new.example"}));
    }

    @Test
    void atMostThreeNameServersTheExistingOnesWin() {
        assertEquals(HEADER + "nameserver 10.0.0.1\nnameserver 10.0.0.2\nnameserver 10.0.0.3\n",
                merge("nameserver 10.0.0.1\nnameserver 10.0.0.2\nnameserver 10.0.0.3\n",
                        new String[] {"10.0.0.4"}, new String[0]));
    }

    @Test
    void searchDomainsPastSixAreLeftOut() {
        assertEquals(HEADER + "search a b c d e f\n",
                merge("", new String[0], new String[] {"a", "b", "c", "d", "e", "f", "g"}));
    }

    @Test
    void mergingAgainChangesNothing() {
        String once = merge("domain example.net\n", new String[] {"1.1.1.1"}, new String[] {"x.example"});
        assertEquals(once, merge(once, new String[] {"1.1.1.1"}, new String[] {"x.example"}));
        assertEquals(HEADER + "domain example.net\nnameserver 1.1.1.1\nsearch x.example\n", once);
    }

    @Test
    void linesTheReferenceCannotParseAreKept() {
        assertEquals(HEADER + "lookup file bind\nnameserver\nnameserver 1.1.1.1\n",
                merge("lookup file bind\nnameserver\n", new String[] {"1.1.1.1"}, new String[0]));
    }

    @Test
    void windowsLineEndingsAreLineEndings() {
        assertEquals(HEADER + "nameserver 9.9.9.9\nnameserver 1.1.1.1\n",
                merge("nameserver 9.9.9.9\r\n", new String[] {"1.1.1.1"}, new String[0]));
    }
}
