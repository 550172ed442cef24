package org.activelabel.ui.label;

import org.activelabel.session.LabelSource;
import java.util.Locale;
import java.util.Optional;
import javafx.concurrent.Task;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.ui.thumbnail.ThumbnailCache;
import org.activelabel.ui.thumbnail.ThumbnailSource;
import org.activelabel.workspace.LabelEntry;

/**
 * The focused image in large, with its file, its label and every class probability. The image shows at once as its
 * thumbnail, scaled up, and then sharp, decoded to fit the pane; moving on drops a decode that has not started.
 */
public final class DetailView extends ScrollPane {

    private static final int LARGE_SIDE = 640;
    private static final PseudoClass PREDICTED = PseudoClass.getPseudoClass("predicted");

    private final LabellingViewModel vm;
    private final BackgroundTasks tasks;
    private final ThumbnailSource source;
    private final ThumbnailCache thumbnails;
    private final ImageView image = new ImageView();
    private final Label title = new Label();
    private final Label file = new Label();
    private final Label label = new Label();
    private final Label suggestion = new Label();
    private final Label chartTitle = new Label("Class probabilities");
    private final GridPane chart = new GridPane();
    private Task<Image> loading;
    private ThumbnailCache.Cancel pendingThumbnail = () -> { };
    private boolean sharp;
    private Task<Optional<LabelEntry>> labelLookup;
    private int labelShownFor = -1;

    public DetailView(LabellingViewModel vm, BackgroundTasks tasks, ThumbnailSource source, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.tasks = tasks;
        this.source = source;
        this.thumbnails = thumbnails;
        getStyleClass().add("detail");
        setFitToWidth(true);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        title.getStyleClass().addAll("title-4", "detail-title");
        title.setWrapText(true);
        file.getStyleClass().add("text-muted");
        file.setWrapText(true);
        suggestion.setWrapText(true);
        label.setWrapText(true);
        chartTitle.getStyleClass().add("text-bold");
        // no heading over an empty chart before the first model
        chartTitle.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(chart.getChildren()));
        chartTitle.managedProperty().bind(chartTitle.visibleProperty());
        chart.getStyleClass().add("probability-chart");
        var names = new ColumnConstraints();
        var bars = new ColumnConstraints();
        bars.setHgrow(Priority.ALWAYS);
        var values = new ColumnConstraints();
        values.setHalignment(HPos.RIGHT);
        chart.getColumnConstraints().addAll(names, bars, values);
        var content = new VBox(image, title, file, label, suggestion, chartTitle, chart);
        content.getStyleClass().add("detail-content");
        setContent(content);
        // the skin caches the viewport as an image for smooth scrolling; the content changes with
        // every label, and without a GPU re-rendering that cache costs a second paint each time
        skinProperty().addListener((obs, old, skin) -> {
            var viewport = lookup(".viewport");
            if (viewport != null) {
                viewport.setCache(false);
            }
        });
        image.fitWidthProperty().bind(widthProperty().subtract(40).map(w -> Math.max(80, Math.min(LARGE_SIDE, w.doubleValue()))));
        image.setFitHeight(LARGE_SIDE * 0.75);

