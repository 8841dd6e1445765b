package org.calsim.dem.contact;

import java.util.ArrayList;
import java.util.List;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.Swappable;

/**
 * How a DEM stage's job chooses its contact law, in one of two forms:
 *
 * <ul>
 * <li>a whole law by name, {@code contact_law: hertz-mindlin} (a preset or a plugin's law; absent: the highest ranked
 *     law), or</li>
 * <li>a law composed of part services, the way a LAMMPS {@code pair_style granular} line composes its sub-models:
 *     <pre>
 * contact:
 *   normal: thornton-ning     # required: hertz, hooke, thornton-ning or a plugin's normal part
 *   damping: viscoelastic     # optional (absent or none: no part of this role)
 *   cohesion: none
 *   tangential: mindlin
 *   rolling: epsd2
 *   bond: parallel
 *     </pre>
 *     The runtime checks each name against the parts registered for its role before anything runs
 *     ({@link Parameter.Kind#SERVICE}).</li>
 * </ul>
 * The two forms exclude each other ({@link #validate}). The stage gets either as one {@code Swappable<ContactLaw>}
 * ({@link #laws}); a composed law hot-swaps part by part ({@link ComposedLawHandle}).
 */
public final class ContactSelection {
    /** The whole law by name. */
    public static final String LAW = "contact_law";
    /** The mapping of parts. */
    public static final String CONTACT = "contact";
    /** Normal part. */
    public static final String NORMAL = CONTACT + ".normal";
    /** Damping part. */
    public static final String DAMPING = CONTACT + ".damping";
    /** Cohesion part. */
    public static final String COHESION = CONTACT + ".cohesion";
    /** Tangential part. */
    public static final String TANGENTIAL = CONTACT + ".tangential";
    /** Rolling part. */
    public static final String ROLLING = CONTACT + ".rolling";
    /** Bond part. */
    public static final String BOND = CONTACT + ".bond";

    private static final String[] PARTS = {NORMAL, DAMPING, COHESION, TANGENTIAL, ROLLING, BOND};

    private ContactSelection() {
    }

    /**
     * @param lawDescription the description of {@code contact_law} for this stage
     * @return {@code contact_law} and the parts of {@code contact}
     */
    public static List<Parameter> parameters(String lawDescription) {
        return List.of(
                Parameter.text(LAW, lawDescription + "; or compose the law in contact (not both)").optional(),
                Parameter.service(NORMAL, ContactPart.Normal.class, "normal elastic force of a law composed of parts "
                        + "instead of contact_law (LAMMPS pair_style granular); each part hot-swaps on its own"),
                Parameter.service(DAMPING, ContactPart.Damping.class, "normal and tangential damping, from the "
                        + "pair's restitution").optional(),
                Parameter.service(COHESION, ContactPart.Cohesion.class, "cohesion or adhesion, from the pair's work "
                        + "of adhesion (the materials' surface_energy)").optional(),
                Parameter.service(TANGENTIAL, ContactPart.Tangential.class, "tangential force with the Coulomb limit "
                        + "of the pair's friction; absent: frictionless").optional(),
                Parameter.service(ROLLING, ContactPart.Rolling.class, "rolling resistance, limited by the pair's "
                        + "rolling friction").optional(),
                Parameter.service(BOND, ContactPart.Bond.class, "bond of the bonded-particle model, for coatings with "
                        + "the CBD as bonds (dem.generate cbd: bonds)").optional());
    }

    /**
     * Refuses both forms at once.
     *
     * @throws InvalidInputException naming {@code contact_law} and {@code contact} when the job gives both
     */
    public static void validate(Parameters par) {
        if (par.isSet(LAW) && composed(par)) {
            throw new InvalidInputException(par.fieldPath(LAW), par.text(LAW), "either a law by name ("
                    + par.fieldPath(LAW) + ") or a law composed of parts (" + par.fieldPath(CONTACT) + "), not both: "
                    + "leave out one of them (" + par.fieldPath(CONTACT) + " is " + composition(par) + ")");
        }
    }

    /**
     * @return the stage's contact law as a hot-swappable handle: the named (or highest ranked) law service, or the
     *         composition of the named part services
     */
    public static Swappable<ContactLaw> laws(StageContext context) {
        Parameters par = context.parameters();
        if (!composed(par)) {
            return context.service(ContactLaw.class, par.isSet(LAW) ? par.text(LAW) : null);
        }
        return new ComposedLawHandle(composition(par), context.service(ContactPart.Normal.class, par.text(NORMAL)),
                part(context, par, DAMPING, ContactPart.Damping.class),
                part(context, par, COHESION, ContactPart.Cohesion.class),
                part(context, par, TANGENTIAL, ContactPart.Tangential.class),
                part(context, par, ROLLING, ContactPart.Rolling.class),
                part(context, par, BOND, ContactPart.Bond.class));
    }

    /**
     * The refusal of a law that lacks what the stage needs, naming the field that chose it: {@code contact_law} (its
     * value, or {@code null} for the highest ranked law), or the part's field of {@code contact}.
     *
     * @param part    the field of the part the law needs, e.g. {@link #BOND}
     * @param allowed what would have been accepted
     */
    public static InvalidInputException lacking(Parameters par, String part, String allowed) {
        if (composed(par)) {
            return new InvalidInputException(par.fieldPath(part), par.isSet(part) ? par.text(part) : null, allowed);
        }
        return new InvalidInputException(par.fieldPath(LAW), String.valueOf(par.isSet(LAW) ? par.text(LAW) : null),
                allowed);
    }

    /** @return whether the job composes the law ({@code contact} given: its normal part is then required) */
    private static boolean composed(Parameters par) {
        return par.isSet(NORMAL);
    }

    private static <P> Swappable<P> part(StageContext context, Parameters par, String field, Class<P> role) {
        return par.isSet(field) ? context.service(role, par.text(field)) : null;
    }

    /** @return the parts as the job names them, e.g. {@code {normal: hertz, tangential: mindlin}} */
    private static String composition(Parameters par) {
        List<String> parts = new ArrayList<>();
        for (String field : PARTS) {
            if (par.isSet(field)) {
                parts.add(field.substring(CONTACT.length() + 1) + ": " + par.text(field));
            }
        }
        return "{" + String.join(", ", parts) + "}";
    }
}
