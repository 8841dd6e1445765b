package org.calsim.api.electrochem;

import java.util.function.DoubleUnaryOperator;
import org.calsim.support.units.PhysicalConstants;

/**
 * One porous electrode of a Doyle–Fuller–Newman cell model. Values SI; θ is the stoichiometry c_s/c_s,max.
 *
 * @param activeMaterial          name of the active material, e.g. {@code NMC811}
 * @param thickness               coating thickness L [m]
 * @param porosity                electrolyte volume fraction ε [1]
 * @param activeVolumeFraction    active-material volume fraction ε_s [1]; ε + ε_s ≤ 1 (the rest is CBD)
 * @param particleRadius          active-particle radius R [m]
 * @param maxConcentration        lithium concentration of the full lattice c_s,max [mol/m³]
 * @param stoichiometryCharged    θ at 100 % state of charge of the cell [1]
 * @param stoichiometryDischarged θ at 0 % state of charge of the cell [1]
 * @param openCircuitPotential    U(θ) against Li/Li⁺ [V]
 * @param solidDiffusivity        D_s(θ) [m²/s]
 * @param reactionRate            k of the exchange current density j₀ = k c_e^½ c_s^½ (c_s,max − c_s)^½
 *                                [A m⁻² (m³/mol)^1.5]
 * @param conductivity            electronic conductivity of the solid σ [S/m]
 * @param bruggemanElectrolyte    Bruggeman exponent b of the pores: κ_eff = κ ε^b unless a tortuosity factor is
 *                                given [1]
 * @param bruggemanElectrode      Bruggeman exponent of the solid: σ_eff = σ ε_s^b [1]
 * @param tortuosityFactor        tortuosity factor T of the pores (κ_eff = κ ε/T, review eqs 10–11), e.g. from a
 *                                voxel computation; NaN: Bruggeman, T = ε^(1−b)
 * @param density                 active-material density [kg/m³], for specific capacities; NaN if unknown
 */
public record ElectrodeParameters(String activeMaterial, double thickness, double porosity,
                                  double activeVolumeFraction, double particleRadius, double maxConcentration,
                                  double stoichiometryCharged, double stoichiometryDischarged,
                                  DoubleUnaryOperator openCircuitPotential, DoubleUnaryOperator solidDiffusivity,
                                  double reactionRate, double conductivity, double bruggemanElectrolyte,
                                  double bruggemanElectrode, double tortuosityFactor, double density) {

    /** @return the tortuosity factor of the pores: the given one, or Bruggeman's ε^(1−b) [1] */
    public double tortuosity() {
        return Double.isNaN(tortuosityFactor) ? Math.pow(porosity, 1 - bruggemanElectrolyte) : tortuosityFactor;
    }

    /** @return specific interfacial area a = 3 ε_s / R [1/m] */
    public double specificArea() {
        return 3 * activeVolumeFraction / particleRadius;
    }

    /** @return capacity per electrode area between the two stoichiometries, F c_max |Δθ| ε_s L [C/m²] */
    public double arealCapacity() {
        return PhysicalConstants.FARADAY * maxConcentration * Math.abs(stoichiometryCharged - stoichiometryDischarged)
                * activeVolumeFraction * thickness;
    }

    /**
     * @return the same electrode with another structure: porosity, active volume fraction, thickness and pore
     *         tortuosity factor (NaN: Bruggeman), as a calendered coating gives them
     */
    public ElectrodeParameters withStructure(double newPorosity, double newActiveVolumeFraction, double newThickness,
                                             double newTortuosityFactor) {
        return new ElectrodeParameters(activeMaterial, newThickness, newPorosity, newActiveVolumeFraction,
                particleRadius, maxConcentration, stoichiometryCharged, stoichiometryDischarged,
                openCircuitPotential, solidDiffusivity, reactionRate, conductivity, bruggemanElectrolyte,
                bruggemanElectrode, newTortuosityFactor, density);
    }

    /**
     * @param reactionFactor    factor on the reaction rate constant k [1]
     * @param diffusivityFactor factor on the solid diffusivity D_s(θ) [1]
     * @return the same electrode with scaled rates (e.g. Arrhenius factors at another temperature)
     */
    public ElectrodeParameters withRates(double reactionFactor, double diffusivityFactor) {
        DoubleUnaryOperator diffusivity = diffusivityFactor == 1 ? solidDiffusivity
                : theta -> diffusivityFactor * solidDiffusivity.applyAsDouble(theta);
        return new ElectrodeParameters(activeMaterial, thickness, porosity, activeVolumeFraction, particleRadius,
                maxConcentration, stoichiometryCharged, stoichiometryDischarged, openCircuitPotential, diffusivity,
                reactionFactor * reactionRate, conductivity, bruggemanElectrolyte, bruggemanElectrode,
                tortuosityFactor, density);
    }
}
