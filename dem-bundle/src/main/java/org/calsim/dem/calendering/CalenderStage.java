package org.calsim.dem.calendering;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.electrode.RollPass;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.stage.Swappable;
import org.calsim.api.structure.PackingSeries;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.dem.analysis.SurfaceHeight;
import org.calsim.dem.contact.ContactSelection;
import org.calsim.dem.engine.BlowUpException;
import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.Particles;
import org.calsim.dem.engine.PeriodicBox;
import org.calsim.dem.engine.PlaneWall;
import org.calsim.dem.engine.RollWall;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dem.calender}: compresses the DEM coating and releases it.
 *
 * <p>Under a plate, thickness is measured as a micrometer does: the height at which a flat plate touches the highest
 * particle, max(z + r); h₀ before calendering. Behind a roll it is the strip's mean surface height, as a
 * profilometer gives it (below).
 *
 * <p><b>Plate mode</b> (uniaxial compaction, as in most DEM calendering studies): a rigid plate starts just
 * above the coating and moves down at {@code plate_speed_m_per_s} until the degree of compaction
 * Π = 1 − h/h₀ (eq 3) reaches {@code target_compaction}, or the pressure on it reaches
 * {@code target_pressure_MPa}; it holds ({@code hold_steps}, at fixed height or servo-controlled to the target
 * pressure), then moves up at the same speed. The unloaded thickness h_u is the plate height where its force
 * first vanishes; spring-back = (h_u − h_min)/h_min.
 *
 * <p><b>Roll mode</b>: a rigid roll of radius {@code roll_radius_um} (axis along y) comes down while rolling, along
 * a ramp one entry length long, to the gap (1 − Π) h₀ (h₀ the strip's mean surface height, so that Π is the
 * reduction of the thickness a profilometer reads; the roll first touches the highest particle), rolls once
 * over the periodic strip (translation Lx at {@code roll_speed_m_per_s}, rolling without slip ω = v/R) and is
 * lifted ({@link RollProtocol}). The strip must be 2.5 entry lengths long and the roll must satisfy the bite
 * condition tan α &le; μ (both checked before anything runs). Porosity and stress are measured in a window 2 d50
 * wide under the roll axis ({@link org.calsim.dem.analysis.NipWindow}; the porosity over the window's area times the
 * strip's mean surface height in it), beside what the gap implies; the line
 * load q = |F_z|/Ly (eq 1) and the contact pressure against x are averaged over the steady part of the pass
 * (table and plot {@code nip-pressure}). Thicknesses of the strip are mean surface heights
 * ({@link SurfaceHeight}), before and after the pass, and the degrees of compaction at the gap
 * and after the pass are taken against the first; particles wholly above the final surface are counted ({@code particles_above_surface}).
 *
 * <p>The coating's own weight acts (standard gravity on the real masses, g/s per density-scaled mass): negligible
 * beside calendering loads. The much larger deposition force of
 * {@code dem.generate} does not: it was a device to settle the wet deposit in few steps, and on the dried film,
 * whose particles the drying left apart and its binder holds, it would make them fall onto each other before the tool
 * arrives (on the 10 mg/cm² roll-test strip at 3 mm/s, tearing 65 % of the CBD bonds before the roll touched it).
 *
 * <p>Every {@code sample_every_steps} the stage records thickness, pressure, porosity, coordination number,
 * fabric (eq 15) and stress (eq 16) tensors and the fraction of broken bonds. Checkpoints go to the stage's
 * checkpoint folder every {@code checkpoint_every_steps}, with copies of the VTK snapshots written until then; with
 * {@code resume: true} a run continues from the last one and ends exactly as an uninterrupted run would, with the same
 * numbers, tables and VTK files.
 *
 * <p><b>A packing not made by {@code dem.generate}</b> (e.g. read by {@code packing.load}) comes without the
 * generator's description of the coating: it has no CBD bonds; its CBD spheres (type 1) are taken as solid, with the
 * carbon-binder solid density the recipe implies (a file does not state their nanoporosity); this stage's
 * {@code density_scaling} applies and the weight is standard gravity on the real masses; the length d50 (start gap
 * of the plate, inertial number, roll-mode windows) is the median active-material diameter of the packing, not the
 * recipe's. The porosity then counts the spheres only. A note in the results says so.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + CalenderStage.NAME)
public final class CalenderStage implements Solver {
    /** Stage name. */
    public static final String NAME = "dem.calender";

    static final String MODE = "mode";
    static final String TARGET = "target";
    static final String COMPACTION = "target_compaction";
    static final String PRESSURE = "target_pressure_MPa";
    static final String PLATE_SPEED = "plate_speed_m_per_s";
    static final String ROLL_RADIUS = "roll_radius_um";
    static final String ROLL_SPEED = "roll_speed_m_per_s";
    static final String HOLD = "hold_steps";
    static final String RELAX = "relax_steps";
    static final String SAMPLE = "sample_every_steps";
    static final String VTK_EVERY = "vtk_every_steps";
    static final String CHECKPOINT_EVERY = "checkpoint_every_steps";
    static final String RESUME = "resume";
    static final String MAX_STEPS = "max_steps";
    static final String SERIES = "series_points";

    /** Roll mode: half-width of the measuring window under the roll, in d50 (window 2 d50 wide). */
    static final double WINDOW_D50 = 1.0;
    /** Roll mode: bin width of the nip pressure profile, in d50. */
    static final double NIP_BIN_D50 = 0.25;
    /** Roll mode: cell side of the mean surface height (the probe of a profilometer), in d50. */
    static final double SURFACE_GRID_D50 = 0.5;

    /** Name of the checkpoint file in the stage's checkpoint folder ({@link CalenderCheckpoint}). */
    static final String CHECKPOINT_FILE = "dem-calender.ckpt";

    @Override
    public String description() {
        return "DEM: calenders the coating with a plate or a roll (load, hold, unload); pressure-thickness curve, "
                + "spring-back, porosity, coordination, fabric and stress tensors, bond breakage, VTK";
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>(List.of(
                Parameter.choice(MODE, List.of("plate", "roll"), "a flat plate pressing down, or a roll passing over "
                        + "the periodic strip").withDefault("plate"),
                Parameter.choice(TARGET, List.of("compaction", "pressure"), "stop loading at a degree of compaction "
                        + "(eq 3) or at a pressure (plate mode)").withDefault("compaction"),
                Parameter.number(COMPACTION, "1", 1, "degree of compaction 1 - h/h0 at the end of loading; h0 the "
                        + "highest particle top under a plate, the strip's mean surface height under a roll").open(0, 1)
                        .withDefault(0.25),
                Parameter.number(PRESSURE, "MPa", 1e6, "pressure at the end of loading (target: pressure)").positive()
                        .optional(),
                Parameter.number(PLATE_SPEED, "m/s", 1, "plate speed; roll mode: lifting speed and the largest "
                        + "lowering speed (the roll comes down while rolling, over one entry length)").positive()
                        .withDefault(0.01),
                Parameter.number(ROLL_RADIUS, "um", 1e-6, "roll radius (roll mode); the strip must be 2.5 entry "
                        + "lengths sqrt(2 R dh) long (dh: depth of the pass) and tan of the bite angle, "
                        + "acos(1 - dh/R), at most the friction coefficient: R >= 24 dh for friction 0.3; the default "
                        + "needs a long strip, e.g. box_x_d50: 30 in dem.generate for 25 % of a 25 um coating")
                        .positive().withDefault(1000.0),
                Parameter.number(ROLL_SPEED, "m/s", 1, "roll translation speed (roll mode)").positive()
                        .withDefault(0.05),
                Parameter.integer(HOLD, "steps the plate holds at the end of loading").closed(0, 1e9).withDefault(2000),
                Parameter.integer(RELAX, "steps the released coating relaxes before the final measurement")
                        .closed(0, 1e9).withDefault(2000),
                Parameter.integer(SAMPLE, "steps between two recorded samples of the compression curve")
                        .closed(1, 1e9).withDefault(500),
                Parameter.integer(VTK_EVERY, "steps between VTK snapshots; 0: only initial, maximum load and final")
                        .closed(0, 1e9).withDefault(0),
                Parameter.integer(CHECKPOINT_EVERY, "steps between checkpoints; 0: none").closed(0, 1e9).withDefault(0),
                Parameter.flag(RESUME, "continue from the last checkpoint of this stage, if there is one")
                        .withDefault(false),
                Parameter.integer(MAX_STEPS, "largest number of steps; the stage fails beyond it")
                        .closed(100, 2e9).withDefault(5_000_000),
                Parameter.integer(SERIES, "plate mode: snapshots of the packing at this many evenly spaced points of "
                        + "the loading, after the uncalendered state and before the released one, given as a "
                        + "calendering series (0: none)").closed(0, 100).withDefault(0)));
        list.addAll(DemSetup.parameters());
        return list;
    }

    @Override
    public void validate(Parameters par, SimulationState inputs) {
        ContactSelection.validate(par);
        boolean pressure = "pressure".equals(par.text(TARGET));
        if (pressure && !par.isSet(PRESSURE)) {
            throw new InvalidInputException(par.fieldPath(PRESSURE), "(missing)",
                    "a pressure > 0 MPa when target is pressure");
        }
        if (par.integer(SERIES) > 0 && "roll".equals(par.text(MODE))) {
            throw new InvalidInputException(par.fieldPath(SERIES), par.integer(SERIES),
                    "0 in roll mode (the roll loads the strip piece by piece: there is no series of global states)");
        }
        if (pressure && "roll".equals(par.text(MODE))) {
            throw new InvalidInputException(par.fieldPath(TARGET), "pressure",
                    "compaction in roll mode (the roll is gap-controlled); pressure needs mode: plate");
        }
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of(ParticlePacking.KEY, ElectrodeRecipe.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        Set<Key<?>> keys = new LinkedHashSet<>(List.of(ParticlePacking.KEY, CoatingKeys.POROSITY,
                CoatingKeys.THICKNESS, CoatingKeys.COMPACTION_DEGREE, CoatingKeys.NIP_PRESSURE));
        if (parameters.integer(SERIES) > 0) {
            keys.add(PackingSeries.KEY);
        }
        if ("roll".equals(parameters.text(MODE))) {
            keys.add(RollPass.KEY);
        }
        return keys;
    }

    @Override
    public void run(StageContext context) throws StageFailedException {
        Parameters par = context.parameters();
        validate(par, context.state());
        ParticlePacking packing = context.state().get(ParticlePacking.KEY);
        CoatingSetup setup = CoatingSetup.of(context, packing, context.state().get(ElectrodeRecipe.KEY));
        DemSetup.Elastic collector = DemSetup.elastic(context, par.text(DemSetup.COLLECTOR_MATERIAL),
                par.fieldPath(DemSetup.COLLECTOR_MATERIAL));
        DemSetup.Elastic tool = DemSetup.elastic(context, par.text(DemSetup.TOOL_MATERIAL),
                par.fieldPath(DemSetup.TOOL_MATERIAL));
        Particles particles = setup.particles;
        PeriodicBox box = new PeriodicBox(packing.boxX(), packing.boxY());
        Swappable<ContactLaw> laws = ContactSelection.laws(context);
        ContactLaw law = laws.acquire(0);
        setup.note(context.results(), par);
        try (DemEngine engine = DemSetup.engine(context, particles, box, setup.types, law,
                setup.coating.densityScaling())) {
            engine.addWall(new PlaneWall("collector", 0, true, DemSetup.wall(par, collector, setup.types)));
            double top = particles.top();
            boolean roll = "roll".equals(par.text(MODE));
            // h0: under a plate the micrometer's thickness, the highest top; under a roll the strip's mean surface
            double h0 = roll ? SurfaceHeight.of(particles, box.lx(), box.ly(), SURFACE_GRID_D50 * setup.d50).mean()
                    : top;
            Protocol protocol = tool(par, engine, DemSetup.wall(par, tool, setup.types), top, h0, setup.d50);
            engine.setGravity(setup.coating.bodyForce());
            engine.sortParticles();
            engine.initialise();
            formBonds(par, engine, setup, law);
            engine.resetEnergyReference();
            CompressionRecord record = new CompressionRecord(engine, setup.solidVolume, h0, setup.d50);
            if (protocol instanceof RollProtocol pass) {
                record.measureUnderRoll(pass.roll(), Math.min(WINDOW_D50 * setup.d50, Math.min(0.5 * box.lx(),
                        pass.roll().radius())), setup.solidFraction, setup.amExtra, top);
            }
            calender(context, engine, laws, protocol, record, h0);
            new CompressionReport(record, context.results()).write(protocol, setup.coating.densityScaling(),
                    roll ? par.number(ROLL_SPEED) : par.number(PLATE_SPEED));
            give(context, packing, particles, protocol, record, h0);
        } catch (BlowUpException e) {
            throw new StageFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new StageFailedException("could not write results or checkpoints: " + e.getMessage(), e);
        }
    }

    /**
     * Adds the tool (a roll or a plate, after the collector) and returns the protocol that moves it.
     *
     * @param byType the tool's contact properties per particle type
     * @param top    the highest particle top [m]
     * @param h0     the thickness before calendering [m]
     */
    private static Protocol tool(Parameters par, DemEngine engine, PairProperties[] byType, double top, double h0,
                                 double d50) {
        PeriodicBox box = engine.box();
        double gap = (1 - par.number(COMPACTION)) * h0;
        Protocol protocol;
        if ("roll".equals(par.text(MODE))) {
            double radius = par.number(ROLL_RADIUS);
            checkRoll(par, radius, top - gap, box.lx());
            RollWall roll = new RollWall("roll", radius, 0, top + radius + 0.05 * d50, byType);
            protocol = new RollProtocol(roll, engine.walls().size(), gap, par.number(PLATE_SPEED),
                    par.number(ROLL_SPEED), box, par.integer(RELAX), top, NIP_BIN_D50 * d50, SURFACE_GRID_D50 * d50);
            engine.addWall(roll);
        } else {
            PlaneWall plate = new PlaneWall("plate", top + 1e-3 * d50, false, byType);
            boolean byPressure = "pressure".equals(par.text(TARGET));
            protocol = new PlateProtocol(plate, gap, byPressure ? par.number(PRESSURE) : Double.NaN,
                    par.number(PLATE_SPEED), par.integer(HOLD), par.integer(RELAX), box.area());
            engine.addWall(plate);
        }
        return protocol;
    }

    /**
     * Joins the active-material pairs the generator's bond plan names (CBD as bonds), refusing a law without a bond
     * part.
     */
    private static void formBonds(Parameters par, DemEngine engine, CoatingSetup setup, ContactLaw law) {
        DemKeys.BondPlan bonds = setup.coating.bonds();
        if (bonds == null) {
            return;
        }
        Particles particles = setup.particles;
        int formed = engine.formBonds(bonds.spec(), bonds.gap(),
                (i, j) -> particles.type(i) == 0 && particles.type(j) == 0);
        if (formed == 0 && !law.formBond(new ContactGeometry(), bonds.spec(), new double[law.historySize()], 0)) {
            throw ContactSelection.lacking(par, ContactSelection.BOND, "a contact law with a bond part (e.g. bonded, "
                    + "or contact.bond: parallel): the coating has its CBD as bonds");
        }
    }

    /**
     * Runs the protocol through the {@link StepDriver}: from the checkpoint when resuming from one, else from the
     * initial snapshot (and the uncalendered coating as the series' first state); the last sample and snapshot at the
     * end.
     */
    private static void calender(StageContext context, DemEngine engine, Swappable<ContactLaw> laws,
                                 Protocol protocol, CompressionRecord record, double h0)
            throws IOException, StageFailedException {
        Parameters par = context.parameters();
        boolean checkpoints = par.integer(CHECKPOINT_EVERY) > 0 || par.flag(RESUME);
        CalenderCheckpoint checkpoint = checkpoints
                ? new CalenderCheckpoint(context, context.checkpointFolder().resolve(CHECKPOINT_FILE)) : null;
        if (par.flag(RESUME) && checkpoint.exists()) {
            checkpoint.restore(engine, protocol, record);
            context.results().note("resumed", "resumed from " + checkpoint.file() + " at step " + engine.steps());
        } else {
            record.vtk(context, "initial");
            if (par.integer(SERIES) > 0) {
                record.snapshot(protocol, h0); // the uncalendered coating opens the series
            }
        }
        CalenderCourse course = new CalenderCourse(context, engine, protocol, record, checkpoint);
        StepDriver.run(context, engine, laws, 0, course.maxSteps(), course);
        record.sample(protocol);
        record.vtk(context, "final");
    }

    /** Gives the calendered packing, its thickness, porosity and compaction, the nip pressure, the pass, the series. */
    private static void give(StageContext context, ParticlePacking packing, Particles particles, Protocol protocol,
                             CompressionRecord record, double h0) {
        Parameters par = context.parameters();
        context.give(ParticlePacking.KEY, ElectrodeGenerator.toPacking(particles, packing.materials(), packing.boxX(),
                packing.boxY()));
        context.give(CoatingKeys.THICKNESS, protocol.unloadedThickness());
        context.give(CoatingKeys.POROSITY, record.porosity(protocol.unloadedThickness()));
        context.give(CoatingKeys.COMPACTION_DEGREE, 1 - protocol.unloadedThickness() / h0);
        context.give(CoatingKeys.NIP_PRESSURE, record.maxPressure());
        if (protocol instanceof RollProtocol pass) {
            NipProfile steady = pass.steadyProfile();
            context.give(RollPass.KEY, new RollPass(pass.roll().radius(), h0, pass.minimumThickness(),
                    protocol.unloadedThickness(), steady.lineLoad(), steady.contactLength(), par.number(ROLL_SPEED)));
        }
        if (par.integer(SERIES) > 0) {
            record.snapshot(protocol, protocol.unloadedThickness());
            context.give(PackingSeries.KEY, record.series(packing.materials()));
        }
    }

    /**
     * Refuses a roll the periodic strip cannot hold or that cannot draw the strip in.
     *
     * <ul>
     * <li>Strip length: the entry length l_e = √(2R Δh) (Δh = h_top − gap: one roll on a rigid collector) must
     *     fit 2.5 times into Lx, so the roll touches the strip only within its nip, never through the periodic
     *     image of its far side.</li>
     * <li>Bite: the roll meets the strip top at the bite angle α, cos α = 1 − Δh/R; it draws the material into
     *     the gap only if friction can, tan α &le; μ (the bite condition of flat rolling, e.g. J.G. Lenard,
     *     Primer on Flat Rolling, Elsevier). A steeper roll pushes the strip ahead of it as a bow wave, lifts
     *     particles above the strip and tears the binder bonds apart (a 50 µm roll 35 % into a 25 µm strip, tan α
     *     ≈ 0.7 at μ = 0.3, broke every bond).</li>
     * </ul>
     *
     * @param depth Δh [m]
     */
    private static void checkRoll(Parameters par, double radius, double depth, double lx) {
        double entry = Math.sqrt(2 * radius * Math.max(depth, 0));
        if (lx < 2.5 * entry) {
            throw new InvalidInputException(par.fieldPath(ROLL_RADIUS), radius * 1e6, String.format(
                    "a roll whose nip (%.1f um long for this strip) fits 2.5 times into the periodic strip "
                            + "(Lx = %.1f um): use a smaller roll radius or a longer box (box_x_d50 in "
                            + "dem.generate)", entry * 1e6, lx * 1e6));
        }
        double mu = par.number(DemSetup.FRICTION);
        double cos = 1 - Math.max(depth, 0) / radius;
        double tan = cos > 0 ? Math.sqrt(1 - cos * cos) / cos : Double.POSITIVE_INFINITY;
        if (tan > mu) {
            throw new InvalidInputException(par.fieldPath(ROLL_RADIUS), radius * 1e6, String.format(
                    "a roll that can draw the strip in: its bite angle (tan = %.3g for a %.2f um deep pass) must "
                            + "not exceed the friction coefficient %.3g; use a roll radius of at least %.0f um, a "
                            + "smaller target_compaction or more friction", tan, depth * 1e6, mu,
                    Math.ceil(depth / (1 - 1 / Math.sqrt(1 + mu * mu)) * 1e6)));
        }
    }
}
