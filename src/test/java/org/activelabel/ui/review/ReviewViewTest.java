package org.activelabel.ui.review;

import org.activelabel.session.LabelSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.ui.thumbnail.ThumbnailCache;
import org.activelabel.workspace.ModelSummary;
import org.activelabel.workspace.Ranking;
import org.activelabel.workspace.SuspectLabel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ReviewViewTest {

    private final HandSetWorkspace workspace = new HandSetWorkspace(List.of("cat", "dog", "bird"),
            List.of("a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg", "f.jpg"));
    private final List<Integer> opened = new CopyOnWriteArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final BackgroundTasks tasks = new BackgroundTasks();

    @Start
    void start(Stage stage) {
        workspace.putLabel(3, 0, LabelSource.HUMAN);
        workspace.putLabel(4, 1, LabelSource.HUMAN);
        workspace.putLabel(5, 2, LabelSource.HUMAN);
        workspace.setRanking(rankingWithPoolScores(0.8, 0.3, 0.5));
        workspace.setModel(new ModelSummary(3, 3, 0.67, true, 5, false, new int[][] {{0, 0, 1}, {1, 0, 0}, {0, 0, 1}},
                List.of(new ModelSummary.CurvePoint(2, 0.5), new ModelSummary.CurvePoint(3, 0.67))));
        workspace.setSuspects(List.of(new SuspectLabel(3, 0, 2, 0.93), new SuspectLabel(4, 1, 0, 0.85)));

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        var thumbnails = new ThumbnailCache((file, side) -> new WritableImage(side, side), tasks, 48);
        var view = new ReviewView(new ReviewViewModel(workspace, background), thumbnails, opened::add);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    /** Scores for the unlabelled a, b, c; d, e, f are labelled. */
    private static Ranking rankingWithPoolScores(double a, double b, double c) {
        return new Ranking("margin", new int[] {0, 1, 2},
                new double[] {a, b, c, Double.NaN, Double.NaN, Double.NaN},
                new int[] {0, 1, 2, 2, 0, 2},
                new float[] {0.4f, 0.9f, 0.6f, 0.93f, 0.85f, 0.97f},
                new float[6][], 3);
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
        tasks.close();
    }

    @Test
    void reviewerFixesAPossibleLabelErrorWithANumberKey(FxRobot robot) throws Exception {
        ListView<SuspectRow> suspects = robot.lookup("#suspects").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> suspects.getItems().size() == 2);

        BarChart<String, Number> uncertainty = robot.lookup("#uncertainty-chart").query();
        int pooled = uncertainty.getData().get(0).getData().stream().mapToInt(bin -> bin.getYValue().intValue()).sum();
        assertEquals(3, pooled, "every pool image is in the histogram");
        LineChart<Number, Number> curve = robot.lookup("#learning-curve").query();
        assertEquals(2, curve.getData().get(0).getData().size());
        assertEquals(9, robot.lookup("#confusion-matrix .matrix-cell").queryAll().size());
        TableView<ReviewRow> table = robot.lookup("#review-table").queryTableView();
        assertEquals(3, table.getItems().size(), "the unlabelled images");

        ListCell<SuspectRow> first = robot.lookup("#suspects .list-cell")
                .match((ListCell<SuspectRow> cell) -> cell.getItem() != null && cell.getItem().itemId() == 3)
                .query();
        robot.clickOn(first);
        assertEquals(List.of(3), opened);

        robot.type(KeyCode.DIGIT3);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !workspace.labelCalls.isEmpty());

        assertEquals(List.of(new HandSetWorkspace.LabelCall(List.of(3), 2)), workspace.labelCalls);
        assertEquals(List.of(3, 4), opened, "the next possible error opens right after");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> suspects.getItems().get(0).isRelabelled());
        assertTrue(suspects.getItems().get(0).isRelabelled());
    }

    @Test
    void selectedImageStaysSelectedWhenTheRankingChanges(FxRobot robot) throws Exception {
        TableView<ReviewRow> table = robot.lookup("#review-table").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        assertEquals(List.of(0, 2, 1), table.getItems().stream().map(ReviewRow::itemId).toList());

        robot.interact(() -> table.getSelectionModel().select(1));
        assertEquals(List.of(2), opened);

        workspace.setRanking(rankingWithPoolScores(0.1, 0.3, 0.9));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().get(0).itemId() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(2, table.getSelectionModel().getSelectedItem().itemId());
        assertEquals(List.of(2), opened, "a refresh does not open the image again");
    }

    @Test
    void theNumberColumnsSayWhatTheirNumbersMeanWhenTheirTitleIsHovered(FxRobot robot) {
        TableView<ReviewRow> table = robot.lookup("#review-table").queryTableView();
        var titles = table.getColumns().stream()
                .map(c -> c.getGraphic() instanceof Label l ? l : null)
                .filter(java.util.Objects::nonNull)
                .toList();
        assertEquals(List.of("Confidence", "Score"), titles.stream().map(Label::getText).toList());
        assertTrue(titles.get(1).getTooltip().getText().contains("the queue asks the highest first"),
                titles.get(1).getTooltip().getText());
        var header = robot.lookup(".column-header .label").queryAll().stream()
                .filter(n -> n instanceof Label l && "Score".equals(l.getText()))
                .findFirst();
        assertTrue(header.isPresent() && header.get().isVisible(), "the title shows in the header");
    }
}
