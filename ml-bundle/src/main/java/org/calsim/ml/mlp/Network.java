package org.calsim.ml.mlp;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fully connected feed-forward network of widths n_0 = d, n_1 … n_H (hidden, activation σ), n_{H+1} = m (linear
 * output): a_0 = x, a_l = σ(W_l a_{l−1} + b_l) for l ≤ H, ŷ = W_{H+1} a_H + b_{H+1}. The parameters are one flat
 * array holding, layer after layer, W_l (n_l × n_{l−1}, row-major) and then b_l. The activation and error buffers are
 * allocated once here, so forward and backward passes allocate nothing; an instance is therefore used by one thread.
 */
final class Network {
    private final int[] widths;
    private final Activation activation;
    private final int[] weightStart;
    private final int[] biasStart;
    private final int parameters;
    private final double[][] activations;
    private final double[] error;
    private final double[] previousError;

    /**
     * @param widths     n_0 … n_{H+1}: inputs, hidden widths, outputs
     * @param activation σ of the hidden layers
     */
    Network(int[] widths, Activation activation) {
        this.widths = widths.clone();
        this.activation = activation;
        int layers = widths.length - 1;
        weightStart = new int[layers + 1];
        biasStart = new int[layers + 1];
        activations = new double[layers + 1][];
        int offset = 0;
        int widest = 0;
        for (int l = 1; l <= layers; l++) {
            weightStart[l] = offset;
            offset += widths[l] * widths[l - 1];
            biasStart[l] = offset;
            offset += widths[l];
            activations[l] = new double[widths[l]];
            widest = Math.max(widest, widths[l]);
        }
        parameters = offset;
        error = new double[widest];
        previousError = new double[widest];
    }

    int[] widths() {
        return widths.clone();
    }

    Activation activation() {
        return activation;
    }

    /** @return number of weights and biases */
    int parameters() {
        return parameters;
    }

    /** @return index of W_l[i][j] in the parameter array (layers l = 1 … H + 1) */
    int weight(int l, int i, int j) {
        return weightStart[l] + i * widths[l - 1] + j;
    }

    /** @return index of b_l[i] in the parameter array */
    int bias(int l, int i) {
        return biasStart[l] + i;
    }

    /**
     * Draws the weights of each layer uniformly in ±{@link Activation#initialBound} of the activation that follows it
     * (Glorot for the linear output layer) and sets the biases to 0.
     */
    void initialise(double[] theta, SplittableRandom random) {
        int layers = widths.length - 1;
        for (int l = 1; l <= layers; l++) {
            double bound = l < layers ? activation.initialBound(widths[l - 1], widths[l])
                    : Activation.glorot(widths[l - 1], widths[l]);
            for (int p = weightStart[l]; p < biasStart[l]; p++) {
                theta[p] = random.nextDouble(-bound, bound);
            }
            for (int p = biasStart[l]; p < biasStart[l] + widths[l]; p++) {
                theta[p] = 0;
            }
        }
    }

    /** @return the output ŷ for the input x (a buffer of this network, overwritten by the next pass) */
    double[] forward(double[] theta, double[] x) {
        int layers = widths.length - 1;
        activations[0] = x;
        for (int l = 1; l <= layers; l++) {
            double[] in = activations[l - 1];
            double[] out = activations[l];
            int nIn = widths[l - 1];
            int w = weightStart[l];
            int b = biasStart[l];
            boolean hidden = l < layers;
            for (int i = 0; i < out.length; i++) {
                double z = theta[b + i];
                int row = w + i * nIn;
                for (int j = 0; j < nIn; j++) {
                    z += theta[row + j] * in[j];
                }
                out[i] = hidden ? activation.apply(z) : z;
            }
        }
        return activations[layers];
    }

    /**
     * The loss of a mini-batch B and its gradient by backpropagation (Rumelhart, Hinton and Williams, Nature 323
     * (1986) 533): E = (1 / (|B| m)) Σ_{i∈B} Σ_k (ŷ_ik − y_ik)² + (λ/2) Σ_l ‖W_l‖² (biases are not penalised), with
     * ∂E/∂ŷ_ik = 2 (ŷ_ik − y_ik) / (|B| m), δ_{l−1} = (W_lᵀ δ_l) ⊙ σ'(a_{l−1}), ∂E/∂W_l = Σ δ_l a_{l−1}ᵀ + λ W_l,
     * ∂E/∂b_l = Σ δ_l.
     *
     * @param x        standardised inputs
     * @param y        standardised outputs
     * @param rows     row indices; the batch is rows[from … to−1]
     * @param decay    λ
     * @param gradient overwritten with ∂E/∂θ
     * @return E
     */
    double lossAndGradient(double[] theta, double[][] x, double[][] y, int[] rows, int from, int to, double decay,
                           double[] gradient) {
        Arrays.fill(gradient, 0);
        int layers = widths.length - 1;
        int m = widths[layers];
        double factor = 2.0 / ((to - from) * m);
        double squares = 0;
        for (int r = from; r < to; r++) {
            double[] target = y[rows[r]];
            double[] out = forward(theta, x[rows[r]]);
            double[] delta = error;
            double[] below = previousError;
            for (int k = 0; k < m; k++) {
                double e = out[k] - target[k];
                squares += e * e;
                delta[k] = factor * e;
            }
            for (int l = layers; l >= 1; l--) {
                double[] in = activations[l - 1];
                int nIn = widths[l - 1];
                int nOut = widths[l];
                int w = weightStart[l];
                int b = biasStart[l];
                for (int i = 0; i < nOut; i++) {
                    gradient[b + i] += delta[i];
                    int row = w + i * nIn;
                    for (int j = 0; j < nIn; j++) {
                        gradient[row + j] += delta[i] * in[j];
                    }
                }
                if (l > 1) {
                    for (int j = 0; j < nIn; j++) {
                        double s = 0;
                        for (int i = 0; i < nOut; i++) {
                            s += theta[w + i * nIn + j] * delta[i];
                        }
                        below[j] = s * activation.derivative(in[j]);
                    }
                    double[] swap = delta;
                    delta = below;
                    below = swap;
                }
            }
        }
        double penalty = 0;
        if (decay > 0) {
            for (int l = 1; l <= layers; l++) {
                for (int p = weightStart[l]; p < biasStart[l]; p++) {
                    penalty += theta[p] * theta[p];
                    gradient[p] += decay * theta[p];
                }
            }
        }
        return squares * factor / 2 + 0.5 * decay * penalty;
    }

    /** @return (1 / (|rows| m)) Σ_{i∈rows} Σ_k (ŷ_ik − y_ik)², the mean squared error of the rows */
    double meanSquaredError(double[] theta, double[][] x, double[][] y, int[] rows) {
        double squares = 0;
        for (int r : rows) {
            double[] out = forward(theta, x[r]);
            for (int k = 0; k < out.length; k++) {
                double e = out[k] - y[r][k];
                squares += e * e;
            }
        }
        return squares / ((double) rows.length * widths[widths.length - 1]);
    }
}
