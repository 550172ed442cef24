package org.activelabel.ui;

import java.text.NumberFormat;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.event.EventHandler;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.util.StringConverter;
import org.activelabel.ui.BackgroundTasks.Lane;
import org.activelabel.ui.label.DetailView;
import org.activelabel.ui.label.HelpOverlay;
import org.activelabel.ui.label.LabellingViewModel;
import org.activelabel.ui.label.QueueGrid;
import org.activelabel.ui.label.Toast;
import org.activelabel.ui.thumbnail.ThumbnailCache;
import org.activelabel.ui.review.ReviewView;
import org.activelabel.ui.review.ReviewViewModel;
import org.activelabel.ui.session.SessionMenu;
import org.activelabel.ui.thumbnail.ThumbnailSource;
import org.activelabel.workspace.ModelSummary;

/** The main window's content: toolbar, class buttons, the Label and Review tabs, status bar and overlays. */
public final class MainView extends StackPane {

    private static final int THUMBNAIL_SIDE = 128;
    private static final int THUMBNAIL_CACHE = 600;

    private final LabellingViewModel vm;
    private final QueueGrid grid;
    private final TextField search = new TextField();
    private final FlowPane classBar = new FlowPane();
    private final TabPane tabs = new TabPane();
    private final Tab labelTab;
    private final HelpOverlay help = new HelpOverlay();
    private final Toast toast = new Toast();
    private final ToggleButton autoUpdate = new ToggleButton("Auto-update");
    private final ToggleButton dark = new ToggleButton("Dark");
    private final ComboBox<String> strategy = new ComboBox<>();
    private Spinner<Integer> batch;
    private final SessionMenu sessionMenu;
    private final BusyOverlay busy = new BusyOverlay();
    private ReviewViewModel reviewModel;
    private final EventHandler<KeyEvent> keyPressed = this::onKeyPressed;
    private final EventHandler<KeyEvent> keyTyped = this::onKeyTyped;
    private Theme theme = Theme.LIGHT;
    private boolean swallowTyped;

    public MainView(LabellingViewModel vm, BackgroundTasks tasks, ThumbnailSource thumbnailSource) {
        this(vm, tasks, thumbnailSource, null);
    }

