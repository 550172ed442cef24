package org.activelabel.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    static final Color BACKGROUND = Color.WHITE;
    static final Color BASELINE_COLOUR = new Color(0x7F7F7F);
    // Tableau 10 without its grey, which the baseline owns
    private static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
        new Color(0x59A14F), new Color(0xB07AA1), new Color(0x76B7B2), new Color(0xEDC948), new Color(0xFF9DA7),
        new Color(0x9C755F)};
    private static final Color GRID = new Color(0xEBEBEB);
    private static final Color AXIS = new Color(0xA0A0A0);
    private static final Color TICK_TEXT = new Color(0x666666);
    private static final Color LABEL_TEXT = new Color(0x333333);
    private static final Color TITLE_TEXT = new Color(0x1A1A1A);

    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font PANEL_TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font FIGURE_TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);

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

    private enum Align { LEFT, CENTRE, RIGHT }

    private static void drawText(Graphics2D g, String text, double x, double baseline, Align align) {
        double width = g.getFontMetrics().getStringBounds(text, g).getWidth();
        double left = switch (align) {
            case LEFT -> x;
            case CENTRE -> x - width / 2;
            case RIGHT -> x - width;
        };
        g.drawString(text, (float) left, (float) baseline);
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Draws one panel into its cell of the figure. */
    private static final class PanelPainter {
        static final double MARGIN_LEFT = 64;
        private static final double MARGIN_RIGHT = 22;
        private static final double MARGIN_BOTTOM = 52;

        private final Graphics2D g;
        private final CurvePanel panel;
        private final Map<String, Color> colours;
        private final Rectangle2D plot;
        private final Axis x;
        private final Axis y;
        private final StrategyCurve baseline;
        private final List<Rectangle2D> occupied = new ArrayList<>();

        PanelPainter(Graphics2D g, CurvePanel panel, Map<String, Color> colours, Rectangle2D cell) {
            this.g = g;
            this.panel = panel;
            this.colours = colours;
            boolean titled = panel.title() != null && !panel.title().isBlank();
            double top = cell.getY() + (titled ? 40 : 16);
            this.plot = new Rectangle2D.Double(cell.getX() + MARGIN_LEFT, top,
                    Math.max(40, cell.getWidth() - MARGIN_LEFT - MARGIN_RIGHT),
                    Math.max(40, cell.getMaxY() - MARGIN_BOTTOM - top));
            int maxLabelled = panel.curves().stream().mapToInt(c -> c.labelled()[c.labelled().length - 1]).max().orElse(1);
            // a little room after the last round, so its dot is not cut by the edge
            this.x = Axis.within(0, Math.max(1, maxLabelled) * 1.02, (int) Math.max(3, plot.getWidth() / 75));
            double low = panel.curves().stream().flatMapToDouble(c -> Arrays.stream(c.minAccuracy())).min().orElse(0);
            double high = panel.curves().stream().flatMapToDouble(c -> Arrays.stream(c.maxAccuracy())).max().orElse(1);
            double pad = Math.max(0.02, (high - low) * 0.06);
            this.y = Axis.nice(100 * Math.max(0, low - pad), 100 * Math.min(1, high + pad),
                    (int) Math.max(3, plot.getHeight() / 55), 0, 100);
            this.baseline = panel.baseline().orElse(null);
        }

        double px(double labels) {
            return plot.getX() + (labels - x.min()) / (x.max() - x.min()) * plot.getWidth();
        }

        /** {@code accuracy} as a fraction, the axis in percent. */
        double py(double accuracy) {
            return plot.getMaxY() - (100 * accuracy - y.min()) / (y.max() - y.min()) * plot.getHeight();
        }

        void paint() {
            paintGrid();
            Shape clip = g.getClip();
            g.clip(new Rectangle2D.Double(plot.getX() - 6, plot.getY() - 6, plot.getWidth() + 12, plot.getHeight() + 12));
            panel.curves().forEach(this::paintBand);
            if (baseline != null) {
                paintTargetLine();
            }
            // the baseline first, so the strategies measured against it lie on top
            panel.curves().stream().filter(c -> c == baseline).forEach(this::paintCurve);
            panel.curves().stream().filter(c -> c != baseline).forEach(this::paintCurve);
            if (baseline != null) {
                panel.curves().stream().filter(c -> c != baseline).forEach(this::paintReachMarker);
            }
            g.setClip(clip);
            paintLegend();
            paintTitle();
        }

        private void paintGrid() {
            g.setStroke(new BasicStroke(1f));
            g.setFont(TICK_FONT);
            FontMetrics metrics = g.getFontMetrics();
            for (double t : y.ticks()) {
                double yy = py(t / 100);
                g.setColor(GRID);
                g.draw(new Line2D.Double(plot.getX(), yy, plot.getMaxX(), yy));
                g.setColor(TICK_TEXT);
                drawText(g, y.format(t), plot.getX() - 8, yy + metrics.getAscent() / 2.0 - 1, Align.RIGHT);
            }
            for (double t : x.ticks()) {
                double xx = px(t);
                g.setColor(GRID);
                g.draw(new Line2D.Double(xx, plot.getY(), xx, plot.getMaxY()));
                g.setColor(AXIS);
                g.draw(new Line2D.Double(xx, plot.getMaxY(), xx, plot.getMaxY() + 4));
                g.setColor(TICK_TEXT);
                drawText(g, x.format(t), xx, plot.getMaxY() + 8 + metrics.getAscent(), Align.CENTRE);
            }
            g.setColor(AXIS);
            g.draw(new Line2D.Double(plot.getX(), plot.getMaxY(), plot.getMaxX(), plot.getMaxY()));

            g.setFont(LABEL_FONT);
            g.setColor(LABEL_TEXT);
            drawText(g, "labelled images", plot.getCenterX(), plot.getMaxY() + 42, Align.CENTRE);
            AffineTransform saved = g.getTransform();
            g.translate(plot.getX() - 46, plot.getCenterY());
            g.rotate(-Math.PI / 2);
            drawText(g, "test accuracy (%)", 0, 0, Align.CENTRE);
            g.setTransform(saved);
        }

        private void paintBand(StrategyCurve curve) {
            int[] labels = curve.labelled();
            if (curve.seeds() < 2) {
                return; // one seed has no spread to show
            }
            var band = new Path2D.Double();
            for (int i = 0; i < labels.length; i++) {
                if (i == 0) {
                    band.moveTo(px(labels[i]), py(curve.maxAccuracy()[i]));
                } else {
                    band.lineTo(px(labels[i]), py(curve.maxAccuracy()[i]));
                }
            }
            for (int i = labels.length - 1; i >= 0; i--) {
                band.lineTo(px(labels[i]), py(curve.minAccuracy()[i]));
            }
            band.closePath();
            g.setColor(withAlpha(colours.get(curve.strategy()), curve == baseline ? 36 : 46));
            g.fill(band);
        }

        private void paintTargetLine() {
            double yy = py(baseline.mean().finalAccuracy());
            g.setColor(BASELINE_COLOUR);
            g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.draw(new Line2D.Double(plot.getX(), yy, plot.getMaxX(), yy));
        }

        private void paintCurve(StrategyCurve curve) {
            int[] labels = curve.labelled();
            double[] accuracy = curve.meanAccuracy();
            var line = new Path2D.Double();
            line.moveTo(px(labels[0]), py(accuracy[0]));
            for (int i = 1; i < labels.length; i++) {
                line.lineTo(px(labels[i]), py(accuracy[i]));
            }
            Color colour = colours.get(curve.strategy());
            g.setColor(colour);
            g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line);
            // dots show where the rounds are, unless they would crowd into a second line
            if (plot.getWidth() / labels.length >= 14) {
                for (int i = 0; i < labels.length; i++) {
                    g.fill(new Ellipse2D.Double(px(labels[i]) - 2.6, py(accuracy[i]) - 2.6, 5.2, 5.2));
                }
            }
        }

        private void paintReachMarker(StrategyCurve curve) {
            double target = baseline.mean().finalAccuracy();
            double labels = curve.mean().labelsToReach(target);
            if (Double.isNaN(labels)) {
                return;
            }
            Color colour = colours.get(curve.strategy());
            double mx = px(labels);
            double my = py(target);
            g.setColor(withAlpha(colour, 150));
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {2, 3}, 0));
            g.draw(new Line2D.Double(mx, my + 6, mx, plot.getMaxY()));
            g.setStroke(new BasicStroke(2.2f));
            var ring = new Ellipse2D.Double(mx - 5.5, my - 5.5, 11, 11);
            g.setColor(BACKGROUND);
            g.fill(ring);
            g.setColor(colour);
            g.draw(ring);

            double baselineLabels = baseline.mean().labelsToReach(target);
            String note = String.format(Locale.ROOT, "%s vs %s labels · %.2f×", formatLabels(labels),
                    formatLabels(baselineLabels), baselineLabels / labels);
            g.setFont(NOTE_FONT);
            FontMetrics metrics = g.getFontMetrics();
            double width = metrics.getStringBounds(note, g).getWidth();
            // above-left of the marker is empty: every curve there is still below the target
            double height = metrics.getHeight() + 2;
            double left = Math.max(plot.getX() + 3, mx - 9 - width - 3);
            var box = new Rectangle2D.Double(left, my - 8 - height, width + 6, height);
            while (occupied.stream().anyMatch(box::intersects) && box.getY() - height - 2 >= plot.getY()) {
                box.y -= height + 2;
            }
            if (occupied.stream().anyMatch(box::intersects)) {
                // no room above: below and right of the marker, where the curve has already passed the line
                box.x = Math.min(plot.getMaxX() - box.width - 3, mx + 9);
                box.y = my + 8;
                while (occupied.stream().anyMatch(box::intersects) && box.getMaxY() + height + 2 <= plot.getMaxY()) {
                    box.y += height + 2;
                }
            }
            occupied.add(box);
            g.setColor(withAlpha(BACKGROUND, 215));
            g.fill(box);
            g.setColor(colour.darker());
            drawText(g, note, box.getX() + 3, box.getY() + 1 + metrics.getAscent(), Align.LEFT);
        }

        private void paintLegend() {
            record Entry(String name, Color colour, String value) {
            }
            List<Entry> entries = new ArrayList<>();
            for (StrategyCurve curve : panel.curves()) {
                entries.add(new Entry(curve.strategy(), colours.get(curve.strategy()),
                        String.format(Locale.ROOT, "%.1f%%", 100 * curve.mean().finalAccuracy())));
            }

            g.setFont(LEGEND_FONT);
            FontMetrics metrics = g.getFontMetrics();
            double nameWidth = entries.stream().mapToDouble(e -> metrics.getStringBounds(e.name(), g).getWidth()).max().orElse(0);
            double valueWidth = entries.stream().mapToDouble(e -> metrics.getStringBounds(e.value(), g).getWidth()).max().orElse(0);
            double rowHeight = metrics.getHeight() + 3;
            double padding = 8;
            double swatch = 22;
            double width = swatch + 8 + nameWidth + 14 + valueWidth + 2 * padding;
            double height = entries.size() * rowHeight + 2 * padding;

            Rectangle2D box = legendPlace(width, height);
            g.setColor(withAlpha(BACKGROUND, 235));
            var frame = new RoundRectangle2D.Double(box.getX(), box.getY(), width, height, 8, 8);
            g.fill(frame);
            g.setColor(new Color(0xDDDDDD));
            g.setStroke(new BasicStroke(1f));
            g.draw(frame);

            double rowY = box.getY() + padding;
            for (Entry e : entries) {
                double mid = rowY + rowHeight / 2;
                g.setColor(e.colour());
                g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(box.getX() + padding, mid, box.getX() + padding + swatch, mid));
                g.fill(new Ellipse2D.Double(box.getX() + padding + swatch / 2 - 2.6, mid - 2.6, 5.2, 5.2));
                g.setFont(LEGEND_FONT);
                g.setColor(LABEL_TEXT);
                double textY = mid + metrics.getAscent() / 2.0 - 1.5;
                drawText(g, e.name(), box.getX() + padding + swatch + 8, textY, Align.LEFT);
                g.setColor(TICK_TEXT);
                drawText(g, e.value(), box.getMaxX() - padding, textY, Align.RIGHT);
                rowY += rowHeight;
            }
        }

        /** Lower right or upper left, whichever hides fewer points of the curves (learning curves leave one empty). */
        private Rectangle2D legendPlace(double width, double height) {
            double inset = 10;
            List<Rectangle2D> candidates = List.of(
                    new Rectangle2D.Double(plot.getMaxX() - width - inset, plot.getMaxY() - height - inset, width, height),
                    new Rectangle2D.Double(plot.getX() + inset, plot.getY() + inset, width, height),
                    new Rectangle2D.Double(plot.getMaxX() - width - inset, plot.getY() + inset, width, height),
                    new Rectangle2D.Double(plot.getX() + inset, plot.getMaxY() - height - inset, width, height));
            Rectangle2D best = candidates.get(0);
            long fewest = Long.MAX_VALUE;
            for (Rectangle2D candidate : candidates) {
                long hidden = hiddenPoints(candidate) + occupied.stream().filter(candidate::intersects).count() * 50;
                if (hidden < fewest) {
                    best = candidate;
                    fewest = hidden;
                }
            }
            return best;
        }

        private long hiddenPoints(Rectangle2D box) {
            long hidden = 0;
            for (StrategyCurve curve : panel.curves()) {
                int[] labels = curve.labelled();
                for (int i = 1; i < labels.length; i++) {
                    for (int step = 0; step < 20; step++) {
                        double t = step / 20.0;
                        double lx = labels[i - 1] + t * (labels[i] - labels[i - 1]);
                        double mean = curve.meanAccuracy()[i - 1] + t * (curve.meanAccuracy()[i] - curve.meanAccuracy()[i - 1]);
                        double min = curve.minAccuracy()[i - 1] + t * (curve.minAccuracy()[i] - curve.minAccuracy()[i - 1]);
                        double max = curve.maxAccuracy()[i - 1] + t * (curve.maxAccuracy()[i] - curve.maxAccuracy()[i - 1]);
                        hidden += box.contains(px(lx), py(mean)) ? 4 : 0;
                        hidden += box.contains(px(lx), py(min)) ? 1 : 0;
                        hidden += box.contains(px(lx), py(max)) ? 1 : 0;
                    }
                }
            }
            if (baseline != null) {
                double yy = py(baseline.mean().finalAccuracy());
                hidden += yy > box.getMinY() && yy < box.getMaxY() ? 10 : 0;
            }
            return hidden;
        }

        private void paintTitle() {
            if (panel.title() == null || panel.title().isBlank()) {
                return;
            }
            g.setFont(PANEL_TITLE_FONT);
            g.setColor(TITLE_TEXT);
            drawText(g, panel.title(), plot.getX(), plot.getY() - 14, Align.LEFT);
        }
    }

    private static String formatLabels(double labels) {
        return String.format(Locale.ROOT, "%,d", Math.round(labels));
    }
}
