package org.calsim.empirical.ratecapability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;

class PenetrationDepthModelTest {

    private static final double REL = 1e-12;

    // D0 = 3e-10 m^2/s, c0 = 1000 mol/m^3, t+ = 0.4; eps = 0.3, T = 3, L = 60 um, Q0 = 3 mAh/cm^2 = 108000 C/m^2
    private final Electrolyte electrolyte = new Electrolyte(3e-10, 1000, 0.4, 1.0);
    private final PenetrationDepthModel model = new PenetrationDepthModel(electrolyte, 0.3, 3, 60e-6, 108_000);

    // L_d * I = (0.3/3) * 3e-10 * 1000 * 96485.33212 / 0.6 = 4.824266606e-3 A/m
    private static final double DEPTH_TIMES_CURRENT = 0.1 * 3e-10 * 1000 * 96485.33212 / 0.6;

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * REL);
    }

    @Test
    void penetrationDepthEquation9() {
        // at I = 300 A/m^2 (10C): L_d = 4.824266606e-3 / 300 = 1.6080888687e-5 m = 16.08 um
        close(DEPTH_TIMES_CURRENT / 300, model.penetrationDepth(300));
        close(1.6080888686666667e-5, model.penetrationDepth(300));
    }

    @Test
    void criticalCurrentDensity() {
        // I* = 4.8242666e-3 / 60e-6 = 80.404444 A/m^2 = 8.04 mA/cm^2
        close(DEPTH_TIMES_CURRENT / 60e-6, model.criticalCurrentDensity());
        close(model.thickness(), model.penetrationDepth(model.criticalCurrentDensity()));
    }

    @Test
    void capacityEquations13And14() {
        // 1C = 108000/3600 = 30 A/m^2 < I*: full capacity
        assertEquals(108_000, model.capacity(30), 0.0);
        assertEquals(108_000, model.capacity(model.criticalCurrentDensity()), 0.0);
        // 10C = 300 A/m^2 > I*: Q = Q0 L_d/L = 108000 * 1.6080889e-5 / 60e-6 = 28945.6 C/m^2
        double expected = 108_000 * (DEPTH_TIMES_CURRENT / 300) / 60e-6;
        close(expected, model.capacity(300));
        close(108_000 * model.criticalCurrentDensity() / 300, model.capacity(300));
    }

    @Test
    void impliedTortuosityInvertsTheCriticalCurrent() {
        close(3.0, PenetrationDepthModel.impliedTortuosityFactor(electrolyte, 0.3, 60e-6,
                model.criticalCurrentDensity()));
    }

    @Test
    void badInputIsRejected() {
        InvalidInputException porosity = assertThrows(InvalidInputException.class,
                () -> new PenetrationDepthModel(electrolyte, 1.0, 3, 60e-6, 108_000));
        assertTrue(porosity.getMessage().contains("porosity") && porosity.getMessage().contains("1.0"),
                porosity.getMessage());
        InvalidInputException current = assertThrows(InvalidInputException.class, () -> model.capacity(-1));
        assertTrue(current.getMessage().contains("current density"), current.getMessage());
        InvalidInputException tPlus = assertThrows(InvalidInputException.class,
                () -> new Electrolyte(3e-10, 1000, 1.0, 1.0));
        assertTrue(tPlus.getMessage().contains("transference number"), tPlus.getMessage());
    }
}
