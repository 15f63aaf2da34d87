package io.nubis.logging.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.nubis.api.logging.LogLevel;
import io.nubis.api.logging.LogRecord;

/**
 * Where every record goes: the console (stderr, WARNING and up by default), the log file
 * (DEBUG and up, created 0640), and listeners (WARNING and up). Until a log file is set, records
 * for the file are kept in a bounded buffer (oldest dropped first) and written when it is.
 * One instance per class loader; all methods are thread-safe.
 */
public final class LogSink {
    /** Records kept at most before a log file is set. */
    static final int BUFFER_MAX_RECORDS = 10_000;
    /** Characters kept at most before a log file is set. */
    static final long BUFFER_MAX_CHARS = 4L * 1024 * 1024;

    private static final LogSink INSTANCE = new LogSink();
    private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);

    private final Object lock = new Object();
    private final CopyOnWriteArrayList<Consumer<LogRecord>> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Boolean> inListener = new ThreadLocal<>();
    private final ArrayDeque<Pending> buffer = new ArrayDeque<>();
    /** Lowest level value any output takes; checked without locking. */
    private volatile int threshold;

    private LogLevel consoleLevel = LogLevel.WARNING;
    private PrintStream consoleStream;
    private LogLevel fileLevel = LogLevel.DEBUG;
    private FileChannel file;
    private Path filePath;
    private boolean buffering = true;
    private long bufferChars;
    private long dropped;
    private boolean fileErrorReported;

    LogSink() {
        recompute();
    }

    /** The sink shared by every logger of this bundle. */
    public static LogSink get() {
        return INSTANCE;
    }

    /** True if a record at this level would go anywhere. */
    public boolean enabled(LogLevel level) {
        return level.value() >= threshold;
    }

    /** Writes one record to every output that takes its level. */
    public void log(String filename, String loggerName, LogLevel level, String message, Throwable thrown) {
        if (!enabled(level)) {
            return;
        }
        long now = System.currentTimeMillis();
        String line = LineFormat.line(now, filename, level, message, thrown);
        synchronized (lock) {
            if (consoleLevel != null && level.atLeast(consoleLevel)) {
                PrintStream out = console();
                out.print(line);
                out.flush();
            }
            if (level.atLeast(fileLevel)) {
                if (file != null) {
                    writeFile(line);
                } else if (buffering) {
                    buffer(new Pending(now, level, line));
                }
            }
        }
        if (level.atLeast(LogLevel.WARNING) && !listeners.isEmpty() && inListener.get() == null) {
            LogRecord rec = new LogRecord(now, level, loggerName, String.valueOf(message), thrown);
            inListener.set(Boolean.TRUE);
            try {
                for (Consumer<LogRecord> l : listeners) {
                    try {
                        l.accept(rec);
                    } catch (RuntimeException e) {
                        // a broken listener must not break logging or the other listeners
                    }
                }
            } finally {
                inListener.remove();
            }
        }
    }

    /**
     * Sends file records to {@code path} (appending; created 0640, and an existing file loses
     * any permission for others), after writing the buffered records.
     */
    public void logFile(Path path) throws IOException {
        synchronized (lock) {
            closeFile();
            Path abs = path.toAbsolutePath();
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            FileChannel ch = open(abs);
            file = ch;
            filePath = abs;
            buffering = false;
            fileErrorReported = false;
            if (dropped > 0 && !buffer.isEmpty()) {
                Pending first = buffer.peekFirst();
                writeFile(LineFormat.line(first.time, "logging", LogLevel.WARNING, dropped
                        + " earlier log records were dropped (start-up buffer full)", null));
            }
            for (Pending p : buffer) {
                if (p.level.atLeast(fileLevel)) {
                    writeFile(p.line);
                }
            }
            clearBuffer();
            recompute();
        }
    }

    /** The current log file, or null. */
    public Path logFile() {
        synchronized (lock) {
            return filePath;
        }
    }

    /** No log file for this process: drops the buffer and stops buffering. */
    public void noFile() {
        synchronized (lock) {
            closeFile();
            buffering = false;
            clearBuffer();
            recompute();
        }
    }

    /** Console threshold; null turns the console off. */
    public void consoleLevel(LogLevel level) {
        synchronized (lock) {
            consoleLevel = level;
            recompute();
        }
    }

    /** Console stream; null means the current {@code System.err}. */
    public void consoleStream(PrintStream stream) {
        synchronized (lock) {
            consoleStream = stream;
        }
    }

    /** Lowest level written to the log file (and kept in the buffer). */
    public void fileLevel(LogLevel level) {
        if (level == null) {
            throw new IllegalArgumentException("file level must not be null");
        }
        synchronized (lock) {
            fileLevel = level;
            recompute();
        }
    }

    /** Adds a listener for records at WARNING and above. */
    public void addListener(Consumer<LogRecord> listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        synchronized (lock) {
            listeners.addIfAbsent(listener);
            recompute();
        }
    }

    /** Removes a listener. */
    public void removeListener(Consumer<LogRecord> listener) {
        synchronized (lock) {
            listeners.remove(listener);
            recompute();
        }
    }

    /** Flushes the console and forces the log file's content to disk. */
    public void flush() {
        synchronized (lock) {
            console().flush();
            if (file != null) {
                try {
                    file.force(false);
                } catch (IOException e) {
                    reportFileError(e);
                }
            }
        }
    }

    /** Closes the log file; later records are buffered again until a file is set. */
    public void close() {
        synchronized (lock) {
            if (file != null) {
                try {
                    file.force(false);
                } catch (IOException e) {
                    reportFileError(e);
                }
            }
            closeFile();
            buffering = true;
            recompute();
        }
    }

    private PrintStream console() {
        return consoleStream != null ? consoleStream : System.err;
    }

    private static FileChannel open(Path path) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, APPEND, PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.GROUP_READ)));
        } catch (UnsupportedOperationException e) {
            ch = FileChannel.open(path, APPEND);
        }
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            if (view != null) {
                Set<PosixFilePermission> perms = view.readAttributes().permissions();
                if (perms.removeAll(EnumSet.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                        PosixFilePermission.OTHERS_EXECUTE))) {
                    view.setPermissions(perms);
                }
            }
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return ch;
    }

    private void writeFile(String line) {
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
        } catch (IOException e) {
            reportFileError(e);
        }
    }

    private void reportFileError(IOException e) {
        if (!fileErrorReported) {
            fileErrorReported = true;
            console().println("nubis: cannot write log file " + filePath + ": " + e);
        }
    }

    private void buffer(Pending p) {
        buffer.addLast(p);
        bufferChars += p.line.length();
        while (buffer.size() > BUFFER_MAX_RECORDS || bufferChars > BUFFER_MAX_CHARS) {
            Pending old = buffer.removeFirst();
            bufferChars -= old.line.length();
            dropped++;
        }
    }

    private void clearBuffer() {
        buffer.clear();
        bufferChars = 0;
        dropped = 0;
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                reportFileError(e);
            }
            file = null;
            filePath = null;
        }
    }

    private void recompute() {
        int t = Integer.MAX_VALUE;
        if (consoleLevel != null) {
            t = consoleLevel.value();
        }
        if (file != null || buffering) {
            t = Math.min(t, fileLevel.value());
        }
        if (!listeners.isEmpty()) {
            t = Math.min(t, LogLevel.WARNING.value());
        }
        threshold = t;
    }

    /** A record waiting for the log file. */
    private static final class Pending {
        final long time;
        final LogLevel level;
        final String line;

        Pending(long time, LogLevel level, String line) {
            this.time = time;
            this.level = level;
            this.line = line;
        }
    }
}
