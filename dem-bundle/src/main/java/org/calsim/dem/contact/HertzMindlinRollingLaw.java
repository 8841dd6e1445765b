package org.calsim.dem.contact;

import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * {@code hertz-mindlin-rolling}: {@link HertzNormal} + {@link ViscoelasticDamping} + {@link MindlinTangential}
 * + {@link EpsdRolling} (rolling friction μ_r of the pair). EPSD rather than the constant directional torque
 * ({@link ConstantDirectionalTorque}) because its torque unloads elastically, so a packing can come to rest
 * under calender load; CDT is left as a part for compositions of one's own. History: 6 slots (tangential
 * displacement, rolling torque).
 */
@Component(service = ContactLaw.class, property = {ServiceProperties.NAME + "=" + HertzMindlinRollingLaw.NAME,
    ServiceProperties.DESCRIPTION + "=" + HertzMindlinRollingLaw.DESCRIPTION})
public final class HertzMindlinRollingLaw extends ComposedContactLaw {
    /** Service name. */
    public static final String NAME = "hertz-mindlin-rolling";
    /** One line for {@code ./calsim list}: the parts this preset is made of. */
    public static final String DESCRIPTION = "preset, the same as contact: {"
            + "normal: " + HertzNormal.NAME
            + ", damping: " + ViscoelasticDamping.NAME
            + ", tangential: " + MindlinTangential.NAME
            + ", rolling: " + EpsdRolling.NAME
            + "}";

    public HertzMindlinRollingLaw() {
        super(new HertzNormal(), new ViscoelasticDamping(), null, new MindlinTangential(), new EpsdRolling());
    }

    @Override
    public String toString() {
        return NAME;
    }
}
