package org.calsim.dem.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.calsim.api.contact.BondSpec;
import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;
import org.calsim.parallel.WorkerTeam;

/**
 * The discrete element engine: spheres with translation and rotation integrated by velocity Verlet
 * (the {@code nve/sphere} scheme of LAMMPS/LIGGGHTS: half kick, drift, forces, half kick; contact damping sees
 * the half-step velocities), a half neighbour list with Verlet skin ({@link NeighbourList}, rebuilt only when a
 * particle has moved more than half the skin since the last build), periodic in x and y, gravity along z, and
 * rigid walls ({@link PlaneWall}, {@link RollWall}).
 *
 * <p><b>Forces and threads.</b> A step is three passes over fixed ranges of particles: (1) kick and drift;
 * (2) every neighbour entry (pair i &lt; j) computes its contact force once; (3) every particle sums its
 * contacts, then drag, gravity and its wall contacts, and kicks. The contact sum of each particle runs in one
 * fixed order (see {@link #pairForcesSerial}), so 1 and N threads give bit-identical trajectories. Every sum runs in an order fixed by the
 * list, not by the threads, so 1 and N threads give bit-identical trajectories. Nothing in a step allocates:
 * geometry and force holders are per worker, tasks are created once.
 *
 * <p><b>Contacts.</b> Particle pairs and particle–wall contacts take one path, {@link ContactKernel}: measured
 * contact → geometry (as LAMMPS GRANULAR) → contact law → force and torques; a wall is a body of infinite radius and
 * mass whose contact point lies on its surface.
 *
 * <p><b>Time step and the stiffest contact.</b> Every force evaluation records the contact with the largest
 * ω² = k (1/m_i + 1/m_j), k the normal stiffness its law wrote ({@link ContactForce#normalStiffness}, bond springs
 * included; 1/m_j = 0 for a wall): the angular frequency of the stiffest normal oscillation actually present.
 * Velocity Verlet is stable for ω·Δt &lt; 2 and accurate to a few per cent of the contact's energy for ω·Δt ≲ 0.3
 * (the sliding mode of two solid spheres, k_t·3.5/m*, is up to 1.7 times faster for Mindlin; the margin covers it).
 * When ω·Δt exceeds {@link #setStabilityLimit the limit} (0.3 unless set), the next step is reduced to
 * 0.9 × limit/ω and the reduction is counted ({@link #timeStepReductions}, {@link #stiffestContact}).
 *
 * <p><b>Hot swap.</b> {@link #useLaw} at a step boundary maps pair and wall history onto the new law's layout
 * ({@link ComposedContactLaw#historyCarriedFrom}); bonds survive a swap to a law with the same bond part and are
 * counted as released otherwise ({@link #bondsReleased}).
 *
 * <p><b>Blow-up detection</b>: a NaN position or velocity, an overlap beyond {@link #setMaxOverlapFraction a
 * fraction} of the smaller radius, or (checked every {@value #ENERGY_CHECK_INTERVAL} steps) kinetic energy above
 * {@value #ENERGY_FACTOR} × (initial kinetic energy + gravity work + wall work) stops the run with a
 * {@link BlowUpException} naming the step, the particle and the likely cause.
 */
public final class DemEngine implements AutoCloseable {
    static final int ENERGY_CHECK_INTERVAL = 100;
    static final double ENERGY_FACTOR = 10;
    /** doubles stored per neighbour entry: force on i (3), torque on j (3, several threads only) */
    static final int PAIR_SLOTS = 6;
    /** Default largest ω·Δt of the stiffest contact. */
    public static final double DEFAULT_STABILITY_LIMIT = 0.3;

    final Particles particles;
    final PeriodicBox box;
    final NeighbourList list = new NeighbourList();
    final List<Wall> walls = new ArrayList<>();
    private final int types;
    private final PairProperties[] pairs;
    private final WorkerTeam team;
    private final Worker[] workers;

    /** the contact law and the one geometry → law path of every contact */
    final ContactKernel kernel = new ContactKernel();
    double dt;
    double skin;
    double gravityZ;
    double drag;
    private double stabilityLimit = DEFAULT_STABILITY_LIMIT;
    int timeStepReductions;
    String stiffest = "";
    int bondsReleased;
    long step;
    double time;
    int bondsFormed;
    private boolean bonded;
    private boolean kick = true;

    /** Doubles per (particle, wall) slot of {@link #wallForce}. */
    private static final int WALL_SLOTS = 4;

