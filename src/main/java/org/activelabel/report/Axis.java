package org.activelabel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tick positions: steps of 1, 2 or 5 times a power of ten, about {@code count} of them over the range. */
record Axis(double min, double max, double step) {

    static Axis nice(double low, double high, int count, double floor, double ceiling) {
        if (high - low < 1e-9) {
            low -= 1;
            high += 1;
        }
        double raw = (high - low) / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / magnitude;
        double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
        double min = Math.max(floor, Math.floor(low / step + 1e-9) * step);
        double max = Math.min(ceiling, Math.ceil(high / step - 1e-9) * step);
        return new Axis(min, max, step);
    }

    /** Ends exactly at {@code low} and {@code high}, ticks only inside. */
    static Axis within(double low, double high, int count) {
        Axis rounded = nice(low, high, count, low, high);
        return new Axis(low, high, rounded.step());
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-6; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    String format(double value) {
        if (step >= 1) {
            return String.format(Locale.ROOT, "%,d", Math.round(value));
        }
        int decimals = (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
