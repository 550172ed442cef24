package org.activelabel.backbone;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Backbone} running an ONNX model with ONNX Runtime, described by a {@link BackboneDescriptor}.
 * Thread-safe: concurrent {@link #embed} calls share one session, each with its own input buffers.
 */
public final class OnnxBackbone extends DescribedBackbone {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxBackbone.class);

    /** Larger lists are run in batches of this size, which bounds the input buffer memory. */
    public static final int MAX_BATCH = 32;

    private final String source;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final int plane;
    private final float[] channelScale = new float[3];
    private final float[] channelOffset = new float[3];
    /** Input buffers are reused across calls; one per concurrent caller at most. */
    private final ConcurrentLinkedQueue<Workspace> workspaces = new ConcurrentLinkedQueue<>();

    /** Opens the backbone described by {@code descriptorFile}, using all available cores inside one inference. */
    public static OnnxBackbone open(Path descriptorFile) {
        return open(descriptorFile, defaultThreads());
    }

    /** Opens the backbone described by {@code descriptorFile}; {@code intraOpThreads} threads work on each inference. */
    public static OnnxBackbone open(Path descriptorFile, int intraOpThreads) {
        var descriptor = BackboneDescriptor.read(descriptorFile);
        return new OnnxBackbone(descriptor, descriptor.modelPath(descriptorFile), intraOpThreads);
    }

    public OnnxBackbone(BackboneDescriptor descriptor, Path modelFile, int intraOpThreads) {
        super(descriptor);
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, got " + intraOpThreads);
        }
        if (!Files.isRegularFile(modelFile)) {
            throw new BackboneException(modelFile + ": model file of backbone " + descriptor.id() + " not found");
        }
        this.source = modelFile.toString();
        this.plane = descriptor.width() * descriptor.height();
        var mean = descriptor.mean();
        var std = descriptor.std();
        for (int c = 0; c < 3; c++) {
            channelScale[c] = descriptor.scale() / std[c];
            channelOffset[c] = -mean[c] / std[c];
        }
        this.environment = OrtEnvironment.getEnvironment();
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // idle inference threads must not spin: image decoding shares the same cores
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            this.session = environment.createSession(modelFile.toString(), options);
        } catch (OrtException e) {
            throw new BackboneException(modelFile + ": cannot load ONNX model: " + e.getMessage(), e);
        }
        try {
            checkSignature();
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        LOG.info("backbone {} loaded from {} ({} intra-op threads)", descriptor.id(), modelFile, intraOpThreads);
    }

    @Override
    public float[][] embed(List<BufferedImage> images) {
        var features = new float[images.size()][];
        var workspace = takeWorkspace();
        try {
            for (int start = 0; start < images.size(); start += MAX_BATCH) {
                int count = Math.min(MAX_BATCH, images.size() - start);
                var input = workspace.input(count * 3 * plane);
                for (int i = 0; i < count; i++) {
                    var image = images.get(start + i);
                    if (image.getWidth() != descriptor.width() || image.getHeight() != descriptor.height()) {
                        throw new IllegalArgumentException("image " + (start + i) + " is " + image.getWidth() + "x"
                                + image.getHeight() + " but backbone " + id() + " needs " + descriptor.width() + "x"
                                + descriptor.height());
                    }
                    input.put(i * 3 * plane, normalise(image, workspace));
                }
                System.arraycopy(run(input, count), 0, features, start, count);
            }
        } finally {
            workspaces.add(workspace);
        }
        return features;
    }

    /**
     * Features for an input tensor that is already normalised and laid out as the descriptor says
     * ({@code count} x 3 x height x width for NCHW, {@code count} x height x width x 3 for NHWC).
     */
    public float[][] embedTensor(float[] input, int count) {
        if (input.length != count * 3 * plane) {
            throw new IllegalArgumentException("input holds " + input.length + " floats, " + count + " images need "
                    + count * 3 * plane);
        }
        var workspace = takeWorkspace();
        try {
            var buffer = workspace.input(input.length);
            buffer.put(0, input);
            return run(buffer, count);
        } finally {
            workspaces.add(workspace);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private float[] normalise(BufferedImage image, Workspace workspace) {
        var rgb = workspace.pixels(plane);
        readRgb(image, rgb);
        var out = workspace.scratch(3 * plane);
        boolean planar = descriptor.layout() == BackboneDescriptor.Layout.NCHW;
        float sr = channelScale[0], sg = channelScale[1], sb = channelScale[2];
        float or = channelOffset[0], og = channelOffset[1], ob = channelOffset[2];
        for (int p = 0; p < plane; p++) {
            int pixel = rgb[p];
            float r = ((pixel >> 16) & 0xFF) * sr + or;
            float g = ((pixel >> 8) & 0xFF) * sg + og;
            float b = (pixel & 0xFF) * sb + ob;
            if (planar) {
                out[p] = r;
                out[plane + p] = g;
                out[2 * plane + p] = b;
            } else {
                out[3 * p] = r;
                out[3 * p + 1] = g;
                out[3 * p + 2] = b;
            }
        }
        return out;
    }

    /** Packed 0xRRGGBB per pixel; the common decoder types are read straight from the raster. */
    private static void readRgb(BufferedImage image, int[] rgb) {
        int w = image.getWidth();
        int h = image.getHeight();
        switch (image.getType()) {
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> image.getRaster().getDataElements(0, 0, w, h, rgb);
            case BufferedImage.TYPE_3BYTE_BGR -> {
                var bgr = (byte[]) image.getRaster().getDataElements(0, 0, w, h, null);
                for (int p = 0, i = 0; p < rgb.length; p++, i += 3) {
                    rgb[p] = (bgr[i] & 0xFF) << 16 | (bgr[i + 1] & 0xFF) << 8 | (bgr[i + 2] & 0xFF);
                }
            }
            default -> image.getRGB(0, 0, w, h, rgb, 0, w);
        }
    }

    private float[][] run(FloatBuffer input, int count) {
        long[] shape = descriptor.layout() == BackboneDescriptor.Layout.NCHW
                ? new long[] {count, 3, descriptor.height(), descriptor.width()}
                : new long[] {count, descriptor.height(), descriptor.width(), 3};
        input.rewind().limit(count * 3 * plane);
        try (var tensor = OnnxTensor.createTensor(environment, input, shape);
             var result = session.run(Map.of(descriptor.inputName(), tensor), Set.of(descriptor.outputName()))) {
            var output = (OnnxTensor) result.get(0);
            return features(output.getFloatBuffer(), output.getInfo().getShape(), count);
        } catch (OrtException e) {
            throw new BackboneException(source + ": inference failed: " + e.getMessage(), e);
        } finally {
            input.clear();
        }
    }

    private float[][] features(FloatBuffer values, long[] shape, int count) {
        int dim = descriptor.featureDim();
        int perImage = values.remaining() / count;
        var features = new float[count][];
        if (descriptor.pool() == BackboneDescriptor.Pool.NONE) {
            if (perImage != dim) {
                throw new BackboneException(source + ": output " + descriptor.outputName() + " has shape "
                        + java.util.Arrays.toString(shape) + ", expected [N, " + dim + "]");
            }
            for (int i = 0; i < count; i++) {
                features[i] = new float[dim];
                values.get(features[i]);
            }
            return features;
        }
        int channelAxis = descriptor.layout() == BackboneDescriptor.Layout.NCHW ? 1 : shape.length - 1;
        if (shape.length != 4 || shape[channelAxis] != dim) {
            throw new BackboneException(source + ": output " + descriptor.outputName() + " has shape "
                    + java.util.Arrays.toString(shape) + ", expected a " + descriptor.layout() + " map with " + dim + " channels");
        }
        int cells = perImage / dim;
        var map = new float[perImage];
        for (int i = 0; i < count; i++) {
            values.get(map);
            var pooled = new float[dim];
            if (channelAxis == 1) {
                for (int c = 0; c < dim; c++) {
                    double sum = 0;
                    for (int k = c * cells; k < (c + 1) * cells; k++) {
                        sum += map[k];
                    }
                    pooled[c] = (float) (sum / cells);
                }
            } else {
                var sums = new double[dim];
                for (int k = 0; k < perImage; k++) {
                    sums[k % dim] += map[k];
                }
                for (int c = 0; c < dim; c++) {
                    pooled[c] = (float) (sums[c] / cells);
                }
            }
            features[i] = pooled;
        }
        return features;
    }

    private void checkSignature() {
        try {
            var inputs = session.getInputInfo();
            var outputs = session.getOutputInfo();
            if (!inputs.containsKey(descriptor.inputName())) {
                throw new BackboneException(source + ": no input named '" + descriptor.inputName() + "', the model has "
                        + inputs.keySet());
            }
            if (!outputs.containsKey(descriptor.outputName())) {
                throw new BackboneException(source + ": no output named '" + descriptor.outputName()
                        + "', the model has " + outputs.keySet());
            }
            if (inputs.get(descriptor.inputName()).getInfo() instanceof TensorInfo info && info.getShape().length != 4) {
                throw new BackboneException(source + ": input '" + descriptor.inputName() + "' has rank "
                        + info.getShape().length + ", expected 4");
            }
        } catch (OrtException e) {
            throw new BackboneException(source + ": cannot read model signature: " + e.getMessage(), e);
        }
    }

    private Workspace takeWorkspace() {
        var workspace = workspaces.poll();
        return workspace != null ? workspace : new Workspace();
    }

    private void closeQuietly() {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.warn("closing backbone {}: {}", descriptor.id(), e.getMessage());
        }
    }

    private static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Per-caller buffers: the direct input tensor buffer ONNX Runtime reads without copying, and scratch arrays. */
    private static final class Workspace {
        private FloatBuffer input = FloatBuffer.allocate(0);
        private int[] pixels = new int[0];
        private float[] scratch = new float[0];

        FloatBuffer input(int floats) {
            if (input.capacity() < floats) {
                input = ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            }
            input.clear();
            return input;
        }

        int[] pixels(int count) {
            if (pixels.length < count) {
                pixels = new int[count];
            }
            return pixels;
        }

        float[] scratch(int count) {
            if (scratch.length < count) {
                scratch = new float[count];
            }
            return scratch;
        }
    }
}
