package org.calsim.materials;

import static org.calsim.api.material.MaterialProperty.DENSITY;

import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Carbon-binder domain (CBD): carbon black and PVDF, 1:1 by mass (e.g. the 5 wt % + 5 wt % of a 90:5:5
 * cathode), as its solid phase.
 *
 * <p>Density: of the pore-free solid, by volume additivity of the two components of this bundle,
 * 1 / (0.5/1850 + 0.5/1780) = 1814 kg/m³ ({@link CarbonBlackC65}, {@link Pvdf}). The CBD of an electrode
 * is itself nanoporous (often taken ≈ 50 %); that porosity belongs to the microstructure, not to this
 * density. No elastic constants and no electronic conductivity are given: they depend strongly on the
 * carbon fraction, nanoporosity and processing, and no sure published value was found.
 */
@Component(service = MaterialModel.class, property = ServiceProperties.NAME + "=" + Cbd.NAME)
public final class Cbd extends PublishedMaterial {
    static final String NAME = "CBD";
    /** Mass fraction of carbon black in the solid [1]. */
    static final double CARBON_MASS_FRACTION = 0.5;

    public Cbd() {
        super(NAME, "carbon-binder domain, carbon black + PVDF 1:1 by mass, pore-free solid", table()
                .with(DENSITY, solidDensity(CARBON_MASS_FRACTION),
                        "volume-additive mixture of carbon black 1850 kg/m3 (Buxbaum, Pfaff, Industrial Inorganic "
                                + "Pigments, 2005) and PVDF 1780 kg/m3 (manufacturer data, DIN 53479), 1:1 by mass")
                .build());
    }

    /**
     * @param carbonMassFraction mass fraction w of carbon black in the solid [1]
     * @return density of the pore-free solid, 1 / (w/ρ_CB + (1 − w)/ρ_PVDF) [kg/m³]
     */
    static double solidDensity(double carbonMassFraction) {
        return 1 / (carbonMassFraction / 1850 + (1 - carbonMassFraction) / 1780);
    }
}
