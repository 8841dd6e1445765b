package org.calsim.dem.calendering;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.calsim.api.contact.BondSpec;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.stage.Swappable;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.dem.analysis.SolidFraction;
import org.calsim.dem.contact.ContactSelection;
import org.calsim.dem.engine.Particles;
import org.calsim.dem.output.VtkParticles;
import org.calsim.support.units.PhysicalConstants;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dem.generate}: the dried, uncalendered coating as a periodic representative volume, at the recipe's
 * initial porosity ε₀.
 *
 * <ol>
 * <li>Box Lx × Ly = {@code box_x_d50} × {@code box_y_d50} active-material (AM) median diameters d50.</li>
 * <li>AM diameters are drawn (lognormal by d50 and σ_ln, or a table) until their volume reaches
 * M_C·Lx·Ly/ρ_AM, M_C the recipe's active loading ({@link CoatingComposition}).</li>
 * <li>CBD ({@code cbd: particles}): spheres of {@code cbd_diameter_um} whose apparent volume is the carbon and
 * binder solid volume V_AM (1/ρ_s − w_AM/ρ_AM)/(w_AM/ρ_AM) divided by (1 − nanoporosity), with the apparent density
 * of the nanoporous CBD — the small-sphere CBD of Ngandjong et al. (Electrochim. Acta 2021). With {@code cbd:
 * bonds} there are no CBD spheres: the calendering stage joins neighbouring AM particles by bonds
 * (bonded-particle model; parameters {@code bond_*}). With {@code cbd: none} the CBD is not resolved.</li>
 * <li><b>Wet deposit</b> ({@link Deposition}): the spheres, each with a solvent-swollen CBD gel shell (radius α r),
 * are inserted at random into a loose column and settle onto the collector under a deposition acceleration until at
 * rest.</li>
 * <li><b>Drying</b> ({@link DryingShrinkage}): the shells collapse (radius → r) and the film shrinks through its
 * thickness (heights × β) until its solid V_solid has the recipe's porosity: h* = V_solid / ((1 − ε₀) Lx Ly).
 * The shell factor α comes from the expected packing of the deposit; when the dried porosity misses ε₀ by more than
 * {@code porosity_tolerance} (h* outside what this deposit can reach), the coating is deposited again with α from
 * the measured packing (at most {@value #MAX_DEPOSITS} deposits; the best is kept, and a note says so when even it
 * misses; {@link WetDeposits}). Recipes denser than random close packing of the spheres are refused before any
 * work.</li>
 * </ol>
 *
 * <p><b>Porosity</b> is reported as 1 − V_solid/(Lx Ly h), V_solid the AM and CBD <i>solid</i> (skeletal densities,
 * CBD nanopores counted as pores) and h the thickness as a micrometer measures it, the highest particle top
 * max(z + r), or with {@code thickness_measure: profilometer} the mean surface height ({@link ThicknessMeasure}).
 * This is the recipe's total porosity ε₀ (its ρ_s is the skeletal density of the solid mixture), so
 * the two are compared directly; {@code porosity_mechanism} names how it was reached. Gives the packing.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + ElectrodeGenerator.NAME)
public final class ElectrodeGenerator implements Solver {
    /** Stage name. */
    public static final String NAME = "dem.generate";

    static final String BOX_X = "box_x_d50";
    static final String BOX_Y = "box_y_d50";
    static final String SPREAD = "size_spread";
    static final String TABLE_D = "size_table_diameters_um";
    static final String TABLE_F = "size_table_number_fractions";
    static final String CBD = "cbd";
    static final String CBD_DIAMETER = "cbd_diameter_um";
    static final String CBD_NANOPOROSITY = "cbd_nanoporosity";
    static final String DEPOSITION = "deposition_overlap_fraction";
    static final String MAX_STEPS = "max_settle_steps";
    static final String TOLERANCE = "porosity_tolerance";
    static final String THICKNESS = "thickness_measure";
    static final String BOND_E = "bond_youngs_modulus_GPa";
    static final String BOND_NU = "bond_poisson_ratio";
    static final String BOND_LAMBDA = "bond_radius_multiplier";
    static final String BOND_SIGMA = "bond_tensile_strength_MPa";
    static final String BOND_TAU = "bond_shear_strength_MPa";
    static final String BOND_GAP = "bond_gap_fraction";
    static final String BOND_DAMPING = "bond_damping_ratio";
    static final String BOND_FAILURE = "bond_failure_strain";
    static final String VTK = "vtk";
    /** Field of the recipe's dried porosity, for messages. */
    static final String RECIPE_POROSITY = "recipe.initial_porosity";
    /** Most wet deposits: the first, and up to two with shells resized from the measured packing (feedback). */
    static final int MAX_DEPOSITS = 3;
    /** Most particles a generated coating may have (memory and time: each costs some 200 bytes and its contacts). */
    static final int MAX_PARTICLES = 5_000_000;

