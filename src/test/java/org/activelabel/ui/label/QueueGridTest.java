package org.activelabel.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.ui.FakeWorkspace;
import org.activelabel.ui.thumbnail.DecodedThumbnailSource;
import org.activelabel.ui.thumbnail.ThumbnailCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The queue grid in a window of its own: which tiles exist, where they sit, what a click does. */
@ExtendWith(ApplicationExtension.class)
class QueueGridTest {

    @TempDir
    static Path images;

    private FakeWorkspace workspace;
    private BackgroundTasks tasks;
    private LabellingViewModel vm;
    private QueueGrid grid;

    @Start
    void start(Stage stage) {
        workspace = new FakeWorkspace(images, 120, List.of("cat", "dog", "bird"));
        tasks = new BackgroundTasks();
        vm = new LabellingViewModel(workspace, tasks);
        grid = new QueueGrid(vm, new ThumbnailCache(new DecodedThumbnailSource(), tasks, 128));
        stage.setScene(new Scene(grid, 760, 520));
        stage.show();
        grid.requestFocus();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(vm::dispose);
        tasks.close();
    }

    @Test
    void onlyTheRowsInViewHaveTilesAndMovingTheFocusScrollsItIntoView(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        var queue = vm.queueProperty().get();
        int inView = countTiles(queue);
        assertTrue(grid.columns() > 1, "tiles side by side");
        assertTrue(inView > 0 && inView <= 4 * grid.columns(), inView + " tiles for a window three rows high");

        int last = queue.get(queue.size() - 1);
        robot.interact(() -> vm.moveFocus(Integer.MAX_VALUE / 2, false));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(last, vm.focusedItem());
        Region tile = grid.tileOf(last).orElseThrow(() -> new AssertionError("the focused tile is in view"));
        Bounds onGrid = grid.sceneToLocal(tile.localToScene(tile.getLayoutBounds()));
        assertTrue(onGrid.getMinY() >= 0 && onGrid.getMaxY() <= grid.getHeight(), onGrid.toString());
        assertTrue(grid.tileOf(queue.get(0)).isEmpty(), "the first rows scrolled away and gave up their tiles");
        assertTrue(countTiles(queue) <= 4 * grid.columns());
    }

    @Test
    void aLabelSlidesTheOtherTilesOnePlaceAndTheFocusedTileKeepsItsPlaceOnScreen(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        // focus an image on the second row, so the one after it moves back across a row end
        robot.interact(() -> vm.moveFocus(grid.columns() + 1, false));
        WaitForAsyncUtils.waitForFxEvents();
        var queue = vm.queueProperty().get();
        int focused = vm.focusedItem();
        int focusIndex = queue.indexOf(focused);
        Map<Integer, Region> tiles = new HashMap<>();
        Map<Integer, Bounds> places = new HashMap<>();
        for (int i = 0; i < queue.size(); i++) {
            int id = queue.get(i);
            grid.tileOf(id).ifPresent(tile -> {
                tiles.put(id, tile);
                places.put(id, tile.getBoundsInParent());
            });
        }

        robot.interact(() -> vm.label(0));
        WaitForAsyncUtils.waitForFxEvents();

        var now = vm.queueProperty().get();
        assertTrue(grid.tileOf(focused).isEmpty(), "the labelled image left the grid");
        int next = vm.focusedItem();
        assertEquals(now.get(focusIndex), next, "the next image took the labelled one's place");
        assertEquals(places.get(focused), grid.tileOf(next).orElseThrow().getBoundsInParent(),
                "the focused tile sits where the labelled one was");
        int moved = 0;
        for (int i = focusIndex; i < now.size(); i++) {
            int id = now.get(i); // one place further on before the label
            var before = tiles.get(id);
            var place = places.get(queue.get(i));
            var after = grid.tileOf(id);
            if (before != null && place != null && after.isPresent()) {
                assertSame(before, after.get(), "image " + id + " kept its tile");
                assertEquals(place, after.get().getBoundsInParent(), "image " + id + " moved one place back");
                moved++;
            }
        }
        assertTrue(moved >= grid.columns(), moved + " tiles slid along");
    }

