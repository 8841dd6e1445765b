package org.calsim.api.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterTest {
    /**
     * A list default must be the double[] the runtime binds (a List default made every fem.p2d job that left out
     * c_rates fail with a ClassCastException, an HTTP 500 on the lab server): refused when the stage is defined.
     */
    @Test
    void aListOfNumbersDefaultsToADoubleArray() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> Parameter.numbers("c_rates", "1/h", 1, "C-rates").withDefault(List.of(0.2, 1.0)));
        assertTrue(x.getMessage().contains("c_rates") && x.getMessage().contains("double[]"), x.getMessage());
        Parameter ok = Parameter.numbers("c_rates", "1/h", 1, "C-rates").withDefault(new double[] {0.2, 1.0});
        assertArrayEquals(new double[] {0.2, 1.0}, (double[]) ok.defaultValue());
    }

    /** A service parameter names its interface; a dotted name is one field of one mapping. */
    @Test
    void serviceParametersAndFieldsOfAMappingAreDeclaredConsistently() {
        Parameter normal = Parameter.service("contact.normal", Runnable.class, "part").optional();
        assertEquals(Parameter.Kind.SERVICE, normal.kind());
        assertEquals(Runnable.class, normal.service());
        assertFalse(normal.required());
        assertEquals(Runnable.class, normal.withDefault("hertz").service(), "kept by the builder methods");
        assertNull(Parameter.text("law", "law").service());
        assertThrows(IllegalArgumentException.class, () -> new Parameter("law", Parameter.Kind.SERVICE, "-", 1, 0,
                true, 1, true, null, true, List.of(), "no interface", null));
        assertThrows(IllegalArgumentException.class, () -> new Parameter("law", Parameter.Kind.TEXT, "-", 1, 0, true,
                1, true, null, true, List.of(), "text with an interface", Runnable.class));
        for (String bad : new String[] {"a.b.c", ".b", "a."}) {
            assertThrows(IllegalArgumentException.class, () -> Parameter.text(bad, "bad name"), bad);
        }
    }

    /**
     * The factories and the narrowing methods declare every parameter the positional constructor could: a half-open
     * range (0, 1] for a coefficient of restitution, a closed whole-number range with a default.
     */
    @Test
    void factoriesAndNarrowingCoverEveryRange() {
        Parameter e = Parameter.number("e", "1", 1, "restitution").openClosed(0, 1).withDefault(0.5);
        assertFalse(e.inRange(0));
        assertTrue(e.inRange(1));
        assertEquals("a number > 0 and <= 1", e.describeRange());
        assertEquals(0.5, e.defaultValue());
        assertFalse(e.required());
        Parameter hold = Parameter.integer("hold", "steps").closed(0, 1e9).withDefault(2000);
        assertEquals(new Parameter("hold", Parameter.Kind.INTEGER, "1", 1, 0, true, 1e9, true, 2000, false, List.of(),
                "steps", null), hold);
    }
}