    static final int AM = 0;
    static final int CBD_TYPE = 1;

    @Override
    public String description() {
        return "DEM: generates the dried electrode coating at the recipe's initial porosity (AM size distribution, CBD "
                + "as small spheres or bonds): a wet deposit of particles with solvent-swollen CBD gel shells settles "
                + "onto the current collector, then dries (shells collapse, the film shrinks through its thickness)";
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>(List.of(
                Parameter.number(BOX_X, "1", 1, "periodic box length in x, in AM median diameters").closed(3, 1000)
                        .withDefault(8.0),
                Parameter.number(BOX_Y, "1", 1, "periodic box length in y, in AM median diameters").closed(3, 1000)
                        .withDefault(8.0),
                Parameter.number(SPREAD, "1", 1, "lognormal spread: standard deviation of ln(d)").closed(0, 1)
                        .withDefault(0.25),
                Parameter.numbers(TABLE_D, "um", 1e-6, "discrete size table: diameters (instead of the lognormal)")
                        .optional(),
                Parameter.numbers(TABLE_F, "1", 1, "discrete size table: number fractions, one per diameter")
                        .optional(),
                Parameter.choice(CBD, List.of("particles", "bonds", "none"), "carbon-binder domain as small spheres, as "
                        + "bonds between neighbouring AM particles, or not resolved (its solid still counts in the "
                        + "porosity)").withDefault("particles"),
                Parameter.number(CBD_DIAMETER, "um", 1e-6, "diameter of the CBD spheres").positive().withDefault(4.0),
                Parameter.number(CBD_NANOPOROSITY, "1", 1, "porosity inside the CBD").closed(0, 0.9).withDefault(0.5),
                Parameter.number(DEPOSITION, "1", 1, "deposition body force, stated as the overlap (fraction of the "
                        + "radius) it gives a median wet AM particle resting on the collector").open(0, 0.05)
                        .withDefault(0.002),
                Parameter.integer(MAX_STEPS, "largest number of settling steps of one wet deposit").closed(100, 1e9)
                        .withDefault(200_000),
                Parameter.choice(THICKNESS, List.of(ThicknessMeasure.MICROMETER.field(),
                        ThicknessMeasure.PROFILOMETER.field()), "thickness h of the porosity 1 - V_solid/(Lx Ly h) the "
                        + "coating dries to: the highest particle top (a micrometer) or the mean surface height (a "
                        + "profilometer, the thickness dem.calender gives a strip behind a roll); on a strip a few "
                        + "particles thick the micrometer leaves the body about a radius denser")
                        .withDefault(ThicknessMeasure.MICROMETER.field()),
                Parameter.number(TOLERANCE, "1", 1, "largest difference between the dried porosity and the recipe's "
                        + "initial_porosity accepted before the coating is deposited again with shells resized from "
                        + "the measured packing (at most " + MAX_DEPOSITS + " deposits)").open(0, 0.1)
                        .withDefault(0.005),
                Parameter.number(BOND_E, "GPa", 1e9, "bond Young's modulus E_b (eq 19)").positive().withDefault(1.0),
                Parameter.number(BOND_NU, "1", 1, "bond Poisson's ratio (eq 20)").closed(0, 0.5).withDefault(0.3),
                Parameter.number(BOND_LAMBDA, "1", 1, "bond radius / smaller particle radius").open(0, 2)
                        .withDefault(0.3),
                Parameter.number(BOND_SIGMA, "MPa", 1e6, "bond tensile strength (eq 17)").positive()
                        .withDefault(20.0),
                Parameter.number(BOND_TAU, "MPa", 1e6, "bond shear strength (eq 18)").positive().withDefault(20.0),
                Parameter.number(BOND_GAP, "1", 1, "bond AM pairs whose surfaces are closer than this fraction of d50").nonNegative().withDefault(0.1),
                Parameter.number(BOND_DAMPING, "1", 1, "fraction of critical damping of the bond springs")
                        .nonNegative().withDefault(0.1),
                Parameter.number(BOND_FAILURE, "1", 1, "plastic strain at which a yielding bond breaks: 0 for "
                        + "brittle bonds that break where their stress first reaches a strength (Potyondy and "
                        + "Cundall), more for ductile binder bridges that yield at their strengths "
                        + "(elastic-perfectly plastic, also in compression, where the CBD densifies) until then")
                        .closed(0, 10).withDefault(0.0),
                Parameter.flag(VTK, "write the dried packing as VTK for ParaView").withDefault(true)));
        list.addAll(DemSetup.parameters());
        return list;
    }

