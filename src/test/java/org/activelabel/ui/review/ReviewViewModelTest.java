package org.activelabel.ui.review;

import org.activelabel.session.LabelSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.activelabel.workspace.ModelSummary;
import org.activelabel.workspace.Ranking;
import org.activelabel.workspace.SuspectLabel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewViewModelTest {

    private static final Executor NOW = Runnable::run;

    private HandSetWorkspace workspace;
    private ReviewViewModel viewModel;

    /**
     * Three unlabelled pool images a, b, c with known confidences, and two labelled ones:
     * d by a person (cat), e by the model (dog).
     */
    @BeforeEach
    void openWorkspace() {
        workspace = new HandSetWorkspace(List.of("cat", "dog", "bird"),
                List.of("a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg"));
        workspace.putLabel(3, 0, LabelSource.HUMAN);
        workspace.putLabel(4, 1, LabelSource.MODEL);
        workspace.setRanking(new Ranking("margin", new int[] {0, 2, 1},
                new double[] {0.9, 0.2, 0.5, Double.NaN, Double.NaN},
                new int[] {0, 1, 0, 0, 1},
                new float[] {0.98f, 0.5f, 0.72f, 0.9f, 0.8f},
                new float[5][], 1));
        viewModel = new ReviewViewModel(workspace, NOW, NOW);
    }

    private List<String> listedFiles() {
        return viewModel.rowsProperty().get().stream().map(ReviewRow::fileName).toList();
    }

    @Test
    void poolItemsLandInTheBinOfTheirUncertainty() {
        var histogram = viewModel.dataProperty().get().histogram();

        assertEquals(20, histogram.bins());
        var expected = new int[20];
        expected[0] = 1;  // a: 1 - 0.98 = 0.02
        expected[5] = 1;  // c: 1 - 0.72 = 0.28
        expected[10] = 1; // b: 1 - 0.5 = 0.5, the lower edge of bin 10
        assertArrayEquals(expected, histogram.counts());
        assertEquals(3, histogram.total(), "labelled images are not part of the pool");
    }

    @Test
    void fullyUncertainGoesInTheLastBinAndMissingConfidenceNowhere() {
        var ranking = new Ranking("margin", new int[] {0, 1, 2}, new double[3], new int[] {0, 0, -1},
                new float[] {0f, 1f, Float.NaN}, new float[3][], 1);

        var counts = UncertaintyHistogram.of(ranking, 4).counts();

        assertArrayEquals(new int[] {1, 0, 0, 1}, counts);
    }

    @Test
    void startsWithUnlabelledImagesMostUsefulFirst() {
        assertEquals(List.of("a.jpg", "c.jpg", "b.jpg"), listedFiles());
    }

    @Test
    void predictedClassFilterKeepsOnlyThatClass() {
        viewModel.labelFilterProperty().set(LabelFilter.ALL);
        viewModel.predictedClassProperty().set(0);

        assertEquals(List.of("a.jpg", "c.jpg", "d.jpg"), listedFiles(), "unscored d goes last");
    }

    @Test
    void confidenceRangeKeepsImagesInsideIt() {
        viewModel.labelFilterProperty().set(LabelFilter.ALL);
        viewModel.sortKeyProperty().set(SortKey.CONFIDENCE);
        viewModel.confidenceRangeProperty().set(new ValueRange(0.6, 0.95));

        assertEquals(List.of("c.jpg", "e.jpg", "d.jpg"), listedFiles());
    }

    @Test
    void narrowScoreRangeDropsUnscoredImages() {
        viewModel.labelFilterProperty().set(LabelFilter.ALL);
        viewModel.scoreRangeProperty().set(new ValueRange(0.3, 1.0));

        assertEquals(List.of("a.jpg", "c.jpg"), listedFiles());
    }

    @Test
    void sortsByFileNameAndByPredictedClass() {
        viewModel.labelFilterProperty().set(LabelFilter.ALL);

        viewModel.sortKeyProperty().set(SortKey.FILE_NAME);
        assertEquals(List.of("a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg"), listedFiles());

        viewModel.sortKeyProperty().set(SortKey.PREDICTED_CLASS);
        assertEquals(List.of("a.jpg", "c.jpg", "d.jpg", "b.jpg", "e.jpg"), listedFiles());
    }

    @Test
    void labelledFilterShowsWhoGaveEachLabel() {
        viewModel.labelFilterProperty().set(LabelFilter.LABELLED);

        var rows = viewModel.rowsProperty().get();
        assertEquals(List.of("d.jpg", "e.jpg"), listedFiles());
        assertEquals(LabelSource.HUMAN, rows.get(0).labelSource());
        assertEquals(LabelSource.MODEL, rows.get(1).labelSource());
        var counts = viewModel.dataProperty().get().labelCounts();
        assertArrayEquals(new int[] {1, 0, 0}, counts.human());
        assertArrayEquals(new int[] {0, 1, 0}, counts.model());
    }

    @Test
    void suspectsCarryFileAndClassNames() {
        workspace.setSuspects(List.of(new SuspectLabel(3, 0, 2, 0.93), new SuspectLabel(99, 0, 1, 0.9)));
        viewModel.refresh();

        var suspects = viewModel.dataProperty().get().suspects();
        assertEquals(1, suspects.size(), "a suspect for an unknown image is dropped");
        var suspect = suspects.get(0);
        assertEquals("d.jpg", suspect.item().relativePath());
        assertEquals("cat", suspect.givenName());
        assertEquals("bird", suspect.predictedName());
        assertEquals(0.93, suspect.confidence(), 1e-9);
        assertEquals(false, suspect.isRelabelled());
    }

    @Test
    void relabellingASuspectSavesTheLabelAndRefreshes() {
        workspace.setSuspects(List.of(new SuspectLabel(3, 0, 2, 0.93)));
        viewModel.refresh();

        viewModel.relabel(3, 2);

        assertEquals(List.of(new HandSetWorkspace.LabelCall(List.of(3), 2)), workspace.labelCalls);
        assertTrue(viewModel.dataProperty().get().suspects().get(0).isRelabelled());
        assertArrayEquals(new int[] {0, 0, 1}, viewModel.dataProperty().get().labelCounts().human());
    }

    @Test
    void followsNewRankingsAndModels() {
        workspace.setRanking(new Ranking("entropy", new int[] {1}, new double[] {0, 0.4, 0, 0, 0},
                new int[] {0, 2, 0, 0, 1}, new float[] {0.9f, 0.4f, 0.9f, 0.9f, 0.9f}, new float[5][], 2));
        var summary = new ModelSummary(2, 2, 0.75, true, 10, false, new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 0}},
                List.of(new ModelSummary.CurvePoint(2, 0.75)));
        workspace.setModel(summary);

        assertEquals(List.of("b.jpg", "a.jpg", "c.jpg"), listedFiles());
        var top = viewModel.rowsProperty().get().get(0);
        assertEquals(2, top.predicted());
        assertEquals(0.4, top.confidence(), 1e-6);
        assertEquals("entropy", viewModel.dataProperty().get().strategy());
        assertEquals(summary, viewModel.dataProperty().get().model());
    }

    @Test
    void refreshRequestsWaitingToStartAreMerged() {
        var queued = new ArrayList<Runnable>();
        var queuedViewModel = new ReviewViewModel(workspace, queued::add, NOW);
        queuedViewModel.refresh();
        queuedViewModel.refresh();

        assertEquals(1, queued.size());
        queued.remove(0).run();
        assertEquals(3, queuedViewModel.rowsProperty().get().size());
        queuedViewModel.refresh();
        assertEquals(1, queued.size(), "a refresh after the read started is a new one");
    }

    @Test
    void whileHiddenChangesAreReadOnceWhenShownAgain() {
        var queued = new ArrayList<Runnable>();
        var queuedViewModel = new ReviewViewModel(workspace, queued::add, NOW);
        queued.remove(0).run();

        queuedViewModel.setActive(false);
        queuedViewModel.refresh();
        queuedViewModel.refresh();
        assertTrue(queued.isEmpty(), "nothing is read while the pane is hidden");

        queuedViewModel.setActive(true);
        assertEquals(1, queued.size(), "showing it reads what changed meanwhile, once");
        queued.remove(0).run();
        queuedViewModel.setActive(false);
        queuedViewModel.setActive(true);
        assertTrue(queued.isEmpty(), "nothing changed while hidden: nothing to read");
    }

    @Test
    void closingStopsListening() {
        int before = workspace.listenerCount();

        viewModel.close();

        assertEquals(before - 1, workspace.listenerCount());
    }

    @Test
    void noModelYetMeansNoSummary() {
        assertNull(viewModel.dataProperty().get().model());
    }
}
