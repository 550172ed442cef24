package org.activelabel.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.activelabel.testing.Fifos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A session folder received from someone else, with links and FIFOs where its files should be. */
class HostileSessionFolderTest {

    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    @TempDir
    Path temp;
    Path dir;
    Path notes;

    @BeforeEach
    void sessionWithALabelAndAFileOfTheUsers() throws IOException {
        dir = temp.resolve("s");
        try (Session session = Session.create(dir, "s", Files.createDirectories(temp.resolve("img")),
                List.of("cat", "dog"), "b")) {
            session.appendLabels(List.of(LabelEvent.label("a.png", 0, LabelSource.HUMAN, T0)));
            session.appendHistory(new HistoryEntry(T0, 1, 0.5, 1, 10, true, new int[0][0]));
        }
        notes = Files.writeString(temp.resolve("notes.txt"), "the user's notes\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"session.lock", "labels.jsonl", "history.jsonl", "session.json"})
    void aSessionFileReplacedByALinkIsRefusedAndTheLinkTargetIsLeftAlone(String name) throws IOException {
        byte[] before = Files.readAllBytes(notes);
        Files.delete(dir.resolve(name));
        Files.createSymbolicLink(dir.resolve(name), notes);

        var e = assertThrows(SessionException.class, () -> Session.open(dir).close());
        assertTrue(e.getMessage().contains(dir.resolve(name) + " is a symbolic link"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(notes), "the file the link points at is untouched");
    }

    @ParameterizedTest
    @ValueSource(strings = {"models", "features", "thumbnails"})
    void aSessionFolderReplacedByALinkIsRefused(String name) throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.delete(dir.resolve(name));
        Files.createSymbolicLink(dir.resolve(name), elsewhere);

        var e = assertThrows(SessionException.class, () -> Session.open(dir).close());
        assertTrue(e.getMessage().contains(dir.resolve(name) + " is a symbolic link"), e.getMessage());
    }

    @Test
    void aFifoInPlaceOfTheJournalIsRefusedAtOnceInsteadOfBlocking() throws Exception {
        Files.delete(dir.resolve("labels.jsonl"));
        Fifos.make(dir.resolve("labels.jsonl"));

        var e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(SessionException.class, () -> Session.open(dir).close()));
        assertTrue(e.getMessage().contains(dir.resolve("labels.jsonl") + " is a FIFO"), e.getMessage());
        // the lock was released with the refusal
        Files.delete(dir.resolve("labels.jsonl"));
        try (Session session = Session.open(dir)) {
            assertEquals(0, session.labelCount());
        }
    }

    @Test
    void aDamagedHistoryIsSetAsideWithAWarningAndLabelsStillOpen() throws IOException {
        Path history = dir.resolve("history.jsonl");
        Files.writeString(history, "{not json at all}\n" + Files.readString(history));
        byte[] damaged = Files.readAllBytes(history);
        try (Session session = Session.open(dir)) {
            assertEquals(1, session.labelCount());
            assertEquals(List.of(), session.history());
            session.appendHistory(new HistoryEntry(T0, 1, 0.5, 2, 10, true, new int[0][0]));
        }
        try (var files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("history.jsonl.damaged-"))
                    .findFirst().orElseThrow();
            assertArrayEquals(damaged, Files.readAllBytes(aside));
        }
        try (Session session = Session.open(dir)) {
            assertEquals(1, session.history().size());
        }
    }

    @Test
    void aJournalThatCannotBeOpenedIsNamedOnceWithTheReason() throws Exception {
        Path journal = dir.resolve("labels.jsonl");
        // root ignores permissions but not the immutable attribute; others are stopped by the permissions
        boolean immutable = new ProcessBuilder("chattr", "+i", journal.toString()).start().waitFor() == 0;
        if (!immutable) {
            Files.setPosixFilePermissions(journal, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        }
        try {
            var e = assertThrows(SessionException.class, () -> Session.open(dir).close());
            String message = e.getMessage();
            assertEquals(message.indexOf(journal.toString()), message.lastIndexOf(journal.toString()),
                    "the path once: " + message);
            assertTrue(message.matches("cannot open " + java.util.regex.Pattern.quote(journal.toString())
                    + ": (permission denied|Operation not permitted)"), message);
        } finally {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", journal.toString()).start().waitFor();
            } else {
                Files.setPosixFilePermissions(journal, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }
}
