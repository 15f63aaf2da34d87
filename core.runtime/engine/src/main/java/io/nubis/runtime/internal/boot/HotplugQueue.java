package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/**
 * The hotplug queue {@code <run>/hotplug.queue} that the udev, mdev and devd hook appends to, one
 * event per line: {@code <action> <subsystem> <devpath> <interface>} ({@code -} for an unknown
 * devpath or interface). The hook and the drainer change the file only while holding
 * {@code hotplug.queue.lock}, a file created exclusively (the hook's {@code set -C}) and held for
 * moments, so the drainer removes exactly the lines it handled and keeps those appended meanwhile.
 * One drainer at a time holds a lock on {@code hotplug.queue.drainer}.
 */
final class HotplugQueue {
    /** A lock file older than this was left by a killed holder (holders keep it for milliseconds). */
    static final long STALE_MILLIS = 10_000;
    /** How long to wait for the queue lock before giving up. */
    static final long WAIT_MILLIS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger("hotplug_hook");
    private static final List<String> ACTIONS = List.of("add", "remove");
    private static final Pattern SUBSYSTEM = Pattern.compile("[a-z0-9_]+");
    private static final Pattern DEVPATH = Pattern.compile("/[A-Za-z0-9_.:/@-]*");
    private static final Pattern IFACE = Pattern.compile("[A-Za-z0-9_.:@-]+");

    /** One event; {@code iface} is null when the hook did not know it. */
    record Event(String action, String subsystem, String devpath, String iface) {
    }

    /** A line of the queue: its number and the event, or what is wrong with it. */
    record Line(int number, Event event, String problem) {
    }

    /** What one read of the queue held: its bytes (to remove them later) and its lines. */
    record Batch(byte[] raw, List<Line> lines) {
    }

    private final TargetRoot target;
    private final String path;

    /** @param runDir the run directory ({@code /run/cloud-init}) */
    HotplugQueue(TargetRoot target, String runDir) {
        this.target = target;
        this.path = runDir + "/hotplug.queue";
    }

    /** The queue's path in the target. */
    String path() {
        return path;
    }

    /**
     * The drainer lock, if no other drainer holds it; closing it releases it. The lock goes with
     * the process, so a killed drainer leaves nothing behind.
     */
    Optional<AutoCloseable> drainer() throws IOException {
        Path p = target.resolve(path + ".drainer");
        Files.createDirectories(p.getParent());
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = ch.tryLock();
        if (lock == null) {
            ch.close();
            return Optional.empty();
        }
        return Optional.of(() -> {
            lock.release();
            ch.close();
        });
    }

    /** Reads the queue (empty if there is none). */
    Batch read() throws IOException {
        byte[] raw = locked(() -> target.exists(path) ? target.read(path) : new byte[0]);
        List<Line> lines = new ArrayList<>();
        String text = new String(raw, StandardCharsets.UTF_8);
        String[] parts = text.split("\n", -1);
        int count = text.isEmpty() ? 0 : text.endsWith("\n") ? parts.length - 1 : parts.length;
        for (int i = 0; i < count; i++) {
            lines.add(parse(i + 1, parts[i]));
        }
        return new Batch(raw, lines);
    }

    /** Removes what {@code done} read from the front of the queue, keeping lines appended since. */
    void remove(Batch done) throws IOException {
        locked(() -> {
            byte[] now = target.exists(path) ? target.read(path) : new byte[0];
            int n = done.raw().length;
            if (now.length < n || !Arrays.equals(now, 0, n, done.raw(), 0, n)) {
                throw new IOException(path + " was rewritten while its events were handled; its lines are left"
                        + " in it and may be handled again");
            }
            if (now.length == n) {
                target.delete(path);
            } else {
                target.write(path, Arrays.copyOfRange(now, n, now.length), FileAttributes.PUBLIC);
            }
            return null;
        });
    }

    static Line parse(int number, String line) {
        String[] f = line.split(" ", -1);
        if (f.length != 4) {
            return new Line(number, null, "expected '<action> <subsystem> <devpath> <interface>', got " + f.length
                    + " field(s)");
        }
        if (!ACTIONS.contains(f[0])) {
            return new Line(number, null, "unknown action '" + f[0] + "' (add or remove)");
        }
        if (!SUBSYSTEM.matcher(f[1]).matches()) {
            return new Line(number, null, "bad subsystem '" + f[1] + "'");
        }
        if (!DEVPATH.matcher(f[2]).matches()) {
            return new Line(number, null, f[2].equals("-") ? "no devpath" : "bad devpath '" + f[2] + "'");
        }
        if (!f[3].equals("-") && !IFACE.matcher(f[3]).matches()) {
            return new Line(number, null, "bad interface '" + f[3] + "'");
        }
        return new Line(number, new Event(f[0], f[1], f[2], f[3].equals("-") ? null : f[3]), null);
    }

    /** Work done while holding the queue lock. */
    @FunctionalInterface
    interface Locked<T> {
        T run() throws IOException;
    }

    private <T> T locked(Locked<T> work) throws IOException {
        Path lock = target.resolve(path + ".lock");
        Files.createDirectories(lock.getParent());
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            try {
                Files.write(lock, (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                break;
            } catch (FileAlreadyExistsException e) {
                breakIfStale(lock);
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("cannot lock " + path + ": " + lock + " is held (by pid "
                            + holder(lock) + ")");
                }
                sleep();
            }
        }
        try {
            return work.run();
        } finally {
            Files.deleteIfExists(lock);
        }
    }

    private static void breakIfStale(Path lock) throws IOException {
        try {
            long age = System.currentTimeMillis() - Files.getLastModifiedTime(lock).toMillis();
            if (age > STALE_MILLIS) {
                LOG.warn("Removing the stale lock {} (pid {}, {} s old)", lock, holder(lock), age / 1000);
                Files.deleteIfExists(lock);
            }
        } catch (NoSuchFileException e) {
            // released meanwhile
        }
    }

    private static String holder(Path lock) {
        try {
            return Files.readString(lock, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the hotplug queue lock", e);
        }
    }
}
