package org.calsim.materials;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.ELECTRONIC_CONDUCTIVITY;
import static org.calsim.api.material.MaterialProperty.SPECIFIC_CAPACITY;

import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.support.units.Units;
import org.osgi.service.component.annotations.Component;

/**
 * LiNi0.8Mn0.1Co0.1O2 (NMC811) cathode active material.
 *
 * <ul>
 * <li>Density: X-ray density of the R-3m cell (Z = 3, M = 97.28 g/mol, a = 2.872 Å, c = 14.20 Å):
 * 4778 kg/m³.</li>
 * <li>Specific capacity: 203 mAh/g at 0.1 C, 3.0–4.3 V (Noh et al. 2013).</li>
 * <li>Electronic conductivity: 0.18 S/m, the positive-electrode conductivity of the LG M50 cell of
 * Chen et al. 2020 (an electrode-level value, as used in their P2D model).</li>
 * </ul>
 * No elastic constants: none are given by Chen et al. 2020 and no sure particle measurement was found.
 */
@Component(service = MaterialModel.class, property = ServiceProperties.NAME + "=" + Nmc811.NAME)
public final class Nmc811 extends PublishedMaterial {
    static final String NAME = "NMC811";

    public Nmc811() {
        super(NAME, "LiNi0.8Mn0.1Co0.1O2 Ni-rich layered-oxide cathode active material (LG M50 positive)", table()
                .with(DENSITY, 4778,
                        "X-ray density from R-3m lattice constants a = 2.872 Å, c = 14.20 Å of LiNi0.8Co0.1Mn0.1O2 "
                                + "(Noh, Youn, Yoon, Sun, J. Power Sources 233 (2013) 121)")
                .with(SPECIFIC_CAPACITY, 203 * Units.MAH_PER_G,
                        "Noh, Youn, Yoon, Sun, J. Power Sources 233 (2013) 121: 203 mAh/g at 0.1 C, 3.0-4.3 V")
                .with(ELECTRONIC_CONDUCTIVITY, 0.18,
                        "Chen, Brosa Planella, O'Regan, Gastol, Widanage, Kendrick, J. Electrochem. Soc. 167 (2020) "
                                + "080534: LG M50 positive electrode conductivity 0.18 S/m")
                .build());
    }
}
