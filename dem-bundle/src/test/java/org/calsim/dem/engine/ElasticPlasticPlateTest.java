package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.contact.PairProperties;
import org.calsim.dem.contact.ElasticPlasticLaw;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §5 item 9: loading past yield and unloading of {@code elastic-plastic} (ThorntonNingNormal) through the
 * engine. One 5 µm NMC-like sphere (E = 140 GPa, ν = 0.3 for sphere and walls, so E* = 76.9 GPa; R* = r = 5 µm
 * against a plane; limiting contact pressure p_y = 1 GPa, so δ_y = π²R*p_y²/(4E*²) ≈ 2.1 nm) between the collector
 * (z = 0) and a plate, both contacts preloaded to δ_0 = δ_y/2 (elastic, in equilibrium). The plate is moved by
 * h(t) = 2r − 2δ_0 − D (1 − cos(2πt/T))/2: down by D = 2 × 25 δ_y and back, with zero speed at the start, at the
 * turning point and at the end.
 *
 * <p>Expected (Thornton and Ning 1998, written out here independently of the law): loading F = Hertz up to δ_y,
 * then F_y + π p_y R* (δ − δ_y); unloading 4/3 E* √R_p (δ − δ_p)^{3/2} with R_p = 4E*a_max³/(3F_max),
 * a_max = √(R*δ_max), δ_p = δ_max − a_max²/R_p; no force below δ_p.
 *
 * <p>Why the comparison can be tight: with e = 1 the law has no dashpot, so the plate force is the elastic force of
 * the plate contact at the overlap the engine had; the test evaluates the closed form at that same overlap (computed
 * with the engine's expression r + z − h) and with the largest overlap the contact has seen, so the comparison holds
 * whatever the sphere does: what remains is rounding of the closed form and of the law (a few operations, 1e-12
 * relative to F_max asserted). The sphere's inertia shows only in the split of the plate travel between the two
 * contacts: their forces differ by m × (sphere acceleration) ≤ m a, a = (D/2)(2π/T)², so on the plastic loading
 * line (slope π p_y R*) their overlaps differ by at most m a/(π p_y R*); the acceleration switched on at t = 0
 * excites an oscillation of amplitude m a/k_0 with the stiffness at the preload, k_0 = 2E*√(R*δ_y/2) = π p_y R* / √2
 * (it is why the contacts are preloaded: from δ = 0, where Hertz has no stiffness, the amplitude would be far
 * larger), which e = 1 leaves undamped and which only shrinks (as k^{−1/4}) while the stiffness grows. So
 * (1 + √2) m a/(π p_y R*) ≈ 1.2e-12 m, 2e-5 of δ_max, is the bound asserted for |δ_top − δ_bottom| on the plastic
 * line and for δ_max − (δ_0 + D/2) at the turning point (the
 * plate's own position, integrated with mid-step speeds, is off by O((Δt/T)²) D ≈ 1e-10 D). T is some 1000 periods
 * of the sphere between its two contacts.
 *
 * <p>Residual overlap: the last step with a positive plate force and the first with none bracket δ_p; the overlap
 * changes by at most (max plate speed πD/T) Δt / 2 per step, the bracket width asserted.
 */
class ElasticPlasticPlateTest {
    static final double R = 5e-6;
    static final double E = 140e9;
    static final double NU = 0.3;
    static final double PY = 1e9;
    static final double RHO = 4770;

    @Test
    void plateLoadsPastYieldAndUnloadsAlongThorntonNing() {
        PairProperties pp = PairProperties.mix(E, NU, E, NU, 1.0, 0.3, 0, 0, PY);
        double eStar = pp.effectiveYoungsModulus();
        double rStar = R;
        double deltaY = Math.PI * Math.PI * rStar * PY * PY / (4 * eStar * eStar);
        double forceY = 4.0 / 3.0 * eStar * Math.sqrt(rStar) * Math.pow(deltaY, 1.5);
        double travel = 2 * 25 * deltaY;

        double preload = deltaY / 2;
        Particles p = new Particles(1);
        p.add(4 * R, 4 * R, R - preload, R, RHO, 0);
        try (DemEngine engine = new DemEngine(p, new PeriodicBox(8 * R, 8 * R), 1, new PairProperties[] {pp},
                new ElasticPlasticLaw(), 1)) {
            PlaneWall collector = new PlaneWall("collector", 0, true, new PairProperties[] {pp});
            PlaneWall plate = new PlaneWall("plate", 2 * R - 2 * preload, false, new PairProperties[] {pp});
            engine.addWall(collector);
            engine.addWall(plate);
            // period of the sphere between two contacts of stiffness 2E*a_max each; 60 steps per period
            double kMax = 2 * eStar * Math.sqrt(rStar * travel / 2);
            double period = 2 * Math.PI * Math.sqrt(p.mass(0) / (2 * kMax));
            double dt = period / 60;
            double cycle = 60_000 * dt; // 1000 periods of the sphere: quasi-static
            engine.setTimeStep(dt);
            engine.setSkin(0.1 * R);
            engine.initialise();
            assertEquals(0, p.force(0, 2), 1e-12 * forceY, "preloaded in equilibrium");

            double deltaMax = 0;
            double forceMax = 0;
            double worstLoading = 0;
            double worstUnloading = 0;
            double worstBalance = 0;
            double lastLoaded = Double.NaN;
            double firstFree = Double.NaN;
            int loadingSteps = 0;
            int plasticSteps = 0;
            int unloadingSteps = 0;
            long steps = Math.round(cycle / dt);
            for (long s = 0; s < steps; s++) {
                double t = engine.time() + 0.5 * dt;
                plate.setVelocity(-travel * Math.PI / cycle * Math.sin(2 * Math.PI * t / cycle));
                engine.advance();
                double top = R + p.z(0) - plate.height(); // the engine's overlap with the plate
                double bottom = R - p.z(0);
                double force = plate.forceZ(); // force of the sphere on the plate, +z
                if (top >= deltaMax) {
                    if (top > deltaY) {
                        worstBalance = Math.max(worstBalance, Math.abs(top - bottom));
                    }
                    deltaMax = top;
                    double expected = top <= deltaY ? 4.0 / 3.0 * eStar * Math.sqrt(rStar) * Math.pow(top, 1.5)
                            : forceY + Math.PI * PY * rStar * (top - deltaY);
                    forceMax = expected;
                    worstLoading = Math.max(worstLoading, Math.abs(force - expected));
                    loadingSteps++;
                    if (top > deltaY) {
                        plasticSteps++;
                    }
                } else {
                    double aMax = Math.sqrt(rStar * deltaMax);
                    double rp = 4 * eStar * aMax * aMax * aMax / (3 * forceMax);
                    double deltaP = deltaMax - aMax * aMax / rp;
                    double expected = top <= deltaP ? 0 : 4.0 / 3.0 * eStar * Math.sqrt(rp) * Math.pow(top - deltaP, 1.5);
                    worstUnloading = Math.max(worstUnloading, Math.abs(force - expected));
                    unloadingSteps++;
                    if (force > 0) {
                        lastLoaded = top;
                    } else if (Double.isNaN(firstFree)) {
                        firstFree = top;
                    }
                }
            }
            assertTrue(deltaMax > 20 * deltaY, "loaded well past yield: δ_max = " + deltaMax / deltaY + " δ_y");
            assertTrue(plasticSteps > 1000 && unloadingSteps > 1000, "both branches sampled: " + loadingSteps + ", "
                    + unloadingSteps);
            double lag = (1 + Math.sqrt(2)) * p.mass(0) * (travel / 2) * Math.pow(2 * Math.PI / cycle, 2)
                    / (Math.PI * PY * rStar);
            assertEquals(preload + travel / 2, deltaMax, lag, "each contact takes half the plate travel");
            assertTrue(worstBalance < lag, "sphere stays centred on the plastic line: " + worstBalance + " m, bound "
                    + lag + " m");
            assertEquals(0, worstLoading, 1e-12 * forceMax, "loading: Hertz, then F_y + π p_y R*(δ − δ_y)");
            assertEquals(0, worstUnloading, 1e-12 * forceMax, "unloading: Hertz of radius R_p about δ_p");

            double aMax = Math.sqrt(rStar * deltaMax);
            double rp = 4 * eStar * aMax * aMax * aMax / (3 * forceMax);
            double deltaP = deltaMax - aMax * aMax / rp;
            assertTrue(rp > 2 * rStar && deltaP > 0.5 * deltaMax, "a real plastic dent: R_p = " + rp / rStar
                    + " R*, δ_p = " + deltaP / deltaMax + " δ_max");
            double perStep = travel * Math.PI / cycle * dt / 2;
            assertTrue(!Double.isNaN(firstFree) && lastLoaded > deltaP && firstFree <= deltaP,
                    "the force vanishes at δ_p: last loaded " + lastLoaded + ", first free " + firstFree + ", δ_p "
                            + deltaP);
            assertTrue(lastLoaded - firstFree <= 1.01 * perStep, "bracket of δ_p within one step's overlap change");
            // the dent stays: the collector contact keeps its δ_max (history) and both contacts end below δ_p
            assertTrue(R - p.z(0) < deltaMax, "unloaded");
        }
    }
}
