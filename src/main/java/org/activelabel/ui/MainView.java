package org.activelabel.ui;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.activelabel.ui.Keymap.Action;
import org.activelabel.ui.Keymap.Scope;
import org.activelabel.ui.label.ClassBar;
import org.activelabel.ui.label.DetailView;
import org.activelabel.ui.label.HelpOverlay;
import org.activelabel.ui.label.LabellingViewModel;
import org.activelabel.ui.label.QueueGrid;
import org.activelabel.ui.label.StatusBar;
import org.activelabel.ui.label.Toast;
import org.activelabel.ui.review.ReviewView;
import org.activelabel.ui.review.ReviewViewModel;
import org.activelabel.ui.session.SessionMenu;
import org.activelabel.ui.thumbnail.ThumbnailCache;
import org.activelabel.ui.thumbnail.ThumbnailSource;

/**
 * The main window's content: toolbar, the Label and Review tabs, status bar and overlays; and the one key
 * handler, which runs the {@link Keymap}'s actions.
 */
public final class MainView extends StackPane {

    /** What the composition root gives the view. */
    public record Parts(LabellingViewModel viewModel, BackgroundTasks tasks, ThumbnailSource pictures,
                        ThumbnailCache thumbnails, Supplier<ReviewViewModel> review, SessionMenu sessionMenu) {
    }

    private final LabellingViewModel vm;
    private final QueueGrid grid;
    private final ClassBar classBar;
    private final Toolbar toolbar;
    private final TabPane tabs = new TabPane();
    private final Tab labelTab;
    private final HelpOverlay help = new HelpOverlay();
    private final Toast toast = new Toast();
    private final SessionMenu sessionMenu;
    private final BusyOverlay busy = new BusyOverlay();
    private final EventHandler<KeyEvent> keyPressed = this::onKeyPressed;
    private final EventHandler<KeyEvent> keyTyped = this::onKeyTyped;
    private ReviewViewModel reviewModel;
    private Theme theme = Theme.LIGHT;
    private boolean swallowTyped;

