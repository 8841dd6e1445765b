package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.calsim.api.contact.PairProperties;

/**
 * A rigid calender roll: a cylinder of radius R with its axis along y (the periodic width of the strip)
 * through (x_c, z_c), translating at (v_x, v_z) and turning at ω about +y. Particles outside it touch it:
 * δ = R + r − d, d the distance of the particle centre from the axis, the normal points from the axis to the
 * particle. The surface velocity at the contact point is v + ω ŷ × R n; rolling without slip on a strip
 * below it is ω = v_x / R. In x the roll is seen through the minimum image of the periodic strip, so the
 * strip must be long enough that the roll touches particles only within the nip (checked by the stage).
 */
public final class RollWall extends Wall {
    private final double radius;
    private double centreX;
    private double centreZ;
    private double velocityX;
    private double velocityZ;
    private double omega;

    /**
     * @param radius  roll radius R [m]
     * @param centreX axis x [m]
     * @param centreZ axis z [m]
     */
    public RollWall(String name, double radius, double centreX, double centreZ, PairProperties[] byType) {
        super(name, byType);
        if (!(radius > 0)) {
            throw new IllegalArgumentException("roll radius must be > 0 m, was " + radius);
        }
        this.radius = radius;
        this.centreX = centreX;
        this.centreZ = centreZ;
    }

    /** Sets the motion: translation (v_x, v_z) [m/s] and angular velocity ω about +y [rad/s]. */
    public void setMotion(double vx, double vz, double angularVelocity) {
        velocityX = vx;
        velocityZ = vz;
        omega = angularVelocity;
    }

    /** @return roll radius [m] */
    public double radius() {
        return radius;
    }

    /** @return axis x [m] (not wrapped) */
    public double centreX() {
        return centreX;
    }

    /** @return axis z [m] */
    public double centreZ() {
        return centreZ;
    }

    /** @return z of the roll's lowest point, the gap above the collector when the collector is at z = 0 [m] */
    public double bottom() {
        return centreZ - radius;
    }

    @Override
    public double velocity(int axis) {
        return axis == 0 ? velocityX : axis == 2 ? velocityZ : 0;
    }

    /**
     * @return x of a point relative to the axis, minimum image in the periodic strip, in [−Lx/2, Lx/2) [m]
     */
    public double offsetX(double x, PeriodicBox box) {
        return box.imageX(x - (centreX - Math.floor(centreX / box.lx()) * box.lx()));
    }

    /**
     * @return x of the point of the roll surface nearest to particle i relative to the axis, R (x_i − x_c)/d
     *         with d the distance of the particle centre from the axis (minimum image) [m]; the contact point
     *         when the particle touches the roll
     */
    public double contactOffsetX(Particles p, PeriodicBox box, int i) {
        double dx = offsetX(p.x[i], box);
        double dz = p.z[i] - centreZ;
        return radius * dx / Math.sqrt(dx * dx + dz * dz);
    }

    @Override
    double overlap(Particles p, PeriodicBox box, int i) {
        double dx = offsetX(p.x[i], box);
        double dz = p.z[i] - centreZ;
        return radius + p.radius[i] - Math.sqrt(dx * dx + dz * dz);
    }

    @Override
    void surface(Particles p, PeriodicBox box, int i, double[] out) {
        double dx = offsetX(p.x[i], box);
        double dz = p.z[i] - centreZ;
        double d = Math.sqrt(dx * dx + dz * dz);
        double nx = dx / d;
        double nz = dz / d;
        out[0] = nx;
        out[1] = 0;
        out[2] = nz;
        // v + ω ŷ × R n, with ŷ × (nx, 0, nz) = (nz, 0, −nx)
        out[3] = velocityX + omega * radius * nz;
        out[4] = 0;
        out[5] = velocityZ - omega * radius * nx;
    }

    @Override
    void move(double dt, PeriodicBox box) {
        centreX += velocityX * dt;
        centreZ += velocityZ * dt;
    }

    @Override
    void save(DataOutput out) throws IOException {
        out.writeDouble(centreX);
        out.writeDouble(centreZ);
        out.writeDouble(velocityX);
        out.writeDouble(velocityZ);
        out.writeDouble(omega);
        out.writeDouble(forceX);
        out.writeDouble(forceY);
        out.writeDouble(forceZ);
    }

    @Override
    void load(DataInput in) throws IOException {
        centreX = in.readDouble();
        centreZ = in.readDouble();
        velocityX = in.readDouble();
        velocityZ = in.readDouble();
        omega = in.readDouble();
        forceX = in.readDouble();
        forceY = in.readDouble();
        forceZ = in.readDouble();
    }
}
