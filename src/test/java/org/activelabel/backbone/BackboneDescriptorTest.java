package org.activelabel.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackboneDescriptorTest {

    private static final String VALID = """
            {"id": "tiny-1", "modelFile": "tiny.onnx", "inputName": "pixels", "width": 8, "height": 6,
             "layout": "nhwc", "scale": 1.0, "mean": [10, 20, 30], "std": [2, 4, 8],
             "outputName": "features", "pool": "avg", "featureDim": 3}
            """;

    @TempDir
    Path folder;

    @Test
    void readsEveryField() throws Exception {
        var descriptor = BackboneDescriptor.read(write("ok.json", VALID));
        assertEquals("tiny-1", descriptor.id());
        assertEquals(8, descriptor.width());
        assertEquals(6, descriptor.height());
        assertEquals(BackboneDescriptor.Layout.NHWC, descriptor.layout());
        assertEquals(BackboneDescriptor.Pool.AVG, descriptor.pool());
        assertArrayEquals(new float[] {10, 20, 30}, descriptor.mean());
        assertArrayEquals(new float[] {2, 4, 8}, descriptor.std());
        assertEquals(folder.resolve("tiny.onnx"), descriptor.modelPath(folder.resolve("ok.json")));
    }

    @Test
    void writtenDescriptorReadsBackEqual() throws Exception {
        var descriptor = BackboneDescriptor.read(write("ok.json", VALID));
        var copy = folder.resolve("copy.json");
        descriptor.write(copy);
        assertEquals(descriptor, BackboneDescriptor.read(copy));
    }

    @Test
    void aDescriptionIsOptionalAndKeptWhenWritten() throws Exception {
        assertEquals("", BackboneDescriptor.read(write("plain.json", VALID)).description());
        var described = BackboneDescriptor.read(write("described.json",
                VALID.replace("\"featureDim\": 3", "\"featureDim\": 3, \"description\": \"Tiny net, 3 features\"")));
        assertEquals("Tiny net, 3 features", described.description());
        var copy = folder.resolve("copy.json");
        described.write(copy);
        assertEquals("Tiny net, 3 features", BackboneDescriptor.read(copy).description());
    }

    @Test
    void missingFieldIsNamedWithTheFile() throws Exception {
        assertProblem(VALID.replace("\"outputName\": \"features\",", ""), "outputName");
    }

    @Test
    void unknownFieldIsRejected() throws Exception {
        assertProblem(VALID.replace("\"id\"", "\"weights\": 1, \"id\""), "weights");
    }

    @Test
    void wrongTypesAndValuesAreNamed() throws Exception {
        assertProblem(VALID.replace("\"width\": 8", "\"width\": \"8\""), "width");
        assertProblem(VALID.replace("\"height\": 6", "\"height\": 0"), "height");
        assertProblem(VALID.replace("\"nhwc\"", "\"CHW\""), "layout");
        assertProblem(VALID.replace("\"avg\"", "\"max\""), "pool");
        assertProblem(VALID.replace("[10, 20, 30]", "[10, 20]"), "mean");
        assertProblem(VALID.replace("[2, 4, 8]", "[2, 0, 8]"), "std");
        assertProblem(VALID.replace("\"scale\": 1.0", "\"scale\": -1"), "scale");
    }

    @Test
    void brokenJsonNamesTheFile() throws Exception {
        var file = write("broken.json", "{\"id\": ");
        var error = assertThrows(BackboneException.class, () -> BackboneDescriptor.read(file));
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }

    @Test
    void missingModelFileIsNamed() throws Exception {
        var file = write("ok.json", VALID);
        var error = assertThrows(BackboneException.class, () -> OnnxBackbone.open(file, 1));
        assertTrue(error.getMessage().contains("tiny.onnx"), error.getMessage());
    }

    private void assertProblem(String json, String field) throws Exception {
        var file = write("bad.json", json);
        var error = assertThrows(BackboneException.class, () -> BackboneDescriptor.read(file));
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("'" + field + "'"), error.getMessage());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content);
    }
}
