package org.calsim.api.electrochem;

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
 * @param temperature              T [K]
 * @param electrodeArea            electrode area of the cell [m²], for cell-level capacity
 * @param nominalCapacity          nominal cell capacity [C] (1 Ah = 3600 C); defines the C-rate
 * @param lowerCutoff              lower voltage cut-off [V]
 * @param upperCutoff              upper voltage cut-off [V]
 */
public record CellParameters(String name, String source, ElectrodeParameters negative, double foilExchangeCurrent,
                             SeparatorParameters separator, ElectrodeParameters positive,
                             ElectrolyteParameters electrolyte, double temperature, double electrodeArea,
                             double nominalCapacity, double lowerCutoff, double upperCutoff) {

    /** @return whether the negative electrode is lithium foil */
    public boolean halfCell() {
        return negative == null;
    }

    /** @return the same cell with another positive electrode (e.g. a calendered one) */
    public CellParameters withPositive(ElectrodeParameters electrode) {
        return new CellParameters(name, source, negative, foilExchangeCurrent, separator, electrode, electrolyte,
                temperature, electrodeArea, nominalCapacity, lowerCutoff, upperCutoff);
    }
}
