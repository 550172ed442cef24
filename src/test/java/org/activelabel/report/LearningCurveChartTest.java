package org.activelabel.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.activelabel.simulation.SimulationRound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart read back as pixels: white paper, each strategy's colour drawn across the plot where its accuracy says. */
class LearningCurveChartTest {

    @TempDir
    Path temp;

    /** Two seeds, one point apart, rising from {@code start} to {@code end} over 10..100 labels. */
    private static List<SimulationRound> rising(String strategy, double start, double end) {
        List<SimulationRound> rounds = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            for (int i = 0; i < 10; i++) {
                double accuracy = start + (end - start) * i / 9 + (seed == 1 ? -0.005 : 0.005);
                rounds.add(new SimulationRound(strategy, seed, 10 * (i + 1), accuracy, accuracy, 0, 0, 0));
            }
        }
        return rounds;
    }

    private static CurvePanel panel(String title) {
        List<SimulationRound> rounds = new ArrayList<>(rising("random", 0.30, 0.60));
        rounds.addAll(rising("margin", 0.70, 0.95));
        return CurvePanel.of(title, rounds);
    }

    /** Where the pixels of exactly this colour are: count, mean row, leftmost and rightmost column. */
    private record Spread(int count, double meanY, int minX, int maxX) {
        static Spread of(BufferedImage image, Color colour) {
            int count = 0;
            long sumY = 0;
            int minX = Integer.MAX_VALUE;
            int maxX = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                        count++;
                        sumY += y;
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                    }
                }
            }
            return new Spread(count, count == 0 ? Double.NaN : (double) sumY / count, minX, maxX);
        }
    }

    @Test
    void writesAPngOfTheRequestedSizeWithEachStrategysLineWhereItsAccuracyIs() throws Exception {
        Path png = temp.resolve("curves.png");
        LearningCurveChart.writePng(List.of(panel("digits")), new LearningCurveChart.Options("Digits", 700, 420, 1), png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(700, image.getWidth());
        assertEquals(420, image.getHeight());
        for (int[] corner : new int[][] {{0, 0}, {699, 0}, {0, 419}, {699, 419}}) {
            assertEquals(0xFFFFFF, image.getRGB(corner[0], corner[1]) & 0xFFFFFF, "background at " + corner[0] + "," + corner[1]);
        }
        Map<String, Color> colours = LearningCurveChart.colours(List.of(panel("digits")));
        Spread random = Spread.of(image, colours.get("random"));
        Spread margin = Spread.of(image, colours.get("margin"));
        assertTrue(random.count() > 200 && margin.count() > 200, random + " " + margin);
        // each line runs across most of the width; margin's higher accuracy sits higher up (smaller rows)
        assertTrue(random.maxX() - random.minX() > 700 / 2, random.toString());
        assertTrue(margin.maxX() - margin.minX() > 700 / 2, margin.toString());
        assertTrue(margin.meanY() < random.meanY() - 50, margin + " should lie above " + random);
    }

    @Test
    void scaleTwoDoublesThePixelsAndKeepsTheLayout() {
        var panels = List.of(panel("a"), panel("b"));
        BufferedImage one = LearningCurveChart.render(panels, new LearningCurveChart.Options(null, 900, 560, 1));
        BufferedImage two = LearningCurveChart.render(panels, new LearningCurveChart.Options(null, 900, 560, 2));
        assertEquals(1800, two.getWidth());
        assertEquals(1120, two.getHeight());
        Color margin = LearningCurveChart.colours(panels).get("margin");
        Spread small = Spread.of(one, margin);
        Spread large = Spread.of(two, margin);
        // same places, twice the coordinates (antialiasing shifts which pixels are fully covered a little)
        assertEquals(2 * small.meanY(), large.meanY(), 0.05 * two.getHeight());
        assertEquals(2 * small.maxX(), large.maxX(), 0.02 * two.getWidth());
        assertTrue(large.count() > 3 * small.count(), small + " " + large);
    }

    @Test
    void aStrategyKeepsItsColourInEveryPanelAndRandomIsGrey() {
        var first = CurvePanel.of("a", rising("random", 0.3, 0.6));
        List<SimulationRound> rounds = new ArrayList<>(rising("entropy", 0.3, 0.6));
        rounds.addAll(rising("random", 0.3, 0.6));
        rounds.addAll(rising("margin", 0.3, 0.6));
        var second = CurvePanel.of("b", rounds);
        Map<String, Color> colours = LearningCurveChart.colours(List.of(first, second, panel("c")));
        assertEquals(List.of("random", "entropy", "margin"), List.copyOf(colours.keySet()));
        assertEquals(ChartStyle.BASELINE_COLOUR, colours.get("random"));
        assertTrue(!colours.get("entropy").equals(colours.get("margin")));
    }

    @Test
    void aCurveAveragesItsSeedsAndKeepsTheirRange() {
        var curve = StrategyCurve.of("margin", List.of(
                new SimulationRound("margin", 1, 10, 0.5, 0, 0, 0, 0),
                new SimulationRound("margin", 2, 10, 0.7, 0, 0, 0, 0),
                new SimulationRound("margin", 3, 10, 0.9, 0, 0, 0, 0),
                new SimulationRound("margin", 1, 20, 0.8, 0, 0, 0, 0),
                new SimulationRound("margin", 2, 20, 0.9, 0, 0, 0, 0)));
        assertArrayEquals(new int[] {10, 20}, curve.labelled());
        assertArrayEquals(new double[] {0.7, 0.85}, curve.meanAccuracy(), 1e-9);
        assertArrayEquals(new double[] {0.5, 0.8}, curve.minAccuracy(), 1e-9);
        assertArrayEquals(new double[] {0.9, 0.9}, curve.maxAccuracy(), 1e-9);
        assertEquals(3, curve.seeds());
    }

    @Test
    void panelsSitSideBySideUntilTheyGetTooNarrow() {
        assertEquals(1, LearningCurveChart.columns(1, 900, 560));
        assertEquals(2, LearningCurveChart.columns(2, 1200, 500));
        assertEquals(1, LearningCurveChart.columns(2, 600, 900));
        assertEquals(2, LearningCurveChart.columns(4, 1200, 800));
    }

    @Test
    void ticksAreRoundNumbersCoveringTheData() {
        var axis = Axis.nice(31.2, 93.4, 8, 0, 100);
        assertEquals(List.of(30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0), axis.ticks());
        assertEquals("1,000", Axis.nice(0, 5000, 5, 0, 5000).format(1000));
    }

    @Test
    void theFootnoteExplainsOnlyWhatIsDrawn() {
        String withRandom = LearningCurveChart.footnote(List.of(panel("a")));
        assertTrue(withRandom.startsWith("Lines: mean of 2 seeds; bands: lowest to highest seed."), withRandom);
        assertTrue(withRandom.contains("Dashed: random's final accuracy"), withRandom);
        String oneSeedNoRandom = LearningCurveChart.footnote(List.of(CurvePanel.of("b", List.of(
                new SimulationRound("margin", 1, 10, 0.5, 0, 0, 0, 0), new SimulationRound("margin", 1, 20, 0.6, 0, 0, 0, 0)))));
        assertEquals("Lines: one seed.", oneSeedNoRandom);
    }

    @Test
    void aFigureTooSmallToReadIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LearningCurveChart.Options(null, 100, 560, 1));
        assertThrows(IllegalArgumentException.class, () -> new LearningCurveChart.Options(null, 900, 560, 0));
    }
}
