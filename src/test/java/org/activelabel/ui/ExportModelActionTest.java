package org.activelabel.ui;

import static org.activelabel.ui.Windows.waitUntil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.activelabel.backbone.BackboneShelf;
import org.activelabel.backbone.Backbones;
import org.activelabel.backbone.OnnxBackbone;
import org.activelabel.deploy.OnnxClassifier;
import org.activelabel.progress.ProgressSink;
import org.activelabel.testing.SampleImages;
import org.activelabel.ui.session.SessionLibrary;
import org.activelabel.ui.session.SessionMenu;
import org.activelabel.ui.thumbnail.DecodedThumbnailSource;
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

/** Session → Export model… on a session with a trained model writes a classifier that knows its classes. */
@ExtendWith(ApplicationExtension.class)
class ExportModelActionTest {

    private static final List<String> CLASSES = List.of("activities", "flags", "food-drink");

    @TempDir
    static Path temp;
    private static Path images;
    private static Path sessionDir;
    private static OnnxBackbone backbone;

    private ActiveLabelApp app;

    @BeforeAll
    static void sessionWithAModel() throws IOException {
        images = SampleImages.copy(temp.resolve("images"), CLASSES, 6);
        sessionDir = temp.resolve("sessions").resolve("trained");
        backbone = Backbones.openBundled();
        try (var workspace = SessionWorkspace.create(sessionDir, "trained", images, CLASSES, backbone)) {
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

    @Start
    void start(Stage stage) {
        var library = new SessionLibrary(temp.resolve("sessions"), images, BackboneShelf.of(backbone));
        app = new ActiveLabelApp(Opening.of(() -> SessionWorkspace.open(sessionDir, backbone)), library,
                new DecodedThumbnailSource());
        app.start(stage);
    }

    /** Closing the window closes the library, and the backbone with it. */
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

    private static DialogPane dialog(FxRobot robot) {
        return Windows.dialog(robot, pane -> true);
    }

    private static List<String> titles(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage).map(w -> ((Stage) w).getTitle())
                .filter(t -> t != null).toList();
    }
}
