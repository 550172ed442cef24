package org.activelabel.backbone.convert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A hand-made TF.js layers model for converter tests: layers given as JSON configs, float32 weights in one shard. */
final class TinyTfjsModel {

    private final List<String> layers = new ArrayList<>();
    private final List<String> weightSpecs = new ArrayList<>();
    private final ByteArrayOutputStream weights = new ByteArrayOutputStream();

    /** The model's NHWC input layer. */
    TinyTfjsModel input(String name, int height, int width, int channels) {
        layers.add(String.format("{\"name\": \"%s\", \"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\":"
                + " [null, %d, %d, %d]}, \"inbound_nodes\": []}", name, height, width, channels));
        return this;
    }

    /** A layer of {@code className} with {@code config} (a JSON object) reading the layers {@code inbound}. */
    TinyTfjsModel layer(String name, String className, String config, String... inbound) {
        var calls = Arrays.stream(inbound).map(in -> "[\"" + in + "\", 0, 0, {}]").collect(Collectors.joining(", "));
        layers.add(String.format("{\"name\": \"%s\", \"class_name\": \"%s\", \"config\": %s, \"inbound_nodes\": [[%s]]}",
                name, className, config, calls));
        return this;
    }

    TinyTfjsModel weight(String name, int[] shape, float[] values) {
        var bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        weights.writeBytes(bytes.array());
        weightSpecs.add(String.format("{\"name\": \"%s\", \"shape\": %s, \"dtype\": \"float32\"}", name, Arrays.toString(shape)));
        return this;
    }

    /** Writes model.json and weights.bin into {@code folder}; returns the model.json path. */
    Path write(Path folder) throws IOException {
        Files.write(folder.resolve("weights.bin"), weights.toByteArray());
        var json = "{\"format\": \"layers-model\", \"modelTopology\": {\"model_config\": {\"class_name\": \"Model\","
                + " \"config\": {\"name\": \"tiny\", \"layers\": [" + String.join(",\n", layers) + "]}}},"
                + " \"weightsManifest\": [{\"paths\": [\"weights.bin\"], \"weights\": [" + String.join(", ", weightSpecs) + "]}]}";
        return Files.writeString(folder.resolve("model.json"), json);
    }
}
