package org.activelabel.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** history.jsonl: one line per model update, appended like the label journal. */
final class HistoryLog implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(HistoryLog.class);

    static final String FILE_NAME = "history.jsonl";

    private final JsonlFile file;
    private final List<HistoryEntry> entries;

    private HistoryLog(JsonlFile file, List<HistoryEntry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /**
     * Opens the history. It is derived (the labels and the model are elsewhere), so a damaged file does not stop
     * the session: it is set aside under a name that says so, with a warning, and a new history begins.
     */
    static HistoryLog open(Path path) {
        List<HistoryEntry> entries = new ArrayList<>();
        JsonlFile file;
        try {
            file = JsonlFile.open(path, (line, lineNumber) -> entries.add(decode(line)));
        } catch (DamagedFileException e) {
            Path aside = path.resolveSibling(FILE_NAME + ".damaged-" + Instant.now().toEpochMilli());
            try {
                Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException moveFailed) {
                throw new SessionException(e.getMessage() + "; setting it aside as " + aside + " failed too: "
                        + SessionFiles.reason(moveFailed), moveFailed);
            }
            log.warn("{}; the history of model updates is derived, so it starts again: the damaged file is kept as {}",
                    e.damage(), aside);
            entries.clear();
            file = JsonlFile.open(path, (line, lineNumber) -> entries.add(decode(line)));
        }
        return new HistoryLog(file, entries);
    }

    synchronized void append(HistoryEntry entry) {
        file.append(List.of(encode(entry)));
        entries.add(entry);
    }

    synchronized List<HistoryEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void close() {
        file.close();
    }

    static ObjectNode encode(HistoryEntry entry) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("time", entry.time().toString());
        node.put("labelled", entry.labelled());
        // JSON has no NaN: "not measured" is null.
        if (Double.isFinite(entry.cvAccuracy())) {
            node.put("cvAccuracy", entry.cvAccuracy());
        } else {
            node.putNull("cvAccuracy");
        }
        node.put("modelVersion", entry.modelVersion());
        node.put("trainMillis", entry.trainMillis());
        node.put("update", entry.full() ? "full" : "incremental");
        if (entry.confusion().length > 0) {
            var rows = node.putArray("confusion");
            for (int[] row : entry.confusion()) {
                var cells = rows.addArray();
                for (int count : row) {
                    cells.add(count);
                }
            }
        }
        return node;
    }

    static HistoryEntry decode(JsonNode line) {
        JsonNode accuracy = line.get("cvAccuracy");
        double cvAccuracy;
        if (accuracy == null || accuracy.isNull()) {
            cvAccuracy = Double.NaN;
        } else if (accuracy.isNumber()) {
            cvAccuracy = accuracy.doubleValue();
        } else {
            throw new Json.FieldException("\"cvAccuracy\" must be a number or null, found " + accuracy);
        }
        String update = Json.text(line, "update");
        if (!update.equals("full") && !update.equals("incremental")) {
            throw new Json.FieldException("\"update\" must be \"full\" or \"incremental\", found \"" + update + "\"");
        }
        return new HistoryEntry(Json.instant(line, "time"), Json.integer(line, "labelled"), cvAccuracy,
                Json.longInteger(line, "modelVersion"), Json.longInteger(line, "trainMillis"), update.equals("full"),
                confusion(line.get("confusion")));
    }

    /** A square matrix of counts, or none when the field is absent (files written before it existed). */
    private static int[][] confusion(JsonNode field) {
        if (field == null || field.isNull()) {
            return new int[0][0];
        }
        if (!field.isArray()) {
            throw new Json.FieldException("\"confusion\" must be an array of rows, found " + field);
        }
        int n = field.size();
        int[][] matrix = new int[n][n];
        for (int i = 0; i < n; i++) {
            JsonNode row = field.get(i);
            if (!row.isArray() || row.size() != n) {
                throw new Json.FieldException("\"confusion\" must be " + n + " rows of " + n + " counts, row " + i
                        + " is " + row);
            }
            for (int j = 0; j < n; j++) {
                if (!row.get(j).canConvertToInt() || !row.get(j).isIntegralNumber() || row.get(j).intValue() < 0) {
                    throw new Json.FieldException("\"confusion\" holds counts, found " + row.get(j));
                }
                matrix[i][j] = row.get(j).intValue();
            }
        }
        return matrix;
    }
}
