package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Tangential spring of constant stiffness k_t [N/m] with Coulomb limit ({@link TangentialSpring}; Cundall and Strack,
 * Géotechnique 29 (1979) 47).
 *
 * <p>As a part service ({@code contact.tangential: linear}) k_t comes from the configuration PID
 * {@code org.calsim.dem.contact.LinearTangential}, property {@code kt} [N/m], by default that of
 * {@code linear-spring-dashpot}: 2/7 of its default k_n.
 */
@Component(service = ContactPart.Tangential.class,
        property = {ServiceProperties.NAME + "=" + LinearTangential.NAME,
            ServiceProperties.DESCRIPTION + "=" + LinearTangential.DESCRIPTION})
public final class LinearTangential extends TangentialSpring {
    /** Service name of the part ({@code contact.tangential: linear} in a job). */
    public static final String NAME = "linear";
    /** One line for {@code ./calsim list} and {@code describe}. */
    public static final String DESCRIPTION = "spring of constant k_t, incremental, Coulomb limit mu F_n (Cundall and "
            + "Strack 1979); mu from with: friction; k_t from the configuration PID "
            + "org.calsim.dem.contact.LinearTangential (kt [N/m], default 2/7 x 1e5); 3 history slots (tangential "
            + "displacement)";

    private final double kt;

    /** DS configuration of the part service. */
    public @interface Config {
        /** @return tangential stiffness k_t [N/m] */
        double kt() default LinearSpringDashpotLaw.DEFAULT_KT_RATIO * LinearSpringDashpotLaw.DEFAULT_KN;
    }

    /** The part service, with its configured stiffness. */
    @Activate
    public LinearTangential(Config config) {
        this(config.kt());
    }

    /** @param kt tangential stiffness [N/m], ≥ 0 (often 2/7 of k_n) */
    public LinearTangential(double kt) {
        if (!(kt >= 0) || Double.isInfinite(kt)) {
            throw new IllegalArgumentException("tangential stiffness must be a finite number >= 0 N/m, was " + kt);
        }
        this.kt = kt;
    }

    @Override
    protected double stiffness(ContactGeometry g, PairProperties p, ContactForce out) {
        return kt;
    }
}
