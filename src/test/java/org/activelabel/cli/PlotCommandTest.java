package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.activelabel.simulation.SimulationCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plot through the command line: simulate's CSVs in, a PNG out, and a bad line named with its file and number. */
class PlotCommandTest {

    @TempDir
    Path temp;

    private Path simulateCsv(String name) throws Exception {
        var text = new StringBuilder(SimulateCommand.CSV_HEADER).append('\n');
        for (int seed = 1; seed <= 2; seed++) {
            for (int labels = 10; labels <= 100; labels += 10) {
                double random = 0.3 + 0.004 * labels + 0.01 * seed;
                double margin = Math.min(1, random + 0.1);
                text.append(String.format(java.util.Locale.ROOT, "random,%d,%d,%.4f,%.4f,5,0,1%n", seed, labels, random, random));
                text.append(String.format(java.util.Locale.ROOT, "margin,%d,%d,%.4f,%.4f,5,0,1%n", seed, labels, margin, margin));
            }
        }
        return Files.writeString(temp.resolve(name), text);
    }

    @Test
    void theReaderReadsTheHeaderSimulateWrites() {
        assertEquals(SimulateCommand.CSV_HEADER, SimulationCsv.HEADER);
    }

    @Test
    void plotsTwoDataSetsIntoOnePngOfTheRequestedSize() throws Exception {
        Path digits = simulateCsv("digits.csv");
        Path flowers = simulateCsv("flowers.csv");
        Path png = temp.resolve("figures/curves.png");
        Cli result = Cli.run("plot", "--csv", digits + "," + flowers, "--out", png.toString(), "--title", "MNIST (5,000)",
                "--titles", "\"Digits (1,797)\",Flowers", "--width", "1000", "--height", "400", "--scale", "2");
        assertEquals(0, result.code(), result.toString());
        assertTrue(result.out().contains("wrote " + png + " (2000 x 800 pixels, 2 panels)"), result.toString());

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2000, image.getWidth());
        assertEquals(800, image.getHeight());
        assertEquals(0xFFFFFF, image.getRGB(0, 0) & 0xFFFFFF);
        try (var left = Files.list(png.getParent())) {
            assertEquals(1, left.count(), "no temporary file left beside the PNG");
        }
    }

    @Test
    void aCellThatIsNotANumberStopsWithTheFileAndLine() throws Exception {
        Path csv = simulateCsv("curve.csv");
        var lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        lines.set(3, "random,1,20,0.4x,0.4,5,0,1");
        Files.write(csv, lines);
        Path png = temp.resolve("curves.png");
        Cli result = Cli.run("plot", "--csv", csv.toString(), "--out", png.toString());
        assertEquals(1, result.code(), result.toString());
        assertEquals("error: " + csv + ":4: accuracy is not a number: \"0.4x\"", result.err().strip());
        assertFalse(Files.exists(png));
    }

    @Test
    void aWrongHeaderOrAMissingFileIsRefused() throws Exception {
        Path other = Files.writeString(temp.resolve("labels.csv"), "path,label\na.png,cat\n");
        Cli wrongHeader = Cli.run("plot", "--csv", other.toString(), "--out", temp.resolve("a.png").toString());
        assertEquals(1, wrongHeader.code(), wrongHeader.toString());
        assertTrue(wrongHeader.err().startsWith("error: " + other + ":1: not a simulate CSV: missing columns strategy"),
                wrongHeader.toString());

        Path missing = temp.resolve("nowhere.csv");
        Cli noFile = Cli.run("plot", "--csv", missing.toString(), "--out", temp.resolve("b.png").toString());
        assertEquals(1, noFile.code(), noFile.toString());
        assertEquals("error: no such file or folder: " + missing, noFile.err().strip());
    }

    @Test
    void titlesMustMatchTheCsvs() throws Exception {
        Path csv = simulateCsv("curve.csv");
        Cli result = Cli.run("plot", "--csv", csv.toString(), "--titles", "A,B", "--out", temp.resolve("c.png").toString());
        assertEquals(1, result.code(), result.toString());
        assertTrue(result.err().contains("--titles has 2 titles for 1 CSVs"), result.toString());
    }

    @Test
    void helpListsTheOptions() {
        Cli result = Cli.run("plot", "--help");
        assertEquals(0, result.code(), result.toString());
        for (String option : new String[] {"--csv", "--out", "--title", "--titles", "--width", "--height", "--scale"}) {
            assertTrue(result.out().contains(option), option + " in\n" + result.out());
        }
    }
}
