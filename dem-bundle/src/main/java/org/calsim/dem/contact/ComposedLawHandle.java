package org.calsim.dem.contact;

import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.stage.Swappable;

/**
 * The contact law a job composes from part services ({@code contact: {normal: hertz, tangential: mindlin}}), handed
 * to a stage as a hot-swappable law like a preset's. It holds one {@link Swappable} per part, so each part is swapped
 * on its own, and the runtime records the swap of that part (its role and name) in the job's provenance.
 *
 * <p>{@link #acquire} acquires every part at the step boundary and builds a new {@link ComposedContactLaw} only when
 * one of them is another instance than at the last step; otherwise it returns the same law, so the step loop
 * allocates nothing. The engine then keeps the history of every part that did not change (same class in the same
 * role, {@link ComposedContactLaw#historyCarriedFrom}) and starts the changed part's slots from zero.
 *
 * <p>Not thread-safe: one stage thread acquires it, once per step.
 */
public final class ComposedLawHandle implements Swappable<ContactLaw> {
    private final String composition;
    private final Swappable<? extends ContactPart.Normal> normal;
    private final Swappable<? extends ContactPart.Damping> damping;
    private final Swappable<? extends ContactPart.Cohesion> cohesion;
    private final Swappable<? extends ContactPart.Tangential> tangential;
    private final Swappable<? extends ContactPart.Rolling> rolling;
    private final Swappable<? extends ContactPart.Bond> bond;
    private ContactPart.Normal normalPart;
    private ContactPart.Damping dampingPart;
    private ContactPart.Cohesion cohesionPart;
    private ContactPart.Tangential tangentialPart;
    private ContactPart.Rolling rollingPart;
    private ContactPart.Bond bondPart;
    private ContactLaw law;

    /**
     * @param composition the parts as the job names them, e.g. {@code {normal: hertz, tangential: mindlin}}, for
     *                    messages
     * @param normal      required
     * @param damping     or {@code null} (no part of this role); likewise the others
     */
    public ComposedLawHandle(String composition, Swappable<? extends ContactPart.Normal> normal,
                             Swappable<? extends ContactPart.Damping> damping,
                             Swappable<? extends ContactPart.Cohesion> cohesion,
                             Swappable<? extends ContactPart.Tangential> tangential,
                             Swappable<? extends ContactPart.Rolling> rolling,
                             Swappable<? extends ContactPart.Bond> bond) {
        if (normal == null) {
            throw new IllegalArgumentException("a composed contact law needs a normal part: " + composition);
        }
        this.composition = composition;
        this.normal = normal;
        this.damping = damping;
        this.cohesion = cohesion;
        this.tangential = tangential;
        this.rolling = rolling;
        this.bond = bond;
    }

    /** @return the law of the parts acquired for {@code step}: the last step's law unless a part changed */
    @Override
    public ContactLaw acquire(long step) {
        ContactPart.Normal n = normal.acquire(step);
        ContactPart.Damping d = damping == null ? null : damping.acquire(step);
        ContactPart.Cohesion c = cohesion == null ? null : cohesion.acquire(step);
        ContactPart.Tangential t = tangential == null ? null : tangential.acquire(step);
        ContactPart.Rolling r = rolling == null ? null : rolling.acquire(step);
        ContactPart.Bond b = bond == null ? null : bond.acquire(step);
        if (law == null || n != normalPart || d != dampingPart || c != cohesionPart || t != tangentialPart
                || r != rollingPart || b != bondPart) {
            normalPart = n;
            dampingPart = d;
            cohesionPart = c;
            tangentialPart = t;
            rollingPart = r;
            bondPart = b;
            law = new Composition(composition, n, d, c, t, r, b);
        }
        return law;
    }

    /** @return the composition and, for each part, the implementation last acquired */
    @Override
    public String describeCurrent() {
        StringBuilder sb = new StringBuilder("contact ").append(composition).append(": normal ")
                .append(normal.describeCurrent());
        append(sb, "damping", damping);
        append(sb, "cohesion", cohesion);
        append(sb, "tangential", tangential);
        append(sb, "rolling", rolling);
        append(sb, "bond", bond);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String role, Swappable<?> part) {
        if (part != null) {
            sb.append(", ").append(role).append(' ').append(part.describeCurrent());
        }
    }

    /** A composed law that names its composition (in the stages' messages, e.g. the time-step note). */
    private static final class Composition extends ComposedContactLaw {
        private final String name;

        Composition(String name, ContactPart.Normal normal, ContactPart.Damping damping, ContactPart.Cohesion cohesion,
                    ContactPart.Tangential tangential, ContactPart.Rolling rolling, ContactPart.Bond bond) {
            super(normal, damping, cohesion, tangential, rolling, bond);
            this.name = name;
        }

        @Override
        public String toString() {
            return "contact " + name;
        }
    }
}
