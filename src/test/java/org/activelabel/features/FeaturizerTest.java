package org.activelabel.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.activelabel.image.ImageDecoder;
import org.activelabel.image.TestImages;
import org.activelabel.progress.ProgressSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturizerTest {

    @TempDir
    Path images;

    @TempDir
    Path cache;

    private final GridColourBackbone backbone = new GridColourBackbone();
    private final Featurizer featurizer = new Featurizer(backbone, new ImageDecoder(), 2, 2);
    private FeatureStore store;

    @BeforeEach
    void openStore() throws Exception {
        store = FeatureStore.open(cache, backbone.id(), backbone.featureDim());
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
    }

    private List<String> addImages(String prefix, int count, Color color) throws Exception {
        var paths = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            String path = prefix + i + ".png";
            TestImages.write(images.resolve(path), TestImages.solid(64 + i, 48, color), "png");
            paths.add(path);
        }
        return paths;
    }

    @Test
    void corruptFileIsSkippedWithItsReasonAndNotRetried() throws Exception {
        var paths = new ArrayList<>(addImages("red", 3, Color.RED));
        Files.writeString(images.resolve("bad.jpg"), "this is not a picture");
        paths.add(1, "bad.jpg");
        var rows = new ArrayList<FeatureRow>();

        FeaturizeReport report = featurizer.featurize(images, paths, store, ProgressSink.NONE, rows::addAll);

        assertEquals(3, report.featurisedNow());
        assertEquals(List.of(new SkippedImage("bad.jpg", "not an image (unrecognised format)")),
                report.skipped());
        assertEquals(List.of("red0.png", "red1.png", "red2.png"), rows.stream().map(FeatureRow::relativePath).toList());
        float[] red = store.get(FileKey.of(images, "red0.png")).orElseThrow();
        assertEquals(1f, red[0], 0.01f);
        assertEquals(0f, red[1], 0.01f);

        int seen = backbone.imagesEmbedded.get();
        FeaturizeReport again = featurizer.featurize(images, paths, store, ProgressSink.NONE, null);
        assertEquals(0, again.featurisedNow());
        assertEquals(3, again.fromCache());
        assertEquals(1, again.skipped().size());
        assertEquals(seen, backbone.imagesEmbedded.get());
    }

    @Test
    void addedAndEditedFilesAreTheOnlyOnesFeaturisedAgain() throws Exception {
        var paths = new ArrayList<>(addImages("a", 4, Color.GREEN));
        featurizer.featurize(images, paths, store, ProgressSink.NONE, null);

        paths.addAll(addImages("b", 2, Color.BLUE));
        Path edited = images.resolve("a0.png");
        TestImages.write(edited, TestImages.solid(50, 50, Color.WHITE), "png");
        Files.setLastModifiedTime(edited, FileTime.fromMillis(Files.getLastModifiedTime(edited).toMillis() + 2000));
        int seen = backbone.imagesEmbedded.get();

        FeaturizeReport report = featurizer.featurize(images, paths, store, ProgressSink.NONE, null);

        assertEquals(3, report.featurisedNow());
        assertEquals(3, report.fromCache());
        assertEquals(seen + 3, backbone.imagesEmbedded.get());
        assertArrayEquals(new float[] {1, 1, 1}, Arrays.copyOf(store.get(FileKey.of(images, "a0.png")).orElseThrow(), 3), 0.01f);
    }

    @Test
    void cancelledRunKeepsFinishedBatchesAndResumes() throws Exception {
        var paths = addImages("c", 7, Color.ORANGE);
        var cancelAfterFirstBatch = new ProgressSink() {
            boolean cancelled;

            @Override
            public void progress(long done, long total, String message) {
                cancelled |= done > 0;
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };

        assertThrows(CancellationException.class,
                () -> featurizer.featurize(images, paths, store, cancelAfterFirstBatch, null));
        int kept = store.size();
        assertTrue(kept >= 2 && kept < 7, "kept " + kept);
        store.close();

        store = FeatureStore.open(cache, backbone.id(), backbone.featureDim());
        FeaturizeReport resumed = featurizer.featurize(images, paths, store, ProgressSink.NONE, null);
        assertEquals(kept, resumed.fromCache());
        assertEquals(7 - kept, resumed.featurisedNow());
    }

    @Test
    void cameraTurnedPhotoHasTheFeaturesOfTheSamePhotoStoredUpright() throws Exception {
        var scene = quadrants(600, 800);
        Files.write(images.resolve("turned-with-exif.jpg"),
                TestImages.jpegWithOrientation(TestImages.turnedCounterClockwise(scene), 6));
        TestImages.write(images.resolve("upright.jpg"), scene, "jpg");
        TestImages.write(images.resolve("turned-without-exif.jpg"), TestImages.turnedCounterClockwise(scene), "jpg");

        featurizer.featurize(images, List.of("turned-with-exif.jpg", "upright.jpg", "turned-without-exif.jpg"), store,
                ProgressSink.NONE, null);

        float[] turned = store.get(FileKey.of(images, "turned-with-exif.jpg")).orElseThrow();
        float[] upright = store.get(FileKey.of(images, "upright.jpg")).orElseThrow();
        float[] ignoringExif = store.get(FileKey.of(images, "turned-without-exif.jpg")).orElseThrow();
        assertTrue(maxDifference(turned, upright) < 0.02, "turned " + Arrays.toString(turned) + " upright "
                + Arrays.toString(upright));
        assertTrue(maxDifference(ignoringExif, upright) > 0.3, "the grid of colours tells orientations apart");
    }

    @Test
    void heicPhotoIsSkippedWithTheFormatNamed() throws Exception {
        var paths = new ArrayList<>(addImages("red", 2, Color.RED));
        Files.move(TestImages.resource(images, "red-blue.heic"), images.resolve("IMG_0042.HEIC"));
        paths.add("IMG_0042.HEIC");

        FeaturizeReport report = featurizer.featurize(images, paths, store, ProgressSink.NONE, null);

        assertEquals(2, report.featurisedNow());
        assertEquals(List.of(new SkippedImage("IMG_0042.HEIC", "format not supported (HEIC)")), report.skipped());
    }

    /** Red, green, blue and white quarters with a soft gradient, so every cell of the grid differs. */
    private static BufferedImage quadrants(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] colours = {0xD02010, 0x20B040, 0x2040D0, 0xF0F0F0};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = colours[(y * 2 / height) * 2 + x * 2 / width];
                int shade = 20 * x / width;
                int r = Math.max(0, ((base >> 16) & 0xff) - shade);
                int g = Math.max(0, ((base >> 8) & 0xff) - shade);
                int b = Math.max(0, (base & 0xff) - shade);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static float maxDifference(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void vanishedFileIsSkippedAsNotFound() throws Exception {
        var paths = new ArrayList<>(addImages("d", 1, Color.GRAY));
        paths.add("gone.png");
        FeaturizeReport report = featurizer.featurize(images, paths, store, ProgressSink.NONE, null);
        assertEquals(List.of(new SkippedImage("gone.png", "file not found")), report.skipped());
    }

    @Test
    void throughputMeasurementLeavesTheCacheAlone() throws Exception {
        var paths = new ArrayList<>(addImages("e", 5, Color.PINK));
        Files.createFile(images.resolve("empty.png"));
        paths.add("empty.png");

        FeaturizeThroughput throughput = featurizer.measureThroughput(images, paths, ProgressSink.NONE);

        assertEquals(5, throughput.images());
        assertEquals(1, throughput.failed());
        assertTrue(throughput.imagesPerSecond() > 0);
        assertEquals(0, store.size());
    }

    @Test
    void decodeMeasurementDecodesEveryFileButRunsNoBackbone() throws Exception {
        var paths = new ArrayList<>(addImages("d", 5, Color.CYAN));
        Files.createFile(images.resolve("empty.png"));
        paths.add("empty.png");

        FeaturizeThroughput throughput = featurizer.measureDecodeThroughput(images, paths, ProgressSink.NONE);

        assertEquals(5, throughput.images());
        assertEquals(1, throughput.failed());
        assertEquals(0, backbone.imagesEmbedded.get());
        assertEquals(0, store.size());
    }

    @Test
    void storeOfAnotherBackboneIsRefused() throws Exception {
        try (var other = FeatureStore.open(cache, "other", backbone.featureDim())) {
            assertThrows(IllegalArgumentException.class,
                    () -> featurizer.featurize(images, List.of(), other, ProgressSink.NONE, null));
        }
    }
}
