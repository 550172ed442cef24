package org.activelabel.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * recent.json in the sessions folder: session folders opened lately, most recent first, at most {@link #MAX}.
 * Folders that no longer hold a session are skipped. A damaged list is set aside, never silently overwritten.
 */
public final class RecentSessions {

    public static final int MAX = 10;
    static final String FILE_NAME = "recent.json";

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

    /** Puts {@code sessionDir} first. */
    public synchronized void add(Path sessionDir) {
        Path added = sessionDir.toAbsolutePath().normalize();
        List<Path> previous;
        try {
            previous = read();
        } catch (SessionException e) {
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

    private List<Path> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new SessionException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new SessionException(file + ": " + (e instanceof JsonProcessingException j
                    ? Json.describe(j) : e.getMessage()), e);
        }
        JsonNode sessions = root == null ? null : root.get("sessions");
        if (sessions == null || !sessions.isArray()) {
            throw new SessionException(file + ": expected {\"sessions\": [folder, ...]}");
        }
        List<Path> paths = new ArrayList<>();
        for (JsonNode entry : sessions) {
            if (!entry.isTextual()) {
                throw new SessionException(file + ": every entry of \"sessions\" must be a folder path, found " + entry);
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

    private void setAside(SessionException problem) {
        Path aside = file.resolveSibling(FILE_NAME + ".broken-" + Instant.now().toEpochMilli());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            log.warn("{}; kept it as {} and started a new list", problem.getMessage(), aside);
        } catch (IOException e) {
            throw new SessionException("cannot set aside the damaged " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(List<Path> paths) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode sessions = root.putArray("sessions");
        paths.forEach(p -> sessions.add(p.toString()));
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new SessionException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
