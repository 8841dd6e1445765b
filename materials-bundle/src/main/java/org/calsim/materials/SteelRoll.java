package org.calsim.materials;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.POISSON_RATIO;
import static org.calsim.api.material.MaterialProperty.YOUNGS_MODULUS;

import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.support.units.Units;
import org.osgi.service.component.annotations.Component;

/** Steel calender roll: design values for structural steel (Eurocodes). */
@Component(service = MaterialModel.class, property = ServiceProperties.NAME + "=" + SteelRoll.NAME)
public final class SteelRoll extends PublishedMaterial {
    static final String NAME = "steel-roll";

    public SteelRoll() {
        super(NAME, "steel calender roll (structural-steel design values)", table()
                .with(DENSITY, 7850, "EN 1991-1-1 (2002) Table A.4: steel 78.5 kN/m3, i.e. 7850 kg/m3")
                .with(YOUNGS_MODULUS, 210 * Units.GPA, "EN 1993-1-1 (2005) 3.2.6: E = 210000 N/mm2")
                .with(POISSON_RATIO, 0.3, "EN 1993-1-1 (2005) 3.2.6: nu = 0.3")
                .build());
    }
}
