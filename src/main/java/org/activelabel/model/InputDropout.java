package org.activelabel.model;

import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout exactly as DL4J's {@code Dropout} computes it (each input kept with probability {@code keep} and
 * scaled by 1 / keep, the same mask in backprop; from the same seed, the same mask), with the mask drawn by one
 * Bernoulli op: DL4J fills a mask with ones and runs its DropOutInverted op over it, which costs twice as much and
 * was a third of an incremental update of the accurate backbone's 1,536-feature head (docs/benchmarks.md).
 */
final class InputDropout implements IDropout {

    private final double keep;
    private transient INDArray mask;

    InputDropout(double keep) {
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep must be in (0, 1], was " + keep);
        }
        this.keep = keep;
    }

    @Override
    public INDArray applyDropout(INDArray input, INDArray output, int iteration, int epoch,
                                 LayerWorkspaceMgr workspaces) {
        INDArray in = input.dataType() == output.dataType() ? input : input.castTo(output.dataType());
        mask = workspaces.createUninitialized(ArrayType.INPUT, output.dataType(), output.shape(), output.ordering());
        Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, keep));
        mask.muli(1.0 / keep);
        Nd4j.getExecutioner().exec(new MulOp(in, mask, output));
        return output;
    }

    @Override
    public INDArray backprop(INDArray gradAtOutput, INDArray gradAtInput, int iteration, int epoch) {
        if (mask == null) {
            throw new IllegalStateException("no dropout mask to backpropagate through: applyDropout first");
        }
        INDArray grad = gradAtOutput.dataType() == gradAtInput.dataType() ? gradAtOutput
                : gradAtOutput.castTo(gradAtInput.dataType());
        Nd4j.getExecutioner().exec(new MulOp(grad, mask, gradAtInput));
        mask = null;
        return gradAtInput;
    }

    @Override
    public void clear() {
        mask = null;
    }

    @Override
    public InputDropout clone() {
        return new InputDropout(keep);
    }

    double keep() {
        return keep;
    }
}
