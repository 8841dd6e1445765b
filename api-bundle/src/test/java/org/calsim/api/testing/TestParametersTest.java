package org.calsim.api.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;
import org.junit.jupiter.api.Test;

/** The fixture binds job-file values as the runtime does. */
class TestParametersTest {

    private static final List<Parameter> DECLARED = List.of(
            Parameter.number("radius_um", "um", 1e-6, "radius").positive(),
            Parameter.number("rate", "m/s", 1, "speed").positive().withDefault(0.01),
            Parameter.numbers("loads_kN_per_m", "kN/m", 1e3, "line loads").nonNegative().withDefault(new double[] {1}),
            new Parameter("steps", Parameter.Kind.INTEGER, "1", 1, 2, true, 100, true, null, false, List.of(), "steps"),
            Parameter.choice("model", List.of("a", "b"), "model").withDefault("a"),
            Parameter.text("law", "law").optional());

    @Test
    void convertsToSIAndFillsDefaults() {
        TestParameters p = TestParameters.bind(DECLARED, Map.of("radius_um", 5.0, "loads_kN_per_m", List.of(2, 3.5)));
        assertEquals(5.0 * 1e-6, p.number("radius_um"), 0);
        assertEquals(0.01, p.number("rate"), 0);
        assertArrayEquals(new double[] {2e3, 3.5e3}, p.numbers("loads_kN_per_m"), 0);
        assertEquals("a", p.text("model"));
        assertTrue(p.isSet("rate"));
        assertFalse(p.isSet("law"));
        assertFalse(p.isSet("steps"));
        assertThrows(IllegalStateException.class, () -> p.text("law"));
        assertThrows(IllegalArgumentException.class, () -> p.isSet("undeclared"));
        assertEquals("stages[0].with.law", p.fieldPath("law"));
    }

    @Test
    void rejectsWhatTheRuntimeRejects() {
        assertField("stages[0].with.radius_um", Map.of());
        assertField("stages[0].with.speed", Map.of("radius_um", 5.0, "speed", 1.0));
        assertField("stages[0].with.radius_um", Map.of("radius_um", -1.0));
        assertField("stages[0].with.steps", Map.of("radius_um", 5.0, "steps", 101));
        assertField("stages[0].with.steps", Map.of("radius_um", 5.0, "steps", 4.0));
        assertField("stages[0].with.model", Map.of("radius_um", 5.0, "model", "c"));
        assertField("stages[0].with.loads_kN_per_m[1]", Map.of("radius_um", 5.0, "loads_kN_per_m", List.of(1, -1)));
        assertField("stages[0].with.law", Map.of("radius_um", 5.0, "law", " "));
    }

    private static void assertField(String field, Map<String, ?> values) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TestParameters.bind(DECLARED, values));
        assertEquals(field, e.field(), e.getMessage());
    }
}
