package org.activelabel.backbone.convert;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activelabel.backbone.BackboneDescriptor;
import org.activelabel.backbone.convert.OnnxGraph.Dim;
import org.activelabel.backbone.convert.TfjsLayersModel.Layer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a Keras-style TF.js layers model (convolutions, depthwise convolutions, batch norm,
 * ReLU/ReLU6, zero padding, add, max and average pooling, channel concatenation) into an ONNX graph
 * cut at the requested layers. Batch norm is
 * folded into the convolution before it; the graph takes NCHW float input with batch, height and
 * width left dynamic, and each requested layer becomes one output per requested pooling (its channel means,
 * [N, C]; or means then maxima, [N, 2C]), or its raw map.
 */
public final class TfjsToOnnx {

    private static final Logger LOG = LoggerFactory.getLogger(TfjsToOnnx.class);

    public static final String INPUT_NAME = "input";

    static final String USAGE = """
            usage: TfjsToOnnx <model.json> <out.onnx> --outputs <layer>[,<layer>...] [--raw | --pool avg|avgmax[,...]]
                              [--descriptor <out.json> --id <backbone id> [--size <px>] [--scale <s>] [--mean r,g,b] [--std r,g,b] [--description <text>]]
              --raw         output the layers' feature maps [N,C,h,w] instead of pooled vectors
              --pool        per layer one output per pooling: avg, channel means [N,C] (the default); avgmax, means then maxima [N,2C]
              --descriptor  also write a backbone descriptor for the first output (pool none, or avg with --raw)
              --size        input width and height the descriptor asks for (default: the model's own input size)
              --scale/--mean/--std  input normalisation x' = (pixel*scale - mean)/std; default 1/255, 0, 1""";

    /**
     * A converted model: the ONNX bytes, its outputs in the order asked for (layer by layer, pooling by pooling), and
     * the input size the source model was built for (the ONNX graph accepts any size).
     */
    public record Converted(byte[] onnx, List<Output> outputs, int inputHeight, int inputWidth) {}

    /** One graph output: the layer it comes from, its tensor name, and its floats per image (channels, for a raw map). */
    public record Output(String layer, String name, int dim) {}

    private final TfjsLayersModel model;
    private final OnnxGraph graph = new OnnxGraph("backbone");
    private final Map<String, Layer> byName = new HashMap<>();
    private final Map<String, List<Layer>> consumers = new HashMap<>();
    private final Map<String, String> tensorOf = new HashMap<>();
    private final Map<String, Integer> channelsOf = new HashMap<>();
    private final Map<String, long[]> padsOf = new HashMap<>();
    private final Set<String> foldedBatchNorms = new HashSet<>();
    private final Set<String> constants = new HashSet<>();
    private final Set<String> requested;
    private int inputHeight;
    private int inputWidth;

    private TfjsToOnnx(TfjsLayersModel model, List<String> outputLayers) {
        this.model = model;
        this.requested = Set.copyOf(outputLayers);
    }

    /** Each requested layer as one output per pooling, or as its raw map if {@code poolings} is empty. */
    public static Converted convert(Path modelJson, List<String> outputLayers, List<Pooling> poolings) throws IOException {
        if (outputLayers.isEmpty()) {
            throw new IllegalArgumentException("no output layer requested");
        }
        return new TfjsToOnnx(TfjsLayersModel.read(modelJson), outputLayers).build(outputLayers, poolings);
    }

