package org.calsim.fem.elasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Voxel elasticity against exact laminate values and the Hashin–Shtrikman bounds. */
class VoxelElasticityTest {
    static final double TOL = 1e-10;

    @Test
    void elementStiffnessIsSymmetricWithRigidBodyNullSpace() {
        double[] k = HexElement.stiffness(0.3);
        for (int i = 0; i < 24; i++) {
            for (int j = 0; j < 24; j++) {
                assertEquals(k[24 * i + j], k[24 * j + i], 1e-14, "symmetric");
            }
            // a rigid translation in x gives no force
            double sum = 0;
            for (int n = 0; n < 8; n++) {
                sum += k[24 * i + 3 * n];
            }
            assertEquals(0, sum, 1e-14, "translation");
        }
    }

    /** Element colouring makes the result independent of the number of threads. */
    @Test
    void oneAndTwoThreadsGiveTheSameModulus() {
        int[] n = {6, 5, 7};
        byte[] phase = new byte[6 * 5 * 7];
        SplittableRandom random = new SplittableRandom(9);
        for (int v = 0; v < phase.length; v++) {
            phase[v] = (byte) (random.nextBoolean() ? 1 : 0);
        }
        double[] e = {1.0, 5.0};
        double[] nu = {0.3, 0.2};
        double one = VoxelElasticity.solve(n, phase, e, nu, 2, 1e-6, 1e-9, 10_000, 1).modulus();
        double two = VoxelElasticity.solve(n, phase, e, nu, 2, 1e-6, 1e-9, 10_000, 2).modulus();
        assertEquals(one, two, 0.0);
    }

    /** A homogeneous block under uniaxial stress returns its own modulus along every axis. */
    @Test
    void homogeneousBlockReturnsItsModulus() {
        int[] n = {5, 4, 6};
        byte[] phase = new byte[5 * 4 * 6];
        for (int axis = 0; axis < 3; axis++) {
            VoxelElasticity.Result r = VoxelElasticity.solve(n, phase, new double[] {2.0}, new double[] {0.3}, axis,
                    1e-6, TOL, 10_000, 1);
            assertEquals(2.0, r.modulus(), 1e-8, "axis " + axis);
        }
    }

    /**
     * Layers normal to z of moduli 1 and 10 (ν = 0, so the layers do not constrain each other laterally):
     * through the layers the Reuss value 1/(f₁/E₁ + f₂/E₂), along them the Voigt value f₁E₁ + f₂E₂, exactly.
     */
    @Test
    void laminateGivesReussAcrossAndVoigtAlong() {
        int[] n = {6, 6, 8};
        byte[] phase = new byte[6 * 6 * 8];
        for (int k = 0; k < 8; k++) {
            for (int v = 0; v < 36; v++) {
                phase[v + 36 * k] = (byte) (k % 4 == 0 ? 1 : 0);
            }
        }
        double[] e = {1.0, 10.0};
        double[] nu = {0.0, 0.0};
        double f2 = 2.0 / 8;
        double reuss = 1 / ((1 - f2) / e[0] + f2 / e[1]);
        double voigt = (1 - f2) * e[0] + f2 * e[1];
        assertEquals(reuss, VoxelElasticity.solve(n, phase, e, nu, 2, 1e-6, TOL, 10_000, 1).modulus(), 1e-8 * reuss);
        assertEquals(voigt, VoxelElasticity.solve(n, phase, e, nu, 0, 1e-6, TOL, 10_000, 1).modulus(), 1e-8 * voigt);
    }

    /**
     * A random two-phase image (E 1 and 10, ν 0.3, about half each, random cells 3 voxels wide so the phases
     * are resolved): the modulus lies between the Hashin–Shtrikman bounds of an isotropic composite (Hashin and
     * Shtrikman, J. Mech. Phys. Solids 11 (1963) 127), themselves inside Voigt and Reuss. (With one voxel per
     * random cell, the stiff phase connects through shared voxel edges and corners and the voxel FE overshoots
     * the upper bound: a resolution artefact, not the composite.)
     */
    @Test
    void randomTwoPhaseImageLiesWithinTheHashinShtrikmanBounds() {
        int blocks = 6;
        int per = 3; // each random cell is 3 voxels wide, so the phases are resolved
        int m = blocks * per;
        int[] n = {m, m, m};
        byte[] coarse = new byte[blocks * blocks * blocks];
        SplittableRandom random = new SplittableRandom(5);
        for (int v = 0; v < coarse.length; v++) {
            coarse[v] = (byte) (random.nextBoolean() ? 1 : 0);
        }
        byte[] phase = new byte[m * m * m];
        int stiff = 0;
        for (int k = 0; k < m; k++) {
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < m; i++) {
                    byte label = coarse[i / per + blocks * (j / per + blocks * (k / per))];
                    phase[i + m * (j + m * k)] = label;
                    stiff += label;
                }
            }
        }
        double f2 = stiff / (double) phase.length;
        double f1 = 1 - f2;
        double nu = 0.3;
        double[] e = {1.0, 10.0};
        double[] k = {e[0] / (3 * (1 - 2 * nu)), e[1] / (3 * (1 - 2 * nu))};
        double[] g = {e[0] / (2 * (1 + nu)), e[1] / (2 * (1 + nu))};
        double kLow = k[0] + f2 / (1 / (k[1] - k[0]) + 3 * f1 / (3 * k[0] + 4 * g[0]));
        double kHigh = k[1] + f1 / (1 / (k[0] - k[1]) + 3 * f2 / (3 * k[1] + 4 * g[1]));
        double gLow = g[0] + f2 / (1 / (g[1] - g[0]) + 6 * f1 * (k[0] + 2 * g[0]) / (5 * g[0] * (3 * k[0] + 4 * g[0])));
        double gHigh = g[1] + f1 / (1 / (g[0] - g[1]) + 6 * f2 * (k[1] + 2 * g[1]) / (5 * g[1] * (3 * k[1] + 4 * g[1])));
        double eLow = 9 * kLow * gLow / (3 * kLow + gLow);
        double eHigh = 9 * kHigh * gHigh / (3 * kHigh + gHigh);
        for (int axis = 0; axis < 3; axis++) {
            double modulus = VoxelElasticity.solve(n, phase, e, new double[] {nu, nu}, axis, 1e-6, 1e-8, 20_000, 2)
                    .modulus();
            assertTrue(modulus > eLow && modulus < eHigh, "axis " + axis + ": " + modulus + " outside [" + eLow
                    + ", " + eHigh + "]");
        }
    }
}
