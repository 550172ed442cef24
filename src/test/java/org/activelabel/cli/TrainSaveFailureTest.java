package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.activelabel.session.DataFolder;
import org.activelabel.session.HistoryEntry;
import org.activelabel.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train when the model cannot be saved: it must say so, exit non-zero and record nothing that did not happen. */
class TrainSaveFailureTest {

    @TempDir
    Path temp;
    Path models;
    boolean immutable;

    @AfterEach
    void writableAgain() throws Exception {
        if (immutable) {
            new ProcessBuilder("chattr", "-i", models.toString()).start().waitFor();
        }
        if (models != null && Files.exists(models)) {
            Files.setPosixFilePermissions(models, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void trainFailsClearlyAndRecordsNothingWhenTheModelsFolderIsReadOnly() throws Exception {
        System.setProperty(DataFolder.PROPERTY, temp.resolve("data").toString());
        Path images = SessionCommandsTest.sampleImages(temp.resolve("images"), 3);
        Path session = temp.resolve("session");
        Cli.ok("init", "--images", images.toString(), "--session", session.toString(),
                "--classes-from-folders");
        Cli.ok("featurize", "--session", session.toString());
        var csv = new StringBuilder("path,label\n");
        for (String c : SessionCommandsTest.CLASSES) {
            try (Stream<Path> files = Files.list(images.resolve(c))) {
                files.sorted().limit(2).forEach(f -> csv.append(c).append('/').append(f.getFileName()).append(',')
                        .append(c).append('\n'));
            }
        }
        Cli.ok("import", "--session", session.toString(), "--csv",
                Files.writeString(temp.resolve("labels.csv"), csv).toString());
        Cli.ok("train", "--session", session.toString());
        List<HistoryEntry> before;
        try (Session s = Session.open(session)) {
            before = s.history();
        }
        long savedVersion = before.get(before.size() - 1).modelVersion();
        byte[] savedHead = Files.readAllBytes(session.resolve("models").resolve("head.json"));

        models = session.resolve("models");
        makeUnwritable(models);
        Cli train = Cli.run("train", "--session", session.toString());

        assertNotEquals(0, train.code(), train::toString);
        assertFalse(train.out().contains("model version"), "no success line: " + train.out());
        assertTrue(train.err().contains("cannot save model version " + (savedVersion + 1) + " to "
                + models.resolve("head.json")), train.err());
        try (Session s = Session.open(session)) {
            assertEquals(before.size(), s.history().size(), "history.jsonl records no model that was not saved");
            assertTrue(s.history().stream().noneMatch(h -> h.modelVersion() > savedVersion));
        }
        assertEquals(new String(savedHead), Files.readString(models.resolve("head.json")), "the saved model stays");
    }

    /** Root ignores permissions: the immutable attribute stops it too; else read-only permissions do. */
    private void makeUnwritable(Path dir) throws Exception {
        try {
            immutable = new ProcessBuilder("chattr", "+i", dir.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            immutable = false;
        }
        if (!immutable) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        boolean writable;
        try {
            Files.delete(Files.createFile(dir.resolve("probe")));
            writable = true;
        } catch (IOException e) {
            writable = false;
        }
        assumeTrue(!writable, "cannot make " + dir + " unwritable on this machine");
    }
}
