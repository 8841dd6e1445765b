package org.calsim.dem.calendering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.testing.TestSwappable;
import org.calsim.dem.contact.BuiltInParts;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.junit.jupiter.api.Test;

/**
 * {@code dem.generate} with a preset law by name and with the same parts composed in the job: the same coating, bit
 * for bit; and a composition that lacks what {@code dem.calender} needs, refused naming the part's field.
 */
class ComposedContactStagesTest {

    private static TestStageContext context(String law) {
        return BuiltInParts.register(CalenderingFixture.context(BuiltInParts.preset(law)))
                .service(ContactLaw.class, law, TestSwappable.of(BuiltInParts.preset(law)));
    }

    private static Map<String, Object> small() {
        return new HashMap<>(Map.of("box_x_d50", 5, "box_y_d50", 5, "density_scaling", 1e8, "cbd", "none", "vtk",
                false, "threads", 2));
    }

    /** The brief's example: hertz-mindlin by name and {normal: hertz, damping: viscoelastic, tangential: mindlin}. */
    @Test
    void aComposedLawGeneratesThePresetsCoating() throws Exception {
        Map<String, Object> byName = small();
        byName.put("contact_law", HertzMindlinLaw.NAME);
        Map<String, Object> composed = small();
        composed.put("contact", BuiltInParts.PRESETS.get(HertzMindlinLaw.NAME));
        TestStageContext preset = context(HertzMindlinLaw.NAME).run(new ElectrodeGenerator(), byName);
        TestStageContext parts = context(HertzMindlinLaw.NAME).run(new ElectrodeGenerator(), composed);
        ParticlePacking a = preset.given(ParticlePacking.KEY);
        ParticlePacking b = parts.given(ParticlePacking.KEY);
        assertTrue(a.size() > 20, "particles: " + a.size());
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.y(), b.y());
        assertArrayEquals(a.z(), b.z());
        assertEquals(preset.sink().get("porosity"), parts.sink().get("porosity"));
        assertEquals(preset.sink().get("settling_steps"), parts.sink().get("settling_steps"));
    }

    /** A composition without a bond part cannot calender a coating whose CBD is bonds: the part's field is named. */
    @Test
    void aBondedCoatingNeedsABondPart() throws Exception {
        Map<String, Object> generate = small();
        generate.put("cbd", "bonds");
        TestStageContext generated = context(HertzMindlinLaw.NAME).run(new ElectrodeGenerator(), generate);
        Map<String, Object> plate = new HashMap<>(Map.of("contact", BuiltInParts.PRESETS.get(HertzMindlinLaw.NAME),
                "threads", 2));
        TestStageContext c = context(HertzMindlinLaw.NAME)
                .with(ParticlePacking.KEY, generated.given(ParticlePacking.KEY))
                .with(DemKeys.COATING, generated.given(DemKeys.COATING));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> c.run(new CalenderStage(), plate));
        assertEquals("stages[0].with.contact.bond", e.field());
        assertTrue(e.allowed().contains("contact.bond: parallel"), e.allowed());
    }
}
