package org.activelabel.ui;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.activelabel.ui.Keymap.Action;
import org.activelabel.ui.label.LabellingViewModel;
import org.activelabel.ui.session.SessionMenu;

/**
 * The bar above the tabs: session, strategy, batch size, automatic updates, update buttons, search,
 * theme and help. A box styled as a tool bar rather than a ToolBar: on a narrow window (or at 2x) a
 * ToolBar hides its last buttons behind a menu; here the search field gives way instead.
 */
final class Toolbar extends StackPane {

    private final ComboBox<String> strategy = new ComboBox<>();
    private final Spinner<Integer> batch;
    private final TextField search = new TextField();
    private final ToggleButton dark = new ToggleButton("Dark");

    /**
     * @param sessionMenu may be null: a window over one workspace has none
     * @param backToQueue gives the keyboard back to the queue
     */
    Toolbar(LabellingViewModel vm, SessionMenu sessionMenu, Runnable toggleTheme, Runnable toggleHelp,
            Runnable backToQueue) {
        strategy.getItems().setAll(vm.strategyNames());
        if (vm.strategyProperty().get() != null && !strategy.getItems().contains(vm.strategyProperty().get())) {
            strategy.getItems().add(vm.strategyProperty().get());
        }
        strategy.valueProperty().bindBidirectional(vm.strategyProperty());
        // back to labelling once a strategy is picked, by key or by mouse
        strategy.setOnHidden(event -> backToQueue.run());
        LazyTooltip.install(strategy, Keymap.tooltip(Action.CHOOSE_STRATEGY));

        batch = batchSpinner(vm);
        LazyTooltip.install(batch, Keymap.tooltip(Action.SET_BATCH));

        var autoUpdate = new ToggleButton("Auto-update");
        autoUpdate.selectedProperty().bindBidirectional(vm.autoUpdateProperty());
        LazyTooltip.install(autoUpdate, Keymap.tooltip(Action.TOGGLE_AUTO_UPDATE));

        var update = new Button("Update model (" + Keymap.of(Action.UPDATE).keys() + ")");
        update.getStyleClass().add("update-button");
        update.setOnAction(event -> vm.updateModel(false));
        update.disableProperty().bind(vm.trainingProperty());
        LazyTooltip.install(update, Keymap.tooltip(Action.UPDATE));
        var refit = new Button("Full refit");
        refit.setOnAction(event -> vm.updateModel(true));
        refit.disableProperty().bind(vm.trainingProperty());
        LazyTooltip.install(refit, Keymap.tooltip(Action.FULL_REFIT));

        search.setPromptText("Search file names (" + Keymap.of(Action.SEARCH).keys() + ")");
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(vm.searchProperty());

        dark.setOnAction(event -> toggleTheme.run());
        LazyTooltip.install(dark, Keymap.tooltip(Action.TOGGLE_THEME));
        var helpButton = new Button("?");
        LazyTooltip.install(helpButton, Keymap.tooltip(Action.HELP));
        helpButton.setOnAction(event -> toggleHelp.run());

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var items = new HBox(4, new Label("Strategy"), strategy, new Label("Batch"), batch, autoUpdate,
                new Separator(Orientation.VERTICAL), update, refit, new Separator(Orientation.VERTICAL),
                search, spacer, dark, helpButton);
        if (sessionMenu != null) {
            LazyTooltip.install(sessionMenu, "New session (" + Keymap.of(Action.NEW_SESSION).keys()
                    + "), open a session (" + Keymap.of(Action.OPEN_SESSION).keys() + "), recent sessions");
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
        getChildren().add(items);
        getStyleClass().add("tool-bar");
    }

    private static Spinner<Integer> batchSpinner(LabellingViewModel vm) {
        var spinner = new Spinner<Integer>(1, 10_000, Math.max(1, vm.batchSizeProperty().get()));
        spinner.setId("batch-size");
        spinner.setEditable(true);
        // digits only; an empty box keeps the size it had (JavaFX's own converter throws on either)
        spinner.getEditor().setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().matches("\\d{0,5}") ? change : null));
        var factory = spinner.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                return text == null || text.isBlank() ? factory.getValue() : Integer.valueOf(text.strip());
            }
        });
        spinner.setPrefWidth(90);
        spinner.valueProperty().addListener((obs, old, size) -> vm.batchSizeProperty().set(size));
        return spinner;
    }

    TextField search() {
        return search;
    }

    void openStrategies() {
        strategy.requestFocus();
        strategy.show();
    }

    void editBatchSize() {
        batch.requestFocus();
        batch.getEditor().selectAll();
    }

    void showDark(boolean on) {
        dark.setSelected(on);
    }
}
