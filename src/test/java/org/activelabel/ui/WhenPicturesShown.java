package org.activelabel.ui;

import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;

/**
 * For the screenshot mains: runs an action on the FX thread once every picture the scene shows has arrived, counted
 * in frames, so nothing sleeps for a guessed time. The pictures load in the background; a picture that never comes
 * (a placeholder left empty on purpose) gives way after {@code maxNanos}.
 */
public final class WhenPicturesShown {

    /** Frames in a row with every shown picture present: no load was in flight at their start. */
    private static final int SETTLED_FRAMES = 10;

    private WhenPicturesShown() {
    }

    /** Call on the FX thread. {@code scene} is asked each frame: the window may not be up yet (null). */
    public static void then(Supplier<Scene> scene, long maxNanos, Runnable action) {
        new AnimationTimer() {
            private long first = -1;
            private int settled;

            @Override
            public void handle(long now) {
                if (first < 0) {
                    first = now;
                }
                Scene shown = scene.get();
                var count = new int[2]; // pictures shown, pictures still empty
                if (shown != null) {
                    countPictures(shown.getRoot(), count);
                }
                settled = count[0] > 0 && count[1] == 0 ? settled + 1 : 0;
                if (settled >= SETTLED_FRAMES || (shown != null && now - first > maxNanos)) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    private static void countPictures(Node node, int[] count) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ImageView view) {
            count[view.getImage() == null ? 1 : 0]++;
        } else if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                countPictures(child, count);
            }
        }
    }
}
