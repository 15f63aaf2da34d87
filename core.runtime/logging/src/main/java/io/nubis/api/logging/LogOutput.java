package io.nubis.api.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import io.nubis.logging.internal.LogSink;

/**
 * Configures where SLF4J records go, in the reference format
 * {@code 2024-01-31 12:00:00,123 - Name[LEVEL]: message} (UTC).
 * <ul>
 * <li>Console: records at {@link LogLevel#WARNING} and above go to stderr, from the start.</li>
 * <li>Log file: records at {@link LogLevel#DEBUG} and above. Until {@link #logFile(Path)} is
 * called they are kept in a bounded buffer (oldest dropped first) and written then.</li>
 * <li>Listeners: receive every record at {@link LogLevel#WARNING} and above (the engine
 * collects them as {@code status.json} {@code recoverable_errors}).</li>
 * </ul>
 * All methods are thread-safe and cheap; records logged from a listener do not reach listeners.
 */
public final class LogOutput {
    private LogOutput() {
    }

    /**
     * Appends file records to {@code file} from now on, after the buffered ones. A new file is
     * created 0640; an existing one loses any permission for others. Parent directories are
     * created. Replaces any previous log file.
     */
    public static void logFile(Path file) throws IOException {
        LogSink.get().logFile(file);
    }

    /** The current log file, if one is set. */
    public static Optional<Path> currentLogFile() {
        return Optional.ofNullable(LogSink.get().logFile());
    }

    /** This process writes no log file: drops the buffered records and stops buffering. */
    public static void noFile() {
        LogSink.get().noFile();
    }

    /** Console threshold (default {@link LogLevel#WARNING}); null turns the console off. */
    public static void consoleLevel(LogLevel threshold) {
        LogSink.get().consoleLevel(threshold);
    }

    /** Console stream; null (the default) means the current {@code System.err}. */
    public static void consoleStream(PrintStream stream) {
        LogSink.get().consoleStream(stream);
    }

    /** Lowest level written to the log file (default {@link LogLevel#DEBUG}). */
    public static void fileLevel(LogLevel minimum) {
        LogSink.get().fileLevel(minimum);
    }

    /** Registers a listener for records at {@link LogLevel#WARNING} and above; exceptions it throws are ignored. */
    public static void addListener(Consumer<LogRecord> listener) {
        LogSink.get().addListener(listener);
    }

    /** Removes a listener. */
    public static void removeListener(Consumer<LogRecord> listener) {
        LogSink.get().removeListener(listener);
    }

    /** Flushes the console and forces the log file to disk. */
    public static void flush() {
        LogSink.get().flush();
    }

    /** Closes the log file; records are buffered again until the next {@link #logFile(Path)}. */
    public static void close() {
        LogSink.get().close();
    }
}
