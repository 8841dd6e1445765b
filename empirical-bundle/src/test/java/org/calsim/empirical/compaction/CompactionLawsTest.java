package org.calsim.empirical.compaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;

class CompactionLawsTest {

    private static final double REL = 1e-12;

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * REL);
    }

    @Test
    void meyerDensityLawAndInverse() {
        // A = 500 kN/m = 5e5 N/m, B = 2, rho0 = 2500 kg/m^3.
        // rho = 2900 kg/m^3: rise 0.4 g/cm^3 -> q_L = 5e5 * 0.4^2 = 8.0e4 N/m (80 kN/m)
        MeyerDensityLaw law = new MeyerDensityLaw(5e5, 2, 2500);
        close(8.0e4, law.lineLoad(2900));
        // inverse: 2500 + 1000 * (8e4/5e5)^(1/2) = 2500 + 1000 * 0.4 = 2900
        close(2900, law.density(8.0e4));
        assertEquals(2500, law.density(0));
    }

    @Test
    void densityBelowInitialIsRejected() {
        MeyerDensityLaw law = new MeyerDensityLaw(5e5, 2, 2500);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> law.lineLoad(2400));
        assertTrue(e.getMessage().contains("rho_i") && e.getMessage().contains("2400"), e.getMessage());
    }

    @Test
    void porosityFromDensity() {
        // eps = 1 - 2900/4000 = 0.275; and back
        close(0.275, CoatingDensity.porosity(2900, 4000));
        close(2900, CoatingDensity.density(0.275, 4000));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CoatingDensity.porosity(4100, 4000));
        assertTrue(e.getMessage().contains("4100"), e.getMessage());
    }

    @Test
    void exponentialLaw() {
        // eq 5 with eps0 = 0.45, eps_min = 0.2, gamma = 1e5 N/m at q_L = 1e5 N/m:
        // 0.2 + 0.25 * exp(-1) = 0.2 + 0.25 * 0.36787944117 = 0.29196986029
        PorosityLineLoadLaw law = new PorosityLineLoadLaw(0.45, 0.2, 1e5);
        close(0.2 + 0.25 * Math.exp(-1), law.porosity(1e5));
        close(0.29196986029286058, law.porosity(1e5));
    }

    @Test
    void limitsOfTheLaw() {
        PorosityLineLoadLaw law = new PorosityLineLoadLaw(0.45, 0.2, 1e5);
        assertEquals(0.45, law.porosity(0), 0.0); // q_L = 0 gives eps0 exactly
        assertEquals(0.2, law.porosity(1e9), 0.0); // exp(-1e4) underflows to 0: eps_min
        assertTrue(law.porosity(2e5) < law.porosity(1e5)); // monotone
    }

    @Test
    void compactionFactorFormEqualsEquation8() {
        // eqs 7-8: p = 0.5 -> eps_min = 0.225; eps = 0.45 * (0.5 + 0.5 * exp(-q/gamma))
        PorosityLineLoadLaw law = PorosityLineLoadLaw.withCompactionFactor(0.45, 0.5, 1e5);
        close(0.225, law.minimumPorosity());
        close(0.5, law.compactionFactor());
        double q = 2.5e4;
        close(0.45 * (0.5 + 0.5 * Math.exp(-0.25)), law.porosity(q));
    }

    @Test
    void dampingFactorEquation6() {
        // mu0 = 2 kN/m per mg/cm^2 = 2e5 (N/m)/(kg/m^2); xi = 0.01 kN/m per mg/cm^2 per C = 1e3;
        // T_R = 50 C; M_C = 10 mg/cm^2 = 0.1 kg/m^2 -> gamma = (2e5 - 5e4) * 0.1 = 1.5e4 N/m
        close(1.5e4, DampingFactor.gamma(2e5, 1e3, 50, 0.1));
    }

    @Test
    void dampingFactorMustBePositive() {
        // mu0 - xi*T_R = 2e5 - 5e3*40 = 0
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DampingFactor.gamma(2e5, 5e3, 40, 0.1));
        assertTrue(e.getMessage().contains("mu0") && e.getMessage().contains("xi")
                && e.getMessage().contains("T_R"), e.getMessage());
    }

    @Test
    void badPorositiesAreRejected() {
        InvalidInputException negative = assertThrows(InvalidInputException.class,
                () -> new PorosityLineLoadLaw(-0.1, 0.05, 1e5));
        assertTrue(negative.getMessage().contains("initial porosity"), negative.getMessage());
        assertTrue(negative.getMessage().contains("-0.1"), negative.getMessage());
        assertEquals("initial porosity eps0", negative.field());
        InvalidInputException one = assertThrows(InvalidInputException.class,
                () -> new PorosityLineLoadLaw(1.0, 0.2, 1e5));
        assertTrue(one.getMessage().contains("1.0") && one.getMessage().contains("< 1"), one.getMessage());
        InvalidInputException above = assertThrows(InvalidInputException.class,
                () -> new PorosityLineLoadLaw(0.3, 0.4, 1e5));
        assertTrue(above.getMessage().contains("eps_min"), above.getMessage());
        InvalidInputException gamma = assertThrows(InvalidInputException.class,
                () -> new PorosityLineLoadLaw(0.45, 0.2, 0));
        assertTrue(gamma.getMessage().contains("gamma"), gamma.getMessage());
        assertThrows(InvalidInputException.class, () -> new PorosityLineLoadLaw(0.45, 0.2, 1e5).porosity(-5));
    }
}
