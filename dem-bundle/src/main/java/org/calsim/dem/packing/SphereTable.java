package org.calsim.dem.packing;

/**
 * Spheres as a file lists them, before the job's type mapping: centres and radii in m (the file's unit converted),
 * the file's own type numbers, the file's box, and where in the file each sphere stands (for messages).
 *
 * <p>The box is [lo, hi] in each direction, in m, in the file's frame. A CSV file has no box: its x and y bounds come
 * from the job, its z bounds are 0 (the collector) and +∞.
 *
 * @param x          centre x [m]
 * @param y          centre y [m]
 * @param z          centre z [m]
 * @param radius     radius [m]
 * @param type       type number as written in the file
 * @param line       1-based line of each sphere's row
 * @param columns    1-based columns of x, y, z, radius and type in a row, in that order
 * @param lo         lower box bounds x, y, z [m]
 * @param hi         upper box bounds x, y, z [m]
 * @param boxLine    1-based line where the box is stated, 0 if it comes from the job
 * @param source     what was read, for the results, e.g. {@code "LAMMPS dump, timestep 72000"}
 */
record SphereTable(double[] x, double[] y, double[] z, double[] radius, int[] type, int[] line, int[] columns,
                   double[] lo, double[] hi, int boxLine, String source) {

    /**
     * Most spheres a file may hold: the limit {@code dem.generate} sets on a coating (memory and time of the DEM),
     * checked before the arrays are made, so a file cannot ask for more memory than a job may use.
     */
    static final int MAX_SPHERES = 5_000_000;

    /** Column slots in {@link #columns()}. */
    static final int X = 0;
    static final int Y = 1;
    static final int Z = 2;
    static final int RADIUS = 3;
    static final int TYPE = 4;

    /** @return number of spheres */
    int size() {
        return x.length;
    }
}
