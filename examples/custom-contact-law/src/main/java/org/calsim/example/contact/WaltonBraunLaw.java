package org.calsim.example.contact;

import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactLaw;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Walton–Braun law as a calsim contact-law service: frictionless, the normal part is
 * {@link WaltonBraunNormal}. Its ranking of 100 makes it the law of every job that names no law while
 * this bundle is deployed; a job selects it by name with {@code contact_law: walton-braun}.
 *
 * <p>Stiffnesses come from the configuration {@code org.calsim.example.contact.walton} (a
 * {@code .cfg} file in {@code deploy/}, or Config Admin); the defaults suit micrometre NMC particles
 * (Hertz stiffness 2E*√(R*δ) ≈ 5·10⁴ N/m at R* = 2.5 µm, δ = 40 nm, E* = 100 GPa), e = √(k₁/k₂) = 0.5.
 */
@Component(service = ContactLaw.class, configurationPid = "org.calsim.example.contact.walton",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"calsim.name=walton-braun", "service.ranking:Integer=100"})
@Designate(ocd = WaltonBraunLaw.Config.class)
public final class WaltonBraunLaw extends ComposedContactLaw {

    /** Configuration of the law. */
    @ObjectClassDefinition(name = "Walton-Braun contact law")
    public @interface Config {
        /** @return loading stiffness k₁ [N/m] */
        @AttributeDefinition(description = "loading stiffness k1 [N/m]")
        double loadingStiffness() default 5.0e4;

        /** @return unloading stiffness k₂ [N/m] */
        @AttributeDefinition(description = "unloading stiffness k2 [N/m], >= k1")
        double unloadingStiffness() default 2.0e5;
    }

    @Activate
    public WaltonBraunLaw(Config config) {
        this(config.loadingStiffness(), config.unloadingStiffness());
    }

    /**
     * @param loadingStiffness   k₁ [N/m]
     * @param unloadingStiffness k₂ [N/m]
     */
    public WaltonBraunLaw(double loadingStiffness, double unloadingStiffness) {
        super(new WaltonBraunNormal(loadingStiffness, unloadingStiffness), null, null, null, null);
    }
}
