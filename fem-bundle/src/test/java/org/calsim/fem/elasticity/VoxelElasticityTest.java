package org.calsim.fem.elasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.calsim.fem.elasticity.VoxelElasticity.Lateral;
import org.calsim.fem.elasticity.VoxelElasticity.Settings;
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

    /** Element colouring makes the result independent of the number of threads (odd periodic sides included). */
    @Test
    void oneAndTwoThreadsGiveTheSameModulus() {
        int[] n = {5, 3, 7};
        byte[] phase = new byte[5 * 3 * 7];
        SplittableRandom random = new SplittableRandom(9);
        for (int v = 0; v < phase.length; v++) {
            phase[v] = (byte) (random.nextBoolean() ? 1 : 0);
        }
        double[] e = {1.0, 5.0};
        double[] nu = {0.3, 0.2};
        for (Lateral lateral : Lateral.values()) {
            for (int axis = 0; axis < 3; axis += 2) {
                double one = VoxelElasticity.solve(n, phase, e, nu, axis, lateral, settings(1e-9, 1)).modulus();
                double two = VoxelElasticity.solve(n, phase, e, nu, axis, lateral, settings(1e-9, 2)).modulus();
                assertEquals(one, two, 0.0, lateral + " axis " + axis);
            }
        }
    }

    /**
     * A homogeneous block under uniaxial stress returns its own modulus along every axis, with either lateral
     * condition (periodic: only if the average lateral strains are free; held at zero they would give the P-wave
     * modulus λ + 2μ = 1.35 E for ν = 0.3).
     */
    @Test
    void homogeneousBlockReturnsItsModulus() {
        int[] n = {5, 4, 6};
        byte[] phase = new byte[5 * 4 * 6];
        for (Lateral lateral : Lateral.values()) {
            for (int axis = 0; axis < 3; axis++) {
                VoxelElasticity.Result r = VoxelElasticity.solve(n, phase, new double[] {2.0}, new double[] {0.3},
                        axis, lateral, settings(TOL, 1));
                assertEquals(2.0, r.modulus(), 1e-8, lateral + " axis " + axis);
            }
        }
    }

    /**
     * Layers normal to z of moduli 1 and 10 (ν = 0, so the layers do not constrain each other laterally):
     * through the layers the Reuss value 1/(f₁/E₁ + f₂/E₂), along them the Voigt value f₁E₁ + f₂E₂, exactly,
     * with either lateral condition.
     */
    @Test
    void laminateWithoutPoissonEffectGivesReussAcrossAndVoigtAlong() {
        int[] n = {6, 6, 8};
        byte[] phase = layers(n, 4);
        double[] e = {1.0, 10.0};
        double[] nu = {0.0, 0.0};
        double f2 = 2.0 / 8;
        double reuss = 1 / ((1 - f2) / e[0] + f2 / e[1]);
        double voigt = (1 - f2) * e[0] + f2 * e[1];
        for (Lateral lateral : Lateral.values()) {
            assertEquals(reuss, VoxelElasticity.solve(n, phase, e, nu, 2, lateral, settings(TOL, 1)).modulus(),
                    1e-8 * reuss, lateral + " through");
            assertEquals(voigt, VoxelElasticity.solve(n, phase, e, nu, 0, lateral, settings(TOL, 1)).modulus(),
                    1e-8 * voigt, lateral + " along");
        }
    }

    /**
     * Layers normal to z with different moduli and Poisson ratios, periodic lateral faces (an infinite laminate).
     * Through the layers, uniaxial stress σ: every layer has the same lateral strain ε_L and lateral stress
     * s_i = (E_i ε_L + ν_i σ)/(1 − ν_i), the average lateral stress Σ f_i s_i vanishes, so
     * ε_L = −σ Σ f_i ν_i/(1 − ν_i) / Σ f_i E_i/(1 − ν_i) and ε_zz = Σ f_i (σ − 2ν_i s_i)/E_i: E = σ/ε_zz, which is
     * the Reuss value only when ν_i/E_i is the same in every layer. Along the layers (plane stress in each layer,
     * common strains ε_x, ε_y, zero average σ_yy), with Q_i = E_i/(1 − ν_i²):
     * E = Σ f_i Q_i − (Σ f_i Q_i ν_i)² / Σ f_i Q_i, the Voigt value only for equal ν. The displacement is piecewise
     * linear with kinks on voxel faces, so trilinear elements are exact.
     */
    @Test
    void laminateWithDifferentPoissonRatiosMatchesTheExactLaminate() {
        int[] n = {4, 5, 8};
        byte[] phase = layers(n, 4);
        double[] e = {1.0, 10.0};
        double[] nu = {0.45, 0.1};
        double[] f = {6.0 / 8, 2.0 / 8};
        double a = 0;
        double b = 0;
        for (int p = 0; p < 2; p++) {
            a += f[p] * nu[p] / (1 - nu[p]);
            b += f[p] * e[p] / (1 - nu[p]);
        }
        double sigma = 1;
        double lateral = -sigma * a / b;
        double strain = 0;
        for (int p = 0; p < 2; p++) {
            double s = (e[p] * lateral + nu[p] * sigma) / (1 - nu[p]);
            strain += f[p] * (sigma - 2 * nu[p] * s) / e[p];
        }
        double through = sigma / strain;
        double q = 0;
        double qnu = 0;
        for (int p = 0; p < 2; p++) {
            q += f[p] * e[p] / (1 - nu[p] * nu[p]);
            qnu += f[p] * e[p] * nu[p] / (1 - nu[p] * nu[p]);
        }
        double along = q - qnu * qnu / q;
        double reuss = 1 / (f[0] / e[0] + f[1] / e[1]);
        double voigt = f[0] * e[0] + f[1] * e[1];
        assertTrue(Math.abs(through - reuss) > 1e-3 * reuss && Math.abs(along - voigt) > 1e-3 * voigt,
                "the test needs Poisson ratios that make the laminate differ from Reuss and Voigt");
        double fem = VoxelElasticity.solve(n, phase, e, nu, 2, Lateral.PERIODIC, settings(TOL, 1)).modulus();
        assertEquals(through, fem, 1e-8 * through, "through the layers");
        fem = VoxelElasticity.solve(n, phase, e, nu, 0, Lateral.PERIODIC, settings(TOL, 1)).modulus();
        assertEquals(along, fem, 1e-8 * along, "along the layers (x)");
        fem = VoxelElasticity.solve(n, phase, e, nu, 1, Lateral.PERIODIC, settings(TOL, 1)).modulus();
        assertEquals(along, fem, 1e-8 * along, "along the layers (y)");
    }

    /**
     * The in-plane loadings treat x and y alike although the rotation about z is held by one of the two in-plane
     * shear jumps: a random image loaded along x gives the modulus of its x↔y transpose loaded along y, and the
     * same through-plane modulus.
     */
    @Test
    void swappingTheInPlaneAxesSwapsTheModuli() {
        int[] n = {5, 4, 6};
        int[] t = {4, 5, 6};
        byte[] phase = new byte[5 * 4 * 6];
        byte[] transposed = new byte[phase.length];
        SplittableRandom random = new SplittableRandom(17);
        for (int k = 0; k < 6; k++) {
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 5; i++) {
                    byte label = (byte) random.nextInt(3);
                    phase[i + 5 * (j + 4 * k)] = label;
                    transposed[j + 4 * (i + 5 * k)] = label;
                }
            }
        }
        double[] e = {0.5, 1.0, 4.0};
        double[] nu = {0.2, 0.3, 0.4};
        double x = VoxelElasticity.solve(n, phase, e, nu, 0, Lateral.PERIODIC, settings(TOL, 1)).modulus();
        double y = VoxelElasticity.solve(t, transposed, e, nu, 1, Lateral.PERIODIC, settings(TOL, 1)).modulus();
        assertEquals(x, y, 1e-8 * x, "in the plane");
        double z = VoxelElasticity.solve(n, phase, e, nu, 2, Lateral.PERIODIC, settings(TOL, 1)).modulus();
        double zt = VoxelElasticity.solve(t, transposed, e, nu, 2, Lateral.PERIODIC, settings(TOL, 1)).modulus();
        assertEquals(z, zt, 1e-8 * z, "through the plane");
    }

    /**
     * Why the stage notes a coarse resolution: a simple cubic lattice of spheres (radius 0.52 of the spacing, so
     * necks of radius 0.14 of the spacing join neighbours), one sphere per periodic cell, loaded in the plane. The
     * voxel staircase makes the necks too wide at a coarse mesh, and the modulus falls as the mesh is refined
     * (about 0.38, 0.32, 0.26 E_s at 8, 16, 32 voxels per spacing, mean AM chords of 4.9, 10.1 and 21 voxels).
     */
    @Test
    void sphereLatticeIsStifferOnACoarserMesh() {
        double previous = Double.POSITIVE_INFINITY;
        for (int m : new int[] {8, 16, 32}) {
            byte[] phase = new byte[m * m * m];
            for (int k = 0; k < m; k++) {
                for (int j = 0; j < m; j++) {
                    for (int i = 0; i < m; i++) {
                        double x = (i + 0.5) / m - 0.5;
                        double y = (j + 0.5) / m - 0.5;
                        double z = (k + 0.5) / m - 0.5;
                        phase[i + m * (j + m * k)] = (byte) (x * x + y * y + z * z < 0.52 * 0.52 ? 1 : 0);
                    }
                }
            }
            double modulus = VoxelElasticity.solve(new int[] {m, m, m}, phase, new double[] {0, 1},
                    new double[] {0.3, 0.3}, 0, Lateral.PERIODIC, new Settings(1e-6, 1e-8, 20_000, 2)).modulus();
            assertTrue(modulus < previous, m + " voxels per sphere spacing: " + modulus + " not below " + previous);
            previous = modulus;
        }
    }

    /**
     * A load path that crosses the periodic x boundary: a solid column at the last x index carries the lower
     * part of the image, one at x index 0 the upper part, overlapping by two voxels in z. With periodic lateral
     * faces they are neighbours and carry the load (shear through the overlap); with free faces they are on
     * opposite sides of the block and only the ersatz pores connect the platens.
     */
    @Test
    void periodicFacesJoinWhatFreeFacesCut() {
        int[] n = {6, 3, 8};
        byte[] phase = new byte[6 * 3 * 8];
        for (int k = 0; k < 8; k++) {
            for (int j = 0; j < 3; j++) {
                if (k < 5) {
                    phase[5 + 6 * (j + 3 * k)] = 1;
                }
                if (k >= 3) {
                    phase[6 * (j + 3 * k)] = 1;
                }
            }
        }
        double[] e = {0.0, 1.0};
        double[] nu = {0.3, 0.3};
        double periodic = VoxelElasticity.solve(n, phase, e, nu, 2, Lateral.PERIODIC, settings(1e-9, 1)).modulus();
        double free = VoxelElasticity.solve(n, phase, e, nu, 2, Lateral.FREE, settings(1e-9, 1)).modulus();
        assertTrue(free < 1e-4, "free faces: no solid path, only the ersatz 1e-6: " + free);
        assertTrue(periodic > 0.01, "periodic faces: a solid path of 1/6 of the section: " + periodic);
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
        for (Lateral lateral : Lateral.values()) {
            for (int axis = 0; axis < 3; axis++) {
                double modulus = VoxelElasticity.solve(n, phase, e, new double[] {nu, nu}, axis, lateral,
                        new Settings(1e-6, 1e-8, 20_000, 2)).modulus();
                assertTrue(modulus > eLow && modulus < eHigh, lateral + " axis " + axis + ": " + modulus
                        + " outside [" + eLow + ", " + eHigh + "]");
            }
        }
    }

    private static Settings settings(double tolerance, int threads) {
        return new Settings(1e-6, tolerance, 20_000, threads);
    }

    /** @return layers normal to z: label 1 where k % period == 0, else 0 */
    private static byte[] layers(int[] n, int period) {
        byte[] phase = new byte[n[0] * n[1] * n[2]];
        int plane = n[0] * n[1];
        for (int k = 0; k < n[2]; k++) {
            for (int v = 0; v < plane; v++) {
                phase[v + plane * k] = (byte) (k % period == 0 ? 1 : 0);
            }
        }
        return phase;
    }
}
