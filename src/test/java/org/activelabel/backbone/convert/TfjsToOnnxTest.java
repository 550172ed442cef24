package org.activelabel.backbone.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny Keras model (pad, stride-2 conv with uint8 weights, batch norm, ReLU6) converts to the same numbers. */
class TfjsToOnnxTest {

    private static final int SIZE = 4;
    private static final int IN = 2;
    private static final int OUT = 2;
    // uint8 quantised 3x3x2x2 kernel: value = q * 0.01 - 0.5
    private static final double SCALE = 0.01;
    private static final double MIN = -0.5;
    private static final float[] BIAS = {0.25f, -0.5f};
    private static final float[] GAMMA = {2f, 0.5f};
    private static final float[] BETA = {1f, -1f};
    private static final float[] MEAN = {0.1f, -0.2f};
    private static final float[] VARIANCE = {4f, 0.25f};
    private static final double EPSILON = 0.001;

    @TempDir
    Path folder;

    @Test
    void convertedGraphMatchesAStraightforwardKerasComputation() throws Exception {
        var modelJson = writeModel();
        var converted = TfjsToOnnx.convert(modelJson, List.of("relu"), List.of());
        assertEquals(List.of(new TfjsToOnnx.Output("relu", "relu", OUT)), converted.outputs());

        var input = new float[SIZE * SIZE * IN]; // NHWC, Keras order
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) Math.sin(i * 0.7) * 3;
        }
        var expected = keras(input);
        var actual = runOnnx(converted.onnx(), toNchw(input));
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4, "value " + i);
        }
    }

    @Test
    void unknownOutputLayerIsNamed() throws Exception {
        var modelJson = writeModel();
        var error = assertThrows(IllegalArgumentException.class,
                () -> TfjsToOnnx.convert(modelJson, List.of("dense_9"), List.of(Pooling.AVG)));
        assertTrue(error.getMessage().contains("dense_9"), error.getMessage());
    }

    private static int q(int i) {
        return (i * 37) % 101;
    }

    /** Keras semantics in plain loops: pad bottom/right by 1, 3x3 stride-2 valid conv, BN, ReLU6; output NCHW. */
    private static float[] keras(float[] nhwc) {
        int padded = SIZE + 1;
        int outSize = (padded - 3) / 2 + 1;
        var out = new float[OUT * outSize * outSize];
        for (int o = 0; o < OUT; o++)
            for (int oy = 0; oy < outSize; oy++)
                for (int ox = 0; ox < outSize; ox++) {
                    double sum = BIAS[o];
                    for (int ky = 0; ky < 3; ky++)
                        for (int kx = 0; kx < 3; kx++)
                            for (int i = 0; i < IN; i++) {
                                int y = oy * 2 + ky, x = ox * 2 + kx;
                                if (y < SIZE && x < SIZE) {
                                    int k = ((ky * 3 + kx) * IN + i) * OUT + o;
                                    sum += nhwc[(y * SIZE + x) * IN + i] * (float) (q(k) * SCALE + MIN);
                                }
                            }
                    double bn = GAMMA[o] * (sum - MEAN[o]) / Math.sqrt(VARIANCE[o] + EPSILON) + BETA[o];
                    out[(o * outSize + oy) * outSize + ox] = (float) Math.min(6, Math.max(0, bn));
                }
        return out;
    }

    private static float[] toNchw(float[] nhwc) {
        var nchw = new float[nhwc.length];
        for (int c = 0; c < IN; c++)
            for (int p = 0; p < SIZE * SIZE; p++)
                nchw[c * SIZE * SIZE + p] = nhwc[p * IN + c];
        return nchw;
    }

    private static float[] runOnnx(byte[] model, float[] nchw) throws Exception {
        var env = OrtEnvironment.getEnvironment();
        try (var session = env.createSession(model);
             var tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(nchw), new long[] {1, IN, SIZE, SIZE});
             var result = session.run(Map.of(TfjsToOnnx.INPUT_NAME, tensor))) {
            var buffer = ((OnnxTensor) result.get(0)).getFloatBuffer();
            var values = new float[buffer.remaining()];
            buffer.get(values);
            return values;
        }
    }

    private Path writeModel() throws Exception {
        var kernelCount = 3 * 3 * IN * OUT;
        var weights = ByteBuffer.allocate(kernelCount + 6 * OUT * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < kernelCount; i++) {
            weights.put((byte) q(i));
        }
        for (var values : List.of(BIAS, GAMMA, BETA, MEAN, VARIANCE)) {
            for (float v : values) {
                weights.putFloat(v);
            }
        }
        Files.write(folder.resolve("weights.bin"), java.util.Arrays.copyOf(weights.array(), weights.position()));
        var json = """
                {"format": "layers-model", "modelTopology": {"model_config": {"class_name": "Model", "config": {
                  "name": "tiny",
                  "layers": [
                    {"name": "in", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 4, 4, 2]}, "inbound_nodes": []},
                    {"name": "pad", "class_name": "ZeroPadding2D", "config": {"padding": [[0, 1], [0, 1]], "data_format": "channels_last"},
                     "inbound_nodes": [[["in", 0, 0, {}]]]},
                    {"name": "conv", "class_name": "Conv2D", "config": {"filters": 2, "kernel_size": [3, 3], "strides": [2, 2],
                     "padding": "valid", "data_format": "channels_last", "dilation_rate": [1, 1], "activation": "linear", "use_bias": true},
                     "inbound_nodes": [[["pad", 0, 0, {}]]]},
                    {"name": "bn", "class_name": "BatchNormalization", "config": {"axis": -1, "epsilon": 0.001, "center": true, "scale": true},
                     "inbound_nodes": [[["conv", 0, 0, {}]]]},
                    {"name": "relu", "class_name": "ReLU", "config": {"max_value": 6, "negative_slope": 0, "threshold": 0},
                     "inbound_nodes": [[["bn", 0, 0, {}]]]}
                  ]}}},
                 "weightsManifest": [{"paths": ["weights.bin"], "weights": [
                   {"name": "conv/kernel", "shape": [3, 3, 2, 2], "dtype": "float32", "quantization": {"dtype": "uint8", "scale": 0.01, "min": -0.5}},
                   {"name": "conv/bias", "shape": [2], "dtype": "float32"},
                   {"name": "bn/gamma", "shape": [2], "dtype": "float32"},
                   {"name": "bn/beta", "shape": [2], "dtype": "float32"},
                   {"name": "bn/moving_mean", "shape": [2], "dtype": "float32"},
                   {"name": "bn/moving_variance", "shape": [2], "dtype": "float32"}
                 ]}]}
                """;
        return Files.writeString(folder.resolve("model.json"), json);
    }
}
