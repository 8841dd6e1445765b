package org.calsim.api.electrode;

import org.calsim.api.stage.Key;

/**
 * The dried, uncalendered electrode coating. All values SI.
 *
 * @param activeMaterial          name of the active-material {@code MaterialModel}, e.g. {@code NMC622}
 * @param electrolyte             name of the electrolyte {@code MaterialModel}
 * @param activeMassFraction      mass fraction of active material w_AM [1]
 * @param carbonMassFraction      mass fraction of conductive carbon [1]
 * @param binderMassFraction      mass fraction of binder [1]; the three sum to 1
 * @param activeMassLoading       active mass per coated area M_C [kg/m²] (1 mg/cm² = 0.01 kg/m²)
 * @param solidDensity            density of the solid mixture ρ_s = (Σ w_k/ρ_k)⁻¹ [kg/m³]
 * @param initialPorosity         porosity of the dried coating ε_C,0 [1], 0 < ε < 1
 * @param particleDiameter        median active-particle diameter d50 [m]
 * @param specificCapacity        practical specific capacity of the active material [C/kg]
 */
public record ElectrodeRecipe(String activeMaterial, String electrolyte, double activeMassFraction,
                              double carbonMassFraction, double binderMassFraction, double activeMassLoading,
                              double solidDensity, double initialPorosity, double particleDiameter,
                              double specificCapacity) {

    /** State key under which the job's recipe is given. */
    public static final Key<ElectrodeRecipe> KEY = Key.of("electrode.recipe", ElectrodeRecipe.class, "-",
            "the dried, uncalendered electrode coating");

    /** @return total coating mass per area M_C / w_AM [kg/m²] */
    public double coatingMassLoading() {
        return activeMassLoading / activeMassFraction;
    }

    /** @return coating density before calendering ρ_C,0 = ρ_s (1 − ε_0) [kg/m³] */
    public double initialCoatingDensity() {
        return solidDensity * (1 - initialPorosity);
    }

    /** @return uncalendered coating thickness δ_0 = M_C / (w_AM ρ_s (1 − ε_0)) [m] */
    public double initialThickness() {
        return coatingMassLoading() / initialCoatingDensity();
    }

    /**
     * Thickness the same coating has at another porosity (the solid volume per area does not change).
     *
     * @param porosity porosity after calendering [1]
     * @return thickness [m]
     */
    public double thicknessAtPorosity(double porosity) {
        return coatingMassLoading() / (solidDensity * (1 - porosity));
    }

    /** @return nominal areal capacity Q_0 = M_C q [C/m²] (1 mAh/cm² = 36 000 C/m²) */
    public double arealCapacity() {
        return activeMassLoading * specificCapacity;
    }
}
