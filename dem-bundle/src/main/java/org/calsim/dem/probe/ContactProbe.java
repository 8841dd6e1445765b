package org.calsim.dem.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.Swappable;
import org.calsim.dem.contact.ContactSelection;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dem.contact-probe}: drives one contact (particle–particle or particle–wall) through a
 * triangular loading–unloading cycle of overlap, 0 → δ_max → 0 with δ_max = {@code max_overlap_fraction}
 * × radius, in {@code steps} steps (half loading, half unloading) at the normal approach speed v =
 * {@code loading_rate_m_per_s}. Each step moves the overlap by Δδ = 2 δ_max / steps, so Δt = Δδ / v.
 *
 * <p>The contact law is re-acquired from its {@link Swappable} at every step; when another instance comes
 * back, the history slots are re-allocated (zeroed) for the new law's {@link ContactLaw#historySize()},
 * so history the new law cannot use is reset. Records per step the overlap and the elastic, damping and
 * total normal force; writes the peak force, the Hertz peak force for comparison, the overlap where the
 * force returns to zero on unloading, and the dissipated energy ∮F dδ (trapezoidal rule over the
 * recorded points).
 *
 * <p>Gives nothing to the simulation state: it is a probe for people (and for checking a custom law).
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + ContactProbe.NAME)
public final class ContactProbe implements Solver {
    /** Stage name. */
    public static final String NAME = "dem.contact-probe";

    static final String PARTNER = "partner";
    static final String MATERIAL = "material";
    static final String PARTNER_MATERIAL = "partner_material";
    static final String RESTITUTION = "restitution";
    static final String FRICTION = "friction";
    static final String RADIUS = "radius_um";
    static final String MAX_OVERLAP = "max_overlap_fraction";
    static final String STEPS = "steps";
    static final String RATE = "loading_rate_m_per_s";

    /** Name of the result table. */
    public static final String TABLE = "force-overlap";

    @Override
    public String description() {
        return "Drives one DEM contact through a loading-unloading overlap cycle with the chosen contact law; "
                + "force-overlap curve, peak force vs Hertz, hysteresis energy";
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>(ContactSelection.parameters("calsim.name of the ContactLaw service; "
                + "absent: the highest ranked law"));
        list.addAll(List.of(
                Parameter.choice(PARTNER, List.of("particle", "wall"),
                        "the other body: an equal particle, or a flat wall").withDefault("particle"),
                Parameter.text(MATERIAL, "material of the particle(s): needs youngs_modulus, poisson_ratio, density")
                        .withDefault("NMC622"),
                Parameter.text(PARTNER_MATERIAL, "material of the partner; absent: the particle material, "
                        + "or steel-roll for a wall").optional(),
                Parameter.number(RESTITUTION, "1", 1, "coefficient of restitution e of the pair, 0 < e <= 1")
                        .openClosed(0, 1).withDefault(0.5),
                Parameter.number(FRICTION, "1", 1, "Coulomb friction coefficient of the pair").nonNegative()
                        .withDefault(0.3),
                Parameter.number(RADIUS, "um", 1e-6, "particle radius").positive().withDefault(5.0),
                Parameter.number(MAX_OVERLAP, "1", 1, "largest overlap as a fraction of the radius").open(0, 1)
                        .withDefault(0.01),
                Parameter.integer(STEPS, "steps over the whole cycle, even (half loading, half unloading)")
                        .closed(2, 1e8).withDefault(2000),
                Parameter.number(RATE, "m/s", 1, "normal approach (and separation) speed").positive()
                        .withDefault(0.01)));
        return list;
    }

    @Override
    public void validate(Parameters parameters, SimulationState inputs) {
        ContactSelection.validate(parameters);
        checkSteps(parameters);
    }

    private static void checkSteps(Parameters parameters) {
        int steps = parameters.integer(STEPS);
        if (steps % 2 != 0) {
            throw new InvalidInputException(parameters.fieldPath(STEPS), steps, "an even whole number >= 2");
        }
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of();
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of();
    }

