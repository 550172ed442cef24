package org.activelabel.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activelabel.simulation.SimulationRound;

/** One chart of a figure: the curves of every strategy of one simulation (one data set). */
public record CurvePanel(String title, List<StrategyCurve> curves) {

    /** The strategy every other is measured against: its final mean accuracy is the target line. */
    public static final String BASELINE = "random";

    public CurvePanel {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("a panel needs at least one curve: " + title);
        }
        curves = List.copyOf(curves);
    }

    /** Groups the rounds by strategy, in the order the strategies first appear. */
    public static CurvePanel of(String title, List<SimulationRound> rounds) {
        Map<String, List<SimulationRound>> byStrategy = new LinkedHashMap<>();
        rounds.forEach(r -> byStrategy.computeIfAbsent(r.strategy(), k -> new ArrayList<>()).add(r));
        return new CurvePanel(title, byStrategy.entrySet().stream().map(e -> StrategyCurve.of(e.getKey(), e.getValue())).toList());
    }

    public Optional<StrategyCurve> baseline() {
        return curves.stream().filter(c -> c.strategy().equals(BASELINE)).findFirst();
    }
}
