package org.activelabel.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.activelabel.workspace.ModelSummary;
import org.activelabel.workspace.RescanReport;
import org.junit.jupiter.api.Test;

class StatusTextTest {

    @Test
    void aFreshUpdateSaysHowLongItTookAndASavedModelDoesNot() {
        var fresh = new ModelSummary(3, 20, 0.4, true, 1500, false, new int[0][0], List.of());
        var saved = new ModelSummary(4, 20, 0.4, true, 0, false, new int[0][0], List.of());

        assertEquals("Model v3: updated on 20 labels in 1.5 s, cross-validated accuracy 40%.",
                StatusText.describe(fresh));
        assertEquals("Model v4 on 20 labels, cross-validated accuracy 40%.", StatusText.describe(saved));
    }

    @Test
    void aModelNotYetValidatedIsNotCalledShortOfLabels() {
        var provisional = new ModelSummary(5, 40, Double.NaN, false, 900, false, new int[0][0], List.of());
        var tooFew = new ModelSummary(5, 40, Double.NaN, true, 900, false, new int[0][0], List.of());

        assertEquals("Model v5: updated on 40 labels in 0.9 s, accuracy checked when you pause.",
                StatusText.describe(provisional));
        assertEquals("Model v5: updated on 40 labels in 0.9 s, accuracy not known yet (too few labels).",
                StatusText.describe(tooFew));
    }

    @Test
    void aRescanSaysWhatItFoundInAFewWords() {
        assertEquals("No new, changed or removed images in the image folder",
                StatusText.describe(RescanReport.NOTHING));
        assertEquals("Found 1 new image; reading 1 image now", StatusText.describe(new RescanReport(1, 0, 0, 0, 1)));
        assertEquals("Found 3 new images, 1 changed, 2 gone (labels given to them stay); reading 4 images now",
                StatusText.describe(new RescanReport(3, 1, 2, 0, 4)));
        assertEquals("Found 2 images gone (labels given to them stay)",
                StatusText.describe(new RescanReport(0, 0, 2, 0, 0)));
        assertEquals("Found 1 changed image, 1 gone (labels given to them stay); reading 1 image now",
                StatusText.describe(new RescanReport(0, 1, 1, 0, 1)));
        assertEquals("Found 2 moved images (their labels went with them)",
                StatusText.describe(new RescanReport(0, 0, 0, 2, 0)));
        assertEquals("Found 1 new image, 1 moved (their labels went with them); reading 1 image now",
                StatusText.describe(new RescanReport(1, 0, 0, 1, 1)));
    }
}
