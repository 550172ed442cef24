package org.activelabel.ui.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.activelabel.backbone.Backbones;
import org.activelabel.model.ModelSnapshot;

/**
 * The layers of the model in use and what happens to each, as transfer learning names it: the backbone's layers
 * are frozen (features computed once per image and cached), the head's are new, trained on the session's labels.
 * Nothing in the backbone is fine-tuned: that is said too, so a person sees all three roles.
 */
record ModelLayers(String backbone, List<Layer> layers) {

    enum Role {
        FROZEN("Frozen"), FINE_TUNED("Fine-tuned"), NEW("New");

        final String title;

        Role(String title) {
            this.title = title;
        }
    }

    record Layer(Role role, String what) {
    }

    ModelLayers {
        layers = List.copyOf(layers);
    }

    /** From the backbone's description, its feature length, the session's classes and the head, if trained yet. */
    static ModelLayers of(String backboneDescription, Optional<ModelSnapshot> head, int classes) {
        var layers = new ArrayList<Layer>();
        layers.add(new Layer(Role.FROZEN, backboneDescription + "; its features are computed once per image and cached"));
        layers.add(new Layer(Role.FINE_TUNED, "none"));
        if (head.isEmpty()) {
            layers.add(new Layer(Role.NEW, "the classifier head, " + classes + " classes: trained at the first update"));
        } else {
            var model = head.get();
            int hidden = model.config().hiddenUnits();
            int inputs = model.featureDim();
            if (hidden > 0) {
                layers.add(new Layer(Role.NEW, String.format(Locale.ROOT, "dense %d → %d, ReLU", inputs, hidden)));
                inputs = hidden;
            }
            layers.add(new Layer(Role.NEW, String.format(Locale.ROOT,
                    "dense %d → %d, softmax%s: trained on %d labels (model v%d)", inputs, model.numClasses(),
                    model.config().dropout() > 0 ? String.format(Locale.ROOT, ", dropout %.2g", model.config().dropout()) : "",
                    model.trainedLabels(), model.version())));
        }
        return new ModelLayers(Backbones.networkName(backboneDescription), layers);
    }

    /** One line for the status bar: the backbone in use and the roles of its layers and the head's. */
    String summary() {
        return backbone + ": frozen · head: new";
    }

    /** Every layer with its role, one per line, for the status bar's tooltip. */
    String details() {
        var text = new StringBuilder();
        for (var layer : layers) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(layer.role().title).append(": ").append(layer.what());
        }
        return text.toString();
    }
}
