package io.nubis.runtime.internal.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.datasource.Datasource;
import io.nubis.api.distro.DeviceManager;
import io.nubis.api.distro.DistroProfile;
import io.nubis.api.distro.FilesystemLayout;
import io.nubis.api.distro.InitSystem;
import io.nubis.api.distro.PackageManager;
import io.nubis.api.distro.PrivilegeRules;
import io.nubis.api.distro.UserManager;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.report.ReportingHandler;

/**
 * Lists and selects plug-ins from service properties alone. Where several services share a
 * name in a namespace, the one with the highest {@code service.ranking} wins (ties: the lowest
 * service id, i.e. the stock bundle installed first), which is how a vendor bundle overrides a
 * stock plug-in.
 */
public final class PluginCatalog {
    /** Service interface of each plug-in namespace. */
    public static final Map<String, Class<?>> SERVICE_TYPES = Map.of(
            Namespaces.MODULE, ConfigModule.class,
            Namespaces.DATASOURCE, Datasource.class,
            Namespaces.DISTRO, DistroProfile.class,
            Namespaces.INIT_SYSTEM, InitSystem.class,
            Namespaces.PRIVILEGE, PrivilegeRules.class,
            Namespaces.DEVICES, DeviceManager.class,
            Namespaces.PACKAGES, PackageManager.class,
            Namespaces.USERS, UserManager.class,
            Namespaces.LAYOUT, FilesystemLayout.class,
            Namespaces.NET_RENDERER, io.nubis.api.net.NetworkRenderer.class);

    private static final Comparator<PluginInfo> PRECEDENCE = Comparator
            .comparingInt(PluginInfo::ranking).reversed()
            .thenComparingLong(p -> (Long) p.reference().getProperty(org.osgi.framework.Constants.SERVICE_ID));

    /** Service property of the launcher's on-demand starter of plug-in bundles (a {@code Consumer<String>}). */
    static final String STARTER_FILTER = "(nubis.starter=true)";

    private final BundleContext context;
    private final Map<String, CompletableFuture<Void>> requested =
            new ConcurrentHashMap<>();

    public PluginCatalog(BundleContext context) {
        this.context = context;
    }

    /**
     * Has the launcher start the plug-in bundles providing a namespace, if it has not yet (the
     * launcher leaves them stopped until a command needs them; without a launcher, as under Pax
     * Exam, every bundle is started already and this does nothing). Returns once they are started,
     * also when another thread asked first.
     */
    public void require(String namespace) {
        if (context == null) {
            return;
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> first = requested.putIfAbsent(namespace, mine);
        if (first != null) {
            first.join();
            return;
        }
        try {
            askLauncher(namespace);
        } finally {
            mine.complete(null);
        }
    }

    /**
     * Starts the plug-in bundles of these namespaces on a background thread, so that their
     * resolution and component set-up overlap the caller's work; {@link #require} waits for it.
     */
    public void prefetch(String... namespaces) {
        if (context == null) {
            return;
        }
        Thread t = new Thread(() -> {
            for (String ns : namespaces) {
                try {
                    require(ns);
                } catch (RuntimeException e) {
                    // reported again when the caller requires it
                }
            }
        }, "nubis-plugin-prefetch");
        t.setDaemon(true);
        t.start();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void askLauncher(String namespace) {
        try {
            for (ServiceReference<Consumer> ref
                    : context.getServiceReferences(Consumer.class, STARTER_FILTER)) {
                Consumer<String> starter = context.getService(ref);
                if (starter != null) {
                    try {
                        starter.accept(namespace);
                    } finally {
                        context.ungetService(ref);
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every registered plug-in of a namespace, overridden ones included, best first per name. */
    public List<PluginInfo> all(String namespace) {
        Class<?> type = SERVICE_TYPES.get(namespace);
        if (type == null) {
            throw new IllegalArgumentException("unknown plug-in namespace " + namespace);
        }
        require(namespace);
        List<PluginInfo> out = new ArrayList<>();
        try {
            Collection<? extends ServiceReference<?>> refs =
                    context.getServiceReferences(type, "(" + namespace + "=*)");
            for (ServiceReference<?> ref : refs) {
                out.add(PluginInfo.of(namespace, ref));
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        out.sort(Comparator.comparing(PluginInfo::name).thenComparing(PRECEDENCE));
        return out;
    }

    /** The winning plug-in for each name in a namespace. */
    public Map<String, PluginInfo> selected(String namespace) {
        Map<String, PluginInfo> out = new LinkedHashMap<>();
        for (PluginInfo p : all(namespace)) {
            out.putIfAbsent(p.name(), p);
        }
        return out;
    }

    /** The winning plug-in with this name. */
    public Optional<PluginInfo> select(String namespace, String name) {
        return Optional.ofNullable(selected(namespace).get(name));
    }

    /**
     * Gets the plug-in's service, loading and activating its implementation now.
     *
     * @throws IllegalStateException if the component fails to activate; the message names it
     */
    public <T> T service(PluginInfo plugin, Class<T> type) {
        @SuppressWarnings("unchecked")
        ServiceReference<T> ref = (ServiceReference<T>) plugin.reference();
        T svc;
        try {
            svc = context.getService(ref);
        } catch (RuntimeException e) {
            svc = null;
        }
        if (svc == null) {
            throw new IllegalStateException(plugin.namespace() + " '" + plugin.name() + "' from bundle "
                    + plugin.bundle() + " failed to activate");
        }
        return svc;
    }

    /**
     * The highest-ranked {@link ReportingHandler} service whose {@code type} property is
     * {@code type}, got (activated) now; empty if there is none or it fails to activate.
     */
    public Optional<ReportingHandler> reportingHandler(String type) {
        if (type == null || !type.matches("[A-Za-z0-9_.-]+")) {
            return Optional.empty();
        }
        try {
            List<ServiceReference<ReportingHandler>> refs = new ArrayList<>(
                    context.getServiceReferences(ReportingHandler.class, "(" + ReportingHandler.TYPE + "=" + type + ")"));
            refs.sort(java.util.Collections.reverseOrder());
            for (ServiceReference<ReportingHandler> ref : refs) {
                ReportingHandler h = context.getService(ref);
                if (h != null) {
                    return Optional.of(h);
                }
            }
        } catch (InvalidSyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The highest-ranked service of a type, got (activated) now; empty if none activates. */
    public <T> Optional<T> firstService(Class<T> type) {
        try {
            List<ServiceReference<T>> refs = new ArrayList<>(context.getServiceReferences(type, null));
            refs.sort(java.util.Collections.reverseOrder());
            for (ServiceReference<T> ref : refs) {
                T svc = context.getService(ref);
                if (svc != null) {
                    return Optional.of(svc);
                }
            }
        } catch (InvalidSyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
