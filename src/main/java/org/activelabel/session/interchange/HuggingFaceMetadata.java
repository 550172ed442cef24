package org.activelabel.session.interchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.activelabel.session.LabelExport;
import org.activelabel.session.LabelSource;

/**
 * Hugging Face datasets' imagefolder metadata: {@code metadata.jsonl}, one {@code {"file_name", "label"}} object
 * a line, {@code file_name} relative to the file's folder. Written inside the image folder it makes that folder a
 * dataset ({@code load_dataset("imagefolder", data_dir=...)}); written elsewhere, its names are relative to the
 * image folder. A model's prediction, when asked for, carries {@code "source": "model"} and a confidence.
 */
final class HuggingFaceMetadata {

    private HuggingFaceMetadata() {
    }

    static LabelFiles.Written write(Path out, List<LabelExport.Row> rows, Path imageRoot) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent); // so a new folder inside the image folder is seen as such
        }
        String prefix = folderPrefix(out, imageRoot);
        var text = new StringBuilder();
        List<String> skipped = new ArrayList<>();
        int written = 0;
        for (var row : rows) {
            if (!row.path().startsWith(prefix)) {
                skipped.add(row.path() + ": outside the folder of " + out + ", which imagefolder cannot name");
                continue;
            }
            ObjectNode line = LabelFiles.JSON.createObjectNode()
                    .put("file_name", row.path().substring(prefix.length()))
                    .put("label", row.label());
            if (row.source() == LabelSource.MODEL) {
                line.put("source", "model");
                if (!Float.isNaN(row.confidence())) {
                    line.put("confidence", LabelFiles.rounded(row.confidence()));
                }
            }
            text.append(LabelFiles.JSON.writeValueAsString(line)).append('\n');
            written++;
        }
        LabelFiles.writeFile(out, text.toString());
        return new LabelFiles.Written(written, skipped);
    }

    static void read(Path file, Path imageRoot, ReadLabels labels) {
        String prefix = folderPrefix(file, imageRoot);
        String[] lines = LabelFiles.readText(file).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String text = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = LabelFiles.JSON.readTree(text);
            } catch (JsonProcessingException e) {
                labels.problem(line, null, null, "not a JSON object");
                continue;
            }
            if (node == null || !node.isObject()) {
                labels.problem(line, null, null, "not a JSON object");
                continue;
            }
            if ("model".equals(LabelFiles.text(node, "source"))) {
                continue; // a model's prediction, not a label
            }
            String name = LabelFiles.text(node, "file_name");
            if (name == null) {
                labels.problem(line, null, null, "no \"file_name\" text field");
                continue;
            }
            String path = name.startsWith("/") ? ImagePaths.relative(name, imageRoot) : prefix + ImagePaths.relative(name, imageRoot);
            JsonNode label = node.get("label");
            if (label == null || label.isNull()) {
                labels.problem(line, null, path, "no \"label\"");
            } else if (!label.isTextual()) {
                labels.problem(line, null, path, "\"label\" is " + label + ", not a class name");
            } else {
                labels.add(line, "line " + line, path, label.asText());
            }
        }
    }

    /** The folder of {@code file} relative to the image root, with a trailing '/'; "" when it is not inside it. */
    private static String folderPrefix(Path file, Path imageRoot) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        Path root;
        try {
            root = imageRoot.toRealPath();
            folder = folder.toRealPath();
        } catch (IOException e) {
            return "";
        }
        if (!folder.startsWith(root) || folder.equals(root)) {
            return "";
        }
        return root.relativize(folder).toString().replace(root.getFileSystem().getSeparator(), "/") + "/";
    }
}
