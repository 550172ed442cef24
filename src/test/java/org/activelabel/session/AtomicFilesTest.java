package org.activelabel.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesANewFileAndReplacesAnOldOne() throws IOException {
        Path target = dir.resolve("session.json");
        AtomicFiles.write(target, bytes("first"));
        AtomicFiles.write(target, bytes("second, longer"));
        assertEquals("second, longer", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileWholeAndNoTemporaryBehind() throws IOException {
        Path target = dir.resolve("session.json");
        AtomicFiles.write(target, bytes("{\"old\": true}"));
        var e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(bytes("{\"new\": tr"));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertArrayEquals(bytes("{\"old\": true}"), Files.readAllBytes(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void aFailedFirstWriteLeavesNoFileAtAll() {
        Path target = dir.resolve("recent.json");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(bytes("half"));
            throw new IllegalStateException("encoder broke");
        }));
        assertEquals(List.of(), filesIn(dir));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Path> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
