package org.activelabel.ui.label;

import org.activelabel.session.LabelSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.ui.FakeWorkspace;
import org.activelabel.query.Strategies;
import org.activelabel.ui.review.ReviewViewModel;
import org.activelabel.workspace.LabelEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The labelling page's state without a window: the FX thread runs, nothing is shown. */
@ExtendWith(ApplicationExtension.class)
class LabellingViewModelTest {

    @TempDir
    static Path images;

    private FakeWorkspace workspace;
    private BackgroundTasks tasks;
    private LabellingViewModel vm;
    private FxRobot fx;
    private final ManualDelays delays = new ManualDelays();

    @BeforeEach
    void open(FxRobot robot) {
        fx = robot;
        workspace = new FakeWorkspace(images, 40, List.of("cat", "dog", "bird"));
        tasks = new BackgroundTasks();
        robot.interact(() -> vm = new LabellingViewModel(workspace, tasks, delays));
    }

    @AfterEach
    void close() {
        fx.interact(vm::dispose);
        tasks.close();
    }

    @Test
    void labellingTheFocusedImageSavesItHidesItAndMovesOnAndUndoBringsItBack() throws TimeoutException {
        int first = workspace.ranking().order()[0];
        int second = workspace.ranking().order()[1];
        assertEquals(first, vm.focusedItem(), "the most useful image has the focus");

        fx.interact(() -> vm.label(1));

        assertEquals(second, vm.focusedItem(), "the next image takes its place");
        assertEquals(-1, vm.queueProperty().get().indexOf(first), "a labelled image leaves the queue at once");
        waitUntil(() -> workspace.labelCalls.size() == 1);
        assertArrayEquals(new int[] {first}, workspace.labelCalls.get(0).itemIds());
        assertEquals(1, workspace.labelCalls.get(0).classIndex());

        fx.interact(vm::undo);

        waitUntil(() -> workspace.labelOf(first).isEmpty() && vm.queueProperty().get().indexOf(first) == 0);
        waitUntil(() -> vm.focusedItem() == first);
        assertTrue(workspace.blockingCallsOnFxThread.isEmpty(), workspace.blockingCallsOnFxThread.toString());
    }

    @Test
    void theModelsOwnLabelShowsAsTheModelsUntilThePersonLabelsTheImage() throws TimeoutException {
        int first = workspace.ranking().order()[0];
        workspace.pseudo.put(first, new LabelEntry(2, LabelSource.MODEL, Instant.now()));

        assertEquals(LabelSource.MODEL, vm.labelOf(first).orElseThrow().source());
        assertEquals(2, vm.labelOf(first).orElseThrow().classIndex());
        assertEquals(0, vm.queueProperty().get().indexOf(first), "a pseudo-labelled image stays in the queue");

        fx.interact(() -> vm.label(1));
        waitUntil(() -> workspace.labelCalls.size() == 1);

        assertEquals(new LabelEntry(1, LabelSource.HUMAN, vm.labelOf(first).orElseThrow().time()),
                vm.labelOf(first).orElseThrow());
    }

    @Test
    void crossValidationWaitsUntilThePersonPausesAndStopsWhenTheyLabelAgain() throws TimeoutException {
        fx.interact(() -> vm.updateModel(false));
        waitUntil(() -> workspace.updates() == 1 && !vm.trainingProperty().get());
        fx.interact(() -> {
            vm.label(0);
            delays.advanceMillis(1500);
            vm.label(1);
            delays.advanceMillis(1500);
        });
        assertEquals(0, workspace.validationsStarted.get(), "labelling keeps pushing the check back");
        fx.interact(() -> delays.advance(RoundScheduler.IDLE));
        waitUntil(() -> workspace.validationsDone.get() == 1);

        workspace.holdValidations();
        fx.interact(() -> vm.updateModel(false));
        waitUntil(() -> workspace.updates() == 2 && !vm.trainingProperty().get());
        fx.interact(() -> delays.advance(RoundScheduler.IDLE));
        waitUntil(() -> workspace.validationsStarted.get() == 2);
        fx.interact(() -> vm.label(2));
        waitUntil(() -> workspace.validationsCancelled.get() == 1);
        assertEquals(1, workspace.validationsDone.get());
        assertTrue(workspace.blockingCallsOnFxThread.isEmpty(), workspace.blockingCallsOnFxThread.toString());
    }

