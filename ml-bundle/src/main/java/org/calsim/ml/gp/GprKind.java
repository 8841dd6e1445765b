package org.calsim.ml.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.calsim.ml.surrogate.Regressor;
import org.calsim.ml.surrogate.RegressorKind;
import org.calsim.ml.surrogate.RegressorOptions;
import org.calsim.ml.surrogate.TrainingData;
import org.calsim.support.json.Json;

/**
 * Gaussian process regression as a surrogate: one {@link GaussianProcess} per output. Options: {@code kernel}
 * ({@code matern52}, the default, or {@code rbf}) and {@code restarts} (random restarts of the hyperparameter
 * search, default 3). The model file keeps the training data and the hyperparameters, from which the process is
 * rebuilt exactly.
 */
public final class GprKind implements RegressorKind {
    private static final int MAX_RESTARTS = 50;

    @Override
    public String name() {
        return "gpr";
    }

    @Override
    public Regressor fit(double[][] x, double[][] y, ObjectNode options, long seed) {
        RegressorOptions o = new RegressorOptions(name(), options, List.of("kernel", "restarts"));
        Kernel kernel = kernel(o.choice("kernel", "matern52", List.of("matern52", "rbf")));
        int restarts = o.integer("restarts", 3, 0, MAX_RESTARTS);
        TrainingData.check(name(), x, y);
        GaussianProcess[] gp = new GaussianProcess[y[0].length];
        double[][] theta = new double[gp.length][];
        for (int k = 0; k < gp.length; k++) {
            gp[k] = GaussianProcess.fit(kernel, x, column(y, k), restarts, seed + k);
            theta[k] = gp[k].hyperparameters();
        }
        return new Model(kernel, x, y, theta, gp);
    }

    @Override
    public Regressor read(JsonNode model) {
        Kernel kernel = kernel(model.path("kernel").asText());
        double[][] x = Json.convert(model.get("x"), double[][].class);
        double[][] y = Json.convert(model.get("y"), double[][].class);
        double[][] theta = Json.convert(model.get("theta"), double[][].class);
        GaussianProcess[] gp = new GaussianProcess[theta.length];
        for (int k = 0; k < gp.length; k++) {
            gp[k] = GaussianProcess.withHyperparameters(kernel, x, column(y, k), theta[k]);
        }
        return new Model(kernel, x, y, theta, gp);
    }

    private static Kernel kernel(String name) {
        return switch (name) {
            case "matern52" -> Kernel.MATERN52;
            case "rbf" -> Kernel.RBF;
            default -> throw new IllegalArgumentException("option kernel=" + name + ": expected matern52 or rbf");
        };
    }

    private static double[] column(double[][] y, int k) {
        double[] c = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            c[i] = y[i][k];
        }
        return c;
    }

    /** The fitted processes, one per output. */
    private record Model(Kernel kernel, double[][] x, double[][] y, double[][] theta, GaussianProcess[] gp)
            implements Regressor {
        @Override
        public int inputs() {
            return x[0].length;
        }

        @Override
        public int outputs() {
            return gp.length;
        }

        @Override
        public double[] predict(double[] input) {
            double[] out = new double[gp.length];
            for (int k = 0; k < gp.length; k++) {
                out[k] = gp[k].predict(input)[0];
            }
            return out;
        }

        @Override
        public ObjectNode write() {
            ObjectNode n = Json.object();
            n.put("type", "gpr");
            n.put("kernel", kernel == Kernel.RBF ? "rbf" : "matern52");
            n.set("x", Json.tree(x));
            n.set("y", Json.tree(y));
            ArrayNode t = n.putArray("theta");
            for (double[] th : theta) {
                t.add(Json.tree(th));
            }
            return n;
        }
    }
}
