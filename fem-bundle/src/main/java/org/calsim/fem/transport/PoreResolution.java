package org.calsim.fem.transport;

import java.util.Locale;
import org.calsim.fem.microstructure.DistanceTransform;

/**
 * Resolution guard of the voxel tortuosity factor, as {@code cfd.permeability} has one for its pore chords. The
 * staircase of voxelised surfaces and throats only one or two voxels wide make the voxel T too high, with an error
 * of first order in the voxel size. Measured by refining overlapping-sphere packings periodic in x and y (the two
 * images of the TauFactor comparison, ε = 0.27 and 0.44, voxelised at 3 to 30 voxels per sphere radius, T through
 * the plane with periodic sides, the limit T∞ by Richardson extrapolation of the two finest): the relative
 * overestimate T/T∞ − 1 times the mean pore radius r̄ in voxels stayed between 0.23 and 0.35 over the whole range
 * (e.g. 38 % at r̄ = 0.75, 9 % at r̄ = 2.6, 3.6 % at r̄ = 6.5 for ε = 0.27; {@code bench/fem/resolution.sh}
 * reruns the study into {@code bench/fem/results-resolution.txt}). Hence the estimate
 * T/T∞ − 1 ≈ {@value #ERROR_TIMES_RADIUS}/r̄, good to about ±20 % of itself on such packings.
 *
 * <p>r̄ is the mean over the pore voxels of the distance from the voxel centre to the nearest solid voxel centre
 * less half a voxel (the radius convention of the pore size distributions), x and y periodic, z open.
 */
final class PoreResolution {
    /** (T/T∞ − 1)·r̄ of the refinement study [voxels]: 0.23 … 0.35, rounded to 0.3. */
    static final double ERROR_TIMES_RADIUS = 0.3;
    /** Estimated overestimates above this are noted. */
    static final double NOTE_ABOVE = 0.05;

    private PoreResolution() {
    }

    /**
     * @param pore pore voxels (x fastest)
     * @return the mean pore radius r̄ [voxels]; infinite without solid, NaN without pores
     */
    static double meanPoreRadius(boolean[] pore, int nx, int ny, int nz) {
        boolean[] solid = new boolean[pore.length];
        for (int v = 0; v < pore.length; v++) {
            solid[v] = !pore[v];
        }
        double[] d2 = DistanceTransform.squared(solid, nx, ny, nz, new boolean[] {true, true, false});
        double sum = 0;
        int count = 0;
        for (int v = 0; v < pore.length; v++) {
            if (pore[v]) {
                sum += Math.sqrt(d2[v]) - 0.5;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** @return the estimated relative overestimate of T, {@value #ERROR_TIMES_RADIUS}/r̄ [1] */
    static double estimatedOverestimate(double meanPoreRadius) {
        return ERROR_TIMES_RADIUS / meanPoreRadius;
    }

    /** @return the note for an image whose estimated overestimate exceeds {@link #NOTE_ABOVE} */
    static String note(double meanPoreRadius) {
        double e = estimatedOverestimate(meanPoreRadius);
        return String.format(Locale.ROOT, "the pores are under-resolved: mean pore radius %.2f voxels, so T is "
                + "likely too high by about %.0f %% (estimate %.1f/r, from refining sphere packings); voxelise at "
                + "about %.1f times the resolution to bring that under %.0f %%", meanPoreRadius, 100 * e,
                ERROR_TIMES_RADIUS, e / NOTE_ABOVE, 100 * NOTE_ABOVE);
    }
}
