package org.activelabel.ui;

import static javafx.scene.input.KeyCombination.SHIFT_ANY;
import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every shortcut of the window in one table: the key handler of {@link MainView}, the help card and the
 * tooltips all read it, so a key is changed in one place.
 */
public final class Keymap {

    /** What a shortcut does; {@link MainView} runs it. */
    public enum Action {
        LABEL, ACCEPT, SKIP, MOVE, POINTER, DRAG, CLEAR_SELECTION, UNDO, REDO, UPDATE, FULL_REFIT, CANCEL_UPDATE,
        TOGGLE_AUTO_UPDATE, CHOOSE_STRATEGY, SET_BATCH, SEARCH, ADD_CLASS, RENAME_CLASS, MERGE_CLASSES,
        NEW_SESSION, OPEN_SESSION, RESCAN, TOGGLE_THEME, SWITCH_TAB, HELP
    }

    /** Where a shortcut works (never while a text field has the keyboard). */
    public enum Scope {
        /** Anywhere in the window. */
        WINDOW,
        /** While the Label tab shows. */
        LABEL_TAB,
        /** While the queue has the keyboard. */
        QUEUE,
        /** Handled by a control itself, or the mouse: listed for the reader only. */
        LISTED
    }

    /**
     * @param keys         how the help card and tooltips write the keys
     * @param combinations the key presses that run it; empty for {@link Scope#LISTED}
     */
    public record Shortcut(Action action, String keys, String description, Scope scope,
                           List<KeyCombination> combinations) {

        public boolean matches(KeyEvent event) {
            return combinations.stream().anyMatch(combination -> combination.match(event));
        }
    }

