package org.activelabel.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a journal damaged by a crash or by hand does when the session is opened. */
class LabelJournalTest {

    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    @TempDir
    Path temp;
    Path dir;
    Path journal;

    @BeforeEach
    void sessionWithTwoLabels() throws IOException {
        dir = temp.resolve("s");
        try (Session session = Session.create(dir, "s", Files.createDirectories(temp.resolve("img")),
                List.of("cat", "dog"), "b")) {
            session.appendLabels(List.of(LabelEvent.label("a.png", 0, LabelSource.HUMAN, T0),
                    LabelEvent.label("b.png", 1, LabelSource.HUMAN, T0)));
        }
        journal = dir.resolve("labels.jsonl");
    }

    private void appendRaw(String text) throws IOException {
        Files.writeString(journal, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void aTornLastLineIsIgnoredAndCutBeforeTheNextAppend() throws IOException {
        appendRaw("{\"time\":\"2025-01-02T03:04:05Z\",\"op\":\"label\",\"pa");
        byte[] torn = Files.readAllBytes(journal);
        try (Session session = Session.open(dir)) {
            assertEquals(Set.of("a.png", "b.png"), session.currentLabels().keySet());
            assertArrayEquals(torn, Files.readAllBytes(journal), "nothing changes until the next append");
            session.appendLabels(List.of(LabelEvent.label("c.png", 1, LabelSource.HUMAN, T0)));
        }
        List<String> lines = Files.readAllLines(journal);
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).contains("\"c.png\""), lines.get(2));
        try (Session session = Session.open(dir)) {
            assertEquals(Set.of("a.png", "b.png", "c.png"), session.currentLabels().keySet());
        }
    }

    @Test
    void aLastLineOfGarbageWithANewlineIsAlsoTreatedAsTorn() throws IOException {
        appendRaw("\0\0\0\0\n");
        try (Session session = Session.open(dir)) {
            assertEquals(2, session.labelCount());
            session.appendLabels(List.of(LabelEvent.unlabel("a.png", LabelSource.HUMAN, T0)));
        }
        try (Session session = Session.open(dir)) {
            assertEquals(Set.of("b.png"), session.currentLabels().keySet());
        }
    }

    @Test
    void aWholeLastLineWithoutItsNewlineIsKept() throws IOException {
        appendRaw("{\"time\":\"2025-01-02T03:04:05Z\",\"op\":\"label\",\"path\":\"c.png\",\"class\":0,\"source\":\"human\"}");
        try (Session session = Session.open(dir)) {
            assertEquals(Set.of("a.png", "b.png", "c.png"), session.currentLabels().keySet());
            session.appendLabels(List.of(LabelEvent.label("d.png", 0, LabelSource.HUMAN, T0)));
        }
        try (Session session = Session.open(dir)) {
            assertEquals(Set.of("a.png", "b.png", "c.png", "d.png"), session.currentLabels().keySet());
        }
    }

    @Test
    void aCorruptMiddleLineNamesFileAndLineAndLeavesTheFileAlone() throws IOException {
        String text = Files.readString(journal);
        Files.writeString(journal, text.replaceFirst("\"op\":\"label\"", "\"op\":\"label\"}}"));
        appendRaw("{\"time\":\"2025-01-02T03:04:05Z\",\"op\":\"label\",\"path\":\"c.png\",\"class\":0,\"source\":\"human\"}\n");
        byte[] before = Files.readAllBytes(journal);

        var e = assertThrows(SessionException.class, () -> Session.open(dir));
        assertTrue(e.getMessage().contains(journal.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(journal));
        // The lock was released: fixing the line by hand makes the session open again.
        Files.writeString(journal, text);
        Session.open(dir).close();
    }

    @Test
    void aLabelNamingAClassThatNeverExistedNamesTheLine() throws IOException {
        appendRaw("{\"time\":\"2025-01-02T03:04:05Z\",\"op\":\"label\",\"path\":\"c.png\",\"class\":9,\"source\":\"human\"}\n");
        appendRaw("{\"time\":\"2025-01-02T03:04:05Z\",\"op\":\"unlabel\",\"path\":\"c.png\",\"source\":\"human\"}\n");
        byte[] before = Files.readAllBytes(journal);
        var e = assertThrows(SessionException.class, () -> Session.open(dir));
        assertTrue(e.getMessage().contains(journal + " line 3: unknown class id 9"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(journal));
    }

    @Test
    void aLabelLeftOnARemovedClassNamesTheLineThatSetIt() throws IOException {
        try (Session session = Session.open(dir)) {
            session.addClass("bird");
        }
        appendRaw("{\"time\":\"2025-01-02T03:04:05Z\",\"op\":\"label\",\"path\":\"c.png\",\"class\":2,\"source\":\"human\"}\n");
        Path json = dir.resolve("session.json");
        // A hand edit that drops "bird" without moving its labels.
        Files.writeString(json, Files.readString(json).replaceAll(",\\s*\\{\\s*\"id\" : 2,\\s*\"name\" : \"bird\"\\s*}", ""));
        var e = assertThrows(SessionException.class, () -> Session.open(dir));
        assertTrue(e.getMessage().contains(journal + " line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("class id 2"), e.getMessage());
    }

    @Test
    void aBadFieldIsNamed() throws IOException {
        appendRaw("{\"time\":\"yesterday\",\"op\":\"label\",\"path\":\"c.png\",\"class\":0,\"source\":\"human\"}\n");
        appendRaw("{\"time\":\"2025-01-02T03:04:05Z\",\"op\":\"label\",\"path\":\"d.png\",\"class\":0,\"source\":\"human\"}\n");
        var e = assertThrows(SessionException.class, () -> Session.open(dir));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("\"time\""), e.getMessage());
    }
}
