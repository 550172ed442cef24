package org.activelabel.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureStoreTest {

    @TempDir
    Path dir;

    private static final FileKey CAT = new FileKey("pets/cat.jpg", 1000, 111);
    private static final FileKey DOG = new FileKey("pets/dog.jpg", 2000, 222);
    private static final FileKey BROKEN = new FileKey("broken.png", 10, 333);

    private static float[] vector(float start) {
        return new float[] {start, start + 1, start + 2, -start};
    }

    @Test
    void vectorsAndFailuresSurviveReopening() throws Exception {
        try (var store = FeatureStore.open(dir, "mobilenet/v3:small", 4)) {
            store.put(CAT, vector(1));
            store.put(DOG, vector(5));
            store.putFailure(BROKEN, "truncated or corrupt PNG: ünexpected end");
            assertArrayEquals(vector(1), store.get(CAT).orElseThrow());
        }

        try (var store = FeatureStore.open(dir, "mobilenet/v3:small", 4)) {
            assertEquals(3, store.size());
            assertArrayEquals(vector(1), store.get(CAT).orElseThrow());
            assertArrayEquals(vector(5), store.get(DOG).orElseThrow());
            assertEquals(Optional.of("truncated or corrupt PNG: ünexpected end"), store.failure(BROKEN));
            assertTrue(store.get(BROKEN).isEmpty());
            assertTrue(store.contains(BROKEN));
            assertTrue(store.file().startsWith(dir.resolve("mobilenet_v3_small")));
        }
    }

    @Test
    void anEditedFileIsNotFoundUnderItsNewKeyAndTheNewVectorWins() throws Exception {
        var edited = new FileKey(CAT.relativePath(), CAT.sizeBytes(), CAT.lastModifiedMillis() + 1);
        try (var store = FeatureStore.open(dir, "b", 4)) {
            store.put(CAT, vector(1));
            assertFalse(store.contains(edited));
            assertTrue(store.get(edited).isEmpty());
            store.put(edited, vector(9));
        }
        try (var store = FeatureStore.open(dir, "b", 4)) {
            assertArrayEquals(vector(9), store.get(edited).orElseThrow());
            assertTrue(store.get(CAT).isEmpty());
        }
    }

    @Test
    void recordCutShortByACrashIsDroppedAndAppendingGoesOn() throws Exception {
        Path file;
        try (var store = FeatureStore.open(dir, "b", 4)) {
            store.put(CAT, vector(1));
            store.put(DOG, vector(5));
            file = store.file();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 5);
        }

        try (var store = FeatureStore.open(dir, "b", 4)) {
            assertTrue(store.contains(CAT));
            assertFalse(store.contains(DOG));
            store.put(BROKEN, vector(7));
        }
        try (var store = FeatureStore.open(dir, "b", 4)) {
            assertEquals(2, store.size());
            assertArrayEquals(vector(7), store.get(BROKEN).orElseThrow());
        }
    }

    @Test
    void damageBeforeTheEndSetsTheFileAsideAndStartsAnEmptyCache() throws Exception {
        Path file;
        try (var store = FeatureStore.open(dir, "b", 4)) {
            store.put(CAT, vector(1));
            store.put(DOG, vector(5));
            file = store.file();
        }
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = 8 + 4 + 2 + 1;
        bytes[headerLength + 4 + 3] ^= 0x55;
        Files.write(file, bytes);

        try (var store = FeatureStore.open(dir, "b", 4)) {
            assertEquals(0, store.size(), "a derived file: rebuilt, not trusted");
            store.put(CAT, vector(1));
        }
        try (var aside = Files.list(file.getParent())) {
            Path kept = aside.filter(p -> p.getFileName().toString().startsWith("features.bin.damaged-"))
                    .findFirst().orElseThrow();
            assertArrayEquals(bytes, Files.readAllBytes(kept), "the damaged file is kept as it was");
        }
    }

    @Test
    void cacheOfAnotherDimensionIsSetAside() throws Exception {
        try (var store = FeatureStore.open(dir, "b", 4)) {
            store.put(CAT, vector(1));
        }
        try (var store = FeatureStore.open(dir, "b", 8)) {
            assertEquals(0, store.size());
        }
    }

    @Test
    void aCacheFileThatIsASymbolicLinkIsRefusedAndItsTargetLeftAlone() throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("notes.txt"), "my notes");
        Path folder = Files.createDirectories(dir.resolve("b"));
        Files.createSymbolicLink(folder.resolve(FeatureStore.FILE_NAME), elsewhere);
        var error = assertThrows(IOException.class, () -> FeatureStore.open(dir, "b", 4));
        assertTrue(error.getMessage().contains(folder.resolve(FeatureStore.FILE_NAME) + " is a symbolic link"),
                error.getMessage());
        assertEquals("my notes", Files.readString(elsewhere));
    }

    @Test
    void vectorOfWrongLengthIsRejected() throws Exception {
        try (var store = FeatureStore.open(dir, "b", 4)) {
            assertThrows(IllegalArgumentException.class, () -> store.put(CAT, new float[3]));
            assertEquals(0, store.size());
        }
    }
}
