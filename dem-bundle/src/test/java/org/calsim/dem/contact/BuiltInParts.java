package org.calsim.dem.contact;

import java.util.Map;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.testing.TestSwappable;

/**
 * The built-in contact parts as the container registers them (by role and {@code calsim.name}, the linear parts with
 * their default configuration), for stage tests of the {@code contact:} form.
 */
public final class BuiltInParts {
    private BuiltInParts() {
    }

    /** @return {@code context} with every built-in part registered under its role and name */
    public static TestStageContext register(TestStageContext context) {
        return context
                .service(ContactPart.Normal.class, HertzNormal.NAME, TestSwappable.of(new HertzNormal()))
                .service(ContactPart.Normal.class, HookeNormal.NAME,
                        TestSwappable.of(new HookeNormal(LinearSpringDashpotLaw.DEFAULT_KN)))
                .service(ContactPart.Normal.class, ThorntonNingNormal.NAME, TestSwappable.of(new ThorntonNingNormal()))
                .service(ContactPart.Damping.class, ViscoelasticDamping.NAME, TestSwappable.of(new ViscoelasticDamping()))
                .service(ContactPart.Damping.class, LinearDashpot.NAME,
                        TestSwappable.of(new LinearDashpot(LinearSpringDashpotLaw.DEFAULT_KT_RATIO)))
                .service(ContactPart.Cohesion.class, SimplifiedJkrCohesion.NAME,
                        TestSwappable.of(new SimplifiedJkrCohesion()))
                .service(ContactPart.Tangential.class, MindlinTangential.NAME, TestSwappable.of(new MindlinTangential()))
                .service(ContactPart.Tangential.class, LinearTangential.NAME, TestSwappable.of(new LinearTangential(
                        LinearSpringDashpotLaw.DEFAULT_KT_RATIO * LinearSpringDashpotLaw.DEFAULT_KN)))
                .service(ContactPart.Rolling.class, EpsdRolling.NAME, TestSwappable.of(new EpsdRolling()))
                .service(ContactPart.Rolling.class, ConstantDirectionalTorque.NAME,
                        TestSwappable.of(new ConstantDirectionalTorque()))
                .service(ContactPart.Bond.class, ParallelBond.NAME, TestSwappable.of(new ParallelBond()));
    }

    /** @return a new instance of the preset law of this name, with its default configuration */
    public static ContactLaw preset(String name) {
        return switch (name) {
            case HertzMindlinLaw.NAME -> new HertzMindlinLaw();
            case LinearSpringDashpotLaw.NAME -> new LinearSpringDashpotLaw(LinearSpringDashpotLaw.DEFAULT_KN,
                    LinearSpringDashpotLaw.DEFAULT_KT_RATIO * LinearSpringDashpotLaw.DEFAULT_KN);
            case HertzMindlinJkrLaw.NAME -> new HertzMindlinJkrLaw();
            case ElasticPlasticLaw.NAME -> new ElasticPlasticLaw();
            case HertzMindlinRollingLaw.NAME -> new HertzMindlinRollingLaw();
            case BondedLaw.NAME -> new BondedLaw();
            default -> throw new IllegalArgumentException("no preset " + name);
        };
    }

    /** Each preset law's name and the {@code contact:} mapping of the same parts. */
    public static final Map<String, Map<String, String>> PRESETS = Map.of(
            HertzMindlinLaw.NAME, Map.of("normal", "hertz", "damping", "viscoelastic", "tangential", "mindlin"),
            LinearSpringDashpotLaw.NAME, Map.of("normal", "hooke", "damping", "linear", "tangential", "linear"),
            HertzMindlinJkrLaw.NAME, Map.of("normal", "hertz", "damping", "viscoelastic", "cohesion", "jkr",
                    "tangential", "mindlin"),
            ElasticPlasticLaw.NAME, Map.of("normal", "thornton-ning", "damping", "viscoelastic", "tangential",
                    "mindlin"),
            HertzMindlinRollingLaw.NAME, Map.of("normal", "hertz", "damping", "viscoelastic", "tangential", "mindlin",
                    "rolling", "epsd2"),
            BondedLaw.NAME, Map.of("normal", "hertz", "damping", "viscoelastic", "tangential", "mindlin",
                    "bond", "parallel"));
}
