package org.activelabel.ui.label;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.activelabel.ui.Keymap;
import org.activelabel.ui.LazyTooltip;
import org.activelabel.workspace.ModelSummary;

/**
 * The bottom line: what just happened, the running update with its Cancel button, the round, the counts, the model
 * and the backbone in use with the roles of the layers (frozen, fine-tuned, new).
 */
public final class StatusBar extends HBox {

    private final HBox trainingBox;

    public StatusBar(LabellingViewModel vm) {
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
        LazyTooltip.install(cancel, Keymap.tooltip(Keymap.Action.CANCEL_UPDATE));
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
        labelled.setMinWidth(48);
        labelled.progressProperty().bind(Bindings.createDoubleBinding(
                () -> vm.imageCountProperty().get() == 0 ? 0
                        : Math.min(1, (double) vm.labelledCountProperty().get() / vm.imageCountProperty().get()),
                vm.labelledCountProperty(), vm.imageCountProperty()));
        var labelledText = new Label();
        labelledText.textProperty().bind(Bindings.createStringBinding(
                () -> numbers.format(vm.labelledCountProperty().get()) + " of "
                        + numbers.format(vm.imageCountProperty().get()) + " labelled",
                vm.labelledCountProperty(), vm.imageCountProperty()));
        var model = new Label();
        model.textProperty().bind(Bindings.createStringBinding(() -> describeModel(vm.modelProperty().get()),
                vm.modelProperty()));

        var layers = new Label();
        layers.getStyleClass().add("text-muted");
        layers.textProperty().bind(Bindings.createStringBinding(() -> layersNow(vm).summary(), vm.modelProperty()));
        // the roles of every layer, read when the pointer comes over: the head changes with each update
        layers.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> {
            if (layers.getTooltip() == null) {
                var tip = new Tooltip();
                tip.setShowDuration(Duration.seconds(30));
                tip.setWrapText(true);
                tip.setMaxWidth(560);
                layers.setTooltip(tip);
            }
            layers.getTooltip().setText("Layers of the model in use\n" + layersNow(vm).details());
        });

        // on a narrow window (or at 2x scale) the long status sentence gives way, the counts stay whole
        for (var fixed : List.<Region>of(trainingText, training, cancel, round, labelledText, model, layers)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        this.trainingBox = trainingBox;
        setSpacing(12);
        getChildren().addAll(status, trainingBox, round, labelledText, labelled, model, layers);
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
    }

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

    private static ModelLayers layersNow(LabellingViewModel vm) {
        var session = vm.workspace();
        return ModelLayers.of(session.backboneDescription(), session.head(), session.classes().size());
    }

    private static String describeModel(ModelSummary summary) {
        if (summary == null) {
            return "No model yet";
        }
        return Double.isNaN(summary.cvAccuracy())
                ? String.format(Locale.ROOT, "Model v%d", summary.version())
                : String.format(Locale.ROOT, "Model v%d · accuracy %.0f%%", summary.version(), summary.cvAccuracy() * 100);
    }
}
