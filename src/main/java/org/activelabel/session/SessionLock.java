package org.activelabel.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * session.lock: one process at a time writes a session. The operating system's file lock does the excluding;
 * the owner's PID, host and start time in the file let a refusal say who holds it and let a lock left by a
 * dead process be taken over. The file is emptied, not deleted, on release: deleting would let two openers
 * lock two different files of the same name.
 */
public final class SessionLock implements AutoCloseable {

    static final String FILE_NAME = "session.lock";

    private static final Logger log = LoggerFactory.getLogger(SessionLock.class);
    private static final String HOST = findHost();
    private static final java.time.Duration PID_REUSE_MARGIN = java.time.Duration.ofSeconds(2);

    /** Who holds a lock, as written in the file. */
    record Owner(long pid, String host, Instant since) {

        static Owner current() {
            return new Owner(ProcessHandle.current().pid(), HOST, Instant.now());
        }

        boolean isThisHost() {
            return HOST.equals(host);
        }

        /**
         * True when a process with this PID runs and may be the one that took the lock: a process that started
         * after the lock was taken got the PID by reuse and is not the owner.
         */
        boolean isAlive() {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty()) {
                return false;
            }
            Optional<Instant> started = process.get().info().startInstant();
            // start times are coarse (clock ticks) and the clock may be set: only a clear gap counts
            return started.isEmpty() || !started.get().isAfter(since.plus(PID_REUSE_MARGIN));
        }

        String describe() {
            return "process " + pid + (isThisHost() ? "" : " on " + host) + " since " + since;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private SessionLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the session in {@code dir}, or explains who holds it. */
    public static SessionLock acquire(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        String session = "session \"" + dir.getFileName() + "\" (" + dir.toAbsolutePath() + ")";
        SessionFiles.requireRegularFileOrAbsent(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new SessionException("cannot open " + file + ": " + SessionFiles.reason(e), e);
        }
        try {
            SessionFiles.requireRegularFileOrAbsent(file);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process
            }
            if (lock == null) {
                throw new SessionException(session + " is open in " + readOwner(channel)
                        .map(Owner::describe).orElse("another process") + "; close it there first");
            }
            Optional<Owner> previous = readOwner(channel);
            if (previous.isPresent()) {
                Owner owner = previous.get();
                boolean ours = owner.isThisHost() && owner.pid() == ProcessHandle.current().pid();
                if (!ours && (!owner.isThisHost() || owner.isAlive())) {
                    // The OS lock is free, yet the recorded owner may still be running (network drive, PID reuse):
                    // two writers would corrupt the journal, so let a person decide.
                    lock.release();
                    throw new SessionException(session + " is open in " + owner.describe()
                            + "; if that process is not ActiveLabel any more, delete " + file);
                }
                log.warn("{}: taking over a stale lock left by {}, which no longer runs{}", file, owner.describe(),
                        ProcessHandle.of(owner.pid()).isPresent() ? " (its PID now belongs to a later process)" : "");
            }
            writeOwner(channel, Owner.current());
            return new SessionLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SessionException("cannot lock " + file + ": " + SessionFiles.reason(e), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static Optional<Owner> readOwner(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || size > 4096) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // keep reading until full
        }
        try {
            JsonNode node = Json.MAPPER.readTree(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
            return Optional.of(new Owner(Json.longInteger(node, "pid"), Json.text(node, "host"), Json.instant(node, "since")));
        } catch (IOException | RuntimeException e) {
            log.warn("unreadable lock record ({}), treating it as stale", e.getMessage());
            return Optional.empty();
        }
    }

    private static void writeOwner(FileChannel channel, Owner owner) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode()
                .put("pid", owner.pid())
                .put("host", owner.host())
                .put("since", owner.since().toString());
        byte[] bytes = (node + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        AtomicFiles.writeFully(channel, ByteBuffer.wrap(bytes), 0);
        channel.force(true);
    }

    /** Package-private so tests can write a lock record that looks like another process's on this host. */
    static byte[] ownerRecord(long pid, Instant since) {
        return (Json.MAPPER.createObjectNode().put("pid", pid).put("host", HOST).put("since", since.toString()) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            channel.force(true);
            lock.release();
        } catch (IOException e) {
            log.warn("releasing {}: {}", file, e.toString());
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("closing lock file: {}", e.toString());
        }
    }

    private static String findHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
