package org.activelabel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activelabel.report.CurvePanel;
import org.activelabel.report.LearningCurveChart;
import org.activelabel.simulation.SimulationCsv;
import org.activelabel.simulation.SimulationRound;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {
            "Draws the learning curves of one or more simulate --out CSVs as a PNG, one panel per CSV.",
            "Each panel: mean test accuracy over seeds against labels, one line per strategy with a band from the"
                    + " lowest to the highest seed; if a random strategy is present, a dashed line at its final mean"
                    + " accuracy and a marker where each other strategy first reaches it (its label efficiency)."})
final class PlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--csv", required = true, split = ",", paramLabel = "FILE",
            description = "Comma list of CSVs written by simulate --out; one panel each")
    List<Path> csvs;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "The image to write")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title above the whole figure")
    String title;

    @Option(names = "--titles", split = ",", paramLabel = "TITLES",
            description = "Comma list of panel titles, one per CSV (default: the file names; with one CSV and"
                    + " --title, none). Quote a title that holds a comma: --titles '\"A (5,000)\",B'")
    List<String> titles;

    @Option(names = "--width", paramLabel = "POINTS", defaultValue = "900", description = "Figure width in points (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", paramLabel = "POINTS", defaultValue = "560", description = "Figure height in points (default: ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--scale", paramLabel = "FACTOR", defaultValue = "1",
            description = "Pixels per point, e.g. 2 for a sharp image on print or high-density screens (default: ${DEFAULT-VALUE})")
    double scale;

    @Override
    public Integer call() throws IOException {
        // Java2D only draws into an image here; never ask for a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        var options = new LearningCurveChart.Options(title, width, height, scale);
        if (titles != null && titles.size() != csvs.size()) {
            throw new IllegalArgumentException("--titles has " + titles.size() + " titles for " + csvs.size() + " CSVs");
        }
        List<CurvePanel> panels = new ArrayList<>();
        for (int i = 0; i < csvs.size(); i++) {
            Path csv = csvs.get(i);
            List<SimulationRound> rounds = SimulationCsv.read(csv);
            if (rounds.isEmpty()) {
                throw new IllegalArgumentException(csv + ": no rounds below the header");
            }
            panels.add(CurvePanel.of(panelTitle(i), rounds));
        }
        LearningCurveChart.writePng(panels, options, out);
        var stdout = spec.commandLine().getOut();
        stdout.printf("wrote %s (%d x %d pixels, %d panel%s)%n", out, options.pixelWidth(), options.pixelHeight(),
                panels.size(), panels.size() == 1 ? "" : "s");
        stdout.flush();
        return 0;
    }

    private String panelTitle(int i) {
        if (titles != null) {
            return unquote(titles.get(i).trim());
        }
        if (csvs.size() == 1 && title != null) {
            return null; // the figure title already names the only panel
        }
        String name = csvs.get(i).getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    /** picocli keeps the quotes that protect a comma inside one title. */
    private static String unquote(String title) {
        return title.length() >= 2 && title.startsWith("\"") && title.endsWith("\"") ? title.substring(1, title.length() - 1) : title;
    }
}
