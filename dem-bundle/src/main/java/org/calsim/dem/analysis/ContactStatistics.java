package org.calsim.dem.analysis;

import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.Particles;

/**
 * Contact-network measures of a packing at one instant (review §3.2):
 *
 * <ul>
 * <li>mean coordination number Z = 2 N_c / N (all N particles); N_c counts the particle–particle contacts that
 *     touch (overlap &gt; 0) and carry a force: an elastic–plastic contact unloaded below its plastic overlap, which
 *     the engine keeps while the surfaces touch, carries none and is not counted;</li>
 * <li>fabric tensor Φ_ij = (1/N_c) Σ_c n_i n_j (eq 15), trace 1; its deviatoric part Φ' = Φ − I/3;</li>
 * <li>Love–Weber stress tensor σ_ij = (1/V) Σ_c l_i f_j over particle pairs (eq 16: with l = x_i − x_j
 *     and f the force on i, the same as (1/2V) Σ (r_1 F_1 + r_2 F_2) over both particles of a contact)
 *     plus Σ over wall contacts of (x_p − x_c)_i f_j, compressive positive; V = Lx Ly h. Bonded pairs
 *     that do not touch (a bond bridging a gap) carry force through the bond and count here.</li>
 * </ul>
 * Bonded pairs that do not touch are counted apart ({@link #bondedApart()}), not as contacts.
 */
public final class ContactStatistics {
    private final int contacts;
    private final int bondedApart;
    private final double coordination;
    private final double[] fabric = new double[9];
    private final double[] stress = new double[9];

    private ContactStatistics(int contacts, int bondedApart, double coordination) {
        this.contacts = contacts;
        this.bondedApart = bondedApart;
        this.coordination = coordination;
    }

    /**
     * @param engine the system after a force evaluation
     * @param height height of the volume the stress is averaged over (coating thickness) [m]
     */
    public static ContactStatistics of(DemEngine engine, double height) {
        Particles p = engine.particles();
        double volume = engine.box().area() * height;
        int[] count = {0, 0};
        double[] fab = new double[9];
        double[] sig = new double[9];
        engine.forEachContact((i, j, dx, dy, dz, fx, fy, fz) -> {
            double d2 = dx * dx + dy * dy + dz * dz;
            double reach = p.radius(i) + p.radius(j);
            add(sig, dx, dy, dz, fx, fy, fz);
            if (d2 >= reach * reach) {
                count[1]++; // held by a bond across a gap
            } else if (fx != 0 || fy != 0 || fz != 0) {
                count[0]++;
                add(fab, dx, dy, dz, dx / d2, dy / d2, dz / d2); // n n = l l / |l|²
            }
        });
        addWallContacts(engine, sig, (i, arm) -> true);
        int n = Math.max(1, p.size());
        ContactStatistics s = new ContactStatistics(count[0], count[1], 2.0 * count[0] / n);
        for (int k = 0; k < 9; k++) {
            s.fabric[k] = count[0] == 0 ? 0 : fab[k] / count[0];
            s.stress[k] = sig[k] / volume;
        }
        return s;
    }

    /** Chooses wall contacts by particle and branch vector. */
    @FunctionalInterface
    interface WallContactFilter {
        /**
         * @param i   the particle
         * @param arm branch vector from the contact point to the particle centre [m]
         * @return whether the contact counts
         */
        boolean accept(int i, double[] arm);
    }

    /**
     * Adds Σ (x_p − x_c) ⊗ f over the wall contacts that {@code keep} accepts to {@code sigma} (eq 16, not yet divided by
     * the volume): the branch from the contact point to the centre is (r − δ) n, f the force the wall exerts.
     */
    static void addWallContacts(DemEngine engine, double[] sigma, WallContactFilter keep) {
        Particles p = engine.particles();
        for (int w = 0; w < engine.walls().size(); w++) {
            for (int i = 0; i < p.size(); i++) {
                double fx = -engine.wallForceOn(i, w, 0);
                double fy = -engine.wallForceOn(i, w, 1);
                double fz = -engine.wallForceOn(i, w, 2);
                if (fx == 0 && fy == 0 && fz == 0) {
                    continue;
                }
                double[] arm = engine.walls().get(w).branch(p, engine.box(), i);
                if (keep.accept(i, arm)) {
                    add(sigma, arm[0], arm[1], arm[2], fx, fy, fz);
                }
            }
        }
    }

    /** Adds the outer product u ⊗ v to the 3 × 3 tensor t (row major). */
    static void add(double[] t, double ux, double uy, double uz, double vx, double vy, double vz) {
        t[0] += ux * vx;
        t[1] += ux * vy;
        t[2] += ux * vz;
        t[3] += uy * vx;
        t[4] += uy * vy;
        t[5] += uy * vz;
        t[6] += uz * vx;
        t[7] += uz * vy;
        t[8] += uz * vz;
    }

    /** @return number of particle–particle contacts N_c */
    public int contacts() {
        return contacts;
    }

    /** @return bonded particle pairs whose surfaces do not touch (bonds across a gap), not counted in N_c */
    public int bondedApart() {
        return bondedApart;
    }

    /** @return mean coordination number Z = 2 N_c / N */
    public double coordination() {
        return coordination;
    }

    /** @return fabric tensor component Φ_ab (eq 15), a, b in 0..2 [1] */
    public double fabric(int a, int b) {
        return fabric[3 * a + b];
    }

    /** @return deviatoric fabric Φ'_ab = Φ_ab − δ_ab/3 [1] */
    public double fabricDeviator(int a, int b) {
        return fabric[3 * a + b] - (a == b ? 1.0 / 3.0 : 0);
    }

    /** @return stress tensor component σ_ab (eq 16), compressive positive [Pa] */
    public double stress(int a, int b) {
        return stress[3 * a + b];
    }
}
