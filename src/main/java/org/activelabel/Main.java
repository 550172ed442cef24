package org.activelabel;

import java.nio.file.Path;
import org.activelabel.backbone.Backbones;
import org.activelabel.backbone.LazyBackbone;
import org.activelabel.cli.ActiveLabelCommand;
import org.activelabel.ui.DesktopLauncher;
import org.activelabel.ui.session.SessionLibrary;

/**
 * Entry point: no arguments opens the window, anything else is a command. Kept free of JavaFX
 * types so the class path start works (a main class that extends Application fails there with
 * "JavaFX runtime components are missing").
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DesktopLauncher.launch(args, desktopSessions());
            System.exit(0);
        }
        System.exit(ActiveLabelCommand.run(args));
    }

    /** The ONNX model loads only when an image needs reading: a session whose features are cached opens without it. */
    private static SessionLibrary desktopSessions() {
        Path descriptor = Backbones.bundledDescriptor();
        Path sample = descriptor.getParent().getParent().resolve("sample");
        return new SessionLibrary(Path.of(System.getProperty("activelabel.sessions", "sessions")), sample,
                new LazyBackbone(descriptor));
    }
}
