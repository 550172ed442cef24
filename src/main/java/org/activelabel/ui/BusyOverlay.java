package org.activelabel.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** A veil over the window with a spinner and what is happening, catching clicks while a session opens. */
final class BusyOverlay extends StackPane {

    private final Label message = new Label();

    BusyOverlay() {
        getStyleClass().add("busy-overlay");
        message.setWrapText(true);
        message.setMaxWidth(520);
        var box = new VBox(14, new ProgressIndicator(), message);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("busy-card");
        box.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(box);
        setVisible(false);
    }

    void show(String text) {
        message.setText(text);
        setVisible(true);
    }
}
