package org.calsim.materials;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.POISSON_RATIO;
import static org.calsim.api.material.MaterialProperty.YOUNGS_MODULUS;

import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.support.units.Units;
import org.osgi.service.component.annotations.Component;

/**
 * LiNi1/3Mn1/3Co1/3O2 (NMC111) cathode active material.
 *
 * <ul>
 * <li>Density: X-ray density of the R-3m cell, ρ = Z M / (N_A (√3/2) a² c) with Z = 3, M = 96.46 g/mol,
 * a = 2.862 Å, c = 14.227 Å (Yabuuchi and Ohzuku 2003): 4761 kg/m³.</li>
 * <li>Young's modulus: ≈ 140 GPa, nanoindentation of pristine NMC secondary particles (Xu et al. 2017, measured
 * on NMC532), the value used for NMC622 in this bundle; no NMC111-specific measurement was confirmed.</li>
 * <li>Poisson's ratio: 0.3, assumed.</li>
 * </ul>
 * No electronic conductivity: no sure particle value was found.
 */
@Component(service = MaterialModel.class, property = ServiceProperties.NAME + "=" + Nmc111.NAME)
public final class Nmc111 extends PublishedMaterial {
    static final String NAME = "NMC111";

    public Nmc111() {
        super(NAME, "LiNi1/3Mn1/3Co1/3O2 layered-oxide cathode active material", table()
                .with(DENSITY, 4761,
                        "X-ray density from R-3m lattice constants a = 2.862 Å, c = 14.227 Å of LiNi1/3Co1/3Mn1/3O2 "
                                + "(Yabuuchi, Ohzuku, J. Power Sources 119-121 (2003) 171), Z = 3, M = 96.46 g/mol")
                .with(YOUNGS_MODULUS, 140 * Units.GPA,
                        "Xu, Sun, de Vasconcelos, Zhao, J. Electrochem. Soc. 164 (2017) A3333: nanoindentation of "
                                + "pristine NMC secondary particles (NMC532), about 140 GPa; used for NMC111")
                .with(POISSON_RATIO, 0.3,
                        "assumed value 0.3, customary for layered-oxide particles in DEM calendering models "
                                + "(no NMC111 measurement)")
                .build());
    }
}
