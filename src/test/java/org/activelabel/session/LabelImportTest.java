package org.activelabel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelImportTest {

    @TempDir
    Path temp;

    private final List<SessionClass> classes = List.of(new SessionClass(0, "cat"), new SessionClass(3, "Dog"));
    private final Instant now = Instant.parse("2025-06-01T00:00:00Z");

    private LabelImport importer(Map<String, LabelState> current) {
        return new LabelImport(Set.of("a.png", "b.png", "c.png", "sub/d, e.png", "sub/f.png"), classes, current, now);
    }

    private Path csv(String text) throws IOException {
        return Files.writeString(temp.resolve("labels.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void goodRowsGoInAndEachBadRowIsReportedWithItsLine() throws IOException {
        var result = importer(Map.of()).fromCsv(csv(String.join("\n",
                "\uFEFFpath,label",
                "a.png,cat",
                "\"sub/d, e.png\",dog",
                "b.png,horse",
                "../outside.png,cat",
                "/etc/passwd,cat",
                "sub/../a.png,cat",
                "nowhere.png,cat",
                "a.png,cat",
                "c.png,cat",
                "c.png,Dog",
                "sub/f.png",
                "") + "\r\n"));
        assertEquals(List.of(LabelEvent.label("a.png", 0, LabelSource.HUMAN, now),
                LabelEvent.label("sub/d, e.png", 3, LabelSource.HUMAN, now)), result.events());
        List<String> problems = result.problems().stream().map(LabelImport.Problem::describe).toList();
        assertEquals(List.of(
                "line 4: \"b.png\": unknown class \"horse\" (the session has classes cat, Dog)",
                "line 5: \"../outside.png\": path outside the image root refused ('..')",
                "line 6: \"/etc/passwd\": absolute path refused: paths must be relative to the image root",
                "line 7: \"sub/../a.png\": path outside the image root refused ('..')",
                "line 8: \"nowhere.png\": not an image of the session (no such image under the image root)",
                "line 9: \"a.png\": duplicate row (same as line 2)",
                "line 10: \"c.png\": conflicting labels: \"cat\" here, \"Dog\" on line 11; neither is imported",
                "line 11: \"c.png\": conflicting labels (see line 10)",
                "line 12: expected 2 fields (path,label), found 1"), problems);
    }

    @Test
    void invalidUtf8RowsAreRefusedAndTheOthersRead() throws IOException {
        byte[] bytes = "path,label\na.png,cat\nb\u00e9.png,cat\n".getBytes(StandardCharsets.ISO_8859_1);
        var result = importer(Map.of()).fromCsv(Files.write(temp.resolve("latin1.csv"), bytes));
        assertEquals(1, result.events().size());
        assertEquals("line 3: not valid UTF-8; save the file as UTF-8", result.problems().get(0).describe());
    }

    @Test
    void aWrongHeaderRefusesTheWholeFileNamingIt() throws IOException {
        Path file = csv("file,class\na.png,cat\n");
        var e = assertThrows(SessionException.class, () -> importer(Map.of()).fromCsv(file));
        assertEquals(file + " line 1: expected the header \"path,label\" (or an export's \"path,label,source,confidence\"),"
                + " found \"file,class\"", e.getMessage());
        assertTrue(assertThrows(SessionException.class, () -> importer(Map.of()).fromCsv(csv("")))
                .getMessage().contains("empty file"));
    }

    @Test
    void labelsTheImageAlreadyHasAreCountedNotRewritten() throws IOException {
        var current = Map.of("a.png", new LabelState(0, LabelSource.HUMAN, now));
        var result = importer(current).fromCsv(csv("path,label\na.png,CAT\nb.png,dog\n"));
        assertEquals(1, result.unchanged());
        assertEquals(List.of(LabelEvent.label("b.png", 3, LabelSource.HUMAN, now)), result.events());
    }

    @Test
    void imageFolderInsideTheRootLabelsByFolderAndRefusesUnknownFolders() throws IOException {
        Path root = temp.resolve("root");
        for (String path : List.of("cat/x.png", "dog/y/z.png", "horse/w.png")) {
            Files.createDirectories(root.resolve(path).getParent());
            Files.createFile(root.resolve(path));
        }
        Files.createFile(root.resolve("loose.png"));
        var importer = new LabelImport(Set.of("cat/x.png", "dog/y/z.png", "horse/w.png", "loose.png"), classes, Map.of(), now);
        var result = importer.fromImageFolder(root, root);
        assertEquals(List.of(LabelEvent.label("cat/x.png", 0, LabelSource.HUMAN, now),
                LabelEvent.label("dog/y/z.png", 3, LabelSource.HUMAN, now)), result.events());
        assertEquals(List.of("\"loose.png\": not inside a class folder",
                "\"horse/w.png\": unknown class \"horse\" (the session has classes cat, Dog)"),
                result.problems().stream().map(LabelImport.Problem::describe).toList());

        Path outside = Files.createDirectories(temp.resolve("elsewhere"));
        var e = assertThrows(SessionException.class, () -> importer.fromImageFolder(outside, root));
        assertTrue(e.getMessage().contains("is outside the session's image folder"), e.getMessage());
    }
}
