package org.activelabel.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * recent.json in the data folder ({@link DataFolder}): session folders opened lately, most recent first, at most
 * {@link #MAX}. Folders that no longer hold a session are skipped. A damaged list is set aside, never silently
 * overwritten. Each change reads, merges and replaces the file atomically under a lock (recent.json.lock), so
 * processes adding at the same time lose none of each other's entries.
 */
public final class RecentSessions {

    public static final int MAX = 10;
    static final String FILE_NAME = "recent.json";
    static final String LOCK_NAME = "recent.json.lock";
    /** One monitor per file in this JVM: the operating system's lock is per process, not per thread. */
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private static final Logger log = LoggerFactory.getLogger(RecentSessions.class);

    private final Path file;

    public RecentSessions(Path sessionsRoot) {
        this.file = sessionsRoot.toAbsolutePath().resolve(FILE_NAME);
    }

    /** Existing session folders, most recently opened first. */
    public synchronized List<Path> list() {
        try {
            return existing(read());
        } catch (SessionException e) {
            log.warn("{}", e.getMessage());
            return List.of();
        }
    }

    public Optional<Path> lastOpened() {
        return list().stream().findFirst();
    }

    /**
     * Puts {@code sessionDir} first, keeping what other processes added meanwhile.
     *
     * @throws SessionException naming the file when the list cannot be written; callers that only remember
     *                          the session for convenience warn and go on
     */
    public void add(Path sessionDir) {
        Path added = sessionDir.toAbsolutePath().normalize();
        synchronized (MONITORS.computeIfAbsent(file, f -> new Object())) {
            Path lockFile = file.resolveSibling(LOCK_NAME);
            try {
                Files.createDirectories(file.getParent());
                SessionFiles.requireRegularFileOrAbsent(lockFile);
                SessionFiles.requireRegularFileOrAbsent(file);
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
                     FileLock ignored = channel.lock()) {
                    List<Path> previous;
                    try {
                        previous = read();
                    } catch (DamagedFileException e) {
                        setAside(e);
                        previous = List.of();
                    }
                    List<Path> paths = new ArrayList<>();
                    paths.add(added);
                    for (Path path : existing(previous)) {
                        if (!path.equals(added) && paths.size() < MAX) {
                            paths.add(path);
                        }
                    }
                    write(paths);
                }
            } catch (IOException e) {
                throw new SessionException("cannot update the list of recent sessions " + file + ": "
                        + SessionFiles.reason(e), e);
            }
        }
    }

    private List<Path> read() {
        byte[] bytes;
        SessionFiles.requireRegularFileOrAbsent(file);
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new SessionException("cannot read " + file + ": " + SessionFiles.reason(e), e);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new DamagedFileException(file + ": " + (e instanceof JsonProcessingException j
                    ? Json.describe(j) : e.getMessage()));
        }
        JsonNode sessions = root == null ? null : root.get("sessions");
        if (sessions == null || !sessions.isArray()) {
            throw new DamagedFileException(file + ": expected {\"sessions\": [folder, ...]}");
        }
        List<Path> paths = new ArrayList<>();
        for (JsonNode entry : sessions) {
            if (!entry.isTextual()) {
                throw new DamagedFileException(file + ": every entry of \"sessions\" must be a folder path, found " + entry);
            }
            try {
                paths.add(Path.of(entry.asText()));
            } catch (InvalidPathException e) {
                log.warn("{}: skipping invalid path \"{}\"", file, entry.asText());
            }
        }
        return paths;
    }

    private static List<Path> existing(List<Path> paths) {
        return paths.stream().filter(p -> Files.isRegularFile(p.resolve(SessionFile.FILE_NAME))).toList();
    }

    private void setAside(DamagedFileException problem) {
        Path aside = file.resolveSibling(FILE_NAME + ".broken-" + Instant.now().toEpochMilli());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            log.warn("{}; kept it as {} and started a new list", problem.getMessage(), aside);
        } catch (IOException e) {
            throw new SessionException("cannot set aside the damaged " + file + ": " + SessionFiles.reason(e), e);
        }
    }

    private void write(List<Path> paths) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode sessions = root.putArray("sessions");
        paths.forEach(p -> sessions.add(p.toString()));
        AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
