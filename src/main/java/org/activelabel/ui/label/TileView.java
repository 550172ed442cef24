package org.activelabel.ui.label;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.activelabel.ui.thumbnail.ThumbnailCache;

/**
 * One image of the queue: thumbnail, the model's guess with its confidence, and the file name; the name's tooltip
 * gives the path and the strategy's score (during the cold start a rank, not an uncertainty).
 */
final class TileView extends VBox {

    private static final PseudoClass FOCUSED = PseudoClass.getPseudoClass("focused-item");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected-item");
    private static final PseudoClass UNSURE = PseudoClass.getPseudoClass("unsure");

    private final LabellingViewModel vm;
    private final ThumbnailCache thumbnails;
    private final ImageView image = new ImageView();
    private final Label prediction = new Label();
    private final Label confidenceText = new Label();
    private final ProgressBar confidence = new ProgressBar();
    private final Label meta = new Label();
    private int itemId = -1;
    private ThumbnailCache.Cancel pendingThumbnail = () -> { };
    private final Runnable pictureShown;

    /** @param pictureShown told each time the tile's picture arrives */
    TileView(LabellingViewModel vm, ThumbnailCache thumbnails, Runnable pictureShown) {
        this.vm = vm;
        this.thumbnails = thumbnails;
        this.pictureShown = pictureShown;
        getStyleClass().add("tile");
        int side = thumbnails.maxSide();
        image.setFitWidth(side);
        image.setFitHeight(side);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        var frame = new StackPane(image);
        frame.getStyleClass().add("tile-image");
        frame.setMinSize(side, side);
        frame.setPrefSize(side, side);
        frame.setMaxSize(side, side);
        prediction.getStyleClass().add("tile-prediction");
        confidenceText.getStyleClass().add("tile-confidence-text");
        // a long class name gives way; the percentage is never cut
        confidenceText.setMinWidth(Region.USE_PREF_SIZE);
        prediction.setMinWidth(0);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var predictionRow = new HBox(prediction, spacer, confidenceText);
        predictionRow.setAlignment(Pos.BASELINE_LEFT);
        confidence.getStyleClass().add("tile-confidence");
        confidence.setMaxWidth(Double.MAX_VALUE);
        meta.getStyleClass().add("tile-meta");
        meta.setMaxWidth(side);
        // built when first wanted: a tooltip per tile would slow the grid's first frame
        meta.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> {
            if (meta.getTooltip() == null) {
                meta.setTooltip(new Tooltip());
            }
            meta.getTooltip().setText(metaDetail());
        });
        getChildren().addAll(frame, predictionRow, confidence, meta);
        setMaxWidth(Region.USE_PREF_SIZE);
        setPrefWidth(side);
    }

    int itemId() {
        return itemId;
    }

    /** Whether the tile shows its image's picture (not still waiting for it). */
    boolean hasPicture() {
        return image.getImage() != null;
    }

    /** The model's guess as the tile shows it. */
    String predictionText() {
        return prediction.getText();
    }

    /** The confidence as it is drawn, with an ellipsis if it did not fit. */
    String confidenceShown() {
        return confidenceText.lookup(".text") instanceof javafx.scene.text.Text text ? text.getText() : "";
    }

    /**
     * Shows {@code newItemId}, or nothing when it is negative. The text follows with
     * {@link #refreshText()}: the grid spreads a screenful of new text over several frames.
     */
    void show(int newItemId) {
        if (newItemId != itemId) {
            pendingThumbnail.cancel();
            pendingThumbnail = () -> { };
            itemId = newItemId;
            image.setImage(null);
            if (newItemId >= 0) {
                int requested = newItemId;
                pendingThumbnail = thumbnails.request(vm.item(newItemId), loaded -> {
                    if (itemId == requested) {
                        image.setImage(loaded);
                        pictureShown.run();
                    }
                });
            }
        }
        if (isHover()) {
            // the pointer stays while the tile takes another image
            vm.hover(newItemId);
        }
        setVisible(newItemId >= 0);
        refreshState();
    }

    void refreshText() {
        if (itemId < 0) {
            return;
        }
        int predicted = vm.predictedClass(itemId);
        float p = vm.confidence(itemId);
        if (predicted >= 0 && !Float.isNaN(p)) {
            prediction.setText(vm.className(predicted));
            confidenceText.setText(String.format(Locale.ROOT, "%.0f%%", p * 100));
            confidence.setProgress(p);
            // on the bar alone: a state change on the tile would restyle everything in it
            confidence.pseudoClassStateChanged(UNSURE, p < 0.6f);
        } else {
            prediction.setText("no guess yet");
            confidenceText.setText("");
            confidence.setProgress(0);
            confidence.pseudoClassStateChanged(UNSURE, false);
        }
        var path = vm.item(itemId).relativePath();
        meta.setText(path.substring(path.lastIndexOf('/') + 1));
        if (meta.getTooltip() != null) {
            // the pointer may rest on the name while the tile takes another image or a new score
            meta.getTooltip().setText(metaDetail());
        }
    }

    /** The image's path and, when it has one, its score in the queue. */
    private String metaDetail() {
        if (itemId < 0) {
            return "";
        }
        var path = vm.item(itemId).relativePath();
        double score = vm.score(itemId);
        return Double.isNaN(score) ? path
                : String.format(Locale.ROOT, "%s\nqueue score %.3f: the highest are asked first", path, score);
    }

    void refreshState() {
        pseudoClassStateChanged(FOCUSED, itemId >= 0 && itemId == vm.focusedItem());
        pseudoClassStateChanged(SELECTED, itemId >= 0 && vm.selection().contains(itemId));
    }
}
