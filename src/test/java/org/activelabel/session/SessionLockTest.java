package org.activelabel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLockTest {

    @TempDir
    Path temp;
    Path dir;

    @BeforeEach
    void createSession() throws IOException {
        dir = temp.resolve("birds");
        Session.create(dir, "birds", Files.createDirectories(temp.resolve("img")), List.of("owl"), "b").close();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void aSecondOpenInTheSameProcessIsRefusedWithTheOwner() {
        try (Session first = Session.open(dir)) {
            var e = assertThrows(SessionException.class, () -> Session.open(dir));
            assertTrue(e.getMessage().contains("session \"birds\""), e.getMessage());
            assertTrue(e.getMessage().contains("is open in process " + ProcessHandle.current().pid() + " since "),
                    e.getMessage());
        }
        Session.open(dir).close();
    }

    @Test
    void closingReleasesTheLock() {
        Session.open(dir).close();
        try (Session again = Session.open(dir)) {
            assertEquals("birds", again.name());
        }
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOver() throws Exception {
        Process process = new ProcessBuilder(javaBinary(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        long deadPid = process.pid();
        Files.write(dir.resolve("session.lock"), SessionLock.ownerRecord(deadPid, Instant.parse("2025-01-01T00:00:00Z")));

        try (Session session = Session.open(dir)) {
            assertTrue(Files.readString(dir.resolve("session.lock")).contains("\"pid\":" + ProcessHandle.current().pid()));
            assertEquals("birds", session.name());
        }
    }

    @Test
    void aLockRecordOfALiveProcessIsRespectedEvenWhenTheFileLockIsFree() throws IOException {
        long livePid = ProcessHandle.current().parent().orElseThrow().pid();
        // taken after that process started, as its own lock would be
        Files.write(dir.resolve("session.lock"), SessionLock.ownerRecord(livePid, Instant.now()));
        var e = assertThrows(SessionException.class, () -> Session.open(dir));
        assertTrue(e.getMessage().contains("is open in process " + livePid), e.getMessage());
        assertTrue(e.getMessage().contains("delete " + dir.resolve("session.lock")), e.getMessage());
    }

    @Test
    void aLockWhosePidWasReusedByALaterProcessIsTakenOver() throws Exception {
        Process later = new ProcessBuilder("sleep", "60").start();
        try {
            Instant started = later.toHandle().info().startInstant().orElseThrow();
            // the lock was taken an hour before this process with the same PID started
            Files.write(dir.resolve("session.lock"), SessionLock.ownerRecord(later.pid(),
                    started.minus(java.time.Duration.ofHours(1))));
            try (Session session = Session.open(dir)) {
                assertTrue(Files.readString(dir.resolve("session.lock"))
                        .contains("\"pid\":" + ProcessHandle.current().pid()));
            }
        } finally {
            later.destroyForcibly();
        }
    }

    @Test
    void aSessionHeldByAnotherJvmCannotBeOpened() throws Exception {
        Path childErr = temp.resolve("child.err");
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString())
                .redirectError(childErr.toFile()).start();
        try {
            var childOut = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String ready = childOut.readLine();
            assertEquals(LockHolder.READY, ready, () -> "child failed: " + readQuietly(childErr));

            var e = assertThrows(SessionException.class, () -> Session.open(dir));
            assertTrue(e.getMessage().contains("is open in process " + child.pid() + " since "), e.getMessage());
        } finally {
            child.getOutputStream().close();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(0, child.exitValue(), () -> readQuietly(childErr));
        Session.open(dir).close();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
