package org.calsim.empirical.compaction;

import org.calsim.api.stage.InvalidInputException;
import org.calsim.empirical.Checks;

/**
 * Meyer's porosity–line-load law, eq 5 of the review:
 * ε_C = ε_C,min + (ε_C,0 − ε_C,min) exp(−q_L / γ_C), and its compaction-factor form (eqs 7–8)
 * ε_C,min = p ε_C,0, i.e. ε_C = ε_C,0 (p + (1 − p) exp(−q_L/γ_C)). After Meyer et al.,
 * J. Mater. Process. Technol. 249 (2017) 172–178 (review ref 38); see also Meyer et al., J. Energy Storage 18
 * (2018) 371–379 (review ref 46).
 *
 * <p>Units SI: line loads and γ_C in N/m, porosities dimensionless.
 */
public final class PorosityLineLoadLaw {

    private final double initialPorosity;
    private final double minimumPorosity;
    private final double damping;

    /**
     * @param initialPorosity ε_C,0 [1], 0 &lt; ε_0 &lt; 1
     * @param minimumPorosity ε_C,min [1], 0 &lt; ε_min &le; ε_0
     * @param damping         damping factor γ_C [N/m], &gt; 0 (eq 6, see {@link DampingFactor})
     */
    public PorosityLineLoadLaw(double initialPorosity, double minimumPorosity, double damping) {
        this.initialPorosity = Checks.porosity("initial porosity eps0", initialPorosity);
        this.minimumPorosity = Checks.porosity("minimum porosity eps_min", minimumPorosity);
        this.damping = Checks.positive("damping factor gamma_C [N/m]", damping);
        if (minimumPorosity > initialPorosity) {
            throw new InvalidInputException("minimum porosity eps_min", minimumPorosity,
                    "a porosity <= the initial porosity eps0 = " + initialPorosity);
        }
    }

    /**
     * The compaction-factor form, eqs 7–8: ε_min = p ε_0.
     *
     * @param initialPorosity  ε_C,0 [1]
     * @param compactionFactor p [1], 0 &lt; p &le; 1
     * @param damping          γ_C [N/m]
     * @return the law with ε_min = p ε_0
     */
    public static PorosityLineLoadLaw withCompactionFactor(double initialPorosity, double compactionFactor,
                                                           double damping) {
        Checks.porosity("initial porosity eps0", initialPorosity);
        if (!(compactionFactor > 0 && compactionFactor <= 1)) {
            throw new InvalidInputException("compaction factor p", compactionFactor, "a number > 0 and <= 1");
        }
        return new PorosityLineLoadLaw(initialPorosity, compactionFactor * initialPorosity, damping);
    }

    /** @return ε_C,0 [1] */
    public double initialPorosity() {
        return initialPorosity;
    }

    /** @return ε_C,min [1] */
    public double minimumPorosity() {
        return minimumPorosity;
    }

    /** @return γ_C [N/m] */
    public double damping() {
        return damping;
    }

    /** @return compaction factor p = ε_min / ε_0 [1] (eq 7) */
    public double compactionFactor() {
        return minimumPorosity / initialPorosity;
    }

    /**
     * Eq 5.
     *
     * @param lineLoad q_L [N/m], &ge; 0
     * @return ε_C = ε_min + (ε_0 − ε_min) exp(−q_L/γ_C) [1]
     */
    public double porosity(double lineLoad) {
        Checks.nonNegative("line load q_L [N/m]", lineLoad);
        return minimumPorosity + (initialPorosity - minimumPorosity) * Math.exp(-lineLoad / damping);
    }
}
