package org.activelabel.ui;

import java.awt.image.RenderedImage;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Opens the window over a {@link FakeWorkspace}. With {@code -Dscreenshot=out.png} it saves a
 * picture of the window once its thumbnails have arrived (at most {@code -Dscreenshot.maxWait} ms) and exits.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) {
        var folder = Path.of(System.getProperty("java.io.tmpdir"), "activelabel-demo");
        int count = Integer.getInteger("images", 400);
        var screenshot = System.getProperty("screenshot");
        DesktopLauncher.launch(args, () -> {
            // the opener runs once the toolkit is up, so the snapshot can be arranged from here
            if (screenshot != null) {
                Platform.runLater(() -> shootWhenShown(Path.of(screenshot)));
            }
            return new FakeWorkspace(folder, count, List.of("cat", "dog", "bird", "horse", "fish"));
        });
    }

    private static void shootWhenShown(Path out) {
        long maxNanos = Long.getLong("screenshot.maxWait", 20_000) * 1_000_000L;
        WhenPicturesShown.then(() -> Window.getWindows().isEmpty() ? null : Window.getWindows().get(0).getScene(),
                maxNanos, () -> {
                    try {
                        var image = Window.getWindows().get(0).getScene().snapshot(null);
                        ImageIO.write((RenderedImage) SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                    Platform.exit();
                });
    }
}
