package org.calsim.dem.calendering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.StageCancelledException;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.api.testing.RecordingSink;
import org.calsim.api.testing.TestStageContext;
import org.calsim.dem.contact.BondedLaw;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * dem.generate and dem.calender on a small coating (5 mg/cm² NMC622, 8 × 8 d50, CBD as bonds, density scaling
 * 1e8): the generated loading, plate calendering with spring-back, the stress tensor against the plate pressure,
 * roll mode, checkpoint–resume, and input errors.
 */
class CalenderingStagesTest {
    static TestStageContext generated;

    static Map<String, Object> generateWith() {
        return Map.of("box_x_d50", 8, "box_y_d50", 8, "density_scaling", 1e8, "cbd", "bonds", "vtk", false);
    }

    @BeforeAll
    static void generate() throws Exception {
        generated = CalenderingFixture.context(new BondedLaw()).run(new ElectrodeGenerator(), generateWith());
    }

    static TestStageContext calenderContext(ContactLaw law) {
        return CalenderingFixture.context(law).with(ParticlePacking.KEY, generated.given(ParticlePacking.KEY))
                .with(DemKeys.COATING, generated.given(DemKeys.COATING));
    }

    static Map<String, Object> plate(Map<String, Object> extra) {
        Map<String, Object> m = new HashMap<>(Map.of("target", "pressure", "target_pressure_MPa", 50,
                "plate_speed_m_per_s", 2e-4, "hold_steps", 1000, "relax_steps", 1000, "sample_every_steps", 250));
        m.putAll(extra);
        return m;
    }

    /**
     * The generated active material matches the areal loading to within one particle, the porosity is
     * 1 − V_solid/(A h) with h the highest particle top and V_solid the spheres plus the carbon and binder solid
     * of the recipe (here as bonds), and no particle is below the collector.
     */
    @Test
    void theGeneratedCoatingHasTheRecipeLoading() {
        ParticlePacking p = generated.given(ParticlePacking.KEY);
        double volume = p.solidVolume();
        double area = p.boxX() * p.boxY();
        double loading = volume * 4700 / area;
        double largest = 0;
        double top = 0;
        for (int i = 0; i < p.size(); i++) {
            largest = Math.max(largest, 4.0 / 3.0 * Math.PI * Math.pow(p.radius()[i], 3) * 4700 / area);
            top = Math.max(top, p.z()[i] + p.radius()[i]);
            assertTrue(p.z()[i] - p.radius()[i] > -0.05 * p.radius()[i], "above the collector: particle " + i);
        }
        assertEquals(0.05, loading, largest, "active loading [kg/m^2]");
        RecordingSink s = generated.sink();
        assertEquals(top * 1e6, s.get("thickness_um"), 1e-9);
        org.calsim.api.electrode.ElectrodeRecipe r = CalenderingFixture.recipe();
        double cbdPerAm = (1 / r.solidDensity() - 0.96 / 4700) / (0.96 / 4700);
        assertEquals(1 - volume * (1 + cbdPerAm) / (area * top), s.get("porosity"), 1e-12);
        assertEquals(p.size(), (int) s.get("am_particles"));
    }

    @Test
    void plateCalenderingCompactsAndSpringsBack() throws Exception {
        TestStageContext c = calenderContext(new BondedLaw()).run(new CalenderStage(), plate(Map.of("series_points",
                3)));
        org.calsim.api.structure.PackingSeries series = c.given(org.calsim.api.structure.PackingSeries.KEY);
        assertEquals(5, series.size(), "the uncalendered state, three loading states and the released one");
        assertEquals(0, series.compaction()[0], 0, "the series opens with the uncalendered coating");
        assertEquals(0, series.pressures()[0], 0);
        assertTrue(series.compaction()[1] < series.compaction()[2] && series.compaction()[2] < series.compaction()[3],
                "compaction grows through the loading");
        assertEquals(50e6, series.pressures()[3], 0.05 * 50e6, "the last loading state is at the target pressure");
        RecordingSink s = c.sink();
        assertTrue(s.get("final_porosity") < s.get("initial_porosity"), "calendering lowers the porosity");
        assertTrue(s.get("porosity_at_max_load") < s.get("final_porosity"), "the coating springs back");
        assertTrue(s.get("spring_back_percent") > 0, "spring-back " + s.get("spring_back_percent"));
        assertTrue(s.get("max_pressure_MPa") >= 50, "reached the target pressure");
        assertTrue(s.get("bonds_formed") > 0, "CBD bonds formed");
        assertEquals(c.given(CoatingKeys.POROSITY), s.get("final_porosity"), 0);
        assertEquals(c.given(CoatingKeys.THICKNESS) * 1e6, s.get("final_thickness_um"), 1e-9);
        // quasi-static equilibrium: the Love–Weber stress σ_zz over the compressed volume equals the plate
        // pressure; inertia (kinetic energy) and the arm of the wall contacts (r − δ rather than the plate
        // distance) leave a few per cent
        assertEquals(s.get("max_pressure_MPa"), s.get("stress_zz_at_max_load_MPa"), 0.05 * s.get("max_pressure_MPa"));
        assertTrue(s.tables.containsKey("compression") && s.tables.containsKey("porosity-profile"));
        assertTrue(s.files.containsKey("particles-final.vtp") && s.files.containsKey("particles-maximum-load.vtp"));
    }

