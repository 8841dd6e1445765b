package org.calsim.dem.contact;

import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * {@code elastic-plastic}: {@link ThorntonNingNormal} (limiting contact pressure p_y = the pair's yield
 * stress) + {@link ViscoelasticDamping} + {@link MindlinTangential}. The damping and tangential stiffness
 * use the Hertz contact radius √(R*δ) of the current overlap, as in {@code hertz-mindlin}; with e = 1 the
 * only dissipation is plastic. With an infinite yield stress the law is {@code hertz-mindlin}.
 * History: 4 slots (δ_max, tangential displacement).
 */
@Component(service = ContactLaw.class, property = {ServiceProperties.NAME + "=" + ElasticPlasticLaw.NAME,
    ServiceProperties.DESCRIPTION + "=" + ElasticPlasticLaw.DESCRIPTION})
public final class ElasticPlasticLaw extends ComposedContactLaw {
    /** Service name. */
    public static final String NAME = "elastic-plastic";
    /** One line for {@code ./calsim list}: the parts this preset is made of. */
    public static final String DESCRIPTION = "preset, the same as contact: {"
            + "normal: " + ThorntonNingNormal.NAME
            + ", damping: " + ViscoelasticDamping.NAME
            + ", tangential: " + MindlinTangential.NAME
            + "}";

    public ElasticPlasticLaw() {
        super(new ThorntonNingNormal(), new ViscoelasticDamping(), null, new MindlinTangential(), null);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
