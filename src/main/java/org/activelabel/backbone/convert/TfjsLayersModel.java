package org.activelabel.backbone.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A TF.js layers model read from model.json and its weight shards, with the weights dequantised to float32. */
final class TfjsLayersModel {

    /** One Keras layer: its class, its config, and the layers feeding it (first call only). */
    record Layer(String name, String className, JsonNode config, List<String> inbound) {}

    /** A float32 weight tensor in Keras layout. */
    record Weight(int[] shape, float[] values) {}

    private final Path source;
    private final List<Layer> layers;
    private final Map<String, Weight> weights;

    private TfjsLayersModel(Path source, List<Layer> layers, Map<String, Weight> weights) {
        this.source = source;
        this.layers = layers;
        this.weights = weights;
    }

    static TfjsLayersModel read(Path modelJson) throws IOException {
        var root = new ObjectMapper().readTree(modelJson.toFile());
        var topology = root.path("modelTopology");
        var modelConfig = topology.has("model_config") ? topology.get("model_config") : topology;
        var layerNodes = modelConfig.path("config").path("layers");
        if (!layerNodes.isArray() || layerNodes.isEmpty()) {
            throw new IOException(modelJson + ": no modelTopology.model_config.config.layers array");
        }
        var layers = new ArrayList<Layer>();
        for (var node : layerNodes) {
            var inbound = new ArrayList<String>();
            var calls = node.path("inbound_nodes");
            if (calls.size() > 1) {
                throw new IOException(modelJson + ": layer " + node.path("name").asText() + " is shared; not supported");
            }
            if (calls.size() == 1) {
                calls.get(0).forEach(in -> inbound.add(in.get(0).asText()));
            }
            layers.add(new Layer(node.path("name").asText(), node.path("class_name").asText(), node.path("config"),
                    List.copyOf(inbound)));
        }
        return new TfjsLayersModel(modelJson, List.copyOf(layers), readWeights(modelJson, root.path("weightsManifest")));
    }

    private static Map<String, Weight> readWeights(Path modelJson, JsonNode manifest) throws IOException {
        var weights = new HashMap<String, Weight>();
        for (var group : manifest) {
            var data = new ByteArrayOutputStream();
            for (var shardPath : group.path("paths")) {
                data.writeBytes(Files.readAllBytes(modelJson.resolveSibling(shardPath.asText())));
            }
            var bytes = ByteBuffer.wrap(data.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (var spec : group.path("weights")) {
                var name = spec.path("name").asText();
                var shape = new int[spec.path("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = spec.path("shape").get(i).asInt();
                }
                int count = 1;
                for (int d : shape) {
                    count *= d;
                }
                if (!"float32".equals(spec.path("dtype").asText())) {
                    throw new IOException(modelJson + ": weight " + name + " has dtype " + spec.path("dtype") + ", only float32 is supported");
                }
                weights.put(name, new Weight(shape, decode(modelJson, name, spec.path("quantization"), bytes, count)));
            }
            if (bytes.hasRemaining()) {
                throw new IOException(modelJson + ": weight shards hold " + bytes.remaining() + " bytes more than the manifest describes");
            }
        }
        return weights;
    }

    /** Quantised values map back as q * scale + min (computed in double, stored as float32, as TF.js does). */
    private static float[] decode(Path modelJson, String name, JsonNode quantization, ByteBuffer bytes, int count) throws IOException {
        var values = new float[count];
        if (quantization.isMissingNode()) {
            bytes.asFloatBuffer().get(values);
            bytes.position(bytes.position() + count * Float.BYTES);
            return values;
        }
        double scale = quantization.path("scale").asDouble();
        double min = quantization.path("min").asDouble();
        switch (quantization.path("dtype").asText()) {
            case "uint8" -> {
                for (int i = 0; i < count; i++) {
                    values[i] = (float) ((bytes.get() & 0xFF) * scale + min);
                }
            }
            case "uint16" -> {
                for (int i = 0; i < count; i++) {
                    values[i] = (float) ((bytes.getShort() & 0xFFFF) * scale + min);
                }
            }
            default -> throw new IOException(modelJson + ": weight " + name + " uses quantisation "
                    + quantization.path("dtype").asText() + "; only uint8 and uint16 are supported");
        }
        return values;
    }

    Path source() {
        return source;
    }

    List<Layer> layers() {
        return layers;
    }

    Optional<Weight> weight(String name) {
        return Optional.ofNullable(weights.get(name));
    }

    Weight requireWeight(String name) {
        return weight(name).orElseThrow(() -> new IllegalArgumentException(source + ": missing weight " + name));
    }
}
