package org.activelabel.ui.label;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.util.Duration;

/** A short message near the bottom that fades by itself and never takes focus. */
public final class Toast extends Label {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final SequentialTransition fade;

    public Toast() {
        getStyleClass().add("toast");
        setMouseTransparent(true);
        setFocusTraversable(false);
        setOpacity(0);
        var out = new FadeTransition(Duration.millis(400), this);
        out.setToValue(0);
        fade = new SequentialTransition(new PauseTransition(Duration.seconds(3)), out);
    }

    public void show(Notice notice) {
        fade.stop();
        setText(notice.text());
        pseudoClassStateChanged(ERROR, notice.kind() == Notice.Kind.ERROR);
        setOpacity(1);
        // errors stay longer: they need reading
        ((PauseTransition) fade.getChildren().get(0)).setDuration(
                Duration.seconds(notice.kind() == Notice.Kind.ERROR ? 8 : 3));
        fade.playFromStart();
    }
}
