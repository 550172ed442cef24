package org.activelabel.ui;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Application;
import org.activelabel.ui.session.SessionLibrary;
import org.activelabel.workspace.Workspace;

/** Starts the desktop window from code that does not itself touch JavaFX. */
public final class DesktopLauncher {

    /** System property: when the first JVM started, if the window runs in a second one (its start-up counts both). */
    public static final String LAUNCHED_AT = "activelabel.launchedAt";

    private DesktopLauncher() {
    }

    /**
     * Opens the window on the last session of {@code library} (or the sample) and returns when it is
     * closed. The session starts opening at once, while JavaFX starts; a failure is shown in a dialog.
     */
    public static void launch(String[] args, SessionLibrary library) {
        headlessAwt();
        var first = CompletableFuture.supplyAsync(() -> {
            try {
                return library.openLastOrSample();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
        ActiveLabelApp.handOver(new EarlyOpen(first), library);
        launchApp(args);
    }

    /** A workspace that started opening before JavaFX did; often it is open by the time the window is. */
    record EarlyOpen(CompletableFuture<Workspace> opening) implements Supplier<Workspace> {

        @Override
        public Workspace get() {
            try {
                return opening.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        /** The workspace when it has opened without error, at once and without waiting. */
        Optional<Workspace> ifOpened() {
            return opening.isDone() && !opening.isCompletedExceptionally()
                    ? Optional.of(opening.join()) : Optional.empty();
        }
    }

    /** For callers that bring their own workspace: no Session menu. */
    public static void launch(String[] args, Supplier<Workspace> opener) {
        headlessAwt();
        ActiveLabelApp.handOver(opener, null);
        launchApp(args);
    }

    private static void launchApp(String[] args) {
        Application.launch(ActiveLabelApp.class, args);
    }

    private static void headlessAwt() {
        // image decoding uses AWT classes; a second GUI toolkit beside JavaFX's can stall on the display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
