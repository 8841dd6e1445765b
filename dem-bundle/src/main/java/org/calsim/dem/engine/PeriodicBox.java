package org.calsim.dem.engine;

/**
 * The simulation box: periodic in x over [0, Lx) and in y over [0, Ly); open in z (walls bound it).
 *
 * @param lx periodic length in x [m]
 * @param ly periodic length in y [m]
 */
public record PeriodicBox(double lx, double ly) {

    public PeriodicBox {
        if (!(lx > 0) || !(ly > 0) || Double.isInfinite(lx) || Double.isInfinite(ly)) {
            throw new IllegalArgumentException("box lengths must be finite and > 0, were " + lx + " x " + ly);
        }
    }

    /** @return the minimum-image x separation of a difference in [−Lx, Lx] [m] */
    double imageX(double dx) {
        return dx > 0.5 * lx ? dx - lx : dx < -0.5 * lx ? dx + lx : dx;
    }

    /** @return the minimum-image y separation of a difference in [−Ly, Ly] [m] */
    double imageY(double dy) {
        return dy > 0.5 * ly ? dy - ly : dy < -0.5 * ly ? dy + ly : dy;
    }

    /** @return x wrapped into [0, Lx) [m] */
    double wrapX(double x) {
        return x >= lx ? x - lx : x < 0 ? x + lx : x;
    }

    /** @return y wrapped into [0, Ly) [m] */
    double wrapY(double y) {
        return y >= ly ? y - ly : y < 0 ? y + ly : y;
    }

    /** @return the footprint area Lx·Ly [m²] */
    public double area() {
        return lx * ly;
    }
}