    // wall contact state per (particle, wall)
    double[] wallHistory = new double[0];
    byte[] wallTouching = new byte[0];
    /** per (particle, wall) slot: force on the wall (x, y, z) [N] and the wall's power on the particle [W] */
    private double[] wallForce = new double[0];

    // energy bookkeeping for the runaway check [J]
    double referenceEnergy;
    double wallWork;
    double referencePotential;
    private boolean energyReady;

    // parallel passes
    private final int[] particleSplit;
    private final int[] entrySplit;
    private final WorkerTeam.Task driftTask = this::drift;
    private final WorkerTeam.Task pairTask = this::pairForces;
    private final WorkerTeam.Task sumTask = this::sumAndKick;

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
        this.pairs = pairs.clone();
        this.team = new WorkerTeam(threads, "calsim-dem");
        this.workers = new Worker[threads];
        for (int w = 0; w < threads; w++) {
            workers[w] = new Worker();
        }
        this.particleSplit = new int[threads + 1];
        this.entrySplit = new int[threads + 1];
        useLaw(law);
    }

    /** Adds a wall (set-up only). */
    public void addWall(Wall wall) {
        for (PairProperties pp : wall.byType) {
            if (pp == null) {
                throw new IllegalArgumentException("wall " + wall.name() + " lacks contact properties for a type");
            }
        }
        if (wall.byType.length != types) {
            throw new IllegalArgumentException("wall " + wall.name() + " has properties for " + wall.byType.length
                    + " types, the system has " + types);
        }
        walls.add(wall);
        wallHistory = new double[0];
        energyReady = false;
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
            kernel.law = next;
            list.resetHistory(next.historySize());
            wallHistory = new double[0];
            bonded = false;
            return 0;
        }
        int intactBefore = bondsIntact();
        kernel.law = next;
        int[] carried = carriedSlots(previous, next);
        int oldSlots = list.historySize;
        list.remapHistory(next.historySize(), carried);
        int slots = particlesWithWallState() * walls.size();
        wallHistory = HistoryMap.remap(wallHistory, wallTouching, slots, oldSlots, carried,
                wallTouching.length * next.historySize());
        bonded = bondsFormed > 0;
        int released = Math.max(0, intactBefore - bondsIntact());
        bonded = bondsIntact() > 0;
        bondsReleased += released;
        energyReady = false;
        return released;
    }

    private int particlesWithWallState() {
        return walls.isEmpty() ? 0 : Math.min(particles.size, wallTouching.length / walls.size());
    }

    /** @return for each slot of {@code next}, the slot of {@code previous} holding the same quantity, or −1 */
    private static int[] carriedSlots(ContactLaw previous, ContactLaw next) {
        if (next instanceof ComposedContactLaw) {
            return ((ComposedContactLaw) next).historyCarriedFrom(previous);
        }
        int[] map = new int[next.historySize()];
        for (int s = 0; s < map.length; s++) {
            map[s] = previous.getClass() == next.getClass() ? s : -1;
        }
        return map;
    }

    /**
     * Sets the largest ω·Δt of the stiffest contact (ω² = k/m*) before the step is reduced; &gt; 0 and &lt; 2
     * (velocity Verlet's stability bound).
     */
    public void setStabilityLimit(double omegaDt) {
        if (!(omegaDt > 0 && omegaDt < 2)) {
            throw new IllegalArgumentException("stability limit must be > 0 and < 2 (omega*dt), was " + omegaDt);
        }
        stabilityLimit = omegaDt;
    }

    /** @return how often the step was reduced because a contact was stiffer than the limit allows */
    public int timeStepReductions() {
        return timeStepReductions;
    }

    /**
     * @return the stiffest contact of the last reduction (pair, stiffness, effective mass, ω·Δt before and after), or
     *         the empty string when the step was never reduced
     */
    public String stiffestContact() {
        return stiffest;
    }

    /** @return intact bonds released by swaps to laws without the same bond part */
    public int bondsReleased() {
        return bondsReleased;
    }

    /** Sets the time step [s]. */
    public void setTimeStep(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("time step must be a finite number > 0 s, was " + seconds);
        }
        dt = seconds;
    }

    /** @return the time step [s] */
    public double timeStep() {
        return dt;
    }

    /** Sets the Verlet skin [m] (≥ 0); the list is rebuilt when a particle moved more than half of it. */
    public void setSkin(double metres) {
        if (!(metres >= 0) || Double.isInfinite(metres)) {
            throw new IllegalArgumentException("skin must be a finite number >= 0 m, was " + metres);
        }
        skin = metres;
    }

    /** Sets the gravitational acceleration along z [m/s²] (e.g. −9.81). */
    public void setGravity(double gz) {
        gravityZ = gz;
        energyReady = false;
    }

    /**
     * Sets a viscous drag F = −c m v on every particle (a settling liquid; 0 for none), c [1/s] ≥ 0. Particles
     * falling under an acceleration a then approach the terminal velocity a/c.
     */
    public void setDrag(double perSecond) {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("drag must be a finite number >= 0 1/s, was " + perSecond);
        }
        drag = perSecond;
    }

    /** Sets the overlap, as a fraction of the smaller radius, beyond which the run stops as blown up. */
    public void setMaxOverlapFraction(double fraction) {
        if (!(fraction > 0)) {
            throw new IllegalArgumentException("largest overlap fraction must be > 0, was " + fraction);
        }
        kernel.overlapLimit = fraction;
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
        return step;
    }

    /** @return simulated time [s] */
    public double time() {
        return time;
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
     * Orders the particles in memory by neighbour cell (z, then y, then x), so that particles close in space are
     * close in memory and a contact's two particles share cache lines — the LIGGGHTS {@code atom_modify sort}.
     * Indices change: call it once, after adding particles and before the first step or any bond (it refuses
     * when contacts already hold history).
     *
     * @return the order applied: new index k holds the particle that had index {@code order[k]}
     */
    public int[] sortParticles() {
        if (list.builds > 0 || bondsFormed > 0) {
            throw new IllegalStateException("particles can only be sorted before the first step");
        }
        int n = particles.size;
        double cell = 2 * particles.maxRadius() + skin;
        int ncx = Math.max(1, (int) (box.lx() / cell));
        int ncy = Math.max(1, (int) (box.ly() / cell));
        double zMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            zMin = Math.min(zMin, particles.z[i]);
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long cx = Math.min(ncx - 1, (int) (particles.x[i] / box.lx() * ncx));
            long cy = Math.min(ncy - 1, (int) (particles.y[i] / box.ly() * ncy));
            long cz = (long) ((particles.z[i] - zMin) / cell);
            keys[i] = (((cz * ncy + cy) * ncx + cx) << 24) | i; // cell, then the old index (stable, unique)
        }
        if (n >= (1 << 24)) {
            throw new IllegalStateException("sorting supports up to 16,777,215 particles");
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) (keys[k] & 0xFFFFFF);
        }
        particles.permute(order);
        return order;
    }

    /** Prepares a step: builds the list and evaluates forces (call after set-up; {@link #advance} calls it once). */
    public void initialise() {
        ensureWallState();
        rebuild();
        kick = false;
        forces();
        kick = true;
        if (!energyReady) {
            resetEnergyReference();
        }
    }

    private void ensureWallState() {
        int needed = particles.size * walls.size();
        int hs = kernel.law.historySize();
        if (wallTouching.length < needed) {
            wallTouching = Arrays.copyOf(wallTouching, needed + needed / 2);
            wallForce = Arrays.copyOf(wallForce, (needed + needed / 2) * WALL_SLOTS);
        }
        if (wallHistory.length < wallTouching.length * hs) {
            if (wallHistory.length == 0) {
                Arrays.fill(wallTouching, (byte) 0);
            }
            wallHistory = Arrays.copyOf(wallHistory, wallTouching.length * hs);
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
        if (gap > skin) {
            // the list holds the pairs within the skin only: build it once with a reach that finds every pair to bond
            // (bonded pairs then stay listed however far apart, and later builds use the skin again)
            list.build(particles, box, gap, kernel.law, bonded);
            splitEntries();
        }
        ContactGeometry g = workers[0].geometry;
        int formed = 0;
        int hs = list.historySize;
        for (int i = 0; i < particles.size; i++) {
            for (int k = list.start[i]; k < list.start[i + 1]; k++) {
                int j = list.partner[k];
                double dx = box.imageX(particles.x[i] - particles.x[j]);
                double dy = box.imageY(particles.y[i] - particles.y[j]);
                double dz = particles.z[i] - particles.z[j];
                double dist = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double overlap = particles.radius[i] + particles.radius[j] - dist;
                if (-overlap > gap || !which.accept(i, j)) {
                    continue;
                }
                ContactKernel.pair(g, particles, i, j, dx, dy, dz, dist, dt);
                if (kernel.law.formBond(g, spec, list.history, k * hs)) {
                    list.touching[k] = 1;
                    formed++;
                }
            }
        }
        bondsFormed += formed;
        bonded |= formed > 0;
        return formed;
    }

    /** Chooses pairs, e.g. by material type. */
    @FunctionalInterface
    public interface PairFilter {
        /** @return whether the pair (i, j) gets a bond */
        boolean accept(int i, int j);
    }

    /** @return bonds formed so far */
    public int bondsFormed() {
        return bondsFormed;
    }

    /** @return bonds still intact */
    public int bondsIntact() {
        if (!bonded) {
            return 0;
        }
        int intact = 0;
        int hs = list.historySize;
        for (int k = 0; k < list.entries; k++) {
            if (list.touching[k] != 0 && kernel.law.engaged(list.history, k * hs)) {
                intact++;
            }
        }
        return intact;
    }

    /** Advances {@code n} steps. */
    public void run(long n) {
        for (long s = 0; s < n; s++) {
            advance();
        }
    }

    /** Advances one step of {@link #timeStep()}. */
    public void advance() {
        if (dt <= 0) {
            throw new IllegalStateException("set a time step first");
        }
        if (list.builds == 0 || list.particlesBuilt != particles.size
                || wallTouching.length < particles.size * walls.size()) {
            initialise();
        }
        splitParticles();
        team.run(driftTask);
        double maxDisp2 = 0;
        for (int w = 0; w < workers.length; w++) {
            maxDisp2 = Math.max(maxDisp2, workers[w].maxDisplacement2);
        }
        for (int w = 0, nw = walls.size(); w < nw; w++) {
            Wall wall = walls.get(w);
            wallWork += wall.power * dt;
            wall.move(dt, box);
        }
        step++;
        time += dt;
        checkNaN();
        if (4 * maxDisp2 > skin * skin) {
            rebuild();
        }
        forces();
        if (!energyReady) { // a swapped law stores another elastic energy: count from its first evaluation
            resetEnergyReference();
        }
        if (step % ENERGY_CHECK_INTERVAL == 0) {
            checkEnergy();
        }
    }

    private void forces() {
        splitParticles();
        for (Worker w : workers) {
            w.clearStiffest();
        }
        if (workers.length == 1) {
            pairForcesSerial();
        } else {
            team.run(pairTask);
        }
        team.run(sumTask);
        sumWallForces();
        checkOverlap();
        limitTimeStep();
    }

    /** Reduces the step when the stiffest contact of this evaluation has ω·Δt above the limit. */
    private void limitTimeStep() {
        Worker top = workers[0];
        for (int k = 1; k < workers.length; k++) {
            if (workers[k].omega2 > top.omega2) {
                top = workers[k];
            }
        }
        double omega = Math.sqrt(top.omega2);
        if (!(omega * dt > stabilityLimit)) {
            return;
        }
        double before = omega * dt;
        dt = 0.9 * stabilityLimit / omega;
        timeStepReductions++;
        int i = top.stiffI;
        String partner = top.stiffJ >= 0 ? "particle " + top.stiffJ + String.format(" (type %d, r = %.4g m)",
                particles.type[top.stiffJ], particles.radius[top.stiffJ])
                : "wall " + walls.get(-1 - top.stiffJ).name();
        stiffest = String.format("step %d: particle %d (type %d, r = %.4g m) and %s, k = %.4g N/m, omega = %.4g rad/s, "
                        + "omega*dt %.3f > %.2f; time step reduced to %.4g s", step, i, particles.type[i],
                particles.radius[i], partner, top.stiffness, omega, before, stabilityLimit, dt);
    }

    private void rebuild() {
        list.build(particles, box, skin, kernel.law, bonded);
        splitEntries();
    }

    private void splitParticles() {
        int n = particles.size;
        int w = workers.length;
        for (int k = 0; k <= w; k++) {
            particleSplit[k] = (int) ((long) n * k / w);
        }
    }

    private void splitEntries() {
        int n = particles.size;
        int w = workers.length;
        entrySplit[0] = 0;
        entrySplit[w] = n;
        for (int k = 1; k < w; k++) {
            long target = (long) list.entries * k / w;
            int i = Arrays.binarySearch(list.start, 0, n + 1, (int) target);
            if (i < 0) {
                i = -i - 1;
            }
            entrySplit[k] = Math.max(entrySplit[k - 1], Math.min(n, i));
        }
    }

    // pass 1: half kick, drift, wrap; largest displacement since the last build
    private void drift(int worker, int workerCount) {
        Particles p = particles;
        Worker me = workers[worker];
        double half = 0.5 * dt;
        double max2 = 0;
        double[] x0 = list.x0;
        double[] y0 = list.y0;
        double[] z0 = list.z0;
        for (int i = particleSplit[worker], end = particleSplit[worker + 1]; i < end; i++) {
            double im = p.invMass[i];
            double ii = p.invInertia[i];
            p.vx[i] += half * p.fx[i] * im;
            p.vy[i] += half * p.fy[i] * im;
            p.vz[i] += half * p.fz[i] * im;
            p.wx[i] += half * p.tx[i] * ii;
            p.wy[i] += half * p.ty[i] * ii;
            p.wz[i] += half * p.tz[i] * ii;
            p.x[i] = box.wrapX(p.x[i] + dt * p.vx[i]);
            p.y[i] = box.wrapY(p.y[i] + dt * p.vy[i]);
            p.z[i] += dt * p.vz[i];
            double dx = box.imageX(p.x[i] - x0[i]);
            double dy = box.imageY(p.y[i] - y0[i]);
            double dz = p.z[i] - z0[i];
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > max2) {
                max2 = d2;
            }
            if (Double.isNaN(d2) && me.badParticle < 0) {
                me.badParticle = i;
                me.nan = true;
            }
        }
        me.maxDisplacement2 = max2;
    }

    /**
     * The contact of neighbour entry k (pair i &lt; j, j = partner[k]): returns {@code false} when the pair does
     * not interact (its history is cleared when it just stopped touching); otherwise leaves the force on i and
     * the torques on i and j in the worker's fields.
     */
    private boolean contact(Worker me, int i, int k) {
        Particles p = particles;
        NeighbourList nl = list;
        int hs = nl.historySize;
        double[] hist = nl.history;
        byte[] touching = nl.touching;
        int j = nl.partner[k];
        double dx = box.imageX(p.x[i] - p.x[j]);
        double dy = box.imageY(p.y[i] - p.y[j]);
        double dz = p.z[i] - p.z[j];
        double r2 = dx * dx + dy * dy + dz * dz;
        double sum = p.radius[i] + p.radius[j];
        boolean was = touching[k] != 0;
        if (r2 >= sum * sum && !(bonded && was && kernel.law.engaged(hist, k * hs))) {
            if (was) {
                touching[k] = 0;
                for (int h = k * hs, hEnd = h + hs; h < hEnd; h++) {
                    hist[h] = 0;
                }
            }
            return false;
        }
        ContactKernel.pair(me.geometry, p, i, j, dx, dy, dz, Math.sqrt(r2), dt);
        touching[k] = 1;
        kernel.apply(me, pairs[p.type[i] * types + p.type[j]], hist, k * hs, !was, i, j, p.invMass[i], p.invMass[j]);
        return true;
    }

    /*
     * Pass 2. Every particle's force is summed in one fixed order: 0, plus its own entries (ascending), then minus
     * the forces of the entries where it is the partner (descending entry). One thread does exactly that by
     * walking the list from the last particle down and accumulating into both particles (the entries with
     * partner j come from i < j, after j's own); several threads sum each particle's own entries here and store
     * the rest for pass 3, which adds the partner entries in the same order. The results are therefore
     * bit-identical for any number of threads.
     */

    // pass 2, one thread: accumulate directly (and keep each entry's force for forEachContact)
    private void pairForcesSerial() {
        Particles p = particles;
        NeighbourList nl = list;
        Worker me = workers[0];
        double[] out = nl.pairForce;
        int n = p.size;
        Arrays.fill(p.fx, 0, n, 0.0);
        Arrays.fill(p.fy, 0, n, 0.0);
        Arrays.fill(p.fz, 0, n, 0.0);
        Arrays.fill(p.tx, 0, n, 0.0);
        Arrays.fill(p.ty, 0, n, 0.0);
        Arrays.fill(p.tz, 0, n, 0.0);
        for (int i = n - 1; i >= 0; i--) {
            for (int k = nl.start[i], kEnd = nl.start[i + 1]; k < kEnd; k++) {
                if (contact(me, i, k)) {
                    int j = nl.partner[k];
                    int o = PAIR_SLOTS * k;
                    out[o] = me.fx;
                    out[o + 1] = me.fy;
                    out[o + 2] = me.fz;
                    p.fx[i] += me.fx;
                    p.fy[i] += me.fy;
                    p.fz[i] += me.fz;
                    p.tx[i] += me.tix;
                    p.ty[i] += me.tiy;
                    p.tz[i] += me.tiz;
                    p.fx[j] -= me.fx;
                    p.fy[j] -= me.fy;
                    p.fz[j] -= me.fz;
                    p.tx[j] += me.tjx;
                    p.ty[j] += me.tjy;
                    p.tz[j] += me.tjz;
                }
            }
        }
    }

    // pass 2, several threads: sum the own entries of i (the worker owns them), store the force and torque on j
    private void pairForces(int worker, int workerCount) {
        Particles p = particles;
        NeighbourList nl = list;
        Worker me = workers[worker];
        double[] out = nl.pairForce;
        for (int i = entrySplit[worker], end = entrySplit[worker + 1]; i < end; i++) {
            double fx = 0;
            double fy = 0;
            double fz = 0;
            double tx = 0;
            double ty = 0;
            double tz = 0;
            for (int k = nl.start[i], kEnd = nl.start[i + 1]; k < kEnd; k++) {
                if (contact(me, i, k)) {
                    fx += me.fx;
                    fy += me.fy;
                    fz += me.fz;
                    tx += me.tix;
                    ty += me.tiy;
                    tz += me.tiz;
                    int o = PAIR_SLOTS * k;
                    out[o] = me.fx;
                    out[o + 1] = me.fy;
                    out[o + 2] = me.fz;
                    out[o + 3] = me.tjx;
                    out[o + 4] = me.tjy;
                    out[o + 5] = me.tjz;
                }
            }
            p.fx[i] = fx;
            p.fy[i] = fy;
            p.fz[i] = fz;
            p.tx[i] = tx;
            p.ty[i] = ty;
            p.tz[i] = tz;
        }
    }

    // pass 3: per-particle sums in list order, walls, gravity, second half kick
    private void sumAndKick(int worker, int workerCount) {
        boolean serial = workers.length == 1;
        Particles p = particles;
        NeighbourList nl = list;
        Worker me = workers[worker];
        double[] pf = nl.pairForce;
        byte[] touching = nl.touching;
        int nw = walls.size();
        int hs = nl.historySize;
        double half = 0.5 * dt;
        double[] w6 = me.wall;
        for (int i = particleSplit[worker], end = particleSplit[worker + 1]; i < end; i++) {
            // pass 2 summed the own entries (all of them, with one thread); add the partner entries
            double fx = p.fx[i];
            double fy = p.fy[i];
            double fz = p.fz[i];
            double tx = p.tx[i];
            double ty = p.ty[i];
            double tz = p.tz[i];
            if (!serial) {
                for (int r = nl.revStart[i + 1] - 1, rEnd = nl.revStart[i]; r >= rEnd; r--) {
                    int k = nl.revEntry[r];
                    if (touching[k] != 0) {
                        int o = PAIR_SLOTS * k;
                        fx -= pf[o];
                        fy -= pf[o + 1];
                        fz -= pf[o + 2];
                        tx += pf[o + 3];
                        ty += pf[o + 4];
                        tz += pf[o + 5];
                    }
                }
            }
            double m = 1.0 / p.invMass[i];
            fx -= drag * m * p.vx[i];
            fy -= drag * m * p.vy[i];
            fz += gravityZ * m - drag * m * p.vz[i];
            for (int w = 0; w < nw; w++) {
                Wall wall = walls.get(w);
                int slot = i * nw + w;
                double overlap = wall.contact(p, box, i, w6);
                if (overlap <= 0) {
                    if (wallTouching[slot] != 0) {
                        wallTouching[slot] = 0;
                        Arrays.fill(wallHistory, slot * hs, slot * hs + hs, 0.0);
                    }
                    Arrays.fill(wallForce, WALL_SLOTS * slot, WALL_SLOTS * slot + WALL_SLOTS, 0.0);
                    continue;
                }
                ContactKernel.wall(me.geometry, p, i, overlap, w6, dt);
                boolean first = wallTouching[slot] == 0;
                wallTouching[slot] = 1;
                kernel.apply(me, wall.byType[p.type[i]], wallHistory, slot * hs, first, i, -1 - w, p.invMass[i], 0);
                fx += me.fx;
                fy += me.fy;
                fz += me.fz;
                tx += me.tix;
                ty += me.tiy;
                tz += me.tiz;
                int o = WALL_SLOTS * slot;
                wallForce[o] = -me.fx;
                wallForce[o + 1] = -me.fy;
                wallForce[o + 2] = -me.fz;
                // the work rate of the wall on the particle: the contact force times the velocity of the wall's
                // surface at the contact (a roll's turning included, not only its translation)
                wallForce[o + 3] = me.fx * w6[3] + me.fy * w6[4] + me.fz * w6[5];
            }
            p.fx[i] = fx;
            p.fy[i] = fy;
            p.fz[i] = fz;
            p.tx[i] = tx;
            p.ty[i] = ty;
            p.tz[i] = tz;
            if (!kick) {
                continue;
            }
            double im = p.invMass[i];
            double ii = p.invInertia[i];
            p.vx[i] += half * fx * im;
            p.vy[i] += half * fy * im;
            p.vz[i] += half * fz * im;
            p.wx[i] += half * tx * ii;
            p.wy[i] += half * ty * ii;
            p.wz[i] += half * tz * ii;
        }
    }

    private void sumWallForces() {
        int nw = walls.size();
        for (int w = 0; w < nw; w++) {
            Wall wall = walls.get(w);
            double sx = 0;
            double sy = 0;
            double sz = 0;
            double power = 0;
            for (int i = 0, n = particles.size; i < n; i++) {
                int slot = WALL_SLOTS * (i * nw + w);
                sx += wallForce[slot];
                sy += wallForce[slot + 1];
                sz += wallForce[slot + 2];
                power += wallForce[slot + 3];
            }
            wall.forceX = sx;
            wall.forceY = sy;
            wall.forceZ = sz;
            wall.power = power;
        }
    }

    /** Allocates the wall contact state for n particles before a checkpoint fills it. */
    void restoreWalls(int n, int historySize) {
        int slots = n * walls.size();
        wallTouching = new byte[slots];
        wallForce = new double[WALL_SLOTS * slots];
        wallHistory = new double[slots * historySize];
    }

    /** Derived state after a checkpoint was read. */
    void afterRestore() {
        splitEntries();
        bonded = bondsFormed > 0;
        energyReady = true;
    }

    /** @return force particle i exerted on wall {@code w} in the last evaluation, component {@code axis} [N] */
    public double wallForceOn(int i, int w, int axis) {
        return wallForce[WALL_SLOTS * (i * walls.size() + w) + axis];
    }

    private void checkNaN() {
        for (int k = 0; k < workers.length; k++) {
            Worker w = workers[k];
            if (w.nan) {
                int i = w.badParticle;
                throw new BlowUpException(step, i, String.format(
                        "DEM blew up at step %d (t = %.6g s): particle %d has a non-finite position or velocity "
                                + "(force %.4g N). Likely cause: the time step %.3g s is too large for the contact "
                                + "stiffness, or a contact law returned NaN.",
                        step, time, i, particles.forceMagnitude(i), dt));
            }
        }
    }

    private void checkOverlap() {
        Worker first = null;
        for (int k = 0; k < workers.length; k++) {
            Worker w = workers[k];
            if (w.badParticle >= 0 && !w.nan && (first == null || w.badParticle < first.badParticle)) {
                first = w;
            }
        }
        if (first == null) {
            return;
        }
        int i = first.badParticle;
        double ri = particles.radius[i];
        String other;
        double smaller;
        if (first.badPartner >= 0) {
            int j = first.badPartner;
            smaller = Math.min(ri, particles.radius[j]);
            other = "particle " + j + String.format(" (r = %.4g m)", particles.radius[j]);
        } else {
            smaller = ri;
            other = "wall " + walls.get(-1 - first.badPartner).name();
        }
        throw new BlowUpException(step, i, String.format(
                "DEM blew up at step %d (t = %.6g s): particle %d (r = %.4g m, type %d) overlaps %s by %.1f %% of the "
                        + "smaller radius (allowed %.0f %%). Likely cause: the time step %.3g s is too large for the "
                        + "contact stiffness, a wall moves too fast or pushes with more pressure than the particles "
                        + "can take, or the contact law is too soft for the load.",
                step, time, i, ri, particles.type[i], other, 100 * first.badOverlap / smaller,
                100 * kernel.overlapLimit, dt));
    }

    private double storedElasticEnergy() {
        double[] e = {0};
        forEachContact((i, j, dx, dy, dz, fx, fy, fz) -> {
            double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double overlap = particles.radius[i] + particles.radius[j] - d;
            if (overlap > 0) {
                e[0] += 0.5 * Math.abs((fx * dx + fy * dy + fz * dz) / d) * overlap;
            }
        });
        double[] g = new double[6];
        for (int w = 0; w < walls.size(); w++) {
            for (int i = 0; i < particles.size; i++) {
                double overlap = walls.get(w).contact(particles, box, i, g);
                if (overlap > 0) {
                    double fn = wallForceOn(i, w, 0) * g[0] + wallForceOn(i, w, 1) * g[1] + wallForceOn(i, w, 2) * g[2];
                    e[0] += 0.5 * Math.abs(fn) * overlap;
                }
            }
        }
        return e[0];
    }

    private double potentialEnergy() {
        double e = 0;
        for (int i = 0; i < particles.size; i++) {
            e -= gravityZ * particles.z[i] / particles.invMass[i];
        }
        return e;
    }

    private void checkEnergy() {
        double kinetic = particles.kineticEnergy();
        double budget = referenceEnergy + (referencePotential - potentialEnergy()) + Math.max(0, wallWork);
        if (kinetic > ENERGY_FACTOR * budget + 1e-300) {
            int worst = 0;
            double most = -1;
            for (int i = 0; i < particles.size; i++) {
                double v2 = particles.vx[i] * particles.vx[i] + particles.vy[i] * particles.vy[i]
                        + particles.vz[i] * particles.vz[i];
                double e = v2 / particles.invMass[i];
                if (e > most) {
                    most = e;
                    worst = i;
                }
            }
            throw new BlowUpException(step, worst, String.format(
                    "DEM blew up at step %d (t = %.6g s): kinetic energy %.4g J is more than %.0f times the energy put "
                            + "in (%.4g J: initial kinetic energy, gravity and wall work); the fastest particle is %d "
                            + "(|v| = %.4g m/s). Likely cause: the time step %.3g s is too large for the contact "
                            + "stiffness (numerical energy gain).",
                    step, time, kinetic, ENERGY_FACTOR, budget, worst,
                    Math.sqrt(most * particles.invMass[worst]), dt));
        }
    }

    /**
     * Clears the energy reference: the runaway check counts energy put in from now on (after set-up moves). The
     * elastic energy already stored in the contacts counts as put in: ½ Σ |F_n| δ over particle and wall contacts
     * (exact for linear springs, an upper bound of Hertz's 2/5 F δ).
     */
    public void resetEnergyReference() {
        referenceEnergy = particles.kineticEnergy() + storedElasticEnergy();
        referencePotential = potentialEnergy();
        wallWork = 0;
        energyReady = true;
    }

    /**
     * Visits every current particle–particle contact (touching entries): the pair, the unit normal from j to
     * i, the overlap and the force on i.
     */
    public void forEachContact(ContactVisitor visitor) {
        NeighbourList nl = list;
        for (int i = 0; i < particles.size; i++) {
            for (int k = nl.start[i]; k < nl.start[i + 1]; k++) {
                if (nl.touching[k] == 0) {
                    continue;
                }
                int j = nl.partner[k];
                double dx = box.imageX(particles.x[i] - particles.x[j]);
                double dy = box.imageY(particles.y[i] - particles.y[j]);
                double dz = particles.z[i] - particles.z[j];
                int o = PAIR_SLOTS * k;
                visitor.contact(i, j, dx, dy, dz, nl.pairForce[o], nl.pairForce[o + 1], nl.pairForce[o + 2]);
            }
        }
    }

    /** Receives contacts from {@link #forEachContact}. */
    @FunctionalInterface
    public interface ContactVisitor {
        /**
         * @param i  first particle
         * @param j  second particle
         * @param dx branch vector x_i − x_j (minimum image), x [m]
         * @param dy branch y [m]
         * @param dz branch z [m]
         * @param fx force on i, x [N] (on j: the opposite)
         * @param fy force on i, y [N]
         * @param fz force on i, z [N]
         */
        void contact(int i, int j, double dx, double dy, double dz, double fx, double fy, double fz);
    }

    /** @return bytes of heap the engine holds per particle (arrays, list entries per particle, wall state) */
    public double bytesPerParticle() {
        int n = Math.max(1, particles.size);
        double perEntry = list.bytesPerEntry();
        double entriesPerParticle = (double) list.entries / n;
        return Particles.bytesPerParticle() + 3 * Double.BYTES + 3 * Integer.BYTES /* x0, cells, reverse */
                + entriesPerParticle * perEntry
                + walls.size() * (1 + 3 * Double.BYTES + (double) list.historySize * Double.BYTES);
    }

    @Override
    public void close() {
        team.close();
    }
}
