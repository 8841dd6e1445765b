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
    /** where this worker's list of wall contacts in contact starts, and its length ({@link WallContacts#begin}) */
    int wallFirst, wallCount;
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

    /** Forgets the stiffest contact before a force evaluation. */
    void clearStiffest() {
        omega2 = 0;
        stiffI = -1;
    }
}
