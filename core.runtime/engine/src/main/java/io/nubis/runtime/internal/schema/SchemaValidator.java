package io.nubis.runtime.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;

/**
 * Validates cloud-config and network-config documents: the engine's core keys
 * ({@code schema/core.json}) plus every module's schema fragment, with top-level
 * {@code additionalProperties: false} as the reference. Errors and deprecations come back apart.
 *
 * <p>This class refers to neither the JSON-Schema library nor Jackson: they are loaded on the first
 * validation only (the schema is built once per validator, then reused).
 */
public final class SchemaValidator {
    /** The system-config setting that makes schema errors fatal at boot: {@code nubis: {schema_errors: fatal}}. */
    public static final String FATAL_SETTING = "schema_errors";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaValidator.class);

    private final List<SchemaFragment> fragments;
    private final List<String> warnings = new ArrayList<>();
    private JsonSchemaEngine cloudConfig;
    private JsonSchemaEngine networkConfig;
    private JsonSchemaEngine networkConfigV2;

    /** A validator for the core keys and these module fragments. */
    public SchemaValidator(List<SchemaFragment> fragments) {
        this.fragments = List.copyOf(fragments);
    }

    /**
     * Validates a document.
     *
     * @param document plain data from the YAML loader (normally a mapping)
     * @throws SchemaUnavailableException if the assembly lacks the JSON-Schema library
     */
    public synchronized SchemaReport validate(Object document, SchemaType type) {
        try {
            if (type == SchemaType.NETWORK_CONFIG && networkVersion(document) == 2) {
                if (networkConfigV2 == null) {
                    networkConfigV2 = JsonSchemaEngine.networkConfig("network-config-v2.json");
                }
                return networkConfigV2.validate(document);
            }
            return engine(type).validate(document);
        } catch (LinkageError e) {
            throw new SchemaUnavailableException(e);
        }
    }

    /** The {@code version} of a network config, with or without its {@code network:} wrapper; 0 if none. */
    public static int networkVersion(Object document) {
        Object net = document instanceof java.util.Map<?, ?> m && m.get("network") instanceof java.util.Map<?, ?> inner
                ? inner : document;
        return net instanceof java.util.Map<?, ?> m && m.get("version") instanceof Number n && !(n instanceof Double)
                && (n.longValue() == 1 || n.longValue() == 2) ? n.intValue() : 0;
    }

    /** Problems found while combining the module fragments (each is also logged once). */
    public synchronized List<String> fragmentWarnings() {
        try {
            engine(SchemaType.CLOUD_CONFIG);
        } catch (LinkageError e) {
            throw new SchemaUnavailableException(e);
        }
        return List.copyOf(warnings);
    }

    private JsonSchemaEngine engine(SchemaType type) {
        if (type == SchemaType.NETWORK_CONFIG) {
            if (networkConfig == null) {
                networkConfig = JsonSchemaEngine.networkConfig("network-config-v1.json");
            }
            return networkConfig;
        }
        if (cloudConfig == null) {
            cloudConfig = JsonSchemaEngine.cloudConfig(fragments, w -> {
                warnings.add(w);
                LOG.warn(w);
            });
        }
        return cloudConfig;
    }

    /**
     * The result of validating the instance's cloud-config at boot.
     *
     * @param report the findings
     * @param fatal  true if there are errors and the image makes them fatal
     */
    public record BootValidation(SchemaReport report, boolean fatal) {
    }

    /**
     * Validates the merged cloud-config of the instance, as the reference does at the start of the
     * network stage: deprecations are logged at DEPRECATED level with their key paths; errors are
     * logged as one WARNING without details (user-data may hold secrets) telling the operator to run
     * {@code schema --system}. With {@code nubis: {schema_errors: fatal}} in the system config,
     * errors are fatal: they are logged at ERROR and {@link BootValidation#fatal()} is true, and the
     * stage engine stops before running modules.
     *
     * @param cloudConfig  the merged cloud-config (system config, vendor-data, user-data)
     * @param systemConfig the system config of the image (where the fatal setting is read)
     */
    public BootValidation validateAtBoot(Map<String, Object> cloudConfig, Map<String, Object> systemConfig) {
        return validateAtBoot(cloudConfig, systemConfig, null);
    }

    /**
     * As {@link #validateAtBoot(Map, Map)}, reusing the verdict in {@code cache} when the config,
     * the fragments and the validator are those it was made for, and recording a fresh one.
     *
     * @param cache where the last verdict is kept, or null to always validate
     */
    public BootValidation validateAtBoot(Map<String, Object> cloudConfig, Map<String, Object> systemConfig,
            SchemaVerdictCache cache) {
        String digest = cache == null ? null
                : SchemaVerdictCache.digest(cloudConfig, fragments, SchemaVerdictCache.validatorIdentity());
        SchemaReport report = digest == null ? null : cache.lookup(digest).orElse(null);
        if (report != null) {
            LOG.debug("Schema verdict reused: the cloud-config and the schema are those of the last validation");
        } else {
            try {
                report = validate(cloudConfig, SchemaType.CLOUD_CONFIG);
            } catch (SchemaUnavailableException e) {
                LOG.debug("Ignoring schema validation: {}", e.getMessage());
                return new BootValidation(new SchemaReport(List.of(), List.of()), false);
            }
            // a verdict made with broken fragments is not kept: their warnings are logged at every boot
            if (cache != null && fragmentWarnings().isEmpty()) {
                cache.store(digest, report);
            }
        }
        boolean fatal = report.hasErrors() && errorsAreFatal(systemConfig);
        if (!report.deprecations().isEmpty()) {
            LOG.warn(MarkerFactory.getMarker("DEPRECATED"),
                    SchemaReport.join(report.deprecations(), "Deprecated cloud-config provided:\n", "\n"));
        }
        if (report.hasErrors()) {
            String msg = "Invalid cloud-config provided: Please run 'sudo cloud-init schema --system' to see the schema"
                    + " errors.";
            if (fatal) {
                LOG.error(msg + " Schema errors are fatal on this image (nubis: {schema_errors: fatal}).");
            } else {
                LOG.warn(msg);
            }
        }
        return new BootValidation(report, fatal);
    }

    /** True if the system config sets {@code nubis: {schema_errors: fatal}}. */
    public static boolean errorsAreFatal(Map<String, Object> systemConfig) {
        return systemConfig != null && systemConfig.get("nubis") instanceof Map<?, ?> n
                && "fatal".equals(n.get(FATAL_SETTING));
    }
}
