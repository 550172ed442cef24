package org.activelabel.ui.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.workspace.ImageItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Thumbnails are decoded once, off the FX thread, at the screen's pixel density, and held within a pixel budget. */
@ExtendWith(ApplicationExtension.class)
class ThumbnailCacheTest {

    private final List<Integer> decodedSides = new CopyOnWriteArrayList<>();
    private final List<Path> decodedFiles = new CopyOnWriteArrayList<>();
    private final ThumbnailSource source = (file, side) -> {
        decodedSides.add(side);
        decodedFiles.add(file);
        return new WritableImage(side, side);
    };
    private final BackgroundTasks tasks = new BackgroundTasks();

    @AfterEach
    void close() {
        tasks.close();
    }

    private static ImageItem item(int id, long modified) {
        return new ImageItem(id, "img_" + id + ".png", Path.of("img_" + id + ".png"), 100, modified,
                ImageItem.Status.FEATURISED, null);
    }

    private static Image load(FxRobot robot, ThumbnailCache cache, ImageItem item) throws TimeoutException {
        var loaded = new AtomicReference<Image>();
        robot.interact(() -> cache.request(item, loaded::set));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> loaded.get() != null);
        return loaded.get();
    }

    @Test
    void onADoubleDensityScreenThumbnailsAreDecodedAtTwiceTheirShownSize(FxRobot robot) throws TimeoutException {
        var cache = new ThumbnailCache(source, tasks, 128, 2.0, ThumbnailCache.DEFAULT_PIXEL_BUDGET);

        var loaded = load(robot, cache, item(3, 0));

        assertEquals(128, cache.maxSide(), "tiles lay out at the shown size");
        assertEquals(List.of(256), decodedSides);
        assertEquals(256, loaded.getWidth());
    }

    @Test
    void aSecondRequestIsAnsweredFromTheCacheAtOnce(FxRobot robot) throws TimeoutException {
        var cache = new ThumbnailCache(source, tasks, 128);
        var first = load(robot, cache, item(3, 0));

        var second = new AtomicReference<Image>();
        robot.interact(() -> {
            cache.request(item(3, 0), second::set);
            assertSame(first, second.get(), "answered before request returns");
        });

        assertEquals(List.of(128), decodedSides);
    }

    @Test
    void aChangedImageIsLoadedAgain(FxRobot robot) throws TimeoutException {
        var cache = new ThumbnailCache(source, tasks, 128);
        load(robot, cache, item(3, 1000));

        load(robot, cache, item(3, 2000));

        assertEquals(2, decodedFiles.size(), "the file's new version is not the picture held");
    }

    @Test
    void theLeastRecentlyUsedGoOnceTheBudgetIsSpent(FxRobot robot) throws TimeoutException {
        // room for three 100 x 100 pictures
        var cache = new ThumbnailCache(source, tasks, 100, 1, 35_000);
        load(robot, cache, item(1, 0));
        load(robot, cache, item(2, 0));
        load(robot, cache, item(3, 0));
        robot.interact(() -> cache.request(item(1, 0), image -> { })); // 1 used again: 2 is now the eldest

        load(robot, cache, item(4, 0));

        robot.interact(() -> {
            assertNull(cache.cached(item(2, 0)));
            assertNotNull(cache.cached(item(1, 0)));
            assertNotNull(cache.cached(item(4, 0)));
            assertEquals(30_000, cache.pixels());
        });
    }

    @Test
    void picturesAskedForAheadLoadAfterThoseAskedForNowAndAreThenAtHand(FxRobot robot) throws TimeoutException {
        var cache = new ThumbnailCache(source, tasks, 128);

        robot.interact(() -> {
            cache.loadAhead(List.of(item(5, 0), item(6, 0)));
            cache.request(item(1, 0), image -> { });
            cache.request(item(2, 0), image -> { });
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> decodedFiles.size() == 4);

        // the first picture ahead may have started before the tiles asked; the second waits for them
        assertEquals(java.util.Set.of("img_5.png", "img_1.png", "img_2.png"),
                decodedFiles.subList(0, 3).stream().map(Path::toString).collect(java.util.stream.Collectors.toSet()));
        assertEquals("img_6.png", decodedFiles.get(3).toString());
        robot.interact(() -> assertNotNull(cache.cached(item(6, 0)), "at hand when the grid scrolls to it"));
    }
}
