package org.calsim.fem.p2d;

import org.calsim.api.electrochem.CellParameters;
import org.calsim.api.electrochem.ElectrodeParameters;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.transport.EffectiveProperties;

/**
 * Puts a calendered coating into a cell parameter set (the coupling of microstructure to electrochemistry): the
 * positive electrode keeps the set's active-material behaviour (OCP, kinetics, solid diffusion, particle size)
 * and takes its structure from the coating, in the quantities {@link EffectiveProperties} defines:
 * <ul>
 *   <li>electrolyte volume fraction: the total porosity ε (pores and CBD nanopores hold electrolyte);</li>
 *   <li>tortuosity factor T_e = ε T / ε_p, so that ε/T_e is the D_eff/D_0 computed against the pore porosity
 *       ε_p (eqs 10–11);</li>
 *   <li>active volume fraction ε_s: the structure's, or from the recipe ε_s = (1 − ε) w_AM ρ_s/ρ_AM;</li>
 *   <li>thickness L = M_AM/(ρ_AM ε_s): the active loading does not change on calendering (with the recipe's ε_s
 *       this is L = M_C/(ρ_s (1 − ε)));</li>
 * </ul>
 * and, when it was computed, the effective electronic conductivity.
 */
final class CellBuilder {
    private CellBuilder() {
    }

    /**
     * @param set               the published cell
     * @param recipe            the coating's recipe
     * @param activeDensity     true density of the recipe's active material [kg/m³]
     * @param structure         porosities, active volume fraction, tortuosity factor and (optionally) electronic
     *                          conductivity of the coating
     * @return the cell with the coating as its positive electrode
     */
    static CellParameters withCoating(CellParameters set, ElectrodeRecipe recipe, double activeDensity,
                                      EffectiveProperties structure) {
        double eps = structure.totalPorosity();
        double activeFraction = Double.isNaN(structure.activeVolumeFraction())
                ? (1 - eps) * recipe.activeMassFraction() * recipe.solidDensity() / activeDensity
                : structure.activeVolumeFraction();
        double thickness = recipe.activeMassLoading() / (activeDensity * activeFraction);
        ElectrodeParameters p = set.positive().withStructure(eps, activeFraction, thickness,
                structure.tortuosityFactorFor(eps));
        double sigma = structure.electronicConductivity();
        if (Double.isFinite(sigma) && sigma > 0) {
            p = new ElectrodeParameters(p.activeMaterial(), p.thickness(), p.porosity(), p.activeVolumeFraction(),
                    p.particleRadius(), p.maxConcentration(), p.stoichiometryCharged(), p.stoichiometryDischarged(),
                    p.openCircuitPotential(), p.solidDiffusivity(), p.reactionRate(), sigma,
                    p.bruggemanElectrolyte(), 0, p.tortuosityFactor(), p.density());
        }
        return set.withPositive(p);
    }

    /**
     * The cut-off voltages of the half cell are the positive electrode's open-circuit potentials at the ends of
     * its stoichiometry window, so that a slow discharge or charge spans exactly that window.
     *
     * @param set              a cell
     * @param exchangeCurrent  exchange current density of the lithium foil [A/m²]
     * @return the same positive electrode, separator and electrolyte against lithium foil
     */
    static CellParameters halfCell(CellParameters set, double exchangeCurrent) {
        ElectrodeParameters p = set.positive();
        double charged = p.openCircuitPotential().applyAsDouble(p.stoichiometryCharged());
        double discharged = p.openCircuitPotential().applyAsDouble(p.stoichiometryDischarged());
        return new CellParameters(set.name() + " (positive vs lithium foil)", set.source(), null, exchangeCurrent,
                set.separator(), p, set.electrolyte(), set.temperature(), set.electrodeArea(),
                p.arealCapacity() * set.electrodeArea(), Math.min(charged, discharged), Math.max(charged, discharged),
                set.activation());
    }

    /** @return the 1C current density: the smaller areal capacity of the two electrodes per hour [A/m²] */
    static double oneC(CellParameters cell) {
        double capacity = cell.positive().arealCapacity();
        if (!cell.halfCell()) {
            capacity = Math.min(capacity, cell.negative().arealCapacity());
        }
        return capacity / 3600;
    }
}
