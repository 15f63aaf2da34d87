package io.nubis.ds.nocloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeedFromTest {
    @Test
    void kinds() {
        assertEquals(SeedFrom.Kind.LOCAL, SeedFrom.kind("/srv/seed/"));
        assertEquals(SeedFrom.Kind.LOCAL, SeedFrom.kind("file:///srv/seed/"));
        assertEquals(SeedFrom.Kind.NETWORK, SeedFrom.kind("http://10.0.0.1/"));
        assertEquals(SeedFrom.Kind.NETWORK, SeedFrom.kind("HTTPS://host/"));
        assertEquals(SeedFrom.Kind.FTP, SeedFrom.kind("ftp://host/"));
        assertEquals(SeedFrom.Kind.FTP, SeedFrom.kind("ftps://host/"));
        assertEquals(SeedFrom.Kind.UNSUPPORTED, SeedFrom.kind("srv/seed"));
        assertEquals(SeedFrom.Kind.UNSUPPORTED, SeedFrom.kind("tftp://host/"));
    }

    @Test
    void locationAppendsNameAfterSlash() {
        assertEquals("http://h/seed/meta-data", SeedFrom.location("http://h/seed/", "meta-data"));
        assertEquals("http://h/seed/meta-data", SeedFrom.location("http://h/seed", "meta-data"));
        assertEquals("/srv/seed/user-data", SeedFrom.location("/srv/seed", "user-data"));
        assertEquals("http://h/get?f=user-data", SeedFrom.location("http://h/get?f=", "user-data"));
        assertEquals("http://h/user-data.txt", SeedFrom.location("http://h/%s.txt", "user-data"));
    }

    @Test
    void displayDropsCredentials() {
        assertEquals("http://h:80/x/", SeedFrom.display("http://user:secret@h:80/x/"));
        assertEquals("https://h/a@b", SeedFrom.display("https://h/a@b"));
        assertEquals("/srv/seed/", SeedFrom.display("/srv/seed/"));
    }
}
