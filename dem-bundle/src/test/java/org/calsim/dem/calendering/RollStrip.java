package org.calsim.dem.calendering;

import java.util.HashMap;
import java.util.Map;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.api.testing.TestStageContext;
import org.calsim.dem.contact.BondedLaw;

/**
 * The strip the roll-mode tests pass a roll over, generated once per test run: the fixture's recipe at 10 mg/cm²
 * (four to five particles thick), 18 × 5 d50 (the wet shells need Ly above 4 d50), dried until the porosity under its mean surface is the recipe's 0.45
 * ({@code thickness_measure: profilometer}; dried by the highest top instead, its body would be at random close
 * packing and a roll could only push it along), CBD as ductile bonds (failure strain 1, formed across gaps up to
 * 0.15 d50, which the drying leaves between neighbours), density scaling 1e8.
 *
 * <p>The pass {@link #roll} takes the strip 5 % below its mean surface with a roll of 250 µm: the roll first meets
 * the highest particle, about 9 µm above the gap, so the bite condition (tan α ≤ μ = 0.3) needs R ≥ 24 × 9 µm, and the
 * entry length √(2R × 9 µm) ≈ 67 µm must fit 2.5 times into the strip (18 d50 = 180 µm).
 */
final class RollStrip {
    static final ElectrodeRecipe RECIPE = new ElectrodeRecipe("NMC622", "LiPF6-EC-EMC", 0.96, 0.02, 0.02, 0.10,
            CalenderingFixture.recipe().solidDensity(), 0.45, 10e-6, 180 * 3600.0);
    private static TestStageContext generated;

    private RollStrip() {
    }

    /** @return the dem.generate run that made the strip */
    static synchronized TestStageContext generated() throws Exception {
        if (generated == null) {
            generated = CalenderingFixture.context(new BondedLaw()).with(ElectrodeRecipe.KEY, RECIPE)
                    .run(new ElectrodeGenerator(), Map.of("box_x_d50", 18, "box_y_d50", 5, "density_scaling", 1e8,
                            "cbd", "bonds", "vtk", false, "thickness_measure", "profilometer",
                            "bond_failure_strain", 1.0, "bond_gap_fraction", 0.15));
        }
        return generated;
    }

    /** @return a context holding the strip, for dem.calender with this law */
    static TestStageContext context(ContactLaw law) throws Exception {
        TestStageContext g = generated();
        return CalenderingFixture.context(law).with(ElectrodeRecipe.KEY, RECIPE)
                .with(ParticlePacking.KEY, g.given(ParticlePacking.KEY)).with(DemKeys.COATING, g.given(DemKeys.COATING));
    }

    /** @return the pass: 5 % below the mean surface, R = 250 µm at 1 mm/s, with these fields added or replaced */
    static Map<String, Object> roll(Map<String, Object> extra) {
        Map<String, Object> m = new HashMap<>(Map.of("mode", "roll", "target_compaction", 0.05, "roll_radius_um", 250,
                "roll_speed_m_per_s", 1e-3, "plate_speed_m_per_s", 2e-4, "relax_steps", 500,
                "sample_every_steps", 250));
        m.putAll(extra);
        return m;
    }
}
