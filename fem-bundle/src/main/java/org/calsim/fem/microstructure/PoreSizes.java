package org.calsim.fem.microstructure;

/**
 * Pore size distributions of a voxel image, the two methods compared in the review (§3.2, Fig. 9):
 *
 * <ul>
 * <li><b>continuous PSD</b> (local thickness): each pore voxel gets the radius of the largest sphere that lies
 * in the pore space and covers it; the cumulative curve is the pore volume fraction covered by spheres of
 * radius ≥ r. A sphere of radius r centred at c fits when the distance from c to the solid is ≥ r; the voxels
 * it covers are those within r of such a centre — two distance transforms per radius.</li>
 * <li><b>simulated mercury intrusion</b>: at the pressure that lets mercury pass throats of radius r
 * (Washburn), it fills the spheres of radius ≥ r whose centres connect to the top face (the separator side)
 * through centres that also fit such spheres.</li>
 * </ul>
 * The image is periodic in x and y, as the DEM packing it comes from (a pore crossing the side of the box is one
 * pore, and its radius is measured across the side); below it the collector is solid (k &lt; 0); above it the
 * separator side is open.
 *
 * <p><b>Radius convention.</b> Spheres are centred at pore voxel centres; their radius r is the distance from the
 * centre to the nearest solid voxel centre less half a voxel, that is the distance to the face of that solid
 * voxel when it lies along a grid axis, so r is the radius of the pore, not of the lattice of voxel centres. A
 * sphere of radius r covers the pore voxels whose centres lie within r + ½ of its centre. Hence a slit of w pore
 * voxels (w odd) has r = w/2, its half-width, everywhere (w even: (w − 1)/2, no voxel centre lies on its
 * mid-plane); a voxelised tube, the voxels whose centres lie within R of an axis through voxel centres, has
 * r = d − ½ with d the smallest distance from the axis to a lattice point outside R (√17 − ½ ≈ 3.62 for R = 4:
 * the inscribed radius of its staircase, 3.54, not R). Radii in voxel units.
 */
final class PoreSizes {
    private final double[] radii;
    private final double[] continuous;
    private final double[] intrusion;

    private PoreSizes(double[] radii, double[] continuous, double[] intrusion) {
        this.radii = radii;
        this.continuous = continuous;
        this.intrusion = intrusion;
    }

    /** Periodic in x and y, open in z. */
    private static final boolean[] PERIODIC_XY = {true, true, false};

    /** @return radii evaluated, largest first [voxels], by the convention of the class comment */
    double[] radii() {
        return radii.clone();
    }

    /** @return pore volume fraction covered by inscribed spheres of radius ≥ radii[k] [1] */
    double[] continuous() {
        return continuous.clone();
    }

    /** @return pore volume fraction intruded from the top at throat radius radii[k] [1] */
    double[] intrusion() {
        return intrusion.clone();
    }

    /** @return the radius at which the cumulative curve reaches half the pore volume [voxels], by interpolation */
    static double median(double[] radii, double[] cumulative) {
        for (int k = 1; k < radii.length; k++) {
            if (cumulative[k] >= 0.5 && cumulative[k - 1] < 0.5) {
                double w = (0.5 - cumulative[k - 1]) / (cumulative[k] - cumulative[k - 1]);
                return radii[k - 1] + w * (radii[k] - radii[k - 1]);
            }
        }
        return cumulative.length > 0 && cumulative[0] >= 0.5 ? radii[0] : Double.NaN;
    }

    /**
     * @param pore pore voxels
     * @param step radius step [voxels]
     */
    static PoreSizes of(boolean[] pore, int nx, int ny, int nz, double step) {
        int total = pore.length;
        int nzPadded = nz + 1; // one solid layer under the image: the collector
        boolean[] solid = new boolean[nx * ny * nzPadded];
        int poreCount = 0;
        for (int v = 0; v < total; v++) {
            solid[v + nx * ny] = !pore[v];
            poreCount += pore[v] ? 1 : 0;
        }
        for (int v = 0; v < nx * ny; v++) {
            solid[v] = true;
        }
        if (poreCount == 0) {
            return new PoreSizes(new double[0], new double[0], new double[0]);
        }
        double[] toSolid = DistanceTransform.squared(solid, nx, ny, nzPadded, PERIODIC_XY);
        double largest = 0; // centre-to-centre distance [voxels]
        for (int v = nx * ny; v < toSolid.length; v++) {
            if (!solid[v] && toSolid[v] < Double.POSITIVE_INFINITY) {
                largest = Math.max(largest, Math.sqrt(toSolid[v]));
            }
        }
        int count = Math.max(1, (int) Math.ceil((largest - 0.5) / step));
        double[] radii = new double[count];
        double[] continuous = new double[count];
        double[] intrusion = new double[count];
        for (int t = 0; t < count; t++) {
            double d = largest - t * step; // to the nearest solid voxel centre: the pore radius is d - 1/2
            radii[t] = d - 0.5;
            boolean[] centres = new boolean[solid.length];
            for (int v = 0; v < solid.length; v++) {
                centres[v] = !solid[v] && toSolid[v] >= d * d;
            }
            continuous[t] = covered(centres, solid, nx, ny, nzPadded, d) / (double) poreCount;
            intrusion[t] = covered(connectedToTop(centres, nx, ny, nzPadded), solid, nx, ny, nzPadded, d)
                    / (double) poreCount;
        }
        return new PoreSizes(radii, continuous, intrusion);
    }

    /** @return pore voxels within d (centre to centre) of a centre */
    private static int covered(boolean[] centres, boolean[] solid, int nx, int ny, int nz, double d) {
        boolean any = false;
        for (boolean c : centres) {
            any |= c;
        }
        if (!any) {
            return 0;
        }
        double[] toCentre = DistanceTransform.squared(centres, nx, ny, nz, PERIODIC_XY);
        int n = 0;
        for (int v = 0; v < toCentre.length; v++) {
            if (!solid[v] && toCentre[v] <= d * d) {
                n++;
            }
        }
        return n;
    }

    /** @return the centres connected (6-connectivity through centres, periodic in x and y) to the top layer */
    private static boolean[] connectedToTop(boolean[] centres, int nx, int ny, int nz) {
        boolean[] seen = new boolean[centres.length];
        int[] queue = new int[centres.length];
        int head = 0;
        int tail = 0;
        int top = nx * ny * (nz - 1);
        for (int v = top; v < centres.length; v++) {
            if (centres[v]) {
                seen[v] = true;
                queue[tail++] = v;
            }
        }
        int[] stride = {1, nx, nx * ny};
        int[] size = {nx, ny, nz};
        while (head < tail) {
            int v = queue[head++];
            int[] ijk = {v % nx, (v / nx) % ny, v / (nx * ny)};
            for (int a = 0; a < 3; a++) {
                for (int step = -1; step <= 1; step += 2) {
                    int c = ijk[a] + step;
                    if (c < 0 || c >= size[a]) {
                        if (!PERIODIC_XY[a]) {
                            continue;
                        }
                        c = c < 0 ? size[a] - 1 : 0;
                    }
                    int u = v + (c - ijk[a]) * stride[a];
                    if (centres[u] && !seen[u]) {
                        seen[u] = true;
                        queue[tail++] = u;
                    }
                }
            }
        }
        return seen;
    }
}
