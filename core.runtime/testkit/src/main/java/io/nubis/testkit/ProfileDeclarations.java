package io.nubis.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Manifest;

import io.nubis.api.capability.Attributes;
import io.nubis.api.capability.Namespaces;

/**
 * Checks what bnd generated for a distro profile bundle (run from the profile module's own tests,
 * after bnd has processed {@code target/classes}): the {@code nubis.distro} capability, one
 * requirement per adapter namespace (so the resolver pulls exactly those adapters), and the same
 * facts as DS service properties (so the runtime can wire them without loading the profile).
 * Failures are {@link AssertionError}s naming what is missing.
 */
public final class ProfileDeclarations {
    private ProfileDeclarations() {
    }

    /**
     * @param profile  the profile class
     * @param name     distro name
     * @param family   distro family
     * @param variant  distro variant
     * @param adapters adapter names in {@link Namespaces#ADAPTERS} order
     */
    public static void check(Class<?> profile, String name, String family, String variant, String... adapters)
            throws IOException {
        if (adapters.length != Namespaces.ADAPTERS.size()) {
            throw new IllegalArgumentException("one adapter per namespace: " + Namespaces.ADAPTERS);
        }
        Manifest mf;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            mf = new Manifest(in);
        }
        String provide = mf.getMainAttributes().getValue("Provide-Capability");
        contains(provide, Namespaces.DISTRO + ";" + Attributes.FAMILY + "=" + family + ";" + Namespaces.DISTRO + "="
                + name + ";" + Attributes.VARIANT + "=" + variant);
        String req = mf.getMainAttributes().getValue("Require-Capability");
        String xml = Files.readString(Path.of("target/classes/OSGI-INF/" + profile.getName() + ".xml"));
        for (String[] p : List.of(new String[] {Namespaces.DISTRO, name}, new String[] {Attributes.FAMILY, family},
                new String[] {Attributes.VARIANT, variant})) {
            contains(xml, property(p[0], p[1]));
        }
        for (int i = 0; i < adapters.length; i++) {
            String ns = Namespaces.ADAPTERS.get(i);
            contains(req, ns + ";filter:=\"(" + ns + "=" + adapters[i] + ")\"");
            contains(xml, property(ns, adapters[i]));
        }
        int requirements = req.split("filter:=\"\\(nubis\\.", -1).length - 1;
        if (requirements != adapters.length) {
            throw new AssertionError("expected " + adapters.length + " nubis requirements, found " + requirements + ": "
                    + req);
        }
    }

    private static String property(String key, String value) {
        return "<property name=\"" + key + "\" type=\"String\" value=\"" + value + "\"/>";
    }

    private static void contains(String text, String wanted) {
        if (text == null || !text.contains(wanted)) {
            throw new AssertionError("missing " + wanted + " in: " + text);
        }
    }
}
