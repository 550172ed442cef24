package org.activelabel.simulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rounds that {@code simulate --out} writes, one per line under the header
 * {@value #HEADER}. Columns are found by name, so a file with extra columns still reads.
 */
public final class SimulationCsv {

    public static final String HEADER = "strategy,seed,labelled,accuracy,macro_f1,update_ms,refine_ms,rank_ms";

    // files written before pipelines learnt from the unlabelled pool have no refine_ms; it reads as 0
    private static final String OPTIONAL = "refine_ms";
    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    private SimulationCsv() {
    }

    /** A line that is not a round: the message is "file:line: what is wrong". */
    public static final class MalformedCsvException extends IOException {
        private final Path file;
        private final int line;

        MalformedCsvException(Path file, int line, String problem) {
            super(file + ":" + line + ": " + problem);
            this.file = file;
            this.line = line;
        }

        public Path file() {
            return file;
        }

        public int line() {
            return line;
        }
    }

    /** Every round in the file, in file order; blank lines are skipped. */
    public static List<SimulationRound> read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || header.isBlank()) {
                throw new MalformedCsvException(file, 1, "empty file, expected the header " + HEADER);
            }
            Columns columns = columns(file, header);
            List<SimulationRound> rounds = new ArrayList<>();
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    rounds.add(parse(file, lineNumber, line, columns));
                }
            }
            return rounds;
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": not a UTF-8 text file", e);
        }
    }

    /** Where each named column is, and how many cells a line has. */
    private record Columns(Map<String, Integer> index, int count) {
    }

    private static Columns columns(Path file, String header) throws MalformedCsvException {
        // a spreadsheet may have saved it with a byte-order mark
        String[] names = header.replace("\uFEFF", "").split(",", -1);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.putIfAbsent(names[i].trim(), i);
        }
        List<String> missing = COLUMNS.stream()
                .filter(c -> !c.equals(OPTIONAL) && !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new MalformedCsvException(file, 1, "not a simulate CSV: missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (expected the header " + HEADER + ")");
        }
        return new Columns(index, names.length);
    }

    private static SimulationRound parse(Path file, int lineNumber, String line, Columns columns)
            throws MalformedCsvException {
        String[] cells = line.split(",", -1);
        if (cells.length != columns.count()) {
            throw new MalformedCsvException(file, lineNumber, "expected " + columns.count() + " cells, found "
                    + cells.length + ": " + abbreviate(line));
        }
        var row = new Row(file, lineNumber, cells, columns.index());
        String strategy = row.text("strategy");
        if (strategy.isEmpty()) {
            throw new MalformedCsvException(file, lineNumber, "strategy is empty");
        }
        long seed = row.whole("seed");
        long labelled = row.whole("labelled");
        if (labelled < 0 || labelled > Integer.MAX_VALUE) {
            throw new MalformedCsvException(file, lineNumber, "labelled must be a count of labels, found " + labelled);
        }
        double accuracy = row.fraction("accuracy", false);
        double macroF1 = row.fraction("macro_f1", true);
        long refineMillis = columns.index().containsKey(OPTIONAL) ? row.whole(OPTIONAL) : 0;
        return new SimulationRound(strategy, seed, (int) labelled, accuracy, macroF1, row.whole("update_ms"),
                refineMillis, row.whole("rank_ms"));
    }

    private record Row(Path file, int lineNumber, String[] cells, Map<String, Integer> index) {

        String text(String column) {
            return cells[index.get(column)].trim();
        }

        long whole(String column) throws MalformedCsvException {
            String cell = text(column);
            try {
                return Long.parseLong(cell);
            } catch (NumberFormatException e) {
                throw new MalformedCsvException(file, lineNumber, column + " is not a whole number: \"" + abbreviate(cell) + "\"");
            }
        }

        /** A score between 0 and 1; NaN only where a round may lack it (macro F1 of an empty prediction). */
        double fraction(String column, boolean nanAllowed) throws MalformedCsvException {
            String cell = text(column);
            double value;
            try {
                value = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new MalformedCsvException(file, lineNumber, column + " is not a number: \"" + abbreviate(cell) + "\"");
            }
            if (Double.isNaN(value) ? !nanAllowed : value < 0 || value > 1) {
                throw new MalformedCsvException(file, lineNumber, column + " must be between 0 and 1, found " + cell);
            }
            return value;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
