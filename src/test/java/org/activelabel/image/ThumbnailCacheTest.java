package org.activelabel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailCacheTest {

    @TempDir
    Path dir;

    @Test
    void thumbnailIsSmallAndServedFromCacheTheSecondTime() throws Exception {
        Path file = TestImages.write(dir.resolve("photo.png"), TestImages.solid(800, 400, Color.PINK), "png");
        var cache = new ThumbnailCache(new ImageDecoder());

        var first = assertInstanceOf(DecodeResult.Decoded.class, cache.get(file));

        assertEquals(192, first.image().getWidth());
        assertEquals(96, first.image().getHeight());
        assertSame(first, cache.get(file));
        assertSame(first, cache.cached(file).orElseThrow());
    }

    @Test
    void editedFileIsDecodedAgain() throws Exception {
        Path file = TestImages.write(dir.resolve("photo.png"), TestImages.solid(400, 400, Color.RED), "png");
        var cache = new ThumbnailCache(new ImageDecoder());
        var before = cache.get(file);

        TestImages.write(file, TestImages.solid(400, 200, Color.BLUE), "png");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));

        var after = assertInstanceOf(DecodeResult.Decoded.class, cache.get(file));
        assertTrue(after != before);
        assertEquals(96, after.image().getHeight());
    }

    @Test
    void brokenFileGivesItsReasonAndOldEntriesAreEvicted() throws Exception {
        var cache = new ThumbnailCache(new ImageDecoder(), 32, 2, 1 << 20);
        Path broken = Files.writeString(dir.resolve("broken.png"), "not really");
        assertEquals("not an image (unrecognised format)",
                assertInstanceOf(DecodeResult.Failed.class, cache.get(broken)).reason());

        for (int i = 0; i < 3; i++) {
            cache.get(TestImages.write(dir.resolve(i + ".png"), TestImages.solid(64, 64, Color.CYAN), "png"));
        }
        assertEquals(2, cache.size());
        assertTrue(cache.cached(broken).isEmpty());
    }
}
