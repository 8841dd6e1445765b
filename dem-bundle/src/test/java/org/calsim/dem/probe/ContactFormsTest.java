package org.calsim.dem.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.data.Table;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.testing.RecordingSink;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.testing.TestSwappable;
import org.calsim.dem.contact.BuiltInParts;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The two forms of choosing a contact law, on {@code dem.contact-probe}: a preset by name ({@code contact_law}) and
 * the same parts composed in the job ({@code contact:}) give the same numbers to the bit; a composition the registry
 * cannot make, or both forms at once, is refused before the stage runs, naming the field, the value and what is
 * allowed.
 */
class ContactFormsTest {
    private final ContactProbe probe = new ContactProbe();

    /** The probe's materials, every built-in part, and the preset {@code law} under its name. */
    private static TestStageContext context(String law) {
        return BuiltInParts.register(new TestStageContext().material(ContactProbeTest.NMC)
                .material(ContactProbeTest.STEEL)
                .service(ContactLaw.class, law, TestSwappable.of(BuiltInParts.preset(law))));
    }

    private static Map<String, Object> cycle(String partner) {
        return new HashMap<>(Map.of("restitution", 0.7, "friction", 0.4, "loading_rate_m_per_s", 1.0,
                "max_overlap_fraction", 0.03, "partner", partner));
    }

    @TestFactory
    List<DynamicTest> everyPresetEqualsItsCompositionToTheBit() {
        return BuiltInParts.PRESETS.entrySet().stream().flatMap(e -> List.of("particle", "wall").stream()
                .map(partner -> DynamicTest.dynamicTest(e.getKey() + " on a " + partner, () -> {
                    Map<String, Object> byName = cycle(partner);
                    byName.put("contact_law", e.getKey());
                    Map<String, Object> composed = cycle(partner);
                    composed.put("contact", e.getValue());
                    RecordingSink preset = context(e.getKey()).run(probe, byName).sink();
                    RecordingSink parts = context(e.getKey()).run(probe, composed).sink();
                    assertEquals(preset.summary, parts.summary);
                    Table a = preset.tables.get(ContactProbe.TABLE);
                    Table b = parts.tables.get(ContactProbe.TABLE);
                    for (String column : List.of("overlap", "normal_elastic", "normal_damping", "normal_total")) {
                        assertArrayEquals(a.column(column).values(), b.column(column).values(), column);
                    }
                    assertTrue(parts.notes.get("contact_law").startsWith("contact {normal: "),
                            parts.notes.get("contact_law"));
                }))).toList();
    }

    @Test
    void anUnknownPartIsRefusedWithTheNamesOfItsRole() {
        InvalidInputException e = refused(Map.of("contact", Map.of("normal", "hertzz", "tangential", "mindlin")));
        assertEquals("stages[0].with.contact.normal", e.field());
        assertEquals("hertzz", e.value());
        assertTrue(e.allowed().contains("ContactPart.Normal service: hertz, hooke, thornton-ning"), e.allowed());

        InvalidInputException rolling = refused(Map.of("contact", Map.of("normal", "hertz", "rolling", "epsd")));
        assertEquals("stages[0].with.contact.rolling", rolling.field());
        assertTrue(rolling.allowed().endsWith("cdt, epsd2, or none"), rolling.allowed());
    }

    @Test
    void aCompositionWithoutANormalPartIsRefused() {
        InvalidInputException missing = refused(Map.of("contact", Map.of("tangential", "mindlin")));
        assertEquals("stages[0].with.contact.normal", missing.field());
        assertEquals("null", missing.value());
        assertTrue(missing.getMessage().contains("a missing value is not allowed"), missing.getMessage());
        assertTrue(missing.allowed().contains("hertz, hooke, thornton-ning"), missing.allowed());

        InvalidInputException none = refused(Map.of("contact", Map.of("normal", "none", "tangential", "mindlin")));
        assertEquals("stages[0].with.contact.normal", none.field());
        assertEquals("none", none.value());
        assertTrue(none.allowed().endsWith("hertz, hooke, thornton-ning"), "none is not allowed: " + none.allowed());
    }

    @Test
    void aNameAndACompositionTogetherAreRefusedNamingBoth() {
        InvalidInputException e = refused(Map.of("contact_law", HertzMindlinLaw.NAME,
                "contact", Map.of("normal", "hertz")));
        assertEquals("stages[0].with.contact_law", e.field());
        assertTrue(e.getMessage().contains("stages[0].with.contact_law") && e.getMessage().contains(
                "stages[0].with.contact is {normal: hertz}"), e.getMessage());
    }

    @Test
    void aMisspelledRoleOrAContactThatIsNoMappingIsRefused() {
        InvalidInputException role = refused(Map.of("contact", Map.of("normal", "hertz", "tangental", "mindlin")));
        assertEquals("stages[0].with.contact.tangental", role.field());
        assertTrue(role.allowed().contains("normal, damping, cohesion, tangential, rolling, bond"), role.allowed());

        InvalidInputException flat = refused(Map.of("contact", "hertz"));
        assertEquals("stages[0].with.contact", flat.field());
        assertTrue(flat.allowed().startsWith("a mapping of fields (normal, damping"), flat.allowed());
    }

    /** Optional parts may be left out or written {@code none}: the same law. */
    @Test
    void noneIsTheSameAsLeavingThePartOut() throws Exception {
        Map<String, Object> without = cycle("particle");
        without.put("contact", Map.of("normal", "hertz", "tangential", "mindlin"));
        Map<String, Object> withNone = cycle("particle");
        withNone.put("contact", Map.of("normal", "hertz", "damping", "none", "tangential", "mindlin", "rolling",
                "none"));
        RecordingSink a = context(HertzMindlinLaw.NAME).run(probe, without).sink();
        RecordingSink b = context(HertzMindlinLaw.NAME).run(probe, withNone).sink();
        assertEquals(a.summary, b.summary);
        double scale = b.get("peak_force_N") * 0.03 * 5e-6 * 1e9; // nJ
        assertEquals(0, b.get("dissipated_energy_nJ"), 1e-12 * scale, "no damping part: elastic");
    }

    /** @return the refusal of {@code values}, checking that the stage did not start */
    private InvalidInputException refused(Map<String, ?> values) {
        TestStageContext c = context(HertzMindlinLaw.NAME);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> c.run(probe, values));
        assertTrue(c.progressReports().isEmpty() && c.sink().summary.isEmpty(), "nothing ran");
        return e;
    }
}
