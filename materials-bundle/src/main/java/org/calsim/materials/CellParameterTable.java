package org.calsim.materials;

import java.util.Map;
import org.calsim.api.electrochem.ActivationEnergies;
import org.calsim.api.electrochem.CellParameters;
import org.calsim.api.electrochem.ElectrodeParameters;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.material.Quantity;

/** The scalar values of a cell parameter set as material properties (the functions are in the set itself). */
final class CellParameterTable {
    private CellParameterTable() {
    }

    /**
     * @param cell             the set
     * @param activationSource where the activation energies of its rates come from
     */
    static Map<MaterialProperty, Quantity> of(CellParameters cell,
                                                                      String activationSource) {
        PublishedMaterial.Builder b = PublishedMaterial.table();
        String s = cell.source();
        if (!cell.halfCell()) {
            electrode(b, "negative", cell.negative(), s);
        } else {
            b.with(new MaterialProperty("foil_exchange_current_density", "A/m^2", "lithium foil j0"),
                    cell.foilExchangeCurrent(), s);
        }
        b.with(new MaterialProperty("separator_thickness", "m", "separator thickness"), cell.separator().thickness(), s);
        b.with(new MaterialProperty("separator_porosity", "1", "separator porosity"), cell.separator().porosity(), s);
        b.with(new MaterialProperty("separator_bruggeman", "1", "separator Bruggeman exponent"),
                cell.separator().bruggeman(), s);
        electrode(b, "positive", cell.positive(), s);
        b.with(MaterialProperty.SALT_CONCENTRATION, cell.electrolyte().initialConcentration(), s);
        b.with(MaterialProperty.TRANSFERENCE_NUMBER, cell.electrolyte().transferenceNumber(), s);
        b.with(new MaterialProperty("temperature", "K", "cell temperature"), cell.temperature(), s);
        b.with(new MaterialProperty("electrode_area", "m^2", "electrode area of the cell"), cell.electrodeArea(), s);
        b.with(new MaterialProperty("nominal_capacity", "C", "nominal cell capacity"), cell.nominalCapacity(), s);
        b.with(new MaterialProperty("lower_cutoff_voltage", "V", "lower voltage cut-off"), cell.lowerCutoff(), s);
        b.with(new MaterialProperty("upper_cutoff_voltage", "V", "upper voltage cut-off"), cell.upperCutoff(), s);
        ActivationEnergies a = cell.activation();
        String[][] names = {{"negative_reaction", "negative exchange-current rate k"},
            {"negative_diffusivity", "negative solid diffusivity"},
            {"positive_reaction", "positive exchange-current rate k"},
            {"positive_diffusivity", "positive solid diffusivity"},
            {"electrolyte_conductivity", "electrolyte conductivity"},
            {"electrolyte_diffusivity", "electrolyte diffusivity"}};
        double[] energies = {a.negativeReaction(), a.negativeDiffusivity(), a.positiveReaction(),
            a.positiveDiffusivity(), a.electrolyteConductivity(), a.electrolyteDiffusivity()};
        for (int k = 0; k < names.length; k++) {
            if (energies[k] != 0) {
                b.with(new MaterialProperty(names[k][0] + "_activation_energy", "J/mol", "Arrhenius activation energy "
                        + "of the " + names[k][1]), energies[k], activationSource);
            }
        }
        return b.build();
    }

    private static void electrode(PublishedMaterial.Builder b, String side, ElectrodeParameters e, String s) {
        b.with(new MaterialProperty(side + "_thickness", "m", side + " electrode thickness"), e.thickness(), s);
        b.with(new MaterialProperty(side + "_porosity", "1", side + " electrode porosity"), e.porosity(), s);
        b.with(new MaterialProperty(side + "_active_volume_fraction", "1", side + " active volume fraction"),
                e.activeVolumeFraction(), s);
        b.with(new MaterialProperty(side + "_particle_radius", "m", side + " particle radius"), e.particleRadius(), s);
        b.with(new MaterialProperty(side + "_max_concentration", "mol/m^3", side + " c_s,max"), e.maxConcentration(), s);
        b.with(new MaterialProperty(side + "_stoichiometry_charged", "1", side + " stoichiometry at 100 % SOC"),
                e.stoichiometryCharged(), s);
        b.with(new MaterialProperty(side + "_stoichiometry_discharged", "1", side + " stoichiometry at 0 % SOC"),
                e.stoichiometryDischarged(), s);
        b.with(new MaterialProperty(side + "_reaction_rate", "A/m^2 (m^3/mol)^1.5", side + " exchange-current rate k"),
                e.reactionRate(), s);
        b.with(new MaterialProperty(side + "_conductivity", "S/m", side + " solid conductivity"), e.conductivity(), s);
        b.with(new MaterialProperty(side + "_bruggeman_electrolyte", "1", side + " Bruggeman exponent, pores"),
                e.bruggemanElectrolyte(), s);
        b.with(new MaterialProperty(side + "_bruggeman_electrode", "1", side + " Bruggeman exponent, solid"),
                e.bruggemanElectrode(), s);
    }
}
