package org.activelabel.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activelabel.ui.label.LabellingViewModel;
import org.activelabel.ui.review.ReviewRow;
import org.activelabel.ui.thumbnail.DecodedThumbnailSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window over a fake workspace, driven by the keyboard as a user would. */
@ExtendWith(ApplicationExtension.class)
class ActiveLabelAppTest {

    @TempDir
    static Path images;

    private FakeWorkspace workspace;
    private ActiveLabelApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workspace = new FakeWorkspace(images, 120, List.of("cat", "dog", "bird"));
        app = new ActiveLabelApp(() -> workspace, new DecodedThumbnailSource());
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void numberKeysLabelWhileTheModelUpdatesInTheBackgroundAndUndoWorks(FxRobot robot) throws TimeoutException {
        waitUntil(() -> app.viewModel().isPresent());
        LabellingViewModel vm = app.viewModel().orElseThrow();
        robot.interact(() -> {
            vm.batchSizeProperty().set(3);
            app.mainView().orElseThrow().focusGrid();
        });
        WaitForAsyncUtils.waitForFxEvents();
        app.stallMeter().reset();
        long versionBefore = vm.rankingProperty().get().modelVersion();
        double gridHeight = app.mainView().orElseThrow().grid().getHeight();
        var expected = new ArrayList<int[]>();

        workspace.holdUpdates();
        // a round of three: 1, 2, 3 label the focused image with cat, dog, bird
        for (var key : List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3)) {
            expected.add(new int[] {vm.focusedItem(), key.getCode() - KeyCode.DIGIT1.getCode()});
            robot.type(key);
        }
        waitUntil(() -> vm.trainingProperty().get());

        // keep labelling while the update runs
        robot.type(KeyCode.SPACE);
        for (var key : List.of(KeyCode.DIGIT2, KeyCode.DIGIT1)) {
            expected.add(new int[] {vm.focusedItem(), key.getCode() - KeyCode.DIGIT1.getCode()});
            robot.type(key);
        }
        assertTrue(vm.trainingProperty().get(), "the update is still running while labels are given");
        assertEquals(gridHeight, app.mainView().orElseThrow().grid().getHeight(),
                "the status bar shows the update without pushing the grid up");

        workspace.releaseUpdates();
        waitUntil(() -> !vm.trainingProperty().get());
        assertNotEquals(versionBefore, vm.rankingProperty().get().modelVersion(), "the ranking changed");

