package org.activelabel.ui.review;

import java.util.function.DoubleFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A pair of sliders choosing a lower and an upper limit. While both sit at the ends the range
 * is {@link ValueRange#ANY}, so images with no value at all still pass.
 */
final class RangeFilterControl extends VBox {

    private final Slider low = new Slider();
    private final Slider high = new Slider();
    private final Label valueText = new Label();
    private final DoubleFunction<String> format;
    private final ReadOnlyObjectWrapper<ValueRange> range = new ReadOnlyObjectWrapper<>(ValueRange.ANY);
    private boolean adjusting;

    RangeFilterControl(String title, DoubleFunction<String> format, String lowHint, String highHint) {
        this.format = format;
        getStyleClass().add("range-filter");
        var caption = new Label(title);
        caption.getStyleClass().add("filter-caption");
        valueText.getStyleClass().add("range-value");
        var header = new HBox(8, caption, valueText);
        header.setAlignment(Pos.BASELINE_LEFT);
        low.setAccessibleText(lowHint);
        high.setAccessibleText(highHint);
        var sliders = new HBox(6, low, high);
        HBox.setHgrow(low, Priority.ALWAYS);
        HBox.setHgrow(high, Priority.ALWAYS);
        low.setMaxWidth(Double.MAX_VALUE);
        high.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(header, sliders);
        setSpacing(2);
        for (var slider : new Slider[] {low, high}) {
            slider.setMin(0);
            slider.setMax(1);
        }
        low.setValue(0);
        high.setValue(1);
        low.valueProperty().addListener((obs, before, after) -> {
            if (!adjusting && after.doubleValue() > high.getValue()) {
                high.setValue(after.doubleValue());
            }
            update();
        });
        high.valueProperty().addListener((obs, before, after) -> {
            if (!adjusting && after.doubleValue() < low.getValue()) {
                low.setValue(after.doubleValue());
            }
            update();
        });
        update();
    }

    /** Changes the slider ends; a thumb that sat at an end stays at the new end. */
    void setBounds(double min, double max) {
        boolean lowAtEnd = low.getValue() <= low.getMin();
        boolean highAtEnd = high.getValue() >= high.getMax();
        adjusting = true;
        for (var slider : new Slider[] {low, high}) {
            slider.setMin(min);
            slider.setMax(max);
        }
        low.setValue(lowAtEnd ? min : Math.max(min, Math.min(max, low.getValue())));
        high.setValue(highAtEnd ? max : Math.max(min, Math.min(max, high.getValue())));
        adjusting = false;
        update();
    }

    private void update() {
        if (adjusting) {
            return; // half-moved ends would publish a range nobody chose
        }
        boolean open = low.getValue() <= low.getMin() && high.getValue() >= high.getMax();
        range.set(open ? ValueRange.ANY : new ValueRange(low.getValue(), Math.max(low.getValue(), high.getValue())));
        valueText.setText(format.apply(low.getValue()) + " – " + format.apply(high.getValue()));
    }

    ReadOnlyObjectProperty<ValueRange> rangeProperty() {
        return range.getReadOnlyProperty();
    }
}
