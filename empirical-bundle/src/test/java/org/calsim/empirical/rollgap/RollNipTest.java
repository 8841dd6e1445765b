package org.calsim.empirical.rollgap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;

class RollNipTest {

    private static final double REL = 1e-12;

    // F_N = 30 kN over w_C = 0.1 m, r_R = 0.2 m, delta_0 = 100 um, delta_1 = 70 um, gap = 64 um, v = 0.5 m/s
    private final RollNip nip = new RollNip(30_000, 0.1, 0.2, 100e-6, 70e-6, 64e-6, 0.5);

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * REL);
    }

    @Test
    void lineLoadIsForcePerWidth() {
        // eq 1: q_L = 30000 N / 0.1 m = 3.0e5 N/m (300 kN/m)
        close(3.0e5, nip.lineLoad());
        close(30_000, RollNip.fromLineLoad(3.0e5, 0.1, 0.2, 100e-6, 70e-6, 64e-6, 0.5).rollForce());
    }

    @Test
    void contactAreaFollowsEquation2() {
        // compaction zone sqrt(0.2 * 36e-6) = sqrt(7.2e-6) = 2.6832816e-3 m
        // relaxation zone sqrt(0.2 * 6e-6) = sqrt(1.2e-6) = 1.0954451e-3 m
        // arc length 3.7787267e-3 m; A = 0.1 m * 3.7787267e-3 m = 3.7787267e-4 m^2
        double length = Math.sqrt(7.2e-6) + Math.sqrt(1.2e-6);
        close(Math.sqrt(7.2e-6), nip.compactionZoneLength());
        close(Math.sqrt(1.2e-6), nip.relaxationZoneLength());
        close(length, nip.contactLength());
        close(0.1 * length, nip.contactArea());
        // mean pressure F_N / A = 30000 / 3.7787267e-4 = 7.939e7 Pa
        close(30_000 / (0.1 * length), nip.meanPressure());
        // residence time 3.7787267e-3 m / 0.5 m/s = 7.557e-3 s
        close(length / 0.5, nip.residenceTime());
    }

    @Test
    void compactionAndSpringBack() {
        // eq 3: 1 - 70/100 = 0.3; spring-back (70 - 64)/64 = 0.09375
        close(0.3, nip.compactionDegree());
        close(0.09375, nip.springBack());
    }

    @Test
    void noSpringBackWhenOutgoingEqualsGap() {
        RollNip tight = new RollNip(30_000, 0.1, 0.2, 100e-6, 64e-6, 64e-6, 0.5);
        assertEquals(0.0, tight.springBack());
        assertEquals(0.0, tight.relaxationZoneLength());
    }

    @Test
    void gapAboveIncomingThicknessIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new RollNip(30_000, 0.1, 0.2, 100e-6, 100e-6, 120e-6, 0.5));
        assertTrue(e.getMessage().contains("roll gap"), e.getMessage());
        assertTrue(e.getMessage().contains("1.2E-4"), e.getMessage());
    }

    @Test
    void outgoingBelowGapIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new RollNip(30_000, 0.1, 0.2, 100e-6, 60e-6, 64e-6, 0.5));
        assertTrue(e.getMessage().contains("outgoing thickness"), e.getMessage());
        assertTrue(e.getMessage().contains("6.0E-5"), e.getMessage());
    }

    @Test
    void negativeLoadIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RollNip.fromLineLoad(-1, 0.1, 0.2, 100e-6, 70e-6, 64e-6, 0.5));
        assertTrue(e.getMessage().contains("line load"), e.getMessage());
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
    }
}
