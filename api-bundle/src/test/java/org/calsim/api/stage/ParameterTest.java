package org.calsim.api.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
}