    /** {@code sessionMenu} may be null: a window over one workspace has none. */
    public MainView(LabellingViewModel vm, BackgroundTasks tasks, ThumbnailSource thumbnailSource,
                    SessionMenu sessionMenu) {
        this.vm = vm;
        this.sessionMenu = sessionMenu;
        getStyleClass().add("main-view");
        // sharp on a HiDPI screen; the cache holds fewer of the larger pictures in the same memory
        double scale = Math.min(3, Math.max(1, Screen.getPrimary().getOutputScaleX()));
        var thumbnails = new ThumbnailCache(thumbnailSource, tasks, THUMBNAIL_SIDE, scale,
                (int) Math.max(150, THUMBNAIL_CACHE / (scale * scale)));
        grid = new QueueGrid(vm, thumbnails);
        var detail = new DetailView(vm, tasks, thumbnailSource, thumbnails);
        var split = new SplitPane(grid, detail);
        split.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(detail, false);

        labelTab = new Tab("Label", new BorderPane(split, classBar, null, null, null));
        labelTab.setClosable(false);
        // built when first shown and read only while shown: its table and charts are costly to lay out
        var reviewTab = new Tab("Review");
        reviewTab.setClosable(false);
        reviewTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && reviewModel == null) {
                reviewTab.setContent(reviewPane(tasks, thumbnails));
            } else if (reviewModel != null) {
                reviewModel.setActive(selected);
            }
        });
        tabs.getTabs().addAll(labelTab, reviewTab);

        var page = new BorderPane(tabs, toolbar(), null, statusBar(), null);
        StackPane.setAlignment(toast, Pos.BOTTOM_CENTER);
        getChildren().addAll(page, toast, help, busy);

        classBar.getStyleClass().add("class-bar");
        vm.classes().addListener((ListChangeListener<String>) change -> fillClassBar());
        fillClassBar();
        vm.noticeProperty().addListener((obs, old, notice) -> {
            if (notice != null) {
                toast.show(notice);
            }
        });
    }

    /** The Review tab: filters, charts and possible label errors, sharing the grid's thumbnails. */
    private Node reviewPane(BackgroundTasks tasks, ThumbnailCache thumbnails) {
        reviewModel = new ReviewViewModel(vm.workspace(), work -> tasks.submit(Lane.EDITS, progress -> {
            work.run();
            return null;
        }, done -> { }, error -> { }));
        org.activelabel.ui.review.ThumbnailSource shared = (item, size) -> {
            var future = new CompletableFuture<Image>();
            thumbnails.request(item.id(), item.file(), future::complete);
            return future;
        };
        return new ReviewView(reviewModel, shared, itemId -> {
            vm.focus(itemId);
            tabs.getSelectionModel().select(labelTab);
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

    private void onKeyTyped(KeyEvent event) {
        if (swallowTyped) {
            // the letter of a shortcut that moved the focus into a field does not land in that field
            swallowTyped = false;
            event.consume();
            return;
        }
        if ("?".equals(event.getCharacter()) && !takesText(getScene().getFocusOwner())
                && !busy.isVisible()) {
            help.toggle();
            event.consume();
        }
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

    private Node toolbar() {
        strategy.getItems().setAll(LabellingViewModel.STRATEGIES);
        if (!strategy.getItems().contains(vm.strategyProperty().get())) {
            strategy.getItems().add(vm.strategyProperty().get());
        }
        strategy.valueProperty().bindBidirectional(vm.strategyProperty());
        // back to labelling once a strategy is picked, by key or by mouse
        strategy.setOnHidden(event -> focusGrid());
        tooltipOnHover(strategy, "How the queue is ordered: which images the model learns most from (S)");

        batch = new Spinner<Integer>(1, 10_000, Math.max(1, vm.batchSizeProperty().get()));
        batch.setId("batch-size");
        batch.setEditable(true);
        // digits only; an empty box keeps the size it had (JavaFX's own converter throws on either)
        batch.getEditor().setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().matches("\\d{0,5}") ? change : null));
        var batchFactory = batch.getValueFactory();
        batchFactory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                return text == null || text.isBlank() ? batchFactory.getValue() : Integer.valueOf(text.strip());
            }
        });
        batch.setPrefWidth(90);
        batch.valueProperty().addListener((obs, old, size) -> vm.batchSizeProperty().set(size));
        tooltipOnHover(batch, "Labels per round: after this many, the model updates by itself (B)");

        autoUpdate.selectedProperty().bindBidirectional(vm.autoUpdateProperty());
        tooltipOnHover(autoUpdate, "Update the model after every round (A)");

        var update = new Button("Update model (U)");
        update.getStyleClass().add("update-button");
        update.setOnAction(event -> vm.updateModel(false));
        update.disableProperty().bind(vm.trainingProperty());
        var refit = new Button("Full refit");
        refit.setOnAction(event -> vm.updateModel(true));
        refit.disableProperty().bind(vm.trainingProperty());
        tooltipOnHover(refit, "Train the head again from scratch on all labels (Shift+U)");

        search.setPromptText("Search file names (Ctrl+F)");
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(vm.searchProperty());

        dark.setOnAction(event -> toggleTheme());
        tooltipOnHover(dark, "Light or dark theme (Ctrl+T)");
        var helpButton = new Button("?");
        tooltipOnHover(helpButton, "Keyboard shortcuts (? or F1)");
        helpButton.setOnAction(event -> help.toggle());

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // a box styled as a tool bar rather than a ToolBar: on a narrow window (or at 2x) a ToolBar
        // hides its last buttons behind a menu; here the search field gives way instead
        var items = new HBox(4, new Label("Strategy"), strategy, new Label("Batch"), batch, autoUpdate,
                new Separator(Orientation.VERTICAL), update, refit, new Separator(Orientation.VERTICAL),
                search, spacer, dark, helpButton);
        if (sessionMenu != null) {
            tooltipOnHover(sessionMenu, "New session (Ctrl+Shift+N), open a session (Ctrl+O), recent sessions");
            items.getChildren().addAll(0, List.of(sessionMenu, new Separator(Orientation.VERTICAL)));
        }
        for (var item : items.getChildren()) {
            if (item instanceof Region region && item != search && item != spacer) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        search.setMinWidth(120);
        items.getStyleClass().add("container");
        items.setAlignment(Pos.CENTER_LEFT);
        var bar = new StackPane(items);
        bar.getStyleClass().add("tool-bar");
        return bar;
    }

    private void fillClassBar() {
        classBar.getChildren().clear();
        var title = new Label("Classes");
        title.getStyleClass().add("text-muted");
        classBar.getChildren().add(title);
        var classes = vm.classes();
        for (int c = 0; c < classes.size(); c++) {
            int classIndex = c;
            var key = c < 9 ? String.valueOf(c + 1) : c == 9 ? "0" : null;
            var button = new Button(classes.get(c));
            if (key != null) {
                var keyLabel = new Label(key);
                keyLabel.getStyleClass().add("key-hint");
                button.setGraphic(keyLabel);
            }
            button.getStyleClass().add("class-button");
            button.setOnAction(event -> {
                vm.label(classIndex);
                focusGrid();
            });
            button.setOnContextMenuRequested(event -> {
                classMenu(classIndex).show(button, event.getScreenX(), event.getScreenY());
                event.consume();
            });
            tooltipOnHover(button, "Label the selected images " + classes.get(c)
                    + (key == null ? "" : " (" + key + ")") + "; right-click to rename or merge");
            classBar.getChildren().add(button);
        }
        var add = new Button("+ Add class");
        tooltipOnHover(add, "Ctrl+N");
        add.setOnAction(event -> askNewClass());
        var rename = new MenuItem("Rename a class…");
        rename.setAccelerator(new KeyCodeCombination(KeyCode.F2));
        rename.setOnAction(event -> askRename(-1));
        var merge = new MenuItem("Merge two classes…");
        merge.setAccelerator(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN));
        merge.setOnAction(event -> askMerge(-1));
        merge.setDisable(vm.classes().size() < 2);
        var edit = new MenuButton("Edit classes", null, rename, merge);
        tooltipOnHover(edit, "Rename (F2) or merge (Ctrl+M) classes; right-click a class for the same");
        edit.setDisable(vm.classes().isEmpty());
        add.getStyleClass().add("flat");
        edit.getStyleClass().add("flat");
        classBar.getChildren().addAll(add, edit);
    }

    /**
     * Builds the tooltip when the pointer first comes over {@code control}: tooltips and menus are
     * popups, costly to create, and the first frame of the window would otherwise wait for all of them.
     */
    private static void tooltipOnHover(Control control, String text) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> {
            if (control.getTooltip() == null) {
                control.setTooltip(new Tooltip(text));
            }
        });
    }

    private ContextMenu classMenu(int classIndex) {
        var rename = new MenuItem("Rename " + vm.className(classIndex) + "…");
        rename.setOnAction(event -> askRename(classIndex));
        var mergeInto = new Menu("Merge " + vm.className(classIndex) + " into");
        for (int into = 0; into < vm.classes().size(); into++) {
            if (into != classIndex) {
                int target = into;
                var item = new MenuItem(vm.className(into));
                item.setMnemonicParsing(false);
                item.setOnAction(event -> confirmMerge(classIndex, target));
                mergeInto.getItems().add(item);
            }
        }
        mergeInto.setDisable(mergeInto.getItems().isEmpty());
        rename.setMnemonicParsing(false);
        mergeInto.setMnemonicParsing(false);
        return new ContextMenu(rename, mergeInto);
    }

    private Node statusBar() {
        var status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);

        var training = new ProgressBar();
        training.progressProperty().bind(vm.trainingProgressProperty());
        training.setPrefWidth(160);
        var trainingText = new Label();
        trainingText.textProperty().bind(Bindings.when(vm.trainingMessageProperty().isEmpty())
                .then("Updating model…").otherwise(vm.trainingMessageProperty()));
        var cancel = new Button("Cancel");
        tooltipOnHover(cancel, "Stop the update; the previous model stays (Ctrl+.)");
        cancel.setOnAction(event -> vm.cancelUpdate());
        var trainingBox = new HBox(8, trainingText, training, cancel);
        trainingBox.setAlignment(Pos.CENTER_LEFT);
        trainingBox.visibleProperty().bind(vm.trainingProperty());
        trainingBox.managedProperty().bind(vm.trainingProperty());

        var numbers = NumberFormat.getIntegerInstance(Locale.getDefault());
        var round = new Label();
        round.textProperty().bind(Bindings.createStringBinding(
                () -> "Round " + vm.labelsThisRoundProperty().get() + " / " + vm.batchSizeProperty().get(),
                vm.labelsThisRoundProperty(), vm.batchSizeProperty()));
        var labelled = new ProgressBar();
        labelled.setPrefWidth(120);
        labelled.progressProperty().bind(Bindings.createDoubleBinding(
                () -> vm.itemCount() == 0 ? 0 : (double) vm.labelledCountProperty().get() / vm.itemCount(),
                vm.labelledCountProperty()));
        var labelledText = new Label();
        labelledText.textProperty().bind(Bindings.createStringBinding(
                () -> numbers.format(vm.labelledCountProperty().get()) + " of " + numbers.format(vm.itemCount()) + " labelled",
                vm.labelledCountProperty()));
        var model = new Label();
        model.textProperty().bind(Bindings.createStringBinding(() -> describeModel(vm.modelProperty().get()),
                vm.modelProperty()));

        // on a narrow window (or at 2x scale) the long status sentence gives way, the counts stay whole
        for (var fixed : List.of(trainingText, round, labelledText, model)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        var bar = new HBox(16, status, trainingBox, round, labelledText, labelled, model) {
            // as tall without the update's Cancel button as with it: a status bar that changes
            // height moves, lays out and repaints the whole window above it
            @Override
            protected double computeMinHeight(double width) {
                return Math.max(super.computeMinHeight(width), withTrainingBox());
            }

            @Override
            protected double computePrefHeight(double width) {
                return Math.max(super.computePrefHeight(width), withTrainingBox());
            }

            private double withTrainingBox() {
                return snappedTopInset() + trainingBox.prefHeight(-1) + snappedBottomInset();
            }
        };
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static String describeModel(ModelSummary summary) {
        if (summary == null) {
            return "No model yet";
        }
        return Double.isNaN(summary.cvAccuracy())
                ? String.format(Locale.ROOT, "Model v%d", summary.version())
                : String.format(Locale.ROOT, "Model v%d · accuracy %.0f%%", summary.version(), summary.cvAccuracy() * 100);
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
            if (event.getCode() == KeyCode.ESCAPE || (owner == search && event.getCode() == KeyCode.ENTER)) {
                focusGrid();
                event.consume();
            }
            return;
        }
        boolean shortcut = event.isShortcutDown();
        boolean handled = true;
        if (busy.isVisible()) {
            handled = false;
        } else if (sessionMenu != null && SessionMenu.NEW.match(event)) {
            sessionMenu.askNew();
        } else if (sessionMenu != null && SessionMenu.OPEN.match(event)) {
            sessionMenu.askOpen();
        } else if (event.getCode() == KeyCode.F1) {
            help.toggle();
        } else if (shortcut && event.getCode() == KeyCode.T) {
            toggleTheme();
        } else if (tabs.getSelectionModel().getSelectedItem() != labelTab) {
            handled = false;
        } else if (shortcut) {
            handled = onShortcut(event);
        } else if (event.isAltDown()) {
            handled = false;
        } else {
            handled = onPlainKey(event, isInside(owner, grid));
        }
        if (handled) {
            event.consume();
        }
    }

    private boolean onShortcut(KeyEvent event) {
        switch (event.getCode()) {
            case Z -> {
                if (event.isShiftDown()) {
                    vm.redo();
                } else {
                    vm.undo();
                }
            }
            case Y -> vm.redo();
            case F -> search.requestFocus();
            case N -> askNewClass();
            case M -> askMerge(-1);
            case PERIOD -> vm.cancelUpdate();
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean onPlainKey(KeyEvent event, boolean inGrid) {
        var code = event.getCode();
        int classKey = classKey(code);
        if (classKey >= 0 && !event.isShiftDown()) {
            vm.label(classKey);
            return true;
        }
        switch (code) {
            case U -> vm.updateModel(event.isShiftDown());
            case A -> vm.autoUpdateProperty().set(!vm.autoUpdateProperty().get());
            case S -> {
                strategy.requestFocus();
                strategy.show();
            }
            case B -> {
                batch.requestFocus();
                batch.getEditor().selectAll();
                swallowTyped = true;
            }
            case F2 -> askRename(-1);
            default -> {
                return inGrid && onGridKey(event);
            }
        }
        return true;
    }

    private boolean onGridKey(KeyEvent event) {
        int columns = grid.columns();
        boolean extend = event.isShiftDown();
        switch (event.getCode()) {
            case LEFT -> vm.moveFocus(-1, extend);
            case RIGHT -> vm.moveFocus(1, extend);
            case UP -> vm.moveFocus(-columns, extend);
            case DOWN -> vm.moveFocus(columns, extend);
            case PAGE_UP -> vm.moveFocus(-columns * 4, extend);
            case PAGE_DOWN -> vm.moveFocus(columns * 4, extend);
            case HOME -> vm.moveFocus(Integer.MIN_VALUE / 2, extend);
            case END -> vm.moveFocus(Integer.MAX_VALUE / 2, extend);
            case SPACE -> vm.skip();
            case ENTER -> vm.acceptSuggestion();
            case ESCAPE -> vm.clearSelection();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** 1–9 are classes 0–8 and 0 is class 9, on the main row and the number pad. */
    private static int classKey(KeyCode code) {
        if (code.isDigitKey()) {
            var name = code.getName();
            int digit = name.charAt(name.length() - 1) - '0';
            return digit == 0 ? 9 : digit - 1;
        }
        return -1;
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
        dark.setSelected(theme == Theme.DARK);
    }

    private void askNewClass() {
        var dialog = new TextInputDialog();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Add class");
        dialog.setHeaderText("Name of the new class");
        dialog.showAndWait().ifPresent(vm::addClass);
        focusGrid();
    }

    /** Renames {@code classIndex}, or asks which class first when it is -1. */
    private void askRename(int classIndex) {
        var old = classIndex >= 0 ? Optional.of(vm.className(classIndex)) : chooseClass("Rename class", "Which class?",
                vm.classes());
        old.ifPresent(oldName -> {
            var name = new TextInputDialog(oldName);
            name.initOwner(getScene().getWindow());
            name.setTitle("Rename class");
            name.setHeaderText("New name for " + oldName + "; its labels keep going with it");
            name.showAndWait().ifPresent(newName -> vm.renameClass(vm.classes().indexOf(oldName), newName));
        });
        focusGrid();
    }

    /** Merges {@code from} into a class the user picks, or asks for both when it is -1. */
    private void askMerge(int from) {
        if (vm.classes().size() < 2) {
            return;
        }
        var source = from >= 0 ? Optional.of(vm.className(from))
                : chooseClass("Merge classes", "Which class goes away? Its labels move to another class.", vm.classes());
        source.ifPresent(name -> {
            var others = vm.classes().stream().filter(c -> !c.equals(name)).toList();
            chooseClass("Merge classes", "Move every " + name + " label into…", others)
                    .ifPresent(into -> confirmMerge(vm.classes().indexOf(name), vm.classes().indexOf(into)));
        });
        focusGrid();
    }

    private void confirmMerge(int from, int into) {
        var confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Every image labelled " + vm.className(from) + " becomes " + vm.className(into) + ", and "
                        + vm.className(from) + " is removed. The labels so far cannot be undone past this point.",
                ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(getScene().getWindow());
        confirm.setTitle("Merge classes");
        confirm.setHeaderText("Merge " + vm.className(from) + " into " + vm.className(into) + "?");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> vm.mergeClass(from, into));
        focusGrid();
    }

    private Optional<String> chooseClass(String title, String header, List<String> choices) {
        if (choices.isEmpty()) {
            return Optional.empty();
        }
        var choose = new ChoiceDialog<>(choices.get(0), choices);
        choose.initOwner(getScene().getWindow());
        choose.setTitle(title);
        choose.setHeaderText(header);
        return choose.showAndWait();
    }
}
