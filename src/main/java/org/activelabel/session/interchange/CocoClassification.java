package org.activelabel.session.interchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activelabel.session.LabelExport;
import org.activelabel.session.LabelSource;
import org.activelabel.session.SessionException;

/**
 * COCO's layout for image classification: {@code categories} (id, name), {@code images} (id, file_name relative to
 * the image folder) and one {@code annotations} entry (image_id, category_id) per labelled image, no boxes. A
 * model's prediction, when asked for, is an annotation with a {@code score}, as in COCO results; it is not
 * imported as a label.
 */
final class CocoClassification {

    private CocoClassification() {
    }

    static LabelFiles.Written write(Path out, List<LabelExport.Row> rows, List<String> classes) throws IOException {
        ObjectNode root = LabelFiles.JSON.createObjectNode();
        root.putObject("info").put("description", "image classification labels exported by ActiveLabel");
        ArrayNode categories = root.putArray("categories");
        Map<String, Integer> categoryIds = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            categories.addObject().put("id", i + 1).put("name", classes.get(i)).put("supercategory", "");
            categoryIds.put(classes.get(i), i + 1);
        }
        ArrayNode images = root.putArray("images");
        ArrayNode annotations = root.putArray("annotations");
        int id = 0;
        for (var row : rows) {
            id++;
            images.addObject().put("id", id).put("file_name", row.path());
            ObjectNode annotation = annotations.addObject().put("id", id).put("image_id", id)
                    .put("category_id", categoryIds.get(row.label()));
            if (row.source() == LabelSource.MODEL) {
                annotation.put("score", Float.isNaN(row.confidence()) ? 0 : LabelFiles.rounded(row.confidence()));
            }
        }
        LabelFiles.writeFile(out, LabelFiles.PRETTY.writeValueAsString(root) + "\n");
        return new LabelFiles.Written(rows.size(), List.of());
    }

    static void read(Path file, Path imageRoot, ReadLabels labels) {
        JsonNode root = LabelFiles.readJson(file, "a COCO JSON file");
        if (!root.isObject() || !root.path("images").isArray() || !root.path("annotations").isArray()
                || !root.path("categories").isArray()) {
            throw new SessionException(file + ": not a COCO JSON file: expected an object with \"images\","
                    + " \"categories\" and \"annotations\" arrays");
        }
        Map<Long, String> categories = new HashMap<>();
        for (JsonNode category : root.get("categories")) {
            String name = LabelFiles.text(category, "name");
            if (category.path("id").canConvertToLong() && name != null) {
                categories.put(category.get("id").asLong(), name);
            }
        }
        Map<Long, String> images = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode image : root.get("images")) {
            index++;
            String name = LabelFiles.text(image, "file_name");
            if (!image.path("id").canConvertToLong() || name == null) {
                labels.problem(0, "image " + index, null, "needs a numeric \"id\" and a \"file_name\"");
                continue;
            }
            images.put(image.get("id").asLong(), ImagePaths.relative(name, imageRoot));
        }
        index = 0;
        for (JsonNode annotation : root.get("annotations")) {
            index++;
            String where = "annotation " + index;
            if (annotation.has("score")) {
                continue; // a model's prediction, not a label
            }
            String path = images.get(annotation.path("image_id").asLong(Long.MIN_VALUE));
            if (path == null) {
                labels.problem(0, where, null, "no image with id " + annotation.path("image_id"));
                continue;
            }
            String category = categories.get(annotation.path("category_id").asLong(Long.MIN_VALUE));
            if (category == null) {
                labels.problem(0, where, path, "no category with id " + annotation.path("category_id"));
                continue;
            }
            labels.add(0, where, path, category);
        }
    }
}
