package org.calsim.empirical.transport;

/**
 * A closed-form tortuosity factor T(ε) of the electrolyte-filled pore space. calsim's tortuosity
 * factor is T = ε D_0 / D_eff, so κ_eff = κ_0 ε / T and D_eff = D_0 ε / T (eqs 10–11 of the review,
 * Tambio et al., J. Electrochem. Soc. 167 (2020) 160509); the geometric tortuosity is τ_g = √T (eq 12).
 */
public interface TortuosityClosure {

    /**
     * @param porosity ε [1], 0 &lt; ε &le; 1 (ε = 1: no solid)
     * @return tortuosity factor T [1]
     */
    double tortuosityFactor(double porosity);

    /** @return the closure and its parameters, e.g. {@code "bruggeman alpha=1.5"} */
    String describe();
}
