package org.calsim.ml.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class SissoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NAMES = List.of("x1", "x2", "x3", "x4");

    /** n rows of 4 inputs uniform in [0.5, 2] and the output law(x) (x4 is a distractor in the laws below). */
    private static double[][][] data(int n, long seed, ToDoubleFunction<double[]> law) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][4];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = random.nextDouble(0.5, 2);
            }
            y[i][0] = law.applyAsDouble(x[i]);
        }
        return new double[][][] {x, y};
    }

    private static ObjectNode options(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static double law(double[] x) {
        return 2 + 3 * x[0] * x[1] - 0.5 / x[2];
    }

    /**
     * y = 2 + 3·x1·x2 − 0.5/x3 lies in the rung-1 space and has two terms, so noise-free data determine it: the
     * screened pool holds x1·x2 and 1/x3, the exact pair leaves a residual at rounding level, and QR on well-scaled
     * columns gives the coefficients to about 10⁻¹⁴ relative (asserted to 10⁻⁸, far below any wrong fit). The
     * terms come in the order they were screened, and the formula prints them to 6 significant digits.
     */
    @Test
    void recoversKnownLawExactly() throws Exception {
        double[][][] d = data(100, 1, SissoTest::law);
        SissoModel model = new SissoKind().fit(d[0], d[1], options("{}"), 0);
        String formula = model.formulaText(0, NAMES, "y");
        System.out.println("sisso exact: " + formula + ", training RMSE " + model.trainingRmse(0));
        assertEquals(List.of("x1·x2", "1/x3"), model.features(0, NAMES), formula);
        assertEquals(3, model.coefficients(0)[0], 3e-8);
        assertEquals(-0.5, model.coefficients(0)[1], 0.5e-8);
        assertEquals(2, model.intercept(0), 2e-8);
        assertEquals("y = 2 + 3·(x1·x2) − 0.5·(1/x3)", formula);
        assertTrue(model.trainingRmse(0) < 1e-12, "RMSE " + model.trainingRmse(0));
    }

    /**
     * y = 1 + 2·√x1·x4 needs rung 2 (√x1 at rung 1, its product with x4 at rung 2, which is scanned without being
     * stored); the same exactness argument holds, and the fit stops at one term because its residual is round-off.
     */
    @Test
    void recoversRungTwoLaw() throws Exception {
        double[][][] d = data(80, 2, x -> 1 + 2 * Math.sqrt(x[0]) * x[3]);
        SissoModel model = new SissoKind().fit(d[0], d[1], options("{\"dimension\": 3}"), 0);
        System.out.println("sisso rung 2: " + model.formulaText(0, NAMES, "y"));
        assertEquals(List.of("x4·(√x1)"), model.features(0, NAMES));
        assertEquals(2, model.coefficients(0)[0], 2e-8);
        assertEquals(1, model.intercept(0), 1e-8);
    }

    /**
     * Gaussian noise of 1 % of the output's standard deviation on the training rows; the held-out rows are noise
     * free, so R² measures the formula against the law. Least squares averages the noise down to ~1 %/√n of the
     * variance in the coefficients, so a formula of the right features, or of close substitutes from the screened
     * pool, gives R² near 1 − 10⁻⁵; R² ≤ 0.99 means the search failed.
     */
    @Test
    void robustToOnePercentNoise() throws Exception {
        double[][][] d = data(200, 3, SissoTest::law);
        double[][][] test = data(200, 4, SissoTest::law);
        double mean = 0;
        for (double[] r : d[1]) {
            mean += r[0];
        }
        mean /= d[1].length;
        double variance = 0;
        for (double[] r : d[1]) {
            variance += (r[0] - mean) * (r[0] - mean);
        }
        double noise = 0.01 * Math.sqrt(variance / d[1].length);
        Random random = new Random(8);
        for (double[] r : d[1]) {
            r[0] += noise * random.nextGaussian();
        }
        SissoModel model = new SissoKind().fit(d[0], d[1], options("{}"), 0);
        double testMean = 0;
        for (double[] r : test[1]) {
            testMean += r[0];
        }
        testMean /= test[1].length;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < test[0].length; i++) {
            double e = model.predict(test[0][i])[0] - test[1][i][0];
            residual += e * e;
            total += (test[1][i][0] - testMean) * (test[1][i][0] - testMean);
        }
        double r2 = 1 - residual / total;
        System.out.printf("sisso 1 %% noise: %s, held-out R² = %.6f%n", model.formulaText(0, NAMES, "y"), r2);
        assertTrue(r2 > 0.99, "R² = " + r2);
    }

    /** Coefficients and intercepts are written as round-trip decimals and the features as trees. */
    @Test
    void roundTripThroughJsonText() throws Exception {
        double[][][] d = data(60, 5, SissoTest::law);
        double[][] y = new double[60][2];
        for (int i = 0; i < 60; i++) {
            y[i][0] = d[1][i][0];
            y[i][1] = Math.log(d[0][i][3]) / d[0][i][0] + 0.1 * Math.sin(7.0 * i); // not in the space exactly
        }
        SissoKind kind = new SissoKind();
        SissoModel model = kind.fit(d[0], y, options("{\"rung\": 1, \"screen\": 5}"), 0);
        JsonNode text = JSON.readTree(JSON.writeValueAsString(model.write()));
        assertEquals("sisso", text.get("type").asText());
        SissoModel back = kind.read(text);
        assertEquals(4, back.inputs());
        assertEquals(2, back.outputs());
        for (int k = 0; k < 2; k++) {
            assertEquals(model.formulaText(k, NAMES, "y"), back.formulaText(k, NAMES, "y"));
        }
        for (double[] p : data(30, 6, SissoTest::law)[0]) {
            assertArrayEquals(model.predict(p), back.predict(p), 0.0);
        }
        assertEquals(model.write(), back.write());
    }

    /** A constant output has nothing to screen against: the formula is its mean, with no terms. */
    @Test
    void constantOutputIsItsMean() throws Exception {
        double[][][] d = data(30, 9, x -> 4.25);
        SissoModel model = new SissoKind().fit(d[0], d[1], options("{}"), 0);
        assertEquals(List.of(), model.features(0, NAMES));
        assertEquals("q = 4.25", model.formulaText(0, NAMES, "q"));
        assertEquals(4.25, model.predict(new double[] {1, 1, 1, 1})[0], 0.0);
    }

    /**
     * Rung 1 on x1 ∈ [0.5, 2], x2 = 3·x1 + 1 (an affine duplicate of x1), x3 = 7 (constant) and x4 ∈ [−1, 1]: x2
     * and x3 are dropped, √, ln and 1/ are applied to x1 only, and x4 is never a denominator.
     */
    @Test
    void featureSpaceDropsInvalidConstantAndDuplicateFeatures() {
        double[][] x = new double[25][4];
        for (int i = 0; i < 25; i++) {
            x[i][0] = 0.5 + 1.5 * i / 24;
            x[i][1] = 3 * x[i][0] + 1;
            x[i][2] = 7;
            x[i][3] = Math.sin(1.3 * i);
        }
        FeatureSpace space = new FeatureSpace(x, 1);
        List<String> features = new java.util.ArrayList<>();
        space.scan((operator, a, b, values, mean, sd) -> {
            for (double v : values) {
                assertTrue(Double.isFinite(v));
            }
            assertTrue(sd > 0);
            features.add(space.column(operator, a, b, values).expression.format(NAMES));
        });
        assertEquals(List.of("x1", "x4", "x1²", "x1³", "√x1", "ln(x1)", "1/x1", "exp(x1)", "exp(−x1)", "x4²", "x4³",
                "exp(x4)", "exp(−x4)", "x1·x4", "x4/x1"), features);
    }

    /** Operands are parenthesised unless they are names, function calls or (as factors) powers. */
    @Test
    void formatsFeaturesUnambiguously() {
        Expression x1 = new Expression.Input(0);
        Expression x2 = new Expression.Input(1);
        Expression product = new Expression.Binary(Operator.MULTIPLY, x1, x2);
        Expression ln = new Expression.Unary(Operator.LN, x1);
        String[][] cases = {
                {"x1²", text(new Expression.Unary(Operator.SQUARE, x1))},
                {"(x1·x2)³", text(new Expression.Unary(Operator.CUBE, product))},
                {"ln(x1)²", text(new Expression.Unary(Operator.SQUARE, ln))},
                {"√(x1·x2)", text(new Expression.Unary(Operator.SQRT, product))},
                {"1/ln(x1)", text(new Expression.Unary(Operator.INVERSE, ln))},
                {"exp(x1·x2)", text(new Expression.Unary(Operator.EXP, product))},
                {"exp(−(x1·x2))", text(new Expression.Unary(Operator.EXP_NEGATIVE, product))},
                {"x1²/(1/x2)", text(new Expression.Binary(Operator.DIVIDE, new Expression.Unary(Operator.SQUARE, x1),
                        new Expression.Unary(Operator.INVERSE, x2)))},
                {"(√x1)·(x1·x2)", text(new Expression.Binary(Operator.MULTIPLY,
                        new Expression.Unary(Operator.SQRT, x1), product))},
        };
        for (String[] c : cases) {
            assertEquals(c[0], c[1]);
        }
        assertEquals("1.23457e-7", Formula.number(1.234567e-7));
        assertEquals("2.5e+6", Formula.number(2.5e6));
        assertEquals("−1234.57", Formula.number(-1234.5678));
        assertEquals("0", Formula.number(0));
    }

    private static String text(Expression e) {
        return e.format(NAMES);
    }

    @Test
    void badOptionsNameTheOption() throws Exception {
        SissoKind kind = new SissoKind();
        double[][][] d = data(20, 7, SissoTest::law);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> kind.fit(d[0], d[1], options("{\"rungs\": 2}"), 0));
        assertTrue(unknown.getMessage().contains("'rungs' = 2") && unknown.getMessage().contains("rung, screen, "
                + "dimension"), unknown.getMessage());
        String[][] cases = {
                {"{\"rung\": 4}", "'rung' = 4", "[0, 3]"},
                {"{\"screen\": 0}", "'screen' = 0", "[1, 1000]"},
                {"{\"dimension\": \"two\"}", "'dimension' = \"two\"", "[1, 10]"},
                {"{\"dimension\": 5, \"screen\": 40}", "'dimension' = 5 and 'screen' = 40", "C(200, 5)"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> kind.fit(d[0], d[1], options(c[0]), 0), c[0]);
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains(c[2]), e.getMessage());
        }
        double[][][] wide = data(2000, 7, SissoTest::law);
        IllegalArgumentException rung = assertThrows(IllegalArgumentException.class,
                () -> kind.fit(wide[0], wide[1], options("{\"rung\": 3}"), 0));
        assertTrue(rung.getMessage().contains("'rung' = 3"), rung.getMessage());
    }
}
