package org.calsim.dem.calendering;

import java.util.function.ToDoubleFunction;
import org.calsim.dem.engine.Particles;

/**
 * Drying of the wet deposit into the dried coating: how a slurry film reaches the recipe's porosity.
 *
 * <p><b>Picture.</b> In the slurry every particle carries a shell of carbon-binder gel swollen by the solvent
 * (carbon black and dissolved binder adsorbed on the particle), so the wet particles, of radius α r (α ≥ 1, the
 * <i>shell factor</i>), settle into a packing that is looser, in dry radii, than dry spheres would form. On drying
 * the solvent leaves, each gel shell collapses into the nanoporous CBD that bridges the particle to its
 * neighbours, and the film shrinks through its thickness only, its lateral extent being pinned by the collector
 * (Routh, Rep. Prog. Phys. 76 (2013) 046603). The dried binder holds every particle where drying left it. This is
 * the drying step of Ngandjong et al. (J. Phys. Chem. Lett. 8 (2017) 5966) and Forouzan et al. (J. Power Sources
 * 312 (2016) 172), where CBD-plus-solvent particles shrink on drying, applied to shells around every sphere.
 *
 * <p><b>Kinematics.</b> Radii α r → r; heights z → β z with the through-thickness contraction β ∈ [1/α, 1]; x
 * and y unchanged. For two wet spheres that do not overlap, |Δx|² + |Δy|² + Δz² ≥ α²(r_i + r_j)², so after
 * drying their distance is ≥ √(|Δx|² + |Δy|² + β²Δz²) ≥ βα (r_i + r_j) ≥ r_i + r_j: <b>drying creates no
 * overlap</b>, between particles or with the collector (z ≥ α r gives β z ≥ r), for any β in the range; the
 * settled contacts of the wet deposit keep at most their relative overlap. β = 1 is a pure shell collapse
 * (centres fixed); β = 1/α also contracts the centre heights by the shell factor.
 *
 * <p><b>Targeting the recipe.</b> The dried thickness h(β), as a micrometer measures it max_i (β z_i + r_i), or as a
 * profilometer does the mean over a grid of the highest sphere surface above each cell ({@link ThicknessMeasure}), is
 * continuous and increasing in β (every cell's height is a maximum of functions increasing in β, z_i ≥ 0). The recipe fixes the dried thickness h* = V_solid / ((1 − ε₀) Lx Ly) (V_solid
 * the AM and CBD solid, from skeletal densities), and β is found by bisection so that h(β) = h*: the film shrinks
 * until its solid has the recipe's porosity, as a real film does. h* is reachable when h(1/α) ≤ h* ≤ h(1). A
 * packing of wet spheres of packing fraction φ_w is about α³ c thick at β = 1 and α² c at β = 1/α, with
 * c = V_sph / (Lx Ly φ_w) and V_sph the volume of the dry spheres. The shells that reach h* therefore run from
 * α = (h* / c)^{1/3} (β = 1) to (h* / c)^{1/2} (β = 1/α); {@link #shellFactor} takes α = (h* / c)^{3/8}, a quarter
 * of the way (in ln α) from the smallest: a margin on both sides for a φ_w that differs from the estimate, while
 * the gap 2(α − 1) r that the shells leave between laterally neighbouring particles (bridged by the CBD) stays
 * small. The first deposit takes φ_w of random loose packing; when the dried porosity misses the recipe's, the
 * generator deposits again with α from the measured φ_w (feedback).
 */
final class DryingShrinkage {
    /**
     * Packing fraction of random loose packing of frictional spheres settled under gravity, 0.555 (Onoda &amp;
     * Liniger, Phys. Rev. Lett. 64 (1990) 2727): the first estimate of the wet deposit's packing fraction.
     */
    static final double RANDOM_LOOSE_PACKING = 0.555;
    /**
     * Packing fraction of random close packing of equal spheres, 0.637 (Scott &amp; Kilgour, J. Phys. D 2 (1969)
     * 863): no random sphere packing, and no dried coating of them, is denser.
     */
    static final double RANDOM_CLOSE_PACKING = 0.637;
    /** Bisection steps: the interval [1/α, 1] shrinks below 10⁻¹⁵ of itself. */
    private static final int BISECTIONS = 60;

    private DryingShrinkage() {
    }

    /**
     * @param targetHeight  dried thickness the recipe asks for, h* [m]
     * @param sphereVolume  volume of the dry spheres per collector area, V_sph / (Lx Ly) [m]
     * @param wetPacking    packing fraction φ_w of the wet deposit (estimated or measured) [1]
     * @return the shell factor α = max(1, (h* φ_w Lx Ly / V_sph)^{3/8}) [1]
     */
    static double shellFactor(double targetHeight, double sphereVolume, double wetPacking) {
        return Math.max(1, Math.pow(targetHeight * wetPacking / sphereVolume, 3.0 / 8.0));
    }

    /**
     * @param wet       the settled wet spheres (radii α r)
     * @param alpha     shell factor α [1]
     * @param beta      through-thickness contraction β [1]
     * @param thickness how the dried particles' thickness is measured [m]
     * @return the dried thickness h(β) [m]
     */
    static double height(Particles wet, double alpha, double beta, ToDoubleFunction<Particles> thickness) {
        return thickness.applyAsDouble(dry(wet, alpha, beta));
    }

    /**
     * @param wet          the settled wet spheres (radii α r)
     * @param alpha        shell factor α [1]
     * @param targetHeight the dried thickness the recipe asks for, h* [m]
     * @param thickness    how the dried particles' thickness is measured [m]
     * @return β in [1/α, 1] with h(β) = h*, or the end of that range nearer to it when h* lies outside [1]
     */
    static double contraction(Particles wet, double alpha, double targetHeight, ToDoubleFunction<Particles> thickness) {
        double lo = 1 / alpha;
        double hi = 1;
        if (height(wet, alpha, lo, thickness) >= targetHeight) {
            return lo;
        }
        if (height(wet, alpha, hi, thickness) <= targetHeight) {
            return hi;
        }
        for (int k = 0; k < BISECTIONS; k++) {
            double mid = 0.5 * (lo + hi);
            if (height(wet, alpha, mid, thickness) < targetHeight) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * @param wet   the settled wet spheres (radii α r), at rest
     * @param alpha shell factor α [1]
     * @param beta  through-thickness contraction β in [1/α, 1]
     * @return the dried particles: radii r, heights β z, same x, y, type and material density, at rest
     */
    static Particles dry(Particles wet, double alpha, double beta) {
        Particles dry = new Particles(wet.size());
        for (int i = 0; i < wet.size(); i++) {
            double rw = wet.radius(i);
            double density = wet.mass(i) / (4.0 / 3.0 * Math.PI * rw * rw * rw);
            dry.add(wet.x(i), wet.y(i), beta * wet.z(i), rw / alpha, density, wet.type(i));
        }
        return dry;
    }
}
