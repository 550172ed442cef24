package org.activelabel.workspace;

import org.activelabel.session.LabelSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.activelabel.backbone.Backbone;
import org.activelabel.progress.ProgressSink;
import org.activelabel.testing.SampleImages;
import org.activelabel.testing.SharedBackbone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An update on a real session: the quick model first, then one refined with the pool's pseudo-labels. */
class SessionWorkspaceSelfTrainingTest {

    private static final List<String> CLASSES = List.of("flags", "smileys", "food-drink");

    private static final Backbone backbone = SharedBackbone.bundled();

    @TempDir
    Path temp;

    @Test
    void theRefinedModelLearnsFromPseudoLabelsThatNeverBecomeLabels() throws Exception {
        Path images = SampleImages.copy(temp.resolve("images"), CLASSES, 12);
        try (var workspace = SessionWorkspace.create(temp.resolve("session"), "s", images, CLASSES, backbone)) {
            workspace.featurize(ProgressSink.NONE);
            List<Long> versions = new ArrayList<>();
            workspace.addListener(new WorkspaceListener() {
                @Override
                public void modelChanged(ModelSummary summary) {
                    versions.add(summary.version());
                }
            });
            int[] perClass = new int[CLASSES.size()];
            for (var item : workspace.items()) {
                int cls = CLASSES.indexOf(item.relativePath().substring(0, item.relativePath().indexOf('/')));
                if (perClass[cls]++ < 4) {
                    workspace.label(new int[]{item.id()}, cls);
                }
            }
            assertEquals(12, workspace.labels().size());
            byte[] journal = Files.readAllBytes(temp.resolve("session").resolve("labels.jsonl"));

            var summary = workspace.updateModel(false, ProgressSink.NONE);

            // the quick head, then the refined one; its cross-validated figures come when asked for
            assertEquals(List.of(1L, 2L), versions);
            assertEquals(2, summary.version());
            assertTrue(Double.isNaN(summary.cvAccuracy()));
            assertFalse(summary.validated(), "the update publishes its model before the cross-validation");
            assertEquals(2, workspace.head().orElseThrow().version());
            assertEquals(2, workspace.ranking().modelVersion());
            var pseudo = workspace.pseudoLabels();
            assertFalse(pseudo.isEmpty(), "no pseudo-labels from a pool of 24");
            pseudo.forEach((id, entry) -> {
                assertEquals(LabelSource.MODEL, entry.source());
                assertFalse(workspace.labels().containsKey(id), "a pseudo-label on a labelled image");
            });
            assertEquals(12, workspace.labels().size());
            assertTrue(workspace.labels().values().stream().allMatch(l -> l.source() == LabelSource.HUMAN));
            assertEquals(new String(journal), Files.readString(temp.resolve("session").resolve("labels.jsonl")),
                    "pseudo-labels reached the journal");
            assertEquals(12, summary.labelled());

            var validated = workspace.validateModel(ProgressSink.NONE).orElseThrow();
            assertEquals(List.of(1L, 2L, 2L), versions);
            assertEquals(2, validated.version());
            assertTrue(validated.validated());
            assertTrue(validated.cvAccuracy() >= 0 && validated.cvAccuracy() <= 1, validated.toString());
            assertEquals(12, java.util.Arrays.stream(validated.confusion()).flatMapToInt(java.util.Arrays::stream).sum());
            assertEquals(1, validated.learningCurve().size(), "one point per model version");
            assertEquals(validated, workspace.validateModel(ProgressSink.NONE).orElseThrow(), "nothing new to validate");
            assertEquals(List.of(1L, 2L, 2L), versions);
        }
    }
}
