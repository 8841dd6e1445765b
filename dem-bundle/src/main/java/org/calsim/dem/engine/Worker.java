package org.calsim.dem.engine;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;

/**
 * What one worker thread of the {@link DemEngine} reuses and reports within a step: the holders every contact of the
 * worker fills ({@link ContactKernel}), the last contact's force and torques, and what the worker saw for the
 * coordinator to act on after the pass — the largest displacement since the last neighbour-list build, the first
 * non-finite particle or overlap beyond the limit ({@link BlowUpMonitor}), and the stiffest contact of the evaluation
 * ({@link Integrator#limitTimeStep}). Partners are encoded as a particle index j ≥ 0 or −1 − w for wall w.
 */
final class Worker {
    /** values per logged contact across workers: force on i (3), torque on j (3) */
    static final int CROSS_VALUES = 6;
    final ContactGeometry geometry = new ContactGeometry();
    final ContactForce force = new ContactForce();
    /** a wall's answer for the particle at hand: unit normal (3) and surface velocity at the contact (3) */
    final double[] wall = new double[6];
    /** the last contact: force on i [N] */
    double fx, fy, fz;
    /** the last contact: torque on i [N·m] */
    double tix, tiy, tiz;
    /** the last contact: torque on j [N·m] (particle partners only) */
    double tjx, tjy, tjz;
    /** a particle's force (3, [N]) and torque (3, [N·m]) summed so far, handed to {@link PairForces#generalRest} */
    final double[] sums = new double[6];
    /** the last contact's tangential force on i [N] ({@link HertzMindlinKernel}) */
    double ftx, fty, ftz;
    /**
     * the contacts of the last pair pass whose partner belongs to a higher worker, in the order computed: partner j,
     * and per contact 6 values from {@code 6c}: force on i (3) [N] and torque on j (3) [N·m]; the higher worker adds
     * them ({@link PairForces#addCrossContacts}). Sized when the shares are split ({@link #expectCross}).
     */
    int[] crossPartner = new int[0];
    double[] crossValues = new double[0];
    /** contacts in the log */
    int crossCount;
    /** where this worker's list of wall contacts in contact starts, and its length ({@link WallContacts#begin}) */
    int wallFirst, wallCount;
    /** per wall, the length of the list after that wall's contacts (the list holds them wall by wall) */
    int[] wallEnds = new int[0];
    /** largest squared displacement of the worker's particles since the last list build [m²] */
    double maxDisplacement2;
    /** first particle with a non-finite position or velocity, or with too large an overlap; −1: none */
    int badParticle = -1;
    /** partner of the too large overlap */
    int badPartner = -1;
    /** that overlap [m] */
    double badOverlap;
    /** whether {@link #badParticle} is non-finite (not overlapping) */
    boolean nan;
    /** the stiffest contact of the last evaluation: ω² = k (1/m_i + 1/m_j) [1/s²] */
    double omega2;
    /** its normal stiffness k [N/m] */
    double stiffness;
    /** its particle, −1 before any contact */
    int stiffI = -1;
    /** its partner */
    int stiffJ;

    /**
     * Allocated last, so that the next worker's state, allocated after this one's, does not share a cache line with
     * what this worker writes per contact ({@link #wall}, the fields above): two cores writing one line take it from
     * each other at every write (false sharing; bench/dem on two threads, median of five runs: 9.4 → 10.3 M
     * particle-steps/s with the spacer). A collector that moves the objects may bring them together again, which costs
     * speed, never a number.
     */
    @SuppressWarnings("unused")
    private final long[] spacer = new long[16];

    /**
     * Notes a contact of normal stiffness k [N/m] when it is the stiffest of the evaluation so far, by
     * ω² = k (1/m_i + 1/m_j), and when it overlaps beyond {@code limit} as the first such contact.
     *
     * @param invMassSum 1/m_i + 1/m_j [1/kg]
     * @param overlap    δ [m]
     * @param limit      largest overlap allowed [m]
     */
    void note(double k, double invMassSum, double overlap, double limit, int i, int partner) {
        double w2 = k * invMassSum;
        if (w2 > omega2) {
            omega2 = w2;
            stiffness = k;
            stiffI = i;
            stiffJ = partner;
        }
        if (overlap > limit && badParticle < 0) {
            badParticle = i;
            badPartner = partner;
            badOverlap = overlap;
        }
    }

    /** Makes room in the log for {@code entries} contacts across (half as much again when it grows). */
    void expectCross(int entries) {
        if (crossPartner.length < entries) {
            int capacity = Math.max(entries, crossPartner.length * 3 / 2);
            crossPartner = new int[capacity];
            crossValues = new double[CROSS_VALUES * capacity];
        }
    }

    /** Logs a contact whose partner j belongs to a higher worker: force on i [N], torque on j [N·m]. */
    void logCross(int j, double fx, double fy, double fz, double tjx, double tjy, double tjz) {
        int c = crossCount++;
        crossPartner[c] = j;
        int o = CROSS_VALUES * c;
        crossValues[o] = fx;
        crossValues[o + 1] = fy;
        crossValues[o + 2] = fz;
        crossValues[o + 3] = tjx;
        crossValues[o + 4] = tjy;
        crossValues[o + 5] = tjz;
    }

    /** Forgets the stiffest contact before a force evaluation. */
    void clearStiffest() {
        omega2 = 0;
        stiffI = -1;
    }
}
