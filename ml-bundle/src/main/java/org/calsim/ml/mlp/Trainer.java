package org.calsim.ml.mlp;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.calsim.ml.surrogate.Standardisation;
import org.calsim.ml.surrogate.TrainingData;

/**
 * Trains a {@link MultilayerPerceptron}: inputs and outputs standardised ({@link Standardisation}), a random
 * validation share of the rows held out, weights initialised by {@link Network#initialise}, then epochs of
 * mini-batch Adam (Kingma and Ba, ICLR 2015, Algorithm 1: β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸, bias-corrected moments)
 * on the loss of {@link Network#lossAndGradient} over the shuffled training rows. After every epoch the mean squared
 * error of the validation rows (standardised units) is measured; training stops when it has not improved for
 * {@code patience} epochs, and the weights of the best epoch are returned (early stopping, Prechelt, in Neural
 * Networks: Tricks of the Trade, LNCS 1524 (1998) 55). Without validation rows all epochs run and the last weights
 * are returned. One {@link SplittableRandom} draws, in this order, the split, the weights and each epoch's
 * shuffle, so the same data, settings and seed give the same weights bit for bit.
 */
final class Trainer {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    /**
     * @param layers             hidden widths
     * @param activation         σ of the hidden layers
     * @param learningRate       Adam step α (standardised units)
     * @param epochs             most passes over the training rows
     * @param batchSize          rows per step (at most the training rows)
     * @param validationFraction share of the rows held out for early stopping (0: none)
     * @param patience           epochs without improvement of the validation error before stopping
     * @param weightDecay        λ of the penalty (λ/2) Σ w²
     */
    record Settings(int[] layers, Activation activation, double learningRate, int epochs, int batchSize,
                    double validationFraction, int patience, double weightDecay) {
    }

    /**
     * @param model          the trained network (best validation epoch)
     * @param validationRows the held-out row indices (empty without validation)
     * @param history        validation mean squared error (standardised) after each epoch run (empty without
     *                       validation)
     */
    record Result(MultilayerPerceptron model, int[] validationRows, double[] history) {
    }

    private Trainer() {
    }

    /**
     * @param x n rows of d inputs
     * @param y n rows of m outputs
     */
    static Result train(double[][] x, double[][] y, Settings settings, long seed) {
        TrainingData.check(MlpKind.NAME, x, y);
        int n = x.length;
        int d = x[0].length;
        int m = y[0].length;
        Standardisation inputScaling = Standardisation.of(x);
        Standardisation outputScaling = Standardisation.of(y);
        double[][] zx = inputScaling.apply(x);
        double[][] zy = outputScaling.apply(y);

        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        int held = settings.validationFraction() == 0 ? 0
                : (int) Math.max(1, Math.round(settings.validationFraction() * n));
        if (n - held < 1) {
            throw new IllegalArgumentException("mlp needs at least 2 rows with validation_fraction = "
                    + settings.validationFraction() + "; got " + n);
        }
        int[] validation = Arrays.copyOfRange(order, 0, held);
        int[] training = Arrays.copyOfRange(order, held, n);

        int[] widths = new int[settings.layers().length + 2];
        widths[0] = d;
        System.arraycopy(settings.layers(), 0, widths, 1, settings.layers().length);
        widths[widths.length - 1] = m;
        Network network = new Network(widths, settings.activation());
        int p = network.parameters();
        double[] theta = new double[p];
        network.initialise(theta, random);
        double[] gradient = new double[p];
        double[] best = theta.clone();
        double[] history = new double[held > 0 ? settings.epochs() : 0];
        int batch = Math.min(settings.batchSize(), training.length);
        double alpha = settings.learningRate();
        double decay = settings.weightDecay();
        Adam adam = new Adam(p, alpha);
        double bestError = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        int epochs = 0;
        while (epochs < settings.epochs()) {
            shuffle(training, random);
            for (int from = 0; from < training.length; from += batch) {
                network.lossAndGradient(theta, zx, zy, training, from, Math.min(from + batch, training.length), decay,
                        gradient);
                adam.step(theta, gradient);
            }
            int epoch = epochs++;
            if (held > 0) {
                double error = network.meanSquaredError(theta, zx, zy, validation);
                history[epoch] = error;
                if (error < bestError) {
                    bestError = error;
                    bestEpoch = epoch;
                    System.arraycopy(theta, 0, best, 0, p);
                } else if (epoch - bestEpoch >= settings.patience()) {
                    break;
                }
            }
        }
        if (held == 0) {
            System.arraycopy(theta, 0, best, 0, p);
            bestEpoch = epochs - 1;
        }
        for (double v : best) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("mlp training diverged (learning_rate " + alpha + ")");
            }
        }
        if (bestEpoch < 0) {
            throw new IllegalStateException("mlp validation error never finite (learning_rate " + alpha + ")");
        }
        MultilayerPerceptron model = new MultilayerPerceptron(network, best, inputScaling, outputScaling,
                new MultilayerPerceptron.Summary(epochs, bestEpoch, held > 0 ? bestError : Double.NaN));
        return new Result(model, validation, Arrays.copyOf(history, held > 0 ? epochs : 0));
    }

    /**
     * Adam's update (Kingma and Ba 2015): the bias-corrected first and second moments of the gradient, decay rates
     * β₁ = {@value #BETA1} and β₂ = {@value #BETA2}, step α m̂/(√v̂ + ε).
     */
    private static final class Adam {
        private final double alpha;
        private final double[] moment;
        private final double[] squareMoment;
        private double beta1Power = 1;
        private double beta2Power = 1;

        Adam(int parameters, double alpha) {
            this.alpha = alpha;
            this.moment = new double[parameters];
            this.squareMoment = new double[parameters];
        }

        /** Moves {@code theta} one step against {@code gradient}. */
        void step(double[] theta, double[] gradient) {
            beta1Power *= BETA1;
            beta2Power *= BETA2;
            double c1 = 1 - beta1Power;
            double c2 = 1 - beta2Power;
            for (int k = 0; k < theta.length; k++) {
                double g = gradient[k];
                moment[k] = BETA1 * moment[k] + (1 - BETA1) * g;
                squareMoment[k] = BETA2 * squareMoment[k] + (1 - BETA2) * g * g;
                theta[k] -= alpha * (moment[k] / c1) / (Math.sqrt(squareMoment[k] / c2) + EPSILON);
            }
        }
    }

    /** Fisher–Yates shuffle (Knuth, TAOCP vol 2, Algorithm 3.4.2 P). */
    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
