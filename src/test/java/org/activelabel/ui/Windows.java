package org.activelabel.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.scene.control.DialogPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests wait for and look up: a condition within a time, a dialog that is showing. */
final class Windows {

    private Windows() {
    }

    static void waitUntil(int seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    /** The first showing dialog that {@code which} accepts, or null. */
    static DialogPane dialog(FxRobot robot, Predicate<DialogPane> which) {
        return robot.listWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot())
                .filter(which).findFirst().orElse(null);
    }
}
