package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The spheres of a DEM system, structure-of-arrays: particle {@code i} has position ({@code x[i]},
 * {@code y[i]}, {@code z[i]}) [m], velocity [m/s], angular velocity [rad/s], force [N] and torque [N·m]
 * accumulated in the last force evaluation, radius [m], mass [kg], moment of inertia 2/5 m r² [kg·m²] and a
 * material type index. Arrays may be longer than {@link #size()}; only the first {@code size()} entries
 * are particles. The store saves and restores itself for a {@link Checkpoint}.
 */
public final class Particles {
    double[] x, y, z, vx, vy, vz, wx, wy, wz, fx, fy, fz, tx, ty, tz, radius, invMass, invInertia;
    int[] type;
    int size;

    /** @param capacity number of particles to reserve room for */
    public Particles(int capacity) {
        allocate(Math.max(capacity, 1));
    }

    private void allocate(int capacity) {
        x = grow(x, capacity);
        y = grow(y, capacity);
        z = grow(z, capacity);
        vx = grow(vx, capacity);
        vy = grow(vy, capacity);
        vz = grow(vz, capacity);
        wx = grow(wx, capacity);
        wy = grow(wy, capacity);
        wz = grow(wz, capacity);
        fx = grow(fx, capacity);
        fy = grow(fy, capacity);
        fz = grow(fz, capacity);
        tx = grow(tx, capacity);
        ty = grow(ty, capacity);
        tz = grow(tz, capacity);
        radius = grow(radius, capacity);
        invMass = grow(invMass, capacity);
        invInertia = grow(invInertia, capacity);
        type = type == null ? new int[capacity] : Arrays.copyOf(type, capacity);
    }

    /**
     * Reorders the particles by {@code order} (new index k holds the old particle {@code order[k]}).
     */
    void permute(int[] order) {
        int n = size;
        for (double[] a : new double[][] {x, y, z, vx, vy, vz, wx, wy, wz, fx, fy, fz, tx, ty, tz, radius, invMass,
            invInertia}) {
            double[] copy = Arrays.copyOf(a, n);
            for (int k = 0; k < n; k++) {
                a[k] = copy[order[k]];
            }
        }
        int[] t = Arrays.copyOf(type, n);
        for (int k = 0; k < n; k++) {
            type[k] = t[order[k]];
        }
    }

    /** Makes room for at least {@code n} particles. */
    void ensureCapacity(int n) {
        if (x.length < n) {
            allocate(n);
        }
    }

    private static double[] grow(double[] a, int capacity) {
        return a == null ? new double[capacity] : Arrays.copyOf(a, capacity);
    }

    /**
     * Adds a sphere at rest.
     *
     * @param px      x [m]
     * @param py      y [m]
     * @param pz      z [m]
     * @param r       radius [m], &gt; 0
     * @param density density [kg/m³] (already scaled, if density scaling is on)
     * @param t       material type index
     * @return the new particle's index
     */
    public int add(double px, double py, double pz, double r, double density, int t) {
        if (size == x.length) {
            allocate(Math.max(16, size * 3 / 2));
        }
        int i = size++;
        x[i] = px;
        y[i] = py;
        z[i] = pz;
        radius[i] = r;
        double mass = density * 4.0 / 3.0 * Math.PI * r * r * r;
        invMass[i] = 1.0 / mass;
        invInertia[i] = 1.0 / (0.4 * mass * r * r);
        type[i] = t;
        return i;
    }

    /** @return number of particles */
    public int size() {
        return size;
    }

    /** @return x of particle i [m] */
    public double x(int i) {
        return x[i];
    }

    /** @return y of particle i [m] */
    public double y(int i) {
        return y[i];
    }

    /** @return z of particle i [m] */
    public double z(int i) {
        return z[i];
    }

    /** @return radius of particle i [m] */
    public double radius(int i) {
        return radius[i];
    }

    /** @return mass of particle i [kg] */
    public double mass(int i) {
        return 1.0 / invMass[i];
    }

    /** @return material type of particle i */
    public int type(int i) {
        return type[i];
    }

    /** @return velocity component {@code axis} (0 x, 1 y, 2 z) of particle i [m/s] */
    public double velocity(int i, int axis) {
        return axis == 0 ? vx[i] : axis == 1 ? vy[i] : vz[i];
    }

    /** @return angular velocity component {@code axis} of particle i [rad/s] */
    public double angularVelocity(int i, int axis) {
        return axis == 0 ? wx[i] : axis == 1 ? wy[i] : wz[i];
    }

    /** @return force component {@code axis} on particle i from the last evaluation [N] */
    public double force(int i, int axis) {
        return axis == 0 ? fx[i] : axis == 1 ? fy[i] : fz[i];
    }

    /** @return |F| on particle i from the last evaluation [N] */
    public double forceMagnitude(int i) {
        return Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i] + fz[i] * fz[i]);
    }

    /** Sets the velocity of particle i [m/s]. */
    public void setVelocity(int i, double vxi, double vyi, double vzi) {
        vx[i] = vxi;
        vy[i] = vyi;
        vz[i] = vzi;
    }

    /** @return translational kinetic energy Σ ½ m v² [J] plus rotational Σ ½ I ω² */
    public double kineticEnergy() {
        double e = 0;
        for (int i = 0; i < size; i++) {
            e += 0.5 * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]) / invMass[i];
            e += 0.5 * (wx[i] * wx[i] + wy[i] * wy[i] + wz[i] * wz[i]) / invInertia[i];
        }
        return e;
    }

    /** @return Σ 4/3 π r³ [m³] */
    public double solidVolume() {
        double v = 0;
        for (int i = 0; i < size; i++) {
            v += radius[i] * radius[i] * radius[i];
        }
        return 4.0 / 3.0 * Math.PI * v;
    }

    /** @return the largest radius [m], 0 when empty */
    public double maxRadius() {
        double m = 0;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, radius[i]);
        }
        return m;
    }

    /** @return the smallest radius [m], +∞ when empty */
    public double minRadius() {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            m = Math.min(m, radius[i]);
        }
        return m;
    }

    /** @return highest particle top max(z + r) [m], −∞ when empty */
    public double top() {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, z[i] + radius[i]);
        }
        return m;
    }

    /** Writes the particles: their number, every array and the types. */
    void save(DataOutput out) throws IOException {
        out.writeInt(size);
        for (double[] a : new double[][] {x, y, z, vx, vy, vz, wx, wy, wz, fx, fy, fz, tx, ty, tz, radius, invMass,
            invInertia}) {
            Checkpoint.writeDoubles(out, a, size);
        }
        Checkpoint.writeInts(out, type, size);
    }

    /** Replaces the particles by what {@link #save} wrote. */
    void load(DataInput in) throws IOException {
        int n = in.readInt();
        ensureCapacity(n);
        size = n;
        for (double[] a : new double[][] {x, y, z, vx, vy, vz, wx, wy, wz, fx, fy, fz, tx, ty, tz, radius, invMass,
            invInertia}) {
            Checkpoint.readDoubles(in, a, n);
        }
        Checkpoint.readInts(in, type, n);
    }

    /** @return bytes this store's arrays hold, spare slots included */
    long heapBytes() {
        return (long) x.length * (18 * Double.BYTES + Integer.BYTES);
    }
}
