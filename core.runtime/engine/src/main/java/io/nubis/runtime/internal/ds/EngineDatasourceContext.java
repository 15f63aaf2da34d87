package io.nubis.runtime.internal.ds;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.datasource.DatasourceContext;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.module.Stage;
import io.nubis.api.target.TargetRoot;

/**
 * The {@link DatasourceContext} the engine gives a crawling datasource; URLs are fetched by
 * {@link UrlFetcher}, bodies of at most {@value #MAX_BODY} bytes.
 */
public final class EngineDatasourceContext implements DatasourceContext {
    /** Largest body accepted. */
    public static final int MAX_BODY = 32 * 1024 * 1024;

    private final Stage stage;
    private final TargetRoot target;
    private final CommandRunner runner;
    private final Map<String, Object> config;
    private final TargetFacts facts;
    private final Logger log;

    /**
     * @param dsName datasource name, for the logger ({@code DataSourceNoCloud})
     * @param config its {@code datasource.NAME} section
     */
    public EngineDatasourceContext(String dsName, Stage stage, TargetRoot target, CommandRunner runner,
            Map<String, Object> config, TargetFacts facts) {
        this.stage = stage;
        this.target = target;
        this.runner = runner;
        this.config = config == null ? Map.of() : config;
        this.facts = facts;
        this.log = LoggerFactory.getLogger("DataSource" + dsName);
    }

    @Override
    public Stage stage() {
        return stage;
    }

    @Override
    public TargetRoot target() {
        return target;
    }

    @Override
    public CommandRunner runner() {
        return runner;
    }

    @Override
    public Map<String, Object> config() {
        return config;
    }

    @Override
    public List<String> kernelCmdline() {
        return facts.cmdline();
    }

    @Override
    public List<String> devicesWithLabel(String... labels) {
        return facts.devicesWithLabel(labels);
    }

    @Override
    public Optional<byte[]> fetch(URI url, Duration timeout, int retries) throws IOException {
        return new UrlFetcher(target).fetch(url, timeout, retries, MAX_BODY);
    }

    @Override
    public Logger log() {
        return log;
    }
}
