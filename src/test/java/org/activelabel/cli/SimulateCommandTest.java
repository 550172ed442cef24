package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** simulate on the bundled sample: a well-formed curve per strategy, and accuracy that rises with labels. */
class SimulateCommandTest {

    @TempDir
    Path temp;

    @Test
    void writesACurvePerStrategyAndAccuracyRisesWithLabels() throws Exception {
        Path csv = temp.resolve("curve.csv");
        Cli result = Cli.run("simulate", "--images", Path.of("assets/sample").toAbsolutePath().toString(),
                "--strategy", "random,default", "--initial", "10", "--batch", "15", "--budget", "70",
                "--seeds", "1", "--out", csv.toString(), "--cache", temp.resolve("cache").toString());
        assertEquals(0, result.code(), result.toString());

        List<String> lines = Files.readAllLines(csv);
        assertEquals(SimulateCommand.CSV_HEADER, lines.get(0));
        // 10, 25, 40, 55, 70 labels for each of the two strategies and the logistic-regression reference
        assertEquals(1 + 3 * 5, lines.size(), String.join("\n", lines));
        for (String strategy : List.of("random", "default", "lr-random")) {
            var rows = lines.stream().skip(1).filter(l -> l.startsWith(strategy + ",")).map(l -> l.split(",")).toList();
            assertEquals(List.of("10", "25", "40", "55", "70"), rows.stream().map(r -> r[2]).toList());
            for (String[] r : rows) {
                double accuracy = Double.parseDouble(r[3]);
                assertTrue(accuracy >= 0 && accuracy <= 1, String.join(",", r));
            }
            double first = Double.parseDouble(rows.get(0)[3]);
            double last = Double.parseDouble(rows.get(rows.size() - 1)[3]);
            // one seed on a test split of 96 images: rising by 5 of them is learning, not noise
            assertTrue(last - first >= 5 / 96.0 - 1e-9,
                    strategy + " accuracy should rise with labels: " + first + " -> " + last);
        }
        // random learns from labels only; the default pipeline also from the pool, as a second step each round
        var refineMillis = lines.stream().skip(1).map(l -> l.split(","))
                .collect(java.util.stream.Collectors.groupingBy(r -> r[0],
                        java.util.stream.Collectors.summingLong(r -> Long.parseLong(r[6]))));
        assertEquals(0L, refineMillis.get("random"));
        assertTrue(refineMillis.get("default") > 0, refineMillis.toString());
        assertTrue(result.out().contains("efficiency"), result.toString());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("default")), result.toString());
        assertTrue(result.out().contains("vs_lr"), result.toString());
    }

    @Test
    void selfTrainingOnlyNamesStrategiesThatRun() {
        Cli result = Cli.run("simulate", "--images", "assets/sample", "--strategy", "random", "--self-train", "default");
        assertEquals(1, result.code(), result.toString());
        assertEquals("error: --self-train names default, which is not in --strategy random", result.err().strip());
    }

    @Test
    void randomAloneRunsWithoutNamingSelfTraining() throws Exception {
        Path csv = temp.resolve("random.csv");
        Cli result = Cli.run("simulate", "--images", Path.of("assets/sample").toAbsolutePath().toString(),
                "--strategy", "random", "--initial", "10", "--batch", "10", "--budget", "20", "--seeds", "1",
                "--no-reference", "--out", csv.toString(), "--cache", temp.resolve("cache").toString());
        assertEquals(0, result.code(), result.toString());
        assertEquals(3, Files.readAllLines(csv).size(), "random's two rounds, no reference");
    }

    @Test
    void unknownStrategyIsRefusedWithTheValidNames() {
        Cli result = Cli.run("simulate", "--images", "assets/sample", "--strategy", "nonsense");
        assertTrue(result.code() != 0);
        assertTrue(result.err().contains("valid names"), result.toString());
    }
}
