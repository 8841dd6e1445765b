package org.calsim.dem.contact;

import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code linear-spring-dashpot}: {@link HookeNormal} + {@link LinearDashpot} (exact restitution e of the
 * pair) + {@link LinearTangential} with Coulomb friction (the pair's μ) — Cundall and Strack,
 * Géotechnique 29 (1979) 47. History: 3 slots.
 *
 * <p>Configuration (DS properties, PID {@code org.calsim.dem.contact.LinearSpringDashpotLaw}):
 * <ul>
 * <li>{@code kn} normal stiffness [N/m], default 1e5. That is the Hertz tangent stiffness
 * 2E*√(R*δ) of two 5 µm NMC622 spheres (E = 140 GPa, ν = 0.3, so E* = 76.9 GPa, R* = 2.5 µm) at
 * δ ≈ 170 nm ≈ 3 % of the radius, the overlaps calendering reaches; for other particles derive it the
 * same way from the overlap of interest.</li>
 * <li>{@code ktRatio} k_t / k_n [1], default 2/7 (the ratio for which tangential and normal oscillation
 * periods of a sphere agree, commonly used with linear laws).</li>
 * </ul>
 */
@Component(service = ContactLaw.class, property = {ServiceProperties.NAME + "=" + LinearSpringDashpotLaw.NAME,
    ServiceProperties.DESCRIPTION + "=" + LinearSpringDashpotLaw.DESCRIPTION})
public final class LinearSpringDashpotLaw extends ComposedContactLaw {
    /** Service name. */
    public static final String NAME = "linear-spring-dashpot";
    /** One line for {@code ./calsim list}: the parts this preset is made of. */
    public static final String DESCRIPTION = "preset, the same as contact: {"
            + "normal: " + HookeNormal.NAME
            + ", damping: " + LinearDashpot.NAME
            + ", tangential: " + LinearTangential.NAME
            + "}, with its own k_n and k_t: configuration PID org.calsim.dem.contact.LinearSpringDashpotLaw (kn [N/m], "
            + "ktRatio; default 1e5 and 2/7)";
    /** Default normal stiffness [N/m]. */
    public static final double DEFAULT_KN = 1.0e5;
    /** Default k_t / k_n. */
    public static final double DEFAULT_KT_RATIO = 2.0 / 7.0;

    /** DS configuration of the law. */
    public @interface Config {
        /** @return normal stiffness k_n [N/m] */
        double kn() default DEFAULT_KN;

        /** @return tangential to normal stiffness ratio k_t/k_n [1] */
        double ktRatio() default DEFAULT_KT_RATIO;
    }

    private final double kn;
    private final double kt;

    @Activate
    public LinearSpringDashpotLaw(Config config) {
        this(config.kn(), config.ktRatio() * config.kn());
    }

    /**
     * @param kn normal stiffness [N/m]
     * @param kt tangential stiffness [N/m]
     */
    public LinearSpringDashpotLaw(double kn, double kt) {
        super(new HookeNormal(kn), new LinearDashpot(kt / kn), null, new LinearTangential(kt), null);
        this.kn = kn;
        this.kt = kt;
    }

    /** @return normal stiffness [N/m] */
    public double kn() {
        return kn;
    }

    /** @return tangential stiffness [N/m] */
    public double kt() {
        return kt;
    }

    @Override
    public String toString() {
        return NAME + "(kn=" + kn + " N/m, kt=" + kt + " N/m)";
    }
}
