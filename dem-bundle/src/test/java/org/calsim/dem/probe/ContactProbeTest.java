package org.calsim.dem.probe;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.POISSON_RATIO;
import static org.calsim.api.material.MaterialProperty.YOUNGS_MODULUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.data.Table;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.StageCancelledException;
import org.calsim.api.testing.RecordingSink;
import org.calsim.api.testing.TestMaterial;
import org.calsim.api.testing.TestParameters;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.testing.TestSwappable;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.calsim.dem.contact.LinearSpringDashpotLaw;
import org.junit.jupiter.api.Test;

class ContactProbeTest {
    static final double E = 140e9;
    static final double NU = 0.3;
    static final MaterialModel NMC = TestMaterial.of("NMC622", YOUNGS_MODULUS, E, POISSON_RATIO, NU, DENSITY, 4770);
    static final MaterialModel STEEL = TestMaterial.of("steel-roll", YOUNGS_MODULUS, 210e9, POISSON_RATIO, 0.3,
            DENSITY, 7850);

    private final ContactProbe probe = new ContactProbe();

    /** NMC622 particles, a steel roll, and {@code law} as the highest-ranked contact law. */
    private static TestStageContext context(ContactLaw law) {
        return new TestStageContext().material(NMC).material(STEEL)
                .service(ContactLaw.class, null, TestSwappable.of(law));
    }

    @Test
    void elasticHertzCycleDissipatesNothingAndPeaksAtTheHertzForce() throws Exception {
        TestStageContext c = context(new HertzMindlinLaw()).run(probe, Map.of("restitution", 1.0));
        RecordingSink results = c.sink();

        double eStar = E / (2 * (1 - NU * NU));
        double rStar = 2.5e-6;
        double deltaMax = 0.01 * 5e-6;
        double hertz = 4.0 / 3.0 * eStar * Math.sqrt(rStar) * Math.pow(deltaMax, 1.5);
        assertEquals(hertz, results.get("peak_force_N"), 1e-12 * hertz);
        assertEquals(hertz, results.get("hertz_peak_force_N"), 1e-12 * hertz);
        // loading and unloading visit the same overlaps: the loop integral cancels to rounding
        double scale = hertz * deltaMax * 1e9; // nJ
        assertEquals(0, results.get("dissipated_energy_nJ"), 1e-12 * scale);
        assertEquals(0, results.get("residual_overlap_um"), 0);

        Table t = results.tables.get(ContactProbe.TABLE);
        assertEquals(2001, t.rows());
        assertEquals(0.05, t.column("overlap").values()[1000], 1e-15);
        assertEquals(1, results.plots.size());
        assertTrue(results.notes.get("contact_law").contains("hertz-mindlin"));
        assertTrue(c.progressReports().size() >= 100, "progress about every 1 %");
        assertEquals(1.0, c.progressReports().get(c.progressReports().size() - 1), 0);
        assertTrue(c.cancelChecks() >= 2001, "checkCancelled every step");
    }

    @Test
    void dampedCycleDissipatesEnergyAndLeavesAResidualOverlap() throws Exception {
        RecordingSink results = context(new HertzMindlinLaw())
                .run(probe, Map.of("restitution", 0.5, "loading_rate_m_per_s", 1.0)).sink();
        assertTrue(results.get("dissipated_energy_nJ") > 0);
        assertTrue(results.get("residual_overlap_um") > 0);
        assertTrue(results.get("residual_overlap_um") < 0.05);
    }

    @Test
    void wallPartnerUsesTheParticleRadiusAndTheWallMaterial() throws Exception {
        RecordingSink results = context(new HertzMindlinLaw())
                .run(probe, Map.of("restitution", 1.0, "partner", "wall")).sink();
        double eStar = 1 / ((1 - NU * NU) / E + (1 - 0.09) / 210e9);
        double hertz = 4.0 / 3.0 * eStar * Math.sqrt(5e-6) * Math.pow(0.05e-6, 1.5);
        assertEquals(hertz, results.get("peak_force_N"), 1e-12 * hertz);
    }

    /** Law A (linear spring) for steps &lt; k, law B (Hertz) from step k: the forces switch exactly at k. */
    @Test
    void swappedLawTakesEffectExactlyAtItsStep() throws Exception {
        int k = 700;
        ContactLaw a = new LinearSpringDashpotLaw(1e5, 2.0 / 7 * 1e5);
        ContactLaw b = new HertzMindlinLaw();
        TestStageContext c = new TestStageContext().material(NMC)
                .service(ContactLaw.class, "hertz-mindlin", TestSwappable.byStep(step -> step < k ? a : b))
                .run(probe, Map.of("contact_law", "hertz-mindlin", "restitution", 1.0));

        Table t = c.sink().tables.get(ContactProbe.TABLE);
        double[] overlapUm = t.column("overlap").values();
        double[] elastic = t.column("normal_elastic").values();
        double eStar = E / (2 * (1 - NU * NU));
        for (int step = 1; step < overlapUm.length; step++) {
            double delta = overlapUm[step] * 1e-6;
            double expected = step < k ? 1e5 * delta
                    : 4.0 / 3.0 * eStar * Math.sqrt(2.5e-6) * Math.pow(delta, 1.5);
            assertEquals(expected, elastic[step], 1e-12 * expected + 1e-300, "step " + step);
        }
        assertTrue(c.sink().notes.get("contact_law").contains("from step " + k + ": hertz-mindlin"),
                c.sink().notes.get("contact_law"));
        assertNotSame(a, b);
    }

    @Test
    void materialWithoutElasticConstantsIsRejectedWithItsField() {
        TestStageContext c = context(new HertzMindlinLaw()).material(TestMaterial.of("soft", DENSITY, 1000));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> c.run(probe, Map.of("material", "soft")));
        assertEquals("stages[0].with.material", e.field());
    }

    @Test
    void oddStepsAreRejected() {
        Parameters p = TestParameters.bind(probe.parameters(), Map.of("steps", 11));
        assertThrows(InvalidInputException.class, () -> probe.validate(p, new TestStageContext().state()));
    }

    @Test
    void cancellationStopsTheRun() {
        TestStageContext c = context(new HertzMindlinLaw()).cancel();
        assertThrows(StageCancelledException.class, () -> c.run(probe, Map.of()));
        assertTrue(c.sink().tables.isEmpty());
    }

    @Test
    void givesNothing() {
        Parameters p = TestParameters.bind(probe.parameters(), Map.of());
        assertTrue(probe.gives(p).isEmpty());
        assertTrue(probe.needs(p).isEmpty());
    }
}
