package org.activelabel.ui.label;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.activelabel.ui.Keymap;

/** Every shortcut of the {@link Keymap} on one card; shown over the window with ? or F1, hidden with Esc or a click. */
public final class HelpOverlay extends StackPane {

    public HelpOverlay() {
        getStyleClass().add("help-overlay");
        var grid = new GridPane();
        grid.getStyleClass().add("help-grid");
        int row = 0;
        for (var shortcut : Keymap.SHORTCUTS) {
            var key = new Label(shortcut.keys());
            key.getStyleClass().add("help-key");
            grid.addRow(row++, key, new Label(shortcut.description()));
        }
        var title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("title-3");
        var hint = new Label("Press Esc or ? to close");
        hint.getStyleClass().add("text-muted");
        var card = new VBox(title, grid, hint);
        card.getStyleClass().add("help-card");
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        card.setOnMouseClicked(event -> event.consume());
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        setOnMouseClicked(event -> setVisible(false));
        setVisible(false);
    }

    public void toggle() {
        setVisible(!isVisible());
    }
}
