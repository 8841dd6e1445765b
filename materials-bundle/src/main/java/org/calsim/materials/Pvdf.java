package org.calsim.materials;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.POISSON_RATIO;
import static org.calsim.api.material.MaterialProperty.YOUNGS_MODULUS;

import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.support.units.Units;
import org.osgi.service.component.annotations.Component;

/**
 * Poly(vinylidene fluoride) binder, homopolymer.
 *
 * <p>Density 1780 kg/m³ (upper end of 1.75–1.78 g/cm³, DIN 53479); tensile modulus 0.8–1.8 GPa at 23 °C
 * (DIN 53457), 1.3 GPa (middle) used. No Poisson's ratio: no sure source found.
 */
@Component(service = MaterialModel.class, property = ServiceProperties.NAME + "=" + Pvdf.NAME)
public final class Pvdf extends PublishedMaterial {
    static final String NAME = "PVDF";

    public Pvdf() {
        super(NAME, "poly(vinylidene fluoride) binder, homopolymer, dry, 23 °C", table()
                .with(DENSITY, 1780,
                        "manufacturer data for PVDF homopolymer (e.g. Arkema Kynar, Solvay Solef): "
                                + "1.75-1.78 g/cm3 (DIN 53479)")
                .with(YOUNGS_MODULUS, 1.3 * Units.GPA,
                        "manufacturer data for PVDF homopolymer: tensile modulus 0.8-1.8 GPa at 23 C "
                                + "(DIN 53457), middle value")
                .with(POISSON_RATIO, 0.35,
                        "typical of semicrystalline PVDF above its glass transition (polymer handbooks give "
                                + "0.34-0.35); an estimate, not a measured value for one grade")
                .build());
    }
}
