package org.activelabel.ui.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.activelabel.image.ImageDecoder;
import org.activelabel.image.TestImages;
import org.activelabel.image.ThumbnailStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/** The grid's pictures through the session's thumbnails: photos are decoded on the first start only. */
@ExtendWith(ApplicationExtension.class)
class StoredThumbnailSourceTest {

    @TempDir
    Path temp;
    private Path images;
    private Path thumbnails;
    private final List<Path> photos = new ArrayList<>();
    private final AtomicInteger decodes = new AtomicInteger();
    private final ImageDecoder decoder = new ImageDecoder();

    @BeforeEach
    void aFolderOfPhotos() throws IOException {
        images = temp.resolve("images");
        thumbnails = temp.resolve("session").resolve("thumbnails");
        for (int i = 0; i < 6; i++) {
            photos.add(TestImages.write(images.resolve("photo-" + i + ".jpg"),
                    TestImages.solid(1200, 900, Color.getHSBColor(i / 6f, 0.8f, 0.9f)), "jpg"));
        }
    }

    /** The window's source as a start of the program makes it. */
    private StoredThumbnailSource start() throws IOException {
        return new StoredThumbnailSource(ThumbnailStore.open(thumbnails, images, ThumbnailStore.DEFAULT_SIDE,
                (file, side) -> {
                    decodes.incrementAndGet();
                    return decoder.decodeToFit(file, side);
                }));
    }

    @Test
    void theSecondStartShowsTheGridWithoutDecodingAPhoto() throws IOException {
        var first = start();
        for (Path photo : photos) {
            first.load(photo, 128);
        }
        assertEquals(6, decodes.get());
        decodes.set(0);

        var second = start();
        for (Path photo : photos) {
            var picture = second.load(photo, 128);
            assertEquals(128, picture.getWidth());
            assertEquals(96, picture.getHeight());
        }

        assertEquals(0, decodes.get(), "every tile came from the thumbnails on disk");
    }

    @Test
    void aDoubleDensityTileGetsTheStoredSizeAndAnImageThatDoesNotReadSaysWhy() throws IOException {
        var source = start();
        assertEquals(256, source.load(photos.get(0), 256).getWidth());

        var notes = Files.writeString(images.resolve("notes.jpg"), "not a picture");
        var error = assertThrows(IOException.class, () -> source.load(notes, 128));
        assertTrue(error.getMessage().startsWith("notes.jpg: "), error.getMessage());
    }

    @Test
    void aStoredStickerShowsOnTheWindowsBackgroundWithoutADarkRim() throws IOException {
        var file = Stickers.redDisc(images.resolve("sticker.png"), 800);
        start().load(file, 128);
        decodes.set(0);

        var tile = start().load(file, 128);

        assertEquals(0, decodes.get(), "read from the stored thumbnail");
        Stickers.assertShownCleanly(tile);
    }
}
