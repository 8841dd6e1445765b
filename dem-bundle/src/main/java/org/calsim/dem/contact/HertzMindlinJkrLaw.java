package org.calsim.dem.contact;

import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * {@code hertz-mindlin-jkr}: {@link HertzNormal} + {@link ViscoelasticDamping} + {@link SimplifiedJkrCohesion}
 * (the pair's work of adhesion Γ) + {@link MindlinTangential}. Together the normal and cohesion parts give the
 * JKR force 4E*a³/(3R*) − √(8πΓE*a³) at the Hertzian contact radius a = √(R*δ). The Coulomb limit uses the
 * total normal force including the (attractive) cohesion. History: 3 slots (tangential displacement).
 */
@Component(service = ContactLaw.class, property = {ServiceProperties.NAME + "=" + HertzMindlinJkrLaw.NAME,
    ServiceProperties.DESCRIPTION + "=" + HertzMindlinJkrLaw.DESCRIPTION})
public final class HertzMindlinJkrLaw extends ComposedContactLaw {
    /** Service name. */
    public static final String NAME = "hertz-mindlin-jkr";
    /** One line for {@code ./calsim list}: the parts this preset is made of. */
    public static final String DESCRIPTION = "preset, the same as contact: {"
            + "normal: " + HertzNormal.NAME
            + ", damping: " + ViscoelasticDamping.NAME
            + ", cohesion: " + SimplifiedJkrCohesion.NAME
            + ", tangential: " + MindlinTangential.NAME
            + "}";

    public HertzMindlinJkrLaw() {
        super(new HertzNormal(), new ViscoelasticDamping(), new SimplifiedJkrCohesion(), new MindlinTangential(), null);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
