package org.activelabel.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.activelabel.backbone.BackboneDescriptor;
import org.activelabel.backbone.convert.OnnxAttribute;
import org.activelabel.backbone.convert.OnnxGraph;
import org.activelabel.backbone.convert.OnnxGraph.Dim;
import org.activelabel.backbone.convert.OnnxModel;
import org.activelabel.model.DenseLayerWeights;
import org.activelabel.model.InputNormalisation;
import org.activelabel.model.ModelSnapshot;

/**
 * Writes a session's classifier as one ONNX model that runs anywhere ONNX Runtime does: RGB pixels in,
 * class probabilities out. The graph is the backbone's own graph with the pixel scaling in front and, behind
 * it, the pooling, the head's feature normalisation, its dense layers and softmax; the metadata names the
 * classes and how to prepare an image.
 */
public final class OnnxClassifierExport {

    /** Graph input: float32 [N, height, width, 3], RGB values 0..255, the image already resized. */
    public static final String INPUT = "pixels";
    /** Graph output: float32 [N, classes], each row summing to 1. */
    public static final String OUTPUT = "probabilities";

    public static final String KEY_CLASSES = "classes";
    public static final String KEY_BACKBONE = "backbone_id";
    public static final String KEY_WIDTH = "input_width";
    public static final String KEY_HEIGHT = "input_height";
    public static final String KEY_LAYOUT = "input_layout";
    public static final String KEY_PIXEL_SCALING = "pixel_scaling";
    public static final String KEY_RESIZE = "resize";
    public static final String KEY_LABELS = "trained_labels";
    public static final String KEY_ACCURACY = "cv_accuracy";
    public static final String KEY_VERSION = "model_version";

    private static final String PREFIX = "activelabel_";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the model's metadata says of its training. */
    public record Provenance(int trainedLabels, double cvAccuracy, long modelVersion) {}

    private OnnxClassifierExport() {
    }

    /**
     * The ONNX bytes of {@code model} on the backbone {@code descriptorFile} describes; the model must have been
     * trained on that backbone's features.
     */
    public static byte[] build(Path descriptorFile, ModelSnapshot model, Provenance provenance) throws IOException {
        var descriptor = BackboneDescriptor.read(descriptorFile);
        if (!descriptor.id().equals(model.backboneId())) {
            throw new IllegalArgumentException("the model was trained on backbone " + model.backboneId() + ", "
                    + descriptorFile + " describes " + descriptor.id());
        }
        var backbone = OnnxModel.read(descriptor.modelPath(descriptorFile));
        if (!backbone.outputNames().contains(descriptor.outputName())) {
            throw new IllegalArgumentException(descriptorFile + ": the backbone has no output " + descriptor.outputName());
        }
        var graph = new OnnxGraph("activelabel_classifier").nodeNamePrefix(PREFIX);
        int w = descriptor.width();
        int h = descriptor.height();
        graph.input(INPUT, Dim.named("N"), Dim.fixed(h), Dim.fixed(w), Dim.fixed(3));
        addPixelScaling(graph, descriptor);
        graph.embed(backbone, descriptor.inputName());
        String features = addPooling(graph, descriptor);
        features = addNormalisation(graph, model.normalisation(), features);
        String probabilities = addDenseLayers(graph, model.denseLayers(), features);
        graph.node("Identity", List.of(probabilities), List.of(OUTPUT));
        graph.output(OUTPUT, Dim.named("N"), Dim.fixed(model.numClasses()));
        return graph.toModelBytes("activelabel", metadata(descriptor, model, provenance));
    }

    /** pixel * scale / std - mean / std per channel, exactly as the backbone's Java input does it. */
    private static void addPixelScaling(OnnxGraph graph, BackboneDescriptor descriptor) {
        var mean = descriptor.mean();
        var std = descriptor.std();
        var channelScale = new float[3];
        var channelOffset = new float[3];
        for (int c = 0; c < 3; c++) {
            channelScale[c] = descriptor.scale() / std[c];
            channelOffset[c] = -mean[c] / std[c];
        }
        String pixels = INPUT;
        long[] perChannel = {1, 1, 1, 3};
        if (descriptor.layout() == BackboneDescriptor.Layout.NCHW) {
            graph.node("Transpose", List.of(INPUT), List.of(PREFIX + "pixels_nchw"), OnnxAttribute.of("perm", 0, 3, 1, 2));
            pixels = PREFIX + "pixels_nchw";
            perChannel = new long[] {1, 3, 1, 1};
        }
        graph.initializer(PREFIX + "channel_scale", perChannel, channelScale);
        graph.initializer(PREFIX + "channel_offset", perChannel, channelOffset);
        graph.node("Mul", List.of(pixels, PREFIX + "channel_scale"), List.of(PREFIX + "scaled"));
        graph.node("Add", List.of(PREFIX + "scaled", PREFIX + "channel_offset"), List.of(descriptor.inputName()));
    }

