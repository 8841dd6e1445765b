package org.calsim.example.part;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Linear hysteretic normal force of Walton and Braun (J. Rheol. 30 (1986) 949), published as a calsim contact part:
 * only the normal force, which a job combines with the built-in damping, tangential, rolling and cohesion parts,
 * e.g. {@code contact: {normal: walton-braun, tangential: mindlin, rolling: epsd2}}. (The plugin
 * {@code examples/custom-contact-law} publishes the same model as a whole, frictionless law.)
 *
 * <p>Loading (δ ≥ δ_max so far): F = k₁ δ [N]. Unloading: F = k₂ (δ − δ₀) with δ₀ = δ_max (1 − k₁/k₂), and F = 0
 * below δ₀: a contact keeps a plastic overlap, and a binary collision without any damping part has the coefficient
 * of restitution e = √(k₁/k₂). It writes {@link ContactForce#normalStiffness} (k₁ loading, k₂ unloading), which the
 * damping and rolling parts that follow read. History: one slot, the largest overlap δ_max [m].
 *
 * <p>Stiffnesses come from the configuration {@code org.calsim.example.part.walton} (a {@code .cfg} file in
 * {@code deploy/}, or Config Admin); the defaults suit micrometre NMC particles (Hertz stiffness 2E*√(R*δ) ≈ 5·10⁴
 * N/m at R* = 2.5 µm, δ = 40 nm, E* = 100 GPa), e = 0.5. The rules of every part: no mutable state in the object (one
 * instance serves every contact of every job, from several threads), per-contact state only in the declared history
 * slots, no allocation in {@link #apply}.
 */
@Component(service = ContactPart.Normal.class, configurationPid = "org.calsim.example.part.walton",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"calsim.name=walton-braun", "calsim.description=Walton-Braun linear hysteretic normal force "
                + "(Walton and Braun 1986): k1 delta loading, k2 (delta - delta0) unloading, e = sqrt(k1/k2); "
                + "configuration PID org.calsim.example.part.walton; 1 history slot"})
@Designate(ocd = WaltonBraunNormal.Config.class)
public final class WaltonBraunNormal implements ContactPart.Normal {
    private final double loadingStiffness;
    private final double unloadingStiffness;

    /** Configuration of the part. */
    @ObjectClassDefinition(name = "Walton-Braun normal contact part")
    public @interface Config {
        /** @return loading stiffness k₁ [N/m] */
        @AttributeDefinition(description = "loading stiffness k1 [N/m]")
        double loadingStiffness() default 5.0e4;

        /** @return unloading stiffness k₂ [N/m] */
        @AttributeDefinition(description = "unloading stiffness k2 [N/m], >= k1")
        double unloadingStiffness() default 2.0e5;
    }

    /** The part service, with its configured stiffnesses. */
    @Activate
    public WaltonBraunNormal(Config config) {
        this(config.loadingStiffness(), config.unloadingStiffness());
    }

    /**
     * @param loadingStiffness   k₁ [N/m], &gt; 0
     * @param unloadingStiffness k₂ [N/m], ≥ k₁
     */
    public WaltonBraunNormal(double loadingStiffness, double unloadingStiffness) {
        if (!(loadingStiffness > 0) || !(unloadingStiffness >= loadingStiffness)
                || Double.isInfinite(unloadingStiffness)) {
            throw new IllegalArgumentException("Walton-Braun stiffness: need k1 > 0 and k2 >= k1, both finite, got k1 = "
                    + loadingStiffness + " N/m, k2 = " + unloadingStiffness + " N/m");
        }
        this.loadingStiffness = loadingStiffness;
        this.unloadingStiffness = unloadingStiffness;
    }

    @Override
    public int historySize() {
        return 1;
    }

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] history, int offset, ContactForce out) {
        double delta = g.overlap;
        if (delta <= 0) {
            out.normalElastic = 0;
            out.normalStiffness = 0;
            return;
        }
        double deltaMax = history[offset];
        if (delta >= deltaMax) {
            history[offset] = delta;
            out.normalElastic = loadingStiffness * delta;
            out.normalStiffness = loadingStiffness;
            return;
        }
        double delta0 = deltaMax * (1 - loadingStiffness / unloadingStiffness);
        double f = unloadingStiffness * (delta - delta0);
        out.normalElastic = Math.max(0, f);
        out.normalStiffness = f > 0 ? unloadingStiffness : 0;
    }
}
