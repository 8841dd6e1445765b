package org.calsim.empirical.fit;

import java.util.List;

/** A model y = f(x; p) to fit by least squares, with its gradient in the parameters. */
public interface CurveModel {

    /** @return the parameter names, in order */
    List<String> parameterNames();

    /** @return the SI units of the parameters, in order */
    List<String> parameterUnits();

    /**
     * @param x          abscissa [SI]
     * @param parameters parameter values [SI]
     * @return f(x; p) [SI]
     */
    double value(double x, double[] parameters);

    /**
     * @param x          abscissa [SI]
     * @param parameters parameter values [SI]
     * @return ∂f/∂p_j for each parameter
     */
    double[] gradient(double x, double[] parameters);

    /**
     * Keeps trial parameters where the model is defined (e.g. a damping factor &gt; 0). Called by the
     * optimiser before each evaluation.
     *
     * @param parameters trial values
     * @return admissible values (may be {@code parameters} itself)
     */
    default double[] constrain(double[] parameters) {
        return parameters;
    }
}
