package org.calsim.dem.calendering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.StageContext;
import org.calsim.dem.contact.ContactSelection;
import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.Particles;
import org.calsim.dem.engine.PeriodicBox;
import org.calsim.dem.engine.TimeStep;

/**
 * What the DEM stages share: the numerical and contact parameters, the materials of the particle types and
 * walls, and building an engine for them.
 *
 * <p><b>Time step.</b> Δt = safety × min over particle types of the Rayleigh time of the smallest particle of
 * that type ({@link TimeStep}), unless {@code time_step_s} overrides it. The Rayleigh time knows only Hertz contacts
 * of like particles; a linear law's fixed k_n, bonds and stiff pairs of unlike materials can be stiffer. So the
 * contact law itself is asked for the stiffness of every pair of particle types (smallest particles of each type, at
 * an overlap of {@value #PROBE_OVERLAP} of the smaller radius, a loaded contact): when ω·Δt = √(k/m*)·Δt exceeds
 * {@code stability_limit}, the Rayleigh step is reduced (with a note naming the pair), and a {@code time_step_s}
 * given in the job is refused. During the run the engine watches the stiffest contact actually present (bonds
 * included) and reduces the step when it exceeds the same limit ({@link DemEngine}). <b>Density scaling</b> multiplies every
 * density by s ≥ 1, so Δt grows by √s; inertia is then exaggerated, which is harmless only in quasi-static
 * loading, so the calendering stage reports the inertial number I = γ̇ d √(ρ_scaled / P) (GDR MiDi, Eur. Phys.
 * J. E 14 (2004) 341): quasi-static when I &lt; 10⁻³.
 */
final class DemSetup {
    static final String RESTITUTION = "restitution";
    static final String FRICTION = "friction";
    static final String ROLLING_FRICTION = "rolling_friction";
    static final String DENSITY_SCALING = "density_scaling";
    static final String SAFETY = "time_step_safety";
    static final String TIME_STEP = "time_step_s";
    static final String THREADS = "threads";
    static final String SKIN = "skin_fraction";
    static final String CBD_MATERIAL = "cbd_material";
    static final String COLLECTOR_MATERIAL = "collector_material";
    static final String TOOL_MATERIAL = "tool_material";
    static final String MAX_OVERLAP = "max_overlap_fraction";
    static final String STABILITY = "stability_limit";
    /** Overlap, as a fraction of the smaller radius, at which the law's stiffness is probed at set-up. */
    static final double PROBE_OVERLAP = 0.01;

    private DemSetup() {
    }

