package org.calsim.empirical.stage;

import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.material.Quantity;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.empirical.ratecapability.Electrolyte;

/** Reads the bulk electrolyte properties of eqs 9–11 from a material, naming any that is missing. */
final class ElectrolyteReader {

    private ElectrolyteReader() {
    }

    /**
     * @param material the recipe's electrolyte
     * @return D_0, c_0, t₊ and κ_0 in SI
     * @throws InvalidInputException naming the material and the missing property
     */
    static Electrolyte read(MaterialModel material) {
        return new Electrolyte(
                value(material, MaterialProperty.SALT_DIFFUSIVITY),
                value(material, MaterialProperty.SALT_CONCENTRATION),
                value(material, MaterialProperty.TRANSFERENCE_NUMBER),
                value(material, MaterialProperty.IONIC_CONDUCTIVITY));
    }

    private static double value(MaterialModel material, MaterialProperty property) {
        Quantity quantity = material.properties().get(property);
        if (quantity == null) {
            throw new InvalidInputException("materials." + material.name() + "." + property.name(), null,
                    "the electrolyte's " + property.description() + " in " + property.unit()
                            + " (the penetration-depth model, review eqs 9-11, needs it); the material '"
                            + material.name() + "' has " + material.properties().keySet().stream()
                            .map(MaterialProperty::name).sorted().toList());
        }
        return quantity.value();
    }
}
