package org.activelabel.ui.review;

import javafx.geometry.Pos;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.activelabel.ui.thumbnail.ThumbnailCache;
import org.activelabel.workspace.ImageItem;

/**
 * A fixed-size preview box for list and table cells, which are reused as the user scrolls. The
 * pictures come from the window's one thumbnail cache, the grid's.
 */
final class Thumbnail extends StackPane {

    private final ThumbnailCache thumbnails;
    private final ImageView view = new ImageView();
    private ImageItem shown;
    private ThumbnailCache.Cancel pending = () -> { };

    Thumbnail(ThumbnailCache thumbnails, int size) {
        this.thumbnails = thumbnails;
        getStyleClass().add("thumbnail");
        view.setPreserveRatio(true);
        view.setSmooth(true);
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
        // a cell scrolled on to another image no longer waits for this one
        pending.cancel();
        pending = () -> { };
        shown = item;
        view.setImage(null);
        if (item == null) {
            return;
        }
        pending = thumbnails.request(item, image -> {
            if (item.equals(shown)) {
                view.setImage(image);
            }
        });
    }
}