    @Test
    void aResumedRunEndsAsAnUninterruptedOne() throws Exception {
        Map<String, Object> with = plate(Map.of("checkpoint_every_steps", 1000, "resume", true));
        TestStageContext straight = calenderContext(new BondedLaw()).run(new CalenderStage(), with);

        Path folder = java.nio.file.Files.createTempDirectory("calsim-resume");
        TestStageContext first = calenderContext(new BondedLaw()).checkpoints(folder).cancelAfterChecks(20);
        assertThrows(StageCancelledException.class, () -> first.run(new CalenderStage(), with));
        assertTrue(java.nio.file.Files.exists(folder.resolve(CalenderStage.CHECKPOINT_FILE)), "a checkpoint was kept");
        TestStageContext resumed = calenderContext(new BondedLaw()).checkpoints(folder).run(new CalenderStage(), with);
        assertTrue(resumed.sink().notes.containsKey("resumed"));
        for (String key : straight.sink().summary.keySet()) {
            assertEquals(straight.sink().get(key), resumed.sink().get(key), 0.0, key);
        }
        // the snapshots written before the checkpoint (initial state) come back from the checkpoint folder
        assertEquals(straight.sink().files.keySet(), resumed.sink().files.keySet());
        for (String name : straight.sink().files.keySet()) {
            assertArrayEquals(java.nio.file.Files.readAllBytes(straight.sink().files.get(name)),
                    java.nio.file.Files.readAllBytes(resumed.sink().files.get(name)), name);
        }
    }

    /** Roll mode over the {@link RollStrip}: the roll reaches its gap, 5 % below the mean surface, and carries a load. */
    @Test
    void rollModePassesOverTheStrip() throws Exception {
        TestStageContext c = RollStrip.context(new BondedLaw()).run(new CalenderStage(), RollStrip.roll(Map.of()));
        RecordingSink s = c.sink();
        assertTrue(s.get("max_pressure_MPa") > 0, "the roll pressed the coating");
        assertTrue(s.get("line_load_N_per_m") > 0, "the roll carried a line load");
        assertTrue(s.get("stress_zz_at_max_load_MPa") > 0, "the strip under the roll carries its load");
        assertEquals(0.05, s.get("compaction_degree_of_gap"), 1e-12, "the roll reached the gap");
        assertEquals(0.95 * s.get("initial_thickness_um"), s.get("roll_gap_um"), 1e-9, "5 % below the mean surface");
        assertEquals(c.given(CoatingKeys.THICKNESS) * 1e6, s.get("final_thickness_um"), 1e-9);
    }

    @Test
    void aRollTooLargeForTheStripIsRefusedBeforeRunning() {
        InvalidInputException x = assertThrows(InvalidInputException.class, () -> calenderContext(new BondedLaw())
                .run(new CalenderStage(), Map.of("mode", "roll", "roll_radius_um", 100_000)));
        assertTrue(x.getMessage().contains("roll_radius_um"), x.getMessage());
    }

    @Test
    void pressureTargetWithoutAPressureIsRefused() {
        InvalidInputException x = assertThrows(InvalidInputException.class,
                () -> calenderContext(new BondedLaw()).run(new CalenderStage(), Map.of("target", "pressure")));
        assertTrue(x.getMessage().contains("target_pressure_MPa"), x.getMessage());
    }

    @Test
    void bondsNeedALawWithABondPart() {
        InvalidInputException x = assertThrows(InvalidInputException.class,
                () -> calenderContext(new HertzMindlinLaw()).run(new CalenderStage(), plate(Map.of())));
        assertTrue(x.getMessage().contains("bond"), x.getMessage());
    }

    @Test
    void aBoxSmallerThanTwoInteractionRangesIsRefused() {
        InvalidInputException x = assertThrows(InvalidInputException.class, () -> CalenderingFixture.context(
                new HertzMindlinLaw()).run(new ElectrodeGenerator(), Map.of("box_x_d50", 3)));
        assertTrue(x.getMessage().contains("box_x_d50"), x.getMessage());
    }

    /** Issue 17: a recipe giving billions of particles is refused before any list of them is filled, at once. */
    @Test
    void tooManyParticlesAreRefusedBeforeTheyAreDrawn() {
        InvalidInputException x = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> assertThrows(
                InvalidInputException.class, () -> CalenderingFixture.context(new HertzMindlinLaw())
                        .run(new ElectrodeGenerator(), Map.of("box_x_d50", 1000, "box_y_d50", 1000,
                                "size_table_diameters_um", List.of(0.5), "size_table_number_fractions", List.of(1)))));
        assertTrue(x.getMessage().contains("box_x_d50") && x.getMessage().contains("5,000,000"), x.getMessage());
        assertTrue(x.getMessage().contains("e+10"), x.getMessage());
    }
}
