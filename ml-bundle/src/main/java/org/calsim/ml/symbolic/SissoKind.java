package org.calsim.ml.symbolic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.calsim.ml.surrogate.RegressorKind;
import org.calsim.ml.surrogate.RegressorOptions;
import org.calsim.ml.surrogate.TrainingData;

/**
 * Sparse symbolic regression in the manner of SISSO (Ouyang et al., Phys. Rev. Materials 2 (2018) 083802): each
 * output is fitted separately ({@link Sisso}) by a formula of at most {@code dimension} features of the space
 * {@link FeatureSpace} builds from the inputs. Options, all optional:
 * <ul>
 * <li>{@code rung}: operator applications R in [0, 3], default 2 (0: the inputs only, a sparse linear model)</li>
 * <li>{@code screen}: features k added to the pool per dimension by screening, in [1, 1000], default 20</li>
 * <li>{@code dimension}: the most terms D in [1, 10], default 2 (fixed, not chosen by cross-validation: raise it
 * when the training RMSE of the formula is still above the noise)</li>
 * </ul>
 * The ℓ0 search fits every D-subset of the D·k pooled features; more than 10⁷ subsets, C(D·k, D), is refused. The
 * fit draws nothing at random: the seed is not used.
 */
public final class SissoKind implements RegressorKind {
    static final String NAME = "sisso";
    static final double MOST_SUBSETS = 1e7;
    private static final List<String> OPTIONS = List.of("rung", "screen", "dimension");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SissoModel fit(double[][] x, double[][] y, ObjectNode options, long seed) {
        RegressorOptions o = new RegressorOptions(NAME, options, OPTIONS);
        int rung = o.integer("rung", 2, 0, 3);
        int screen = o.integer("screen", 20, 1, 1000);
        int dimension = o.integer("dimension", 2, 1, 10);
        double subsets = subsets(dimension * screen, dimension);
        if (subsets > MOST_SUBSETS) {
            throw new IllegalArgumentException("sisso options 'dimension' = " + dimension + " and 'screen' = " + screen
                    + " need up to C(" + dimension * screen + ", " + dimension + ") = " + (long) subsets
                    + " least-squares fits, more than the " + (long) MOST_SUBSETS + " allowed: lower either");
        }
        TrainingData.check(NAME, x, y);
        FeatureSpace space = new FeatureSpace(x, rung);
        Formula[] formulas = new Formula[y[0].length];
        double[] output = new double[x.length];
        for (int k = 0; k < formulas.length; k++) {
            for (int i = 0; i < x.length; i++) {
                output[i] = y[i][k];
            }
            formulas[k] = Sisso.fit(space, output, screen, dimension);
        }
        return new SissoModel(x[0].length, formulas);
    }

    /** @return the binomial coefficient C(p, d) */
    private static double subsets(int p, int d) {
        double c = 1;
        for (int j = 1; j <= d; j++) {
            c = c * (p - d + j) / j;
        }
        return c;
    }

    @Override
    public SissoModel read(JsonNode model) {
        return SissoModel.read(model);
    }
}
