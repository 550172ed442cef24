package org.activelabel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InputDropoutTest {

    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();

    @Test
    void dropsAboutTheShareAskedForAndScalesTheRestUp() {
        INDArray ones = Nd4j.ones(DataType.FLOAT, 200, 500);
        INDArray out = ones.ulike();

        new InputDropout(0.8).applyDropout(ones, out, 0, 0, NO_WORKSPACES);

        float[] values = out.data().asFloat();
        int dropped = 0;
        for (float v : values) {
            if (v == 0f) {
                dropped++;
            } else {
                assertEquals(1.25f, v, 1e-6f, "a kept input is scaled by 1 / keep");
            }
        }
        // 100,000 inputs: the share dropped is 0.2 within a few thousandths
        assertEquals(0.2, dropped / (double) values.length, 0.01);
        assertEquals(1.0, ones.getDouble(0, 0), "the input is left as it was");
    }

    @Test
    void dropsTheSameInputsAsDl4jsDropoutFromTheSameSeed() {
        INDArray input = Nd4j.rand(DataType.FLOAT, 64, 300).addi(0.5);
        INDArray ours = input.ulike();
        INDArray theirs = input.ulike();

        Nd4j.getRandom().setSeed(7);
        new InputDropout(0.8).applyDropout(input, ours, 0, 0, NO_WORKSPACES);
        Nd4j.getRandom().setSeed(7);
        new Dropout(0.8).applyDropout(input, theirs, 0, 0, NO_WORKSPACES);

        // so a seeded training run or MC-dropout ranking is the same as with DL4J's own dropout
        assertEquals(theirs, ours);
    }

    @Test
    void backpropagatesThroughTheSameMask() {
        INDArray ones = Nd4j.ones(DataType.FLOAT, 50, 40);
        INDArray forward = ones.ulike();
        var dropout = new InputDropout(0.5);
        dropout.applyDropout(ones, forward, 0, 0, NO_WORKSPACES);
        INDArray gradient = ones.ulike();

        dropout.backprop(Nd4j.ones(DataType.FLOAT, 50, 40), gradient, 0, 0);

        assertEquals(forward, gradient);
        assertTrue(forward.sumNumber().doubleValue() > 0 && forward.minNumber().doubleValue() == 0);
        assertThrows(IllegalStateException.class, () -> dropout.backprop(ones, gradient, 0, 0),
                "the mask is used once");
    }

    @Test
    void theHeadsDropoutIsThisOneAndClonesItself() {
        var network = HeadNetworks.create(HeadConfig.defaults(), 8, 3, 1);
        var dropout = network.getLayerWiseConfigurations().getConf(0).getLayer().getIDropout();

        var ours = assertInstanceOf(InputDropout.class, dropout);
        assertEquals(1.0 - HeadConfig.defaults().dropout(), ours.keep(), 1e-12);
        assertNotSame(ours, ours.clone());
        assertThrows(IllegalArgumentException.class, () -> new InputDropout(0));
    }
}
