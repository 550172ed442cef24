package org.activelabel.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The name Export labels… writes to when the file type picked in the dialog and the name typed disagree. */
class LabelsFileNameTest {

    private static String named(String typed, LabelsFile file) {
        return file.named(Path.of("/out").resolve(typed)).getFileName().toString();
    }

    @Test
    void theTypePickedDecidesTheEnding() {
        assertEquals("birds-labels.jsonl", named("birds-labels.csv", LabelsFile.JSONL));
        assertEquals("birds-labels.json", named("birds-labels.csv", LabelsFile.COCO));
        assertEquals("birds-labels.csv", named("birds-labels.json", LabelsFile.CSV));
        assertEquals("birds.json", named("birds.json", LabelsFile.LABEL_STUDIO));
    }

    @Test
    void aNameWithoutAnEndingGetsOneAndAnotherEndingIsKept() {
        assertEquals("birds.csv", named("birds", LabelsFile.CSV));
        assertEquals("birds.txt", named("birds.txt", LabelsFile.CSV));
    }
}
