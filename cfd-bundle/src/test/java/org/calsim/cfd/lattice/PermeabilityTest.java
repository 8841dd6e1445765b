package org.calsim.cfd.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Lattice Boltzmann permeability against exact and classical Stokes-flow results. */
public class PermeabilityTest {
    static final Permeability.Monitor NONE = (f, c) -> { };

    static Permeability.Result solve(int[] n, boolean[] solid, int axis, boolean[] periodic, double tau) {
        return Permeability.solve(n, solid, axis, periodic, tau, 1e-9, 100, 2_000_000, 2, NONE);
    }

    /**
     * Plane Poiseuille flow between walls h apart: with TRT at Λ = 3/16 and halfway bounce-back the velocity at
     * every node is the exact parabola u(y) = g y (h − y)/(2ν), y = i + ½. The superficial velocity is the mean
     * over the nodes, which for a parabola is (h² + ½)/12 · g/ν rather than the continuum h²/12 (midpoint rule):
     * k is within 0.5/h² of h²/12, 0.8 % at h = 8.
     */
    @Test
    void slitPoiseuilleIsExact() throws Exception {
        int h = 8;
        int[] n = {3, h, 3};
        Permeability.Result r = solve(n, new boolean[n[0] * n[1] * n[2]], 0, new boolean[] {true, false, true}, 1.0);
        assertTrue(r.converged());
        double nu = (1.0 - 0.5) / 3;
        double g = Permeability.FORCE;
        for (int i = 0; i < h; i++) {
            double y = i + 0.5;
            double exact = g * y * (h - y) / (2 * nu);
            assertEquals(exact, r.velocity()[3 * (n[0] * i)], 1e-6 * exact, "node " + i);
        }
        assertEquals((h * h + 0.5) / 12, r.permeability(), 1e-6 * h * h / 12);
        assertEquals(h * h / 12.0, r.permeability(), 0.01 * h * h / 12);
        assertEquals(1.0, r.hydraulicTortuosity(), 1e-12, "straight streamlines");
    }

    /** Flow along a square duct of side a: k = 0.0351443 a² (Shah and London 1978), within 1 %. */
    @Test
    void squareDuct() throws Exception {
        int a = 12;
        int[] n = {a, a, 3};
        Permeability.Result r = solve(n, new boolean[a * a * 3], 2, new boolean[] {false, false, true}, 1.0);
        assertEquals(0.0351443 * a * a, r.permeability(), 0.01 * 0.0351443 * a * a);
    }

    /** With Λ fixed the permeability does not depend on the viscosity (τ⁺ from 0.6 to 2.0): to 1e-6 here. */
    @Test
    void permeabilityDoesNotDependOnTheRelaxationTime() throws Exception {
        int l = 16;
        boolean[] solid = sphereCell(l, 0.125);
        boolean[] periodic = {true, true, true};
        double reference = solve(new int[] {l, l, l}, solid, 0, periodic, 1.0).permeability();
        for (double tau : new double[] {0.6, 2.0}) {
            double k = solve(new int[] {l, l, l}, solid, 0, periodic, tau).permeability();
            assertEquals(reference, k, 1e-6 * reference, "tau+ = " + tau);
        }
    }

    /**
     * Simple-cubic arrays of spheres against the drag coefficient K of Zick and Homsy (J. Fluid Mech. 115 (1982)
     * 13, Table 2), F = 6πμaKU, i.e. k = L³/(6π a K): the staircase spheres converge towards it as the
     * resolution doubles, and at 32 voxels per cell K is within 5 %.
     */
    @Test
    void sphereArraysApproachZickAndHomsy() throws Exception {
        double[][] table = {{0.125, 4.292}, {0.216, 7.442}};
        for (double[] row : table) {
            double previousError = Double.POSITIVE_INFINITY;
            for (int l : new int[] {16, 32}) {
                boolean[] solid = sphereCell(l, row[0]);
                double radius = Math.cbrt(3 * row[0] / (4 * Math.PI)) * l;
                double k = solve(new int[] {l, l, l}, solid, 0, new boolean[] {true, true, true}, 1.5).permeability();
                double drag = (double) l * l * l / (6 * Math.PI * radius * k);
                double error = Math.abs(drag - row[1]) / row[1];
                assertTrue(error < previousError, "c = " + row[0] + ": K = " + drag + " at " + l);
                previousError = error;
            }
            assertTrue(previousError < 0.05, "c = " + row[0] + ": error " + previousError);
        }
    }

    /** @return a periodic cubic cell of l voxels with a centred sphere of solid fraction c */
    public static boolean[] sphereCell(int l, double c) {
        double radius = Math.cbrt(3 * c / (4 * Math.PI)) * l;
        boolean[] solid = new boolean[l * l * l];
        for (int z = 0; z < l; z++) {
            for (int y = 0; y < l; y++) {
                for (int x = 0; x < l; x++) {
                    double dx = x + 0.5 - l / 2.0;
                    double dy = y + 0.5 - l / 2.0;
                    double dz = z + 0.5 - l / 2.0;
                    solid[x + l * (y + l * z)] = dx * dx + dy * dy + dz * dz < radius * radius;
                }
            }
        }
        return solid;
    }
}
