package org.calsim.runtime.registry;

import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.Coupler;
import org.calsim.api.stage.Solver;
import org.calsim.api.study.SweepExecutor;

/**
 * The kinds of calsim services, with the service interface each is registered under, in the order listings show
 * them: contact laws, then the contact parts a job composes a law from, by role in the order the law applies them.
 */
public enum ServiceKind {
    /** {@link ContactLaw}: a whole law (the presets) */
    CONTACT_LAW("contact-law", ContactLaw.class),
    /** {@link ContactPart.Normal} */
    CONTACT_NORMAL("contact-normal", ContactPart.Normal.class),
    /** {@link ContactPart.Damping} */
    CONTACT_DAMPING("contact-damping", ContactPart.Damping.class),
    /** {@link ContactPart.Cohesion} */
    CONTACT_COHESION("contact-cohesion", ContactPart.Cohesion.class),
    /** {@link ContactPart.Tangential} */
    CONTACT_TANGENTIAL("contact-tangential", ContactPart.Tangential.class),
    /** {@link ContactPart.Rolling} */
    CONTACT_ROLLING("contact-rolling", ContactPart.Rolling.class),
    /** {@link ContactPart.Bond} */
    CONTACT_BOND("contact-bond", ContactPart.Bond.class),
    /** {@link Coupler} */
    COUPLER("coupler", Coupler.class),
    /** {@link MaterialModel} */
    MATERIAL("material", MaterialModel.class),
    /** {@link Solver} that is not a {@link Coupler} */
    SOLVER("solver", Solver.class),
    /** {@link SweepExecutor}: where the points of sweeps run */
    SWEEP_EXECUTOR("sweep-executor", SweepExecutor.class);

    private final String label;
    private final Class<?> type;

    ServiceKind(String label, Class<?> type) {
        this.label = label;
        this.type = type;
    }

    /** @return the word used in listings, e.g. {@code contact-law} */
    public String label() {
        return label;
    }

    /** @return the service interface */
    public Class<?> type() {
        return type;
    }
}
