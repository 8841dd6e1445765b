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
            Parameter.integer("steps", "steps").closed(2, 100).optional(),
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

    /** Fields of a mapping given as a nested map, service names checked against the registered ones. */
    @Test
    void bindsMappingsAndServiceNamesAsTheRuntimeDoes() {
        List<Parameter> declared = List.of(
                Parameter.service("contact.normal", Runnable.class, "normal part"),
                Parameter.service("contact.rolling", Runnable.class, "rolling part").optional());
        java.util.function.Function<Class<?>, java.util.Collection<String>> registered = type -> List.of("b", "a");
        TestParameters p = TestParameters.bind(declared, Map.of("contact", Map.of("normal", "a", "rolling", "none")),
                registered);
        assertEquals("a", p.text("contact.normal"));
        assertFalse(p.isSet("contact.rolling"));
        assertFalse(TestParameters.bind(declared, Map.of(), registered).isSet("contact.normal"));
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> TestParameters.bind(declared,
                Map.of("contact", Map.of("normal", "c")), registered));
        assertEquals("stages[0].with.contact.normal", unknown.field());
        assertEquals("the calsim.name of a registered Runnable service: a, b", unknown.allowed());
        assertEquals("stages[0].with.contact.normal", assertThrows(InvalidInputException.class,
                () -> TestParameters.bind(declared, Map.of("contact", Map.of("rolling", "a")), registered)).field());
        assertEquals("stages[0].with.contact.roling", assertThrows(InvalidInputException.class,
                () -> TestParameters.bind(declared, Map.of("contact", Map.of("normal", "a", "roling", "a")),
                        registered)).field());
    }
}
