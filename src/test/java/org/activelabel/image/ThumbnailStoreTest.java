package org.activelabel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.activelabel.progress.ProgressSink;
import org.activelabel.testing.Fifos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thumbnails kept on disk: made once per version of an image, read back after a restart, remade when damaged. */
class ThumbnailStoreTest {

    private static final int SIDE = 64;

    @TempDir
    Path temp;
    private Path images;
    private Path dir;
    private final AtomicInteger decodes = new AtomicInteger();
    private final ImageDecoder decoder = new ImageDecoder();
    private final ThumbnailStore.Decoding counting = (file, maxSide) -> {
        decodes.incrementAndGet();
        return decoder.decodeToFit(file, maxSide);
    };

    @BeforeEach
    void folders() throws IOException {
        images = Files.createDirectories(temp.resolve("images"));
        dir = temp.resolve("session").resolve("thumbnails");
    }

    private ThumbnailStore open() throws IOException {
        return ThumbnailStore.open(dir, images, SIDE, counting);
    }

    private Path photo(String name, Color color) throws IOException {
        return TestImages.write(images.resolve(name), TestImages.solid(400, 300, color), "jpg");
    }

    private static BufferedImage picture(DecodeResult result) {
        return assertInstanceOf(DecodeResult.Decoded.class, result).image();
    }

    private static boolean isMostly(BufferedImage image, Color color) {
        int rgb = image.getRGB(image.getWidth() / 2, image.getHeight() / 2);
        return Math.abs(((rgb >> 16) & 0xff) - color.getRed()) < 30 && Math.abs(((rgb >> 8) & 0xff) - color.getGreen()) < 30
                && Math.abs((rgb & 0xff) - color.getBlue()) < 30;
    }

    private Path storedFile(String relativePath) {
        return dir.resolve(ThumbnailStore.fileName(relativePath));
    }

    @Test
    void afterARestartTheThumbnailsAreReadFromDiskAndNoImageIsDecoded() throws IOException {
        var red = photo("red.jpg", Color.RED);
        var blue = photo("sub/blue.jpg", Color.BLUE);
        try (var store = open()) {
            assertEquals(64, picture(store.thumbnail(red)).getWidth());
            picture(store.thumbnail(blue));
            assertEquals(2, decodes.get());
        }
        decodes.set(0);

        try (var reopened = open()) {
            var again = picture(reopened.thumbnail(red));
            assertEquals(64, again.getWidth());
            assertEquals(48, again.getHeight());
            assertTrue(isMostly(again, Color.RED));
            assertTrue(isMostly(picture(reopened.thumbnail(blue)), Color.BLUE));
        }
        assertEquals(0, decodes.get(), "nothing decoded after the restart");
    }

    @Test
    void aPictureDecodedForFeaturisingBecomesTheThumbnailAndNothingIsDecodedAgain() throws IOException {
        var red = photo("red.jpg", Color.RED);
        var small = TestImages.write(images.resolve("small.png"), TestImages.solid(40, 30, Color.GREEN), "png");
        try (var store = open()) {
            store.keepFrom(red, decoder.decodeToFit(red, 200) instanceof DecodeResult.Decoded d ? d.image() : null);
            store.keepFrom(small, TestImages.solid(40, 30, Color.GREEN));

            var thumbnail = picture(store.thumbnail(red));
            assertEquals(64, thumbnail.getWidth());
            assertTrue(isMostly(thumbnail, Color.RED));
            assertTrue(store.has(red));
            assertEquals(0, decodes.get(), "the stored thumbnail was read, not decoded from the photo");
        }
        // a small image is noted as its own thumbnail: reading it is all it takes
        assertTrue(Files.exists(storedFile("small.png")));
    }