    static List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>(ContactSelection.parameters("calsim.name of the ContactLaw service "
                + "(./calsim list); absent: the highest ranked law (hertz-mindlin). A law deployed or removed while the "
                + "stage runs takes over at the next step: history of the parts both laws share is kept, the rest "
                + "starts anew, bonds the new law cannot hold are released (reported). Limitation: elastic-plastic "
                + "forgets a contact's dent once its surfaces separate"));
        list.addAll(List.of(
                Parameter.number(RESTITUTION, "1", 1, "coefficient of restitution e of every contact, 0 < e <= 1")
                        .openClosed(0, 1).withDefault(0.5),
                Parameter.number(FRICTION, "1", 1, "sliding friction coefficient of every contact").nonNegative()
                        .withDefault(0.3),
                Parameter.number(ROLLING_FRICTION, "1", 1, "rolling friction coefficient (laws with a rolling part)")
                        .nonNegative().withDefault(0.0),
                Parameter.number(DENSITY_SCALING, "1", 1, "factor s >= 1 on every density; the time step grows by "
                        + "sqrt(s); quasi-static loading only (see the inertial number in the results)")
                        .closed(1, 1e12).withDefault(1.0),
                Parameter.number(SAFETY, "1", 1, "time step as a fraction of the Rayleigh time").open(0, 1)
                        .withDefault(0.2),
                Parameter.number(TIME_STEP, "s", 1, "time step; overrides time_step_safety").positive().optional(),
                Parameter.number(STABILITY, "1", 1, "largest omega*dt of the stiffest contact, omega = sqrt(k/m*) (velocity "
                        + "Verlet is stable below 2, accurate below about 0.3); the time step is reduced, or a "
                        + "time_step_s refused, when a contact is stiffer").open(0, 2)
                        .withDefault(DemEngine.DEFAULT_STABILITY_LIMIT),
                Parameter.threads("force-computation"),
                Parameter.number(SKIN, "1", 1, "Verlet skin as a fraction of the smallest diameter").open(0, 10)
                        .withDefault(0.1),
                Parameter.number(MAX_OVERLAP, "1", 1, "overlap, as a fraction of the smaller radius, that stops the "
                        + "run as blown up").open(0, 1).withDefault(0.3),
                Parameter.text(CBD_MATERIAL, "material giving the elastic constants of the carbon-binder domain particles "
                        + "(their density follows from the recipe and cbd_nanoporosity)").withDefault("PVDF"),
                Parameter.text(COLLECTOR_MATERIAL, "material of the current collector under the coating")
                        .withDefault("aluminium-foil"),
                Parameter.text(TOOL_MATERIAL, "material of the calendering plate or roll").withDefault("steel-roll")));
        return list;
    }

    /** Elastic constants and density of one material, checked. */
    record Elastic(String name, double youngs, double poisson, double density, double surfaceEnergy,
                   double yieldStress) {
    }

    static Elastic elastic(StageContext context, String name, String field) {
        MaterialModel m = context.material(name);
        Parameters par = context.parameters();
        double e = m.valueOr(MaterialProperty.YOUNGS_MODULUS, Double.NaN);
        double nu = m.valueOr(MaterialProperty.POISSON_RATIO, Double.NaN);
        double rho = m.valueOr(MaterialProperty.DENSITY, Double.NaN);
        if (!(e > 0) || !(nu > -1 && nu < 0.5) || !(rho > 0)) {
            throw new InvalidInputException(field, name, "a material with youngs_modulus > 0, poisson_ratio in "
                    + "(-1, 0.5) and density > 0 (" + name + " has E = " + e + " Pa, nu = " + nu + ", rho = " + rho
                    + " kg/m^3)");
        }
        return new Elastic(name, e, nu, rho, m.valueOr(MaterialProperty.SURFACE_ENERGY, 0),
                m.valueOr(MaterialProperty.YIELD_STRESS, Double.POSITIVE_INFINITY));
    }

    /**
     * Contact properties of two materials: Hertz/Mindlin mixing, the job's e, μ, μ_r; work of adhesion
     * Γ = 2√(γ_i γ_j) (Berthelot rule, = 2γ for like surfaces); contact yield stress the smaller of the two.
     */
    static PairProperties pair(Parameters par, Elastic a, Elastic b) {
        return PairProperties.mix(a.youngs(), a.poisson(), b.youngs(), b.poisson(), par.number(RESTITUTION),
                par.number(FRICTION), par.number(ROLLING_FRICTION), 2 * Math.sqrt(a.surfaceEnergy() * b.surfaceEnergy()),
                Math.min(a.yieldStress(), b.yieldStress()));
    }

    /** Pair table for the types. */
    static PairProperties[] pairs(Parameters par, Elastic[] types) {
        int n = types.length;
        PairProperties[] t = new PairProperties[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[i * n + j] = pair(par, types[i], types[j]);
            }
        }
        return t;
    }

    /** Wall properties per type. */
    static PairProperties[] wall(Parameters par, Elastic wall, Elastic[] types) {
        PairProperties[] t = new PairProperties[types.length];
        for (int i = 0; i < types.length; i++) {
            t[i] = pair(par, types[i], wall);
        }
        return t;
    }

    /**
     * @return the engine for these particles, with time step (checked against the law's stiffness), skin, stability
     *         and blow-up limits set; no walls yet
     * @throws InvalidInputException when {@code time_step_s} is given and the law is too stiff for it
     */
    static DemEngine engine(StageContext context, Particles p, PeriodicBox box, Elastic[] types, ContactLaw law,
                            double scaledDensityFactor) {
        Parameters par = context.parameters();
        PairProperties[] pairs = pairs(par, types);
        double dt = timeStep(par, p, types, scaledDensityFactor);
        StiffestPair stiffest = stiffestPair(law, pairs, p, types);
        double limit = par.number(STABILITY);
        if (stiffest != null && stiffest.omega() * dt > limit) {
            double allowed = limit / stiffest.omega();
            String why = String.format("the stiffest pair, %s, has k = %.4g N/m and m* = %.4g kg with %s: omega = "
                            + "%.4g rad/s, so omega*dt = %.3f > stability_limit %.2f", stiffest.pair(), stiffest.stiffness(),
                    stiffest.mass(), law, stiffest.omega(), stiffest.omega() * dt, limit);
            if (par.isSet(TIME_STEP)) {
                throw new InvalidInputException(par.fieldPath(TIME_STEP), dt, String.format("a time step <= %.4g s: %s",
                        allowed, why));
            }
            context.results().note("time_step", String.format("time step reduced from %.4g s (%.2f x the Rayleigh time) "
                    + "to %.4g s: %s", dt, par.number(SAFETY), allowed, why));
            dt = allowed;
        }
        DemEngine engine = new DemEngine(p, box, types.length, pairs, law, par.integer(THREADS));
        engine.setTimeStep(dt);
        engine.setStabilityLimit(limit);
        engine.setSkin(par.number(SKIN) * 2 * p.minRadius());
        engine.setMaxOverlapFraction(par.number(MAX_OVERLAP));
        return engine;
    }

    /** The stiffest pair of particle types: its name, stiffness k [N/m], effective mass m* [kg], ω = √(k/m*). */
    record StiffestPair(String pair, double stiffness, double mass, double omega) {
    }

    /**
     * Asks the law for the normal stiffness of every pair of particle types, for the smallest particle of each type
     * at an overlap of {@value #PROBE_OVERLAP} of the smaller radius, at rest.
     *
     * @return the pair with the largest ω = √(k/m*), or {@code null} without particles
     */
    static StiffestPair stiffestPair(ContactLaw law, PairProperties[] pairs, Particles p, Elastic[] types) {
        int n = types.length;
        int[] smallest = new int[n];
        Arrays.fill(smallest, -1);
        for (int i = 0; i < p.size(); i++) {
            int t = p.type(i);
            if (smallest[t] < 0 || p.radius(i) < p.radius(smallest[t])) {
                smallest[t] = i;
            }
        }
        ContactGeometry g = new ContactGeometry();
        ContactForce f = new ContactForce();
        double[] history = new double[Math.max(1, law.historySize())];
        StiffestPair best = null;
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                int i = smallest[a];
                int j = smallest[b];
                if (i < 0 || j < 0) {
                    continue;
                }
                g.setBodies(p.radius(i), p.radius(j), p.mass(i), p.mass(j));
                g.overlap = PROBE_OVERLAP * Math.min(p.radius(i), p.radius(j));
                g.nz = 1;
                g.dt = 0;
                g.firstStep = true;
                Arrays.fill(history, 0);
                f.clear();
                law.compute(g, pairs[a * n + b], history, 0, f);
                double omega = Math.sqrt(Math.max(0, f.normalStiffness) / g.effectiveMass);
                if (best == null || omega > best.omega()) {
                    best = new StiffestPair(types[a].name() + "-" + types[b].name() + String.format(
                            " (r = %.3g and %.3g um)", p.radius(i) * 1e6, p.radius(j) * 1e6), f.normalStiffness,
                            g.effectiveMass, omega);
                }
            }
        }
        return best;
    }

    /** @return Δt [s]: the override, or safety × the smallest Rayleigh time over the particles' types */
    static double timeStep(Parameters par, Particles p, Elastic[] types, double densityFactor) {
        if (par.isSet(TIME_STEP)) {
            return par.number(TIME_STEP);
        }
        double[] smallest = new double[types.length];
        Arrays.fill(smallest, Double.POSITIVE_INFINITY);
        for (int i = 0; i < p.size(); i++) {
            smallest[p.type(i)] = Math.min(smallest[p.type(i)], p.radius(i));
        }
        double t = Double.POSITIVE_INFINITY;
        for (int k = 0; k < types.length; k++) {
            if (smallest[k] < Double.POSITIVE_INFINITY) {
                double rho = p.size() == 0 ? types[k].density() : densityOfType(p, k);
                t = Math.min(t, TimeStep.rayleigh(smallest[k], rho, types[k].youngs(), types[k].poisson()));
            }
        }
        return par.number(SAFETY) * t;
    }

    private static double densityOfType(Particles p, int type) {
        for (int i = 0; i < p.size(); i++) {
            if (p.type(i) == type) {
                double r = p.radius(i);
                return p.mass(i) / (4.0 / 3.0 * Math.PI * r * r * r);
            }
        }
        return Double.NaN;
    }

    /**
     * @return volume of carbon and binder solid per volume of active material, (1/ρ_s − w_AM/ρ_AM)/(w_AM/ρ_AM)
     *         from the recipe's mass fractions and mixture density [1]
     */
    static double cbdSolidPerAmVolume(ElectrodeRecipe recipe, double amDensity) {
        double perAm = recipe.activeMassFraction() / amDensity;
        return Math.max(0, (1 / recipe.solidDensity() - perAm) / perAm);
    }
}
