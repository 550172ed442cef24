package org.activelabel.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activelabel.workspace.ModelSummary;
import org.junit.jupiter.api.Test;

/** What the review pane says while a new model waits for its cross-validation, and after. */
class ReviewTextsTest {

    private static ModelSummary model(double accuracy, boolean validated, int[][] confusion) {
        return new ModelSummary(4, 20, accuracy, validated, 900, false, confusion, List.of());
    }

    @Test
    void noLabelErrorsMeansAgreementOnlyOnceTheLabelsWereCrossValidated() {
        assertTrue(SuspectsPane.placeholderText(null).contains("after the first model update"));
        assertTrue(SuspectsPane.placeholderText(model(Double.NaN, false, new int[0][0])).startsWith("Not checked yet"));
        assertTrue(SuspectsPane.placeholderText(model(Double.NaN, true, new int[0][0])).startsWith("Too few labels"));
        assertTrue(SuspectsPane.placeholderText(model(0.6, true, new int[0][0])).startsWith("None: the cross-validated"));
    }

    @Test
    void theConfusionMatrixSaysHowManyLabelsItCounts() {
        assertEquals("Confusion matrix (out-of-fold)", ReviewCharts.confusionHeading(null));
        assertEquals("Confusion matrix (out-of-fold)", ReviewCharts.confusionHeading(new int[0][0]));
        assertEquals("Out-of-fold confusion · 10 labels",
                ReviewCharts.confusionHeading(new int[][] {{3, 1}, {2, 4}}));
    }
}
