package org.activelabel.ui;

import java.util.function.Supplier;
import javafx.application.Application;
import org.activelabel.workspace.Workspace;

/** Starts the desktop window from code that does not itself touch JavaFX. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /**
     * Opens the window and returns when it is closed. {@code opener} runs on a background thread
     * while the window shows progress; an exception it throws is shown to the user in a dialog.
     */
    public static void launch(String[] args, Supplier<Workspace> opener) {
        // image decoding uses AWT classes; a second GUI toolkit beside JavaFX's can stall on the display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ActiveLabelApp.handOver(opener);
        Application.launch(ActiveLabelApp.class, args);
    }
}
