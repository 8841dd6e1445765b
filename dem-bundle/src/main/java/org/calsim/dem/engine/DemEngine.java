package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.calsim.api.contact.BondSpec;
import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;
import org.calsim.parallel.WorkerTeam;

/**
 * The discrete element engine, the façade the stages use: spheres in a box periodic in x and y ({@link PeriodicBox}),
 * bounded by rigid walls ({@link PlaneWall}, {@link RollWall}), under gravity along z; SI units throughout (m, s, kg,
 * N, J). It coordinates its parts, as YADE's scene runs its engines: the {@link Integrator} (velocity Verlet as
 * LAMMPS' {@code nve/sphere}, drag, gravity, the clock, the time step limited by the stiffest contact), the
 * {@link NeighbourList} (Verlet skin, rebuilt when a particle has moved more than half of it), {@link PairForces} and
 * {@link WallContacts} (particle pairs and particle–wall contacts, both through {@link ContactKernel}, the one path
 * from measured contact to geometry to law to force), {@link Bonds}, the {@link BlowUpMonitor} (NaN, overlap, runaway
 * energy: {@link BlowUpException}), {@link StepPasses} (the passes on the worker threads, in fixed ranges, so that 1
 * and N threads give bit-identical trajectories), {@link CellOrder} (memory order) and the {@link Checkpoint}, each
 * part saving its own section ({@link #save}).
 *
 * <p><b>A step</b>: half kick and drift, the walls move, the list is rebuilt when needed, forces (pairs, then per
 * particle drag, gravity and walls) and the second half kick, then the checks. Nothing in a step allocates.
 *
 * <p><b>Hot swap.</b> {@link #useLaw} at a step boundary maps pair and wall history onto the new law's layout
 * ({@link ComposedContactLaw#historyCarriedFrom}); bonds survive a swap to a law with the same bond part and are
 * counted as released otherwise ({@link #bondsReleased}).
 */
public final class DemEngine implements AutoCloseable {
    /** Default largest ω·Δt of the stiffest contact. */
    public static final double DEFAULT_STABILITY_LIMIT = 0.3;

    final Particles particles;
    final PeriodicBox box;
    final NeighbourList list = new NeighbourList();
    /** the walls in the order they were added (those of {@link WallContacts}) */
    final List<Wall> walls;
    /** work the walls did on the particles since the energy reference [J] */
    double wallWork;
    private final int types;
    private final Worker[] workers;
    final ContactKernel kernel = new ContactKernel();
    private final Integrator integrator;
    private final PairForces pairForces;
    private final WallContacts wallContacts;
    private final Bonds bonds;
    private final BlowUpMonitor monitor;
    private final StepPasses passes;
    /** the worker threads: the passes of a step and the neighbour-list builds */
    private final WorkerTeam team;

    /**
     * @param particles  the spheres (the engine owns them from now on)
     * @param box        periodic box in x and y
     * @param types      number of material types
     * @param pairs      contact properties per type pair, index {@code ti * types + tj} (symmetric)
     * @param law        contact law for particle pairs and particle–wall contacts
     * @param threads    worker threads (≥ 1); results do not depend on it
     */
    public DemEngine(Particles particles, PeriodicBox box, int types, PairProperties[] pairs, ContactLaw law,
                     int threads) {
        if (pairs.length != types * types) {
            throw new IllegalArgumentException("need " + types * types + " pair properties, got " + pairs.length);
        }
        this.particles = particles;
        this.box = box;
        this.types = types;
        this.team = new WorkerTeam(threads, "calsim-dem");
        this.workers = new Worker[threads];
        for (int w = 0; w < threads; w++) {
            workers[w] = new Worker();
        }
        this.integrator = new Integrator(particles, box, list);
        this.pairForces = new PairForces(particles, box, list, kernel, pairs.clone(), types, workers);
        this.wallContacts = new WallContacts(particles, box, kernel, types, workers);
        this.walls = wallContacts.walls;
        this.bonds = new Bonds(particles, box, list, kernel);
        this.monitor = new BlowUpMonitor(particles, box, integrator, pairForces, wallContacts);
        this.passes = new StepPasses(particles, integrator, pairForces, wallContacts, bonds, team, workers);
        useLaw(law);
    }

    /** Adds a wall (set-up only). */
    public void addWall(Wall wall) {
        wallContacts.add(wall);
        monitor.invalidate();
    }

    /** @return the walls in the order they were added */
    public List<Wall> walls() {
        return List.copyOf(walls);
    }

