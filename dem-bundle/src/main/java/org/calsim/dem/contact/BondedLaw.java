package org.calsim.dem.contact;

import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * {@code bonded}: {@link HertzNormal} + {@link ViscoelasticDamping} + {@link MindlinTangential} +
 * {@link ParallelBond}. The contact parts act while the bodies overlap; the bond, formed by the engine for the
 * pairs a stage chooses ({@link ContactLaw#formBond}), acts in parallel while it is intact, also across a gap
 * (the law is then {@linkplain ContactLaw#engaged engaged}). A pair without a bond is a {@code hertz-mindlin}
 * contact. History: 3 + {@value ParallelBond#SLOTS} slots.
 */
@Component(service = ContactLaw.class, property = {ServiceProperties.NAME + "=" + BondedLaw.NAME,
    ServiceProperties.DESCRIPTION + "=" + BondedLaw.DESCRIPTION})
public final class BondedLaw extends ComposedContactLaw {
    /** Service name. */
    public static final String NAME = "bonded";
    /** One line for {@code ./calsim list}: the parts this preset is made of. */
    public static final String DESCRIPTION = "preset, the same as contact: {"
            + "normal: " + HertzNormal.NAME
            + ", damping: " + ViscoelasticDamping.NAME
            + ", tangential: " + MindlinTangential.NAME
            + ", bond: " + ParallelBond.NAME
            + "}";

    public BondedLaw() {
        super(new HertzNormal(), new ViscoelasticDamping(), null, new MindlinTangential(), null, new ParallelBond());
    }

    @Override
    public String toString() {
        return NAME;
    }
}
