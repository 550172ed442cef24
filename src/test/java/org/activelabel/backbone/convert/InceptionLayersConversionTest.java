package org.activelabel.backbone.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layers InceptionV3 adds to what MobileNetV2 needs (a convolution without bias followed by batch norm
 * without scale, a separate ReLU activation, max and average pooling, channel concatenation) convert to the
 * numbers a plain Keras computation gives.
 */
class InceptionLayersConversionTest {

    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path folder;

    @Test
    void convolutionWithoutBiasAndBatchNormWithoutScaleThenReluMatchesKeras() throws Exception {
        var input = Nhwc.of(5, 5, 3);
        float[] kernel = values(3 * 3 * 3 * 2, 0.3);
        float[] beta = {0.5f, -0.25f};
        float[] mean = {0.2f, -0.1f};
        float[] variance = {1.5f, 0.3f};
        var model = new TinyTfjsModel().input("in", 5, 5, 3)
                .layer("conv", "Conv2D", "{\"filters\": 2, \"kernel_size\": [3, 3], \"strides\": [1, 1], \"padding\": \"same\","
                        + " \"dilation_rate\": [1, 1], \"activation\": \"linear\", \"use_bias\": false}", "in")
                .layer("bn", "BatchNormalization", "{\"axis\": 3, \"epsilon\": 0.001, \"center\": true, \"scale\": false}", "conv")
                .layer("relu", "Activation", "{\"activation\": \"relu\"}", "bn")
                .weight("conv/kernel", new int[] {3, 3, 3, 2}, kernel)
                .weight("bn/beta", new int[] {2}, beta)
                .weight("bn/moving_mean", new int[] {2}, mean)
                .weight("bn/moving_variance", new int[] {2}, variance)
                .write(folder);

        var converted = TfjsToOnnx.convert(model, List.of("relu"), List.of());

        var expected = input.convSame3x3(kernel, 2).batchNorm(beta, mean, variance, 0.001).relu();
        assertEquals(List.of(new TfjsToOnnx.Output("relu", "relu", 2)), converted.outputs());
        assertArrayEquals(expected.nchw(), run(converted, input), (float) TOLERANCE);
    }

    @Test
    void maxPooling3x3Stride2ValidMatchesKeras() throws Exception {
        var input = Nhwc.of(7, 7, 2);
        var model = new TinyTfjsModel().input("in", 7, 7, 2)
                .layer("pool", "MaxPooling2D", "{\"pool_size\": [3, 3], \"strides\": [2, 2], \"padding\": \"valid\"}", "in")
                .write(folder);

        var converted = TfjsToOnnx.convert(model, List.of("pool"), List.of());

        var expected = input.maxPool3x3Stride2Valid();
        assertEquals(3, expected.height());
        assertArrayEquals(expected.nchw(), run(converted, input), (float) TOLERANCE);
    }

    @Test
    void averagePooling3x3Stride1SameAveragesOnlyThePixelsInsideTheImage() throws Exception {
        var input = Nhwc.of(5, 4, 2);
        var model = new TinyTfjsModel().input("in", 5, 4, 2)
                .layer("pool", "AveragePooling2D", "{\"pool_size\": [3, 3], \"strides\": [1, 1], \"padding\": \"same\"}", "in")
                .write(folder);

        var converted = TfjsToOnnx.convert(model, List.of("pool"), List.of());

        var expected = input.averagePool3x3Same();
        float[] actual = run(converted, input);
        assertArrayEquals(expected.nchw(), actual, (float) TOLERANCE);
        // top-left corner: the mean of the 2 x 2 pixels inside the image, not of 9 with zeros
        double corner = (input.at(0, 0, 0) + input.at(0, 1, 0) + input.at(1, 0, 0) + input.at(1, 1, 0)) / 4;
        assertEquals(corner, actual[0], TOLERANCE);
    }

