package org.activelabel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentSessionsTest {

    @TempDir
    Path root;

    private Path sessionFolder(String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("session.json"), "{}");
        return dir;
    }

    @Test
    void mostRecentComesFirstWithoutDuplicates() throws IOException {
        var recent = new RecentSessions(root);
        assertEquals(Optional.empty(), recent.lastOpened());
        Path a = sessionFolder("a");
        Path b = sessionFolder("b");
        recent.add(a);
        recent.add(b);
        recent.add(a);
        assertEquals(List.of(a, b), new RecentSessions(root).list());
        assertEquals(Optional.of(a), recent.lastOpened());
    }

    @Test
    void keepsOnlyTheLastTen() throws IOException {
        var recent = new RecentSessions(root);
        List<Path> opened = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path dir = sessionFolder("s" + i);
            opened.add(0, dir);
            recent.add(dir);
        }
        assertEquals(opened.subList(0, RecentSessions.MAX), recent.list());
    }

    @Test
    void foldersThatNoLongerHoldASessionAreSkipped() throws IOException {
        var recent = new RecentSessions(root);
        Path gone = sessionFolder("gone");
        Path kept = sessionFolder("kept");
        recent.add(gone);
        recent.add(kept);
        Files.delete(gone.resolve("session.json"));
        assertEquals(List.of(kept), recent.list());
    }

    @Test
    void aDamagedListIsSetAsideNotOverwritten() throws IOException {
        Files.writeString(root.resolve("recent.json"), "{\"sessions\": [");
        var recent = new RecentSessions(root);
        assertEquals(List.of(), recent.list());
        Path a = sessionFolder("a");
        recent.add(a);
        assertEquals(List.of(a), recent.list());
        try (Stream<Path> files = Files.list(root)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("recent.json.broken-"))
                    .findFirst().orElseThrow();
            assertEquals("{\"sessions\": [", Files.readString(aside));
        }
        assertTrue(Files.exists(root.resolve("recent.json")));
    }
}