    private static String addPooling(OnnxGraph graph, BackboneDescriptor descriptor) {
        String map = descriptor.outputName();
        if (descriptor.pool() == BackboneDescriptor.Pool.NONE) {
            return map;
        }
        if (descriptor.layout() == BackboneDescriptor.Layout.NHWC) {
            graph.node("Transpose", List.of(map), List.of(PREFIX + "map_nchw"), OnnxAttribute.of("perm", 0, 3, 1, 2));
            map = PREFIX + "map_nchw";
        }
        graph.node("GlobalAveragePool", List.of(map), List.of(PREFIX + "pooled"));
        graph.node("Flatten", List.of(PREFIX + "pooled"), List.of(PREFIX + "features"), OnnxAttribute.of("axis", 1L));
        return PREFIX + "features";
    }

    private static String addNormalisation(OnnxGraph graph, InputNormalisation normalisation, String features) {
        String x = features;
        if (normalisation.unitLength()) {
            graph.node("LpNormalization", List.of(x), List.of(PREFIX + "unit"), OnnxAttribute.of("axis", 1L),
                    OnnxAttribute.of("p", 2L));
            x = PREFIX + "unit";
        }
        long[] dims = {1, normalisation.dimension()};
        graph.initializer(PREFIX + "feature_mean", dims, normalisation.mean());
        graph.initializer(PREFIX + "feature_scale", dims, normalisation.scale());
        graph.node("Sub", List.of(x, PREFIX + "feature_mean"), List.of(PREFIX + "centred"));
        graph.node("Div", List.of(PREFIX + "centred", PREFIX + "feature_scale"), List.of(PREFIX + "normalised"));
        return PREFIX + "normalised";
    }

    private static String addDenseLayers(OnnxGraph graph, List<DenseLayerWeights> layers, String features) {
        String x = features;
        for (int i = 0; i < layers.size(); i++) {
            var layer = layers.get(i);
            String name = PREFIX + "dense" + i;
            graph.initializer(name + "_W", new long[] {layer.inputs(), layer.outputs()}, layer.weights());
            graph.initializer(name + "_b", new long[] {layer.outputs()}, layer.bias());
            graph.node("MatMul", List.of(x, name + "_W"), List.of(name + "_xw"));
            graph.node("Add", List.of(name + "_xw", name + "_b"), List.of(name + "_z"));
            x = name + "_z";
            switch (layer.activation()) {
                case RELU -> {
                    graph.node("Relu", List.of(x), List.of(name + "_relu"));
                    x = name + "_relu";
                }
                case SOFTMAX -> {
                    graph.node("Softmax", List.of(x), List.of(name + "_softmax"), OnnxAttribute.of("axis", 1L));
                    x = name + "_softmax";
                }
                case IDENTITY -> { }
            }
        }
        if (layers.isEmpty() || layers.get(layers.size() - 1).activation() != DenseLayerWeights.Activation.SOFTMAX) {
            throw new IllegalArgumentException("the head does not end in softmax");
        }
        return x;
    }

    private static Map<String, String> metadata(BackboneDescriptor descriptor, ModelSnapshot model,
                                                Provenance provenance) throws JsonProcessingException {
        var mean = descriptor.mean();
        var std = descriptor.std();
        var metadata = new LinkedHashMap<String, String>();
        metadata.put(KEY_CLASSES, JSON.writeValueAsString(model.classes()));
        metadata.put(KEY_BACKBONE, descriptor.id());
        metadata.put(KEY_WIDTH, Integer.toString(descriptor.width()));
        metadata.put(KEY_HEIGHT, Integer.toString(descriptor.height()));
        metadata.put(KEY_LAYOUT, "NHWC: input '" + INPUT + "' is float32 [N, " + descriptor.height() + ", "
                + descriptor.width() + ", 3], RGB, values 0..255; output '" + OUTPUT + "' is float32 [N, "
                + model.numClasses() + "] in the order of '" + KEY_CLASSES + "'");
        metadata.put(KEY_PIXEL_SCALING, String.format(Locale.ROOT, "inside the graph: (pixel * %s - mean) / std with"
                        + " mean %s, %s, %s and std %s, %s, %s (R, G, B); feed raw 0..255 values",
                descriptor.scale(), mean[0], mean[1], mean[2], std[0], std[1], std[2]));
        metadata.put(KEY_RESIZE, "the caller's job: apply the EXIF orientation, convert to RGB (transparent pixels on"
                + " white), scale so the image covers " + descriptor.width() + "x" + descriptor.height()
                + " (the shorter side fits), crop the centre, resize with area averaging or bilinear filtering");
        metadata.put(KEY_LABELS, Integer.toString(provenance.trainedLabels()));
        metadata.put(KEY_ACCURACY, Double.isNaN(provenance.cvAccuracy()) ? "n/a"
                : String.format(Locale.ROOT, "%.4f", provenance.cvAccuracy()));
        metadata.put(KEY_VERSION, Long.toString(provenance.modelVersion()));
        return metadata;
    }
}
