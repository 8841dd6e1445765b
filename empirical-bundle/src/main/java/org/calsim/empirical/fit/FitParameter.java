package org.calsim.empirical.fit;

/**
 * One fitted parameter.
 *
 * @param name          short name, e.g. {@code gamma}
 * @param value         best-fit value [SI unit {@code unit}]
 * @param standardError standard error √(σ² (JᵀJ)⁻¹)_jj with σ² = RSS/(n − p) [same unit]
 * @param unit          SI unit, {@code "1"} if dimensionless
 */
public record FitParameter(String name, double value, double standardError, String unit) {
}
