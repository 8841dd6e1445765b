package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.calsim.api.contact.BondSpec;
import org.calsim.api.contact.ContactGeometry;

/**
 * The bonds between particles (cemented contacts, carbon-binder bridges): formation, the count of bonds formed,
 * intact and released. A bond lives in the history slots of its neighbour-list entry, written by the law's bond part
 * ({@link org.calsim.api.contact.ContactLaw#formBond}); the pair pass computes its force like any contact, and the
 * list keeps a pair whose law is still {@link org.calsim.api.contact.ContactLaw#engaged engaged} however far apart it
 * moves. A hot swap to a law without the same bond part releases the intact bonds, counted apart from broken ones.
 * Lengths in m, the step in s.
 */
final class Bonds {
    private final Particles particles;
    private final PeriodicBox box;
    private final NeighbourList list;
    private final ContactKernel kernel;
    private int formed;
    private int released;
    /** whether a bond may be intact (otherwise no pair apart is asked whether it is engaged) */
    private boolean any;

    Bonds(Particles particles, PeriodicBox box, NeighbourList list, ContactKernel kernel) {
        this.particles = particles;
        this.box = box;
        this.list = list;
        this.kernel = kernel;
    }

    /** @return whether a bond may be intact */
    boolean any() {
        return any;
    }

    /** @return bonds formed so far */
    int formed() {
        return formed;
    }

    /** @return intact bonds released by swaps to laws without the same bond part */
    int released() {
        return released;
    }

    /**
     * Forms bonds between every listed pair whose surfaces are within {@code gap} [m] and that {@code which} accepts,
     * with the law's bond part; the geometry is measured in {@code g} with step {@code dt} [s].
     *
     * @return number of bonds formed (0 when the law has no bond part)
     */
    int form(BondSpec spec, double gap, DemEngine.PairFilter which, ContactGeometry g, double dt) {
        int count = 0;
        int hs = list.historySize;
        Particles p = particles;
        for (int i = 0; i < p.size; i++) {
            for (int k = list.start[i]; k < list.start[i + 1]; k++) {
                int j = list.partner[k];
                double dx = box.imageX(p.x[i] - p.x[j]);
                double dy = box.imageY(p.y[i] - p.y[j]);
                double dz = p.z[i] - p.z[j];
                double dist = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double overlap = p.radius[i] + p.radius[j] - dist;
                if (-overlap > gap || !which.accept(i, j)) {
                    continue;
                }
                ContactKernel.pair(g, p, i, j, dx, dy, dz, dist, dt);
                if (kernel.law.formBond(g, spec, list.history, k * hs)) {
                    list.touching[k] = 1;
                    count++;
                }
            }
        }
        formed += count;
        any |= count > 0;
        return count;
    }

    /** @return bonds still intact: touching entries the law holds engaged */
    int intact() {
        if (!any) {
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

    /** Forgets every bond: the first law has none. */
    void clear() {
        any = false;
    }

    /**
     * Counts the bonds a hot swap released, once the history is in the new law's layout.
     *
     * @param intactBefore bonds intact under the previous law
     * @return bonds the swap released
     */
    int afterSwap(int intactBefore) {
        any = formed > 0;
        int now = Math.max(0, intactBefore - intact());
        any = intact() > 0;
        released += now;
        return now;
    }

    /** Writes the counts of bonds formed and released. */
    void save(DataOutput out) throws IOException {
        out.writeInt(formed);
        out.writeInt(released);
    }

    /** Reads what {@link #save} wrote. */
    void load(DataInput in) throws IOException {
        formed = in.readInt();
        released = in.readInt();
        any = formed > 0;
    }
}
