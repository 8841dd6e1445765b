package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Linear dashpot for a linear spring: η = −2 ln e √(m* k) / √(π² + ln² e), the critical-damping fraction
 * that makes a linear spring–dashpot rebound with exactly the restitution e when the contact ends at
 * δ = 0 (e.g. Schäfer, Dippel, Wolf, J. Phys. I France 6 (1996) 5). F_d = η_n v_n, with k the normal
 * stiffness the normal part wrote; the tangential coefficient uses k_t = ratio × k_n. Like
 * {@link ViscoelasticDamping}, it acts only while the normal part carries an elastic force (k_n &gt; 0). No history.
 *
 * <p>As a part service ({@code contact.damping: linear}) the ratio k_t/k_n comes from the configuration PID
 * {@code org.calsim.dem.contact.LinearDashpot}, property {@code ktRatio}, by default that of
 * {@code linear-spring-dashpot} (2/7); set it to the ratio of the tangential and normal parts it is combined with.
 */
@Component(service = ContactPart.Damping.class,
        property = {ServiceProperties.NAME + "=" + LinearDashpot.NAME,
            ServiceProperties.DESCRIPTION + "=" + LinearDashpot.DESCRIPTION})
public final class LinearDashpot implements ContactPart.Damping {
    /** Service name of the part ({@code contact.damping: linear} in a job). */
    public static final String NAME = "linear";
    /** One line for {@code ./calsim list} and {@code describe}. */
    public static final String DESCRIPTION = "linear dashpot eta = -2 ln e sqrt(m* k) / sqrt(pi^2 + ln^2 e), exact "
            + "restitution e (with: restitution) for a linear spring (Schaefer, Dippel, Wolf 1996); tangential with "
            + "k_t = ktRatio k_n, ktRatio from the configuration PID org.calsim.dem.contact.LinearDashpot (default "
            + "2/7); no history";

    private final double tangentialStiffnessRatio;

    /** DS configuration of the part service. */
    public @interface Config {
        /** @return tangential to normal stiffness ratio k_t/k_n [1] */
        double ktRatio() default LinearSpringDashpotLaw.DEFAULT_KT_RATIO;
    }

    /** The part service, with its configured stiffness ratio. */
    @Activate
    public LinearDashpot(Config config) {
        this(config.ktRatio());
    }

    /** @param tangentialStiffnessRatio k_t / k_n of the law this dashpot belongs to (e.g. 2/7), ≥ 0 */
    public LinearDashpot(double tangentialStiffnessRatio) {
        if (!(tangentialStiffnessRatio >= 0)) {
            throw new IllegalArgumentException("k_t/k_n must be >= 0, was " + tangentialStiffnessRatio);
        }
        this.tangentialStiffnessRatio = tangentialStiffnessRatio;
    }

    /** @return η = −2 ln e √(m k) / √(π² + ln² e) [N·s/m] */
    public static double coefficient(double restitution, double mass, double stiffness) {
        double lnE = Math.log(restitution);
        return -2.0 * lnE * Math.sqrt(mass * stiffness) / Math.sqrt(Math.PI * Math.PI + lnE * lnE);
    }

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] history, int offset, ContactForce out) {
        if (g.overlap <= 0 || !(out.normalStiffness > 0)) {
            out.normalDamping = 0;
            out.tangentialDampingCoefficient = 0;
            return;
        }
        double kn = out.normalStiffness;
        out.normalDamping = coefficient(p.restitution(), g.effectiveMass, kn) * g.normalVelocity;
        out.tangentialDampingCoefficient = coefficient(p.restitution(), g.effectiveMass,
                tangentialStiffnessRatio * kn);
    }
}
