package io.nubis.assemblies.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.DistroProfile;

/**
 * What every assembly must show when started in Felix: all bundles active, the distro profile
 * wired to exactly its adapters, no other distro's adapters present, and plug-ins registered
 * without being activated until used.
 */
public abstract class AssemblyTestBase {
    @Inject
    protected BundleContext context;

    @Inject
    protected ServiceComponentRuntime scr;

    /**
     * The distro of the framework this test runs in, as the container was configured; read from
     * the framework, not the test class, because Pax Exam may run a probe built for another class.
     */
    protected String distro() {
        return System.getProperty("nubis.test.distro");
    }

    @Test
    public void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
    }

    @Test
    public void profileIsWiredToItsAdapters() throws Exception {
        Collection<ServiceReference<DistroProfile>> profiles = context.getServiceReferences(DistroProfile.class, null);
        assertEquals("exactly one distro profile", 1, profiles.size());
        ServiceReference<DistroProfile> profile = profiles.iterator().next();
        assertEquals(distro(), profile.getProperty(Namespaces.DISTRO));
        List<String> wired = new ArrayList<>();
        for (String ns : Namespaces.ADAPTERS) {
            Object name = profile.getProperty(ns);
            assertNotNull("profile names no " + ns + " adapter", name);
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(" + ns + "=" + name + ")");
            assertTrue("no " + ns + "=" + name + " adapter service", refs != null && refs.length > 0);
            wired.add(String.valueOf(name));
        }
        assertEquals(AssemblyTestSupport.WIRING.get(distro()), wired);
    }

    @Test
    public void onlyThisDistrosAdaptersArePresent() {
        Set<String> present = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            present.add(b.getSymbolicName());
        }
        List<String> expected = AssemblyTestSupport.WIRING.get(distro());
        for (String adapter : AssemblyTestSupport.ALL_ADAPTERS) {
            String bsn = AssemblyTestSupport.adapterBsn(adapter);
            assertEquals(bsn + " presence in the " + distro() + " assembly", expected.contains(adapter),
                    present.contains(bsn));
        }
        for (String other : AssemblyTestSupport.WIRING.keySet()) {
            assertEquals("io.nubis.distro." + other, other.equals(distro()),
                    present.contains("io.nubis.distro." + other));
        }
    }

    /**
     * Plug-ins are delayed components: registered (SATISFIED) but not instantiated, so their
     * classes are not loaded, until the runtime asks for one; reading service properties does
     * not change that.
     */
    @Test
    public void pluginsStayInactiveUntilUsed() throws Exception {
        for (String ns : Namespaces.ADAPTERS) {
            for (ServiceReference<?> r : context.getServiceReferences((String) null, "(" + ns + "=*)")) {
                r.getProperty(ns);
            }
        }
        List<String> active = new ArrayList<>();
        int plugins = 0;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!isPlugin(d)) {
                continue;
            }
            plugins++;
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.ACTIVE) {
                    active.add(d.name);
                }
            }
        }
        assertTrue("the assembly registers plug-in components", plugins >= 7);
        assertTrue("plug-ins activated before use: " + active, active.isEmpty());

        ServiceReference<DistroProfile> ref = context.getServiceReference(DistroProfile.class);
        DistroProfile p = context.getService(ref);
        try {
            assertEquals(distro(), p.name());
            ComponentDescriptionDTO d = descriptionOf(ref);
            assertEquals("using a plug-in activates it", ComponentConfigurationDTO.ACTIVE,
                    scr.getComponentConfigurationDTOs(d).iterator().next().state);
        } finally {
            context.ungetService(ref);
        }
    }

    private ComponentDescriptionDTO descriptionOf(ServiceReference<?> ref) {
        Object name = ref.getProperty("component.name");
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(ref.getBundle())) {
            if (d.name.equals(name)) {
                return d;
            }
        }
        throw new AssertionError("no component description for " + name);
    }

    private static boolean isPlugin(ComponentDescriptionDTO d) {
        if (d.properties == null) {
            return false;
        }
        for (String key : d.properties.keySet()) {
            if (key.startsWith("nubis.") && !key.equals("nubis.main")) {
                return true;
            }
        }
        return false;
    }
}