    @Test
    void aLabelThatFailedIsNotWhatUndoTakesBack() throws TimeoutException {
        int first = workspace.ranking().order()[0];
        int second = workspace.ranking().order()[1];
        fx.interact(() -> vm.label(0));
        waitUntil(() -> workspace.labelOf(first).isPresent());

        workspace.failNextLabel(new IllegalStateException("the disk is full"));
        fx.interact(() -> vm.label(1));
        waitUntil(() -> vm.noticeProperty().get().kind() == Notice.Kind.ERROR);
        assertTrue(vm.noticeProperty().get().text().contains("the disk is full"), vm.noticeProperty().get().text());
        assertEquals(0, vm.queueProperty().get().indexOf(second), "the image whose label failed is back");

        fx.interact(vm::undo);

        waitUntil(() -> workspace.labelOf(first).isEmpty());
        waitUntil(() -> vm.focusedItem() == first);
        assertTrue(vm.queueProperty().get().indexOf(first) >= 0, "the last saved label was undone");
        assertTrue(workspace.labelOf(second).isEmpty());
        fx.interact(vm::undo);
        waitUntil(() -> "Nothing to undo".equals(vm.noticeProperty().get().text()));
    }

    @Test
    void aRelabelInTheReviewTabIsUndoneFromTheLabelTab() throws TimeoutException {
        int image = workspace.ranking().order()[0];
        fx.interact(() -> vm.label(0));
        waitUntil(() -> workspace.labelOf(image).isPresent());
        var review = new ReviewViewModel(workspace, Runnable::run);
        review.relabel(image, 2);
        waitUntil(() -> workspace.labelOf(image).map(LabelEntry::classIndex).orElse(-1) == 2);
        review.close();

        fx.interact(vm::undo);

        waitUntil(() -> workspace.labelOf(image).map(LabelEntry::classIndex).orElse(-1) == 0);
        waitUntil(() -> vm.noticeProperty().get().text().contains("earlier label"));
        assertEquals(-1, vm.queueProperty().get().indexOf(image), "still labelled, so still out of the queue");

        fx.interact(vm::undo);

        waitUntil(() -> workspace.labelOf(image).isEmpty() && vm.focusedItem() == image);

        fx.interact(vm::redo);

        waitUntil(() -> workspace.labelOf(image).map(LabelEntry::classIndex).orElse(-1) == 0);
        waitUntil(() -> vm.noticeProperty().get().text().contains("labelled again"));
        assertEquals(-1, vm.queueProperty().get().indexOf(image), "out of the queue again");
        assertTrue(workspace.blockingCallsOnFxThread.isEmpty(), workspace.blockingCallsOnFxThread.toString());
    }

    @Test
    void automaticUpdatesStartAsTheSessionSavedThemAndATogglingIsSaved() throws TimeoutException {
        workspace.setAutoUpdate(false);
        fx.interact(() -> {
            vm.dispose();
            vm = new LabellingViewModel(workspace, tasks, delays);
            vm.batchSizeProperty().set(2);
        });
        assertFalse(vm.autoUpdateProperty().get(), "read from the session");
        fx.interact(() -> vm.label(0));
        fx.interact(() -> vm.label(1));
        waitUntil(() -> workspace.labelCalls.size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, workspace.updates(), "a full round waits while automatic updates are off");

        fx.interact(() -> vm.autoUpdateProperty().set(true));

        waitUntil(() -> workspace.autoUpdate());
        waitUntil(() -> workspace.updates() == 1);
        assertTrue(workspace.blockingCallsOnFxThread.isEmpty(), workspace.blockingCallsOnFxThread.toString());
    }

    @Test
    void theStrategyChoiceOffersEveryStrategyTheWorkspaceKnows() {
        assertEquals(Strategies.names(), vm.strategyNames());
        assertTrue(vm.strategyNames().contains("typiclust"));
    }

    @Test
    void shiftArrowSelectsARangeThatIsLabelledTogether() throws TimeoutException {
        int[] order = workspace.ranking().order();
        fx.interact(() -> {
            vm.moveFocus(1, true);
            vm.moveFocus(1, true);
        });
        assertEquals(3, vm.selection().size());

        fx.interact(() -> vm.label(2));

        waitUntil(() -> workspace.labelCalls.size() == 1);
        assertArrayEquals(new int[] {order[0], order[1], order[2]}, workspace.labelCalls.get(0).itemIds());
        assertTrue(vm.selection().isEmpty());
    }

    @Test
    void aFullRoundStartsAnUpdateInTheBackgroundAndLabelsDuringItAreKept() throws TimeoutException {
        workspace.holdUpdates();
        fx.interact(() -> vm.batchSizeProperty().set(3));
        for (int i = 0; i < 3; i++) {
            fx.interact(() -> vm.label(0));
        }
        waitUntil(() -> vm.trainingProperty().get());
        assertEquals(0, vm.labelsThisRoundProperty().get(), "a new round begins when the update starts");

        fx.interact(() -> vm.label(2));
        fx.interact(() -> vm.label(2));
        assertTrue(vm.trainingProperty().get(), "both labels were given while the update ran");

        workspace.releaseUpdates();
        waitUntil(() -> !vm.trainingProperty().get());
        assertEquals(1, workspace.updates());
        assertEquals(2, vm.labelsThisRoundProperty().get());
        waitUntil(() -> workspace.labelCalls.size() == 5);
        for (int id : workspace.labelledInCallOrder()) {
            assertTrue(workspace.labelOf(id).isPresent());
            assertEquals(-1, vm.queueProperty().get().indexOf(id), "labelled images stay out of the new queue");
        }
        assertEquals(2, vm.modelProperty().get().version());
    }

