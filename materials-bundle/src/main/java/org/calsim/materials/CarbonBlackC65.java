package org.calsim.materials;

import static org.calsim.api.material.MaterialProperty.DENSITY;

import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Conductive carbon black (Imerys C-NERGY Super C65 class).
 *
 * <p>Density: true density of carbon black, 1.82–1.89 g/cm³ (Buxbaum and Pfaff 2005); the middle,
 * 1850 kg/m³, is used. No electronic conductivity is given: a powder conductivity depends on compaction
 * and no sure C65 value was found.
 */
@Component(service = MaterialModel.class, property = ServiceProperties.NAME + "=" + CarbonBlackC65.NAME)
public final class CarbonBlackC65 extends PublishedMaterial {
    static final String NAME = "carbon-black-C65";

    public CarbonBlackC65() {
        super(NAME, "conductive carbon black additive (Imerys C-NERGY Super C65 class)", table()
                .with(DENSITY, 1850,
                        "Buxbaum, Pfaff, Industrial Inorganic Pigments, 3rd ed., Wiley-VCH (2005), ch. 4.5: "
                                + "carbon black density 1.82-1.89 g/cm3 (middle value)")
                .build());
    }
}
