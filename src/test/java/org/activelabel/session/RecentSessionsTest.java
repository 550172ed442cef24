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

    @Test
    void sessionsAddedAtTheSameTimeAreAllKept() throws Exception {
        int writers = 8;
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            folders.add(sessionFolder("s" + i));
        }
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Path folder : folders) {
                // a list object each, as separate init commands would have
                done.add(pool.submit(() -> {
                    start.await();
                    new RecentSessions(root).add(folder);
                    return null;
                }));
            }
            start.countDown();
            for (var d : done) {
                d.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(new java.util.HashSet<>(folders), new java.util.HashSet<>(new RecentSessions(root).list()));
    }

    @Test
    void theListCannotBeALinkToAFileElsewhere() throws IOException {
        Path notes = Files.writeString(root.resolve("notes.txt"), "notes");
        Path data = Files.createDirectories(root.resolve("data"));
        Files.createSymbolicLink(data.resolve("recent.json"), notes);
        var e = org.junit.jupiter.api.Assertions.assertThrows(SessionException.class,
                () -> new RecentSessions(data).add(sessionFolder("a")));
        assertTrue(e.getMessage().contains(data.resolve("recent.json") + " is a symbolic link"), e.getMessage());
        assertEquals("notes", Files.readString(notes));
    }
}