    @Test
    void aRefreshedRankingKeepsTheFocusedImageFocused() {
        int[] order = workspace.ranking().order();
        fx.interact(() -> vm.moveFocus(5, false));
        int focused = order[5];
        assertEquals(focused, vm.focusedItem());

        int[] reversed = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            reversed[i] = order[order.length - 1 - i];
        }
        workspace.reorder(reversed);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(reversed[0], vm.queueProperty().get().get(0), "the new order is shown");
        assertEquals(focused, vm.focusedItem(), "the focus stays on the same image");
    }

    @Test
    void aNewModelLeavesTheImagesUnderThePointerAndTheFocusInTheirPlaces() throws TimeoutException {
        int[] order = workspace.ranking().order();
        int focused = order[2];
        int hovered = order[7];
        fx.interact(() -> {
            vm.focus(focused);
            vm.hover(hovered);
            vm.updateModel(false);
        });
        waitUntil(() -> !vm.trainingProperty().get());

        int[] newOrder = vm.rankingProperty().get().order();
        assertEquals(2, vm.rankingProperty().get().modelVersion());
        assertNotEquals(2, indexOf(newOrder, focused), "the new model ranks the focused image elsewhere");
        assertNotEquals(7, indexOf(newOrder, hovered), "the new model ranks the hovered image elsewhere");
        var queue = vm.queueProperty().get();
        assertEquals(2, queue.indexOf(focused), "the focused image keeps its place");
        assertEquals(7, queue.indexOf(hovered), "the image under the pointer keeps its place");
        assertEquals(focused, vm.focusedItem());
        assertEquals(newOrder.length, queue.size(), "every image is still listed once");
        assertEquals(java.util.Arrays.stream(newOrder).filter(id -> id != focused && id != hovered).boxed().toList(),
                java.util.Arrays.stream(queue.ids()).filter(id -> id != focused && id != hovered).boxed().toList(),
                "the others follow the new ranking");
    }

    @Test
    void aNewModelShowsItsOwnOrderOnceThePointerHasLeft() throws TimeoutException {
        int[] order = workspace.ranking().order();
        fx.interact(() -> {
            vm.hover(order[7]);
            vm.hover(-1);
            vm.updateModel(false);
        });
        waitUntil(() -> !vm.trainingProperty().get());

        int[] newOrder = vm.rankingProperty().get().order();
        int focused = vm.focusedItem();
        assertEquals(java.util.Arrays.stream(newOrder).filter(id -> id != focused).boxed().toList(),
                java.util.Arrays.stream(vm.queueProperty().get().ids()).filter(id -> id != focused).boxed().toList());
    }

    @Test
    void aFailedUpdateKeepsThePreviousModelAndSaysWhy() throws TimeoutException {
        workspace.failNextUpdate(new IllegalStateException("only one class has labels"));
        fx.interact(() -> vm.updateModel(false));

        waitUntil(() -> !vm.trainingProperty().get());
        // the notice is set in the same FX step that ends training; let that step finish
        WaitForAsyncUtils.waitForFxEvents();

        var notice = vm.noticeProperty().get();
        assertEquals(Notice.Kind.ERROR, notice.kind());
        assertTrue(notice.text().contains("only one class has labels"), notice.text());
        assertTrue(notice.text().contains("previous model"), notice.text());
        assertFalse(workspace.model().isPresent());
    }

    @Test
    void searchFiltersTheQueueByFileName() {
        fx.interact(() -> vm.searchProperty().set("img_0001"));
        var queue = vm.queueProperty().get();
        assertEquals(10, queue.size(), "img_00010 … img_00019");
        for (int id : queue.ids()) {
            assertTrue(workspace.items().get(id).relativePath().startsWith("img_0001"));
        }
    }

    private static int indexOf(int[] ids, int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    @Test
    void aWatchOfTheFolderThatFindsNothingSaysNothingWhileF5Answers() throws TimeoutException {
        var notices = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var watchDone = new java.util.concurrent.atomic.AtomicBoolean();
        fx.interact(() -> {
            vm.noticeProperty().addListener((obs, old, notice) -> notices.add(notice.text()));
            vm.folderChanged();
            // after the rescan in the model lane, and after its answer on the FX thread
            tasks.submit(BackgroundTasks.Lane.MODEL, progress -> null, done -> watchDone.set(true), error -> { });
        });
        waitUntil(watchDone::get);
        assertEquals(1, workspace.rescans.get());
        assertEquals(List.of(), notices);

        fx.interact(vm::rescan);

        waitUntil(() -> notices.size() == 1);
        assertEquals("No new, changed or removed images in the image folder", notices.get(0));
        assertEquals(2, workspace.rescans.get());
    }
}
