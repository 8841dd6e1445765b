package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Linear (Hooke) normal spring: F_n = k_n δ [N] with a constant stiffness k_n [N/m] (Cundall and Strack, Géotechnique
 * 29 (1979) 47). No history.
 *
 * <p>As a part service ({@code contact.normal: hooke}) k_n comes from the configuration PID
 * {@code org.calsim.dem.contact.HookeNormal}, property {@code kn} [N/m], by default that of
 * {@code linear-spring-dashpot} ({@link LinearSpringDashpotLaw#DEFAULT_KN}); a new configuration swaps the part into
 * running jobs at their next step.
 */
@Component(service = ContactPart.Normal.class,
        property = {ServiceProperties.NAME + "=" + HookeNormal.NAME,
            ServiceProperties.DESCRIPTION + "=" + HookeNormal.DESCRIPTION})
public final class HookeNormal implements ContactPart.Normal {
    /** Service name of the part ({@code contact.normal: hooke} in a job). */
    public static final String NAME = "hooke";
    /** One line for {@code ./calsim list} and {@code describe}. */
    public static final String DESCRIPTION = "linear spring F = k_n delta (Cundall and Strack 1979); k_n from the "
            + "configuration PID org.calsim.dem.contact.HookeNormal (kn [N/m], default 1e5); no history";

    private final double kn;

    /** DS configuration of the part service. */
    public @interface Config {
        /** @return normal stiffness k_n [N/m] */
        double kn() default LinearSpringDashpotLaw.DEFAULT_KN;
    }

    /** The part service, with its configured stiffness. */
    @Activate
    public HookeNormal(Config config) {
        this(config.kn());
    }

    /** @param kn normal stiffness [N/m], &gt; 0 */
    public HookeNormal(double kn) {
        if (!(kn > 0) || Double.isInfinite(kn)) {
            throw new IllegalArgumentException("normal stiffness must be a finite number > 0 N/m, was " + kn);
        }
        this.kn = kn;
    }

    /** @return the normal stiffness [N/m] */
    public double stiffness() {
        return kn;
    }

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] history, int offset, ContactForce out) {
        if (g.overlap <= 0) {
            out.normalElastic = 0;
            out.normalStiffness = 0;
            return;
        }
        out.normalElastic = kn * g.overlap;
        out.normalStiffness = kn;
    }
}
