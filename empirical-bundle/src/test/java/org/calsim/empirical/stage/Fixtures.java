package org.calsim.empirical.stage;

import java.util.Map;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.testing.TestMaterial;
import org.calsim.api.testing.TestStageContext;

/** A recipe, calendering conditions and an electrolyte shared by the stage tests. */
final class Fixtures {

    /**
     * NMC622 coating: 96/2/2 wt%, M_C = 20 mg/cm^2 = 0.2 kg/m^2, rho_s = 4000 kg/m^3, eps0 = 0.45,
     * d50 = 10 um, 600000 C/kg (166.7 mAh/g). Coating mass 0.2/0.96 = 0.208333 kg/m^2, initial density
     * 2200 kg/m^3, initial thickness 94.70 um, Q0 = 120000 C/m^2 = 3.333 mAh/cm^2.
     */
    static final ElectrodeRecipe RECIPE = new ElectrodeRecipe("NMC622", "LP57", 0.96, 0.02, 0.02, 0.2, 4000, 0.45,
            10e-6, 600_000);

    /** 500 kN/m, r_R = 0.2 m, no gap, 50 C, 0.5 m/s, 0.1 m wide. */
    static final CalenderingConditions CONDITIONS = new CalenderingConditions(5e5, 0.2, Double.NaN, 50, 0.5, 0.1);

    private Fixtures() {
    }

    static TestStageContext context() {
        return new TestStageContext().with(ElectrodeRecipe.KEY, RECIPE).with(CalenderingConditions.KEY, CONDITIONS);
    }

    /** D0 = 3e-10 m^2/s, c0 = 1000 mol/m^3, t+ = 0.4, kappa0 = 1.0 S/m. */
    static TestStageContext withElectrolyte(TestStageContext context) {
        return context.material(TestMaterial.of("LP57", Map.of(
                MaterialProperty.SALT_DIFFUSIVITY, 3e-10,
                MaterialProperty.SALT_CONCENTRATION, 1000.0,
                MaterialProperty.TRANSFERENCE_NUMBER, 0.4,
                MaterialProperty.IONIC_CONDUCTIVITY, 1.0)));
    }
}
