package io.nubis.api.logging;

/**
 * One log record as delivered to listeners.
 *
 * @param timeMillis milliseconds since the epoch
 * @param level      the level
 * @param loggerName the SLF4J logger name
 * @param message    the message with its arguments filled in (no stack trace)
 * @param thrown     the attached throwable, or null
 */
public record LogRecord(long timeMillis, LogLevel level, String loggerName, String message, Throwable thrown) {
}
