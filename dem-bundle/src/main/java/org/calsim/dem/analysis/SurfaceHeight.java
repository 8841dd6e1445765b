package org.calsim.dem.analysis;

import org.calsim.dem.engine.Particles;

/**
 * The surface of a particle coating as a profilometer sees it: the periodic box is divided into a regular x–y
 * grid of cells (sides Δx, Δy of about the probe size), and each cell's height is the highest point of any
 * sphere surface above it, z_c + √(r² − ρ²) with ρ the periodic x–y distance from the sphere's centre to the
 * nearest point of the cell (ρ &lt; r), or the collector z = 0 where no sphere reaches over the cell. The mean of
 * these heights is the coating thickness behind a roll: unlike the highest particle top max(z + r), one
 * protruding particle moves it by its share of the area only, and unlike a point probe it does not reach into
 * the valleys between the top particles narrower than a cell.
 */
public final class SurfaceHeight {
    private final double[] height;
    private final int nx;
    private final int ny;
    private final double lx;

    private SurfaceHeight(double[] height, int nx, int ny, double lx) {
        this.height = height;
        this.nx = nx;
        this.ny = ny;
        this.lx = lx;
    }

    /**
     * @param p       the particles (x in [0, Lx), y in [0, Ly))
     * @param lx      periodic length in x [m]
     * @param ly      periodic length in y [m]
     * @param spacing largest cell side [m], &gt; 0; the grid has ⌈L/spacing⌉ cells along each side
     * @return the surface on that grid
     */
    public static SurfaceHeight of(Particles p, double lx, double ly, double spacing) {
        if (!(spacing > 0)) {
            throw new IllegalArgumentException("grid spacing must be > 0 m, was " + spacing);
        }
        int nx = (int) Math.ceil(lx / spacing);
        int ny = (int) Math.ceil(ly / spacing);
        double dx = lx / nx;
        double dy = ly / ny;
        double[] h = new double[nx * ny];
        for (int i = 0; i < p.size(); i++) {
            double xc = p.x(i);
            double yc = p.y(i);
            double zc = p.z(i);
            double r = p.radius(i);
            int k0 = (int) Math.floor((xc - r) / dx);
            int m0 = (int) Math.floor((yc - r) / dy);
            int k1 = Math.min((int) Math.floor((xc + r) / dx), k0 + nx - 1);
            int m1 = Math.min((int) Math.floor((yc + r) / dy), m0 + ny - 1);
            for (int k = k0; k <= k1; k++) {
                double ux = Math.max(0, Math.abs((k + 0.5) * dx - xc) - 0.5 * dx);
                int kk = Math.floorMod(k, nx);
                for (int m = m0; m <= m1; m++) {
                    double uy = Math.max(0, Math.abs((m + 0.5) * dy - yc) - 0.5 * dy);
                    double rho2 = ux * ux + uy * uy;
                    if (rho2 < r * r) {
                        int cell = kk * ny + Math.floorMod(m, ny);
                        h[cell] = Math.max(h[cell], zc + Math.sqrt(r * r - rho2));
                    }
                }
            }
        }
        return new SurfaceHeight(h, nx, ny, lx);
    }

    /** @return mean surface height over the grid [m] */
    public double mean() {
        double sum = 0;
        for (double v : height) {
            sum += v;
        }
        return sum / height.length;
    }

    /**
     * @param x         centre of the band in x [m] (any real; taken periodically)
     * @param halfWidth half-width of the band [m]
     * @return mean surface height over the cells whose centres lie within the band |x_cell − x| ≤ halfWidth
     *         (minimum image), e.g. under a roll; NaN if no cell centre does [m]
     */
    public double meanNear(double x, double halfWidth) {
        double dx = lx / nx;
        double sum = 0;
        int cells = 0;
        for (int k = 0; k < nx; k++) {
            double d = (k + 0.5) * dx - x;
            d -= lx * Math.rint(d / lx);
            if (Math.abs(d) <= halfWidth) {
                for (int m = 0; m < ny; m++) {
                    sum += height[k * ny + m];
                }
                cells += ny;
            }
        }
        return cells > 0 ? sum / cells : Double.NaN;
    }

    /**
     * Particles lying on top of the coating: those whose lowest point z − r is above the mean surface height,
     * i.e. wholly above the surface a profilometer averages (a particle left loose on the strip, or lifted
     * onto it).
     *
     * @return their number
     */
    public int countAbove(Particles p) {
        double level = mean();
        int n = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.z(i) - p.radius(i) > level) {
                n++;
            }
        }
        return n;
    }
}
