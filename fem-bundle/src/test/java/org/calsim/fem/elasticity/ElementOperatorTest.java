package org.calsim.fem.elasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The matrix-free stiffness with periodic jumps: symmetric, its diagonal exact, colour classes disjoint. */
class ElementOperatorTest {

    /** xᵀK y = yᵀK x for random vectors: the jump map T enters as TᵀK_eT (sides of 1, 2 and 3 elements). */
    @Test
    void periodicOperatorIsSymmetric() {
        for (int[] n : new int[][] {{1, 2, 3}, {3, 2, 2}, {2, 3, 1}}) {
            try (ElementOperator op = operator(n, true)) {
                SplittableRandom random = new SplittableRandom(3);
                double[] x = random.doubles(op.size, -1, 1).toArray();
                double[] y = random.doubles(op.size, -1, 1).toArray();
                double[] kx = new double[op.size];
                double[] ky = new double[op.size];
                op.apply(x, kx);
                op.apply(y, ky);
                assertEquals(dot(y, kx), dot(x, ky), 1e-12 * Math.abs(dot(x, kx) + dot(y, ky)), "n = "
                        + n[0] + "x" + n[1] + "x" + n[2]);
            }
        }
    }

    /** The diagonal equals e_dᵀK e_d for every DOF, nodal and jump, also where a side is one element long. */
    @Test
    void diagonalIsExact() {
        for (boolean periodic : new boolean[] {true, false}) {
            try (ElementOperator op = operator(new int[] {1, 3, 2}, periodic)) {
                double[] diagonal = op.diagonal();
                double[] e = new double[op.size];
                double[] ke = new double[op.size];
                for (int d = 0; d < op.size; d++) {
                    e[d] = 1;
                    op.apply(e, ke);
                    e[d] = 0;
                    assertEquals(ke[d], diagonal[d], 1e-12 * Math.abs(ke[d]), "DOF " + d + " of " + op.size);
                }
            }
        }
    }

    @Test
    void colourClassesShareNoNode() {
        assertArrayEquals(new int[][] {{0}}, ElementOperator.classes(1, true));
        assertArrayEquals(new int[][] {{0, 2}, {1, 3}}, ElementOperator.classes(4, true));
        assertArrayEquals(new int[][] {{0, 2, 4}, {1, 3}}, ElementOperator.classes(5, false));
        assertArrayEquals(new int[][] {{0, 2}, {1, 3}, {4}}, ElementOperator.classes(5, true));
    }

    private static ElementOperator operator(int[] n, boolean periodic) {
        byte[] phase = new byte[n[0] * n[1] * n[2]];
        double[] modulus = new double[phase.length];
        SplittableRandom random = new SplittableRandom(11);
        for (int v = 0; v < phase.length; v++) {
            phase[v] = (byte) random.nextInt(2);
            modulus[v] = 1 + random.nextDouble();
        }
        double[][] unit = {HexElement.stiffness(0.3), HexElement.stiffness(0.1)};
        return new ElementOperator(n, periodic, phase, modulus, unit, 2);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
