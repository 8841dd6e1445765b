package org.calsim.empirical.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;

class TortuosityTest {

    private static final double REL = 1e-12;

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * REL);
    }

    @Test
    void bruggemanIsOneAtFullPorosity() {
        assertEquals(1.0, new BruggemanTortuosity(1.5).tortuosityFactor(1.0), 0.0);
        assertEquals(1.0, new BruggemanTortuosity(2.3).tortuosityFactor(1.0), 0.0);
    }

    @Test
    void bruggemanAtQuarterPorosity() {
        // T = 0.25^(1 - 1.5) = 0.25^-0.5 = 2
        close(2.0, new BruggemanTortuosity(1.5).tortuosityFactor(0.25));
        // kappa_eff = kappa0 eps/T = 1 S/m * 0.25/2 = 0.125 = kappa0 eps^1.5
        close(0.125, TransportRelations.effectiveConductivity(1.0, 0.25, 2.0));
        close(Math.pow(0.25, 1.5), TransportRelations.effectiveConductivity(1.0, 0.25, 2.0));
        // D_eff = 3e-10 * 0.125 = 3.75e-11 m^2/s; tau_g = sqrt(2)
        close(3.75e-11, TransportRelations.effectiveDiffusivity(3e-10, 0.25, 2.0));
        close(Math.sqrt(2), TransportRelations.geometricTortuosity(2.0));
    }

    @Test
    void powerLaw() {
        // T = 1.02 * 0.36^-0.53 = 1.02 * exp(0.53 * 1.0216512) = 1.02 * 1.7183... = 1.7527...
        PowerLawTortuosity law = new PowerLawTortuosity(1.02, -0.53);
        close(1.02 * Math.exp(-0.53 * Math.log(0.36)), law.tortuosityFactor(0.36));
        // a = 1, b = 1 - alpha is Bruggeman
        close(new BruggemanTortuosity(1.5).tortuosityFactor(0.3), new PowerLawTortuosity(1, -0.5).tortuosityFactor(0.3));
    }

    @Test
    void badInputIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new BruggemanTortuosity(1.5).tortuosityFactor(-0.2));
        assertTrue(e.getMessage().contains("porosity") && e.getMessage().contains("-0.2"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> new BruggemanTortuosity(1.5).tortuosityFactor(1.2));
        assertThrows(InvalidInputException.class, () -> new BruggemanTortuosity(0));
        assertThrows(InvalidInputException.class, () -> new PowerLawTortuosity(-1, -0.5));
        InvalidInputException ratio = assertThrows(InvalidInputException.class,
                () -> TransportRelations.transportRatio(1.0, 2.0));
        assertTrue(ratio.getMessage().contains("porosity"), ratio.getMessage());
    }
}
