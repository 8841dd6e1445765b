package org.calsim.runtime.registry;

import org.calsim.api.contact.ContactLaw;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.Coupler;
import org.calsim.api.stage.Solver;
import org.calsim.api.study.SweepExecutor;

/** The kinds of calsim services, with the service interface each is registered under. */
public enum ServiceKind {
    /** {@link ContactLaw} */
    CONTACT_LAW("contact-law", ContactLaw.class),
    /** {@link MaterialModel} */
    MATERIAL("material", MaterialModel.class),
    /** {@link Solver} that is not a {@link Coupler} */
    SOLVER("solver", Solver.class),
    /** {@link Coupler} */
    COUPLER("coupler", Coupler.class),
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
