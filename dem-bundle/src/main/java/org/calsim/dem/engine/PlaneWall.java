package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.calsim.api.contact.PairProperties;

/**
 * A plane z = h normal to z, facing up (the current collector under the coating) or down (a calendering
 * plate above it), infinite in x and y. Its motion is fixed, a prescribed velocity, or servo-controlled to a
 * target pressure: each step the plate moves at v = v_max · clamp((P* − P)/P*, −1, 1) towards the
 * particles, P = |F_z| / (Lx Ly) the pressure the particles exerted in the last step — a proportional
 * controller with a speed limit, as the LIGGGHTS {@code servo} wall.
 */
public final class PlaneWall extends Wall {
    private final boolean facingUp;
    private double height;
    private double velocity;
    private boolean servo;
    private double targetPressure;
    private double maxSpeed;
    private double lastPressure;

    /**
     * @param height   z of the plane [m]
     * @param facingUp {@code true}: particles are above it (collector); {@code false}: below it (plate)
     */
    public PlaneWall(String name, double height, boolean facingUp, PairProperties[] byType) {
        super(name, byType);
        this.height = height;
        this.facingUp = facingUp;
    }

    /** @return z of the plane [m] */
    public double height() {
        return height;
    }

    /** Moves the plane at a constant velocity v_z [m/s] (0: fixed); ends servo control. */
    public void setVelocity(double vz) {
        servo = false;
        velocity = vz;
    }

    /**
     * Servo-controls the plane to a pressure.
     *
     * @param pressure target pressure P* [Pa], &gt; 0
     * @param speed    largest speed v_max [m/s], &gt; 0
     */
    public void servo(double pressure, double speed) {
        if (!(pressure > 0) || !(speed > 0)) {
            throw new IllegalArgumentException("servo needs a pressure > 0 and a speed > 0, were " + pressure + ", "
                    + speed);
        }
        servo = true;
        targetPressure = pressure;
        maxSpeed = speed;
    }

    /** @return pressure |F_z| / (Lx Ly) the particles exerted on the plane in the last step [Pa] */
    public double pressure() {
        return lastPressure;
    }

    @Override
    public double velocity(int axis) {
        return axis == 2 ? velocity : 0;
    }

    @Override
    double overlap(Particles p, PeriodicBox box, int i) {
        return facingUp ? p.radius[i] - (p.z[i] - height) : p.radius[i] + (p.z[i] - height);
    }

    @Override
    void surface(Particles p, PeriodicBox box, int i, double[] out) {
        out[0] = 0;
        out[1] = 0;
        out[2] = facingUp ? 1 : -1;
        out[3] = 0;
        out[4] = 0;
        out[5] = velocity;
    }

    @Override
    void move(double dt, PeriodicBox box) {
        lastPressure = Math.abs(forceZ) / box.area();
        if (servo) {
            double error = (targetPressure - lastPressure) / targetPressure;
            double towards = maxSpeed * Math.max(-1, Math.min(1, error));
            velocity = facingUp ? towards : -towards;
        }
        height += velocity * dt;
    }

    @Override
    void save(DataOutput out) throws IOException {
        out.writeDouble(height);
        out.writeDouble(velocity);
        out.writeBoolean(servo);
        out.writeDouble(targetPressure);
        out.writeDouble(maxSpeed);
        out.writeDouble(lastPressure);
        out.writeDouble(forceX);
        out.writeDouble(forceY);
        out.writeDouble(forceZ);
    }

    @Override
    void load(DataInput in) throws IOException {
        height = in.readDouble();
        velocity = in.readDouble();
        servo = in.readBoolean();
        targetPressure = in.readDouble();
        maxSpeed = in.readDouble();
        lastPressure = in.readDouble();
        forceX = in.readDouble();
        forceY = in.readDouble();
        forceZ = in.readDouble();
    }
}
