package org.activelabel.ui;

import static org.activelabel.ui.Windows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activelabel.backbone.Backbone;
import org.activelabel.session.Session;
import org.activelabel.testing.SampleImages;
import org.activelabel.testing.SharedBackbone;
import org.activelabel.ui.label.LabellingViewModel;
import org.activelabel.ui.thumbnail.DecodedThumbnailSource;
import org.activelabel.workspace.ImageItem;
import org.activelabel.workspace.SessionWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The image folder changes while the window is open; F5 takes the changes in. */
@ExtendWith(ApplicationExtension.class)
class FolderRescanWindowTest {

    private static final List<String> CLASSES = List.of("flags", "smileys", "food-drink");

    @TempDir
    Path temp;
    private Path images;
    private Path sessionDir;
    private static final Backbone backbone = SharedBackbone.bundled();
    private ActiveLabelApp app;

    @Start
    void start(Stage stage) throws IOException {
        images = SampleImages.copy(temp.resolve("images"), CLASSES, 4);
        sessionDir = temp.resolve("session");
        app = new ActiveLabelApp(Opening.of(() -> SessionWorkspace.create(sessionDir, "s", images, CLASSES, backbone)),
                new DecodedThumbnailSource());
        app.start(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(app::stop);
    }

    @Test
    void anImageAddedWhileOpenJoinsTheQueueAndOneDeletedLeavesItKeepingItsLabel(FxRobot robot) throws Exception {
        LabellingViewModel vm = readEverything();
        var notices = new CopyOnWriteArrayList<String>();
        robot.interact(() -> {
            vm.noticeProperty().addListener((obs, old, notice) -> notices.add(notice.text()));
            app.mainView().orElseThrow().focusGrid();
        });
        int labelled = vm.queueProperty().get().get(0);
        String labelledPath = vm.item(labelled).relativePath();
        robot.type(KeyCode.DIGIT1);
        waitUntil(10, () -> vm.workspace().labelOf(labelled).isPresent());
        int deleted = vm.queueProperty().get().get(0);
        String deletedPath = vm.item(deleted).relativePath();

        Files.copy(images.resolve(labelledPath), images.resolve("smileys").resolve("added-later.png"));
        Files.delete(images.resolve(deletedPath));
        Files.delete(images.resolve(labelledPath));
        robot.type(KeyCode.F5);

        waitUntil(60, () -> notices.contains("Found 1 new image, 2 gone (labels given to them stay); reading 1 image now"));
        int added = idOf(vm, "smileys/added-later.png");
        waitUntil(60, () -> vm.queueProperty().get().indexOf(added) >= 0);
        assertTrue(vm.queueProperty().get().indexOf(deleted) < 0, "the deleted image left the queue");
        assertEquals(ImageItem.Status.MISSING, vm.item(deleted).status());
        assertEquals(13, vm.itemCount(), "ids are kept: twelve images, then the new one");
        waitUntil(10, () -> vm.imageCountProperty().get() == 11);

        robot.interact(app::stop);
        try (Session session = Session.open(sessionDir)) {
            assertTrue(session.currentLabels().containsKey(labelledPath), "the journal keeps the label of the image gone");
        }
    }

    @Test
    void theHelpAndTheSessionMenuOfferTheRescan() {
        var rescan = Keymap.of(Keymap.Action.RESCAN);
        assertEquals("F5", rescan.keys());
        assertEquals(Keymap.Scope.WINDOW, rescan.scope());
    }

    private LabellingViewModel readEverything() throws TimeoutException {
        waitUntil(60, () -> app.viewModel().isPresent());
        var vm = app.viewModel().orElseThrow();
        waitUntil(60, () -> !vm.trainingProperty().get()
                && vm.workspace().items().stream().allMatch(i -> i.status() == ImageItem.Status.FEATURISED)
                && vm.queueProperty().get().size() == 12);
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    private static int idOf(LabellingViewModel vm, String path) {
        return vm.workspace().items().stream().filter(i -> i.relativePath().equals(path)).findFirst()
                .orElseThrow().id();
    }
}
