package org.calsim.materials;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.ELECTRONIC_CONDUCTIVITY;
import static org.calsim.api.material.MaterialProperty.POISSON_RATIO;
import static org.calsim.api.material.MaterialProperty.YOUNGS_MODULUS;

import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.support.units.Units;
import org.osgi.service.component.annotations.Component;

/**
 * Aluminium current-collector foil of the positive electrode: design values for aluminium (Eurocode 9) and the
 * resistivity of pure aluminium. No yield stress: it depends on the temper of the foil (annealed or hard-rolled
 * H18) and no sure value for battery foil was found.
 */
@Component(service = MaterialModel.class, property = ServiceProperties.NAME + "=" + AluminiumFoil.NAME)
public final class AluminiumFoil extends PublishedMaterial {
    static final String NAME = "aluminium-foil";

    public AluminiumFoil() {
        super(NAME, "aluminium current-collector foil (design values of aluminium)", table()
                .with(DENSITY, 2700, "EN 1999-1-1 (2007) 3.2.5: aluminium density 2700 kg/m3")
                .with(YOUNGS_MODULUS, 70 * Units.GPA, "EN 1999-1-1 (2007) 3.2.5: E = 70000 N/mm2")
                .with(POISSON_RATIO, 0.3, "EN 1999-1-1 (2007) 3.2.5: nu = 0.3")
                .with(ELECTRONIC_CONDUCTIVITY, 1 / 2.65e-8,
                        "CRC Handbook of Chemistry and Physics: resistivity of pure aluminium 2.65e-8 ohm m "
                                + "at 20 C (foil alloys of the 1xxx series conduct a few per cent less)")
                .build());
    }
}
