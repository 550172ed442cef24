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

    @Test
    void aDamagedButCompleteLastLineStopsTheOpenInsteadOfBeingDropped() throws IOException {
        String text = Files.readString(journal);
        // one flipped byte inside the last confirmed label, a line that ends in its newline
        int at = text.lastIndexOf("\"b.png\"");
        String damaged = text.substring(0, at) + "\u0001" + text.substring(at + 1);
        Files.writeString(journal, damaged);
        byte[] before = Files.readAllBytes(journal);

        var e = assertThrows(SessionException.class, () -> Session.open(dir));
        assertTrue(e.getMessage().contains(journal + " line 2: damaged"), e.getMessage());
        assertTrue(e.getMessage().contains("not an interrupted write"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(journal), "the damaged line is kept for a person to see");
    }

    @Test
    void anAppendOfSeveralLinesCutShortCountsNotAtAll() throws IOException {
        // the first two of three lines of one append reached the disk, the third did not
        appendRaw("{\"time\":\"2025-01-02T03:04:05Z\",\"op\":\"label\",\"path\":\"c.png\",\"class\":0,\"source\":\"human\","
                + "\"batch\":3}\n"
                + "{\"time\":\"2025-01-02T03:04:05Z\",\"op\":\"label\",\"path\":\"d.png\",\"class\":0,\"source\":\"human\"}\n");
        try (Session session = Session.open(dir)) {
            assertEquals(Set.of("a.png", "b.png"), session.currentLabels().keySet());
            session.appendLabels(List.of(LabelEvent.label("e.png", 1, LabelSource.HUMAN, T0)));
        }
        try (Session session = Session.open(dir)) {
            assertEquals(Set.of("a.png", "b.png", "e.png"), session.currentLabels().keySet());
        }
        assertEquals(3, Files.readAllLines(journal).size(), "the cut append was removed before the next one");
    }

    @Test
    void aWriteThatFailsHalfWayLeavesNoneOfItsLines() throws IOException {
        // a full disk: the first half of the bytes lands, then the write fails
        JsonlFile.Writes halfThenFull = (channel, buffer, position) -> {
            buffer.limit(buffer.position() + buffer.remaining() / 2);
            long written = AtomicFiles.writeFully(channel, buffer, position);
            throw new IOException("No space left on device (after " + (written - position) + " bytes)");
        };
        List<com.fasterxml.jackson.databind.node.ObjectNode> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add(LabelJournal.encode(LabelEvent.label("new" + i + ".png", 0, LabelSource.HUMAN, T0)));
        }
        try (JsonlFile file = JsonlFile.open(journal, (line, number) -> { }, halfThenFull)) {
            var e = assertThrows(SessionException.class, () -> file.append(lines));
            assertTrue(e.getMessage().contains("cannot write " + journal + ": No space left on device"), e.getMessage());
            assertTrue(e.getMessage().contains("none of the 50 lines of this write counts"), e.getMessage());
        }
        try (Session session = Session.open(dir)) {
            assertEquals(Set.of("a.png", "b.png"), session.currentLabels().keySet());
        }
    }
}
