package org.activelabel.testing;

import org.activelabel.backbone.Backbone;
import org.activelabel.backbone.Backbones;

/**
 * The bundled backbone, opened once for all the tests of this JVM that only embed with it (loading the ONNX model
 * costs more than most of those tests). Never closed by a test; the JVM's end frees it.
 */
public final class SharedBackbone {

    private static Backbone bundled;

    private SharedBackbone() {
    }

    public static synchronized Backbone bundled() {
        if (bundled == null) {
            bundled = Backbones.openBundled();
        }
        return bundled;
    }
}
