package org.activelabel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageScannerTest {

    @TempDir
    Path root;

    private void touch(String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1, 2, 3});
    }

    @Test
    void findsImagesInSubfoldersSortedWithSlashes() throws Exception {
        touch("b/z.JPG");
        touch("a.png");
        touch("b/c/d.webp");
        touch("b/readme.txt");
        touch("e.jpeg");
        touch("f.Gif");
        touch("g.bmp");
        touch(".cache/h.png");
        touch("._i.jpg");

        ScanResult result = ImageScanner.scan(root);

        assertEquals(List.of("a.png", "b/c/d.webp", "b/z.JPG", "e.jpeg", "f.Gif", "g.bmp"), result.relativePaths());
        assertEquals(List.of(), result.problems());
        assertEquals(3, result.images().get(0).sizeBytes());
    }

    @Test
    void symbolicLinkLoopIsReportedNotFollowedForever() throws Exception {
        touch("a/one.png");
        Files.createSymbolicLink(root.resolve("a/back"), root);

        ScanResult result = ImageScanner.scan(root);

        assertEquals(List.of("a/one.png"), result.relativePaths());
        assertEquals(1, result.problems().size());
        assertEquals("a/back", result.problems().get(0).relativePath());
        assertTrue(result.problems().get(0).reason().contains("loop"), result.problems().get(0).reason());
    }

    @Test
    void linkedFolderOutsideTheRootIsIncluded(@TempDir Path elsewhere) throws Exception {
        Files.write(elsewhere.resolve("x.png"), new byte[] {1});
        Files.createSymbolicLink(root.resolve("more"), elsewhere);

        assertEquals(List.of("more/x.png"), ImageScanner.scan(root).relativePaths());
    }

    @Test
    void missingRootIsAnError() {
        assertThrows(IOException.class, () -> ImageScanner.scan(root.resolve("nope")));
    }
}
