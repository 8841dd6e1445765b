package org.calsim.fem.microstructure;

import java.util.Arrays;

/**
 * Exact squared Euclidean distance transform of a voxel image (Felzenszwalb and Huttenlocher, Theory of
 * Computing 8 (2012) 415): the squared distance, in voxel units, from every voxel centre to the nearest
 * feature voxel centre, by three separable passes of the 1-D lower-envelope algorithm, O(N). Along a periodic
 * axis the distance is to the nearest periodic image of a feature (the minimum image: the squared distance
 * separates into one term per axis, so each pass may take its own minimum over images; a line of n voxels is
 * repeated three times and the middle copy kept, since no nearest image is more than n/2 away). Along an open
 * axis nothing outside the image counts as a feature.
 */
public final class DistanceTransform {
    private DistanceTransform() {
    }

    /**
     * @param periodic per axis x, y, z: whether the image wraps along it
     * @return squared distances (voxel units²); {@link Double#POSITIVE_INFINITY} where there is no feature
     */
    public static double[] squared(boolean[] feature, int nx, int ny, int nz, boolean[] periodic) {
        int total = nx * ny * nz;
        double[] d = new double[total];
        for (int v = 0; v < total; v++) {
            d[v] = feature[v] ? 0 : Double.POSITIVE_INFINITY;
        }
        int longest = 3 * Math.max(nx, Math.max(ny, nz));
        double[] f = new double[longest];
        double[] out = new double[longest];
        int[] hull = new int[longest];
        double[] bounds = new double[longest + 1];
        int[] size = {nx, ny, nz};
        int[] stride = {1, nx, nx * ny};
        for (int axis = 0; axis < 3; axis++) {
            int n = size[axis];
            int s = stride[axis];
            int a = (axis + 1) % 3;
            int b = (axis + 2) % 3;
            int copies = periodic[axis] ? 3 : 1;
            int offset = periodic[axis] ? n : 0; // the middle copy
            for (int ib = 0; ib < size[b]; ib++) {
                for (int ia = 0; ia < size[a]; ia++) {
                    int base = ia * stride[a] + ib * stride[b];
                    for (int t = 0; t < copies * n; t++) {
                        f[t] = d[base + (t % n) * s];
                    }
                    line(f, copies * n, out, hull, bounds);
                    for (int t = 0; t < n; t++) {
                        d[base + t * s] = out[offset + t];
                    }
                }
            }
        }
        return d;
    }

    /** 1-D squared distance transform of the sampled function f (lower envelope of parabolas). */
    private static void line(double[] f, int n, double[] out, int[] hull, double[] bounds) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            while (k >= 0) {
                int p = hull[k];
                double s = ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
                if (s <= bounds[k]) {
                    k--;
                } else {
                    break;
                }
            }
            k++;
            hull[k] = q;
            bounds[k] = k == 0 ? Double.NEGATIVE_INFINITY : ((f[q] + (double) q * q)
                    - (f[hull[k - 1]] + (double) hull[k - 1] * hull[k - 1])) / (2.0 * q - 2.0 * hull[k - 1]);
        }
        if (k < 0) {
            Arrays.fill(out, 0, n, Double.POSITIVE_INFINITY);
            return;
        }
        bounds[k + 1] = Double.POSITIVE_INFINITY;
        int j = 0;
        for (int q = 0; q < n; q++) {
            while (bounds[j + 1] < q) {
                j++;
            }
            double dq = q - hull[j];
            out[q] = dq * dq + f[hull[j]];
        }
    }
}
