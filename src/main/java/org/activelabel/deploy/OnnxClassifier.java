package org.activelabel.deploy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activelabel.image.DecodeResult;
import org.activelabel.image.ImageDecoder;
import org.activelabel.image.Resizer;

/** A classifier written by {@link OnnxClassifierExport}, run with ONNX Runtime; needs no session. */
public final class OnnxClassifier implements AutoCloseable {

    private static final int BATCH = 16;

    private final Path file;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final List<String> classes;
    private final int width;
    private final int height;
    private final Map<String, String> metadata;

    private OnnxClassifier(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such model file");
        }
        this.file = file;
        this.environment = OrtEnvironment.getEnvironment();
        try (var options = new OrtSession.SessionOptions()) {
            this.session = environment.createSession(file.toString(), options);
            this.metadata = Map.copyOf(session.getMetadata().getCustomMetadata());
        } catch (OrtException e) {
            throw new IOException(file + ": cannot load ONNX model: " + e.getMessage(), e);
        }
        try {
            var names = new ObjectMapper().readTree(required(OnnxClassifierExport.KEY_CLASSES));
            var list = new ArrayList<String>();
            names.forEach(n -> list.add(n.asText()));
            this.classes = List.copyOf(list);
            this.width = Integer.parseInt(required(OnnxClassifierExport.KEY_WIDTH));
            this.height = Integer.parseInt(required(OnnxClassifierExport.KEY_HEIGHT));
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw new IOException(file + ": not a classifier exported by ActiveLabel: " + e.getMessage(), e);
        }
    }

    public static OnnxClassifier open(Path file) throws IOException {
        return new OnnxClassifier(file);
    }

    public List<String> classes() {
        return classes;
    }

    public int inputWidth() {
        return width;
    }

    public int inputHeight() {
        return height;
    }

    /** Every metadata entry of the model file. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Decodes, orients, crops and resizes a file as the app's featuriser does; the result fits {@link #predict}. */
    public DecodeResult prepare(ImageDecoder decoder, Path imageFile) {
        var result = decoder.decodeToCover(imageFile, width, height);
        if (result instanceof DecodeResult.Decoded decoded) {
            return new DecodeResult.Decoded(Resizer.toSquareInput(decoded.image(), width, height));
        }
        return result;
    }

    /** Class probabilities [n][classes()] of images already {@link #inputWidth()} x {@link #inputHeight()}. */
    public float[][] predict(List<BufferedImage> images) {
        var out = new float[images.size()][];
        for (int start = 0; start < images.size(); start += BATCH) {
            int count = Math.min(BATCH, images.size() - start);
            var input = FloatBuffer.allocate(count * height * width * 3);
            for (int i = 0; i < count; i++) {
                input.put(pixels(images.get(start + i)));
            }
            input.rewind();
            try (var tensor = OnnxTensor.createTensor(environment, input, new long[] {count, height, width, 3});
                 var result = session.run(Map.of(OnnxClassifierExport.INPUT, tensor), Set.of(OnnxClassifierExport.OUTPUT))) {
                var probabilities = (float[][]) result.get(0).getValue();
                System.arraycopy(probabilities, 0, out, start, count);
            } catch (OrtException e) {
                throw new IllegalStateException(file + ": inference failed: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The NHWC float pixels 0..255 of one image, row by row, R G B. */
    public float[] pixels(BufferedImage image) {
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("image is " + image.getWidth() + "x" + image.getHeight()
                    + ", the model takes " + width + "x" + height);
        }
        var rgb = image.getRGB(0, 0, width, height, null, 0, width);
        var values = new float[rgb.length * 3];
        for (int p = 0; p < rgb.length; p++) {
            values[3 * p] = (rgb[p] >> 16) & 0xFF;
            values[3 * p + 1] = (rgb[p] >> 8) & 0xFF;
            values[3 * p + 2] = rgb[p] & 0xFF;
        }
        return values;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private String required(String key) {
        var value = metadata.get(key);
        if (value == null) {
            throw new IllegalArgumentException("metadata has no '" + key + "'");
        }
        return value;
    }

    private void closeQuietly() {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing left to release
        }
    }
}
