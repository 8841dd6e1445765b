package org.calsim.materials;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.ELECTRONIC_CONDUCTIVITY;
import static org.calsim.api.material.MaterialProperty.POISSON_RATIO;
import static org.calsim.api.material.MaterialProperty.SPECIFIC_CAPACITY;
import static org.calsim.api.material.MaterialProperty.YOUNGS_MODULUS;

import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.support.units.PhysicalConstants;
import org.calsim.support.units.Units;
import org.osgi.service.component.annotations.Component;

/**
 * Graphite anode active material.
 *
 * <ul>
 * <li>Density: theoretical density of hexagonal graphite, 2260 kg/m³.</li>
 * <li>Specific capacity: theoretical capacity of LiC6, F / (6 M_C) = 96485.33 / (6 × 0.012011)
 * = 1.3388e6 C/kg = 371.9 mAh/g. Practical graphites reach 340–360 mAh/g.</li>
 * <li>Young's modulus: 32 GPa for delithiated polycrystalline graphite (Qi et al. 2010; 109 GPa for LiC6).</li>
 * <li>Poisson's ratio: 0.3, assumed.</li>
 * <li>Electronic conductivity: 215 S/m, the LG M50 negative electrode conductivity (Chen et al. 2020;
 * graphite–SiOx electrode-level value).</li>
 * </ul>
 */
@Component(service = MaterialModel.class, property = ServiceProperties.NAME + "=" + Graphite.NAME)
public final class Graphite extends PublishedMaterial {
    static final String NAME = "graphite";

    public Graphite() {
        super(NAME, "graphite anode active material (delithiated)", table()
                .with(DENSITY, 2260,
                        "Pierson, Handbook of Carbon, Graphite, Diamond and Fullerenes, Noyes (1993): "
                                + "theoretical density 2.26 g/cm3")
                .with(SPECIFIC_CAPACITY, PhysicalConstants.FARADAY / (6 * 0.012011),
                        "theoretical capacity of LiC6 from Faraday's law, F/(6 M_C) = 372 mAh/g "
                                + "(practical 340-360 mAh/g)")
                .with(YOUNGS_MODULUS, 32 * Units.GPA,
                        "Qi, Guo, Hector, Timmons, J. Electrochem. Soc. 157 (2010) A558: 32 GPa for graphite "
                                + "(109 GPa for LiC6)")
                .with(POISSON_RATIO, 0.3, "assumed value 0.3 (no sure measurement for polycrystalline graphite)")
                .with(ELECTRONIC_CONDUCTIVITY, 215,
                        "Chen, Brosa Planella, O'Regan, Gastol, Widanage, Kendrick, J. Electrochem. Soc. 167 (2020) "
                                + "080534: LG M50 negative electrode conductivity 215 S/m")
                .build());
    }
}
