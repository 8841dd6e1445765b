package org.calsim.api.electrochem;

/**
 * The separator of a cell model.
 *
 * @param thickness L [m]
 * @param porosity  ε [1]
 * @param bruggeman Bruggeman exponent b: κ_eff = κ ε^b [1]
 */
public record SeparatorParameters(double thickness, double porosity, double bruggeman) {
}