    private Converted build(List<String> outputLayers, List<Pooling> poolings) {
        model.layers().forEach(l -> byName.put(l.name(), l));
        var needed = new HashSet<String>();
        for (var name : outputLayers) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException(model.source() + ": no layer named " + name);
            }
            collectAncestors(name, needed);
        }
        for (var layer : model.layers()) {
            if (needed.contains(layer.name())) {
                layer.inbound().forEach(in -> consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(layer));
            }
        }
        for (var layer : model.layers()) {
            if (needed.contains(layer.name()) && !foldedBatchNorms.contains(layer.name())) {
                emit(layer);
            }
        }
        var outputs = new ArrayList<Output>();
        for (var name : outputLayers) {
            if (!tensorOf.containsKey(name) || padsOf.containsKey(name)) {
                throw new IllegalArgumentException(model.source() + ": layer " + name + " cannot be an output");
            }
            int channels = channelsOf.get(name);
            var map = tensorOf.get(name);
            if (poolings.isEmpty()) {
                graph.output(map, Dim.named("N"), Dim.fixed(channels), Dim.named("h_" + name), Dim.named("w_" + name));
                outputs.add(new Output(name, map, channels));
            }
            for (var pooling : poolings) {
                var out = pooling.outputName(name);
                int length = channels;
                if (pooling == Pooling.AVG) {
                    graph.node("ReduceMean", List.of(map), List.of(out),
                            OnnxAttribute.of("axes", 2, 3), OnnxAttribute.of("keepdims", 0));
                } else {
                    graph.node("ReduceMean", List.of(map), List.of(out + "_mean"),
                            OnnxAttribute.of("axes", 2, 3), OnnxAttribute.of("keepdims", 0));
                    graph.node("ReduceMax", List.of(map), List.of(out + "_max"),
                            OnnxAttribute.of("axes", 2, 3), OnnxAttribute.of("keepdims", 0));
                    graph.node("Concat", List.of(out + "_mean", out + "_max"), List.of(out), OnnxAttribute.of("axis", 1));
                    length = 2 * channels;
                }
                graph.output(out, Dim.named("N"), Dim.fixed(length));
                outputs.add(new Output(name, out, length));
            }
        }
        var metadata = new LinkedHashMap<String, String>();
        metadata.put("source", model.source().getFileName().toString());
        metadata.put("outputs", String.join(",", outputLayers));
        metadata.put("batch_norm", "folded into the preceding convolution");
        return new Converted(graph.toModelBytes("activelabel TfjsToOnnx", metadata), outputs, inputHeight, inputWidth);
    }

    private void collectAncestors(String name, Set<String> into) {
        if (into.add(name)) {
            byName.get(name).inbound().forEach(in -> {
                if (!byName.containsKey(in)) {
                    throw new IllegalArgumentException(model.source() + ": layer " + name + " reads unknown layer " + in);
                }
                collectAncestors(in, into);
            });
        }
    }

    private void emit(Layer layer) {
        switch (layer.className()) {
            case "InputLayer" -> input(layer);
            case "ZeroPadding2D" -> zeroPadding(layer);
            case "Conv2D", "DepthwiseConv2D" -> convolution(layer);
            case "ReLU" -> relu(layer);
            case "Add" -> add(layer);
            case "Activation" -> activation(layer);
            case "MaxPooling2D", "AveragePooling2D" -> pooling(layer);
            case "Concatenate" -> concatenate(layer);
            case "BatchNormalization" -> throw unsupported(layer, "batch normalisation is only supported right after a convolution");
            default -> throw unsupported(layer, "layer class " + layer.className() + " is not supported");
        }
    }

    private void input(Layer layer) {
        var shape = layer.config().path("batch_input_shape");
        if (shape.size() != 4) {
            throw unsupported(layer, "input must be [batch, height, width, channels]");
        }
        int channels = shape.get(3).asInt();
        inputHeight = shape.get(1).asInt();
        inputWidth = shape.get(2).asInt();
        graph.input(INPUT_NAME, Dim.named("N"), Dim.fixed(channels), Dim.named("H"), Dim.named("W"));
        tensorOf.put(layer.name(), INPUT_NAME);
        channelsOf.put(layer.name(), channels);
    }

    /** Keras pads explicitly before 'valid' stride-2 convolutions; the pads go into that convolution. */
    private void zeroPadding(Layer layer) {
        requireChannelsLast(layer);
        var padding = layer.config().path("padding");
        if (padding.size() != 2 || padding.get(0).size() != 2 || padding.get(1).size() != 2) {
            throw unsupported(layer, "padding must be ((top, bottom), (left, right))");
        }
        for (var consumer : consumers.getOrDefault(layer.name(), List.of())) {
            if (!consumer.className().endsWith("Conv2D") || !"valid".equals(consumer.config().path("padding").asText())) {
                throw unsupported(layer, "zero padding is only supported before a 'valid' convolution");
            }
        }
        var in = single(layer);
        padsOf.put(layer.name(), new long[] {
                padding.get(0).get(0).asLong(), padding.get(1).get(0).asLong(),
                padding.get(0).get(1).asLong(), padding.get(1).get(1).asLong()});
        tensorOf.put(layer.name(), tensorOf.get(in));
        channelsOf.put(layer.name(), channelsOf.get(in));
    }

    private void convolution(Layer layer) {
        requireChannelsLast(layer);
        var config = layer.config();
        boolean depthwise = layer.className().equals("DepthwiseConv2D");
        var in = single(layer);
        int inChannels = channelsOf.get(in);
        var kernel = model.requireWeight(layer.name() + (depthwise ? "/depthwise_kernel" : "/kernel"));
        int kh = kernel.shape()[0];
        int kw = kernel.shape()[1];
        int outChannels = depthwise ? inChannels * kernel.shape()[3] : kernel.shape()[3];
        if (kernel.shape()[2] != inChannels) {
            throw unsupported(layer, "kernel expects " + kernel.shape()[2] + " input channels but gets " + inChannels);
        }
        float[] weights = depthwise ? depthwiseToOnnx(kernel) : convToOnnx(kernel);
        float[] bias = config.path("use_bias").asBoolean(false)
                ? model.requireWeight(layer.name() + "/bias").values().clone()
                : new float[outChannels];

        var activation = config.path("activation").asText("linear");
        if (!activation.equals("linear") && !activation.equals("relu")) {
            throw unsupported(layer, "activation " + activation + " is not supported");
        }
        String out = layer.name();
        var next = consumers.getOrDefault(layer.name(), List.of());
        if (activation.equals("linear") && next.size() == 1 && next.get(0).className().equals("BatchNormalization")
                && !requested.contains(layer.name())) {
            var batchNorm = next.get(0);
            foldBatchNorm(batchNorm, weights, bias, outChannels);
            foldedBatchNorms.add(batchNorm.name());
            out = batchNorm.name();
            channelsOf.put(batchNorm.name(), outChannels);
            tensorOf.put(batchNorm.name(), out);
        }

        graph.initializer(out + "/W", new long[] {outChannels, depthwise ? 1 : inChannels, kh, kw}, weights);
        graph.initializer(out + "/B", new long[] {outChannels}, bias);
        var attributes = new ArrayList<OnnxAttribute>(List.of(
                OnnxAttribute.of("kernel_shape", kh, kw),
                OnnxAttribute.of("strides", pair(layer, "strides")),
                OnnxAttribute.of("dilations", pair(layer, "dilation_rate")),
                OnnxAttribute.of("group", depthwise ? inChannels : 1)));
        switch (config.path("padding").asText()) {
            // TF 'same' puts the odd pixel at the end, which is ONNX SAME_UPPER for any input size.
            case "same" -> attributes.add(OnnxAttribute.of("auto_pad", "SAME_UPPER"));
            case "valid" -> attributes.add(OnnxAttribute.of("pads", padsOf.getOrDefault(in, new long[4])));
            default -> throw unsupported(layer, "padding " + config.path("padding").asText() + " is not supported");
        }
        var convOut = activation.equals("relu") ? out + "/linear" : out;
        graph.node("Conv", List.of(tensorOf.get(in), out + "/W", out + "/B"), List.of(convOut),
                attributes.toArray(OnnxAttribute[]::new));
        if (activation.equals("relu")) {
            graph.node("Relu", List.of(convOut), List.of(out));
        }
        tensorOf.put(layer.name(), out);
        channelsOf.put(layer.name(), outChannels);
    }

    /** y = gamma * (conv + b - mean) / sqrt(var + eps) + beta, rewritten as a convolution with new weights and bias. */
    private void foldBatchNorm(Layer batchNorm, float[] weights, float[] bias, int channels) {
        var config = batchNorm.config();
        int axis = config.path("axis").isArray() ? config.path("axis").get(0).asInt() : config.path("axis").asInt(-1);
        if (axis != -1 && axis != 3) {
            throw unsupported(batchNorm, "only channel-axis batch normalisation is supported");
        }
        double epsilon = config.path("epsilon").asDouble(1e-3);
        var name = batchNorm.name();
        float[] gamma = config.path("scale").asBoolean(true) ? model.requireWeight(name + "/gamma").values() : filled(channels, 1);
        float[] beta = config.path("center").asBoolean(true) ? model.requireWeight(name + "/beta").values() : filled(channels, 0);
        float[] mean = model.requireWeight(name + "/moving_mean").values();
        float[] variance = model.requireWeight(name + "/moving_variance").values();
        int perChannel = weights.length / channels;
        for (int c = 0; c < channels; c++) {
            double factor = gamma[c] / Math.sqrt(variance[c] + epsilon);
            for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
                weights[i] = (float) (weights[i] * factor);
            }
            bias[c] = (float) ((bias[c] - mean[c]) * factor + beta[c]);
        }
    }

    /** Keras ReLU: max_value 6 (an integer in the JSON) is ReLU6, i.e. Clip(0, 6). */
    private void relu(Layer layer) {
        var config = layer.config();
        if (config.path("negative_slope").asDouble(0) != 0 || config.path("threshold").asDouble(0) != 0) {
            throw unsupported(layer, "leaky or thresholded ReLU is not supported");
        }
        var in = single(layer);
        var maxValue = config.path("max_value");
        if (maxValue.isNumber()) {
            var min = constant(0f);
            var max = constant((float) maxValue.asDouble());
            graph.node("Clip", List.of(tensorOf.get(in), min, max), List.of(layer.name()));
        } else {
            graph.node("Relu", List.of(tensorOf.get(in)), List.of(layer.name()));
        }
        tensorOf.put(layer.name(), layer.name());
        channelsOf.put(layer.name(), channelsOf.get(in));
    }

    private void add(Layer layer) {
        var inputs = layer.inbound().stream().map(tensorOf::get).toList();
        graph.node(inputs.size() == 2 ? "Add" : "Sum", inputs, List.of(layer.name()));
        tensorOf.put(layer.name(), layer.name());
        channelsOf.put(layer.name(), channelsOf.get(layer.inbound().get(0)));
    }

    /** A separate Keras activation layer; only ReLU, the one InceptionV3 uses. */
    private void activation(Layer layer) {
        var function = layer.config().path("activation").asText();
        if (!function.equals("relu")) {
            throw unsupported(layer, "activation " + function + " is not supported");
        }
        var in = single(layer);
        graph.node("Relu", List.of(tensorOf.get(in)), List.of(layer.name()));
        tensorOf.put(layer.name(), layer.name());
        channelsOf.put(layer.name(), channelsOf.get(in));
    }

    /**
     * Max and average pooling. TF 'same' puts the odd pixel at the end (SAME_UPPER) and averages over the
     * pixels inside the image only, hence {@code count_include_pad 0}.
     */
    private void pooling(Layer layer) {
        requireChannelsLast(layer);
        var in = single(layer);
        boolean average = layer.className().equals("AveragePooling2D");
        var attributes = new ArrayList<OnnxAttribute>(List.of(
                OnnxAttribute.of("kernel_shape", pair(layer, "pool_size")),
                OnnxAttribute.of("strides", layer.config().path("strides").isArray()
                        ? pair(layer, "strides") : pair(layer, "pool_size"))));
        switch (layer.config().path("padding").asText("valid")) {
            case "same" -> attributes.add(OnnxAttribute.of("auto_pad", "SAME_UPPER"));
            case "valid" -> attributes.add(OnnxAttribute.of("pads", new long[4]));
            default -> throw unsupported(layer, "padding " + layer.config().path("padding").asText() + " is not supported");
        }
        if (average) {
            attributes.add(OnnxAttribute.of("count_include_pad", 0));
        }
        graph.node(average ? "AveragePool" : "MaxPool", List.of(tensorOf.get(in)), List.of(layer.name()),
                attributes.toArray(OnnxAttribute[]::new));
        tensorOf.put(layer.name(), layer.name());
        channelsOf.put(layer.name(), channelsOf.get(in));
    }

    /** Keras concatenates on the last (channel) axis of NHWC, which is axis 1 of NCHW. */
    private void concatenate(Layer layer) {
        int axis = layer.config().path("axis").asInt(-1);
        if (axis != -1 && axis != 3) {
            throw unsupported(layer, "only concatenation along the channel axis is supported, not axis " + axis);
        }
        if (layer.inbound().isEmpty()) {
            throw unsupported(layer, "nothing to concatenate");
        }
        var inputs = layer.inbound().stream().map(tensorOf::get).toList();
        graph.node("Concat", inputs, List.of(layer.name()), OnnxAttribute.of("axis", 1));
        tensorOf.put(layer.name(), layer.name());
        channelsOf.put(layer.name(), layer.inbound().stream().mapToInt(channelsOf::get).sum());
    }

    private String constant(float value) {
        var name = "const/" + value;
        if (constants.add(name)) {
            graph.initializer(name, new long[0], new float[] {value});
        }
        return name;
    }

    /** Keras [kh, kw, in, out] to ONNX [out, in, kh, kw]. */
    private static float[] convToOnnx(TfjsLayersModel.Weight kernel) {
        int kh = kernel.shape()[0], kw = kernel.shape()[1], in = kernel.shape()[2], out = kernel.shape()[3];
        var v = kernel.values();
        var result = new float[v.length];
        for (int y = 0; y < kh; y++)
            for (int x = 0; x < kw; x++)
                for (int i = 0; i < in; i++)
                    for (int o = 0; o < out; o++)
                        result[((o * in + i) * kh + y) * kw + x] = v[((y * kw + x) * in + i) * out + o];
        return result;
    }

    /** Keras depthwise [kh, kw, in, multiplier] to ONNX grouped [in * multiplier, 1, kh, kw]. */
    private static float[] depthwiseToOnnx(TfjsLayersModel.Weight kernel) {
        int kh = kernel.shape()[0], kw = kernel.shape()[1], in = kernel.shape()[2], mult = kernel.shape()[3];
        var v = kernel.values();
        var result = new float[v.length];
        for (int y = 0; y < kh; y++)
            for (int x = 0; x < kw; x++)
                for (int c = 0; c < in; c++)
                    for (int m = 0; m < mult; m++)
                        result[((c * mult + m) * kh + y) * kw + x] = v[((y * kw + x) * in + c) * mult + m];
        return result;
    }

    private String single(Layer layer) {
        if (layer.inbound().size() != 1) {
            throw unsupported(layer, "expected one input, found " + layer.inbound().size());
        }
        return layer.inbound().get(0);
    }

    private long[] pair(Layer layer, String field) {
        JsonNode node = layer.config().path(field);
        return node.isMissingNode() ? new long[] {1, 1} : new long[] {node.get(0).asLong(), node.get(1).asLong()};
    }

    private void requireChannelsLast(Layer layer) {
        var format = layer.config().path("data_format").asText("channels_last");
        if (!format.equals("channels_last")) {
            throw unsupported(layer, "data_format " + format + " is not supported");
        }
    }

    private IllegalArgumentException unsupported(Layer layer, String why) {
        return new IllegalArgumentException(model.source() + ": layer " + layer.name() + ": " + why);
    }

    private static float[] filled(int n, float value) {
        var a = new float[n];
        Arrays.fill(a, value);
        return a;
    }

    public static void main(String[] args) throws IOException {
        var positional = new ArrayList<String>();
        var options = new HashMap<String, String>();
        boolean raw = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--raw")) {
                raw = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else if (args[i].startsWith("--")) {
                exitWithUsage("missing value for " + args[i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 2 || !options.containsKey("outputs")) {
            exitWithUsage(null);
        }
        var modelJson = Path.of(positional.get(0));
        var onnxFile = Path.of(positional.get(1)).toAbsolutePath();
        var layers = List.of(options.get("outputs").split(","));
        if (raw && options.containsKey("pool")) {
            exitWithUsage("--raw and --pool exclude each other");
        }
        List<Pooling> poolings = List.of();
        try {
            if (!raw) {
                poolings = Arrays.stream(options.getOrDefault("pool", "avg").split(",")).map(Pooling::parse).toList();
            }
        } catch (IllegalArgumentException e) {
            exitWithUsage(e.getMessage());
        }
        var converted = convert(modelJson, layers, poolings);
        Files.createDirectories(onnxFile.getParent());
        Files.write(onnxFile, converted.onnx());
        LOG.info("wrote {} ({} bytes), outputs {}", onnxFile, converted.onnx().length, converted.outputs());

        if (options.containsKey("descriptor")) {
            if (!options.containsKey("id")) {
                exitWithUsage("--descriptor needs --id");
            }
            var descriptorFile = Path.of(options.get("descriptor")).toAbsolutePath();
            var first = converted.outputs().get(0);
            var descriptor = new BackboneDescriptor(options.get("id"),
                    descriptorFile.getParent().relativize(onnxFile).toString(), INPUT_NAME,
                    Integer.parseInt(options.getOrDefault("size", String.valueOf(converted.inputWidth()))),
                    Integer.parseInt(options.getOrDefault("size", String.valueOf(converted.inputHeight()))),
                    BackboneDescriptor.Layout.NCHW,
                    Float.parseFloat(options.getOrDefault("scale", String.valueOf(1f / 255))),
                    floats(options.getOrDefault("mean", "0,0,0")), floats(options.getOrDefault("std", "1,1,1")),
                    first.name(), raw ? BackboneDescriptor.Pool.AVG : BackboneDescriptor.Pool.NONE, first.dim(),
                    options.getOrDefault("description", ""));
            descriptor.write(descriptorFile);
            LOG.info("wrote {}", descriptorFile);
        }
    }

    private static float[] floats(String csv) {
        var parts = csv.split(",");
        var values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i].trim());
        }
        return values;
    }

    private static void exitWithUsage(String problem) {
        if (problem != null) {
            System.err.println(problem);
        }
        System.err.println(USAGE);
        System.exit(2);
    }
}
