package org.calsim.dem.calendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.StageCancelledException;
import org.calsim.api.testing.RecordingSink;
import org.calsim.api.testing.TestStageContext;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.calsim.dem.contact.LinearSpringDashpotLaw;
import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.Particles;
import org.junit.jupiter.api.Test;

/**
 * The time step follows the stiffest contact, not only the Hertz Rayleigh time: with the default CBD spheres
 * (4 µm, nanoporosity 0.5, so light) and {@code linear-spring-dashpot} (a fixed k_n = 1e5 N/m whatever the size), the
 * CBD–CBD pair of the two smallest spheres has ω = √(k_n/m*), m* = m_CBD/2, and the Rayleigh step would give
 * ω·Δt well above 0.3. The step is reduced to 0.3/ω (with a note naming the pair), a {@code time_step_s} that is too
 * large is refused, and a Hertz law, which the Rayleigh step was made for, is left alone.
 */
class StiffestContactTest {
    private static final double KN = LinearSpringDashpotLaw.DEFAULT_KN;

    private static Map<String, Object> generate(Map<String, Object> extra) {
        Map<String, Object> m = new HashMap<>(Map.of("box_x_d50", 4, "box_y_d50", 4, "density_scaling", 1e8,
                "cbd", "particles", "vtk", false));
        m.putAll(extra);
        return m;
    }

    /** The probe over type pairs: the light CBD pair is the stiffest in ω, with ω = √(2 k_n / m_CBD). */
    @Test
    void theProbeFindsTheLightCbdPair() {
        Particles p = new Particles(3);
        p.add(0, 0, 0, 5e-6, 4700 * 1e8, 0);
        p.add(0, 0, 0, 2e-6, 900 * 1e8, 1);
        p.add(0, 0, 0, 2.5e-6, 900 * 1e8, 1);
        DemSetup.Elastic am = new DemSetup.Elastic("NMC622", 140e9, 0.3, 4700, 0, Double.POSITIVE_INFINITY);
        DemSetup.Elastic cbd = new DemSetup.Elastic("PVDF", 2e9, 0.35, 900, 0, Double.POSITIVE_INFINITY);
        PairProperties pp = PairProperties.mix(140e9, 0.3, 140e9, 0.3, 0.5, 0.3, 0, 0, Double.POSITIVE_INFINITY);
        DemSetup.StiffestPair s = DemSetup.stiffestPair(new LinearSpringDashpotLaw(KN, KN * 2 / 7),
                new PairProperties[] {pp, pp, pp, pp}, p, new DemSetup.Elastic[] {am, cbd});
        double mCbd = p.mass(1);
        assertEquals(Math.sqrt(2 * KN / mCbd), s.omega(), 1e-12 * s.omega());
        assertEquals(KN, s.stiffness(), 0);
        assertTrue(s.pair().startsWith("PVDF-PVDF"), s.pair());
    }

    @Test
    void theLinearLawWithCbdSpheresReducesTheStep() throws Exception {
        // the step is set before the first step: the test stops the settling at its first cancellation check
        TestStageContext c = CalenderingFixture.context(new LinearSpringDashpotLaw(KN, KN * 2 / 7)).cancelAfterChecks(1);
        assertThrows(StageCancelledException.class, () -> c.run(new ElectrodeGenerator(), generate(Map.of())));
        RecordingSink s = c.sink();
        String note = s.notes.get("time_step");
        assertTrue(note != null && note.contains("PVDF-PVDF") && note.contains("stability_limit"), String.valueOf(note));
        Matcher reduced = Pattern.compile("to (\\S+) s:").matcher(note);
        assertTrue(reduced.find(), note);
        // the smallest CBD sphere is the default 4 um one (all CBD spheres have one size): m = 4/3 pi r^3 rho_app s
        double rhoApparent = cbdApparentDensity() * 1e8;
        double m = 4.0 / 3.0 * Math.PI * Math.pow(2e-6, 3) * rhoApparent;
        double omega = Math.sqrt(2 * KN / m);
        double dt = Double.parseDouble(reduced.group(1));
        assertEquals(DemEngine.DEFAULT_STABILITY_LIMIT, omega * dt, 1e-3, "omega*dt (the note has 4 digits)");
    }

    @Test
    void aGivenTimeStepTooLargeForTheLawIsRefused() {
        InvalidInputException x = assertThrows(InvalidInputException.class, () -> CalenderingFixture
                .context(new LinearSpringDashpotLaw(KN, KN * 2 / 7))
                .run(new ElectrodeGenerator(), generate(Map.of("time_step_s", 1e-5))));
        assertTrue(x.getMessage().contains("time_step_s") && x.getMessage().contains("PVDF-PVDF"), x.getMessage());
    }

    @Test
    void hertzKeepsTheRayleighStep() throws Exception {
        TestStageContext c = CalenderingFixture.context(new HertzMindlinLaw())
                .run(new ElectrodeGenerator(), generate(Map.of("cbd", "none")));
        assertEquals(null, c.sink().notes.get("time_step"));
    }

    /** The apparent density of the fixture's CBD: carbon and binder solid of the 96:2:2 recipe, nanoporosity 0.5. */
    private static double cbdApparentDensity() {
        org.calsim.api.electrode.ElectrodeRecipe r = CalenderingFixture.recipe();
        double solid = 0.04 / (1 / r.solidDensity() - 0.96 / 4700);
        return solid * 0.5;
    }
}
