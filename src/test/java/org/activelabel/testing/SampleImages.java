package org.activelabel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.activelabel.backbone.Backbones;

/** Real images for tests: part of the bundled emoji sample, copied into an ImageFolder. */
public final class SampleImages {

    private SampleImages() {
    }

    /** The first {@code perClass} images of each named sample category, in {@code dir/<class>/}. */
    public static Path copy(Path dir, List<String> classes, int perClass) throws IOException {
        Path sample = Backbones.bundledDescriptor().getParent().getParent().resolve("sample");
        for (String c : classes) {
            Files.createDirectories(dir.resolve(c));
            try (Stream<Path> files = Files.list(sample.resolve(c))) {
                for (Path f : files.sorted().limit(perClass).toList()) {
                    Files.copy(f, dir.resolve(c).resolve(f.getFileName()));
                }
            }
        }
        return dir;
    }
}