    @Override
    public void validate(Parameters par, SimulationState inputs) {
        ContactSelection.validate(par);
        if (par.isSet(TABLE_D) != par.isSet(TABLE_F)) {
            throw new InvalidInputException(par.fieldPath(par.isSet(TABLE_D) ? TABLE_F : TABLE_D), "(missing)",
                    "both size_table_diameters_um and size_table_number_fractions, or neither");
        }
        if (par.isSet(TABLE_D)) {
            double[] d = par.numbers(TABLE_D);
            double[] f = par.numbers(TABLE_F);
            if (d.length != f.length || d.length == 0) {
                throw new InvalidInputException(par.fieldPath(TABLE_F), f.length + " fractions",
                        "one number fraction per diameter (" + d.length + ")");
            }
            double sum = 0;
            for (int k = 0; k < d.length; k++) {
                if (!(d[k] > 0)) {
                    throw new InvalidInputException(par.fieldPath(TABLE_D), d[k] / 1e-6, "diameters > 0 um");
                }
                if (!(f[k] >= 0)) {
                    throw new InvalidInputException(par.fieldPath(TABLE_F), f[k], "fractions >= 0");
                }
                sum += f[k];
            }
            if (!(sum > 0)) {
                throw new InvalidInputException(par.fieldPath(TABLE_F), sum, "fractions with a positive sum");
            }
        }
        inputs.find(ElectrodeRecipe.KEY).ifPresent(recipe -> checkBox(par, recipe.particleDiameter(), 1));
        if (par.number(BOND_GAP) > 1) {
            throw new InvalidInputException(par.fieldPath(BOND_GAP), par.number(BOND_GAP), "a number <= 1");
        }
    }

    /**
     * The box must be at least twice the interaction range α (d_max + skin), so every pair has one nearest image;
     * α ≥ 1 is the shell factor of the wet deposit (1 when checked before the run).
     */
    static void checkBox(Parameters par, double d50, double alpha) {
        SizeDistribution sizes = distribution(par, d50);
        double reach = alpha * (sizes.largest() + par.number(DemSetup.SKIN) * Math.min(d50, par.number(CBD_DIAMETER)));
        for (String field : new String[] {BOX_X, BOX_Y}) {
            if (par.number(field) * d50 < 2 * reach) {
                throw new InvalidInputException(par.fieldPath(field), par.number(field), String.format(
                        "at least %.2f: twice the interaction range of the largest particle (its diameter plus the "
                                + "skin%s), in d50", 2 * reach / d50, alpha > 1 ? String.format(", times the shell "
                                + "factor %.3f of the wet deposit that the recipe's initial_porosity needs", alpha)
                                : ""));
            }
        }
    }