    @Test
    void concatenationStacksBranchesOnChannelsAndPoolsToOneVector() throws Exception {
        var input = Nhwc.of(4, 4, 2);
        float[] kernel = values(2 * 3, 0.7);
        var model = new TinyTfjsModel().input("in", 4, 4, 2)
                .layer("relu", "Activation", "{\"activation\": \"relu\"}", "in")
                .layer("avg", "AveragePooling2D", "{\"pool_size\": [3, 3], \"strides\": [1, 1], \"padding\": \"same\"}", "in")
                .layer("conv", "Conv2D", "{\"filters\": 3, \"kernel_size\": [1, 1], \"strides\": [1, 1], \"padding\": \"valid\","
                        + " \"dilation_rate\": [1, 1], \"activation\": \"linear\", \"use_bias\": false}", "in")
                .layer("mixed", "Concatenate", "{\"axis\": 3}", "relu", "avg", "conv")
                .weight("conv/kernel", new int[] {1, 1, 2, 3}, kernel)
                .write(folder);

        var converted = TfjsToOnnx.convert(model, List.of("mixed"), List.of(Pooling.AVG));

        var expected = Nhwc.concat(input.relu(), input.averagePool3x3Same(), input.conv1x1(kernel, 3)).channelMeans();
        assertEquals(List.of(new TfjsToOnnx.Output("mixed", "mixed_avg", 7)), converted.outputs());
        assertArrayEquals(expected, run(converted, input), (float) TOLERANCE);
    }

    @Test
    void avgMaxPoolingGivesTheChannelMeansThenTheChannelMaxima() throws Exception {
        var input = Nhwc.of(4, 4, 2);
        var model = new TinyTfjsModel().input("in", 4, 4, 2)
                .layer("avg", "AveragePooling2D", "{\"pool_size\": [3, 3], \"strides\": [1, 1], \"padding\": \"same\"}", "in")
                .write(folder);

        var converted = TfjsToOnnx.convert(model, List.of("avg"),
                List.of(Pooling.AVG_MAX, Pooling.AVG));

        var map = input.averagePool3x3Same();
        float[] means = map.channelMeans();
        float[] maxima = map.channelMaxima();
        assertEquals(List.of(new TfjsToOnnx.Output("avg", "avg_avgmax", 4), new TfjsToOnnx.Output("avg", "avg_avg", 2)),
                converted.outputs());
        assertArrayEquals(new float[] {means[0], means[1], maxima[0], maxima[1]}, run(converted, input, "avg_avgmax"),
                (float) TOLERANCE);
        assertArrayEquals(means, run(converted, input, "avg_avg"), (float) TOLERANCE);
        assertTrue(maxima[0] > means[0] && maxima[1] > means[1], "a map whose maxima are its means tests nothing");
    }

    @Test
    void activationOtherThanReluIsRefusedByName() throws Exception {
        var model = new TinyTfjsModel().input("in", 4, 4, 2)
                .layer("act", "Activation", "{\"activation\": \"tanh\"}", "in")
                .write(folder);

        var error = assertThrows(IllegalArgumentException.class, () -> TfjsToOnnx.convert(model, List.of("act"), List.of(Pooling.AVG)));
        assertTrue(error.getMessage().contains("tanh"), error.getMessage());
    }

    @Test
    void concatenationAlongSpaceIsRefused() throws Exception {
        var model = new TinyTfjsModel().input("in", 4, 4, 2)
                .layer("relu", "Activation", "{\"activation\": \"relu\"}", "in")
                .layer("rows", "Concatenate", "{\"axis\": 1}", "in", "relu")
                .write(folder);

        var error = assertThrows(IllegalArgumentException.class, () -> TfjsToOnnx.convert(model, List.of("rows"), List.of(Pooling.AVG)));
        assertTrue(error.getMessage().contains("channel axis"), error.getMessage());
    }

