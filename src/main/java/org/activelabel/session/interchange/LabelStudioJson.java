package org.activelabel.session.interchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.activelabel.session.LabelExport;
import org.activelabel.session.LabelSource;
import org.activelabel.session.SessionException;

/**
 * Label Studio's JSON export for image classification: an array of tasks, {@code data.image} the image's URL,
 * each human label an annotation whose result holds one {@code choices} value; a model's prediction goes in
 * {@code predictions} with its score. Images are addressed as a local-files storage whose document root is the
 * image folder ({@value ImagePaths#LABEL_STUDIO_LOCAL_FILES}path), to be labelled with a Choices control named
 * "label" on an Image named "image" (the README has the config).
 */
final class LabelStudioJson {

    static final String FROM_NAME = "label";
    static final String TO_NAME = "image";

    private LabelStudioJson() {
    }

    static LabelFiles.Written write(Path out, List<LabelExport.Row> rows) throws IOException {
        ArrayNode tasks = LabelFiles.JSON.createArrayNode();
        int id = 0;
        for (var row : rows) {
            id++;
            ObjectNode task = tasks.addObject().put("id", id);
            task.putObject("data").put("image", ImagePaths.labelStudioUrl(row.path()));
            ArrayNode annotations = task.putArray("annotations");
            ArrayNode predictions = task.putArray("predictions");
            if (row.source() == LabelSource.MODEL) {
                ObjectNode prediction = predictions.addObject().put("model_version", "activelabel");
                if (!Float.isNaN(row.confidence())) {
                    prediction.put("score", LabelFiles.rounded(row.confidence()));
                }
                prediction.putArray("result").add(choice(id, row.label()));
            } else {
                ObjectNode annotation = annotations.addObject().put("id", id).put("was_cancelled", false);
                annotation.putArray("result").add(choice(id, row.label()));
            }
        }
        LabelFiles.writeFile(out, LabelFiles.PRETTY.writeValueAsString(tasks) + "\n");
        return new LabelFiles.Written(rows.size(), List.of());
    }

    private static ObjectNode choice(int id, String label) {
        ObjectNode result = LabelFiles.JSON.createObjectNode().put("id", "r" + id).put("from_name", FROM_NAME)
                .put("to_name", TO_NAME).put("type", "choices").put("origin", "manual");
        result.putObject("value").putArray("choices").add(label);
        return result;
    }

    static void read(Path file, Path imageRoot, ReadLabels labels) {
        JsonNode root = LabelFiles.readJson(file, "a Label Studio JSON export");
        if (!root.isArray()) {
            throw new SessionException(file + ": not a Label Studio JSON export: expected an array of tasks"
                    + " (export with the JSON format, not JSON-MIN or CSV)");
        }
        for (int i = 0; i < root.size(); i++) {
            String where = "task " + (i + 1);
            JsonNode task = root.get(i);
            String image = reference(task);
            if (image == null) {
                labels.problem(0, where, null, "no data.image (the image's URL)");
                continue;
            }
            String path = ImagePaths.fromReference(image, imageRoot);
            JsonNode annotation = lastAnnotation(task);
            if (annotation == null) {
                continue; // not labelled in Label Studio; predictions are a model's, not labels
            }
            List<String> choices = new ArrayList<>();
            for (JsonNode result : annotation.path("result")) {
                if ("choices".equals(LabelFiles.text(result, "type"))) {
                    result.path("value").path("choices").forEach(c -> choices.add(c.asText()));
                }
            }
            if (choices.isEmpty()) {
                labels.problem(0, where, path, "the annotation has no choice");
            } else if (choices.size() > 1) {
                labels.problem(0, where, path, "more than one choice " + choices + "; a session gives an image one class");
            } else {
                labels.add(0, where, path, choices.get(0));
            }
        }
    }

    /** {@code data.image}, or the only text field of {@code data} when the image field has another name. */
    private static String reference(JsonNode task) {
        JsonNode data = task.path("data");
        String image = LabelFiles.text(data, "image");
        if (image != null || !data.isObject()) {
            return image;
        }
        List<String> texts = new ArrayList<>();
        data.fields().forEachRemaining(f -> {
            if (f.getValue().isTextual()) {
                texts.add(f.getValue().asText());
            }
        });
        return texts.size() == 1 ? texts.get(0) : null;
    }

    /** The most recent annotation that was not cancelled. */
    private static JsonNode lastAnnotation(JsonNode task) {
        JsonNode last = null;
        for (JsonNode annotation : task.path("annotations")) {
            if (!annotation.path("was_cancelled").asBoolean(false)) {
                last = annotation;
            }
        }
        return last;
    }
}
