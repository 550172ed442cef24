package org.activelabel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.activelabel.backbone.Backbones;
import org.activelabel.cli.ActiveLabelCommand;
import org.activelabel.ui.DesktopLauncher;
import org.activelabel.workspace.Workspaces;

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
            DesktopLauncher.launch(args, Main::openLastOrSample);
            System.exit(0);
        }
        System.exit(ActiveLabelCommand.run(args));
    }

    private static org.activelabel.workspace.Workspace openLastOrSample() {
        try {
            Path sample = Backbones.bundledDescriptor().getParent().getParent().resolve("sample");
            return Workspaces.openLastOrSample(Path.of(System.getProperty("activelabel.sessions", "sessions")),
                    sample, Backbones.openBundled());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
