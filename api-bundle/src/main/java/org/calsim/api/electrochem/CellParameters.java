package org.calsim.api.electrochem;

import java.util.Objects;

/**
 * A complete parameter set of a Doyle–Fuller–Newman (P2D) cell: negative electrode / separator / positive
 * electrode, or, for a half cell, lithium foil / separator / working electrode. Values SI.
 *
 * @param name                     name of the set, e.g. {@code Chen2020}
 * @param source                   the publication the values come from
 * @param negative                 the negative porous electrode; {@code null} for a half cell against lithium foil
 * @param foilExchangeCurrent      exchange current density of the lithium foil [A/m²] (half cells; NaN otherwise)
 * @param separator                the separator
 * @param positive                 the positive (working) electrode
 * @param electrolyte              the electrolyte
 * @param temperature              T [K]: the temperature the cell is simulated at and its rates (reaction rate
 *                                 constants, diffusivities, conductivity) are given for
 * @param electrodeArea            electrode area of the cell [m²], for cell-level capacity
 * @param nominalCapacity          nominal cell capacity [C] (1 Ah = 3600 C); defines the C-rate
 * @param lowerCutoff              lower voltage cut-off [V]
 * @param upperCutoff              upper voltage cut-off [V]
 * @param activation               activation energies of the rates, for {@link #atTemperature(double)}
 */
public record CellParameters(String name, String source, ElectrodeParameters negative, double foilExchangeCurrent,
                             SeparatorParameters separator, ElectrodeParameters positive,
                             ElectrolyteParameters electrolyte, double temperature, double electrodeArea,
                             double nominalCapacity, double lowerCutoff, double upperCutoff,
                             ActivationEnergies activation) {

    /** @throws NullPointerException if {@code activation} is null (use {@link ActivationEnergies#NONE}) */
    public CellParameters {
        Objects.requireNonNull(activation, "activation");
    }

    /** A cell whose rates do not depend on temperature ({@link ActivationEnergies#NONE}). */
    public CellParameters(String name, String source, ElectrodeParameters negative, double foilExchangeCurrent,
                          SeparatorParameters separator, ElectrodeParameters positive,
                          ElectrolyteParameters electrolyte, double temperature, double electrodeArea,
                          double nominalCapacity, double lowerCutoff, double upperCutoff) {
        this(name, source, negative, foilExchangeCurrent, separator, positive, electrolyte, temperature,
                electrodeArea, nominalCapacity, lowerCutoff, upperCutoff, ActivationEnergies.NONE);
    }

    /** @return whether the negative electrode is lithium foil */
    public boolean halfCell() {
        return negative == null;
    }

    /** @return the same cell with another positive electrode (e.g. a calendered one) */
    public CellParameters withPositive(ElectrodeParameters electrode) {
        return new CellParameters(name, source, negative, foilExchangeCurrent, separator, electrode, electrolyte,
                temperature, electrodeArea, nominalCapacity, lowerCutoff, upperCutoff, activation);
    }

    /**
     * The same cell at another temperature: each rate with an activation energy scaled by Arrhenius,
     * r(T) = r(T₀) exp(E_a/R (1/T₀ − 1/T)) with T₀ = {@link #temperature()} (reaction rate constants of both
     * electrodes, solid diffusivities, electrolyte conductivity and diffusivity); the thermal voltage RT/F of the
     * model follows T. The lithium foil's exchange current, having no activation energy here, is kept.
     *
     * @param kelvin the new temperature T [K], &gt; 0
     * @return the cell at T (this cell if T is its temperature)
     */
    public CellParameters atTemperature(double kelvin) {
        if (!(kelvin > 0 && Double.isFinite(kelvin))) {
            throw new IllegalArgumentException("temperature " + kelvin + " K: a finite number > 0");
        }
        if (kelvin == temperature) {
            return this;
        }
        ActivationEnergies a = activation;
        ElectrodeParameters n = negative == null ? null
                : negative.withRates(ActivationEnergies.factor(a.negativeReaction(), temperature, kelvin),
                        ActivationEnergies.factor(a.negativeDiffusivity(), temperature, kelvin));
        ElectrodeParameters p = positive.withRates(ActivationEnergies.factor(a.positiveReaction(), temperature, kelvin),
                ActivationEnergies.factor(a.positiveDiffusivity(), temperature, kelvin));
        ElectrolyteParameters e = electrolyte.withRates(
                ActivationEnergies.factor(a.electrolyteConductivity(), temperature, kelvin),
                ActivationEnergies.factor(a.electrolyteDiffusivity(), temperature, kelvin));
        return new CellParameters(name, source, n, foilExchangeCurrent, separator, p, e, kelvin, electrodeArea,
                nominalCapacity, lowerCutoff, upperCutoff, activation);
    }
}
