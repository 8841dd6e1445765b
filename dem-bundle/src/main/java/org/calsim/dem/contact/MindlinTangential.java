package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Mindlin (1949) no-slip tangential stiffness k_t = 8 G* √(R* δ) [N/m] in the incremental spring with
 * Coulomb limit of {@link TangentialSpring} (the LIGGGHTS {@code hertz} / {@code tangential_history} form).
 */
@Component(service = ContactPart.Tangential.class,
        property = {ServiceProperties.NAME + "=" + MindlinTangential.NAME,
            ServiceProperties.DESCRIPTION + "=" + MindlinTangential.DESCRIPTION})
public final class MindlinTangential extends TangentialSpring {
    /** Service name of the part ({@code contact.tangential: mindlin} in a job). */
    public static final String NAME = "mindlin";
    /** One line for {@code ./calsim list} and {@code describe}. */
    public static final String DESCRIPTION = "Mindlin no-slip spring k_t = 8 G* sqrt(R* delta), incremental, Coulomb "
            + "limit mu F_n (Mindlin 1949; LIGGGHTS tangential_history); mu from with: friction; 3 history slots "
            + "(tangential displacement)";

    @Override
    protected double stiffness(ContactGeometry g, PairProperties p, ContactForce out) {
        return 8.0 * p.effectiveShearModulus() * g.contactRadius();
    }
}
