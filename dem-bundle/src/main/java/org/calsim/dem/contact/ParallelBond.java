package org.calsim.dem.contact;

import org.calsim.api.contact.BondSpec;
import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Parallel bond of the bonded-particle model (Potyondy and Cundall, Int. J. Rock Mech. Min. Sci. 41 (2004)
 * 1329; eqs 17–20 of the review): an elastic cylinder of radius R_b = λ min(r_i, r_j) and rest length l_b
 * joining the two centres, with cross-section A = πR_b², second moment I = πR_b⁴/4 and polar moment
 * J = πR_b⁴/2. It carries a normal force, a shear force, a twisting and a bending moment, updated
 * incrementally from the relative motion, and breaks for good when the largest normal or shear stress in
 * its cross-section exceeds its strength.
 *
 * <p><b>Forming</b> ({@link #form}): l_b = r_i + r_j − δ, the distance between the centres (δ &lt; 0 for a
 * bridged gap; for a wall, r_i − δ, the distance from the centre to the wall); stiffnesses per area
 * k_n = E_b/l_b and k_t = G_b/l_b [Pa/m] (eqs 19–20); the accumulated forces and moments start at zero.
 *
 * <p><b>Each step</b>, while intact, with v_n the approach velocity, v_t the tangential and w the relative
 * angular velocity (ω_i − ω_j), w_n = w·n, w_t = w − w_n n:
 * <pre>
 *   F_n  = k_n A (l_b − d)                    (eq 19 summed; compression positive; d the current centre distance)
 *   F_s  ← R(F_s) − k_t A v_t Δt              (eq 20; R: rotation onto the current tangent plane)
 *   M_tw ← M_tw − k_t J w_n Δt                (twist about n)
 *   M_b  ← R(M_b) − k_n I w_t Δt              (bending)
 *   σ = −F_n/A + |M_b| R_b/I,   τ = |F_s|/A + |M_tw| R_b/J      (eqs 17, 18)
 * </pre>
 * The normal force is the sum of eq 19's increments k_n A Δu_n taken exactly, from the stretch of the bond: summing
 * them step by step with the engine's half-step approach velocity v_n is not objective (a pair spinning rigidly
 * reads the rotation as a separation speed d Ω² Δt/2 and its bond creeps shorter, by 170 times its real centripetal
 * stretch in {@code BondObjectivityTest}); LAMMPS's BPM bonds use the stretch too. Shear and moments stay
 * incremental: their increments come from the relative tangential and angular velocities, which a rigid rotation
 * leaves at zero.
 * Eq 17 is written in the review with |F_n|; here F_n is signed so that σ is the largest tensile stress
 * (tension positive): a compressed bond does not break in tension. If σ &gt; σ_c or τ &gt; τ_c a brittle bond
 * ({@link BondSpec#failureStrain()} 0, Potyondy and Cundall's) breaks: its forces are zeroed, it writes nothing
 * from this step on and never forms again by itself.
 *
 * <p><b>Ductile bond</b> (failure strain ε_f &gt; 0): a binder bridge of a polymer such as PVDF yields before it
 * tears. Where σ &gt; σ_c, the stresses flow back onto σ = σ_c, elastic–perfectly plastic with a radial return: a
 * stretched bond (F_n &lt; 0) scales F_n and M_b by σ_c/σ, its rest length l_b growing so that k_n A (l_b − d) is
 * the scaled force; a compressed bond scales only M_b, to |M_b| R_b/I = σ_c + F_n/A. The bridge yields in compression
 * at the same strength (a J2 polymer such as PVDF yields alike in tension and compression; the nanoporous CBD
 * densifies, the mechanism by which calendering compacts it): where the largest compressive fibre stress
 * F_n/A + |M_b| R_b/I exceeds σ_c, F_n and M_b are scaled back onto it and the rest length l_b shortens so that
 * k_n A (l_b − d) is the scaled force; the shortening is not counted as damage (a crushed bridge is denser, not
 * torn), the bending is. Without it a bridge spanning a gap of 10 % of l_b, pushed shut, would carry 10 % of E_b in
 * compression and give the whole compaction back when the tool leaves. Where τ &gt; τ_c, F_s and M_tw
 * are scaled by τ_c/τ. The plastic strain accumulates the plastic lengthening Δl_b/l_b, the plastic bending and
 * twisting rotations times R_b/l_b (the strain of the bond's outer fibre) and the plastic slip over l_b; the bond
 * breaks once it exceeds ε_f. Brittle and ductile bonds have the same elastic response. A
 * constant relative rotation θ = |w|t thus gives the beam-theory moments E_b I θ/l_b (pure bending) and
 * G_b J θ/l_b (torsion) of a beam of length l_b.
 *
 * <p><b>Damping</b>: each of the four springs gets a dashpot of the fraction ζ = {@link BondSpec#dampingRatio()}
 * of its critical damping, treated as an uncoupled one-degree-of-freedom oscillator: η = 2ζ√(m K) with
 * K = k_n A, k_t A (mass m = m*, the pair's effective mass) and k_t J, k_n I (inertia m = I*, the effective
 * moment of inertia of the relative rotation, 1/I* = 1/I_i + 1/I_j). I* is computed for two solid spheres of
 * one density (the bonded-particle case), where m_i/m_j = r_i³/r_j³ and I = (2/5)mr² give
 * I* = (2/5) m* (r_i³ + r_j³) r_i² r_j² / (r_i⁵ + r_j⁵), and (2/5) m* r_i² against a wall. The dashpot
 * forces act on the bodies, not on the bond's stresses (breakage reads the elastic forces only). The
 * dashpots are fixed at forming.
 *
 * <p>Output: the normal force (elastic + dashpot) is added to {@link ContactForce#bondNormal}, the shear
 * force to {@code ft*}, the twisting and bending moments to {@code tr*} (torque on i; the engine applies the
 * opposite to j); its spring stiffnesses k_n A and k_t A [N/m] are added to {@link ContactForce#normalStiffness} and
 * {@link ContactForce#tangentialStiffness} (springs in parallel with the contact's), so the engine's time-step check
 * sees the bond. History: {@value #SLOTS} slots (state, R_b, l_b, k_n, k_t, σ_c, τ_c, four dashpot
 * coefficients, F_n, F_s, M_tw, M_b, ε_f, accumulated plastic strain).
 */
@Component(service = ContactPart.Bond.class,
        property = {ServiceProperties.NAME + "=" + ParallelBond.NAME,
            ServiceProperties.DESCRIPTION + "=" + ParallelBond.DESCRIPTION})
public final class ParallelBond implements ContactPart.Bond {
    /** Service name of the part ({@code contact.bond: parallel} in a job). */
    public static final String NAME = "parallel";
    /** One line for {@code ./calsim list} and {@code describe}. */
    public static final String DESCRIPTION = "parallel bond of the bonded-particle model (Potyondy and Cundall 2004; "
            + "eqs 17-20), brittle or ductile: formed by the stage for the pairs it bonds (dem.generate cbd: bonds and "
            + "its bond_ fields); 21 history slots";

    static final int STATE = 0;
    static final int RADIUS = 1;
    static final int LENGTH = 2;
    static final int KN = 3;
    static final int KT = 4;
    static final int SIGMA_C = 5;
    static final int TAU_C = 6;
    static final int ETA_N = 7;
    static final int ETA_S = 8;
    static final int ETA_TWIST = 9;
    static final int ETA_BEND = 10;
    static final int FN = 11;
    static final int FS = 12;
    static final int M_TWIST = 15;
    static final int M_BEND = 16;
    static final int FAILURE_STRAIN = 19;
    static final int PLASTIC_STRAIN = 20;
    /** Number of history slots. */
    static final int SLOTS = 21;

    private static final double INTACT = 1;
    private static final double BROKEN = -1;

    @Override
    public int historySize() {
        return SLOTS;
    }

    @Override
    public void form(ContactGeometry g, BondSpec bond, double[] h, int o) {
        boolean wall = Double.isInfinite(g.radiusJ);
        double length = wall ? g.radiusI - g.overlap : g.radiusI + g.radiusJ - g.overlap;
        if (!(length > 0) || Double.isInfinite(length)) {
            throw new IllegalArgumentException("a bond needs a positive finite distance between the centres, was "
                    + length + " m");
        }
        double rb = bond.radiusMultiplier() * Math.min(g.radiusI, g.radiusJ);
        double kn = bond.youngsModulus() / length;
        double kt = bond.shearModulus() / length;
        double area = Math.PI * rb * rb;
        double inertia = area * rb * rb / 4;
        double polar = 2 * inertia;
        double ri = g.radiusI;
        double rj = g.radiusJ;
        double rotational = wall ? 0.4 * g.effectiveMass * ri * ri
                : 0.4 * g.effectiveMass * (ri * ri * ri + rj * rj * rj) * ri * ri * rj * rj
                        / (ri * ri * ri * ri * ri + rj * rj * rj * rj * rj);
        double twoZeta = 2 * bond.dampingRatio();
        h[o + STATE] = INTACT;
        h[o + RADIUS] = rb;
        h[o + LENGTH] = length;
        h[o + KN] = kn;
        h[o + KT] = kt;
        h[o + SIGMA_C] = bond.tensileStrength();
        h[o + TAU_C] = bond.shearStrength();
        h[o + ETA_N] = twoZeta * Math.sqrt(g.effectiveMass * kn * area);
        h[o + ETA_S] = twoZeta * Math.sqrt(g.effectiveMass * kt * area);
        h[o + ETA_TWIST] = twoZeta * Math.sqrt(rotational * kt * polar);
        h[o + ETA_BEND] = twoZeta * Math.sqrt(rotational * kn * inertia);
        for (int k = FN; k < SLOTS; k++) {
            h[o + k] = 0;
        }
        h[o + FAILURE_STRAIN] = bond.failureStrain();
    }

    @Override
    public boolean intact(double[] h, int o) {
        return h[o + STATE] == INTACT;
    }

    @Override
    public boolean broken(double[] h, int o) {
        return h[o + STATE] == BROKEN;
    }

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] h, int o, ContactForce out) {
        if (h[o + STATE] != INTACT) {
            return;
        }
        double rb = h[o + RADIUS];
        double kn = h[o + KN];
        double kt = h[o + KT];
        double area = Math.PI * rb * rb;
        double inertia = area * rb * rb / 4;
        double polar = 2 * inertia;
        double dt = g.dt;
        double nx = g.nx;
        double ny = g.ny;
        double nz = g.nz;
        double wn = g.wx * nx + g.wy * ny + g.wz * nz;

        double distance = Double.isInfinite(g.radiusJ) ? g.radiusI - g.overlap : g.radiusI + g.radiusJ - g.overlap;
        double fn = kn * area * (h[o + LENGTH] - distance);
        load(h, o + FS, nx, ny, nz, kt * area, g.vtx, g.vty, g.vtz, dt);
        double twist = h[o + M_TWIST] - kt * polar * wn * dt;
        load(h, o + M_BEND, nx, ny, nz, kn * inertia, g.wx - wn * nx, g.wy - wn * ny, g.wz - wn * nz, dt);

        double bending = length(h, o + M_BEND);
        double shear = length(h, o + FS);
        double sigma = -fn / area + bending * rb / inertia;
        double tau = shear / area + Math.abs(twist) * rb / polar;
        double sigmaC = h[o + SIGMA_C];
        double crush = fn / area + bending * rb / inertia;
        if (fn > 0 && crush > sigmaC && h[o + FAILURE_STRAIN] > 0) {
            // a ductile bridge crushed past σ_c yields: compression and bending flow back onto σ_c, the bond
            // shortening plastically (its CBD densifies); the shortening is not damage, the bending is
            double keep = sigmaC / crush;
            fn *= keep;
            h[o + LENGTH] = distance + fn / (kn * area);
            h[o + PLASTIC_STRAIN] += (1 - keep) * bending / (kn * inertia) * rb / h[o + LENGTH];
            scale(h, o + M_BEND, keep);
            bending *= keep;
            sigma = -fn / area + bending * rb / inertia;
        }
        h[o + FN] = fn;
        h[o + M_TWIST] = twist;
        if ((sigma > sigmaC || tau > h[o + TAU_C]) && !yieldOrBreak(h, o, sigma, tau, bending, shear, distance)) {
            return;
        }
        output(g, h, o, out);
    }

    /**
     * The incremental update of a shear force or bending moment (eq 20): the vector in {@code h[at … at+2]} is
     * turned onto the current tangent plane, its length kept ({@link #tangentialRescale}), and loses
     * stiffness × (vx, vy, vz) × dt.
     */
    private static void load(double[] h, int at, double nx, double ny, double nz, double stiffness, double vx,
                             double vy, double vz, double dt) {
        double x = h[at];
        double y = h[at + 1];
        double z = h[at + 2];
        double scale = tangentialRescale(x, y, z, nx, ny, nz);
        double n = x * nx + y * ny + z * nz;
        h[at] = (x - n * nx) * scale - stiffness * vx * dt;
        h[at + 1] = (y - n * ny) * scale - stiffness * vy * dt;
        h[at + 2] = (z - n * nz) * scale - stiffness * vz * dt;
    }

    /** @return the length of the vector in {@code h[at … at+2]} */
    private static double length(double[] h, int at) {
        return Math.sqrt(h[at] * h[at] + h[at + 1] * h[at + 1] + h[at + 2] * h[at + 2]);
    }

    /** Multiplies the vector in {@code h[at … at+2]} by {@code factor}. */
    private static void scale(double[] h, int at, double factor) {
        h[at] *= factor;
        h[at + 1] *= factor;
        h[at + 2] *= factor;
    }

    /**
     * A bond whose stresses exceed a strength (σ &gt; σ_c or τ &gt; τ_c, eqs 17–18): a brittle one breaks; a ductile
     * one flows back onto its strengths (radial return, its rest length and plastic strain growing) and breaks once
     * the plastic strain exceeds ε_f. Works on the forces and moments already stored in the history.
     *
     * @return whether the bond is still intact (a broken bond's forces and moments are zeroed)
     */
    private static boolean yieldOrBreak(double[] h, int o, double sigma, double tau, double bending, double shear,
                                        double distance) {
        double rb = h[o + RADIUS];
        double kn = h[o + KN];
        double kt = h[o + KT];
        double area = Math.PI * rb * rb;
        double inertia = area * rb * rb / 4;
        double polar = 2 * inertia;
        double sigmaC = h[o + SIGMA_C];
        double tauC = h[o + TAU_C];
        double failure = h[o + FAILURE_STRAIN];
        double length = h[o + LENGTH];
        double plastic = h[o + PLASTIC_STRAIN];
        double fn = h[o + FN];
        if (sigma > sigmaC && failure > 0) {
            // tension and bending flow back onto σ = σ_c: a stretched bond lengthens and bends plastically in
            // proportion; a compressed one bends only, its compression raising the moment it carries
            double keep = fn < 0 ? sigmaC / sigma : (sigmaC + fn / area) / (bending * rb / inertia);
            if (fn < 0) {
                double stretched = fn * keep;
                double rest = distance + stretched / (kn * area);
                plastic += (rest - length) / length;
                h[o + LENGTH] = rest;
                h[o + FN] = stretched;
            }
            plastic += (1 - keep) * bending / (kn * inertia) * rb / length;
            scale(h, o + M_BEND, keep);
        }
        if (tau > tauC && failure > 0) {
            double keep = tauC / tau;
            plastic += (1 - keep) * (shear / (kt * area) + Math.abs(h[o + M_TWIST]) / (kt * polar) * rb) / length;
            scale(h, o + FS, keep);
            h[o + M_TWIST] *= keep;
        }
        if (failure == 0 || plastic > failure) {
            h[o + STATE] = BROKEN;
            for (int k = FN; k < SLOTS; k++) {
                h[o + k] = 0;
            }
            return false;
        }
        h[o + PLASTIC_STRAIN] = plastic;
        return true;
    }

    /**
     * Adds the bond's forces and moments stored in the history, with its dashpots, to the contact's: normal force,
     * shear force, twisting and bending moments (torque on i), and its spring stiffnesses.
     */
    private static void output(ContactGeometry g, double[] h, int o, ContactForce out) {
        double rb = h[o + RADIUS];
        double area = Math.PI * rb * rb;
        double nx = g.nx;
        double ny = g.ny;
        double nz = g.nz;
        double wn = g.wx * nx + g.wy * ny + g.wz * nz;
        double wtx = g.wx - wn * nx;
        double wty = g.wy - wn * ny;
        double wtz = g.wz - wn * nz;
        double etaS = h[o + ETA_S];
        double twistTotal = h[o + M_TWIST] - h[o + ETA_TWIST] * wn;
        double etaB = h[o + ETA_BEND];
        out.bondNormal += h[o + FN] + h[o + ETA_N] * g.normalVelocity;
        out.normalStiffness += h[o + KN] * area;
        out.tangentialStiffness += h[o + KT] * area;
        out.ftx += h[o + FS] - etaS * g.vtx;
        out.fty += h[o + FS + 1] - etaS * g.vty;
        out.ftz += h[o + FS + 2] - etaS * g.vtz;
        out.trx += twistTotal * nx + h[o + M_BEND] - etaB * wtx;
        out.try_ += twistTotal * ny + h[o + M_BEND + 1] - etaB * wty;
        out.trz += twistTotal * nz + h[o + M_BEND + 2] - etaB * wtz;
    }

    /**
     * @return the factor that restores the length of vector v after its component along the unit normal n
     * is removed (1 if v is zero or parallel to n)
     */
    private static double tangentialRescale(double vx, double vy, double vz, double nx, double ny, double nz) {
        double before = vx * vx + vy * vy + vz * vz;
        if (before == 0) {
            return 1;
        }
        double vn = vx * nx + vy * ny + vz * nz;
        double after = before - vn * vn;
        return after > 0 ? Math.sqrt(before / after) : 1;
    }
}
