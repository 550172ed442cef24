package org.activelabel.report;

import static org.activelabel.report.ChartStyle.*;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws learning curves as a PNG with Java2D: per panel, mean test accuracy against labels for
 * each strategy with a min–max band over seeds, the baseline's final accuracy as a dashed line,
 * and a marker where each other strategy first reaches it (the label-efficiency point).
 */
public final class LearningCurveChart {

    /** Figure size in points; {@code scale} multiplies the pixels (2 for sharp print). */
    public record Options(String title, int width, int height, double scale) {
        public Options {
            if (width < 240 || height < 180) {
                throw new IllegalArgumentException("the figure must be at least 240 x 180, got " + width + " x " + height);
            }
            if (!(scale > 0 && scale <= 4)) {
                throw new IllegalArgumentException("scale must be above 0 and at most 4, got " + scale);
            }
        }

        public int pixelWidth() {
            return (int) Math.round(width * scale);
        }

        public int pixelHeight() {
            return (int) Math.round(height * scale);
        }
    }

    private static final double PANEL_ASPECT = 1.6;

    private LearningCurveChart() {
    }

    /** One colour per strategy for the whole figure, so a strategy looks the same in every panel. */
    public static Map<String, Color> colours(List<CurvePanel> panels) {
        Map<String, Color> colours = new LinkedHashMap<>();
        int next = 0;
        for (CurvePanel panel : panels) {
            for (StrategyCurve curve : panel.curves()) {
                if (!colours.containsKey(curve.strategy())) {
                    colours.put(curve.strategy(), curve.strategy().equals(CurvePanel.BASELINE)
                            ? BASELINE_COLOUR : PALETTE[next++ % PALETTE.length]);
                }
            }
        }
        return colours;
    }

    public static BufferedImage render(List<CurvePanel> panels, Options options) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot: no panels");
        }
        var image = new BufferedImage(options.pixelWidth(), options.pixelHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(options.scale(), options.scale());

            double top = 0;
            if (options.title() != null && !options.title().isBlank()) {
                g.setFont(FIGURE_TITLE_FONT);
                g.setColor(TITLE_TEXT);
                drawText(g, options.title(), options.width() / 2.0, 28, Align.CENTRE);
                top = 40;
            }
            g.setFont(NOTE_FONT);
            g.setColor(TICK_TEXT);
            FontMetrics noteMetrics = g.getFontMetrics();
            List<String> footnote = wrap(g, footnote(panels), options.width() - PanelPainter.MARGIN_LEFT - 12);
            double bottom = options.height() - 10 - footnote.size() * noteMetrics.getHeight();
            for (int i = 0; i < footnote.size(); i++) {
                drawText(g, footnote.get(i), PanelPainter.MARGIN_LEFT,
                        bottom + noteMetrics.getAscent() + 4 + i * noteMetrics.getHeight(), Align.LEFT);
            }
            int columns = columns(panels.size(), options.width(), bottom - top);
            int rows = (panels.size() + columns - 1) / columns;
            double cellWidth = (double) options.width() / columns;
            double cellHeight = (bottom - top) / rows;
            Map<String, Color> colours = colours(panels);
            for (int i = 0; i < panels.size(); i++) {
                var cell = new Rectangle2D.Double((i % columns) * cellWidth, top + (i / columns) * cellHeight,
                        cellWidth, cellHeight);
                new PanelPainter(g, panels.get(i), colours, cell).paint();
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes the PNG through a temporary file, so a failed write leaves any earlier file whole. */
    public static void writePng(List<CurvePanel> panels, Options options, Path file) throws IOException {
        BufferedImage image = render(panels, options);
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** What the lines, bands, dashes and circles mean, once for the whole figure. */
    static String footnote(List<CurvePanel> panels) {
        var seeds = panels.stream().flatMap(p -> p.curves().stream()).mapToInt(StrategyCurve::seeds).distinct().toArray();
        String note = seeds.length == 1 && seeds[0] == 1 ? "Lines: one seed."
                : (seeds.length == 1 ? "Lines: mean of " + seeds[0] + " seeds" : "Lines: mean over seeds")
                        + "; bands: lowest to highest seed.";
        if (panels.stream().anyMatch(p -> p.baseline().isPresent())) {
            note += " Dashed: " + CurvePanel.BASELINE + "'s final accuracy; circle: where a strategy first reaches it,"
                    + " with its labels vs " + CurvePanel.BASELINE + "'s and their ratio (label efficiency).";
        }
        return note;
    }

    /** Words to lines no wider than {@code width} in the current font. */
    private static List<String> wrap(Graphics2D g, String text, double width) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && g.getFontMetrics().getStringBounds(longer, g).getWidth() > width) {
                lines.add(line);
                line = word;
            } else {
                line = longer;
            }
        }
        lines.add(line);
        return lines;
    }

    /** The column count whose panels come closest to a landscape 1.6 : 1. */
    static int columns(int panels, double width, double height) {
        int best = 1;
        double bestError = Double.MAX_VALUE;
        for (int columns = 1; columns <= panels; columns++) {
            int rows = (panels + columns - 1) / columns;
            double error = Math.abs(Math.log((width / columns) / (height / rows) / PANEL_ASPECT));
            if (error < bestError - 1e-9) {
                best = columns;
                bestError = error;
            }
        }
        return best;
    }

}
