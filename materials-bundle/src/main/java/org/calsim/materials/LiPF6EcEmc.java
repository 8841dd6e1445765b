package org.calsim.materials;

import static org.calsim.api.material.MaterialProperty.IONIC_CONDUCTIVITY;
import static org.calsim.api.material.MaterialProperty.SALT_CONCENTRATION;
import static org.calsim.api.material.MaterialProperty.SALT_DIFFUSIVITY;
import static org.calsim.api.material.MaterialProperty.TRANSFERENCE_NUMBER;

import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * 1 M LiPF6 in EC:EMC (3:7 by weight), from the fits of Nyman, Behm and Lindbergh, Electrochim. Acta 53
 * (2008) 6356, evaluated at c = 1 mol/dm³ (room temperature; their fits have no temperature dependence).
 * These are the electrolyte functions of the LG M50 parameter set of Chen et al. 2020. Nyman et al. are
 * used rather than Valøen and Reimers (2005) because the latter measured LiPF6 in PC/EC/DMC, not EC:EMC.
 *
 * <ul>
 * <li>D(c) = 8.794e-11 c² − 3.972e-10 c + 4.862e-10 m²/s → D(1) = 1.7694e-10 m²/s</li>
 * <li>κ(c) = 0.1297 c³ − 2.51 c^1.5 + 3.329 c S/m → κ(1) = 0.9487 S/m</li>
 * <li>t₊(c) = −0.1287 c³ + 0.4106 c² − 0.4717 c + 0.4492 → t₊(1) = 0.2594</li>
 * </ul>
 * with c in mol/dm³.
 */
@Component(service = MaterialModel.class, property = ServiceProperties.NAME + "=" + LiPF6EcEmc.NAME)
public final class LiPF6EcEmc extends PublishedMaterial {
    static final String NAME = "LiPF6-EC-EMC";

    /** Salt concentration the fits are evaluated at [mol/dm³]. */
    static final double C = 1.0;

    private static final String NYMAN = "Nyman, Behm, Lindbergh, Electrochim. Acta 53 (2008) 6356";

    public LiPF6EcEmc() {
        super(NAME, "1 M LiPF6 in EC:EMC 3:7 (w/w) liquid electrolyte", table()
                .with(SALT_DIFFUSIVITY, diffusivity(C), NYMAN + ": fit D(c) evaluated at 1 M")
                .with(IONIC_CONDUCTIVITY, conductivity(C), NYMAN + ": fit kappa(c) evaluated at 1 M")
                .with(TRANSFERENCE_NUMBER, transference(C), NYMAN + ": fit t+(c) evaluated at 1 M")
                .with(SALT_CONCENTRATION, 1000 * C, "1 M (1000 mol/m3) nominal salt concentration")
                .build());
    }

    /** @param c salt concentration [mol/dm³] @return salt diffusivity [m²/s] (Nyman et al. 2008) */
    static double diffusivity(double c) {
        return 8.794e-11 * c * c - 3.972e-10 * c + 4.862e-10;
    }

    /** @param c salt concentration [mol/dm³] @return ionic conductivity [S/m] (Nyman et al. 2008) */
    static double conductivity(double c) {
        return 0.1297 * c * c * c - 2.51 * Math.pow(c, 1.5) + 3.329 * c;
    }

    /** @param c salt concentration [mol/dm³] @return cation transference number [1] (Nyman et al. 2008) */
    static double transference(double c) {
        return -0.1287 * c * c * c + 0.4106 * c * c - 0.4717 * c + 0.4492;
    }
}
