package org.activelabel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported CSV is safe to open in a spreadsheet and imports back into a new session unchanged. */
class CsvRoundTripTest {

    @TempDir
    Path temp;

    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)",
            "\tTAB", "\rCR", "'quoted", "''", "plain");

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasGetAQuoteInFront() throws IOException {
        List<LabelExport.Row> rows = new ArrayList<>();
        for (String hostile : HOSTILE) {
            rows.add(new LabelExport.Row(hostile + ".png", hostile, LabelSource.HUMAN, Float.NaN));
        }
        Path out = temp.resolve("out.csv");
        LabelExport.writeCsv(out, rows);
        String text = Files.readString(out);
        for (String line : text.split("\n(?=[^\\r])")) {
            for (String cell : LabelImport.parseCsvLine(line.replace('\n', ' '))) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "unprotected cell " + cell);
            }
        }
        assertTrue(text.contains("'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")"), text);
        assertEquals("'@SUM(A1).png", LabelImport.parseCsvLine(text.lines().filter(l -> l.contains("@SUM"))
                .findFirst().orElseThrow()).get(0));
    }

    @Test
    void anExportImportsBackHumanRowsOnlyWithFormulaCellsAndLineBreaksInNames() throws IOException {
        List<SessionClass> classes = new ArrayList<>();
        for (String name : HOSTILE) {
            classes.add(new SessionClass(classes.size(), name.strip().isEmpty() ? "blank" : name));
        }
        List<LabelExport.Row> rows = new ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            String path = HOSTILE.get(i).replace("/", "_") + "/a, \"b\"\nline two.png";
            rows.add(new LabelExport.Row(path, classes.get(i).name(), LabelSource.HUMAN, Float.NaN));
            expected.put(path, classes.get(i).id());
        }
        rows.add(new LabelExport.Row("model/guess.png", "plain", LabelSource.MODEL, 0.8f));
        Path out = temp.resolve("export.csv");
        LabelExport.writeCsv(out, rows);

        Set<String> paths = new java.util.HashSet<>(expected.keySet());
        paths.add("model/guess.png");
        var result = new LabelImport(paths, classes, Map.of(), Instant.EPOCH).fromCsv(out);

        assertEquals(List.of(), result.problems());
        assertEquals(1, result.modelRows(), "the model's prediction is left out");
        Map<String, Integer> imported = new HashMap<>();
        for (LabelEvent event : result.events()) {
            imported.put(event.path(), ((LabelEvent.Label) event).classId());
        }
        assertEquals(expected, imported);
    }
}
