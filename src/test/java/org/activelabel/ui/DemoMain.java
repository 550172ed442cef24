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
 * picture of the window after a few seconds and exits.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) {
        var folder = Path.of(System.getProperty("java.io.tmpdir"), "activelabel-demo");
        int count = Integer.getInteger("images", 400);
        var screenshot = System.getProperty("screenshot");
        if (screenshot != null) {
            var shooter = new Thread(() -> shootLater(Path.of(screenshot)));
            shooter.setDaemon(true);
            shooter.start();
        }
        DesktopLauncher.launch(args, () -> new FakeWorkspace(folder, count,
                List.of("cat", "dog", "bird", "horse", "fish")));
    }

    private static void shootLater(Path out) {
        try {
            Thread.sleep(Long.getLong("screenshot.delay", 6000));
            Platform.runLater(() -> {
                try {
                    var scene = Window.getWindows().get(0).getScene();
                    var image = scene.snapshot(null);
                    ImageIO.write((RenderedImage) SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
                } catch (Exception e) {
                    e.printStackTrace();
                }
                Platform.exit();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
