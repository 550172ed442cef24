package org.activelabel.ui.review;

import org.activelabel.ui.thumbnail.ThumbnailCache;
import org.activelabel.session.LabelSource;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** The filtered images, one row each; selecting a row opens the image in the main window. */
final class ItemTable extends TableView<ReviewRow> {

    private static final int THUMBNAIL_SIZE = 40;
    private static final PseudoClass DISAGREES = PseudoClass.getPseudoClass("disagrees");

    private List<String> classes = List.of();
    private int openedItemId = -1;

    ItemTable(ThumbnailCache thumbnails, Consumer<Integer> onOpenItem, Consumer<Integer> onLabelItem) {
        setId("review-table");
        getStyleClass().add("review-table");
        setFixedCellSize(THUMBNAIL_SIZE + 8);
        setPlaceholder(new Label("No images match these filters."));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        var preview = new TableColumn<ReviewRow, ReviewRow>("");
        preview.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        preview.setCellFactory(column -> new ThumbnailCell(thumbnails));
        preview.setMinWidth(THUMBNAIL_SIZE + 16);
        preview.setMaxWidth(THUMBNAIL_SIZE + 16);

        var file = textColumn("File", ReviewRow::fileName);
        file.setPrefWidth(200);
        file.setMinWidth(120);
        // the end of a path (the file's own name) tells images apart better than the folder
        file.setCellFactory(column -> {
            var cell = new TableCell<ReviewRow, String>() {
                @Override
                protected void updateItem(String text, boolean empty) {
                    super.updateItem(text, empty);
                    setText(empty ? null : text);
                    setTooltip(empty || text == null ? null : new Tooltip(text));
                }
            };
            cell.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            return cell;
        });
        var label = textColumn("Label", this::labelText);
        label.setMinWidth(100);
        // "food-drink (you)": a class name and who gave it, whole
        label.setPrefWidth(150);
        var predicted = textColumn("Predicted", row -> ReviewData.className(classes, row.predicted()));
        predicted.setMinWidth(100);
        predicted.setCellFactory(column -> new PredictedCell());
        var confidence = textColumn("Confidence", row -> Double.isNaN(row.confidence()) ? ""
                : String.format(Locale.ROOT, "%.0f %%", 100 * row.confidence()));
        explain(confidence, "The model's probability for the class it predicts.");
        confidence.setMinWidth(105);
        confidence.getStyleClass().add("number-column");
        var score = textColumn("Score", row -> Double.isNaN(row.score()) ? ""
                : String.format(Locale.ROOT, "%.3f", row.score()));
        explain(score, "How much the session's strategy expects labelling the image to teach the model:"
                + " the queue asks the highest first. With the default strategy, the uncertainty of the model's"
                + " guess; while some class has fewer than two labels, the order of the typical images it starts"
                + " with (3.0, 2.9, ...).");
        score.setMinWidth(75);
        score.getStyleClass().add("number-column");
        getColumns().setAll(List.of(preview, file, label, predicted, confidence, score));

        getSelectionModel().selectedItemProperty().addListener((obs, before, selected) -> {
            if (selected != null && selected.itemId() != openedItemId) {
                openedItemId = selected.itemId();
                onOpenItem.accept(selected.itemId());
            }
        });
        LabelElsewhere.onDoubleClickOrEnter(this, () -> getSelectionModel().getSelectedItem(), onLabelItem);
    }

    /** Redraws the class names, which may have been renamed or added. */
    void setClasses(List<String> classNames) {
        if (!classNames.equals(classes)) {
            classes = classNames;
            refresh();
        }
    }

    /** Replaces the rows, keeping the selected image selected when it is still listed. */
    void show(List<ReviewRow> rows) {
        var selected = getSelectionModel().getSelectedItem();
        getItems().setAll(rows);
        if (selected == null) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).itemId() == selected.itemId()) {
                getSelectionModel().select(i);
                return;
            }
        }
        getSelectionModel().clearSelection();
    }

    private String labelText(ReviewRow row) {
        if (!row.isLabelled()) {
            return "";
        }
        var source = row.labelSource() == LabelSource.MODEL ? "model" : "you";
        return ReviewData.className(classes, row.labelClass()) + " (" + source + ")";
    }

    private static TableColumn<ReviewRow, String> textColumn(String title, Function<ReviewRow, String> text) {
        var column = new TableColumn<ReviewRow, String>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        // the sort box above the table orders the rows; header clicks would fight it
        column.setSortable(false);
        return column;
    }

    /** The column's title with a tooltip that says what its numbers mean. */
    private static void explain(TableColumn<ReviewRow, String> column, String meaning) {
        var title = new Label(column.getText());
        title.setMinWidth(Region.USE_PREF_SIZE);
        var tooltip = new Tooltip(meaning);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        title.setTooltip(tooltip);
        column.setText(null);
        column.setGraphic(title);
    }

    /** Marks a prediction that contradicts the image's label. */
    private static final class PredictedCell extends TableCell<ReviewRow, String> {

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            var row = getTableRow() == null ? null : getTableRow().getItem();
            boolean disagrees = !empty && row != null && row.isLabelled() && row.predicted() >= 0
                    && row.predicted() != row.labelClass();
            pseudoClassStateChanged(DISAGREES, disagrees);
        }
    }

    private static final class ThumbnailCell extends TableCell<ReviewRow, ReviewRow> {

        private final Thumbnail thumbnail;

        ThumbnailCell(ThumbnailCache thumbnails) {
            thumbnail = new Thumbnail(thumbnails, THUMBNAIL_SIZE);
        }

        @Override
        protected void updateItem(ReviewRow row, boolean empty) {
            super.updateItem(row, empty);
            thumbnail.show(empty || row == null ? null : row.item());
            setGraphic(empty || row == null ? null : thumbnail);
        }
    }
}
