package org.activelabel.model;

/**
 * One trained dense layer of a head, for writing it out in another format: {@code y = activation(x W + b)}.
 *
 * @param inputs     length of x
 * @param outputs    length of y
 * @param weights    W row-major, {@code inputs} rows of {@code outputs} values
 * @param bias       b, {@code outputs} values
 * @param activation what follows the affine step
 */
public record DenseLayerWeights(int inputs, int outputs, float[] weights, float[] bias, Activation activation) {

    public enum Activation { IDENTITY, RELU, SOFTMAX }

    public DenseLayerWeights {
        if (weights.length != inputs * outputs || bias.length != outputs) {
            throw new IllegalArgumentException("a " + inputs + "x" + outputs + " layer needs " + inputs * outputs
                    + " weights and " + outputs + " biases, got " + weights.length + " and " + bias.length);
        }
        weights = weights.clone();
        bias = bias.clone();
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    @Override
    public float[] bias() {
        return bias.clone();
    }
}
