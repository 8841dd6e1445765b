package org.calsim.dem.calendering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.api.testing.RecordingSink;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.testing.TestSwappable;
import org.calsim.dem.contact.BondedLaw;
import org.calsim.dem.contact.BuiltInParts;
import org.calsim.dem.contact.ElasticPlasticLaw;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.calsim.dem.contact.HertzNormal;
import org.calsim.dem.contact.LinearSpringDashpotLaw;
import org.calsim.dem.contact.ThorntonNingNormal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contact laws swapped at step boundaries inside the real stages, on two threads: dem.generate while particles land
 * on the collector, dem.calender in plate mode (collector and plate contacts, a bonded coating) and in roll mode
 * (collector and roll contacts). Every run ends; bonds released by a swap to a law without a bond part are reported
 * as released, not broken. (The engine-level test checks that the forces after a swap follow the new law.)
 */
class HotSwapStagesTest {
    static TestStageContext generated;

    @BeforeAll
    static void generate() throws Exception {
        generated = CalenderingFixture.context(new BondedLaw()).run(new ElectrodeGenerator(),
                Map.of("box_x_d50", 8, "box_y_d50", 8, "density_scaling", 1e8, "cbd", "bonds", "vtk", false,
                        "threads", 2));
    }

    private static TestStageContext calender(TestSwappable<ContactLaw> laws) {
        return CalenderingFixture.context(new BondedLaw()).service(ContactLaw.class, null, laws)
                .with(ParticlePacking.KEY, generated.given(ParticlePacking.KEY))
                .with(DemKeys.COATING, generated.given(DemKeys.COATING));
    }

    /** Swaps during settling: Hertz–Mindlin, the linear law from step 1000 to 3000 (other history), back. */
    @Test
    void generateRunsOnThroughSwaps() throws Exception {
        HertzMindlinLaw hertz = new HertzMindlinLaw();
        LinearSpringDashpotLaw linear = new LinearSpringDashpotLaw(1e5, 1e5 * 2 / 7);
        TestStageContext c = CalenderingFixture.context(hertz)
                .service(ContactLaw.class, null, TestSwappable.byStep(s -> s >= 1000 && s < 3000 ? linear : hertz))
                .run(new ElectrodeGenerator(), Map.of("box_x_d50", 6, "box_y_d50", 6, "density_scaling", 1e8,
                        "cbd", "none", "vtk", false, "threads", 2));
        assertTrue(c.sink().get("porosity") > 0.2 && c.sink().get("porosity") < 0.6, "a settled coating");
    }

    /**
     * Plate mode with the bonded coating: bonded → hertz-mindlin at step 400 (bonds released) → bonded at 1500 (the
     * bonds do not come back); the run ends and reports the released bonds apart from broken ones.
     */
    @Test
    void plateCalenderingRunsOnAndReportsReleasedBonds() throws Exception {
        BondedLaw bonded = new BondedLaw();
        HertzMindlinLaw hertz = new HertzMindlinLaw();
        TestStageContext c = calender(TestSwappable.byStep(s -> s >= 400 && s < 1500 ? hertz : bonded))
                .run(new CalenderStage(), plate());
        RecordingSink s = c.sink();
        double formed = s.get("bonds_formed");
        double released = s.get("bonds_released_by_swap");
        assertTrue(released > 0.5 * formed, "released " + released + " of " + formed);
        double breakage = s.get("bond_breakage_fraction");
        assertTrue(breakage >= 0 && breakage <= 1 - released / formed + 1e-12, "broken, not counting released: "
                + breakage);
        assertTrue(s.notes.get("bonds_released").contains("provenance"));
        assertTrue(s.get("max_pressure_MPa") > 0);
    }

    /**
     * Roll mode over the {@link RollStrip}, a swap to elastic-plastic while the roll presses the strip (collector and roll contacts: the
     * Thornton–Ning normal part has history the bonded law lacks) and back; the pass ends.
     */
    @Test
    void rollCalenderingRunsOnThroughSwaps() throws Exception {
        BondedLaw bonded = new BondedLaw();
        ElasticPlasticLaw plastic = new ElasticPlasticLaw();
        TestStageContext c = RollStrip.context(bonded)
                .service(ContactLaw.class, null, TestSwappable.byStep(s -> s >= 4000 && s < 8000 ? plastic : bonded))
                .run(new CalenderStage(), RollStrip.roll(Map.of("threads", 2)));
        RecordingSink s = c.sink();
        assertTrue(s.get("line_load_N_per_m") > 0, "the roll pressed the strip");
        assertTrue(s.get("steps") > 8000, "the swaps came during the pass");
        assertTrue(s.get("bonds_released_by_swap") > 0);
    }

    /**
     * Plate mode with the bonded coating and the law composed in the job ({@code contact: {normal: hertz, damping:
     * viscoelastic, tangential: mindlin, bond: parallel}}), whose normal part alone is swapped to thornton-ning at step
     * 400 and back at 1500 (a plugin's part deployed and removed). The bond part stays, so no bond is released; with
     * the coating's infinite contact yield stress Thornton–Ning is Hertz to the last bit, so the calendered packing is
     * the bonded preset's without a swap, bit for bit.
     */
    @Test
    void aPartSwapInPlateCalenderingKeepsTheBondsAndTheNumbers() throws Exception {
        HertzNormal hertz = new HertzNormal();
        ThorntonNingNormal plastic = new ThorntonNingNormal();
        TestStageContext straight = calender(TestSwappable.of(new BondedLaw())).run(new CalenderStage(), plate());
        Map<String, Object> composed = plate();
        composed.put("contact", BuiltInParts.PRESETS.get(BondedLaw.NAME));
        TestStageContext swapped = BuiltInParts.register(calender(TestSwappable.of(new BondedLaw())))
                .service(ContactPart.Normal.class, HertzNormal.NAME,
                        TestSwappable.byStep(s -> s >= 400 && s < 1500 ? plastic : hertz))
                .run(new CalenderStage(), composed);
        RecordingSink s = swapped.sink();
        assertTrue(s.get("steps") > 1500, "both swaps came during the run");
        assertTrue(!s.summary.containsKey("bonds_released_by_swap"), "no bond released: " + s.notes);
        assertEquals(straight.sink().get("bonds_formed"), s.get("bonds_formed"));
        assertEquals(straight.sink().get("bond_breakage_fraction"), s.get("bond_breakage_fraction"));
        assertEquals(straight.sink().get("max_pressure_MPa"), s.get("max_pressure_MPa"));
        ParticlePacking a = straight.given(ParticlePacking.KEY);
        ParticlePacking b = swapped.given(ParticlePacking.KEY);
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.z(), b.z());
    }

    private static Map<String, Object> plate() {
        Map<String, Object> m = new HashMap<>(Map.of("target", "pressure", "target_pressure_MPa", 50,
                "plate_speed_m_per_s", 2e-4, "hold_steps", 500, "relax_steps", 500, "sample_every_steps", 250,
                "threads", 2));
        return m;
    }
}
