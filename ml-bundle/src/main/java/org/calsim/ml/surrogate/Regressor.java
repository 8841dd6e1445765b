package org.calsim.ml.surrogate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A fitted regression model from d inputs to m outputs, in the units of the data it was fitted to. A
 * trained surrogate holds one; the model file stores it with {@link #write()}.
 */
public interface Regressor {

    /** @return number of inputs d */
    int inputs();

    /** @return number of outputs m */
    int outputs();

    /**
     * @param x one input row of length d, in the data's units
     * @return the m predicted outputs, in the data's units
     */
    double[] predict(double[] x);

    /**
     * @return the model's fitted state as JSON (its {@code "type"} field names the {@link RegressorKind} that reads it
     *         back); predicting with the model read back gives the same numbers
     */
    ObjectNode write();

    /**
     * @param output     which output
     * @param inputNames names of the inputs, in order
     * @param outputName name of the output
     * @return the model as an explicit formula, if it is one (symbolic regression); empty for black boxes
     */
    default Optional<String> formula(int output, List<String> inputNames, String outputName) {
        return Optional.empty();
    }
}
