package org.calsim.ml.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FieldUnitsTest {

    @Test
    void unitsComeFromTheFieldNamesSuffix() {
        assertEquals("kN/m", FieldUnits.of("calendering.line_load_kN_per_m"));
        assertEquals("C", FieldUnits.of("calendering.roll_temperature_C"));
        assertEquals("MPa", FieldUnits.of("stages[1].with.target_pressure_MPa"));
        assertEquals("1", FieldUnits.of("recipe.initial_porosity"));
    }

    /** Compound units are not mistaken for their last part (…_per_C is not degrees Celsius). */
    @Test
    void compoundUnitsKeepTheirWholeName() {
        assertEquals("kN_per_m_per_mg_per_cm2_per_C", FieldUnits.of("stages[0].with.xi_kN_per_m_per_mg_per_cm2_per_C"));
        assertEquals("kN_per_m_per_mg_per_cm2", FieldUnits.of("stages[0].with.mu0_kN_per_m_per_mg_per_cm2"));
    }
}