    @Test
    void whenTheOrderChangesTheFocusedImageStaysAtTheSameHeightOnScreen(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> vm.moveFocus(grid.columns() + 1, false));
        WaitForAsyncUtils.waitForFxEvents();
        int focused = vm.focusedItem();
        double y = screenY(grid.tileOf(focused).orElseThrow());
        int[] reversed = vm.queueProperty().get().ids().clone();
        for (int i = 0, j = reversed.length - 1; i < j; i++, j--) {
            int t = reversed[i];
            reversed[i] = reversed[j];
            reversed[j] = t;
        }

        workspace.reorder(reversed);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(focused, vm.focusedItem());
        assertTrue(vm.queueProperty().get().indexOf(focused) > 2 * grid.columns(), "the image moved far down the queue");
        Region tile = grid.tileOf(focused).orElseThrow(() -> new AssertionError("the focused image is still in view"));
        assertEquals(y, screenY(tile), 0.5);
    }

    private double screenY(Region tile) {
        return grid.sceneToLocal(tile.localToScene(tile.getLayoutBounds())).getMinY();
    }

    @Test
    void afterANewModelEveryTileInViewShowsItsNewGuess(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        long before = vm.rankingProperty().get().modelVersion();
        robot.interact(() -> vm.updateModel(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> vm.rankingProperty().get().modelVersion() != before && !vm.trainingProperty().get());

        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            var queue = vm.queueProperty().get();
            int checked = 0;
            for (int i = 0; i < queue.size(); i++) {
                int id = queue.get(i);
                var tile = grid.tileOf(id);
                if (tile.isPresent()) {
                    if (!tile.get().predictionText().equals(vm.className(vm.predictedClass(id)))) {
                        return false;
                    }
                    checked++;
                }
            }
            return checked > 2 * grid.columns();
        }).get());
    }

    @Test
    void aRenamedClassShowsOnTheTilesAtOnceAndALongNameGivesWayToThePercentage(FxRobot robot) throws TimeoutException {
        for (int c = 0; c < 3; c++) {
            int index = c;
            robot.interact(() -> vm.renameClass(index, "a rather long class name " + index));
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> workspace.classes().get(2).startsWith("a rather"));
        WaitForAsyncUtils.waitForFxEvents();

        var tile = grid.tileOf(vm.queueProperty().get().get(0)).orElseThrow();
        assertTrue(tile.predictionText().startsWith("a rather long"), tile.predictionText());
        assertTrue(tile.confidenceShown().matches("\\d+%"), "drawn as " + tile.confidenceShown());
    }

    @Test
    void aTileNamesItsFileAndTheNameTellsThePathAndTheScoreOnHover(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int first = vm.queueProperty().get().get(0);
        var tile = grid.tileOf(first).orElseThrow();
        var name = (Label) tile.lookup(".tile-meta");
        var path = vm.item(first).relativePath();
        assertEquals(path.substring(path.lastIndexOf('/') + 1), name.getText());

        robot.moveTo(name);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(String.format(Locale.ROOT, "%s\nqueue score %.3f: the highest are asked first", path,
                vm.score(first)), name.getTooltip().getText());
    }

    @Test
    void theNamesTooltipFollowsTheTileToItsNextImage(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        int first = vm.queueProperty().get().get(0);
        var tile = grid.tileOf(first).orElseThrow();
        var name = (Label) tile.lookup(".tile-meta");
        robot.moveTo(name);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(first, vm.focusedItem(), "the queue opens on its first image");
        robot.interact(() -> vm.label(0));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tile.itemId() != first);
        WaitForAsyncUtils.waitForFxEvents();

        var path = vm.item(tile.itemId()).relativePath();
        assertEquals(path.substring(path.lastIndexOf('/') + 1), name.getText());
        assertTrue(name.getTooltip().getText().startsWith(path + "\n"), name.getTooltip().getText());
    }

    @Test
    void clickingATileFocusesItsImage(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        var queue = vm.queueProperty().get();
        int third = queue.get(2);
        assertNotEquals(third, vm.focusedItem());

        robot.clickOn(grid.tileOf(third).orElseThrow());

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.focusedItem() == third);
        assertTrue(grid.isFocused(), "the grid has the keyboard");
    }

    private int countTiles(QueueSnapshot queue) {
        int count = 0;
        for (int i = 0; i < queue.size(); i++) {
            if (grid.tileOf(queue.get(i)).isPresent()) {
                count++;
            }
        }
        return count;
    }
}
