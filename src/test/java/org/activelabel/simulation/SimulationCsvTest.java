package org.activelabel.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading simulate's CSV back: every round as written, and a bad line named by file and line number. */
class SimulationCsvTest {

    @TempDir
    Path temp;

    private Path csv(String text) throws Exception {
        return Files.writeString(temp.resolve("curve.csv"), text);
    }

    @Test
    void readsEveryRoundAsSimulateWroteIt() throws Exception {
        Path file = csv(SimulationCsv.HEADER + "\n"
                + "random,1,10,0.3377,0.2721,5655,40,18\n"
                + "\n"
                + "default,2,20,0.5000,NaN,459,0,23\n");
        List<SimulationRound> rounds = SimulationCsv.read(file);
        assertEquals(List.of(new SimulationRound("random", 1, 10, 0.3377, 0.2721, 5655, 40, 18)), rounds.subList(0, 1));
        SimulationRound second = rounds.get(1);
        assertEquals("default", second.strategy());
        assertEquals(20, second.labelled());
        assertEquals(0.5, second.accuracy());
        assertTrue(Double.isNaN(second.macroF1()));
    }

    @Test
    void readsASpreadsheetsSaveWithItsByteOrderMarkLineEndsAnExtraColumnAndNoRefineColumn() throws Exception {
        Path file = csv("\uFEFFnote,rank_ms,update_ms,macro_f1,accuracy,labelled,seed,strategy\r\n"
                + "x,18,5655,0.27,0.34,10,1,random\r\n");
        assertEquals(List.of(new SimulationRound("random", 1, 10, 0.34, 0.27, 5655, 0, 18)), SimulationCsv.read(file));
    }

    @Test
    void aWrongHeaderNamesTheMissingColumns() throws Exception {
        Path file = csv("strategy,seed,labels,acc,macro_f1,update_ms,rank_ms\nrandom,1,10,0.3,0.2,1,1\n");
        var e = assertThrows(SimulationCsv.MalformedCsvException.class, () -> SimulationCsv.read(file));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith(file + ":1: not a simulate CSV: missing columns labelled, accuracy"),
                e.getMessage());
    }

    @Test
    void aCellThatIsNotANumberIsNamedWithItsLine() throws Exception {
        Path file = csv(SimulationCsv.HEADER + "\nrandom,1,10,0.3,0.2,1,0,1\nrandom,1,20,high,0.2,1,0,1\n");
        var e = assertThrows(SimulationCsv.MalformedCsvException.class, () -> SimulationCsv.read(file));
        assertEquals(file + ":3: accuracy is not a number: \"high\"", e.getMessage());
    }

    @Test
    void otherBadLinesSayWhatIsWrong() throws Exception {
        assertEquals(":2: expected 8 cells, found 5: random,1,10,0.3,0.2", problem("random,1,10,0.3,0.2"));
        assertEquals(":2: labelled is not a whole number: \"10.5\"", problem("random,1,10.5,0.3,0.2,1,1,0"));
        assertEquals(":2: accuracy must be between 0 and 1, found 87.5", problem("random,1,10,87.5,0.2,1,1,0"));
        assertEquals(":2: accuracy must be between 0 and 1, found NaN", problem("random,1,10,NaN,0.2,1,1,0"));
        assertEquals(":2: strategy is empty", problem(",1,10,0.3,0.2,1,1,0"));
        assertEquals(":1: empty file, expected the header " + SimulationCsv.HEADER, problemWith(""));
    }

    private String problem(String line) throws Exception {
        return problemWith(SimulationCsv.HEADER + "\n" + line + "\n");
    }

    private String problemWith(String text) throws Exception {
        Path file = csv(text);
        var e = assertThrows(SimulationCsv.MalformedCsvException.class, () -> SimulationCsv.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e.getMessage().substring(file.toString().length());
    }

    @Test
    void aMissingFileIsReportedAsSuch() {
        assertThrows(NoSuchFileException.class, () -> SimulationCsv.read(temp.resolve("nowhere.csv")));
    }
}
