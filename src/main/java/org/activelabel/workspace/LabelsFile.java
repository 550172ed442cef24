package org.activelabel.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.activelabel.session.LabelExport;
import org.activelabel.session.LabelSource;
import org.activelabel.session.OutputPaths;
import org.activelabel.session.interchange.LabelFiles;
import org.activelabel.session.interchange.LabelFormat;

/**
 * The one-file label exports the window offers, each as the {@code export} command writes it by default: your
 * labels, and but for COCO the current model's guesses for the other images, marked as the model's.
 */
public enum LabelsFile {
    CSV("CSV (path, label, source, confidence)", ".csv", true),
    JSONL("JSON Lines (path, label, source, confidence)", ".jsonl", true),
    LABEL_STUDIO("Label Studio JSON tasks", ".json", true),
    COCO("COCO classification JSON (your labels only)", ".json", false);

    /** What was written: rows by their source, and the labelled images gone from the image folder (still written). */
    public record Written(Path file, long human, long model, List<String> gone, List<String> skipped) {
    }

    private final String title;
    private final String extension;
    private final boolean withModel;

    LabelsFile(String title, String extension, boolean withModel) {
        this.title = title;
        this.extension = extension;
        this.withModel = withModel;
    }

    public String title() {
        return title;
    }

    /** With the dot: ".csv". */
    public String extension() {
        return extension;
    }

    /**
     * {@code chosen} ending as this type does: a save dialog keeps the name it proposed when another type is picked,
     * and a name typed without an ending gets one; an ending of another kind is kept.
     */
    public Path named(Path chosen) {
        String name = chosen.getFileName().toString();
        for (var other : values()) {
            if (name.endsWith(other.extension)) {
                return other.extension.equals(extension) ? chosen
                        : chosen.resolveSibling(name.substring(0, name.length() - other.extension.length()) + extension);
            }
        }
        return name.contains(".") ? chosen : chosen.resolveSibling(name + extension);
    }

    /**
     * Writes {@code workspace}'s labels to {@code out}, replacing it atomically. Blocking.
     *
     * @throws org.activelabel.session.SessionException when {@code out} is inside the session or the image folder
     */
    public Written write(Workspace workspace, Path out) throws IOException {
        OutputPaths.requireOutside(out, "The file", workspace.sessionDir(), workspace.imageRoot());
        List<LabelExport.Row> rows = LabelRows.of(workspace, withModel);
        List<String> skipped = writeRows(out, rows, workspace.imageRoot(), workspace.classes());
        long human = rows.stream().filter(r -> r.source() == LabelSource.HUMAN).count();
        return new Written(out, human, rows.size() - human, LabelRows.gone(workspace), skipped);
    }

    /**
     * Writes {@code rows} in this format to {@code out}, replacing it atomically; the {@code export} command's
     * writer for the same four formats. Blocking.
     *
     * @return the rows left out, each with its reason (COCO and Label Studio need the image's path in the folder)
     */
    public List<String> writeRows(Path out, List<LabelExport.Row> rows, Path imageRoot, List<String> classes)
            throws IOException {
        return switch (this) {
            case CSV -> {
                LabelExport.writeCsv(out, rows);
                yield List.of();
            }
            case JSONL -> {
                LabelExport.writeJsonl(out, rows);
                yield List.of();
            }
            case LABEL_STUDIO -> LabelFiles.write(LabelFormat.LABEL_STUDIO, out, rows, imageRoot, classes).skipped();
            case COCO -> LabelFiles.write(LabelFormat.COCO, out, rows, imageRoot, classes).skipped();
        };
    }
}