    private static SizeDistribution distribution(Parameters par, double d50) {
        return par.isSet(TABLE_D) ? SizeDistribution.table(par.numbers(TABLE_D), par.numbers(TABLE_F))
                : SizeDistribution.lognormal(d50, par.number(SPREAD));
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of(ElectrodeRecipe.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of(ParticlePacking.KEY, DemKeys.COATING);
    }

    @Override
    public void run(StageContext context) throws StageFailedException {
        Parameters par = context.parameters();
        ElectrodeRecipe recipe = context.state().get(ElectrodeRecipe.KEY);
        DemSetup.Elastic am = DemSetup.elastic(context, recipe.activeMaterial(), "recipe.active_material");
        boolean cbdParticles = "particles".equals(par.text(CBD));
        // the CBD material gives the CBD spheres' elastic constants; with CBD as bonds there are none
        DemSetup.Elastic cbdMechanics = cbdParticles ? DemSetup.elastic(context, par.text(DemSetup.CBD_MATERIAL),
                par.fieldPath(DemSetup.CBD_MATERIAL)) : am;
        DemSetup.Elastic collector = DemSetup.elastic(context, par.text(DemSetup.COLLECTOR_MATERIAL),
                par.fieldPath(DemSetup.COLLECTOR_MATERIAL));
        double scaling = par.number(DemSetup.DENSITY_SCALING);

        double d50 = recipe.particleDiameter();
        double lx = par.number(BOX_X) * d50;
        double ly = par.number(BOX_Y) * d50;
        checkBox(par, d50, 1);
        SizeDistribution sizes = distribution(par, d50);
        SplittableRandom random = new SplittableRandom(context.seed());

        CoatingComposition coating = CoatingComposition.draw(par, recipe, am.density(), cbdParticles, sizes, random,
                lx, ly);
        context.progress(0, "inserting " + coating.amCount() + " AM and " + coating.cbdCount() + " CBD particles");
        double area = lx * ly;
        double target = recipe.initialPorosity();
        double densest = 1 - DryingShrinkage.RANDOM_CLOSE_PACKING * coating.solid() / coating.sphereVolume();
        if (target < densest) {
            throw new InvalidInputException(RECIPE_POROSITY, target, String.format("at least %.3f for this recipe "
                    + "and cbd: %s: the porosity of a random close packing (solid fraction %.3f) of its spheres; a "
                    + "denser coating is a calendered one (dem.calender)", densest, par.text(CBD),
                    DryingShrinkage.RANDOM_CLOSE_PACKING));
        }
        double cbdApparentDensity = coating.cbdSolidDensity() * (1 - par.number(CBD_NANOPOROSITY));
        double[] density = {am.density() * scaling, Math.max(cbdApparentDensity, 1e-9) * scaling};
        DemSetup.Elastic[] types = {am, cbdMechanics};
        Swappable<ContactLaw> laws = ContactSelection.laws(context);
        ThicknessMeasure measure = ThicknessMeasure.named(par.text(THICKNESS));
        ToDoubleFunction<Particles> thickness = dry -> measure.of(dry, lx, ly, d50);
        WetDeposits.Drying drying = WetDeposits.dry(context, laws, coating, density, types, collector, lx, ly, d50,
                target, thickness, random);
        Particles particles = DryingShrinkage.dry(drying.wet().particles(), drying.shellFactor(), drying.contraction());
        ParticlePacking packing = toPacking(particles, List.of(am.name(), cbdMechanics.name()), lx, ly);
        double dried = thickness.applyAsDouble(particles);
        double porosity = 1 - coating.solid() / (area * dried);
        context.give(ParticlePacking.KEY, packing);
        context.give(DemKeys.COATING, described(par, d50));
        drying.wet().engine().report(context.results());
        report(context, par, particles, coating.amCount(), coating.cbdCount(), dried, porosity, recipe, drying, lx, ly);
    }

    /** @return the generator's description of the coating: density scaling, CBD nanoporosity, bonds, weight */
    private static DemKeys.Coating described(Parameters par, double d50) {
        double scaling = par.number(DemSetup.DENSITY_SCALING);
        DemKeys.BondPlan bonds = !"bonds".equals(par.text(CBD)) ? null : new DemKeys.BondPlan(new BondSpec(
                par.number(BOND_E), par.number(BOND_NU), par.number(BOND_LAMBDA), par.number(BOND_SIGMA),
                par.number(BOND_TAU), par.number(BOND_DAMPING), par.number(BOND_FAILURE)), par.number(BOND_GAP) * d50);
        return new DemKeys.Coating(scaling, 1 - par.number(CBD_NANOPOROSITY), bonds,
                -PhysicalConstants.STANDARD_GRAVITY / scaling);
    }

    static ParticlePacking toPacking(Particles p, List<String> materials, double lx, double ly) {
        int n = p.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double[] r = new double[n];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = p.x(i);
            y[i] = p.y(i);
            z[i] = p.z(i);
            r[i] = p.radius(i);
            t[i] = p.type(i);
        }
        return new ParticlePacking(x, y, z, r, t, materials, lx, ly, p.top());
    }

