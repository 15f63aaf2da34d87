package io.nubis.assemblies.itest;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Packed by {@link LauncherProcessTest} into a vendor bundle that throws on activation. */
public class ThrowingActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("vendor activation failed on purpose");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
