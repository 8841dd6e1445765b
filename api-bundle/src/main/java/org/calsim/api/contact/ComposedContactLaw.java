package org.calsim.api.contact;

import java.util.Arrays;

/**
 * A contact law made of parts, in the order normal, damping, cohesion, tangential, rolling (the order of
 * the GRANULAR package of LAMMPS), and optionally a bond last. Each part gets its own consecutive block of
 * history slots. Parts other than the normal one may be {@code null} (absent).
 *
 * <p>To publish a composition as a service, extend this class and pass the parts to the constructor;
 * the force calculation itself cannot be overridden.
 */
public class ComposedContactLaw implements ContactLaw {
    private final ContactPart[] parts;
    private final int[] offsets;
    private final int historySize;
    private final ContactPart.Bond bond;
    private final int bondOffset;
    // the parts by role, so that each call site in compute() sees one class per law (monomorphic, inlined)
    private final ContactPart.Normal normal;
    private final ContactPart.Damping damping;
    private final ContactPart.Cohesion cohesion;
    private final ContactPart.Tangential tangential;
    private final ContactPart.Rolling rolling;
    private final int dampingOffset;
    private final int cohesionOffset;
    private final int tangentialOffset;
    private final int rollingOffset;

    /**
     * @param normal     required
     * @param damping    or {@code null}
     * @param cohesion   or {@code null}
     * @param tangential or {@code null} (frictionless)
     * @param rolling    or {@code null}
     */
    public ComposedContactLaw(ContactPart.Normal normal, ContactPart.Damping damping, ContactPart.Cohesion cohesion,
                              ContactPart.Tangential tangential, ContactPart.Rolling rolling) {
        this(normal, damping, cohesion, tangential, rolling, null);
    }

    /**
     * A law with a bond part (bonded-particle model): the bond acts in parallel with the contact parts.
     *
     * @param bond or {@code null} (no bonds)
     */
    public ComposedContactLaw(ContactPart.Normal normal, ContactPart.Damping damping, ContactPart.Cohesion cohesion,
                              ContactPart.Tangential tangential, ContactPart.Rolling rolling, ContactPart.Bond bond) {
        if (normal == null) {
            throw new IllegalArgumentException("a composed contact law needs a normal part");
        }
        ContactPart[] all = {normal, damping, cohesion, tangential, rolling, bond};
        int n = 0;
        for (ContactPart p : all) {
            if (p != null) {
                n++;
            }
        }
        parts = new ContactPart[n];
        offsets = new int[n];
        int k = 0;
        int slots = 0;
        for (ContactPart p : all) {
            if (p != null) {
                parts[k] = p;
                offsets[k] = slots;
                slots += p.historySize();
                k++;
            }
        }
        historySize = slots;
        this.normal = normal;
        this.damping = damping;
        this.cohesion = cohesion;
        this.tangential = tangential;
        this.rolling = rolling;
        this.bond = bond;
        this.dampingOffset = offsetOf(damping);
        this.cohesionOffset = offsetOf(cohesion);
        this.tangentialOffset = offsetOf(tangential);
        this.rollingOffset = offsetOf(rolling);
        this.bondOffset = offsetOf(bond);
    }

    private int offsetOf(ContactPart part) {
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] == part) {
                return offsets[k];
            }
        }
        return -1;
    }

    @Override
    public final int historySize() {
        return historySize;
    }

    /**
     * @return the first history slot of part {@code index} (in composition order, absent parts skipped)
     * @deprecated nothing reads a part's slots from outside the law (each part gets its offset in
     *             {@link #compute}); to be removed with the next major version of this package, which plugins built
     *             against 1.x would not resolve with
     */
    @Deprecated(since = "1.3", forRemoval = true)
    public final int partOffset(int index) {
        return offsets[index];
    }

    /**
     * Maps the history of {@code previous} onto this law's layout, for a law swapped in while contacts exist
     * (a hot swap at a step boundary). A part's slots carry over when {@code previous} is composed too and has a part
     * of the same class in the same role (normal, damping, cohesion, tangential, rolling, bond): the same class keeps
     * the same slots with the same meaning, so a stored tangential spring, plastic overlap or bond survives the swap.
     * Every other slot starts from zero, as for a new contact.
     *
     * @param previous the law used until now
     * @return for each slot s of this law ({@code 0 … historySize()−1}), the slot of {@code previous} that holds the
     *         same quantity, or −1
     */
    public final int[] historyCarriedFrom(ContactLaw previous) {
        int[] map = new int[historySize];
        Arrays.fill(map, -1);
        if (!(previous instanceof ComposedContactLaw)) {
            return map;
        }
        ComposedContactLaw old = (ComposedContactLaw) previous;
        ContactPart[] mine = roles();
        int[] myOffsets = roleOffsets();
        ContactPart[] theirs = old.roles();
        int[] theirOffsets = old.roleOffsets();
        for (int r = 0; r < mine.length; r++) {
            if (mine[r] != null && theirs[r] != null && mine[r].getClass() == theirs[r].getClass()) {
                for (int s = 0, n = mine[r].historySize(); s < n; s++) {
                    map[myOffsets[r] + s] = theirOffsets[r] + s;
                }
            }
        }
        return map;
    }

    /**
     * @return the parts in the roles normal, damping, cohesion, tangential, rolling, bond (in that order; an absent
     *         part is {@code null}), for an engine that recognises a composition it has a specialised kernel for
     * @since 1.5
     */
    public final ContactPart[] partsByRole() {
        return roles();
    }

    private ContactPart[] roles() {
        return new ContactPart[] {normal, damping, cohesion, tangential, rolling, bond};
    }

    private int[] roleOffsets() {
        return new int[] {0, dampingOffset, cohesionOffset, tangentialOffset, rollingOffset, bondOffset};
    }

    @Override
    public final void compute(ContactGeometry geometry, PairProperties properties, double[] history, int offset,
                        ContactForce out) {
        out.clear();
        normal.apply(geometry, properties, history, offset, out);
        if (damping != null) {
            damping.apply(geometry, properties, history, offset + dampingOffset, out);
        }
        if (cohesion != null) {
            cohesion.apply(geometry, properties, history, offset + cohesionOffset, out);
        }
        if (tangential != null) {
            tangential.apply(geometry, properties, history, offset + tangentialOffset, out);
        }
        if (rolling != null) {
            rolling.apply(geometry, properties, history, offset + rollingOffset, out);
        }
        if (bond != null) {
            bond.apply(geometry, properties, history, offset + bondOffset, out);
        }
    }

    @Override
    public final boolean engaged(double[] history, int offset) {
        return bond != null && bond.intact(history, offset + bondOffset);
    }

    @Override
    public final boolean formBond(ContactGeometry geometry, BondSpec spec, double[] history, int offset) {
        if (bond == null) {
            return false;
        }
        bond.form(geometry, spec, history, offset + bondOffset);
        return true;
    }

    @Override
    public final boolean bondBroken(double[] history, int offset) {
        return bond != null && bond.broken(history, offset + bondOffset);
    }
}
