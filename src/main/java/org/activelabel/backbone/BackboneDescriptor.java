package org.activelabel.backbone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How to run an ONNX feature extractor, read from a JSON file beside the model.
 *
 * @param id         stable id of weights + feature layer + input size; feature caches are keyed by it
 * @param modelFile  the .onnx file, relative to the descriptor's folder
 * @param inputName  name of the graph input
 * @param width      input width in pixels
 * @param height     input height in pixels
 * @param layout     input tensor layout; a pool=avg output is read in the same layout
 * @param scale      first step of normalisation: x' = (pixel * scale - mean[c]) / std[c], pixel in 0..255
 * @param mean       per channel R, G, B
 * @param std        per channel R, G, B, non-zero
 * @param outputName name of the graph output holding the features
 * @param pool       NONE: the output is already [N, featureDim]; AVG: the output is a feature map to average over space
 * @param featureDim length of each feature vector
 * @param description what a person choosing a backbone reads: the network, the layers used, the speed ("" if none)
 */
public record BackboneDescriptor(String id, String modelFile, String inputName, int width, int height,
                                 Layout layout, float scale, float[] mean, float[] std, String outputName,
                                 Pool pool, int featureDim, String description) {

    public enum Layout { NCHW, NHWC }

    public enum Pool { AVG, NONE }

    private static final Set<String> FIELDS = Set.of("id", "modelFile", "inputName", "width", "height", "layout",
            "scale", "mean", "std", "outputName", "pool", "featureDim", "description");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Throws IllegalArgumentException naming the offending field. */
    public BackboneDescriptor {
        requireText("id", id);
        requireText("modelFile", modelFile);
        requireText("inputName", inputName);
        requireText("outputName", outputName);
        requirePositive("width", width);
        requirePositive("height", height);
        requirePositive("featureDim", featureDim);
        if (layout == null) {
            throw new IllegalArgumentException("field 'layout' is missing");
        }
        if (pool == null) {
            throw new IllegalArgumentException("field 'pool' is missing");
        }
        if (!(scale > 0) || Float.isInfinite(scale)) {
            throw new IllegalArgumentException("field 'scale' must be a positive number, got " + scale);
        }
        description = description == null ? "" : description.strip();
        mean = requireRgb("mean", mean);
        std = requireRgb("std", std);
        for (float s : std) {
            if (s == 0) {
                throw new IllegalArgumentException("field 'std' must not contain 0");
            }
        }
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** The model file resolved against the folder of {@code descriptorFile}. */
    public Path modelPath(Path descriptorFile) {
        var folder = descriptorFile.toAbsolutePath().getParent();
        return folder.resolve(modelFile).normalize();
    }

    /** Reads and validates a descriptor; every problem is reported with the file and the field. */
    public static BackboneDescriptor read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new BackboneException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BackboneException(file + ": cannot read backbone descriptor: " + e.getMessage(), e);
        }
        try {
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("must be a JSON object");
            }
            var names = root.fieldNames();
            while (names.hasNext()) {
                var name = names.next();
                if (!FIELDS.contains(name)) {
                    throw new IllegalArgumentException("unknown field '" + name + "' (known: " + String.join(", ",
                            FIELDS.stream().sorted().toList()) + ")");
                }
            }
            return new BackboneDescriptor(text(root, "id"), text(root, "modelFile"), text(root, "inputName"),
                    integer(root, "width"), integer(root, "height"),
                    choice(root, "layout", Layout.class), (float) number(root, "scale"),
                    rgb(root, "mean"), rgb(root, "std"), text(root, "outputName"),
                    choice(root, "pool", Pool.class), integer(root, "featureDim"),
                    root.hasNonNull("description") ? text(root, "description") : "");
        } catch (IllegalArgumentException e) {
            throw new BackboneException(file + ": invalid backbone descriptor: " + e.getMessage(), e);
        }
    }

    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id).put("modelFile", modelFile).put("inputName", inputName)
                .put("width", width).put("height", height).put("layout", layout.name())
                .put("scale", scale);
        var meanNode = root.putArray("mean");
        var stdNode = root.putArray("std");
        for (int c = 0; c < 3; c++) {
            meanNode.add(mean[c]);
            stdNode.add(std[c]);
        }
        root.put("outputName", outputName).put("pool", pool.name().toLowerCase(Locale.ROOT)).put("featureDim", featureDim);
        if (!description.isEmpty()) {
            root.put("description", description);
        }
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BackboneDescriptor d && id.equals(d.id) && modelFile.equals(d.modelFile)
                && inputName.equals(d.inputName) && width == d.width && height == d.height && layout == d.layout
                && Float.compare(scale, d.scale) == 0 && Arrays.equals(mean, d.mean) && Arrays.equals(std, d.std)
                && outputName.equals(d.outputName) && pool == d.pool && featureDim == d.featureDim
                && description.equals(d.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, modelFile, inputName, width, height, layout, scale, Arrays.hashCode(mean),
                Arrays.hashCode(std), outputName, pool, featureDim, description);
    }

    @Override
    public String toString() {
        return "BackboneDescriptor[id=" + id + ", modelFile=" + modelFile + ", input=" + inputName + " " + width + "x"
                + height + " " + layout + ", scale=" + scale + ", mean=" + Arrays.toString(mean) + ", std="
                + Arrays.toString(std) + ", output=" + outputName + ", pool=" + pool + ", featureDim=" + featureDim + "]";
    }

    private static JsonNode field(JsonNode root, String name) {
        var node = root.get(name);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return node;
    }

    private static String text(JsonNode root, String name) {
        var node = field(root, name);
        if (!node.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be a string, got " + node);
        }
        return node.asText();
    }

    private static int integer(JsonNode root, String name) {
        var node = field(root, name);
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + name + "' must be an integer, got " + node);
        }
        return node.asInt();
    }

    private static double number(JsonNode root, String name) {
        var node = field(root, name);
        if (!node.isNumber()) {
            throw new IllegalArgumentException("field '" + name + "' must be a number, got " + node);
        }
        return node.asDouble();
    }

    private static float[] rgb(JsonNode root, String name) {
        var node = field(root, name);
        if (!node.isArray() || node.size() != 3) {
            throw new IllegalArgumentException("field '" + name + "' must be an array of 3 numbers (R, G, B), got " + node);
        }
        var values = new float[3];
        for (int c = 0; c < 3; c++) {
            if (!node.get(c).isNumber()) {
                throw new IllegalArgumentException("field '" + name + "' must be an array of 3 numbers (R, G, B), got " + node);
            }
            values[c] = (float) node.get(c).asDouble();
        }
        return values;
    }

    private static <E extends Enum<E>> E choice(JsonNode root, String name, Class<E> type) {
        var value = text(root, name);
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("field '" + name + "' must be one of " + Arrays.toString(type.getEnumConstants())
                + ", got \"" + value + "\"");
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("field '" + name + "' must not be empty");
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("field '" + name + "' must be positive, got " + value);
        }
    }

    private static float[] requireRgb(String name, float[] values) {
        if (values == null || values.length != 3) {
            throw new IllegalArgumentException("field '" + name + "' must hold 3 values (R, G, B)");
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("field '" + name + "' must hold finite numbers");
            }
        }
        return values.clone();
    }
}
