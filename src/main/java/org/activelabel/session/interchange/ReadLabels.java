package org.activelabel.session.interchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.activelabel.session.LabelImport;

/**
 * Labels a reader found in a file, before the session checks them: an image named twice with the same label is a
 * duplicate (reported, kept once), with two labels a conflict (reported, neither kept), as in a CSV import.
 */
final class ReadLabels {

    private record Entry(int line, String where, String path, String label) {}

    private final Map<String, Entry> rows = new LinkedHashMap<>();
    private final Map<String, String> conflicting = new HashMap<>();
    private final List<LabelImport.Problem> problems = new ArrayList<>();
    private final java.util.Set<String> sessionPaths;

    /** @param sessionPaths the session's images, to find one a longer path ends with; empty: paths as they are */
    ReadLabels(java.util.Set<String> sessionPaths) {
        this.sessionPaths = sessionPaths;
    }

    /**
     * The session's image that {@code path} names: itself, or else the image its tail names once leading folders
     * are dropped (another tool's document root or URL around it: "/data/photos/cats/tom.jpg" is "cats/tom.jpg").
     */
    String resolve(String path) {
        if (sessionPaths.isEmpty() || sessionPaths.contains(path)) {
            return path;
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            String tail = path.substring(slash + 1);
            if (sessionPaths.contains(tail)) {
                return tail;
            }
        }
        return path;
    }

    /** {@code line}: the file's line number where it has lines, else 0; {@code where} names the entry, e.g. "task 3". */
    void add(int line, String where, String reference, String label) {
        String path = resolve(reference);
        if (conflicting.containsKey(path)) {
            problem(line, where, path, "conflicting labels for the same image (see " + conflicting.get(path) + ")");
            return;
        }
        Entry earlier = rows.get(path);
        if (earlier == null) {
            rows.put(path, new Entry(line, where, path, label));
        } else if (key(earlier.label).equals(key(label))) {
            problem(line, where, path, "duplicate (same as " + earlier.where + ")");
        } else {
            rows.remove(path);
            conflicting.put(path, earlier.where);
            problem(earlier.line, earlier.where, path, "conflicting labels: \"" + earlier.label + "\" here, \"" + label
                    + "\" in " + where + "; neither is imported");
            problem(line, where, path, "conflicting labels (see " + earlier.where + ")");
        }
    }

    void problem(int line, String where, String path, String reason) {
        problems.add(new LabelImport.Problem(line, path, line > 0 || where == null ? reason : where + ": " + reason));
    }

    /** The labels checked against the session: unknown classes, images it does not have, and so on are reported. */
    LabelImport.Result result(LabelImport importer) {
        var checked = rows.values().stream().map(e -> new LabelImport.Row(e.line, e.path, e.label)).toList();
        var result = importer.fromRows(checked, problems);
        // the session's checks know a path, not the entry of a file without lines: name it
        var located = result.problems().stream().map(p -> {
            Entry entry = p.line() == 0 && p.path() != null ? rows.get(p.path()) : null;
            return entry == null || entry.line > 0 ? p
                    : new LabelImport.Problem(0, p.path(), entry.where + ": " + p.reason());
        }).toList();
        return new LabelImport.Result(result.events(), located, result.unchanged(), result.modelRows());
    }

    private static String key(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }
}