        int lastLabelled = expected.get(expected.size() - 1)[0];
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> workspace.labelOf(lastLabelled).isEmpty());
        waitUntil(() -> vm.queueProperty().get().indexOf(lastLabelled) >= 0);

        waitUntil(() -> workspace.labelCalls.size() == expected.size());
        for (int i = 0; i < expected.size(); i++) {
            var call = workspace.labelCalls.get(i);
            assertArrayEquals(new int[] {expected.get(i)[0]}, call.itemIds(), "call " + i);
            assertEquals(expected.get(i)[1], call.classIndex(), "call " + i);
        }
        assertTrue(workspace.blockingCallsOnFxThread.isEmpty(), workspace.blockingCallsOnFxThread.toString());
        // measured, not asserted: a shared machine's pauses are no fault of the window (bench measures it)
        System.out.println("Longest FX-thread pause while labelling through an update: " + app.stallMeter());
    }

    @Test
    void toolbarControlsAnswerToKeysThatTheHelpLists(FxRobot robot) throws TimeoutException {
        waitUntil(() -> app.viewModel().isPresent());
        var view = app.mainView().orElseThrow();
        robot.interact(view::focusGrid);

        robot.type(KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(focusOwner(robot) instanceof ComboBox<?>, "S opens the strategy list");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.grid().isFocused(), "closing the list gives the keyboard back to the queue");

        robot.type(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(isInside(focusOwner(robot), Spinner.class), "B edits the batch size");
        robot.type(KeyCode.DIGIT4);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(workspace.labelCalls.isEmpty(), "a digit typed into the batch size labels nothing");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.grid().isFocused(), "Esc gives the keyboard back to the queue");

        Set<String> listed = robot.lookup(".help-key").queryAllAs(Label.class).stream()
                .flatMap(key -> Arrays.stream(key.getText().split(", "))).collect(Collectors.toSet());
        for (var key : List.of("S", "B", "A", "U", "Shift+U", "Ctrl+.", "Ctrl+F", "Ctrl+T", "Ctrl+N", "F2",
                "Ctrl+M", "? or F1")) {
            assertTrue(listed.contains(key), key + " is in the help: " + listed);
        }
    }

    @Test
    void selectingAnImageInTheReviewTabStaysThereAndEnterTakesItToTheLabelTab(FxRobot robot) throws TimeoutException {
        waitUntil(() -> app.viewModel().isPresent());
        var vm = app.viewModel().orElseThrow();
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        waitUntil(() -> robot.lookup("#review-table").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#review-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() > 3);

        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(2);
        });
        int chosen = ((ReviewRow) table.getSelectionModel().getSelectedItem()).itemId();

        assertEquals(1, tabs.getSelectionModel().getSelectedIndex(), "the Review tab stays, to relabel from there");
        assertEquals(chosen, vm.focusedItem(), "and the Label tab will show it");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(0, tabs.getSelectionModel().getSelectedIndex(), "Enter takes it to the Label tab");
        assertEquals(chosen, vm.focusedItem());
    }

    @Test
    void onANarrowWindowTheSearchFieldGivesWayAndEveryToolbarButtonStaysInView(FxRobot robot)
            throws TimeoutException {
        waitUntil(() -> app.mainView().isPresent());
        robot.interact(() -> stage.setWidth(1000));
        WaitForAsyncUtils.waitForFxEvents();

        double sceneWidth = stage.getScene().getWidth();
        var buttons = robot.lookup(".tool-bar .button").queryAllAs(Button.class);
        assertTrue(buttons.stream().anyMatch(b -> b.getText().equals("?")), "the help button is in the tool bar");
        for (var button : buttons) {
            var bounds = button.localToScene(button.getLayoutBounds());
            assertTrue(button.isVisible() && bounds.getMaxX() <= sceneWidth,
                    "\"" + button.getText() + "\" ends at " + bounds.getMaxX() + " in a scene " + sceneWidth + " wide");
        }
        var search = robot.lookup(".tool-bar .text-field").queryAs(TextField.class);
        assertTrue(search.getWidth() < search.prefWidth(-1), "the search field is narrower than it would like");
    }

    @Test
    void theBatchSizeTakesDigitsOnlyAndAnEmptyBoxKeepsTheSize(FxRobot robot) throws TimeoutException {
        waitUntil(() -> app.viewModel().isPresent());
        var vm = app.viewModel().orElseThrow();
        @SuppressWarnings("unchecked")
        Spinner<Integer> batch = robot.lookup("#batch-size").queryAs(Spinner.class);

        robot.interact(() -> {
            batch.getEditor().setText("");
            batch.getEditor().replaceText(0, 0, "12ab");
            batch.getEditor().appendText("x");
        });
        assertEquals("", batch.getEditor().getText(), "a text with letters is refused whole");
        robot.interact(() -> {
            batch.getEditor().appendText("12");
            batch.commitValue();
        });
        assertEquals(12, batch.getValue());
        assertEquals(12, vm.batchSizeProperty().get());

        robot.interact(() -> {
            batch.getEditor().setText("");
            batch.commitValue();
        });
        assertEquals(12, batch.getValue(), "an empty box keeps the size");
    }

    private static boolean isInside(Node node, Class<?> type) {
        for (var n = node; n != null; n = n.getParent()) {
            if (type.isInstance(n)) {
                return true;
            }
        }
        return false;
    }

    private static Node focusOwner(FxRobot robot) {
        return robot.listTargetWindows().stream().map(window -> window.getScene().getFocusOwner())
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