    @Override
    public void run(StageContext context) {
        Parameters par = context.parameters();
        checkSteps(par);
        boolean wall = "wall".equals(par.text(PARTNER));
        double radius = par.number(RADIUS);
        int steps = par.integer(STEPS);
        int half = steps / 2;
        double maxOverlap = par.number(MAX_OVERLAP) * radius;
        double speed = par.number(RATE);
        double increment = maxOverlap / half;
        double dt = increment / speed;

        MaterialModel particle = context.material(par.text(MATERIAL));
        String partnerName = par.isSet(PARTNER_MATERIAL) ? par.text(PARTNER_MATERIAL)
                : wall ? "steel-roll" : particle.name();
        MaterialModel partner = partnerName.equals(particle.name()) ? particle : context.material(partnerName);
        double ei = required(particle, MaterialProperty.YOUNGS_MODULUS, par, MATERIAL);
        double nui = required(particle, MaterialProperty.POISSON_RATIO, par, MATERIAL);
        double rho = required(particle, MaterialProperty.DENSITY, par, MATERIAL);
        String partnerField = par.isSet(PARTNER_MATERIAL) ? PARTNER_MATERIAL : MATERIAL;
        double ej = required(partner, MaterialProperty.YOUNGS_MODULUS, par, partnerField);
        double nuj = required(partner, MaterialProperty.POISSON_RATIO, par, partnerField);
        PairProperties pair = PairProperties.mix(ei, nui, ej, nuj, par.number(RESTITUTION), par.number(FRICTION),
                0, 0, Double.POSITIVE_INFINITY);

        double mass = rho * 4.0 / 3.0 * Math.PI * radius * radius * radius;
        ContactGeometry g = new ContactGeometry();
        if (wall) {
            g.setBodies(radius, Double.POSITIVE_INFINITY, mass, Double.POSITIVE_INFINITY);
        } else {
            g.setBodies(radius, radius, mass, mass);
        }
        g.nx = 1;
        g.dt = dt;
        ContactForce out = new ContactForce();

        int n = steps + 1;
        double[] overlap = new double[n];
        double[] elastic = new double[n];
        double[] damping = new double[n];
        double[] total = new double[n];
        double[] stepIndex = new double[n];

        Swappable<ContactLaw> handle = ContactSelection.laws(context);
        ContactLaw law = null;
        double[] history = new double[0];
        List<String> used = new ArrayList<>();
        int progressEvery = Math.max(1, steps / 100);

        for (int k = 0; k <= steps; k++) {
            context.checkCancelled();
            ContactLaw current = handle.acquire(k);
            boolean swapped = current != law;
            if (swapped) {
                history = new double[current.historySize()];
                used.add((law == null ? "" : "from step " + k + ": ") + handle.describeCurrent());
                law = current;
            }
            int fromPeak = k <= half ? k : steps - k;
            g.overlap = fromPeak * increment;
            g.normalVelocity = k < half ? speed : k == half ? 0 : -speed; // the turning point has v = 0
            g.firstStep = swapped || k == 1;
            out.clear();
            law.compute(g, pair, history, 0, out);
            stepIndex[k] = k;
            overlap[k] = g.overlap;
            elastic[k] = out.normalElastic;
            damping[k] = out.normalDamping;
            total[k] = out.normalTotal();
            if (k % progressEvery == 0 || k == steps) {
                context.progress((double) k / steps, "step " + k + "/" + steps);
            }
        }

        report(context.results(), pair, g.effectiveRadius, maxOverlap, overlap, elastic, damping, total, stepIndex,
                half, used);
    }

    private static double required(MaterialModel m, MaterialProperty p, Parameters par, String field) {
        double v = m.valueOr(p, Double.NaN);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidInputException(par.fieldPath(field), m.name(),
                    "a material with a positive " + p.name() + " [" + p.unit() + "] (" + m.name() + " has none)");
        }
        return v;
    }

    private static void report(ResultSink sink, PairProperties pair, double rStar, double maxOverlap,
                               double[] overlap, double[] elastic, double[] damping, double[] total,
                               double[] stepIndex, int half, List<String> used) {
        double peak = 0;
        for (double f : total) {
            peak = Math.max(peak, f);
        }
        // ∮ F dδ: positive when loading needs more work than unloading gives back
        double work = 0;
        for (int k = 1; k < overlap.length; k++) {
            work += 0.5 * (total[k] + total[k - 1]) * (overlap[k] - overlap[k - 1]);
        }
        // overlap where the total force first drops to zero on unloading (linear interpolation)
        double residual = 0;
        for (int k = half + 1; k < overlap.length; k++) {
            if (total[k] <= 0 && total[k - 1] > 0) {
                double w = total[k - 1] / (total[k - 1] - total[k]);
                residual = overlap[k - 1] + w * (overlap[k] - overlap[k - 1]);
                break;
            }
        }
        double hertzPeak = 4.0 / 3.0 * pair.effectiveYoungsModulus() * Math.sqrt(rStar) * Math.pow(maxOverlap, 1.5);

        sink.summary("peak_force_N", peak, "N");
        sink.summary("hertz_peak_force_N", hertzPeak, "N");
        sink.summary("residual_overlap_um", residual * 1e6, "um");
        sink.summary("dissipated_energy_nJ", work * 1e9, "nJ");
        sink.note("contact_law", String.join("; ", used));

        double[] overlapUm = new double[overlap.length];
        for (int k = 0; k < overlap.length; k++) {
            overlapUm[k] = overlap[k] * 1e6;
        }
        sink.table(TABLE, Table.builder()
                .column("step", "1", stepIndex)
                .column("overlap", "um", overlapUm)
                .column("normal_elastic", "N", elastic)
                .column("normal_damping", "N", damping)
                .column("normal_total", "N", total)
                .build());
        sink.plot(new Plot(TABLE, "Normal force over a loading-unloading cycle", "overlap [um]", "normal force [N]",
                List.of(new Series("total", overlapUm, total, Series.Style.LINE),
                        new Series("elastic", overlapUm, elastic, Series.Style.LINE))));
    }
}
