package io.nubis.api.datasource;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;

import io.nubis.api.exec.CommandRunner;
import io.nubis.api.module.Stage;
import io.nubis.api.target.TargetRoot;

/** What a datasource may use while crawling. */
public interface DatasourceContext {
    /** The stage searching ({@link Stage#LOCAL} or {@link Stage#NETWORK}). */
    Stage stage();

    /** The target filesystem. */
    TargetRoot target();

    /** Command runner (for mounting labelled volumes). */
    CommandRunner runner();

    /** This datasource's section of system config ({@code datasource.NoCloud}), possibly empty. */
    Map<String, Object> config();

    /** Kernel command line words. */
    List<String> kernelCmdline();

    /** Host paths of block devices carrying one of the labels (case-sensitive), from blkid or /dev/disk/by-label. */
    List<String> devicesWithLabel(String... labels);

    /**
     * Fetches a URL with bounded timeouts and retries.
     *
     * @param url     http(s) or file URL
     * @param timeout per-attempt timeout
     * @param retries further attempts after the first
     * @return the body, or empty on 404
     * @throws IOException when every attempt failed; the message names the URL
     */
    Optional<byte[]> fetch(URI url, Duration timeout, int retries) throws IOException;

    /** Logger. */
    Logger log();
}
