package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.activelabel.backbone.Backbones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --backbone} takes a bundled backbone's name as well as a descriptor file. */
class BackboneOptionTest {

    @TempDir
    Path folder;

    @Test
    void noOptionMeansTheBundledDefault() {
        assertEquals(Backbones.bundledDescriptor(), CliSupport.descriptorFile(null));
    }

    @Test
    void aBundledNameMeansThatBundledBackbone() {
        assertEquals(Backbones.bundledDescriptor(Backbones.ACCURATE), CliSupport.descriptorFile(Path.of("accurate")));
        assertEquals(Backbones.bundledDescriptor(), CliSupport.descriptorFile(Path.of("default")));
    }

    @Test
    void aDescriptorFileIsTakenAsItIs() throws Exception {
        var descriptor = Files.writeString(folder.resolve("accurate"), "{}");
        assertEquals(descriptor, CliSupport.descriptorFile(descriptor));
        assertEquals(Path.of("mine.json"), CliSupport.descriptorFile(Path.of("mine.json")));
    }
}
