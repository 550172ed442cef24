package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.activelabel.session.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Careless or hostile paths given to the commands that write: the session and its images stay as they were. */
class OutputPathTest {

    @TempDir
    static Path dataFolder;

    @TempDir
    Path temp;
    Path images;
    Path session;

    @BeforeAll
    static void dataInTemp() {
        System.setProperty("activelabel.data", dataFolder.toString());
    }

    @BeforeEach
    void sessionWithThreeLabels() throws IOException {
        images = SessionCommandsTest.sampleImages(temp.resolve("images"), 2);
        session = temp.resolve("session");
        Cli.ok("init", "--images", images.toString(), "--session", session.toString(),
                "--classes-from-folders");
        var csv = new StringBuilder("path,label\n");
        for (String c : SessionCommandsTest.CLASSES.subList(0, 3)) {
            try (Stream<Path> files = Files.list(images.resolve(c))) {
                csv.append(c).append('/').append(files.sorted().findFirst().orElseThrow().getFileName()).append(',')
                        .append(c).append('\n');
            }
        }
        Cli.ok("import", "--session", session.toString(), "--csv",
                Files.writeString(temp.resolve("labels.csv"), csv).toString());
    }

    @Test
    void exportOverTheJournalOrSessionFileIsRefusedAndTheSessionStillOpens() throws IOException {
        byte[] journal = Files.readAllBytes(session.resolve("labels.jsonl"));
        byte[] json = Files.readAllBytes(session.resolve("session.json"));
        for (String target : new String[] {"labels.jsonl", "session.json", "models/x.csv"}) {
            Cli refused = Cli.run("export", "--session", session.toString(), "--format", "csv", "--out",
                    session.resolve(target).toString());
            assertEquals(1, refused.code(), refused::toString);
            assertTrue(refused.err().contains("is inside the session folder " + session), refused.err());
        }
        Path link = Files.createSymbolicLink(temp.resolve("link"), session);
        Cli viaLink = Cli.run("export", "--session", session.toString(), "--format", "jsonl", "--out",
                link.resolve("labels.jsonl").toString());
        assertEquals(1, viaLink.code(), viaLink::toString);
        assertTrue(viaLink.err().contains("(really " + session.toRealPath().resolve("labels.jsonl") + ")"),
                viaLink.err());

        assertArrayEquals(journal, Files.readAllBytes(session.resolve("labels.jsonl")));
        assertArrayEquals(json, Files.readAllBytes(session.resolve("session.json")));
        try (Session reopened = Session.open(session)) {
            assertEquals(3, reopened.labelCount());
        }
    }

    @Test
    void predictIntoTheSessionFolderIsRefused() throws IOException {
        Path fresh = Files.createDirectories(temp.resolve("fresh"));
        byte[] json = Files.readAllBytes(session.resolve("session.json"));
        Cli refused = Cli.run("predict", "--session", session.toString(), "--images", fresh.toString(), "--out",
                session.resolve("session.json").toString());
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().contains("--out " + session.resolve("session.json") + " is inside the session folder"),
                refused.err());
        assertArrayEquals(json, Files.readAllBytes(session.resolve("session.json")));
    }

    @Test
    void aFileExportIntoTheImageFolderIsRefused() {
        Cli refused = Cli.run("export", "--session", session.toString(), "--format", "csv", "--out",
                images.resolve("labels.csv").toString());
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().contains("is inside the image folder"), refused.err());
        assertFalse(Files.exists(images.resolve("labels.csv")));
    }

    @Test
    void anImageFolderExportThroughALinkIntoTheImagesIsRefusedEvenWhenTheRestDoesNotExistYet() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("pictures"), images);
        Cli refused = Cli.run("export", "--session", session.toString(), "--format", "imagefolder", "--out",
                link.resolve("sub").toString());
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().contains("inside the image folder"), refused.err());
        assertFalse(Files.exists(images.resolve("sub")), "nothing was written into the image folder");
    }

    @Test
    void aLockFileReplacedByALinkMakesImportRefuseWithoutTouchingTheLinkTarget() throws IOException {
        Path notes = Files.writeString(temp.resolve("notes.txt"), "the user's notes\n");
        Files.delete(session.resolve("session.lock"));
        Files.createSymbolicLink(session.resolve("session.lock"), notes);
        Path csv = Files.writeString(temp.resolve("more.csv"), "path,label\n");
        Cli refused = Cli.run("import", "--session", session.toString(), "--csv", csv.toString());
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().contains(session.resolve("session.lock") + " is a symbolic link"), refused.err());
        assertEquals("the user's notes\n", Files.readString(notes));
        for (String command : new String[] {"rank", "train"}) {
            assertEquals(1, Cli.run(command, "--session", session.toString()).code());
            assertEquals("the user's notes\n", Files.readString(notes), command);
        }
    }

    @Test
    void anExportedCsvImportsIntoANewSessionWithTheSameLabels() throws IOException {
        Path exported = temp.resolve("export.csv");
        Cli.ok("export", "--session", session.toString(), "--format", "csv", "--out",
                exported.toString());
        Path second = temp.resolve("second");
        Cli.ok("init", "--images", images.toString(), "--session", second.toString(),
                "--classes-from-folders");
        Cli imported = Cli.ok("import", "--session", second.toString(), "--csv", exported.toString());
        assertTrue(imported.out().startsWith("imported 3 labels, 0 already so, 0 rows refused"), imported::toString);
        try (Session first = Session.open(session); Session copy = Session.open(second)) {
            assertEquals(first.currentLabels().keySet(), copy.currentLabels().keySet());
            first.currentLabels().forEach((path, state) -> assertEquals(state.classId(),
                    copy.labelOf(path).orElseThrow().classId(), path));
        }
    }
}
