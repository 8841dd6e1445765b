package org.calsim.ml.surrogate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A kind of regression model ({@code gpr}, {@code mlp}, {@code sisso}): fits it to data and reads it back. */
public interface RegressorKind {

    /** @return the name used in {@code --model} and in the model file's {@code "type"} field */
    String name();

    /**
     * Fits a model.
     *
     * @param x       n rows of d inputs
     * @param y       n rows of m outputs
     * @param options model settings ({@code --option key=value} on the command line); unknown keys are errors
     * @param seed    seed of everything random in the fit: same data, options and seed, same model
     * @throws IllegalArgumentException naming an option, its value and what is allowed
     */
    Regressor fit(double[][] x, double[][] y, ObjectNode options, long seed);

    /** Reads a model written by {@link Regressor#write()}. */
    Regressor read(JsonNode model);
}
