package org.activelabel.ui;

import static org.activelabel.ui.Windows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.activelabel.backbone.BackboneShelf;
import org.activelabel.backbone.Backbones;
import org.activelabel.deploy.OnnxClassifier;
import org.activelabel.progress.ProgressSink;
import org.activelabel.session.LabelExport;
import org.activelabel.testing.SampleImages;
import org.activelabel.ui.session.SessionLibrary;
import org.activelabel.ui.session.SessionMenu;
import org.activelabel.ui.thumbnail.DecodedThumbnailSource;
import org.activelabel.workspace.LabelsFile;
import org.activelabel.workspace.SessionWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Session menu on a window with a session that has a trained model: Export labels… writes the labels and the
 * model's guesses, and refuses a file inside the image folder; Export model… writes a classifier that knows its
 * classes; New session… with a name already taken says so, then asks again with what was typed.
 */
@ExtendWith(ApplicationExtension.class)
class SessionMenuTest {

    private static final List<String> CLASSES = List.of("activities", "flags", "food-drink");
    private static final String FORM = "Label a folder of images (sub-folders are included)";

    @TempDir
    static Path temp;
    private static Path images;
    private static Path sessionDir;

    private ActiveLabelApp app;

    @BeforeAll
    static void sessionWithAModel() throws IOException {
        images = SampleImages.copy(temp.resolve("images"), CLASSES, 6);
        sessionDir = temp.resolve("sessions").resolve("trained");
        try (var backbone = Backbones.openBundled();
             var workspace = SessionWorkspace.create(sessionDir, "trained", images, CLASSES, backbone)) {
            workspace.featurize(ProgressSink.NONE);
            var items = workspace.items();
            for (int c = 0; c < CLASSES.size(); c++) {
                String folder = CLASSES.get(c) + "/";
                workspace.label(items.stream().filter(i -> i.relativePath().startsWith(folder)).limit(3)
                        .mapToInt(i -> i.id()).toArray(), c);
            }
            workspace.updateModel(true, ProgressSink.NONE);
        }
    }