    @Test
    void aTransparentPictureIsStoredWithItsTransparencyAndAPhotoAsJpeg() throws IOException {
        var sticker = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 200; x < 400; x++) {
                sticker.setRGB(x, y, 0xFF0000FF);
            }
        }
        var transparent = TestImages.write(images.resolve("sticker.png"), sticker, "png");
        var red = photo("red.jpg", Color.RED);
        try (var store = open()) {
            picture(store.thumbnail(transparent));
            picture(store.thumbnail(red));
        }
        decodes.set(0);

        try (var reopened = open()) {
            byte[] png = reopened.storedPicture(transparent).orElseThrow();
            assertEquals(0x89, png[0] & 0xFF, "PNG signature");
            assertEquals('P', png[1]);
            var again = picture(reopened.thumbnail(transparent));
            assertEquals(0, again.getRGB(5, 24) >>> 24, "the transparent half stays transparent");
            assertEquals(0xFF0000FF, again.getRGB(58, 24));

            byte[] jpeg = reopened.storedPicture(red).orElseThrow();
            assertEquals(0xFFD8, ((jpeg[0] & 0xFF) << 8) | (jpeg[1] & 0xFF), "JPEG start of image");
        }
        assertEquals(0, decodes.get());
    }

    @Test
    void thumbnailsMadeBeforeTransparencyWasKeptAreMadeAgainOnlyForImagesThatMayBeTransparent() throws IOException {
        var sticker = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        var transparent = TestImages.write(images.resolve("sticker.png"), sticker, "png");
        var red = photo("red.jpg", Color.RED);
        try (var store = open()) {
            picture(store.thumbnail(transparent));
            picture(store.thumbnail(red));
        }
        asWrittenBefore(storedFile("sticker.png"));
        asWrittenBefore(storedFile("red.jpg"));
        decodes.set(0);

        try (var reopened = open()) {
            assertTrue(reopened.has(red), "a JPEG has no transparency to lose: its thumbnail stays");
            assertFalse(reopened.has(transparent));
            picture(reopened.thumbnail(red));
            assertEquals(0, picture(reopened.thumbnail(transparent)).getRGB(5, 5) >>> 24);
            assertEquals(1, decodes.get(), "only the PNG was decoded again");
            assertTrue(reopened.has(transparent));
        }
    }

    /** Rewrites a thumbnail file as the layout before transparency was kept gave it (magic ALTHUMB1). */
    private static void asWrittenBefore(Path thumbnail) throws IOException {
        byte[] bytes = Files.readAllBytes(thumbnail);
        bytes[7] = '1';
        var crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        java.nio.ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        Files.write(thumbnail, bytes);
    }

    @Test
    void aChangedImageGetsANewThumbnail() throws IOException {
        var file = photo("a.jpg", Color.RED);
        try (var store = open()) {
            store.thumbnail(file);
            photo("a.jpg", Color.GREEN);
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));

            assertFalse(store.has(file), "the stored one is of the earlier version");
            assertTrue(isMostly(picture(store.thumbnail(file)), Color.GREEN));
            assertEquals(2, decodes.get());
            assertTrue(store.has(file));
        }
    }

    @Test
    void aDamagedThumbnailIsIgnoredAndMadeAgain() throws IOException {
        var file = photo("a.jpg", Color.RED);
        try (var store = open()) {
            store.thumbnail(file);
            byte[] bytes = Files.readAllBytes(storedFile("a.jpg"));
            bytes[bytes.length / 2] ^= 0x55;
            Files.write(storedFile("a.jpg"), bytes);

            assertTrue(isMostly(picture(store.thumbnail(file)), Color.RED));
            assertEquals(2, decodes.get(), "decoded again");
            store.thumbnail(file);
            assertEquals(2, decodes.get(), "and stored again whole");
        }
    }

    @Test
    void aThumbnailCutShortOrEmptyIsMadeAgain() throws IOException {
        var file = photo("a.jpg", Color.RED);
        try (var store = open()) {
            store.thumbnail(file);
            byte[] bytes = Files.readAllBytes(storedFile("a.jpg"));
            Files.write(storedFile("a.jpg"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
            assertTrue(isMostly(picture(store.thumbnail(file)), Color.RED));
            Files.write(storedFile("a.jpg"), new byte[0]);
            assertTrue(isMostly(picture(store.thumbnail(file)), Color.RED));
            assertEquals(3, decodes.get());
        }
    }

    @Test
    void aLinkInPlaceOfAThumbnailIsReplacedAndItsTargetLeftAlone() throws IOException {
        var file = photo("a.jpg", Color.RED);
        var notes = Files.writeString(temp.resolve("notes.txt"), "the user's notes\n");
        try (var store = open()) {
            store.thumbnail(file);
            Files.delete(storedFile("a.jpg"));
            Files.createSymbolicLink(storedFile("a.jpg"), notes);

            assertTrue(isMostly(picture(store.thumbnail(file)), Color.RED));

            assertEquals("the user's notes\n", Files.readString(notes));
            assertTrue(Files.isRegularFile(storedFile("a.jpg"), LinkOption.NOFOLLOW_LINKS), "the link was replaced");
        }
    }

    @Test
    void aFifoInPlaceOfAThumbnailIsNotOpened() throws Exception {
        var file = photo("a.jpg", Color.RED);
        Fifos.make(Files.createDirectories(dir).resolve(ThumbnailStore.fileName("a.jpg")));
        try (var store = open()) {
            var result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> store.thumbnail(file));
            assertTrue(isMostly(picture(result), Color.RED));
            assertTrue(Files.isRegularFile(storedFile("a.jpg"), LinkOption.NOFOLLOW_LINKS));
        }
    }

    @Test
    void aThumbnailFolderThatIsALinkIsRefused() throws IOException {
        Files.createDirectories(dir.getParent());
        Files.createSymbolicLink(dir, Files.createDirectories(temp.resolve("elsewhere")));

        var e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains(dir + " is a symbolic link"), e.getMessage());
    }

    @Test
    void aSmallImageIsItsOwnThumbnailAndIsNotBuiltAgain() throws IOException {
        var icon = TestImages.write(images.resolve("icon.png"), TestImages.solid(40, 30, Color.RED), "png");
        try (var store = open()) {
            assertEquals(40, picture(store.thumbnail(icon)).getWidth());
            assertTrue(Files.size(storedFile("icon.png")) < 200, "no picture stored, only that it is small");
            assertTrue(store.has(icon));
            assertEquals(0, store.buildMissing(List.of(icon), ProgressSink.NONE));
            assertEquals(40, picture(store.thumbnail(icon)).getWidth(), "read from the image itself");
        }
    }

    @Test
    void aBrokenImageSaysWhyAndNothingIsStored() throws IOException {
        var broken = Files.writeString(images.resolve("broken.jpg"), "not a picture");
        try (var store = open()) {
            assertInstanceOf(DecodeResult.Failed.class, store.thumbnail(broken));
            assertInstanceOf(DecodeResult.Failed.class, store.thumbnail(images.resolve("gone.jpg")));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void buildingAheadMakesOnlyTheMissingOnesAndTidyingRemovesThoseOfImagesGone() throws IOException {
        var a = photo("a.jpg", Color.RED);
        var b = photo("b.jpg", Color.GREEN);
        var c = photo("c.jpg", Color.BLUE);
        try (var store = open()) {
            store.thumbnail(a);

            assertEquals(2, store.buildMissing(List.of(a, b, c), ProgressSink.NONE));
            assertEquals(3, decodes.get());
            assertEquals(0, store.buildMissing(List.of(a, b, c), ProgressSink.NONE));

            Files.delete(b);
            assertEquals(1, store.retainOnly(List.of("a.jpg", "c.jpg")));
            assertFalse(Files.exists(storedFile("b.jpg")));
            assertTrue(store.has(a) && store.has(c));
        }
    }

    @Test
    void nothingIsWrittenAfterClose() throws IOException {
        var a = photo("a.jpg", Color.RED);
        var store = open();
        store.close();
        assertTrue(isMostly(picture(store.thumbnail(a)), Color.RED));
        assertFalse(Files.exists(storedFile("a.jpg")));
    }

    @Test
    void twoRequestsForOneImageDecodeItOnce() throws Exception {
        var file = photo("a.jpg", Color.RED);
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var store = ThumbnailStore.open(dir, images, SIDE, (f, side) -> {
            decodes.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return decoder.decodeToFit(f, side);
        });
        var first = CompletableFuture.supplyAsync(() -> store.thumbnail(file));
        entered.await();
        var second = CompletableFuture.supplyAsync(() -> store.thumbnail(file));
        release.countDown();

        assertTrue(isMostly(picture(first.get()), Color.RED));
        assertTrue(isMostly(picture(second.get()), Color.RED));
        assertEquals(1, decodes.get());
    }
}
