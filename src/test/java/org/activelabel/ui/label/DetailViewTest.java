package org.activelabel.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.ui.FakeWorkspace;
import org.activelabel.ui.thumbnail.ThumbnailCache;
import org.activelabel.ui.thumbnail.ThumbnailSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The large view shows the thumbnail at once and the image itself when it is decoded; moving on drops a decode. */
@ExtendWith(ApplicationExtension.class)
class DetailViewTest {

    @TempDir
    static Path images;

    private final Map<Path, Image> thumbnailsShown = new ConcurrentHashMap<>();
    private final ThumbnailSource thumbnailSource = (file, side) ->
            thumbnailsShown.computeIfAbsent(file, f -> new WritableImage(side, side * 3 / 4));
    /** Files the large picture was decoded from, in order; each decode waits until the test lets it finish. */
    private final List<Path> decoded = new CopyOnWriteArrayList<>();
    private final Map<Path, CountDownLatch> finish = new ConcurrentHashMap<>();
    private final ThumbnailSource pictures = (file, side) -> {
        decoded.add(file);
        try {
            if (!latch(file).await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never let finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted", e);
        }
        return new WritableImage(side, side * 3 / 4);
    };

    private FakeWorkspace workspace;
    private BackgroundTasks tasks;
    private LabellingViewModel vm;
    private DetailView detail;

    private CountDownLatch latch(Path file) {
        return finish.computeIfAbsent(file, f -> new CountDownLatch(1));
    }

    @Start
    void start(Stage stage) {
        workspace = new FakeWorkspace(images, 12, List.of("cat", "dog"));
        tasks = new BackgroundTasks();
        vm = new LabellingViewModel(workspace, tasks);
        detail = new DetailView(vm, tasks, pictures, new ThumbnailCache(thumbnailSource, tasks, 128));
        stage.setScene(new Scene(detail, 420, 700));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        finish.values().forEach(CountDownLatch::countDown);
        robot.interact(vm::dispose);
        tasks.close();
    }

    private Path fileOf(int itemId) {
        return vm.item(itemId).file();
    }

    @Test
    void theThumbnailShowsFirstThenTheImageItself(FxRobot robot) throws TimeoutException {
        int first = vm.queueProperty().get().get(0);
        robot.interact(() -> vm.focus(first));

        waitUntil(() -> detail.shownImage() != null && detail.shownImage() == thumbnailsShown.get(fileOf(first)));
        waitUntil(() -> decoded.contains(fileOf(first)));
        latch(fileOf(first)).countDown();

        waitUntil(() -> detail.shownImage() != null && detail.shownImage().getWidth() > 128);
        assertEquals(1, decoded.size());
    }

    @Test
    void movingOnDropsTheDecodeThatHasNotStarted(FxRobot robot) throws TimeoutException {
        var queue = vm.queueProperty().get();
        int a = vm.focusedItem();
        waitUntil(() -> decoded.contains(fileOf(a))); // the image in view when the pane opened
        latch(fileOf(a)).countDown();
        int b = queue.get(1);
        int c = queue.get(2);
        int d = queue.get(3);
        robot.interact(() -> vm.focus(b));
        waitUntil(() -> decoded.contains(fileOf(b))); // b's decode is running and waits

        robot.interact(() -> {
            vm.focus(c);
            vm.focus(d);
        });
        waitUntil(() -> detail.shownImage() == thumbnailsShown.get(fileOf(d)));
        latch(fileOf(b)).countDown();
        waitUntil(() -> decoded.contains(fileOf(d)));
        latch(fileOf(d)).countDown();

        waitUntil(() -> detail.shownImage() != null && detail.shownImage().getWidth() > 128);
        assertFalse(decoded.contains(fileOf(c)), "the image passed over was never decoded");
        assertSame(vm.focusedItem(), d);
    }

    @Test
    void theProbabilitiesShowOnlyOnceThereIsAModel(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(detail.probabilitiesShown(), "the fake starts with a model");

        robot.interact(workspace::forgetModel);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(detail.probabilitiesShown(), "no heading over an empty chart");
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
