package org.calsim.api.electrochem;

import java.util.function.DoubleUnaryOperator;

/**
 * A binary liquid electrolyte in concentrated-solution theory. Functions take the salt concentration in
 * mol/m³.
 *
 * @param initialConcentration salt concentration at rest c₀ [mol/m³]
 * @param conductivity         κ(c) [S/m]
 * @param diffusivity          D(c) [m²/s]
 * @param transferenceNumber   cation transference number t₊ [1] (taken constant)
 * @param thermodynamicFactor  1 + d ln f±/d ln c [1]
 */
public record ElectrolyteParameters(double initialConcentration, DoubleUnaryOperator conductivity,
                                    DoubleUnaryOperator diffusivity, double transferenceNumber,
                                    DoubleUnaryOperator thermodynamicFactor) {

    /**
     * @param conductivityFactor factor on κ(c) [1]
     * @param diffusivityFactor  factor on D(c) [1]
     * @return the same electrolyte with scaled transport (e.g. Arrhenius factors at another temperature)
     */
    public ElectrolyteParameters withRates(double conductivityFactor, double diffusivityFactor) {
        DoubleUnaryOperator kappa = conductivityFactor == 1 ? conductivity
                : c -> conductivityFactor * conductivity.applyAsDouble(c);
        DoubleUnaryOperator salt = diffusivityFactor == 1 ? diffusivity
                : c -> diffusivityFactor * diffusivity.applyAsDouble(c);
        return new ElectrolyteParameters(initialConcentration, kappa, salt, transferenceNumber, thermodynamicFactor);
    }
}
