package org.calsim.empirical.transport;

import org.calsim.api.stage.InvalidInputException;
import org.calsim.empirical.Checks;

/**
 * Generalised power law for the tortuosity factor, T = a ε^b, as cited in the review for fits to
 * measured or computed tortuosity (R. Ge et al., Powder Technol. 403 (2022) 117366, who fit τ = a ε^b;
 * calsim applies the form to the tortuosity factor T). Bruggeman's closure is the special case a = 1,
 * b = 1 − α). T is calsim's tortuosity factor T = ε D_0 / D_eff (eqs 10–11, Tambio et al.,
 * J. Electrochem. Soc. 167 (2020) 160509).
 */
public final class PowerLawTortuosity implements TortuosityClosure {

    private final double a;
    private final double b;

    /**
     * @param a prefactor [1], &gt; 0
     * @param b exponent [1], finite (usually negative)
     */
    public PowerLawTortuosity(double a, double b) {
        this.a = Checks.positive("power-law prefactor a", a);
        this.b = Checks.finite("power-law exponent b", b);
    }

    /** @return a [1] */
    public double a() {
        return a;
    }

    /** @return b [1] */
    public double b() {
        return b;
    }

    /**
     * @param porosity ε [1], 0 &lt; ε &le; 1
     * @return T = a ε^b [1]
     */
    @Override
    public double tortuosityFactor(double porosity) {
        checkPorosity(porosity);
        return a * Math.pow(porosity, b);
    }

    @Override
    public String describe() {
        return "power law a=" + a + " b=" + b + " (T = a*eps^b)";
    }

    static void checkPorosity(double porosity) {
        if (!(porosity > 0 && porosity <= 1)) {
            throw new InvalidInputException("porosity", porosity, "a porosity > 0 and <= 1");
        }
    }
}