    public static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut(Action.LABEL, "1 … 9, 0", "Label the focused or selected images with class 1 … 10",
                    Scope.LABEL_TAB, digits()),
            new Shortcut(Action.ACCEPT, "Enter", "Accept the model's suggestion", Scope.QUEUE, keys(KeyCode.ENTER)),
            new Shortcut(Action.SKIP, "Space", "Skip: move to the next image", Scope.QUEUE, keys(KeyCode.SPACE)),
            new Shortcut(Action.MOVE, "Arrows, Page Up/Down, Home, End",
                    "Move the focus; with Shift, extend the selection", Scope.QUEUE, List.of(
                    new KeyCodeCombination(KeyCode.LEFT, SHIFT_ANY), new KeyCodeCombination(KeyCode.RIGHT, SHIFT_ANY),
                    new KeyCodeCombination(KeyCode.UP, SHIFT_ANY), new KeyCodeCombination(KeyCode.DOWN, SHIFT_ANY),
                    new KeyCodeCombination(KeyCode.PAGE_UP, SHIFT_ANY),
                    new KeyCodeCombination(KeyCode.PAGE_DOWN, SHIFT_ANY),
                    new KeyCodeCombination(KeyCode.HOME, SHIFT_ANY), new KeyCodeCombination(KeyCode.END, SHIFT_ANY))),
            listed(Action.POINTER, "Click / Shift+click / Ctrl+click", "Focus / select a range / add or remove one"),
            listed(Action.DRAG, "Drag over tiles", "Select a range"),
            new Shortcut(Action.CLEAR_SELECTION, "Esc", "Clear the selection, leave the search field, close this help",
                    Scope.QUEUE, keys(KeyCode.ESCAPE)),
            new Shortcut(Action.UNDO, "Ctrl+Z", "Undo the last label", Scope.LABEL_TAB,
                    List.of(new KeyCodeCombination(KeyCode.Z, SHORTCUT_DOWN))),
            new Shortcut(Action.REDO, "Ctrl+Shift+Z, Ctrl+Y", "Redo", Scope.LABEL_TAB, List.of(
                    new KeyCodeCombination(KeyCode.Z, SHORTCUT_DOWN, SHIFT_DOWN),
                    new KeyCodeCombination(KeyCode.Y, SHORTCUT_DOWN))),
            new Shortcut(Action.UPDATE, "U", "Update the model now", Scope.LABEL_TAB, keys(KeyCode.U)),
            new Shortcut(Action.FULL_REFIT, "Shift+U", "Train the model again from scratch on all labels",
                    Scope.LABEL_TAB, List.of(new KeyCodeCombination(KeyCode.U, SHIFT_DOWN))),
            new Shortcut(Action.CANCEL_UPDATE, "Ctrl+.", "Cancel the running update; the previous model stays",
                    Scope.LABEL_TAB, List.of(new KeyCodeCombination(KeyCode.PERIOD, SHORTCUT_DOWN))),
            new Shortcut(Action.TOGGLE_AUTO_UPDATE, "A", "Update the model by itself after every round, or not",
                    Scope.LABEL_TAB, keys(KeyCode.A)),
            new Shortcut(Action.CHOOSE_STRATEGY, "S",
                    "Choose the strategy that orders the queue: which images the model learns most from",
                    Scope.LABEL_TAB, keys(KeyCode.S)),
            new Shortcut(Action.SET_BATCH, "B", "Set the batch: labels per round, after which the model updates",
                    Scope.LABEL_TAB, keys(KeyCode.B)),
            new Shortcut(Action.SEARCH, "Ctrl+F", "Search by file name", Scope.LABEL_TAB,
                    List.of(new KeyCodeCombination(KeyCode.F, SHORTCUT_DOWN))),
            new Shortcut(Action.ADD_CLASS, "Ctrl+N", "Add a class", Scope.LABEL_TAB,
                    List.of(new KeyCodeCombination(KeyCode.N, SHORTCUT_DOWN))),
            new Shortcut(Action.RENAME_CLASS, "F2", "Rename a class", Scope.LABEL_TAB, keys(KeyCode.F2)),
            new Shortcut(Action.MERGE_CLASSES, "Ctrl+M", "Merge two classes", Scope.LABEL_TAB,
                    List.of(new KeyCodeCombination(KeyCode.M, SHORTCUT_DOWN))),
            new Shortcut(Action.OPEN_SESSION, "Ctrl+O", "Open a session", Scope.WINDOW,
                    List.of(new KeyCodeCombination(KeyCode.O, SHORTCUT_DOWN))),
            new Shortcut(Action.NEW_SESSION, "Ctrl+Shift+N", "Start a new session on a folder of images",
                    Scope.WINDOW, List.of(new KeyCodeCombination(KeyCode.N, SHORTCUT_DOWN, SHIFT_DOWN))),
            new Shortcut(Action.RESCAN, "F5", "Look for images added, changed or removed in the image folder",
                    Scope.WINDOW, keys(KeyCode.F5)),
            new Shortcut(Action.TOGGLE_THEME, "Ctrl+T", "Switch light / dark theme", Scope.WINDOW,
                    List.of(new KeyCodeCombination(KeyCode.T, SHORTCUT_DOWN))),
            listed(Action.SWITCH_TAB, "Ctrl+Tab", "Switch between Label and Review"),
            new Shortcut(Action.HELP, "? or F1", "Show or hide the keyboard shortcuts", Scope.WINDOW,
                    keys(KeyCode.F1)));

    private Keymap() {
    }

    public static Shortcut of(Action action) {
        return SHORTCUTS.stream().filter(s -> s.action() == action).findFirst().orElseThrow();
    }

    /** The first shortcut the key press matches, in table order. */
    public static Optional<Shortcut> match(KeyEvent event) {
        return SHORTCUTS.stream().filter(s -> s.matches(event)).findFirst();
    }

    /** A control's tooltip: what the action does and its keys. */
    public static String tooltip(Action action) {
        var shortcut = of(action);
        return shortcut.description() + " (" + shortcut.keys() + ")";
    }

    /** 1–9 are classes 0–8 and 0 is class 9, on the main row and the number pad; -1 for other keys. */
    public static int classIndex(KeyCode code) {
        if (code.isDigitKey()) {
            var name = code.getName();
            int digit = name.charAt(name.length() - 1) - '0';
            return digit == 0 ? 9 : digit - 1;
        }
        return -1;
    }

    private static List<KeyCombination> keys(KeyCode code) {
        return List.of(new KeyCodeCombination(code));
    }

    private static List<KeyCombination> digits() {
        var digits = new ArrayList<KeyCombination>();
        for (int d = 0; d <= 9; d++) {
            digits.add(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + d)));
            digits.add(new KeyCodeCombination(KeyCode.valueOf("NUMPAD" + d)));
        }
        return List.copyOf(digits);
    }

    private static Shortcut listed(Action action, String keys, String description) {
        return new Shortcut(action, keys, description, Scope.LISTED, List.of());
    }
}
