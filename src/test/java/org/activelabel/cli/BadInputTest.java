package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.activelabel.session.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken images and damaged session files through the commands: a clear message, and nothing overwritten. */
class BadInputTest {

    @TempDir
    static Path sessionsRoot;

    @TempDir
    Path temp;

    @BeforeAll
    static void recentSessionsInTemp() {
        System.setProperty("activelabel.data", sessionsRoot.toString());
    }

    @Test
    void brokenImagesAreListedWithTheirReasonAndLabelsOutliveTheirFiles() throws Exception {
        Path images = SessionCommandsTest.sampleImages(temp.resolve("images"), 2);
        Path good = images.resolve("flags").resolve(Files.list(images.resolve("flags")).sorted().toList().get(0).getFileName());
        Path bad = Files.createDirectories(images.resolve("bad"));
        Files.createFile(bad.resolve("zero.png"));
        byte[] png = Files.readAllBytes(good);
        Files.write(bad.resolve("truncated.png"), java.util.Arrays.copyOf(png, png.length / 3));
        Files.writeString(bad.resolve("text.jpg"), "this is not a picture\n");
        Files.write(bad.resolve("huge.png"), pngHeader(50_000, 50_000));
        Path unreadable = Files.write(bad.resolve("unreadable.png"), png);
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        Files.createSymbolicLink(bad.resolve("loop"), bad);
        String session = temp.resolve("session").toString();
        Cli.ok("init", "--images", images.toString(), "--session", session, "--classes", "ok,broken");

        Cli featurize = Cli.ok("featurize", "--session", session);
        String out = featurize.out();
        assertTrue(out.contains("skipped bad/zero.png: empty file"), out);
        assertTrue(out.matches("(?s).*skipped bad/truncated.png: [^\n]+.*"), out);
        assertTrue(out.contains("skipped bad/text.jpg: not an image"), out);
        assertTrue(out.contains("skipped bad/huge.png: image is 50000 x 50000"), out);
        assertTrue(out.contains("skipped bad/loop: symbolic link loop"), out);
        // root reads a mode-000 file anyway; as another user it is listed as "permission denied"
        boolean root = "root".equals(System.getProperty("user.name"));
        assertTrue(root || out.contains("unreadable.png: permission denied"), out);

        // labelled, then deleted: kept and shown as missing; labelled, then changed: featurised again
        Path changed = images.resolve("flags").resolve(Files.list(images.resolve("flags")).sorted().toList().get(1).getFileName());
        String goodPath = "flags/" + good.getFileName();
        String changedPath = "flags/" + changed.getFileName();
        Path csv = Files.writeString(temp.resolve("l.csv"), "path,label\n" + goodPath + ",ok\n" + changedPath + ",ok\n");
        Cli.ok("import", "--session", session, "--csv", csv.toString());
        Files.delete(good);
        Files.copy(images.resolve("smileys").resolve(Files.list(images.resolve("smileys")).sorted().toList().get(0)
                .getFileName()), changed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(changed, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        String again = Cli.ok("featurize", "--session", session).out();
        assertTrue(again.startsWith("featurised 1 images now"), again);
        assertTrue(again.contains("missing " + goodPath + ": file not found (its label is kept)"), again);
        Path exported = temp.resolve("e.csv");
        Cli.ok("export", "--session", session, "--format", "csv", "--human-only", "--out", exported.toString());
        assertEquals(List.of("path,label,source,confidence", goodPath + ",ok,human,", changedPath + ",ok,human,"),
                Files.readAllLines(exported));
    }

    /** A valid PNG signature and IHDR chunk claiming the given size, and nothing after. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        var crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    private Path session() throws IOException {
        Path images = Files.createDirectories(temp.resolve("imgs"));
        Files.createFile(images.resolve("a.png"));
        Path dir = temp.resolve("s");
        Session.create(dir, "s", images, List.of("cat", "dog"), "b").close();
        return dir;
    }

    /** Every session command refuses with one line naming the file, and the file keeps its bytes. */
    private static void refused(Path dir, Path damaged, String... expected) throws IOException {
        byte[] before = Files.readAllBytes(damaged);
        for (String command : List.of("import", "featurize", "export")) {
            List<String> args = switch (command) {
                case "import" -> List.of("import", "--session", dir.toString(), "--csv", dir.resolve("none.csv").toString());
                case "export" -> List.of("export", "--session", dir.toString(), "--format", "csv", "--out",
                        dir.resolveSibling("x.csv").toString());
                default -> List.of(command, "--session", dir.toString());
            };
            Cli result = Cli.run(args.toArray(String[]::new));
            assertEquals(1, result.code(), result::toString);
            assertTrue(result.err().startsWith("error: "), result::toString);
            assertEquals(1, result.err().lines().count(), result::toString);
            for (String part : expected) {
                assertTrue(result.err().contains(part), () -> "missing \"" + part + "\" in " + result);
            }
            assertArrayEquals(before, Files.readAllBytes(damaged), damaged + " was changed by " + command);
        }
    }

    @Test
    void invalidJsonInSessionFile() throws IOException {
        Path dir = session();
        Files.writeString(dir.resolve("session.json"), "{ \"schemaVersion\": 1, \"name\": ");
        refused(dir, dir.resolve("session.json"), dir.resolve("session.json").toString(), "invalid JSON at line 1");
    }

    @Test
    void unknownSchemaVersion() throws IOException {
        Path dir = session();
        Path file = dir.resolve("session.json");
        Files.writeString(file, Files.readString(file).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99"));
        refused(dir, file, file.toString(), "unsupported schemaVersion 99");
    }

    @Test
    void missingImageFolder() throws IOException {
        Path dir = session();
        Files.delete(temp.resolve("imgs").resolve("a.png"));
        Files.delete(temp.resolve("imgs"));
        refused(dir, dir.resolve("session.json"), dir.resolve("session.json").toString(), "does not exist");
    }

    @Test
    void journalNamingAnUnknownClass() throws IOException {
        Path dir = session();
        Path journal = dir.resolve("labels.jsonl");
        Files.writeString(journal, "{\"time\":\"2025-01-01T00:00:00Z\",\"op\":\"label\",\"path\":\"a.png\",\"class\":7,"
                + "\"source\":\"human\"}\n{\"time\":\"2025-01-01T00:00:01Z\",\"op\":\"label\",\"path\":\"a.png\","
                + "\"class\":0,\"source\":\"human\"}\n", StandardOpenOption.APPEND);
        refused(dir, journal, journal + " line 1", "unknown class id 7");
    }

    @Test
    void nothingReadFromDiskIsDeserialisedIntoJavaTypesItNames() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                for (String unsafe : List.of("ObjectInputStream", "enableDefaultTyping", "activateDefaultTyping",
                        "@JsonTypeInfo")) {
                    assertTrue(!code.contains(unsafe), source + " uses " + unsafe);
                }
            }
        }
    }
}