    /**
     * Uses {@code next} from the next step on (a hot swap at a step boundary). Pair and wall history is mapped onto
     * the new law's layout: the slots of a part the two laws share (same class, same role; see
     * {@link ComposedContactLaw#historyCarriedFrom}) keep their values, every other slot starts from zero, and a
     * contact that keeps none of its history starts anew (first step). Another instance of the same class keeps all
     * history. Bonds survive when both laws have the same bond part; otherwise they are released and counted in
     * {@link #bondsReleased()}. The energy reference of the runaway check is taken again after the next force
     * evaluation, since the stored elastic energy changes with the law.
     *
     * @return number of intact bonds this swap released (0 when there was no swap)
     */
    public int useLaw(ContactLaw next) {
        if (next == kernel.law) {
            return 0;
        }
        ContactLaw previous = kernel.law;
        if (previous == null) {
            kernel.use(next, pairForces.specialisedKernel(next));
            list.resetHistory(next.historySize());
            wallContacts.resetHistory(next.historySize());
            bonds.clear();
            return 0;
        }
        int intactBefore = bonds.intact();
        kernel.use(next, pairForces.specialisedKernel(next));
        int[] carried = HistoryMap.carried(previous, next);
        list.remapHistory(next.historySize(), carried);
        wallContacts.remapHistory(next.historySize(), carried);
        monitor.invalidate();
        return bonds.afterSwap(intactBefore);
    }

    /** @return the contact law in use */
    ContactLaw law() {
        return kernel.law;
    }

    /**
     * Sets the largest ω·Δt of the stiffest contact (ω² = k/m*) before the step is reduced; &gt; 0 and &lt; 2
     * (velocity Verlet's stability bound).
     */
    public void setStabilityLimit(double omegaDt) {
        integrator.setStabilityLimit(omegaDt);
    }

    /** @return how often the step was reduced because a contact was stiffer than the limit allows */
    public int timeStepReductions() {
        return integrator.timeStepReductions;
    }

    /**
     * @return the stiffest contact of the last reduction (pair, stiffness, effective mass, ω·Δt before and after), or
     *         the empty string when the step was never reduced
     */
    public String stiffestContact() {
        return integrator.stiffest;
    }

    /** @return intact bonds released by swaps to laws without the same bond part */
    public int bondsReleased() {
        return bonds.released();
    }

    /** Sets the time step [s]. */
    public void setTimeStep(double seconds) {
        integrator.setTimeStep(seconds);
    }

    /** @return the time step [s] */
    public double timeStep() {
        return integrator.dt;
    }

    /** Sets the Verlet skin [m] (≥ 0); the list is rebuilt when a particle moved more than half of it. */
    public void setSkin(double metres) {
        list.setSkin(metres);
    }

    /** Sets the gravitational acceleration along z [m/s²] (e.g. −9.81). */
    public void setGravity(double gz) {
        integrator.gravityZ = gz;
        monitor.invalidate();
    }

    /**
     * Sets a viscous drag F = −c m v on every particle (a settling liquid; 0 for none), c [1/s] ≥ 0. Particles
     * falling under an acceleration a then approach the terminal velocity a/c.
     */
    public void setDrag(double perSecond) {
        integrator.setDrag(perSecond);
    }

    /** Sets the overlap, as a fraction of the smaller radius, beyond which the run stops as blown up. */
    public void setMaxOverlapFraction(double fraction) {
        kernel.setOverlapLimit(fraction);
    }

    /** @return the particles */
    public Particles particles() {
        return particles;
    }

    /** @return the periodic box */
    public PeriodicBox box() {
        return box;
    }

    /** @return steps taken */
    public long steps() {
        return integrator.step;
    }

    /** @return simulated time [s] */
    public double time() {
        return integrator.time;
    }

    /** @return neighbour-list builds so far */
    public long neighbourBuilds() {
        return list.builds;
    }

    /** @return number of material types */
    public int types() {
        return types;
    }

    /**
     * Orders the particles in memory by neighbour cell ({@link CellOrder}), so that particles close in space are
     * close in memory — the LIGGGHTS {@code atom_modify sort}. Indices change: call it once, after adding particles
     * and before the first step or any bond (it refuses when contacts already hold history).
     *
     * @return the order applied: new index k holds the particle that had index {@code order[k]}
     */
    public int[] sortParticles() {
        if (list.builds > 0 || bonds.formed() > 0) {
            throw new IllegalStateException("particles can only be sorted before the first step");
        }
        int[] order = CellOrder.of(particles, box, 2 * particles.maxRadius() + list.skin);
        particles.permute(order);
        return order;
    }

    /** Prepares a step: builds the list and evaluates forces (call after set-up; {@link #advance} calls it once). */
    public void initialise() {
        wallContacts.ensureState();
        rebuild();
        forces(false);
        if (monitor.needsReference()) {
            resetEnergyReference();
        }
    }

