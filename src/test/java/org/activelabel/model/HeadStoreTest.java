package org.activelabel.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.activelabel.progress.ProgressSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadStoreTest {

    @TempDir
    Path dir;

    private final Blobs train = Blobs.of(3, 20, 16, 1.0, 1);
    private final Blobs test = Blobs.of(3, 10, 16, 1.0, 2);
    private final ModelSnapshot head =
            new HeadTrainer(Blobs.smallConfig()).fullRefit(train.trainingSet(3), "resnet-a", 4, ProgressSink.NONE);

    @Test
    void aSavedHeadLoadsWithIdenticalPredictions() throws IOException {
        var file = dir.resolve("head.json");

        HeadStore.save(head, file);
        var loaded = HeadStore.load(file, "resnet-a");

        assertArrayEquals(head.predict(test.features), loaded.predict(test.features));
        assertEquals(head.classes(), loaded.classes());
        assertEquals(4, loaded.version());
        assertEquals(head.config(), loaded.config());
        assertEquals(head.normalisation(), loaded.normalisation());
        assertEquals(head.trainedLabels(), loaded.trainedLabels());
    }

    @Test
    void savingAgainReplacesTheParameterFile() throws IOException {
        var file = dir.resolve("head.json");
        HeadStore.save(head, file);
        var next = new HeadTrainer(Blobs.smallConfig()).incremental(head, train.trainingSet(3), new int[]{0},
                ProgressSink.NONE);

        HeadStore.save(next, file);

        assertEquals(5, HeadStore.load(file, "resnet-a").version());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "one JSON and one parameter file");
        }
    }

    @Test
    void aHeadOfAnotherBackboneIsRefused() throws IOException {
        var file = dir.resolve("head.json");
        HeadStore.save(head, file);

        var error = assertThrows(IncompatibleHeadException.class, () -> HeadStore.load(file, "vit-b"));

        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("resnet-a") && error.getMessage().contains("vit-b"));
    }

    @Test
    void aTruncatedParameterFileIsRefusedByName() throws IOException {
        var file = dir.resolve("head.json");
        HeadStore.save(head, file);
        Path params;
        try (Stream<Path> files = Files.list(dir)) {
            params = files.filter(p -> p.toString().endsWith(".params")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length - 10));

        var error = assertThrows(IOException.class, () -> HeadStore.load(file, "resnet-a"));

        assertTrue(error.getMessage().contains(params.getFileName().toString()), error.getMessage());
    }

    @Test
    void aCorruptJsonFileIsRefusedByName() throws IOException {
        var file = dir.resolve("head.json");
        Files.writeString(file, "{\"format\":\"activelabel-head\",\"formatVersion\":1,\"classes\":");

        var error = assertThrows(IOException.class, () -> HeadStore.load(file, "resnet-a"));

        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }
}
