package org.activelabel.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {

    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    @TempDir
    Path temp;
    Path images;
    Path dir;

    @BeforeEach
    void makeImageFolder() throws IOException {
        images = Files.createDirectories(temp.resolve("images"));
        dir = temp.resolve("sessions").resolve("cats");
    }

    private Session createCatsAndDogs() {
        return Session.create(dir, "cats", images, List.of("cat", "dog"), "resnet18-v1");
    }

    @Test
    void aCreatedSessionReopensWithEverythingItWasGiven() {
        try (Session session = createCatsAndDogs()) {
            session.updateSettings(new SessionSettings("entropy", 20, false));
        }
        try (Session session = Session.open(dir)) {
            assertEquals("cats", session.name());
            assertEquals(images.toAbsolutePath(), session.imageRoot());
            assertEquals(List.of(new SessionClass(0, "cat"), new SessionClass(1, "dog")), session.classes());
            assertEquals(new SessionSettings("entropy", 20, false), session.settings());
            assertEquals("resnet18-v1", session.backboneId());
            assertTrue(Files.isDirectory(session.modelsDir()));
            assertTrue(Files.isDirectory(session.featuresDir()));
            assertTrue(session.currentLabels().isEmpty());
        }
    }

    @Test
    void newSessionsStartWithDefaultSettings() {
        try (Session session = createCatsAndDogs()) {
            assertEquals(new SessionSettings("default", 10, true), session.settings());
        }
    }

    @Test
    void creatingOverAnExistingSessionIsRefused() {
        createCatsAndDogs().close();
        var e = assertThrows(SessionException.class, this::createCatsAndDogs);
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    void labelsAreReplayedInOrderOnReopen() {
        try (Session session = createCatsAndDogs()) {
            session.appendLabels(List.of(
                    LabelEvent.label("a.png", 0, LabelSource.HUMAN, T0),
                    LabelEvent.label("b/c.png", 1, LabelSource.MODEL, T0.plusSeconds(1)),
                    LabelEvent.label("d.png", 1, LabelSource.HUMAN, T0.plusSeconds(2))));
            session.appendLabels(List.of(
                    LabelEvent.label("a.png", 1, LabelSource.HUMAN, T0.plusSeconds(3)),
                    LabelEvent.unlabel("d.png", LabelSource.HUMAN, T0.plusSeconds(4))));
        }
        try (Session session = Session.open(dir)) {
            assertEquals(Map.of(
                    "a.png", new LabelState(1, LabelSource.HUMAN, T0.plusSeconds(3)),
                    "b/c.png", new LabelState(1, LabelSource.MODEL, T0.plusSeconds(1))), session.currentLabels());
        }
    }

    @Test
    void labelsAreOnDiskWhenAppendReturnsWithoutClosing() throws IOException {
        Session session = createCatsAndDogs();
        session.appendLabels(List.of(LabelEvent.label("a.png", 0, LabelSource.HUMAN, T0),
                LabelEvent.label("b.png", 1, LabelSource.HUMAN, T0)));
        // As if the process died now: a copy of the folder, lock aside, must hold both labels.
        Path copy = temp.resolve("copy");
        Files.createDirectories(copy);
        for (String name : List.of("session.json", "labels.jsonl", "history.jsonl")) {
            Files.copy(dir.resolve(name), copy.resolve(name));
        }
        try (Session reopened = Session.open(copy)) {
            assertEquals(Set.of("a.png", "b.png"), reopened.currentLabels().keySet());
        }
        session.close();
    }

    @Test
    void oneBatchOfLabelsIsOneLinePerEventInTheJournal() throws IOException {
        try (Session session = createCatsAndDogs()) {
            List<LabelEvent> twenty = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                twenty.add(LabelEvent.label("img" + i + ".png", i % 2, LabelSource.HUMAN, T0));
            }
            session.appendLabels(twenty);
        }
        List<String> lines = Files.readAllLines(dir.resolve("labels.jsonl"));
        assertEquals(20, lines.size());
        assertEquals("{\"time\":\"2025-01-02T03:04:05Z\",\"op\":\"label\",\"path\":\"img3.png\",\"class\":1,\"source\":\"human\"}",
                lines.get(3));
    }

    @Test
    void labellingAClassTheSessionDoesNotHaveIsRefused() {
        try (Session session = createCatsAndDogs()) {
            assertThrows(IllegalArgumentException.class,
                    () -> session.appendLabels(List.of(LabelEvent.label("a.png", 7, LabelSource.HUMAN, T0))));
            assertTrue(session.currentLabels().isEmpty());
        }
    }

    @Test
    void pathsMustBeRelativeAndInsideTheImageFolder() {
        for (String bad : List.of("", "/etc/passwd", "a/../../b.png", "a\\b.png", "C:/x.png", "a//b.png")) {
            assertThrows(IllegalArgumentException.class, () -> LabelEvent.label(bad, 0, LabelSource.HUMAN, T0), bad);
        }
    }

    @Test
    void renamingAClassKeepsItsLabels() {
        try (Session session = createCatsAndDogs()) {
            session.appendLabels(List.of(LabelEvent.label("a.png", 1, LabelSource.HUMAN, T0)));
            session.renameClass(1, "puppy");
        }
        try (Session session = Session.open(dir)) {
            assertEquals(List.of(new SessionClass(0, "cat"), new SessionClass(1, "puppy")), session.classes());
            assertEquals(1, session.currentLabels().get("a.png").classId());
        }
    }

    @Test
    void classIdsAreNeverReusedAfterAMerge() {
        try (Session session = createCatsAndDogs()) {
            session.mergeClass(1, 0);
            assertEquals(new SessionClass(2, "bird"), session.addClass("bird"));
        }
        try (Session session = Session.open(dir)) {
            assertEquals(new SessionClass(3, "fish"), session.addClass("fish"));
        }
    }

    @Test
    void duplicateAndEmptyClassNamesAreRefusedAndNothingIsWritten() throws IOException {
        try (Session session = createCatsAndDogs()) {
            byte[] before = Files.readAllBytes(dir.resolve("session.json"));
            var duplicate = assertThrows(SessionException.class, () -> session.addClass(" Cat "));
            assertTrue(duplicate.getMessage().contains("duplicate class name"), duplicate.getMessage());
            assertThrows(SessionException.class, () -> session.renameClass(0, "dog"));
            var empty = assertThrows(SessionException.class, () -> session.addClass("  "));
            assertTrue(empty.getMessage().contains("empty name"), empty.getMessage());
            assertArrayEquals(before, Files.readAllBytes(dir.resolve("session.json")));
            assertEquals(2, session.classes().size());
        }
        assertThrows(SessionException.class,
                () -> Session.create(temp.resolve("other"), "o", images, List.of("a", "A"), "b"));
    }

    @Test
    void mergingMovesLabelsKeepingWhoGaveThem() {
        try (Session session = Session.create(dir, "cats", images, List.of("cat", "kitten", "dog"), "b")) {
            session.appendLabels(List.of(
                    LabelEvent.label("a.png", 0, LabelSource.HUMAN, T0),
                    LabelEvent.label("b.png", 1, LabelSource.HUMAN, T0),
                    LabelEvent.label("c.png", 1, LabelSource.MODEL, T0),
                    LabelEvent.label("d.png", 2, LabelSource.HUMAN, T0)));
            session.mergeClass(1, 0);
            assertEquals(List.of(new SessionClass(0, "cat"), new SessionClass(2, "dog")), session.classes());
        }
        try (Session session = Session.open(dir)) {
            Map<String, LabelState> labels = session.currentLabels();
            assertEquals(0, labels.get("b.png").classId());
            assertEquals(LabelSource.HUMAN, labels.get("b.png").source());
            assertEquals(0, labels.get("c.png").classId());
            assertEquals(LabelSource.MODEL, labels.get("c.png").source());
            assertEquals(2, labels.get("d.png").classId());
        }
    }

    @Test
    void aCrashBetweenTheTwoStepsOfAMergeLosesNoLabel() throws IOException {
        Session session = Session.create(dir, "cats", images, List.of("cat", "kitten"), "b");
        session.appendLabels(List.of(LabelEvent.label("a.png", 0, LabelSource.HUMAN, T0),
                LabelEvent.label("b.png", 1, LabelSource.HUMAN, T0)));
        byte[] sessionJson = Files.readAllBytes(dir.resolve("session.json"));
        class Crash extends RuntimeException {
        }
        assertThrows(Crash.class, () -> session.mergeClass(1, 0, () -> {
            throw new Crash();
        }));
        assertArrayEquals(sessionJson, Files.readAllBytes(dir.resolve("session.json")));
        session.close();

        try (Session reopened = Session.open(dir)) {
            assertEquals(2, reopened.classes().size(), "the merged class is still there, empty");
            assertEquals(Map.of("a.png", 0, "b.png", 0), classIds(reopened.currentLabels()));
            reopened.mergeClass(1, 0);
            assertEquals(List.of(new SessionClass(0, "cat")), reopened.classes());
        }
    }

    @Test
    void historyIsAppendedAndReplayed() {
        var first = new HistoryEntry(T0, 10, Double.NaN, 1, 120, true, new int[0][0]); // written as older files were
        var second = new HistoryEntry(T0.plusSeconds(60), 30, 0.85, 2, 40, false, new int[][]{{14, 1}, {2, 13}});
        try (Session session = createCatsAndDogs()) {
            session.appendHistory(first);
            session.appendHistory(second);
        }
        try (Session session = Session.open(dir)) {
            assertEquals(List.of(first, second), session.history());
        }
    }

    @Test
    void invalidSessionJsonNamesTheFileAndPositionAndIsLeftAlone() throws IOException {
        createCatsAndDogs().close();
        Path json = dir.resolve("session.json");
        String text = Files.readString(json).replace("\"name\" :", "\"name\" ::");
        Files.writeString(json, text);
        byte[] before = Files.readAllBytes(json);
        var e = assertThrows(SessionException.class, () -> Session.open(dir));
        assertTrue(e.getMessage().startsWith(json.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3, column"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(json));
        assertEquals(0, Files.size(dir.resolve("session.lock")), "lock released after the failed open");
    }

    @Test
    void anUnknownSchemaVersionIsRefusedWithBothVersions() throws IOException {
        createCatsAndDogs().close();
        Path json = dir.resolve("session.json");
        Files.writeString(json, Files.readString(json).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7"));
        var e = assertThrows(SessionException.class, () -> Session.open(dir));
        assertTrue(e.getMessage().contains(json.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("schemaVersion 7"), e.getMessage());
        assertTrue(e.getMessage().contains("reads schemaVersion 1"), e.getMessage());
    }

    @Test
    void aDuplicateClassNameWrittenByHandIsReported() throws IOException {
        createCatsAndDogs().close();
        Path json = dir.resolve("session.json");
        Files.writeString(json, Files.readString(json).replace("\"dog\"", "\"cat\""));
        var e = assertThrows(SessionException.class, () -> Session.open(dir));
        assertTrue(e.getMessage().contains(json.toString()) && e.getMessage().contains("duplicate class name \"cat\""),
                e.getMessage());
    }

    @Test
    void aMissingImageFolderNamesBothPaths() throws IOException {
        createCatsAndDogs().close();
        Files.delete(images);
        var e = assertThrows(SessionException.class, () -> Session.open(dir));
        assertTrue(e.getMessage().contains(images.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("session.json").toString()), e.getMessage());
    }

    @Test
    void creatingWithAMissingImageFolderIsRefused() {
        var e = assertThrows(SessionException.class,
                () -> Session.create(dir, "x", temp.resolve("nowhere"), List.of("a"), "b"));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void openingAFolderWithoutASessionSaysSo() {
        var e = assertThrows(SessionException.class, () -> Session.open(temp.resolve("empty")));
        assertTrue(e.getMessage().contains("session.json is missing") || e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void sessionNamesMustBePlainFolderNames() {
        assertEquals(temp.resolve("cats"), Session.dirFor(temp, "cats"));
        assertThrows(SessionException.class, () -> Session.dirFor(temp, "../x"));
        assertThrows(SessionException.class, () -> Session.dirFor(temp, " "));
    }

    private static Map<String, Integer> classIds(Map<String, LabelState> labels) {
        Map<String, Integer> ids = new java.util.HashMap<>();
        labels.forEach((path, state) -> ids.put(path, state.classId()));
        return ids;
    }
}
