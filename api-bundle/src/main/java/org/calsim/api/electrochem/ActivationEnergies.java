package org.calsim.api.electrochem;

import org.calsim.support.units.PhysicalConstants;

/**
 * Activation energies of the temperature-dependent rates of a cell parameter set. A rate r known at T₀ is, at T,
 * r(T) = r(T₀) exp(E_a/R (1/T₀ − 1/T)) (Arrhenius; the form of the BPX standard and of PyBaMM's parameter sets,
 * e.g. Chen et al. 2020's exchange currents). Zero: the rate does not depend on temperature, or the set gives no
 * value for it.
 *
 * @param negativeReaction        reaction rate constant of the negative electrode's exchange current [J/mol]
 * @param negativeDiffusivity     solid diffusivity of the negative electrode [J/mol]
 * @param positiveReaction        reaction rate constant of the positive electrode's exchange current [J/mol]
 * @param positiveDiffusivity     solid diffusivity of the positive electrode [J/mol]
 * @param electrolyteConductivity electrolyte conductivity [J/mol]
 * @param electrolyteDiffusivity  electrolyte salt diffusivity [J/mol]
 */
public record ActivationEnergies(double negativeReaction, double negativeDiffusivity, double positiveReaction,
                                 double positiveDiffusivity, double electrolyteConductivity,
                                 double electrolyteDiffusivity) {
    /** No rate depends on temperature. */
    public static final ActivationEnergies NONE = new ActivationEnergies(0, 0, 0, 0, 0, 0);

    /** Gas constant R [J/(mol K)] ({@link PhysicalConstants#GAS_CONSTANT}). */
    public static final double GAS_CONSTANT = PhysicalConstants.GAS_CONSTANT;

    /** @throws IllegalArgumentException if an energy is not finite */
    public ActivationEnergies {
        for (double e : new double[] {negativeReaction, negativeDiffusivity, positiveReaction, positiveDiffusivity,
                electrolyteConductivity, electrolyteDiffusivity}) {
            if (!Double.isFinite(e)) {
                throw new IllegalArgumentException("activation energy " + e + " J/mol: a finite number");
            }
        }
    }

    /**
     * @param energy activation energy E_a [J/mol]
     * @param from   temperature the rate is known at, T₀ [K]
     * @param to     temperature wanted, T [K]
     * @return the Arrhenius factor exp(E_a/R (1/T₀ − 1/T)) [1]
     */
    public static double factor(double energy, double from, double to) {
        return energy == 0 || from == to ? 1 : Math.exp(energy / GAS_CONSTANT * (1 / from - 1 / to));
    }
}
