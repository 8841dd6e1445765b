package org.calsim.dem.calendering;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.POISSON_RATIO;
import static org.calsim.api.material.MaterialProperty.YIELD_STRESS;
import static org.calsim.api.material.MaterialProperty.YOUNGS_MODULUS;

import org.calsim.api.contact.ContactLaw;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.testing.TestMaterial;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.testing.TestSwappable;

/** A small NMC622 coating (5 mg/cm², d50 10 µm) with PVDF-like CBD, steel tool, aluminium collector. */
final class CalenderingFixture {
    static final MaterialModel NMC = TestMaterial.of("NMC622", YOUNGS_MODULUS, 140e9, POISSON_RATIO, 0.3, DENSITY,
            4700.0);
    static final MaterialModel PVDF = TestMaterial.of("PVDF", YOUNGS_MODULUS, 2e9, POISSON_RATIO, 0.35, DENSITY,
            1780.0, YIELD_STRESS, 50e6);
    static final MaterialModel STEEL = TestMaterial.of("steel-roll", YOUNGS_MODULUS, 210e9, POISSON_RATIO, 0.3,
            DENSITY, 7850.0);
    static final MaterialModel ALUMINIUM = TestMaterial.of("aluminium-foil", YOUNGS_MODULUS, 70e9, POISSON_RATIO,
            0.33, DENSITY, 2700.0);

    /** 96:2:2 NMC622 cathode, 5 mg/cm² active loading, d50 = 10 µm; solid density from the mixing rule. */
    static ElectrodeRecipe recipe() {
        double rhoS = 1 / (0.96 / 4700 + 0.02 / 1850 + 0.02 / 1780);
        return new ElectrodeRecipe("NMC622", "LiPF6-EC-EMC", 0.96, 0.02, 0.02, 0.05, rhoS, 0.45, 10e-6,
                180 * 3600.0);
    }

    static TestStageContext context(ContactLaw law) {
        return new TestStageContext().material(NMC).material(PVDF).material(STEEL).material(ALUMINIUM)
                .with(ElectrodeRecipe.KEY, recipe()).service(ContactLaw.class, null, TestSwappable.of(law));
    }

    private CalenderingFixture() {
    }
}
