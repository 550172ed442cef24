package org.activelabel.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;

/** The colours, fonts and text placement the learning-curve figures share. */
final class ChartStyle {

    static final Color BACKGROUND = Color.WHITE;
    static final Color BASELINE_COLOUR = new Color(0x7F7F7F);
    // Tableau 10 without its grey, which the baseline owns
    static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
        new Color(0x59A14F), new Color(0xB07AA1), new Color(0x76B7B2), new Color(0xEDC948), new Color(0xFF9DA7),
        new Color(0x9C755F)};
    static final Color GRID = new Color(0xEBEBEB);
    static final Color AXIS = new Color(0xA0A0A0);
    static final Color TICK_TEXT = new Color(0x666666);
    static final Color LABEL_TEXT = new Color(0x333333);
    static final Color TITLE_TEXT = new Color(0x1A1A1A);

    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font PANEL_TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font FIGURE_TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);

    private ChartStyle() {
    }

    enum Align { LEFT, CENTRE, RIGHT }

    static void drawText(Graphics2D g, String text, double x, double baseline, Align align) {
        double width = g.getFontMetrics().getStringBounds(text, g).getWidth();
        double left = switch (align) {
            case LEFT -> x;
            case CENTRE -> x - width / 2;
            case RIGHT -> x - width;
        };
        g.drawString(text, (float) left, (float) baseline);
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
