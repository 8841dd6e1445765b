package org.calsim.ml.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.calsim.ml.surrogate.Regressor;
import org.calsim.ml.surrogate.Standardisation;
import org.junit.jupiter.api.Test;

class MultilayerPerceptronTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** n points uniform on [−2, 2]² with y = sin x₁ cos x₂. */
    private static double[][][] smooth(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble(-2, 2);
            x[i][1] = random.nextDouble(-2, 2);
            y[i][0] = Math.sin(x[i][0]) * Math.cos(x[i][1]);
        }
        return new double[][][] {x, y};
    }

    private static ObjectNode options(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static double rSquared(Regressor model, double[][] x, double[][] y) {
        double mean = 0;
        for (double[] r : y) {
            mean += r[0];
        }
        mean /= y.length;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double e = model.predict(x[i])[0] - y[i][0];
            residual += e * e;
            total += (y[i][0] - mean) * (y[i][0] - mean);
        }
        return 1 - residual / total;
    }

    /**
     * sin x₁ cos x₂ is smooth and of unit amplitude; 400 random samples cover [−2, 2]² densely enough that a
     * [32, 32] tanh network interpolates it to a few per cent of its variance, so a held-out R² > 0.98 on 400 fresh
     * points fails only if training is broken (a linear model reaches R² ≈ 0.3 here).
     */
    @Test
    void fitsSmoothFunction() throws Exception {
        double[][][] train = smooth(400, 1);
        double[][][] test = smooth(400, 2);
        MultilayerPerceptron model = new MlpKind().fit(train[0], train[1], options("{}"), 7);
        double r2 = rSquared(model, test[0], test[1]);
        System.out.printf("mlp sin·cos: held-out R² = %.5f after %d epochs (best %d)%n", r2,
                model.summary().epochs(), model.summary().bestEpoch());
        assertTrue(r2 > 0.98, "R² = " + r2);
    }

    /**
     * Backpropagation against central differences (E(θ + h e_k) − E(θ − h e_k)) / 2h on a tiny network with weight
     * decay: with E = O(1) and h = 10⁻⁵ the truncation error is ~h² E''' ≈ 10⁻¹⁰ and the rounding error
     * ~ε E / h ≈ 10⁻¹¹, against gradient components of 10⁻²–1, so the relative error of the gradient vector stays
     * below 10⁻⁶ unless a term is wrong (a missing factor or index gives errors of order 1). For ReLU the loss is
     * smooth only away from pre-activations at 0; a step of h moving one across 0 would also show as an error of
     * order 1, so the check covers ReLU at these fixed random draws.
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        for (Activation activation : Activation.values()) {
            Network network = new Network(new int[] {3, 4, 3, 2}, activation);
            SplittableRandom random = new SplittableRandom(11);
            double[] theta = new double[network.parameters()];
            network.initialise(theta, random);
            for (int k = 0; k < theta.length; k++) {
                theta[k] += random.nextDouble(-0.3, 0.3); // biases non-zero too
            }
            double[][] x = new double[6][3];
            double[][] y = new double[6][2];
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 3; j++) {
                    x[i][j] = random.nextDouble(-1.5, 1.5);
                }
                y[i][0] = random.nextDouble(-1, 1);
                y[i][1] = random.nextDouble(-1, 1);
            }
            int[] rows = {5, 0, 3, 2, 4, 1};
            double decay = 0.05;
            double[] gradient = new double[theta.length];
            network.lossAndGradient(theta, x, y, rows, 1, 5, decay, gradient);
            double[] numeric = new double[theta.length];
            double[] scratch = new double[theta.length];
            double h = 1e-5;
            for (int k = 0; k < theta.length; k++) {
                double saved = theta[k];
                theta[k] = saved + h;
                double plus = network.lossAndGradient(theta, x, y, rows, 1, 5, decay, scratch);
                theta[k] = saved - h;
                double minus = network.lossAndGradient(theta, x, y, rows, 1, 5, decay, scratch);
                theta[k] = saved;
                numeric[k] = (plus - minus) / (2 * h);
            }
            double difference = 0;
            double norm = 0;
            for (int k = 0; k < theta.length; k++) {
                difference += (gradient[k] - numeric[k]) * (gradient[k] - numeric[k]);
                norm += gradient[k] * gradient[k];
            }
            double relative = Math.sqrt(difference / norm);
            System.out.printf("mlp gradient check (%s): relative error %.2e%n", activation.label(), relative);
            assertTrue(relative < 1e-6, activation + ": relative error " + relative);
        }
    }

    /** The same seed repeats every draw and every floating-point operation; another seed draws other weights. */
    @Test
    void sameSeedSameModel() throws Exception {
        double[][][] data = smooth(80, 3);
        ObjectNode options = options("{\"epochs\": 40, \"layers\": [8, 8]}");
        MlpKind kind = new MlpKind();
        MultilayerPerceptron a = kind.fit(data[0], data[1], options, 42);
        MultilayerPerceptron b = kind.fit(data[0], data[1], options, 42);
        MultilayerPerceptron c = kind.fit(data[0], data[1], options, 43);
        assertArrayEquals(a.parameters(), b.parameters(), 0.0);
        double[] probe = {0.3, -1.1};
        assertArrayEquals(a.predict(probe), b.predict(probe), 0.0);
        assertFalse(Arrays.equals(a.parameters(), c.parameters()));
    }

    /**
     * 40 rows of y = x + noise (σ = 0.5, a signal-to-noise ratio near 1) and a wide network with a large step: the
     * network overfits the 32 training rows within tens of epochs, so the validation error has a minimum
     * and training must stop {@code patience} epochs after it, far before the 20000 allowed. The kept model's
     * validation error, recomputed here from its predictions in data units, equals the minimum of the history (to
     * 10⁻¹², the rounding of un- and re-standardising) and is below the error of the last epoch run: the best
     * weights were restored, not the last.
     */
    @Test
    void earlyStoppingKeepsBestWeights() throws Exception {
        Random random = new Random(5);
        double[][] x = new double[40][1];
        double[][] y = new double[40][1];
        for (int i = 0; i < 40; i++) {
            x[i][0] = random.nextDouble() * 2 - 1;
            y[i][0] = x[i][0] + 0.5 * random.nextGaussian();
        }
        int patience = 60;
        Trainer.Settings settings = MlpKind.settings(options("{\"layers\": [64, 64], \"learning_rate\": 0.01, "
                + "\"epochs\": 20000, \"patience\": " + patience + "}"));
        Trainer.Result result = Trainer.train(x, y, settings, 9);
        double[] history = result.history();
        int best = 0;
        for (int e = 1; e < history.length; e++) {
            if (history[e] < history[best]) {
                best = e;
            }
        }
        MultilayerPerceptron model = result.model();
        System.out.printf("mlp early stopping: %d epochs, best %d, validation MSE %.4f (last %.4f)%n",
                history.length, best, history[best], history[history.length - 1]);
        assertEquals(history.length, model.summary().epochs());
        assertTrue(history.length < 20000);
        assertEquals(best + patience + 1, history.length);
        assertEquals(best, model.summary().bestEpoch());
        assertEquals(history[best], model.summary().validationMse(), 0.0);
        assertTrue(history[best] < history[history.length - 1]);

        Standardisation scaling = Standardisation.of(y);
        double squares = 0;
        for (int r : result.validationRows()) {
            double e = (model.predict(x[r])[0] - y[r][0]) / scaling.scale()[0];
            squares += e * e;
        }
        double recomputed = squares / result.validationRows().length;
        assertEquals(history[best], recomputed, 1e-12 * history[best]);
    }

    /** Weights are written as shortest round-trip decimals, so the model read back from text predicts bit for bit. */
    @Test
    void roundTripThroughJsonText() throws Exception {
        double[][][] data = smooth(60, 4);
        MlpKind kind = new MlpKind();
        MultilayerPerceptron model = kind.fit(data[0], data[1],
                options("{\"epochs\": 30, \"layers\": [5, 4], \"activation\": \"relu\"}"), 1);
        JsonNode text = JSON.readTree(JSON.writeValueAsString(model.write()));
        assertEquals("mlp", text.get("type").asText());
        Regressor back = kind.read(text);
        assertEquals(2, back.inputs());
        assertEquals(1, back.outputs());
        double[][][] probe = smooth(50, 5);
        for (double[] p : probe[0]) {
            assertArrayEquals(model.predict(p), back.predict(p), 0.0);
        }
        assertEquals(model.write(), back.write());
    }

    @Test
    void badOptionsNameTheOption() throws Exception {
        MlpKind kind = new MlpKind();
        double[][][] data = smooth(10, 6);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> kind.fit(data[0], data[1], options("{\"lerning_rate\": 0.1}"), 1));
        assertTrue(unknown.getMessage().contains("'lerning_rate' = 0.1"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("learning_rate, epochs"), unknown.getMessage());

        String[][] cases = {
                {"{\"learning_rate\": -1}", "'learning_rate' = -1", "(0, 1]"},
                {"{\"learning_rate\": \"fast\"}", "'learning_rate' = \"fast\"", "(0, 1]"},
                {"{\"layers\": [32, 0]}", "'layers' = [32,0]", "[1, 4096]"},
                {"{\"layers\": \"16,x\"}", "'layers' = \"16,x\"", "list of integers"},
                {"{\"activation\": \"sigmoid\"}", "'activation' = \"sigmoid\"", "tanh, relu"},
                {"{\"epochs\": 2.5}", "'epochs' = 2.5", "an integer in [1, 1000000]"},
                {"{\"batch_size\": 0}", "'batch_size' = 0", "[1, 1000000]"},
                {"{\"validation_fraction\": 0.9}", "'validation_fraction' = 0.9", "[0, 0.5]"},
                {"{\"patience\": -3}", "'patience' = -3", "[1, 1000000]"},
                {"{\"weight_decay\": -0.1}", "'weight_decay' = -0.1", "≥ 0"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> kind.fit(data[0], data[1], options(c[0]), 1), c[0]);
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains(c[2]), e.getMessage());
        }
        Trainer.Settings text = MlpKind.settings(options("{\"layers\": \"16, 8\", \"learning_rate\": \"0.01\"}"));
        assertArrayEquals(new int[] {16, 8}, text.layers());
        assertEquals(0.01, text.learningRate(), 0.0);
    }
}
