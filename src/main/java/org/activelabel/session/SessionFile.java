package org.activelabel.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The content of session.json, immutable; every change makes a new one that is written before it is used.
 *
 * @param nextClassId the id the next new class gets; ids of merged classes are never given again
 */
record SessionFile(String name, Path imageRoot, List<SessionClass> classes, int nextClassId,
                   SessionSettings settings, String backboneId, Instant createdAt) {

    static final String FILE_NAME = "session.json";
    static final int SCHEMA_VERSION = 1;

    SessionFile {
        classes = List.copyOf(classes);
    }

    /** Checks what a person can get wrong by hand or by typing; the message starts with {@code where}. */
    void validate(String where) {
        if (name == null || name.isBlank()) {
            throw new SessionException(where + ": the session name is empty");
        }
        Set<Integer> ids = new HashSet<>();
        Map<String, String> names = new HashMap<>();
        for (SessionClass c : classes) {
            if (c.name() == null || c.name().isBlank()) {
                throw new SessionException(where + ": class " + c.id() + " has an empty name");
            }
            if (c.id() < 0 || c.id() >= nextClassId) {
                throw new SessionException(where + ": class \"" + c.name() + "\" has id " + c.id()
                        + ", outside 0.." + (nextClassId - 1) + " (nextClassId " + nextClassId + ")");
            }
            if (!ids.add(c.id())) {
                throw new SessionException(where + ": class id " + c.id() + " is used twice");
            }
            String previous = names.put(nameKey(c.name()), c.name());
            if (previous != null) {
                throw new SessionException(where + ": duplicate class name \"" + c.name() + "\""
                        + (previous.equals(c.name()) ? "" : " (same as \"" + previous + "\")"));
            }
        }
    }

    /** Class names are compared ignoring case and outer spaces: "Cat" and "cat " are the same class to a person. */
    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    boolean hasClass(int id) {
        return classes.stream().anyMatch(c -> c.id() == id);
    }

    byte[] toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("name", name);
        root.put("imageRoot", imageRoot.toString());
        ArrayNode classArray = root.putArray("classes");
        for (SessionClass c : classes) {
            classArray.addObject().put("id", c.id()).put("name", c.name());
        }
        root.put("nextClassId", nextClassId);
        root.putObject("settings")
                .put("strategy", settings.strategy())
                .put("batchSize", settings.batchSize())
                .put("autoUpdate", settings.autoUpdate());
        root.put("backboneId", backboneId);
        root.put("createdAt", createdAt.toString());
        try {
            byte[] text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            byte[] withNewline = new byte[text.length + 1];
            System.arraycopy(text, 0, withNewline, 0, text.length);
            withNewline[text.length] = '\n';
            return withNewline;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode session.json", e);
        }
    }

    static SessionFile read(Path file) {
        SessionFiles.requireRegularFileOrAbsent(file);
        byte[] bytes;
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new SessionException("no session at " + file.getParent() + ": " + file.getFileName() + " is missing");
        } catch (IOException e) {
            throw new SessionException("cannot read " + file + ": " + SessionFiles.reason(e), e);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SessionException(file + ": " + Json.describe(e), e);
        } catch (IOException e) {
            throw new SessionException("cannot read " + file + ": " + SessionFiles.reason(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new SessionException(file + ": expected a JSON object");
        }
        try {
            return parse(file, root);
        } catch (Json.FieldException | IllegalArgumentException e) {
            throw new SessionException(file + ": " + e.getMessage(), e);
        }
    }

    private static SessionFile parse(Path file, JsonNode root) {
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.intValue() != SCHEMA_VERSION) {
            throw new SessionException(file + ": unsupported schemaVersion " + version
                    + " (this version of ActiveLabel reads schemaVersion " + SCHEMA_VERSION + ")");
        }
        String imageRootText = Json.text(root, "imageRoot");
        Path imageRoot;
        try {
            imageRoot = Path.of(imageRootText);
        } catch (InvalidPathException e) {
            throw new Json.FieldException("\"imageRoot\" is not a valid path: \"" + imageRootText + "\"");
        }
        if (!imageRoot.isAbsolute()) {
            throw new Json.FieldException("\"imageRoot\" must be an absolute path, found \"" + imageRootText + "\"");
        }
        JsonNode classArray = Json.required(root, "classes");
        if (!classArray.isArray()) {
            throw new Json.FieldException("\"classes\" must be a list of {\"id\", \"name\"}");
        }
        List<SessionClass> classes = new ArrayList<>();
        int maxId = -1;
        for (int i = 0; i < classArray.size(); i++) {
            JsonNode c = classArray.get(i);
            if (!c.isObject()) {
                throw new Json.FieldException("classes[" + i + "] must be an object {\"id\", \"name\"}, found " + c);
            }
            try {
                var sessionClass = new SessionClass(Json.integer(c, "id"), Json.text(c, "name"));
                classes.add(sessionClass);
                maxId = Math.max(maxId, sessionClass.id());
            } catch (Json.FieldException e) {
                throw new Json.FieldException("classes[" + i + "]: " + e.getMessage());
            }
        }
        // Older hand-made files may lack it; the highest id in use is then the best we know.
        int nextClassId = root.has("nextClassId") ? Json.integer(root, "nextClassId") : maxId + 1;
        SessionSettings settings = SessionSettings.defaults();
        JsonNode settingsNode = root.get("settings");
        if (settingsNode != null && !settingsNode.isNull()) {
            if (!settingsNode.isObject()) {
                throw new Json.FieldException("\"settings\" must be an object");
            }
            try {
                settings = new SessionSettings(
                        settingsNode.has("strategy") ? Json.text(settingsNode, "strategy") : settings.strategy(),
                        settingsNode.has("batchSize") ? Json.integer(settingsNode, "batchSize") : settings.batchSize(),
                        settingsNode.has("autoUpdate") ? Json.bool(settingsNode, "autoUpdate") : settings.autoUpdate());
            } catch (Json.FieldException | IllegalArgumentException e) {
                throw new Json.FieldException("settings: " + e.getMessage());
            }
        }
        var sessionFile = new SessionFile(Json.text(root, "name"), imageRoot, classes, nextClassId, settings,
                Json.text(root, "backboneId"), Json.instant(root, "createdAt"));
        sessionFile.validate(file.toString());
        return sessionFile;
    }
}
