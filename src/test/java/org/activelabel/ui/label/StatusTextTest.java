package org.activelabel.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.activelabel.workspace.ModelSummary;
import org.junit.jupiter.api.Test;

class StatusTextTest {

    @Test
    void aFreshUpdateSaysHowLongItTookAndASavedModelDoesNot() {
        var fresh = new ModelSummary(3, 20, 0.4, 1500, false, new int[0][0], List.of());
        var saved = new ModelSummary(4, 20, 0.4, 0, false, new int[0][0], List.of());

        assertEquals("Model v3: updated on 20 labels in 1.5 s, cross-validated accuracy 40%.",
                StatusText.describe(fresh));
        assertEquals("Model v4 on 20 labels, cross-validated accuracy 40%.", StatusText.describe(saved));
    }
}
