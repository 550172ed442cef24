package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.activelabel.session.DataFolder;
import org.activelabel.testing.Fifos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** Inputs that would block a command forever or exhaust memory: each ends with one clear line. */
class BlockingAndHugeInputTest {

    @TempDir
    Path temp;
    Path images;
    Path session;

    @BeforeEach
    void session() throws Exception {
        System.setProperty(DataFolder.PROPERTY, temp.resolve("data").toString());
        images = SessionCommandsTest.sampleImages(temp.resolve("images"), 1);
        session = temp.resolve("session");
        Cli.ok("init", "--images", images.toString(), "--session", session.toString(),
                "--classes-from-folders");
    }

    @Test
    void aFifoAsTheCsvIsRefusedAtOnce() throws Exception {
        Path fifo = temp.resolve("labels.csv");
        Fifos.make(fifo);
        Cli refused = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Cli.run("import", "--session", session.toString(), "--csv", fifo.toString()));
        assertEquals(1, refused.code(), refused::toString);
        assertEquals("error: " + fifo + " is a FIFO, device or socket, not a CSV file", refused.err().strip());
        Cli device = Cli.run("import", "--session", session.toString(), "--csv", "/dev/zero");
        assertEquals("error: /dev/zero is a FIFO, device or socket, not a CSV file", device.err().strip());
    }

    @Test
    void aFifoAsTheSavedModelIsSkippedWithAWarningInsteadOfBlocking() throws Exception {
        Fifos.make(session.resolve("models").resolve("head.json"));
        Cli export = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("export", "--session",
                session.toString(), "--format", "csv", "--out", temp.resolve("out.csv").toString()));
        assertEquals(0, export.code(), export::toString);
    }

    @Test
    void aDamagedHistoryAndFeatureCacheAreSetAsideAndLabellingGoesOn() throws Exception {
        Cli.ok("featurize", "--session", session.toString());
        Path cache;
        try (var files = Files.walk(session.resolve("features"))) {
            cache = files.filter(p -> p.getFileName().toString().equals("features.bin")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(cache);
        bytes[40] ^= 0x55; // inside the first record
        Files.write(cache, bytes);
        Files.writeString(session.resolve("history.jsonl"), "{garbage\n{\"also\":\"not a history line\"}\n");
        String first = SessionCommandsTest.CLASSES.get(0);
        String image;
        try (var files = Files.list(images.resolve(first))) {
            image = first + "/" + files.findFirst().orElseThrow().getFileName();
        }
        Path csv = Files.writeString(temp.resolve("one.csv"), "path,label\n" + image + "," + first + "\n");

        assertTrue(Cli.ok("import", "--session", session.toString(), "--csv", csv.toString()).out()
                .startsWith("imported 1 labels"));
        assertTrue(Cli.ok("featurize", "--session", session.toString()).out()
                .contains("4 of 4 images have features"));
        try (var files = Files.list(session)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("history.jsonl.damaged-")));
        }
        try (var files = Files.list(cache.getParent())) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("features.bin.damaged-")));
        }
    }

    @Command(name = "exhaust")
    static final class Exhaust implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void runningOutOfMemoryPrintsOneLineNotAStackTrace() {
        var commandLine = ActiveLabelCommand.commandLine().addSubcommand(new Exhaust());
        var err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute("exhaust");
        assertEquals(1, code);
        assertTrue(err.toString().startsWith("error: out of memory (Java heap space)"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
