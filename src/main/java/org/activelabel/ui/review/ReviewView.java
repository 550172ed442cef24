package org.activelabel.ui.review;

import org.activelabel.ui.thumbnail.ThumbnailCache;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.activelabel.workspace.ModelSummary;

/**
 * The review tab: a filterable table of images on the left; on the right the pool uncertainty,
 * learning curve, labels per class and confusion matrix above the list of possible label errors.
 */
public final class ReviewView extends SplitPane {

    private final ReviewViewModel viewModel;
    private final FilterBar filters;
    private final ItemTable table;
    private final ReviewCharts charts = new ReviewCharts();
    private final SuspectsPane suspects;
    private final Label status = new Label();

    /**
     * @param onOpenItem called on the FX thread with an image's id when the user selects it in the
     *                   table or in the list of possible label errors
     */
    public ReviewView(ReviewViewModel viewModel, ThumbnailCache thumbnails, Consumer<Integer> onOpenItem) {
        this(viewModel, thumbnails, onOpenItem, onOpenItem);
    }

    /**
     * @param onSelectItem called on the FX thread with an image's id when the user selects it in the table or in
     *                     the list of possible label errors
     * @param onLabelItem  called when the user double-clicks it or presses Enter on it: to label it elsewhere
     */
    public ReviewView(ReviewViewModel viewModel, ThumbnailCache thumbnails, Consumer<Integer> onSelectItem,
                      Consumer<Integer> onLabelItem) {
        this.viewModel = Objects.requireNonNull(viewModel);
        Objects.requireNonNull(thumbnails);
        Objects.requireNonNull(onSelectItem);
        Objects.requireNonNull(onLabelItem);
        getStyleClass().add("review-view");
        getStylesheets().add(Objects.requireNonNull(ReviewView.class.getResource("review.css")).toExternalForm());
        filters = new FilterBar(viewModel);
        table = new ItemTable(thumbnails, onSelectItem, onLabelItem);
        suspects = new SuspectsPane(viewModel, thumbnails, onSelectItem, onLabelItem);

        status.getStyleClass().add("status-line");
        status.setPadding(new Insets(4, 8, 6, 8));
        var left = new BorderPane(table, filters, null, status, null);
        var chartsScroll = new ScrollPane(charts);
        chartsScroll.setFitToWidth(true);
        chartsScroll.setFitToHeight(true);
        var right = new SplitPane(chartsScroll, suspects);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.63);
        getItems().setAll(left, right);
        setDividerPositions(0.5);

        viewModel.dataProperty().addListener((obs, before, data) -> show(data));
        viewModel.rowsProperty().addListener((obs, before, rows) -> {
            table.show(rows);
            updateStatus();
        });
        viewModel.messageProperty().addListener((obs, before, message) -> updateStatus());
        show(viewModel.dataProperty().get());
        table.show(viewModel.rowsProperty().get());
    }

    private void show(ReviewData data) {
        filters.show(data);
        table.setClasses(data.classes());
        charts.show(data);
        suspects.show(data);
        updateStatus();
    }

    private void updateStatus() {
        var data = viewModel.dataProperty().get();
        var text = String.format(Locale.ROOT, "%,d of %,d images", viewModel.rowsProperty().get().size(),
                data.rows().size());
        text += " · " + modelText(data.model());
        if (data.model() != null && !data.strategy().isEmpty()) {
            text += " · scored by " + data.strategy();
        }
        var message = viewModel.messageProperty().get();
        status.setText(message.isEmpty() ? text : text + " · " + message);
    }

    private static String modelText(ModelSummary model) {
        if (model == null) {
            return "no model yet";
        }
        var accuracy = !model.validated() ? "CV accuracy when you pause"
                : Double.isNaN(model.cvAccuracy()) ? "CV accuracy needs more labels"
                : String.format(Locale.ROOT, "CV accuracy %.1f %%", 100 * model.cvAccuracy());
        return String.format(Locale.ROOT, "model v%d on %,d labels, %s", model.version(), model.labelled(), accuracy);
    }
}
