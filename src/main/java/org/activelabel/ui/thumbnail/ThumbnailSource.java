package org.activelabel.ui.thumbnail;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;

/** Decodes an image file into a picture no larger than {@code maxSide} on either side. Blocking. */
@FunctionalInterface
public interface ThumbnailSource {

    Image load(Path file, int maxSide) throws IOException;
}