    /** Deterministic values of both signs spread over about [-1, 1]. */
    private static float[] values(int count, double step) {
        var v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) Math.sin(i * step + 0.3);
        }
        return v;
    }

    private static float[] run(TfjsToOnnx.Converted converted, Nhwc input) throws Exception {
        return run(converted, input, converted.outputs().get(0).name());
    }

    private static float[] run(TfjsToOnnx.Converted converted, Nhwc input, String output) throws Exception {
        var env = OrtEnvironment.getEnvironment();
        try (var session = env.createSession(converted.onnx());
             var tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input.nchw()),
                     new long[] {1, input.channels(), input.height(), input.width()});
             var result = session.run(Map.of(TfjsToOnnx.INPUT_NAME, tensor), Set.of(output))) {
            var buffer = ((OnnxTensor) result.get(0)).getFloatBuffer();
            var values = new float[buffer.remaining()];
            buffer.get(values);
            return values;
        }
    }

    /** One image as Keras holds it (height, width, channels), with the Keras layers written as plain loops. */
    private record Nhwc(int height, int width, int channels, float[] v) {

        static Nhwc of(int height, int width, int channels) {
            var v = values(height * width * channels, 0.9);
            for (int i = 0; i < v.length; i++) {
                v[i] *= 3;
            }
            return new Nhwc(height, width, channels, v);
        }

        float at(int y, int x, int c) {
            return v[(y * width + x) * channels + c];
        }

        private Nhwc map(int outChannels, Cell cell) {
            var out = new float[height * width * outChannels];
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                    for (int o = 0; o < outChannels; o++)
                        out[(y * width + x) * outChannels + o] = (float) cell.value(y, x, o);
            return new Nhwc(height, width, outChannels, out);
        }

        private interface Cell {
            double value(int y, int x, int c);
        }

        /** 3x3 convolution, stride 1, TF 'same' padding (one zero pixel on each side), kernel [kh, kw, in, out]. */
        Nhwc convSame3x3(float[] kernel, int out) {
            return map(out, (y, x, o) -> {
                double sum = 0;
                for (int ky = 0; ky < 3; ky++)
                    for (int kx = 0; kx < 3; kx++)
                        for (int i = 0; i < channels; i++) {
                            int sy = y + ky - 1, sx = x + kx - 1;
                            if (sy >= 0 && sy < height && sx >= 0 && sx < width) {
                                sum += at(sy, sx, i) * kernel[((ky * 3 + kx) * channels + i) * out + o];
                            }
                        }
                return sum;
            });
        }

        Nhwc conv1x1(float[] kernel, int out) {
            return map(out, (y, x, o) -> {
                double sum = 0;
                for (int i = 0; i < channels; i++) {
                    sum += at(y, x, i) * kernel[i * out + o];
                }
                return sum;
            });
        }

        /** Batch norm with scale off, so gamma is 1. */
        Nhwc batchNorm(float[] beta, float[] mean, float[] variance, double epsilon) {
            return map(channels, (y, x, c) -> (at(y, x, c) - mean[c]) / Math.sqrt(variance[c] + epsilon) + beta[c]);
        }

        Nhwc relu() {
            return map(channels, (y, x, c) -> Math.max(0, at(y, x, c)));
        }

        Nhwc maxPool3x3Stride2Valid() {
            int outH = (height - 3) / 2 + 1, outW = (width - 3) / 2 + 1;
            var out = new float[outH * outW * channels];
            for (int y = 0; y < outH; y++)
                for (int x = 0; x < outW; x++)
                    for (int c = 0; c < channels; c++) {
                        float max = Float.NEGATIVE_INFINITY;
                        for (int ky = 0; ky < 3; ky++)
                            for (int kx = 0; kx < 3; kx++)
                                max = Math.max(max, at(y * 2 + ky, x * 2 + kx, c));
                        out[(y * outW + x) * channels + c] = max;
                    }
            return new Nhwc(outH, outW, channels, out);
        }

        /** TF 'same' average pooling: the mean over the window's pixels that lie inside the image. */
        Nhwc averagePool3x3Same() {
            return map(channels, (y, x, c) -> {
                double sum = 0;
                int count = 0;
                for (int sy = y - 1; sy <= y + 1; sy++)
                    for (int sx = x - 1; sx <= x + 1; sx++)
                        if (sy >= 0 && sy < height && sx >= 0 && sx < width) {
                            sum += at(sy, sx, c);
                            count++;
                        }
                return sum / count;
            });
        }

        static Nhwc concat(Nhwc... parts) {
            int channels = 0;
            for (var p : parts) {
                channels += p.channels();
            }
            var first = parts[0];
            var out = new float[first.height() * first.width() * channels];
            int offset = 0;
            for (var p : parts) {
                for (int y = 0; y < p.height(); y++)
                    for (int x = 0; x < p.width(); x++)
                        for (int c = 0; c < p.channels(); c++)
                            out[(y * p.width() + x) * channels + offset + c] = p.at(y, x, c);
                offset += p.channels();
            }
            return new Nhwc(first.height(), first.width(), channels, out);
        }

        float[] channelMeans() {
            var means = new float[channels];
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                for (int p = 0; p < height * width; p++) {
                    sum += v[p * channels + c];
                }
                means[c] = (float) (sum / (height * width));
            }
            return means;
        }

        float[] channelMaxima() {
            var maxima = new float[channels];
            Arrays.fill(maxima, Float.NEGATIVE_INFINITY);
            for (int p = 0; p < height * width; p++) {
                for (int c = 0; c < channels; c++) {
                    maxima[c] = Math.max(maxima[c], v[p * channels + c]);
                }
            }
            return maxima;
        }

        float[] nchw() {
            var out = new float[v.length];
            for (int c = 0; c < channels; c++)
                for (int p = 0; p < height * width; p++)
                    out[c * height * width + p] = v[p * channels + c];
            return out;
        }
    }
}
