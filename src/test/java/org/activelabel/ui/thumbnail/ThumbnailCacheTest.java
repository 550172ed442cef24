package org.activelabel.ui.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Thumbnails are decoded once, off the FX thread, at the screen's pixel density. */
@ExtendWith(ApplicationExtension.class)
class ThumbnailCacheTest {

    private final List<Integer> decodedSides = new CopyOnWriteArrayList<>();
    private final ThumbnailSource source = (file, side) -> {
        decodedSides.add(side);
        return new WritableImage(side, side);
    };
    private final BackgroundTasks tasks = new BackgroundTasks();

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void onADoubleDensityScreenThumbnailsAreDecodedAtTwiceTheirShownSize(FxRobot robot) throws TimeoutException {
        var cache = new ThumbnailCache(source, tasks, 128, 2.0, 10);
        var loaded = new AtomicReference<Image>();

        robot.interact(() -> cache.request(3, Path.of("a.png"), loaded::set));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> loaded.get() != null);

        assertEquals(128, cache.maxSide(), "tiles lay out at the shown size");
        assertEquals(List.of(256), decodedSides);
        assertEquals(256, loaded.get().getWidth());
    }

    @Test
    void aSecondRequestIsAnsweredFromTheCacheAtOnce(FxRobot robot) throws TimeoutException {
        var cache = new ThumbnailCache(source, tasks, 128, 10);
        var first = new AtomicReference<Image>();
        robot.interact(() -> cache.request(3, Path.of("a.png"), first::set));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> first.get() != null);

        var second = new AtomicReference<Image>();
        robot.interact(() -> {
            cache.request(3, Path.of("a.png"), second::set);
            assertSame(first.get(), second.get(), "answered before request returns");
        });

        assertEquals(List.of(128), decodedSides);
    }
}
