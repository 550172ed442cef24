package org.activelabel.ui;

import static org.activelabel.ui.Windows.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activelabel.backbone.Backbones;
import org.activelabel.backbone.OnnxBackbone;
import org.activelabel.session.Session;
import org.activelabel.ui.label.LabellingViewModel;
import org.activelabel.ui.thumbnail.DecodedThumbnailSource;
import org.activelabel.workspace.ImageItem;
import org.activelabel.workspace.SessionWorkspace;
import org.activelabel.workspace.Workspaces;
import org.junit.jupiter.api.AfterAll;
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
 * The real thing: the bundled sample, the bundled backbone, a session on disk and the whole window,
 * labelled with number keys while the model updates; what reaches labels.jsonl is checked at the end.
 */
@ExtendWith(ApplicationExtension.class)
class SampleEndToEndTest {

    private static final List<String> CLASSES = List.of("activities", "animals-nature", "flags", "food-drink",
            "objects", "smileys", "symbols", "travel-places");

    @TempDir
    static Path temp;
    private static Path images;
    private static Path sessionDir;
    private static OnnxBackbone backbone;

    private ActiveLabelApp app;

    @BeforeAll
    static void copySample() throws IOException {
        images = temp.resolve("images");
        sessionDir = temp.resolve("sessions").resolve("sample");
        Path sample = Backbones.bundledDescriptor().getParent().getParent().resolve("sample");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path file : files.toList()) {
                Path target = images.resolve(sample.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        backbone = Backbones.openBundled();
    }

    @AfterAll
    static void closeBackbone() throws Exception {
        backbone.close();
    }

    @Start
    void start(Stage stage) {
        app = new ActiveLabelApp(Opening.of(() -> SessionWorkspace.create(sessionDir, "sample", images,
                Workspaces.subFolderNames(images), backbone)), new DecodedThumbnailSource());
        app.start(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(app::stop);
    }

    @Test
    void aRoundOnTheSampleTrainsTheModelAndTheJournalHoldsWhatWasLabelled(FxRobot robot) throws Exception {
        waitUntil(60, () -> app.viewModel().isPresent());
        LabellingViewModel vm = app.viewModel().orElseThrow();
        assertEquals(CLASSES, vm.classes());
        // the first open reads every image; wait for it so the round below trains on all of them
        waitUntil(60, () -> !vm.trainingProperty().get()
                && vm.workspace().items().stream().allMatch(i -> i.status() == ImageItem.Status.FEATURISED));
        assertEquals(320, vm.itemCount());
        robot.interact(() -> {
            vm.batchSizeProperty().set(10);
            vm.autoUpdateProperty().set(true);
            app.mainView().orElseThrow().focusGrid();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, String> given = new HashMap<>();
        labelARoundWhileTheModelUpdates(robot, vm, given, "first");

        var ranking = vm.rankingProperty().get();
        assertTrue(ranking.modelVersion() > 0, "a model was trained");
        assertTrue(Arrays.stream(ranking.predicted()).anyMatch(c -> c >= 0), "the queue shows predictions");
        assertTrue(vm.modelProperty().get() != null && vm.modelProperty().get().labelled() >= 10);

        // the first round runs while the program is still being compiled; the next is the steady state
        String last = labelARoundWhileTheModelUpdates(robot, vm, given, "second");
        assertTrue(vm.rankingProperty().get().modelVersion() > ranking.modelVersion(), "the second round updated the model");

        String undone = last;
        int undoneId = idOf(vm, undone);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(10, () -> vm.workspace().labelOf(undoneId).isEmpty());
        given.remove(undone);

        robot.interact(app::stop);
        try (Session session = Session.open(sessionDir)) {
            assertTrue(Files.size(sessionDir.resolve("labels.jsonl")) > 0);
            Map<String, String> replayed = new HashMap<>();
            session.currentLabels().forEach((path, state) ->
                    replayed.put(path, session.classById(state.classId()).orElseThrow().name()));
            assertEquals(given, replayed);
        }
    }

    /**
     * Labels the rest of the round with number keys, then four more while the update it starts
     * runs, and prints the longest FX-thread stall meanwhile (measured, not asserted); returns the last image labelled.
     */
    private String labelARoundWhileTheModelUpdates(FxRobot robot, LabellingViewModel vm, Map<String, String> given,
            String which) throws TimeoutException {
        app.stallMeter().reset();
        // labels given during the previous update count towards this round
        int toGo = vm.batchSizeProperty().get() - vm.labelsThisRoundProperty().get();
        for (int i = 0; i < toGo; i++) {
            labelFocusedWithItsFolder(robot, vm, given);
        }
        waitUntil(10, () -> vm.trainingProperty().get());
        String last = null;
        for (int i = 0; i < 4; i++) {
            last = labelFocusedWithItsFolder(robot, vm, given);
        }
        waitUntil(60, () -> !vm.trainingProperty().get());
        System.out.println("Labelling round (" + which + ") on the sample with the update running: " + app.stallMeter());
        return last;
    }

    /** Presses the number key of the focused image's folder; returns its path. */
    private static String labelFocusedWithItsFolder(FxRobot robot, LabellingViewModel vm, Map<String, String> given)
            throws TimeoutException {
        waitUntil(5, () -> vm.focusedItem() >= 0 && !given.containsKey(vm.item(vm.focusedItem()).relativePath()));
        String path = vm.item(vm.focusedItem()).relativePath();
        String folder = path.substring(0, path.indexOf('/'));
        int classIndex = CLASSES.indexOf(folder);
        robot.type(KeyCode.getKeyCode(String.valueOf(classIndex + 1)));
        given.put(path, folder);
        return path;
    }

    private static int idOf(LabellingViewModel vm, String path) {
        return vm.workspace().items().stream().filter(i -> i.relativePath().equals(path)).findFirst()
                .orElseThrow().id();
    }
}
