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
 * LiFePO4 (LFP) olivine cathode active material, uncoated.
 *
 * <ul>
 * <li>Density: X-ray density of the Pnma cell, ρ = Z M / (N_A a b c) with Z = 4, M = 157.76 g/mol,
 * a = 10.332 Å, b = 6.010 Å, c = 4.692 Å: 3596 kg/m³.</li>
 * <li>Specific capacity: theoretical, F / M = 96485.33 / 0.15776 = 6.116e5 C/kg = 169.9 mAh/g.</li>
 * <li>Young's modulus: 124.5 GPa, first-principles elastic constants averaged over orientations (Maxisch and
 * Ceder 2006).</li>
 * <li>Poisson's ratio: 0.3, assumed.</li>
 * <li>Electronic conductivity: about 1e-9 S/cm = 1e-7 S/m for undoped LiFePO4 at room temperature (Chung,
 * Bloking, Chiang 2002, who raised it by some eight orders of magnitude by doping); carbon-coated powders
 * conduct far better, so this is the bare-particle value.</li>
 * </ul>
 */
@Component(service = MaterialModel.class, property = ServiceProperties.NAME + "=" + Lfp.NAME)
public final class Lfp extends PublishedMaterial {
    static final String NAME = "LFP";
    /** Molar mass of LiFePO4 [kg/mol]. */
    static final double MOLAR_MASS = 0.157756;

    public Lfp() {
        super(NAME, "LiFePO4 olivine cathode active material (uncoated)", table()
                .with(DENSITY, 3596,
                        "X-ray density from the Pnma cell a = 10.332 Å, b = 6.010 Å, c = 4.692 Å, Z = 4 "
                                + "(Padhi, Nanjundaswamy, Goodenough, J. Electrochem. Soc. 144 (1997) 1188)")
                .with(SPECIFIC_CAPACITY, PhysicalConstants.FARADAY / MOLAR_MASS,
                        "theoretical capacity of LiFePO4 from Faraday's law, F/M = 170 mAh/g")
                .with(YOUNGS_MODULUS, 124.5 * Units.GPA,
                        "Maxisch, Ceder, Phys. Rev. B 73 (2006) 174112: first-principles elastic constants of "
                                + "LiFePO4, polycrystalline Young's modulus")
                .with(POISSON_RATIO, 0.3, "assumed value 0.3 (no measurement on LFP particles known to us)")
                .with(ELECTRONIC_CONDUCTIVITY, 1e-7,
                        "Chung, Bloking, Chiang, Nature Mater. 1 (2002) 123: undoped LiFePO4 about 1e-9 S/cm "
                                + "at room temperature (order of magnitude)")
                .build());
    }
}