    /**
     * @param parts {@code review} is asked once, when the Review tab first shows; {@code sessionMenu} may be
     *              null: a window over one workspace has none
     */
    public MainView(Parts parts) {
        this.vm = parts.viewModel();
        this.sessionMenu = parts.sessionMenu();
        getStyleClass().add("main-view");
        grid = new QueueGrid(vm, parts.thumbnails());
        var detail = new DetailView(vm, parts.tasks(), parts.pictures(), parts.thumbnails());
        var split = new SplitPane(grid, detail);
        split.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(detail, false);
        classBar = new ClassBar(vm, this::focusGrid);

        labelTab = new Tab("Label", new BorderPane(split, classBar, null, null, null));
        labelTab.setClosable(false);
        // built when first shown and read only while shown: its table and charts are costly to lay out
        var reviewTab = new Tab("Review");
        reviewTab.setClosable(false);
        reviewTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && reviewModel == null) {
                reviewModel = parts.review().get();
                // a selected image is the Label tab's focus for when the person goes back; they stay here
                // to relabel it (1-9) and go on to the next; a double-click or Enter takes them there now
                reviewTab.setContent(new ReviewView(reviewModel, parts.thumbnails(), vm::focus, itemId -> {
                    vm.focus(itemId);
                    tabs.getSelectionModel().select(labelTab);
                }));
            } else if (reviewModel != null) {
                reviewModel.setActive(selected);
            }
        });
        tabs.getTabs().addAll(labelTab, reviewTab);

        toolbar = new Toolbar(vm, sessionMenu, this::toggleTheme, help::toggle, this::focusGrid);
        var page = new BorderPane(tabs, toolbar, null, new StatusBar(vm), null);
        StackPane.setAlignment(toast, Pos.BOTTOM_CENTER);
        getChildren().addAll(page, toast, help, busy);
        vm.noticeProperty().addListener((obs, old, notice) -> {
            if (notice != null) {
                toast.show(notice);
            }
        });
    }

    /** Installs the keyboard shortcuts on the scene that shows this view. */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keyPressed);
        scene.addEventFilter(KeyEvent.KEY_TYPED, keyTyped);
    }

    /** Takes the shortcuts off the scene again, before another view replaces this one. */
    public void uninstallShortcuts(Scene scene) {
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, keyPressed);
        scene.removeEventFilter(KeyEvent.KEY_TYPED, keyTyped);
    }

    /** Covers the view with a spinner and {@code message} while a session opens; the view underneath stays as it is. */
    public void showBusy(String message) {
        busy.show(message);
    }

    public void hideBusy() {
        busy.setVisible(false);
    }

    /** Gives the keyboard to the queue. */
    public void focusGrid() {
        if (grid.getScene() != null) {
            grid.requestFocus();
            return;
        }
        // the tab pane puts its content in the scene at the first pulse: ask again then
        grid.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene old, Scene now) {
                if (now != null) {
                    grid.sceneProperty().removeListener(this);
                    Platform.runLater(grid::requestFocus);
                }
            }
        });
    }

    public QueueGrid grid() {
        return grid;
    }

    private void onKeyTyped(KeyEvent event) {
        if (swallowTyped) {
            // the letter of a shortcut that moved the focus into a field does not land in that field
            swallowTyped = false;
            event.consume();
            return;
        }
        // "?" is a character, not a key: where it sits differs between keyboard layouts
        if ("?".equals(event.getCharacter()) && !takesText(getScene().getFocusOwner()) && !busy.isVisible()) {
            help.toggle();
            event.consume();
        }
    }

    private void onKeyPressed(KeyEvent event) {
        var scene = getScene();
        var owner = scene == null ? null : scene.getFocusOwner();
        if (help.isVisible() && (event.getCode() == KeyCode.ESCAPE || event.getCode() == KeyCode.F1)) {
            help.setVisible(false);
            event.consume();
            return;
        }
        if (takesText(owner)) {
            if (event.getCode() == KeyCode.ESCAPE || (owner == toolbar.search() && event.getCode() == KeyCode.ENTER)) {
                focusGrid();
                event.consume();
            }
            return;
        }
        if (busy.isVisible()) {
            return;
        }
        var shortcut = Keymap.match(event);
        if (shortcut.isPresent() && applies(shortcut.get().scope(), owner) && run(shortcut.get().action(), event)) {
            event.consume();
        }
    }

    private boolean applies(Scope scope, Node owner) {
        boolean labelling = tabs.getSelectionModel().getSelectedItem() == labelTab;
        return switch (scope) {
            case WINDOW -> true;
            case LABEL_TAB -> labelling;
            case QUEUE -> labelling && isInside(owner, grid);
            case LISTED -> false;
        };
    }

    /** Runs {@code action}; false when it does not apply here, so the key goes on to the focused control. */
    private boolean run(Action action, KeyEvent event) {
        int columns = grid.columns();
        boolean extend = event.isShiftDown();
        switch (action) {
            case LABEL -> vm.label(Keymap.classIndex(event.getCode()));
            case ACCEPT -> vm.acceptSuggestion();
            case SKIP -> vm.skip();
            case MOVE -> vm.moveFocus(switch (event.getCode()) {
                case LEFT -> -1;
                case RIGHT -> 1;
                case UP -> -columns;
                case DOWN -> columns;
                case PAGE_UP -> -columns * 4;
                case PAGE_DOWN -> columns * 4;
                case HOME -> Integer.MIN_VALUE / 2;
                default -> Integer.MAX_VALUE / 2;
            }, extend);
            case CLEAR_SELECTION -> vm.clearSelection();
            case UNDO -> vm.undo();
            case REDO -> vm.redo();
            case UPDATE -> vm.updateModel(false);
            case FULL_REFIT -> vm.updateModel(true);
            case CANCEL_UPDATE -> vm.cancelUpdate();
            case TOGGLE_AUTO_UPDATE -> vm.autoUpdateProperty().set(!vm.autoUpdateProperty().get());
            case CHOOSE_STRATEGY -> toolbar.openStrategies();
            case SET_BATCH -> {
                toolbar.editBatchSize();
                swallowTyped = true;
            }
            case SEARCH -> toolbar.search().requestFocus();
            case ADD_CLASS -> classBar.askNewClass();
            case RENAME_CLASS -> classBar.askRename(-1);
            case MERGE_CLASSES -> classBar.askMerge(-1);
            case NEW_SESSION, OPEN_SESSION -> {
                if (sessionMenu == null) {
                    return false;
                }
                if (action == Action.NEW_SESSION) {
                    sessionMenu.askNew();
                } else {
                    sessionMenu.askOpen();
                }
            }
            case RESCAN -> vm.rescan();
            case TOGGLE_THEME -> toggleTheme();
            case HELP -> help.toggle();
            case POINTER, DRAG, SWITCH_TAB -> {
                return false;
            }
        }
        return true;
    }

    /** Typing goes into this node, not to the shortcuts; an editable spinner keeps the focus itself, not its field. */
    private static boolean takesText(Node owner) {
        return owner instanceof TextInputControl || owner instanceof Spinner<?> spinner && spinner.isEditable();
    }

    private static boolean isInside(Node node, Parent parent) {
        for (var n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }

    private void toggleTheme() {
        theme = theme.other();
        theme.apply();
        toolbar.showDark(theme == Theme.DARK);
    }
}
