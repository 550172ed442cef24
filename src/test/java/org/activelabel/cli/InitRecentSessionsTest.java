package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.activelabel.session.DataFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init remembers the session for the window; when it cannot, the session is still made and init says so. */
class InitRecentSessionsTest {

    @TempDir
    Path temp;

    @Test
    void initSucceedsWithAWarningWhenTheRecentListCannotBeWritten() throws Exception {
        Path images = SessionCommandsTest.sampleImages(temp.resolve("images"), 1);
        // a data folder that cannot be made: its parent is a file
        Path blocked = Files.writeString(temp.resolve("a-file"), "x").resolve("data");
        String before = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, blocked.toString());
        try {
            Path session = temp.resolve("session");
            Cli init = Cli.run("init", "--images", images.toString(), "--session", session.toString(),
                    "--classes-from-folders");
            assertEquals(0, init.code(), init::toString);
            assertTrue(init.err().startsWith("warning: cannot update the list of recent sessions "
                    + blocked.resolve("recent.json")), init.err());
            assertTrue(Files.isRegularFile(session.resolve("session.json")));
        } finally {
            if (before == null) {
                System.clearProperty(DataFolder.PROPERTY);
            } else {
                System.setProperty(DataFolder.PROPERTY, before);
            }
        }
    }

    @Test
    void initWritesTheRecentListIntoTheDataFolderNotTheWorkingDirectory() throws Exception {
        Path images = SessionCommandsTest.sampleImages(temp.resolve("images"), 1);
        Path data = temp.resolve("data");
        String before = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, data.toString());
        try {
            Path session = temp.resolve("session");
            Cli.ok("init", "--images", images.toString(), "--session", session.toString(),
                    "--classes-from-folders");
            assertTrue(Files.readString(data.resolve("recent.json")).contains(session.toString()));
        } finally {
            if (before == null) {
                System.clearProperty(DataFolder.PROPERTY);
            } else {
                System.setProperty(DataFolder.PROPERTY, before);
            }
        }
    }
}
