package org.activelabel.report;

import static org.activelabel.report.ChartStyle.*;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Draws one panel into its cell of the figure. */
final class PanelPainter {
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

    private static String formatLabels(double labels) {
        return String.format(Locale.ROOT, "%,d", Math.round(labels));
    }
}
