package org.calsim.empirical.ratecapability;

import org.calsim.empirical.Checks;

/**
 * Bulk electrolyte properties the penetration-depth model needs (eqs 9–11 of the review, Tambio et
 * al., J. Electrochem. Soc. 167 (2020) 160509). All SI.
 *
 * @param saltDiffusivity    salt diffusion coefficient D_0 [m²/s], &gt; 0
 * @param saltConcentration  bulk salt concentration c_0 [mol/m³], &gt; 0
 * @param transferenceNumber cation transference number t₊ [1], 0 &le; t₊ &lt; 1
 * @param ionicConductivity  bulk ionic conductivity κ_0 [S/m], &gt; 0, or NaN if unknown
 */
public record Electrolyte(double saltDiffusivity, double saltConcentration, double transferenceNumber,
                          double ionicConductivity) {

    public Electrolyte {
        Checks.positive("salt diffusivity D_0 [m^2/s]", saltDiffusivity);
        Checks.positive("salt concentration c_0 [mol/m^3]", saltConcentration);
        Checks.fractionBelowOne("transference number t+", transferenceNumber);
        if (!Double.isNaN(ionicConductivity)) {
            Checks.positive("ionic conductivity kappa_0 [S/m]", ionicConductivity);
        }
    }
}
