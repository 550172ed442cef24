package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activelabel.session.DataFolder;
import org.activelabel.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import on a disk that fills up half-way: the session sits on a 64 KB tmpfs (mounted when this machine allows,
 * skipped otherwise; LabelJournalTest plays the same failure without a mount).
 */
class ImportFullDiskTest {

    private static final int ROWS = 1500;

    @TempDir
    Path temp;
    Path small;
    boolean mounted;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        small = Files.createDirectories(temp.resolve("small"));
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString())
                    .redirectErrorStream(true).start();
            mounted = mount.waitFor() == 0;
        } catch (IOException e) {
            mounted = false;
        }
        assumeTrue(mounted, "cannot mount a small tmpfs here (needs root)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", "-l", small.toString()).start().waitFor();
        }
    }

    @Test
    void anImportThatFillsTheDiskAddsNoLabelAtAll() throws Exception {
        Path images = temp.resolve("images");
        var csv = new StringBuilder("path,label\n");
        List<String> classes = List.of("cats", "dogs");
        for (int i = 0; i < ROWS; i++) {
            String path = classes.get(i % 2) + "/a-long-enough-file-name-to-fill-the-disk-" + i + ".png";
            Files.createDirectories(images.resolve(path).getParent());
            Files.createFile(images.resolve(path));
            csv.append(path).append(',').append(classes.get(i % 2)).append('\n');
        }
        Path csvFile = Files.writeString(temp.resolve("labels.csv"), csv);
        Path session = small.resolve("session");
        System.setProperty(DataFolder.PROPERTY, temp.resolve("data").toString());
        Cli.ok("init", "--images", images.toString(), "--session", session.toString(),
                "--classes-from-folders");

        Cli full = Cli.run("import", "--session", session.toString(), "--csv", csvFile.toString());

        assertEquals(1, full.code(), full::toString);
        assertTrue(full.err().contains("cannot write " + session.resolve("labels.jsonl") + ": No space left on device"),
                full.err());
        assertTrue(full.err().contains("none of the " + ROWS + " lines of this write counts"), full.err());
        try (Session reopened = Session.open(session)) {
            assertEquals(0, reopened.labelCount(), "all rows of one import or none");
        }
        // space is there again for a smaller import
        Path few = Files.writeString(temp.resolve("few.csv"), "path,label\n" + csv.toString().lines().skip(1).limit(20)
                .reduce("", (a, b) -> a + b + "\n"));
        assertTrue(Cli.ok("import", "--session", session.toString(), "--csv", few.toString()).out()
                .startsWith("imported 20 labels"));
        try (Session reopened = Session.open(session)) {
            assertEquals(20, reopened.labelCount());
        }
    }
}
