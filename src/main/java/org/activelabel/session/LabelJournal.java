package org.activelabel.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * labels.jsonl: every label and unlabel ever made, in order. Replaying it gives the current labels;
 * it is only ever appended to.
 */
final class LabelJournal implements Closeable {

    static final String FILE_NAME = "labels.jsonl";

    private final JsonlFile file;
    private final Map<String, LabelState> labels;

    private LabelJournal(JsonlFile file, Map<String, LabelState> labels) {
        this.file = file;
        this.labels = labels;
    }

    /**
     * Replays the journal. {@code everAllocated} accepts ids that some class had at some time (a merged class's
     * old labels are still in the journal); the labels left at the end must all name a {@code current} class.
     */
    static LabelJournal open(Path path, IntPredicate everAllocated, IntPredicate current) {
        Map<String, LabelState> labels = new HashMap<>();
        Map<String, Integer> lineOfLabel = new HashMap<>();
        JsonlFile file = JsonlFile.open(path, (line, lineNumber) -> {
            LabelEvent event = decode(line);
            if (event instanceof LabelEvent.Label label) {
                if (!everAllocated.test(label.classId())) {
                    throw new IllegalArgumentException("unknown class id " + label.classId());
                }
                labels.put(label.path(), new LabelState(label.classId(), label.source(), label.time()));
                lineOfLabel.put(label.path(), lineNumber);
            } else {
                labels.remove(event.path());
                lineOfLabel.remove(event.path());
            }
        });
        for (var entry : labels.entrySet()) {
            if (!current.test(entry.getValue().classId())) {
                file.close();
                throw new SessionException(path + " line " + lineOfLabel.get(entry.getKey()) + ": \"" + entry.getKey()
                        + "\" is labelled with class id " + entry.getValue().classId() + ", which the session no longer has");
            }
        }
        return new LabelJournal(file, labels);
    }

    /** Durable when it returns: one write and one force for the whole list. */
    synchronized void append(List<LabelEvent> events) {
        List<ObjectNode> lines = new ArrayList<>(events.size());
        for (LabelEvent event : events) {
            lines.add(encode(event));
        }
        file.append(lines);
        for (LabelEvent event : events) {
            if (event instanceof LabelEvent.Label label) {
                labels.put(label.path(), new LabelState(label.classId(), label.source(), label.time()));
            } else {
                labels.remove(event.path());
            }
        }
    }

    synchronized Map<String, LabelState> current() {
        return Collections.unmodifiableMap(new HashMap<>(labels));
    }

    synchronized LabelState labelOf(String path) {
        return labels.get(path);
    }

    synchronized int size() {
        return labels.size();
    }

    @Override
    public void close() {
        file.close();
    }

    static ObjectNode encode(LabelEvent event) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("time", event.time().toString());
        node.put("op", event instanceof LabelEvent.Label ? "label" : "unlabel");
        node.put("path", event.path());
        if (event instanceof LabelEvent.Label label) {
            node.put("class", label.classId());
        }
        node.put("source", event.source().name().toLowerCase(Locale.ROOT));
        return node;
    }

    static LabelEvent decode(JsonNode line) {
        String op = Json.text(line, "op");
        var time = Json.instant(line, "time");
        String path = Json.text(line, "path");
        LabelSource source = source(Json.text(line, "source"));
        return switch (op) {
            case "label" -> LabelEvent.label(path, Json.integer(line, "class"), source, time);
            case "unlabel" -> LabelEvent.unlabel(path, source, time);
            default -> throw new IllegalArgumentException("\"op\" must be \"label\" or \"unlabel\", found \"" + op + "\"");
        };
    }

    private static LabelSource source(String text) {
        return switch (text) {
            case "human" -> LabelSource.HUMAN;
            case "model" -> LabelSource.MODEL;
            default -> throw new IllegalArgumentException("\"source\" must be \"human\" or \"model\", found \"" + text + "\"");
        };
    }
}
