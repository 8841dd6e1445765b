package org.calsim.fem.elasticity;

/**
 * Stiffness matrix of the 8-node trilinear hexahedron (a voxel) of unit edge and unit Young's modulus,
 * isotropic linear elasticity with Poisson's ratio ν, integrated exactly by 2 × 2 × 2 Gauss points
 * (e.g. Hughes, The Finite Element Method, 1987, §3.5). Nodes are numbered n = i + 2j + 4k for the corner
 * (i, j, k) ∈ {0, 1}³; degree of freedom 3n + c for the displacement component c. Scale by E for a voxel of
 * modulus E (the matrix of a cube is independent of its edge length in 3-D linear elasticity: K ∝ E h).
 */
final class HexElement {
    private HexElement() {
    }

    /** @return the 24 × 24 stiffness, row major, for E = 1 and edge 1 */
    static double[] stiffness(double nu) {
        double lambda = nu / ((1 + nu) * (1 - 2 * nu));
        double mu = 1 / (2 * (1 + nu));
        double[][] d = new double[6][6];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                d[a][b] = lambda;
            }
            d[a][a] = lambda + 2 * mu;
            d[a + 3][a + 3] = mu;
        }
        double[] k = new double[24 * 24];
        double g = 0.5 / Math.sqrt(3); // Gauss points at 1/2 ± g, weights 1/8 on the unit cube
        for (int gp = 0; gp < 8; gp++) {
            double[] x = {0.5 + ((gp & 1) == 0 ? -g : g), 0.5 + ((gp & 2) == 0 ? -g : g),
                0.5 + ((gp & 4) == 0 ? -g : g)};
            double[][] b = new double[6][24];
            for (int n = 0; n < 8; n++) {
                int[] c = {n & 1, (n >> 1) & 1, (n >> 2) & 1};
                double[] grad = new double[3];
                for (int a = 0; a < 3; a++) {
                    double p = 1;
                    for (int e = 0; e < 3; e++) {
                        if (e == a) {
                            p *= c[e] == 1 ? 1 : -1;
                        } else {
                            p *= c[e] == 1 ? x[e] : 1 - x[e];
                        }
                    }
                    grad[a] = p;
                }
                // strains: xx, yy, zz, yz, xz, xy (engineering shear)
                b[0][3 * n] = grad[0];
                b[1][3 * n + 1] = grad[1];
                b[2][3 * n + 2] = grad[2];
                b[3][3 * n + 1] = grad[2];
                b[3][3 * n + 2] = grad[1];
                b[4][3 * n] = grad[2];
                b[4][3 * n + 2] = grad[0];
                b[5][3 * n] = grad[1];
                b[5][3 * n + 1] = grad[0];
            }
            for (int i = 0; i < 24; i++) {
                for (int j = 0; j < 24; j++) {
                    double sum = 0;
                    for (int p = 0; p < 6; p++) {
                        for (int q = 0; q < 6; q++) {
                            sum += b[p][i] * d[p][q] * b[q][j];
                        }
                    }
                    k[24 * i + j] += sum / 8;
                }
            }
        }
        return k;
    }
}
