package org.activelabel.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.activelabel.backbone.Backbone;
import org.activelabel.progress.ProgressSink;
import org.activelabel.testing.SampleImages;
import org.activelabel.testing.SharedBackbone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labelling a real session: the queue, the one undo history, class merges, and what a reopened session holds. */
class SessionWorkspaceLabellingTest {

    private static final List<String> CLASSES = List.of("flags", "smileys", "food-drink");

    private static final Backbone backbone = SharedBackbone.bundled();

    @TempDir
    Path temp;
    private Path images;

    @BeforeEach
    void sample() throws Exception {
        images = SampleImages.copy(temp.resolve("images"), CLASSES, 6);
    }

    private SessionWorkspace create() throws Exception {
        var workspace = SessionWorkspace.create(temp.resolve("session"), "s", images, CLASSES, backbone);
        workspace.featurize(ProgressSink.NONE);
        return workspace;
    }

    private static int classOf(Optional<LabelEntry> label) {
        return label.map(LabelEntry::classIndex).orElse(-1);
    }

    @Test
    void aLabelledImageLeavesTheQueueAndUndoBringsItBackFirst() throws Exception {
        try (var workspace = create()) {
            int[] order = workspace.ranking().order();
            assertEquals(18, order.length);
            int[] picked = {order[3], order[7]};

            workspace.label(picked, 1);
            assertTrue(Arrays.stream(workspace.ranking().order()).noneMatch(id -> id == picked[0] || id == picked[1]));
            assertEquals(16, workspace.ranking().order().length);

            int[] undone = workspace.undo();
            assertArrayEquals(picked, undone, "undo says which images it touched");
            assertEquals(-1, classOf(workspace.labelOf(picked[0])));
            assertArrayEquals(picked, Arrays.copyOf(workspace.ranking().order(), 2), "the undone images come first");

            assertArrayEquals(picked, workspace.redo());
            assertEquals(1, classOf(workspace.labelOf(picked[1])));
            assertEquals(0, workspace.redo().length, "nothing more to redo");
        }
    }

    @Test
    void undoAfterARelabelRestoresTheEarlierLabelAndTheJournalKeepsIt() throws Exception {
        int item;
        try (var workspace = create()) {
            item = workspace.ranking().order()[0];
            workspace.label(new int[]{item}, 0);
            workspace.label(new int[]{item}, 2); // a relabel, e.g. from the Review tab

            assertArrayEquals(new int[]{item}, workspace.undo());
            assertEquals(0, classOf(workspace.labelOf(item)));
        }
        try (var reopened = SessionWorkspace.open(temp.resolve("session"), backbone)) {
            assertEquals(0, classOf(reopened.labelOf(item)));
            assertEquals(0, reopened.undo().length, "undo does not reach across sessions");
        }
    }

    @Test
    void aMergeMovesTheLabelsAndUndoStopsThere() throws Exception {
        try (var workspace = create()) {
            int[] order = workspace.ranking().order();
            workspace.label(new int[]{order[0]}, 1);
            workspace.label(new int[]{order[1]}, 2);

            workspace.mergeClass(1, 2); // smileys into food-drink

            assertEquals(List.of("flags", "food-drink"), workspace.classes());
            assertEquals(1, classOf(workspace.labelOf(order[0])));
            assertEquals(1, classOf(workspace.labelOf(order[1])));
            assertEquals(0, workspace.undo().length);
            assertFalse(Arrays.stream(workspace.ranking().order()).anyMatch(id -> id == order[0]));
        }
    }

    @Test
    void anUpdateWhoseModelCannotBeSavedFailsAndRecordsNothing() throws Exception {
        try (var workspace = create()) {
            int[] order = workspace.ranking().order();
            for (int i = 0; i < 6; i++) {
                workspace.label(new int[]{order[i]}, i % 3);
            }
            Path models = temp.resolve("session").resolve("models");
            org.activelabel.testing.Folders.deleteRecursively(models);
            java.nio.file.Files.writeString(models, "not a folder"); // a write that fails, even for root

            var failure = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                    () -> workspace.updateModel(false, ProgressSink.NONE));

            assertTrue(failure.getMessage().contains("could not save model version 1"), failure.getMessage());
            assertTrue(failure.getMessage().contains("models"), failure.getMessage());
            assertTrue(workspace.model().isEmpty(), "no model was announced");
            assertTrue(workspace.head().isEmpty(), "the unsaved model does not serve the queue");
        }
        java.nio.file.Files.delete(temp.resolve("session").resolve("models"));
        try (var session = org.activelabel.session.Session.open(temp.resolve("session"))) {
            assertTrue(session.history().isEmpty(), "the history records no version that was never written");
        }
    }
}
