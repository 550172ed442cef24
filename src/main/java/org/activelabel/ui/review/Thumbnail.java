package org.activelabel.ui.review;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.activelabel.workspace.ImageItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A fixed-size preview box for list and table cells, which are reused as the user scrolls. */
final class Thumbnail extends StackPane {

    private static final Logger log = LoggerFactory.getLogger(Thumbnail.class);

    private final ThumbnailSource source;
    private final int size;
    private final ImageView view = new ImageView();
    private ImageItem shown;

    Thumbnail(ThumbnailSource source, int size) {
        this.source = source;
        this.size = size;
        getStyleClass().add("thumbnail");
        view.setPreserveRatio(true);
        view.setFitWidth(size);
        view.setFitHeight(size);
        setAlignment(Pos.CENTER);
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
        getChildren().add(view);
    }

    void show(ImageItem item) {
        if (item != null && item.equals(shown)) {
            return;
        }
        shown = item;
        view.setImage(null);
        if (item == null) {
            return;
        }
        source.thumbnail(item, size).whenComplete((image, error) -> {
            if (error != null) {
                log.debug("No thumbnail for {}", item.relativePath(), error);
                return;
            }
            Platform.runLater(() -> {
                // the cell may show another image by the time this one is decoded
                if (item.equals(shown)) {
                    view.setImage(image);
                }
            });
        });
    }
}
