package io.nubis.runtime.internal.ds;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.paths.CloudPaths;

/**
 * The instance bookkeeping of the reference's {@code stages.Init}: which instance is current
 * ({@code data/instance-id}), which one this boot settled on ({@code <run>/.instance-id}), the
 * {@code instance} link, the instance directory and its cached datasource data, and
 * {@link #reflect} which records a datasource as current exactly as {@code _reflect_cur_instance}
 * does on disk.
 */
public final class InstanceStore {
    /** What the reference writes when there was no previous instance. */
    public static final String NO_PREVIOUS = "NO_PREVIOUS_INSTANCE_ID";
    /** Sub-directories created in every instance directory. */
    public static final List<String> INSTANCE_SUBDIRS = List.of("handlers", "scripts", "sem");

    private static final Logger LOG = LoggerFactory.getLogger("stages");

    private final TargetRoot target;
    private final CloudPaths paths;

    public InstanceStore(TargetRoot target, CloudPaths paths) {
        this.target = target;
        this.paths = paths;
    }

    /** {@code data/instance-id}, trimmed, if present and not empty. */
    public Optional<String> currentInstanceId() {
        return readLine(paths.instanceIdFile());
    }

    /** {@code <run>/.instance-id}: the instance this boot has settled on, if any. */
    public Optional<String> runInstanceId() {
        return readLine(paths.runInstanceId());
    }

    private Optional<String> readLine(String path) {
        try {
            return target.readString(path).map(String::strip).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            LOG.debug("Cannot read {}: {}", path, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The cached data of an instance ({@code instances/<iid>/obj.json}); empty if there is none
     * or it cannot be used (logged).
     */
    public Optional<CrawledData> cached(String instanceId) {
        String path = paths.instance(instanceId).cache();
        try {
            Optional<CrawledData> d = CrawlCache.read(target, path);
            if (d.isPresent() && !instanceId.equals(d.get().instanceId())) {
                LOG.warn("Ignoring {}: it holds instance {}", path, d.get().instanceId());
                return Optional.empty();
            }
            return d;
        } catch (IOException e) {
            LOG.warn("Ignoring unusable datasource cache: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The cached data of the current instance ({@code data/instance-id}), if any. */
    public Optional<CrawledData> cachedCurrent() {
        return currentInstanceId().flatMap(this::cached);
    }

    /** Writes the cache of an instance (0600). */
    public void cache(CrawledData d, String stage) throws IOException {
        CrawlCache.write(target, paths.instance(d.instanceId()).cache(), d, stage);
    }

    /**
     * Makes {@code d} the current instance, as the reference's {@code _reflect_cur_instance}:
     * the {@code instance} link, the instance sub-directories, {@code datasource} and
     * {@code data/previous-datasource}, {@code data/instance-id}, {@code <run>/.instance-id},
     * {@code data/previous-instance-id} (the id that was current before, or
     * {@value #NO_PREVIOUS}), then the cache.
     *
     * @param description the datasource description ({@code DataSourceNoCloud [seed=...]})
     * @return the previous instance id
     */
    public String reflect(CrawledData d, String description, String stage) throws IOException {
        CloudPaths.Instance inst = paths.instance(d.instanceId());
        String link = paths.instanceLink();
        boolean already = target.isDirectory(link) && target.resolve(link).equals(target.resolve(inst.dir()));
        if (already) {
            LOG.info("Instance link already exists, not recreating it.");
        } else {
            target.mkdirs(inst.dir(), 0755);
            target.symlink(link, inst.dir());
        }
        for (String sub : INSTANCE_SUBDIRS) {
            target.mkdirs(inst.path(sub), 0755);
        }
        String ds = DatasourceLabel.className(d.dsName()) + ": " + description;
        String previousDs = readLine(inst.datasource()).orElse(ds);
        target.writeString(inst.datasource(), ds + "\n", FileAttributes.PUBLIC);
        target.writeString(paths.previousDatasourceFile(), previousDs + "\n", FileAttributes.PUBLIC);
        String previous = currentInstanceId().orElse(NO_PREVIOUS);
        LOG.debug("previous iid found to be {}", previous);
        target.writeString(paths.instanceIdFile(), d.instanceId() + "\n", FileAttributes.PUBLIC);
        target.writeString(paths.runInstanceId(), d.instanceId() + "\n", FileAttributes.PUBLIC);
        target.writeString(paths.previousInstanceIdFile(), previous + "\n", FileAttributes.PUBLIC);
        cache(d, stage);
        return previous;
    }
}
