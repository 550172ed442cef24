package org.activelabel.ui.review;

import atlantafx.base.theme.Tweaks;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * Out-of-fold confusion matrix: true classes down the side, predicted classes along the top,
 * one cell per pair with its count. Cells are shaded by their share of the true class's row,
 * correct predictions in blue and mistakes in red, so the errors stand out.
 */
final class ConfusionMatrixView extends StackPane {

    private static final Color CORRECT = Color.web("#0969da");
    private static final Color WRONG = Color.web("#cf222e");

    private final GridPane grid = new GridPane();
    private final Label placeholder = new Label("The confusion matrix appears after the first model update.");

    ConfusionMatrixView() {
        getStyleClass().add("confusion-matrix");
        grid.setHgap(2);
        grid.setVgap(2);
        grid.setAlignment(Pos.CENTER);
        placeholder.getStyleClass().add("chart-placeholder");
        placeholder.setWrapText(true);
        // many classes make a big grid: scroll it rather than squeeze the charts next to it
        var scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.visibleProperty().bind(grid.visibleProperty());
        getChildren().addAll(scroll, placeholder);
        show(List.of(), null);
    }

    /** Shows {@code confusion[true][predicted]}, or the placeholder when it is null or empty. */
    void show(List<String> classes, int[][] confusion) {
        grid.getChildren().clear();
        boolean empty = confusion == null || confusion.length == 0;
        placeholder.setVisible(empty);
        grid.setVisible(!empty);
        if (empty) {
            return;
        }
        int n = confusion.length;
        var predictedTitle = new Label("Predicted class");
        predictedTitle.getStyleClass().add("axis-title");
        // the titles start where the matrix starts: centred on a matrix larger than its card,
        // they would sit outside the part in view
        grid.add(predictedTitle, 2, 0, n, 1);
        GridPane.setHalignment(predictedTitle, HPos.LEFT);
        var trueTitle = new Label("True class");
        trueTitle.getStyleClass().add("axis-title");
        trueTitle.setRotate(-90);
        var rotated = new Group(trueTitle);
        grid.add(rotated, 0, 2, 1, n);
        GridPane.setValignment(rotated, VPos.TOP);
        for (int c = 0; c < n; c++) {
            var name = header(ReviewData.className(classes, c));
            grid.add(name, 2 + c, 1);
            GridPane.setHalignment(name, HPos.CENTER);
            var rowName = header(ReviewData.className(classes, c));
            grid.add(rowName, 1, 2 + c);
            GridPane.setHalignment(rowName, HPos.RIGHT);
            GridPane.setValignment(rowName, VPos.CENTER);
        }
        for (int t = 0; t < n; t++) {
            int rowTotal = 0;
            for (int count : confusion[t]) {
                rowTotal += count;
            }
            for (int p = 0; p < n; p++) {
                int count = p < confusion[t].length ? confusion[t][p] : 0;
                grid.add(cell(classes, t, p, count, rowTotal), 2 + p, 2 + t);
            }
        }
    }

    private static Label header(String text) {
        var label = new Label(text);
        label.getStyleClass().add("matrix-class");
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setMaxWidth(160);
        return label;
    }

    private static Label cell(List<String> classes, int trueClass, int predictedClass, int count, int rowTotal) {
        double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
        double strength = count == 0 ? 0 : 0.15 + 0.85 * share;
        var tint = trueClass == predictedClass ? CORRECT : WRONG;
        var label = new Label(Integer.toString(count));
        label.getStyleClass().add("matrix-cell");
        label.setAlignment(Pos.CENTER);
        label.setMinSize(40, 26);
        label.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        // the tint lies over the theme's own cell colour, so light and dark themes both read
        label.setStyle("-fx-background-color: -color-bg-subtle, " + css(tint, strength) + "; -fx-text-fill: "
                + (strength > 0.55 ? "white" : "-color-fg-default") + ";");
        label.setTooltip(new Tooltip(count + " of " + rowTotal + " " + ReviewData.className(classes, trueClass)
                + " predicted as " + ReviewData.className(classes, predictedClass)));
        return label;
    }

    private static String css(Color color, double alpha) {
        return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.2f)", Math.round(color.getRed() * 255),
                Math.round(color.getGreen() * 255), Math.round(color.getBlue() * 255), alpha);
    }
}
