package org.calsim.materials;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.POISSON_RATIO;
import static org.calsim.api.material.MaterialProperty.SPECIFIC_CAPACITY;
import static org.calsim.api.material.MaterialProperty.YOUNGS_MODULUS;

import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.support.units.Units;
import org.osgi.service.component.annotations.Component;

/**
 * LiNi0.6Mn0.2Co0.2O2 (NMC622) cathode active material.
 *
 * <ul>
 * <li>Density: X-ray density of the R-3m cell, ρ = Z M / (N_A (√3/2) a² c) with Z = 3,
 * M = 96.93 g/mol, a = 2.868 Å, c = 14.21 Å: 4770 kg/m³.</li>
 * <li>Specific capacity: first discharge capacity 187 mAh/g at 0.1 C, 3.0–4.3 V vs Li
 * (Noh et al. 2013), × 3600 = 6.732e5 C/kg. Higher-rate practical values are ~175 mAh/g.</li>
 * <li>Young's modulus: nanoindentation of pristine NMC secondary particles, ≈ 140 GPa
 * (Xu et al. 2017, measured on NMC532; used here for NMC622).</li>
 * <li>Poisson's ratio: 0.3, an assumed value (no particle-level measurement for NMC622 is known to us).</li>
 * </ul>
 * No electronic conductivity is given: no single well-sourced particle value was found.
 */
@Component(service = MaterialModel.class, property = ServiceProperties.NAME + "=" + Nmc622.NAME)
public final class Nmc622 extends PublishedMaterial {
    static final String NAME = "NMC622";

    public Nmc622() {
        super(NAME, "LiNi0.6Mn0.2Co0.2O2 layered-oxide cathode active material", table()
                .with(DENSITY, 4770,
                        "X-ray density from R-3m lattice constants a = 2.868 Å, c = 14.21 Å of LiNi0.6Co0.2Mn0.2O2 "
                                + "(Noh, Youn, Yoon, Sun, J. Power Sources 233 (2013) 121)")
                .with(SPECIFIC_CAPACITY, 187 * Units.MAH_PER_G,
                        "Noh, Youn, Yoon, Sun, J. Power Sources 233 (2013) 121: 187 mAh/g at 0.1 C, 3.0-4.3 V")
                .with(YOUNGS_MODULUS, 140 * Units.GPA,
                        "Xu, Sun, de Vasconcelos, Zhao, J. Electrochem. Soc. 164 (2017) A3333: nanoindentation of "
                                + "pristine NMC secondary particles, about 140 GPa")
                .with(POISSON_RATIO, 0.3,
                        "assumed value 0.3, customary for layered-oxide particles in DEM calendering models "
                                + "(no NMC622 measurement)")
                .build());
    }
}
