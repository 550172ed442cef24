package org.activelabel.ui.review;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The controls above the review table; they write the view-model's filter properties. */
final class FilterBar extends VBox {

    private final ComboBox<String> predictedClass = new ComboBox<>();
    private final RangeFilterControl confidence = new RangeFilterControl("Confidence",
            value -> String.format(Locale.ROOT, "%.0f %%", 100 * value), "Lowest confidence", "Highest confidence");
    private final RangeFilterControl score = new RangeFilterControl("Score",
            value -> String.format(Locale.ROOT, "%.3f", value), "Lowest score", "Highest score");
    private List<String> classes = List.of();

    FilterBar(ReviewViewModel viewModel) {
        getStyleClass().add("filter-bar");
        setSpacing(8);
        setPadding(new Insets(8));

        var labelToggles = new ToggleGroup();
        var toggles = new HBox();
        var filters = LabelFilter.values();
        for (int i = 0; i < filters.length; i++) {
            var filter = filters[i];
            var toggle = new ToggleButton(filter.toString());
            toggle.setToggleGroup(labelToggles);
            toggle.setUserData(filter);
            toggle.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == filters.length - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            toggle.setSelected(filter == viewModel.labelFilterProperty().get());
            toggles.getChildren().add(toggle);
        }
        labelToggles.selectedToggleProperty().addListener((obs, before, selected) -> {
            if (selected == null) {
                before.setSelected(true); // one of the three is always chosen
            } else {
                viewModel.labelFilterProperty().set((LabelFilter) selected.getUserData());
            }
        });

        predictedClass.setItems(FXCollections.observableArrayList("Any class"));
        predictedClass.getSelectionModel().select(0);
        predictedClass.getSelectionModel().selectedIndexProperty().addListener((obs, before, index) -> {
            if (index.intValue() >= 0) {
                viewModel.predictedClassProperty().set(index.intValue() - 1);
            }
        });

        var sort = new ComboBox<SortKey>();
        sort.getItems().setAll(SortKey.values());
        sort.setValue(viewModel.sortKeyProperty().get());
        viewModel.sortKeyProperty().bind(sort.valueProperty());

        viewModel.confidenceRangeProperty().bind(confidence.rangeProperty());
        viewModel.scoreRangeProperty().bind(score.rangeProperty());

        var choices = new GridPane();
        choices.setHgap(12);
        choices.setVgap(2);
        choices.addRow(0, caption("Show"), caption("Predicted"), caption("Sort by"));
        choices.addRow(1, toggles, predictedClass, sort);
        choices.setAlignment(Pos.CENTER_LEFT);

        var ranges = new HBox(16, confidence, score);
        HBox.setHgrow(confidence, Priority.ALWAYS);
        HBox.setHgrow(score, Priority.ALWAYS);
        getChildren().addAll(choices, ranges);
    }

    void show(ReviewData data) {
        score.setBounds(data.scoreBounds().min(), data.scoreBounds().max());
        // before the first model there is nothing to narrow down
        boolean predicted = data.rows().stream().anyMatch(row -> row.predicted() >= 0);
        confidence.setDisable(!predicted);
        score.setDisable(data.rows().stream().allMatch(row -> Double.isNaN(row.score())));
        if (!data.classes().equals(classes)) {
            classes = data.classes();
            int selected = predictedClass.getSelectionModel().getSelectedIndex();
            var names = new ArrayList<String>();
            names.add("Any class");
            names.addAll(classes);
            predictedClass.getItems().setAll(names);
            predictedClass.getSelectionModel().select(selected > 0 && selected < names.size() ? selected : 0);
        }
    }

    private static Label caption(String text) {
        var label = new Label(text);
        label.getStyleClass().add("filter-caption");
        return label;
    }
}