        vm.focusedItemProperty().addListener((obs, old, id) -> showItem(id.intValue(), true));
        vm.rankingProperty().addListener((obs, old, now) -> showItem(vm.focusedItem(), false));
        vm.classes().addListener((javafx.collections.ListChangeListener<String>) c -> showItem(vm.focusedItem(), false));
        showItem(vm.focusedItem(), true);
    }

    private void showItem(int itemId, boolean reloadImage) {
        if (itemId < 0) {
            if (loading != null) {
                loading.cancel(false);
            }
            pendingThumbnail.cancel();
            image.setImage(null);
            title.setText("No image selected");
            file.setText("");
            label.setText("");
            suggestion.setText("");
            chart.getChildren().clear();
            return;
        }
        var item = vm.item(itemId);
        var path = item.relativePath();
        title.setText(path.substring(path.lastIndexOf('/') + 1));
        file.setText(path + " · " + humanSize(item.sizeBytes())
                + (item.problem() == null || item.problem().isBlank() ? "" : " · " + item.problem()));
        showLabel(itemId);
        int predicted = vm.predictedClass(itemId);
        float confidence = vm.confidence(itemId);
        suggestion.setText(predicted >= 0
                ? String.format(Locale.ROOT, "Model suggests %s (%.0f%%) — press Enter to accept", vm.className(predicted), confidence * 100)
                : "No model yet: label a few images, then update the model (U).");
        fillChart(vm.probabilities(itemId), predicted);
        if (reloadImage) {
            loadLarge(itemId);
        }
    }

    /** The workspace read waits while a label is being written durably: it runs off the FX thread. */
    private void showLabel(int itemId) {
        if (labelLookup != null) {
            labelLookup.cancel(false);
        }
        if (itemId != labelShownFor) {
            label.setText("");
            labelShownFor = itemId;
        }
        labelLookup = tasks.submit(BackgroundTasks.Lane.IO, progress -> vm.labelOf(itemId), entry -> {
            if (vm.focusedItem() == itemId) {
                label.setText(entry.map(this::describe).orElse("Not labelled yet"));
            }
        }, error -> { });
    }

    private String describe(LabelEntry entry) {
        if (entry.source() == LabelSource.MODEL) {
            return "Not labelled yet · the model trains on it as " + vm.className(entry.classIndex())
                    + " (its own guess, not a label)";
        }
        return "Label: " + vm.className(entry.classIndex()) + " (by you)";
    }

    /** Updates the bars in place: new nodes on every focus move would all be styled from scratch. */
    private void fillChart(float[] probabilities, int predicted) {
        int rows = probabilities == null ? 0 : Math.min(probabilities.length, vm.classes().size());
        if (chart.getChildren().size() != rows * 3) {
            chart.getChildren().clear();
            for (int c = 0; c < rows; c++) {
                var bar = new ProgressBar();
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.getStyleClass().add("probability-bar");
                chart.addRow(c, new Label(), bar, new Label());
            }
        }
        var cells = chart.getChildren();
        for (int c = 0; c < rows; c++) {
            var name = (Label) cells.get(3 * c);
            var bar = (ProgressBar) cells.get(3 * c + 1);
            var value = (Label) cells.get(3 * c + 2);
            name.setText((c < 9 ? (c + 1) + "  " : c == 9 ? "0  " : "    ") + vm.className(c));
            bar.setProgress(probabilities[c]);
            value.setText(String.format(Locale.ROOT, "%.1f%%", probabilities[c] * 100));
            // a state, not a style class: changing classes makes JavaFX match the node against
            // every stylesheet again, on each focus move
            name.pseudoClassStateChanged(PREDICTED, c == predicted);
            bar.pseudoClassStateChanged(PREDICTED, c == predicted);
        }
    }

    private void loadLarge(int itemId) {
        if (loading != null) {
            loading.cancel(false);
        }
        pendingThumbnail.cancel();
        var item = vm.item(itemId);
        sharp = false;
        image.setImage(null);
        // the thumbnail first (from memory at once, or from disk), then the picture at the pane's size
        pendingThumbnail = thumbnails.request(item, thumbnail -> {
            if (vm.focusedItem() == itemId && !sharp) {
                image.setImage(thumbnail);
            }
        });
        var file = item.file();
        int side = largeSide();
        loading = tasks.submit(BackgroundTasks.Lane.PICTURE, progress -> source.load(file, side), loaded -> {
            if (vm.focusedItem() == itemId) {
                sharp = true;
                image.setImage(loaded);
            }
        }, error -> { });
    }

    /** The pane's longer side in screen pixels: sharp on a double-density screen too. */
    private int largeSide() {
        double scale = getScene() == null || getScene().getWindow() == null ? 1
                : Math.max(1, getScene().getWindow().getOutputScaleX());
        double shown = Math.max(image.getFitWidth(), image.getFitHeight());
        return (int) Math.ceil(Math.max(shown, LARGE_SIDE * 0.75) * scale);
    }

    /** The picture shown now: the thumbnail, then the image itself. */
    Image shownImage() {
        return image.getImage();
    }

    /** Whether the heading of the class probabilities is on show. */
    boolean probabilitiesShown() {
        return chartTitle.isVisible();
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        return kb < 1024 ? String.format(Locale.ROOT, "%.1f KB", kb) : String.format(Locale.ROOT, "%.1f MB", kb / 1024);
    }
}
