package org.calsim.dem.probe;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.POISSON_RATIO;
import static org.calsim.api.material.MaterialProperty.YOUNGS_MODULUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.contact.ContactLaw;
import org.calsim.api.data.Table;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.StageCancelledException;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.calsim.dem.contact.LinearSpringDashpotLaw;
import org.junit.jupiter.api.Test;

class ContactProbeTest {
    static final double E = 140e9;
    static final double NU = 0.3;
    static final MaterialModel NMC = MapStageContext.material("NMC622", YOUNGS_MODULUS, E, POISSON_RATIO, NU,
            DENSITY, 4770);
    static final MaterialModel STEEL = MapStageContext.material("steel-roll", YOUNGS_MODULUS, 210e9,
            POISSON_RATIO, 0.3, DENSITY, 7850);

    private final ContactProbe probe = new ContactProbe();

    private MapStageContext context(ContactLaw law) {
        return new MapStageContext(probe.parameters()).material(NMC).material(STEEL)
                .service(null, MapStageContext.swappable(step -> law));
    }

    @Test
    void elasticHertzCycleDissipatesNothingAndPeaksAtTheHertzForce() {
        MapStageContext c = context(new HertzMindlinLaw()).with("restitution", 1.0);
        probe.run(c);

        double eStar = E / (2 * (1 - NU * NU));
        double rStar = 2.5e-6;
        double deltaMax = 0.01 * 5e-6;
        double hertz = 4.0 / 3.0 * eStar * Math.sqrt(rStar) * Math.pow(deltaMax, 1.5);
        assertEquals(hertz, c.summary.get("peak_force_N"), 1e-12 * hertz);
        assertEquals(hertz, c.summary.get("hertz_peak_force_N"), 1e-12 * hertz);
        // loading and unloading visit the same overlaps: the loop integral cancels to rounding
        double scale = hertz * deltaMax * 1e9; // nJ
        assertEquals(0, c.summary.get("dissipated_energy_nJ"), 1e-12 * scale);
        assertEquals(0, c.summary.get("residual_overlap_um"), 0);

        Table t = c.tables.get(ContactProbe.TABLE);
        assertEquals(2001, t.rows());
        assertEquals(0.05, t.column("overlap").values()[1000], 1e-15);
        assertEquals(1, c.plots.size());
        assertTrue(c.notes.get("contact_law").contains("hertz-mindlin"));
        assertTrue(c.progress.size() >= 100, "progress about every 1 %");
        assertEquals(1.0, c.progress.get(c.progress.size() - 1), 0);
        assertTrue(c.cancelChecks >= 2001, "checkCancelled every step");
    }

    @Test
    void dampedCycleDissipatesEnergyAndLeavesAResidualOverlap() {
        MapStageContext c = context(new HertzMindlinLaw()).with("restitution", 0.5).with("loading_rate_m_per_s", 1.0);
        probe.run(c);
        assertTrue(c.summary.get("dissipated_energy_nJ") > 0);
        assertTrue(c.summary.get("residual_overlap_um") > 0);
        assertTrue(c.summary.get("residual_overlap_um") < 0.05);
    }

    @Test
    void wallPartnerUsesTheParticleRadiusAndTheWallMaterial() {
        MapStageContext c = context(new HertzMindlinLaw()).with("restitution", 1.0).with("partner", "wall");
        probe.run(c);
        double eStar = 1 / ((1 - NU * NU) / E + (1 - 0.09) / 210e9);
        double hertz = 4.0 / 3.0 * eStar * Math.sqrt(5e-6) * Math.pow(0.05e-6, 1.5);
        assertEquals(hertz, c.summary.get("peak_force_N"), 1e-12 * hertz);
    }

    /** Law A (linear spring) for steps &lt; k, law B (Hertz) from step k: the forces switch exactly at k. */
    @Test
    void swappedLawTakesEffectExactlyAtItsStep() {
        int k = 700;
        ContactLaw a = new LinearSpringDashpotLaw(1e5, 2.0 / 7 * 1e5);
        ContactLaw b = new HertzMindlinLaw();
        MapStageContext c = new MapStageContext(probe.parameters()).material(NMC)
                .service("hertz-mindlin", MapStageContext.swappable(step -> step < k ? a : b))
                .with("contact_law", "hertz-mindlin").with("restitution", 1.0);
        probe.run(c);

        Table t = c.tables.get(ContactProbe.TABLE);
        double[] overlapUm = t.column("overlap").values();
        double[] elastic = t.column("normal_elastic").values();
        double eStar = E / (2 * (1 - NU * NU));
        for (int step = 1; step < overlapUm.length; step++) {
            double delta = overlapUm[step] * 1e-6;
            double expected = step < k ? 1e5 * delta
                    : 4.0 / 3.0 * eStar * Math.sqrt(2.5e-6) * Math.pow(delta, 1.5);
            assertEquals(expected, elastic[step], 1e-12 * expected + 1e-300, "step " + step);
        }
        assertTrue(c.notes.get("contact_law").contains("from step " + k + ": hertz-mindlin"),
                c.notes.get("contact_law"));
        assertNotSame(a, b);
    }

    @Test
    void materialWithoutElasticConstantsIsRejectedWithItsField() {
        MapStageContext c = context(new HertzMindlinLaw())
                .material(MapStageContext.material("soft", DENSITY, 1000)).with("material", "soft");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> probe.run(c));
        assertEquals("stages[0].with.material", e.field());
    }

    @Test
    void oddStepsAreRejected() {
        MapStageContext c = context(new HertzMindlinLaw()).with("steps", 11);
        assertThrows(InvalidInputException.class, () -> probe.validate(c));
    }

    @Test
    void cancellationStopsTheRun() {
        MapStageContext c = context(new HertzMindlinLaw());
        c.cancelled = true;
        assertThrows(StageCancelledException.class, () -> probe.run(c));
        assertTrue(c.tables.isEmpty());
    }

    @Test
    void givesNothing() {
        MapStageContext c = context(new HertzMindlinLaw());
        assertTrue(probe.gives(c).isEmpty());
        assertTrue(probe.needs(c).isEmpty());
    }
}
