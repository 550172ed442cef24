package org.activelabel.cli;

import java.nio.file.Path;
import org.activelabel.backbone.Backbone;
import org.activelabel.backbone.Backbones;

/** Defaults shared by the commands. */
final class CliSupport {

    private CliSupport() {
    }

    static Backbone openBackbone(Path descriptor) {
        return descriptor == null ? Backbones.openBundled() : Backbones.open(descriptor);
    }

    static Path cacheDir(Path given) {
        return given != null ? given : Path.of(System.getProperty("user.home"), ".cache", "activelabel", "features");
    }
}
