package io.nubis.api.logging;

import org.slf4j.Marker;
import org.slf4j.helpers.BasicMarkerFactory;

/**
 * SLF4J markers for the reference's levels that SLF4J lacks: {@code log.warn(DEPRECATED, ...)}
 * is written as {@code DEPRECATED}, {@code log.error(CRITICAL, ...)} as {@code CRITICAL}. Markers
 * are matched by name, so {@code MarkerFactory.getMarker("CRITICAL")} works as well.
 */
public final class LogMarkers {
    /** Name of {@link #CRITICAL}. */
    public static final String CRITICAL_NAME = "CRITICAL";
    /** Name of {@link #DEPRECATED}. */
    public static final String DEPRECATED_NAME = "DEPRECATED";

    private static final BasicMarkerFactory FACTORY = new BasicMarkerFactory();

    /** Raises an {@code error} record to {@link LogLevel#CRITICAL}. */
    public static final Marker CRITICAL = FACTORY.getDetachedMarker(CRITICAL_NAME);
    /** Turns a {@code warn} record into {@link LogLevel#DEPRECATED}. */
    public static final Marker DEPRECATED = FACTORY.getDetachedMarker(DEPRECATED_NAME);

    private LogMarkers() {
    }
}
