package org.calsim.api.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {
    /** A value converted back to the user's unit is quoted as written, not with the conversion's rounding. */
    @Test
    void aConvertedNumberIsQuotedAsTheUserWroteIt() {
        double radius = 50e-6 * 1e6; // 49.99999999999999
        InvalidInputException x = new InvalidInputException("stages[1].with.roll_radius_um", radius, "at least 60");
        assertEquals("stages[1].with.roll_radius_um: the value 50.0 is not allowed; expected at least 60.",
                x.getMessage());
        assertEquals("f: the value 0.1 is not allowed; expected x.",
                new InvalidInputException("f", 0.1 + 0.2 - 0.2, "x").getMessage());
    }

    /** Numbers keep twelve significant digits, and non-finite values and text are quoted as they are. */
    @Test
    void otherValuesAreQuotedUnchanged() {
        assertEquals("f: the value 1.23456789012E-7 is not allowed; expected x.",
                new InvalidInputException("f", 1.23456789012e-7, "x").getMessage());
        assertEquals("f: the value NaN is not allowed; expected x.",
                new InvalidInputException("f", Double.NaN, "x").getMessage());
        assertEquals("f: 'abc' is not allowed; expected x.", new InvalidInputException("f", "abc", "x").getMessage());
        assertEquals("f: the value 7 is not allowed; expected x.", new InvalidInputException("f", 7, "x").getMessage());
    }
}