    /**
     * Forms bonds between every pair (i &lt; j) whose surfaces are within {@code gap} [m] and that
     * {@code which} accepts, with the law's bond part. Call after {@link #initialise()}.
     *
     * @return number of bonds formed (0 when the law has no bond part)
     */
    public int formBonds(BondSpec spec, double gap, PairFilter which) {
        if (list.start.length < particles.size + 1 || list.builds == 0) {
            initialise();
        }
        if (gap > list.skin) {
            // the list holds the pairs within the skin only: build it once with a reach that finds every pair to bond
            // (bonded pairs then stay listed however far apart, and later builds use the skin again)
            list.build(particles, box, gap, kernel.law, bonds.any(), team);
            pairForces.splitEntries();
        }
        return bonds.form(spec, gap, which, workers[0].geometry, integrator.dt);
    }

    /** Chooses pairs, e.g. by material type. */
    @FunctionalInterface
    public interface PairFilter {
        /** @return whether the pair (i, j) gets a bond */
        boolean accept(int i, int j);
    }

    /** @return bonds formed so far */
    public int bondsFormed() {
        return bonds.formed();
    }

    /** @return bonds still intact */
    public int bondsIntact() {
        return bonds.intact();
    }

    /** Advances {@code n} steps. */
    public void run(long n) {
        for (long s = 0; s < n; s++) {
            advance();
        }
    }

    /** Advances one step of {@link #timeStep()}. */
    public void advance() {
        if (integrator.dt <= 0) {
            throw new IllegalStateException("set a time step first");
        }
        if (list.builds == 0 || list.particlesBuilt != particles.size || wallContacts.lacksState()) {
            initialise();
        }
        double maxDisp2 = passes.drift();
        wallWork = wallContacts.move(integrator.dt, wallWork);
        integrator.tick();
        monitor.checkNaN(workers);
        if (list.needsRebuild(maxDisp2)) {
            rebuild();
        }
        forces(true);
        if (monitor.needsReference()) { // a swapped law stores another elastic energy: count from its first evaluation
            resetEnergyReference();
        }
        if (integrator.step % BlowUpMonitor.ENERGY_CHECK_INTERVAL == 0) {
            monitor.checkEnergy(wallWork);
        }
    }

    /** Evaluates forces and torques (second half kick unless preparing the first step), then checks them. */
    private void forces(boolean kick) {
        passes.forces(kick);
        wallContacts.sum();
        monitor.checkOverlap(workers, kernel.overlapLimit);
        integrator.limitTimeStep(workers, walls);
    }

    private void rebuild() {
        list.build(particles, box, list.skin, kernel.law, bonds.any(), team);
        pairForces.splitEntries();
    }

    /** @return force particle i exerted on wall {@code w} in the last evaluation, component {@code axis} [N] */
    public double wallForceOn(int i, int w, int axis) {
        return wallContacts.forceOn(i, w, axis);
    }

    /**
     * Clears the energy reference: the runaway check counts energy put in from now on (after set-up moves). The
     * elastic energy already stored in the contacts counts as put in: ½ Σ |F_n| δ over particle and wall contacts
     * (exact for linear springs, an upper bound of Hertz's 2/5 F δ).
     */
    public void resetEnergyReference() {
        monitor.takeReference();
        wallWork = 0;
    }

    /** Visits every current particle–particle contact (touching entries) with its force of the last evaluation. */
    public void forEachContact(ContactVisitor visitor) {
        pairForces.forEachContact(visitor);
    }

    /**
     * Receives contacts from {@link #forEachContact}: the particles i and j, the branch vector x_i − x_j (minimum
     * image) (dx, dy, dz) [m] and the force on i (fx, fy, fz) [N] (on j the opposite).
     */
    @FunctionalInterface
    public interface ContactVisitor {
        /** Receives one contact. */
        void contact(int i, int j, double dx, double dy, double dz, double fx, double fy, double fz);
    }

    /**
     * @return bytes the engine's arrays hold per particle, counted from their lengths (spare room included): particles,
     *         neighbour list with its spare buffers and cell grid, the logs of contacts across workers, wall contacts
     */
    public double bytesPerParticle() {
        long bytes = particles.heapBytes() + list.heapBytes() + pairForces.crossLogBytes() + wallContacts.heapBytes();
        return (double) bytes / Math.max(1, particles.size);
    }

    /** Writes the state the next step depends on, one section per part, the walls' work after the integrator's. */
    void save(DataOutput out) throws IOException {
        integrator.save(out);
        out.writeDouble(wallWork);
        bonds.save(out);
        monitor.save(out);
        particles.save(out);
        list.save(out, particles.size);
        wallContacts.save(out, particles.size);
    }

    /** Reads what {@link #save} wrote into an engine with the same box, types, law and walls. */
    void load(DataInput in) throws IOException {
        integrator.load(in);
        wallWork = in.readDouble();
        bonds.load(in);
        monitor.load(in);
        particles.load(in);
        int slots = kernel.law.historySize();
        list.load(in, particles.size, particles.x.length, slots);
        wallContacts.load(in, particles.size, slots);
        pairForces.splitEntries();
    }

    @Override
    public void close() {
        passes.close();
    }
}
