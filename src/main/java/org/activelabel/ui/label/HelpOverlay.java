package org.activelabel.ui.label;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Every shortcut on one card; shown over the window with ? or F1, hidden with Esc or a click. */
public final class HelpOverlay extends StackPane {

    static final String[][] SHORTCUTS = {
            {"1 … 9, 0", "Label the focused or selected images with class 1 … 10"},
            {"Enter", "Accept the model's suggestion"},
            {"Space", "Skip: move to the next image"},
            {"Arrow keys", "Move the focus; with Shift, extend the selection"},
            {"Click / Shift+click / Ctrl+click", "Focus / select a range / add or remove one"},
            {"Drag over tiles", "Select a range"},
            {"Esc", "Clear the selection, leave the search field, close this help"},
            {"Ctrl+Z", "Undo the last label"},
            {"Ctrl+Shift+Z, Ctrl+Y", "Redo"},
            {"U", "Update the model now"},
            {"Shift+U", "Full refit of the model"},
            {"Ctrl+.", "Cancel the running update"},
            {"A", "Turn automatic updates on or off"},
            {"S", "Choose the strategy that orders the queue"},
            {"B", "Set the batch: labels per round"},
            {"Ctrl+F", "Search by file name"},
            {"Ctrl+N", "Add a class"},
            {"F2", "Rename a class"},
            {"Ctrl+M", "Merge two classes"},
            {"Ctrl+O, Ctrl+Shift+N", "Open a session, start a new one"},
            {"Ctrl+T", "Switch light / dark theme"},
            {"Ctrl+Tab", "Switch between Label and Review"},
            {"? or F1", "Show or hide this help"},
    };

    public HelpOverlay() {
        getStyleClass().add("help-overlay");
        var grid = new GridPane();
        grid.getStyleClass().add("help-grid");
        for (int i = 0; i < SHORTCUTS.length; i++) {
            var key = new Label(SHORTCUTS[i][0]);
            key.getStyleClass().add("help-key");
            grid.addRow(i, key, new Label(SHORTCUTS[i][1]));
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
