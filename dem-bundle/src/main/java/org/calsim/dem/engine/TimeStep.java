package org.calsim.dem.engine;

/**
 * Time-step estimate from the Rayleigh time, the time a Rayleigh surface wave takes to cross a particle
 * (Li, Xu, Thornton, Powder Technol. 160 (2005) 219):
 *
 * <pre>
 *   T_R = π r √(ρ/G) / (0.1631 ν + 0.8766),   G = E / (2(1 + ν))
 * </pre>
 *
 * for the smallest, stiffest particle; Δt = safety × T_R with a safety factor of 0.1–0.3 usual for
 * Hertz–Mindlin (LIGGGHTS warns above 0.2). Density scaling by a factor s multiplies ρ, so T_R by √s.
 */
public final class TimeStep {
    private TimeStep() {
    }

    /**
     * @param radius  particle radius r [m]
     * @param density density ρ [kg/m³] (scaled, if density scaling is on)
     * @param youngs  Young's modulus E [Pa]
     * @param poisson Poisson's ratio ν [1]
     * @return the Rayleigh time T_R [s]
     */
    public static double rayleigh(double radius, double density, double youngs, double poisson) {
        double shear = youngs / (2 * (1 + poisson));
        return Math.PI * radius * Math.sqrt(density / shear) / (0.1631 * poisson + 0.8766);
    }
}