    /** Each window gets its own backbone: closing the window closes the library, and the backbone with it. */
    @Start
    void start(Stage stage) {
        var backbone = Backbones.openBundled();
        var library = new SessionLibrary(temp.resolve("sessions"), images, BackboneShelf.of(backbone));
        app = new ActiveLabelApp(Opening.of(() -> SessionWorkspace.open(sessionDir, backbone)), library,
                new DecodedThumbnailSource());
        app.start(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(app::stop);
    }

    @Test
    void exportModelWritesTheOpenSessionsClassifierAndSaysWhatItWrote(FxRobot robot) throws Exception {
        waitUntil(60, () -> app.viewModel().isPresent() && app.viewModel().get().modelProperty().get() != null);
        waitUntil(10, () -> titles(robot).stream().anyMatch(t -> t.startsWith("trained — ActiveLabel ")));
        WaitForAsyncUtils.waitForFxEvents();
        SessionMenu menu = robot.lookup(node -> node instanceof SessionMenu).query();
        Path out = temp.resolve("exported").resolve("trained.onnx");
        robot.interact(() -> menu.exportModelTo(out));

        waitUntil(60, () -> dialog(robot) != null);
        DialogPane dialog = dialog(robot);
        assertEquals("Model exported", dialog.getHeaderText());
        assertTrue(dialog.getContentText().contains("trained on 9 labels"), dialog.getContentText());
        assertTrue(Files.isRegularFile(out));
        try (var classifier = OnnxClassifier.open(out)) {
            assertEquals(CLASSES, classifier.classes());
        }
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void exportLabelsWritesYourLabelsThenTheModelsGuessesAndRefusesAPathInsideTheImageFolder(FxRobot robot)
            throws Exception {
        waitUntil(60, () -> app.viewModel().isPresent() && app.viewModel().get().modelProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        SessionMenu menu = robot.lookup(node -> node instanceof SessionMenu).query();
        Path out = temp.resolve("exported").resolve("labels.csv");
        robot.interact(() -> menu.exportLabelsTo(out, LabelsFile.CSV));

        waitUntil(60, () -> dialog(robot, "Labels exported") != null);
        DialogPane done = dialog(robot, "Labels exported");
        assertTrue(done.getContentText().startsWith("9 of your labels and the model's guesses for 9 other images"),
                done.getContentText());
        List<String> lines = Files.readAllLines(out);
        assertEquals(LabelExport.CSV_HEADER, lines.get(0));
        assertEquals(1 + 18, lines.size(), String.join("\n", lines));
        assertTrue(lines.subList(1, 10).stream().allMatch(l -> l.contains(",human,")), String.join("\n", lines));
        assertTrue(lines.subList(10, 19).stream().allMatch(l -> l.contains(",model,")), String.join("\n", lines));
        robot.interact(() -> done.getScene().getWindow().hide());

        Path inside = images.resolve("labels.csv");
        robot.interact(() -> menu.exportLabelsTo(inside, LabelsFile.CSV));
        waitUntil(60, () -> dialog(robot, "The labels were not exported") != null);
        DialogPane refused = dialog(robot, "The labels were not exported");
        assertTrue(refused.getContentText().contains("inside the image folder"), refused.getContentText());
        assertFalse(Files.exists(inside));
        robot.interact(() -> refused.getScene().getWindow().hide());
    }

    @Test
    void newSessionWithANameAlreadyTakenSaysSoThenAsksAgainWithWhatWasTyped(FxRobot robot) throws TimeoutException {
        waitUntil(60, () -> app.viewModel().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        SessionMenu menu = robot.lookup(node -> node instanceof SessionMenu).query();
        Platform.runLater(menu::askNew);
        waitUntil(10, () -> dialog(robot, FORM) != null);
        DialogPane form = dialog(robot, FORM);
        robot.interact(() -> {
            field(robot, form, "Image folder").setText(images.toString());
            field(robot, form, "Session name").setText("trained");
            classes(robot, form).setText("activities, flags");
        });
        robot.interact(() -> press(form, ButtonBar.ButtonData.OK_DONE));

        waitUntil(30, () -> dialog(robot, "That session cannot be used") != null);
        DialogPane problem = dialog(robot, "That session cannot be used");
        assertTrue(problem.getContentText().contains("already exists"), problem.getContentText());
        robot.interact(() -> press(problem, ButtonBar.ButtonData.OK_DONE));

        waitUntil(10, () -> dialog(robot, FORM) != null);
        DialogPane again = dialog(robot, FORM);
        assertEquals(images.toString(), field(robot, again, "Image folder").getText());
        assertEquals("trained", field(robot, again, "Session name").getText());
        assertEquals("activities, flags", classes(robot, again).getText());
        robot.interact(() -> press(again, ButtonBar.ButtonData.CANCEL_CLOSE));
        waitUntil(10, () -> dialog(robot, FORM) == null);
    }

    private static DialogPane dialog(FxRobot robot) {
        return Windows.dialog(robot, pane -> true);
    }

    private static List<String> titles(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage).map(w -> ((Stage) w).getTitle())
                .filter(t -> t != null).toList();
    }

    private static TextField field(FxRobot robot, DialogPane pane, String prompt) {
        return robot.from(pane).lookup((Node n) -> n instanceof TextField t && prompt.equals(t.getPromptText())).query();
    }

    private static TextArea classes(FxRobot robot, DialogPane pane) {
        return robot.from(pane).lookup((Node n) -> n instanceof TextArea).query();
    }

    private static void press(DialogPane pane, ButtonBar.ButtonData kind) {
        ButtonType type = pane.getButtonTypes().stream().filter(t -> t.getButtonData() == kind).findFirst().orElseThrow();
        ((Button) pane.lookupButton(type)).fire();
    }

    private static DialogPane dialog(FxRobot robot, String header) {
        return Windows.dialog(robot, pane -> header.equals(pane.getHeaderText()));
    }
}
