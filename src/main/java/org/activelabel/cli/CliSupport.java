package org.activelabel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.activelabel.backbone.Backbone;
import org.activelabel.backbone.Backbones;

/** Defaults shared by the commands. */
final class CliSupport {

    private CliSupport() {
    }

    static Backbone openBackbone(Path descriptor) {
        return Backbones.open(descriptorFile(descriptor));
    }

    /**
     * What {@code --backbone} names: nothing means the bundled default; a bundled backbone's name
     * ({@code default}, {@code accurate}) that is not also a file here means that bundled backbone;
     * anything else is a descriptor file.
     */
    static Path descriptorFile(Path option) {
        if (option == null) {
            return Backbones.bundledDescriptor();
        }
        var name = option.toString();
        if (Backbones.bundledNames().contains(name) && !Files.exists(option)) {
            return Backbones.bundledDescriptor(name);
        }
        return option;
    }

    static Path cacheDir(Path given) {
        return given != null ? given : Path.of(System.getProperty("user.home"), ".cache", "activelabel", "features");
    }
}