    private static void report(StageContext context, Parameters par, Particles p, int amCount, int cbdCount,
                               double thickness, double porosity, ElectrodeRecipe recipe, WetDeposits.Drying drying,
                               double lx, double ly) throws StageFailedException {
        ResultSink sink = context.results();
        sink.summary("am_particles", amCount, "1");
        sink.summary("cbd_particles", cbdCount, "1");
        sink.summary("box_x_um", lx * 1e6, "um");
        sink.summary("box_y_um", ly * 1e6, "um");
        sink.summary("thickness_um", thickness * 1e6, "um");
        sink.summary("porosity", porosity, "1");
        sink.summary("recipe_initial_porosity", recipe.initialPorosity(), "1");
        sink.summary("wet_thickness_um", drying.wetThickness() * 1e6, "um");
        sink.summary("wet_packing_fraction", drying.wetPacking(), "1");
        sink.summary("shell_factor", drying.shellFactor(), "1");
        sink.summary("through_thickness_contraction", drying.contraction(), "1");
        sink.summary("shell_gap_d50", drying.shellFactor() - 1, "1");
        sink.summary("wet_deposits", drying.deposits(), "1");
        sink.summary("settling_steps", drying.steps(), "1");
        sink.note("porosity_mechanism", String.format("wet deposit and drying shrinkage: the particles settled with "
                + "solvent-swollen CBD gel shells (radius x %.4f); on drying the shells collapsed and the film shrank "
                + "through its thickness (heights x %.4f) toward the recipe's dry thickness V_solid/((1 - eps0) Lx Ly) "
                + "= %.2f um: dried thickness (%s) %.2f um, porosity %.4f, recipe %.4f", drying.shellFactor(),
                drying.contraction(), drying.targetThickness() * 1e6, par.text(THICKNESS), thickness * 1e6, porosity,
                recipe.initialPorosity()));
        if (!drying.reached()) {
            String why = porosity > recipe.initialPorosity()
                    ? "the recipe is denser than these spheres settle even with the thinnest shells, and drying does "
                    + "not compact the deposit further (in a coating a few particles thick the layers at the collector "
                    + "and the rough top, which count in the thickness, are loose); a denser coating is a calendered "
                    + "one (dem.calender), or deposit with less friction"
                    : "the " + drying.deposits() + " wet deposits packed too differently from the estimate for the "
                    + "shells to reach it; this is the closest (raise porosity_tolerance or change the seed)";
            sink.note("porosity_not_reached", String.format("the dried coating has porosity %.4f, the recipe asks for "
                    + "%.4f (tolerance %.4f): %s", porosity, recipe.initialPorosity(), par.number(TOLERANCE), why));
        }
        // the calendering stage bonds the pairs within bond_gap_fraction d50
        double bondReach = par.number(BOND_GAP);
        if ("bonds".equals(par.text(CBD)) && drying.shellFactor() - 1 > bondReach) {
            sink.note("shell_gap", String.format("drying leaves gaps of about %.3f d50 between laterally "
                    + "neighbouring median particles, more than the %.3f d50 within which dem.calender bonds a pair "
                    + "(bond_gap_fraction): many such neighbours get no CBD bond", drying.shellFactor() - 1,
                    bondReach));
        }
        int bins = 20;
        double top = p.top();
        double[] profile = SolidFraction.porosityProfile(p, 0, top, lx * ly, bins);
        double[] height = new double[bins];
        for (int k = 0; k < bins; k++) {
            height[k] = (k + 0.5) * top / bins * 1e6;
        }
        sink.table("porosity-profile", Table.builder().column("height", "um", height)
                .column("sphere_porosity", "1", profile).build());
        sink.plot(new Plot("porosity-profile", "Porosity through the dried coating (spheres)", "height above collector [um]",
                "porosity [1]", List.of(new Series("generated", height, profile, Series.Style.LINE))));
        if (par.flag(VTK)) {
            try {
                VtkParticles.write(p, sink.file("generated.vtp"));
            } catch (IOException e) {
                throw new StageFailedException("could not write the VTK file: " + e.getMessage(), e);
            }
        }
    }
}
