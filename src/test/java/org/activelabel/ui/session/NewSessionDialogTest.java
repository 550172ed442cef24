package org.activelabel.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.activelabel.backbone.BackboneShelf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The New session dialog reads the disk off the JavaFX thread (the sub-folders for "take the sub-folder names", the
 * folder Choose… opens in), and Tab leaves the class names as it leaves every other field.
 */
@ExtendWith(ApplicationExtension.class)
class NewSessionDialogTest {

    @TempDir
    Path temp;

    private final HeldBackReads heldBack = new HeldBackReads();

    private Stage window;

    @Start
    void start(Stage stage) {
        window = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void theSubFolderNamesAreReadInTheBackgroundAndOnlyTheLastFolderTypedIsShown(FxRobot robot)
            throws IOException, TimeoutException {
        Path images = temp.resolve("pets");
        Files.createDirectories(images.resolve("dogs"));
        Files.createDirectories(images.resolve("cats"));
        Path other = temp.resolve("cars");
        Files.createDirectories(other.resolve("vans"));
        var pane = dialog(robot).getDialogPane();
        TextField folder = node(pane.lookupAll(".text-field"), TextField.class,
                field -> "Image folder".equals(field.getPromptText()));
        CheckBox fromFolders = node(pane.lookupAll(".check-box"), CheckBox.class, box -> true);

        robot.interact(() -> {
            folder.setText(other.toString());
            fromFolders.setSelected(true);
            folder.setText(images.toString());
        });
        Label hint = node(pane.lookupAll(".label"), Label.class,
                label -> label.getText().startsWith("Looking for sub-folders in " + images));
        assertEquals(2, heldBack.waiting(), "one read for each folder typed while the box was ticked");

        heldBack.runAll();
        waitForHint(hint, "Classes: cats, dogs");
        assertEquals("Classes: cats, dogs", hint.getText(), "the read for the earlier folder is dropped");

        robot.interact(() -> folder.setText(temp.resolve("nowhere").toString()));
        heldBack.runAll();
        waitForHint(hint, "Choose the image folder first.");
    }

    @Test
    void tabInTheClassNamesGoesOnToTheNextFieldAndShiftTabBack(FxRobot robot) {
        var dialog = dialog(robot);
        robot.interact(dialog::show);
        var pane = dialog.getDialogPane();
        TextArea classes = node(pane.lookupAll(".text-area"), TextArea.class, area -> true);
        CheckBox fromFolders = node(pane.lookupAll(".check-box"), CheckBox.class, box -> true);
        robot.interact(() -> {
            classes.setText("cats, dogs");
            classes.requestFocus();
            classes.end();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(classes.isFocused(), "the class names have the focus");

        robot.type(KeyCode.TAB);
        assertEquals("cats, dogs", classes.getText());
        assertTrue(fromFolders.isFocused(), "Tab moves on to the check box");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertTrue(classes.isFocused(), "Shift+Tab comes back");
        assertEquals("cats, dogs", classes.getText());
        robot.interact(dialog::close);
    }

    @Test
    void chooseLooksAtTheTypedFolderInTheBackgroundBeforeTheChooserOpens(FxRobot robot) throws IOException {
        Button choose = node(dialog(robot).getDialogPane().lookupAll(".button"), Button.class,
                button -> "Choose…".equals(button.getText()));

        robot.interact(choose::fire);

        assertEquals(1, heldBack.waiting(), "the folder is looked at on the lane, not on the JavaFX thread");
        Path pets = Files.createDirectories(temp.resolve("pets"));
        assertEquals(pets.toFile(), NewSessionDialog.initialFolder(pets.toString(), temp.toString()));
        assertEquals(temp.toFile(), NewSessionDialog.initialFolder(temp.resolve("gone").toString(), temp.toString()),
                "a folder that is not there: home");
        assertEquals(temp.toFile(), NewSessionDialog.initialFolder("pets\0", temp.toString()));
        assertEquals(temp.toFile(), NewSessionDialog.initialFolder("", temp.toString()));
    }

    @Test
    void aTypedPathThatCannotBeAFolderIsNamedInTheHint() {
        String typed = "pets\0";
        String hint = NewSessionDialog.subFolderHint(typed);
        assertTrue(hint.startsWith("\"" + typed + "\" is not a folder path"), hint);
    }

    /** An empty dialog over the test's window, one backbone to choose, its folder reads held back. */
    private NewSessionDialog dialog(FxRobot robot) {
        var choices = List.of(new BackboneShelf.Choice("fast", "fast-id", "A backbone, 100 images a second"));
        NewSessionDialog[] dialog = new NewSessionDialog[1];
        robot.interact(() -> dialog[0] = new NewSessionDialog(window, choices, null, heldBack));
        return dialog[0];
    }

    private static void waitForHint(Label hint, String text) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text.equals(hint.getText()));
    }

    private static <T extends Node> T node(Set<Node> nodes, Class<T> type, Predicate<T> which) {
        return nodes.stream().filter(type::isInstance).map(type::cast).filter(which).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " as expected"));
    }
}
