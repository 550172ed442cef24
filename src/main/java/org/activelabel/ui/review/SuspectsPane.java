package org.activelabel.ui.review;

import org.activelabel.ui.thumbnail.ThumbnailCache;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.activelabel.workspace.ModelSummary;

/**
 * "Possible label errors": labelled images the out-of-fold model confidently puts elsewhere.
 * Selecting one opens it in the main window; a class button or its number key relabels it and
 * moves on to the next one.
 */
final class SuspectsPane extends VBox {

    private static final int THUMBNAIL_SIZE = 48;

    private final ReviewViewModel viewModel;
    private final Consumer<Integer> onOpenItem;
    private final Label title = new Label();
    private final Label placeholder = new Label();
    private final ListView<SuspectRow> list = new ListView<>();
    private final FlowPane relabelButtons = new FlowPane(6, 6);
    private List<String> classes = List.of();
    private int openedItemId = -1;

    SuspectsPane(ReviewViewModel viewModel, ThumbnailCache thumbnails, Consumer<Integer> onOpenItem,
                 Consumer<Integer> onLabelItem) {
        this.viewModel = viewModel;
        this.onOpenItem = onOpenItem;
        getStyleClass().add("suspects-pane");
        setSpacing(6);
        setPadding(new Insets(8));
        setMinHeight(230);
        title.getStyleClass().add("card-title");
        var hint = new Label("Select one to see it; press 1–9 or a button to relabel it.");
        hint.getStyleClass().add("hint");
        list.setId("suspects");
        list.setCellFactory(view -> new SuspectCell(thumbnails));
        list.setPlaceholder(placeholder);
        list.setFixedCellSize(THUMBNAIL_SIZE + 12);
        list.getSelectionModel().selectedItemProperty().addListener((obs, before, selected) -> {
            relabelButtons.setDisable(selected == null);
            if (selected != null && selected.itemId() != openedItemId) {
                openedItemId = selected.itemId();
                onOpenItem.accept(selected.itemId());
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, this::relabelByKey);
        LabelElsewhere.onDoubleClickOrEnter(list, () -> list.getSelectionModel().getSelectedItem(), onLabelItem);
        relabelButtons.setDisable(true);
        relabelButtons.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, hint, list, relabelButtons);
    }

    void show(ReviewData data) {
        if (!data.classes().equals(classes)) {
            classes = data.classes();
            rebuildButtons();
        }
        int selectedId = selectedItemId();
        list.getItems().setAll(data.suspects());
        select(selectedId);
        title.setText("Possible label errors (" + data.suspects().size() + ")");
        placeholder.setText(placeholderText(data.model()));
    }

    static String placeholderText(ModelSummary model) {
        if (model == null) {
            return "Possible label errors appear after the first model update.";
        }
        if (!model.validated()) {
            return "Not checked yet: when you pause, the labels are cross-validated in the background.";
        }
        return Double.isNaN(model.cvAccuracy()) ? "Too few labels in each class to cross-validate yet."
                : "None: the cross-validated model agrees with every label it was tested on.";
    }

    private void rebuildButtons() {
        relabelButtons.getChildren().setAll(new Label("Relabel as"));
        for (int c = 0; c < classes.size(); c++) {
            int classIndex = c;
            var button = new Button(c < 9 ? (c + 1) + "  " + classes.get(c) : classes.get(c));
            button.setOnAction(event -> relabelSelected(classIndex));
            button.setFocusTraversable(false);
            relabelButtons.getChildren().add(button);
        }
    }

    private void relabelByKey(KeyEvent event) {
        int digit = digitOf(event.getCode());
        if (digit >= 1 && digit <= classes.size()) {
            relabelSelected(digit - 1);
            event.consume();
        }
    }

    private static int digitOf(KeyCode code) {
        if (!code.isDigitKey()) {
            return -1;
        }
        // both "3" and "Numpad 3" end in their digit
        var name = code.getName();
        return Character.digit(name.charAt(name.length() - 1), 10);
    }

    private void relabelSelected(int classIndex) {
        var selected = list.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        viewModel.relabel(selected.itemId(), classIndex);
        int next = list.getSelectionModel().getSelectedIndex() + 1;
        if (next < list.getItems().size()) {
            list.getSelectionModel().select(next);
            list.scrollTo(Math.max(0, next - 2));
        }
    }

    private int selectedItemId() {
        var selected = list.getSelectionModel().getSelectedItem();
        return selected == null ? -1 : selected.itemId();
    }

    private void select(int itemId) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).itemId() == itemId) {
                list.getSelectionModel().select(i);
                return;
            }
        }
        list.getSelectionModel().clearSelection();
    }

    private final class SuspectCell extends ListCell<SuspectRow> {

        private final Thumbnail thumbnail;
        private final Label file = new Label();
        private final Label verdict = new Label();
        private final HBox box;

        SuspectCell(ThumbnailCache thumbnails) {
            thumbnail = new Thumbnail(thumbnails, THUMBNAIL_SIZE);
            verdict.getStyleClass().add("verdict");
            var text = new VBox(2, file, verdict);
            text.setAlignment(Pos.CENTER_LEFT);
            box = new HBox(10, thumbnail, text);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(SuspectRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                thumbnail.show(null);
                setGraphic(null);
                return;
            }
            thumbnail.show(row.item());
            file.setText(row.item().relativePath());
            var text = row.givenName() + " → " + row.predictedName()
                    + String.format(Locale.ROOT, " (%.0f %%)", 100 * row.confidence());
            if (row.isRelabelled()) {
                text += "   now " + (row.currentClass() < 0 ? "unlabelled" : ReviewData.className(classes, row.currentClass()));
            }
            verdict.setText(text);
            setGraphic(box);
        }
    }
}
