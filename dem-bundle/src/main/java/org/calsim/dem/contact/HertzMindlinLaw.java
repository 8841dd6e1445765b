package org.calsim.dem.contact;

import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * {@code hertz-mindlin}: {@link HertzNormal} + {@link ViscoelasticDamping} (Tsuji form, from the pair's
 * restitution) + {@link MindlinTangential} with Coulomb friction (the pair's μ). The default granular
 * law of LIGGGHTS ({@code model hertz tangential history}). Parameters come from
 * {@link org.calsim.api.contact.PairProperties} only; history: 3 slots (tangential displacement).
 *
 * <p>Ranked 10, above the other built-in laws, so it is the law of jobs that name none.
 */
@Component(service = ContactLaw.class, property = {ServiceProperties.NAME + "=" + HertzMindlinLaw.NAME,
    ServiceProperties.DESCRIPTION + "=" + HertzMindlinLaw.DESCRIPTION, "service.ranking:Integer=10"})
public final class HertzMindlinLaw extends ComposedContactLaw {
    /** Service name. */
    public static final String NAME = "hertz-mindlin";
    /** One line for {@code ./calsim list}: the parts this preset is made of. */
    public static final String DESCRIPTION = "preset, the same as contact: {"
            + "normal: " + HertzNormal.NAME
            + ", damping: " + ViscoelasticDamping.NAME
            + ", tangential: " + MindlinTangential.NAME
            + "}";

    public HertzMindlinLaw() {
        super(new HertzNormal(), new ViscoelasticDamping(), null, new MindlinTangential(), null);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
