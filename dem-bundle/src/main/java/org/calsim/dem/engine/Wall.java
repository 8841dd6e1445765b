package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.calsim.api.contact.PairProperties;

/**
 * A rigid boundary the particles touch: a plane or a cylinder (the roll). The engine asks it, per particle,
 * for the contact geometry; the wall keeps the total force the particles exert on it and moves itself.
 * Each particle–wall pair has its own history slots in the engine, like a particle pair.
 */
public abstract sealed class Wall permits PlaneWall, RollWall {
    private final String name;
    final PairProperties[] byType;
    /** force exerted on the wall by the particles in the last evaluation [N] */
    double forceX, forceY, forceZ;
    /**
     * rate of work the wall did on the particles in the last evaluation, Σ F · v_s with F the contact force on a
     * particle and v_s the velocity of the wall's surface where it touches it (a roll's turning included) [W]
     */
    double power;

    /**
     * @param name   label for messages and tables
     * @param byType contact properties of the wall with a particle of each material type
     */
    protected Wall(String name, PairProperties[] byType) {
        this.name = name;
        this.byType = byType.clone();
    }

    /** @return the wall's label */
    public String name() {
        return name;
    }

    /**
     * The overlap with particle i, asked of every particle in every force evaluation: it writes nothing, and
     * {@link #surface} is asked only where it is positive.
     *
     * @return overlap δ = r − distance from the surface [m], positive in contact
     */
    abstract double overlap(Particles p, PeriodicBox box, int i);

    /**
     * Contact geometry with particle i (in contact, or near): writes into {@code out} the unit normal from the wall to
     * the particle ({@code out[0..2]}) and the velocity of the wall's surface at the contact point ({@code out[3..5]},
     * [m/s]).
     */
    abstract void surface(Particles p, PeriodicBox box, int i, double[] out);

    /**
     * {@link #surface} and {@link #overlap} together.
     *
     * @return overlap δ [m], positive in contact
     */
    final double contact(Particles p, PeriodicBox box, int i, double[] out) {
        surface(p, box, i, out);
        return overlap(p, box, i);
    }

    /**
     * @return the branch vector from the contact point on this wall to the centre of particle i, (r − δ) n [m]
     *         (for the stress tensor; allocates, not for the step loop)
     */
    public double[] branch(Particles p, PeriodicBox box, int i) {
        double[] g = new double[6];
        double overlap = contact(p, box, i, g);
        double arm = p.radius[i] - overlap;
        return new double[] {arm * g[0], arm * g[1], arm * g[2]};
    }

    /** Advances the wall by one step of {@code dt} [s], using the force of the last evaluation. */
    abstract void move(double dt, PeriodicBox box);

    /** @return force on the wall from the particles, x [N] */
    public double forceX() {
        return forceX;
    }

    /** @return force on the wall from the particles, y [N] */
    public double forceY() {
        return forceY;
    }

    /** @return force on the wall from the particles, z [N] */
    public double forceZ() {
        return forceZ;
    }

    /** @return rate of work the wall did on the particles in the last evaluation [W] */
    public double power() {
        return power;
    }

    /** @return the wall's translational velocity (x, y, z) component {@code axis} [m/s] */
    public abstract double velocity(int axis);

    /** Writes the wall's motion state for a checkpoint. */
    abstract void save(DataOutput out) throws IOException;

    /** Reads what {@link #save} wrote. */
    abstract void load(DataInput in) throws IOException;
}
