package org.calsim.ml.optimisation;

/**
 * What an optimisation makes small or large.
 *
 * @param output a dataset column name: a state scalar ({@code transport.effective_properties.through_plane_tortuosity})
 *               or a stage result ({@code empirical.rate-capability/...})
 * @param unit   its unit
 * @param goal   minimise or maximise
 */
public record Objective(String output, String unit, Goal goal) {
}
