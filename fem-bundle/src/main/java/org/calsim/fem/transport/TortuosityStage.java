package org.calsim.fem.transport;

import java.util.List;
import java.util.Set;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.stage.StageFailedException.Residual;
import org.calsim.api.stage.StageProgress;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.fem.conduction.SteadyConduction;
import org.calsim.support.memory.HeapBudget;
import org.osgi.service.component.annotations.Component;

/**
 * {@code fem.tortuosity}: the tortuosity factor of the pore space from steady conduction on the voxel image
 * (phase 0 pore, 1 AM, 2 CBD). The electrolyte conducts with κ₀ in the pores and {@code cbd_ionic_fraction}·κ₀
 * in the CBD (its nanopores; 0 blocks), not in the AM. Dirichlet potentials on the two faces normal to the
 * direction of transport; the other faces follow {@code sides}:
 * <ul>
 * <li>through the plane (z): potentials at the collector (z = 0) and the top; the sides x and y periodic, as the
 * DEM packing the image comes from is (the default, TauFactor's {@code PeriodicSolver}), or no flux
 * ({@code sides: no-flux}, TauFactor's {@code Solver}: a sample cut from a larger electrode, whose walls add
 * tortuosity);</li>
 * <li>in the plane (x): potentials at x = 0 and x = Lx; y periodic (or no flux with {@code sides: no-flux}); the
 * collector and the top are no flux whatever {@code sides} says, since the coating does not wrap in z.</li>
 * </ul>
 * The boundary conditions used are written to the results (note {@code boundary_conditions}) and named in the
 * method of the {@link EffectiveProperties}.
 *
 * <p>calsim's tortuosity factor is T = ε_p κ₀/κ_eff (ε_p the pore porosity, as {@link EffectiveProperties}
 * defines it beside the total porosity and active volume fraction it also gives), the T of eqs 10–11 of the
 * review and TauFactor's τ = ε D/D_eff (Cooper, Bertei, Shearing, Kilner and Brandon, SoftwareX 5 (2016) 203);
 * when only the geometric tortuosity τ_g acts, T = τ_g² (eq 12). A pore space that does not connect the two faces
 * has T = ∞, reported as such with a note, not as a number.
 *
 * <p>Resolution guard: the mean radius of the free pores (label 0) in voxels and the overestimate of T it implies
 * ({@link PoreResolution}) are reported, with a note when that exceeds 5 %.
 *
 * <p>With {@code am_conductivity_S_per_m} and {@code cbd_conductivity_S_per_m} set, the electronic effective
 * conductivity of the solid phases through the plane is computed the same way.
 *
 * <p>Image size (issue 19). Only the conducting voxels that connect the two faces are unknowns, and per unknown the
 * solver holds about 65 bytes (five conjugate-gradient vectors, the ±y/±z neighbours, one multigrid vector and the
 * smoother's weights) plus
 * the coarse grids; conductances come from the labels and are not stored. Before solving, the stage estimates the
 * heap it needs ({@link #memoryNeeded}: the image plus the larger of the resolution guard, 10 bytes per voxel, and
 * the largest solve, an upper bound) and refuses the image ({@code structure.voxels}) with the GiB it needs and the
 * GiB the heap allows when that exceeds the maximum heap less a reserve of 10 % (at least 256 MiB; {@link HeapBudget},
 * the policy of every stage that checks its memory). With the
 * default heap of {@code ./calsim} (Java's default, a quarter of the memory: 6 GiB on a 24 GiB machine) the
 * largest cube is about 530³ voxels when 40 % of them conduct ions (a 512³ image at ε = 0.40 needs 4.9 GiB by the
 * estimate), 475³ at 60 % and 415³ when every voxel conducts; with {@code CALSIM_JAVA_OPTS=-Xmx8g}, 580³, 525³ and
 * 455³. A 1000³ image at ε = 0.40 needs about 36 GiB.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + TortuosityStage.NAME)
public final class TortuosityStage implements Solver {
    /** Stage name. */
    public static final String NAME = "fem.tortuosity";

    static final String CBD_IONIC = "cbd_ionic_fraction";
    static final String AM_SIGMA = "am_conductivity_S_per_m";
    static final String CBD_SIGMA = "cbd_conductivity_S_per_m";
    static final String TOLERANCE = "tolerance";
    static final String FLUX_TOLERANCE = "flux_tolerance";
    static final String MAX_ITERATIONS = "max_iterations";
    static final String THREADS = "threads";
    static final String PRECONDITIONER = "preconditioner";
    static final String SIDES = "sides";
    static final String PERIODIC = "periodic";
    static final String NO_FLUX = "no-flux";
    /** Bytes per voxel of the resolution guard ({@link PoreResolution}): pore and solid masks, squared distance. */
    static final long RESOLUTION_BYTES_PER_VOXEL = 10;
    /** The heap the memory check compares with. */
    private final HeapBudget heap;

    /** The stage on this JVM's heap ({@link HeapBudget#ofThisJvm}). */
    public TortuosityStage() {
        this(HeapBudget.ofThisJvm());
    }

    /** @param heap the heap the memory check compares with */
    TortuosityStage(HeapBudget heap) {
        this.heap = heap;
    }

    /** @return the side boundary parameter: periodic (default) or no-flux */
    static Parameter sidesParameter() {
        return Parameter.choice(SIDES, List.of(PERIODIC, NO_FLUX), "faces in x and y that hold no potential: "
                + "periodic (the image of a periodic DEM packing; TauFactor's PeriodicSolver) or no-flux (a sample "
                + "cut from a larger electrode; TauFactor's Solver). The collector and the top are always no-flux "
                + "for in-plane transport").withDefault(PERIODIC);
    }

    /**
     * @param par   the stage's parameters ({@code sides})
     * @param axis  direction of transport: 0 (in-plane, x) or 2 (through-plane)
     * @return per axis x, y, z whether the conduction problem wraps along it: x and y when the sides are periodic
     *         and they are not the direction of transport; z never
     */
    static boolean[] periodicAxes(Parameters par, int axis) {
        boolean sides = PERIODIC.equals(par.text(SIDES));
        return new boolean[] {sides && axis != 0, sides && axis != 1, false};
    }

    /** @return the boundary conditions of the through-plane and in-plane problems, in words */
    static String boundaryConditions(Parameters par) {
        String sides = PERIODIC.equals(par.text(SIDES)) ? "periodic" : "no flux";
        return "through-plane: potentials at the collector (z = 0) and the top, x and y sides " + sides
                + "; in-plane (x): potentials at x = 0 and x = Lx, y sides " + sides
                + ", no flux at the collector and the top";
    }

    /** @return the preconditioner parameter */
    static Parameter preconditionerParameter() {
        return Parameter.choice(PRECONDITIONER, List.of("multigrid", "jacobi"), "preconditioner of the conjugate "
                + "gradients: an aggregation multigrid V-cycle, or the diagonal (for comparison)")
                .withDefault("multigrid");
    }

    /** @return the solver settings the stage's parameters ask for */
    static SteadyConduction.Settings settings(Parameters par, int maxIterations) {
        return new SteadyConduction.Settings(par.number(TOLERANCE), par.number(FLUX_TOLERANCE), maxIterations,
                par.integer(THREADS), "jacobi".equals(par.text(PRECONDITIONER))
                        ? SteadyConduction.Preconditioning.JACOBI : SteadyConduction.Preconditioning.MULTIGRID);
    }


    /** @return κ/κ₀ per label (256 labels): 1 in the pores (0), cbd_ionic_fraction in the CBD (2), else 0 */
    static double[] ionicConductivity(Parameters par) {
        double[] sigma = new double[256];
        sigma[0] = 1;
        sigma[2] = par.number(CBD_IONIC);
        return sigma;
    }

    /** @return σ per label (256 labels): the AM's (1) and the CBD's (2) electronic conductivity, else 0 */
    static double[] electronicConductivity(Parameters par) {
        double[] sigma = new double[256];
        sigma[1] = par.number(AM_SIGMA);
        sigma[2] = par.number(CBD_SIGMA);
        return sigma;
    }

    /**
     * Heap the stage needs for an image, an upper bound: the image itself plus the larger of the resolution
     * guard (a pore mask, a solid mask and a squared distance per voxel: 10 bytes per voxel) and the largest
     * conduction solve ({@link SteadyConduction#memoryNeeded}, from the voxels that conduct ions, and electrons
     * when the electronic conductivities are set).
     *
     * @return bytes
     */
    static long memoryNeeded(VoxelImage image, Parameters par) {
        byte[] labels = image.labels();
        long[] count = new long[256];
        for (byte b : labels) {
            count[b & 0xFF]++;
        }
        double[] ionic = ionicConductivity(par);
        long ions = 0;
        for (int p = 0; p < 256; p++) {
            ions += ionic[p] > 0 ? count[p] : 0;
        }
        long electrons = par.isSet(AM_SIGMA) && par.isSet(CBD_SIGMA) ? count[1] + count[2] : 0;
        return memoryNeeded(new int[] {image.nx(), image.ny(), image.nz()}, ions, electrons, par);
    }

    /**
     * Heap the stage needs for an image of n[0] × n[1] × n[2] voxels (as {@link #memoryNeeded(VoxelImage,
     * Parameters)}), from the counts of voxels that conduct.
     *
     * @param ions      voxels that conduct ions
     * @param electrons voxels that conduct electrons, 0 when no electronic solve runs
     * @return bytes
     */
    static long memoryNeeded(int[] n, long ions, long electrons, Parameters par) {
        long voxels = (long) n[0] * n[1] * n[2];
        SteadyConduction.Preconditioning preconditioning = settings(par, 1).preconditioning();
        long largest = Math.max(RESOLUTION_BYTES_PER_VOXEL * voxels,
                SteadyConduction.memoryNeeded(n, ions, preconditioning));
        if (electrons > 0) {
            largest = Math.max(largest, SteadyConduction.memoryNeeded(n, electrons, preconditioning));
        }
        return voxels + largest;
    }

    /** @throws InvalidInputException when the image needs more heap than the budget allows */
    static void checkMemory(VoxelImage image, Parameters par, HeapBudget heap) {
        long needed = memoryNeeded(image, par);
        if (!heap.fits(needed)) {
            throw new InvalidInputException("structure.voxels", image.nx() + " x " + image.ny() + " x " + image.nz()
                    + " voxels", "an image whose conduction solve fits the heap: " + heap.explain(needed)
                    + ", or crop or coarsen the image");
        }
    }

    @Override
    public String description() {
        return "tortuosity factor (through-plane and in-plane) and effective conductivities by steady conduction "
                + "on the voxel image (conjugate gradients, multigrid preconditioned)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.number(CBD_IONIC, "1", 1, "ionic conductivity inside the CBD relative to the free "
                        + "electrolyte (its nanopores); 0: the CBD blocks ions").closed(0, 1).withDefault(0.0),
                PhaseFractions.nanoporosityParameter(),
                Parameter.number(AM_SIGMA, "S/m", 1, "electronic conductivity of the active material").positive()
                        .optional(),
                Parameter.number(CBD_SIGMA, "S/m", 1, "electronic conductivity of the CBD").positive().optional(),
                Parameter.number(TOLERANCE, "1", 1, "relative residual at which conjugate gradients stop")
                        .open(0, 1).withDefault(1e-6),
                Parameter.number(FLUX_TOLERANCE, "1", 1, "relative difference of the inlet and outlet currents at "
                        + "which conjugate gradients stop (convergence on the flux)").open(0, 1).withDefault(1e-5),
                Parameter.integer(MAX_ITERATIONS, "conjugate-gradient iteration limit").closed(1, 1e8)
                        .withDefault(100_000),
                preconditionerParameter(),
                sidesParameter(),
                Parameter.threads("solver"));
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of(VoxelImage.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of(EffectiveProperties.KEY);
    }

    @Override
    public void run(StageContext context) throws StageFailedException {
        Parameters par = context.parameters();
        VoxelImage image = context.state().get(VoxelImage.KEY);
        int[] n = {image.nx(), image.ny(), image.nz()};
        byte[] labels = image.labels();
        checkMemory(image, par, heap);
        PhaseFractions fractions = PhaseFractions.of(image, par.number(PhaseFractions.NANOPOROSITY));
        double porosity = fractions.pore();
        double[] ionic = ionicConductivity(par);
        ResultSink sink = context.results();
        boolean[] pore = new boolean[labels.length];
        for (int v = 0; v < labels.length; v++) {
            pore[v] = labels[v] == 0;
        }
        double radius = PoreResolution.meanPoreRadius(pore, n[0], n[1], n[2]);
        if (Double.isFinite(radius)) { // NaN without pores, infinite without solid
            sink.summary("mean_pore_radius_voxels", radius, "1");
            sink.summary("tortuosity_resolution_overestimate", PoreResolution.estimatedOverestimate(radius), "1");
            if (PoreResolution.estimatedOverestimate(radius) > PoreResolution.NOTE_ABOVE) {
                sink.note("resolution", PoreResolution.note(radius));
            }
        }
        sink.note("boundary_conditions", boundaryConditions(par));
        StageProgress progress = StageProgress.of(context);
        double through = tortuosity(context, progress.span(0.05, 0.4), "through_plane", "through the plane", n,
                labels, ionic, 2, porosity);
        double inPlane = tortuosity(context, progress.span(0.45, 0.3), "in_plane", "in the plane", n, labels, ionic,
                0, porosity);
        double electronic = Double.NaN;
        if (par.isSet(AM_SIGMA) && par.isSet(CBD_SIGMA)) {
            SteadyConduction.Result r = conduction(par, progress.span(0.75, 0.25),
                    "electronic conduction through the plane", n, labels, electronicConductivity(par), 2);
            if (!r.percolates()) {
                sink.note("electronic", "the solid phases do not connect the collector to the separator side");
            } else {
                checkConverged(par, "electronic", r);
            }
            electronic = r.effective();
            sink.summary("electronic_conductivity_S_per_m", electronic, "S/m");
        }
        sink.summary("porosity", porosity, "1");
        sink.summary("total_porosity", fractions.total(), "1");
        sink.summary("active_volume_fraction", fractions.active(), "1");
        sink.summary("cbd_volume_fraction", fractions.cbd(), "1");
        context.give(EffectiveProperties.KEY, fractions.with(through, inPlane, electronic,
                "voxel conduction, " + par.text(SIDES) + " sides"));

        Series bruggeman = bruggemanReference();
        List<Series> series = Double.isFinite(through)
                ? List.of(bruggeman, new Series("voxel image, through-plane", new double[] {porosity},
                        new double[] {through}, Series.Style.MARKERS))
                : List.of(bruggeman);
        sink.plot(new Plot("tortuosity-vs-porosity", "Tortuosity factor of the pore space", "porosity [1]",
                "tortuosity factor T [1]", series));
    }

    /**
     * @return the reference line of the tortuosity plots: Bruggeman's T = ε^-0.5 (α = 1.5 in T = ε^(1-α), review
     *         eqs 10–11) at ε = 0.1, 0.15, …, 0.9
     */
    static Series bruggemanReference() {
        double[] eps = new double[17];
        double[] tau = new double[eps.length];
        for (int k = 0; k < eps.length; k++) {
            eps[k] = 0.1 + 0.05 * k;
            tau[k] = Math.pow(eps[k], -0.5);
        }
        return new Series("Bruggeman T = eps^-0.5", eps, tau, Series.Style.LINE);
    }

    /**
     * @param label the direction in result names, e.g. {@code through_plane}
     * @param where the direction in words, e.g. {@code "through the plane"}
     */
    private static double tortuosity(StageContext context, StageProgress progress, String label, String where,
                                     int[] n, byte[] labels, double[] sigma, int axis, double porosity)
            throws StageFailedException {
        Parameters par = context.parameters();
        SteadyConduction.Result r = conduction(par, progress, "ionic conduction " + where, n, labels, sigma, axis);
        ResultSink sink = context.results();
        if (!r.percolates()) {
            sink.note("tortuosity_factor_" + label, "infinite: the pores do not connect the two faces");
            return Double.POSITIVE_INFINITY;
        }
        checkConverged(par, label, r);
        double tau = porosity / r.effective();
        sink.summary("tortuosity_factor_" + label, tau, "1");
        sink.summary("relative_ionic_conductivity_" + label, r.effective(), "1");
        sink.summary("iterations_" + label, r.iterations(), "1");
        sink.summary("residual_" + label, r.residual(), "1");
        sink.summary("flux_imbalance_" + label, r.fluxImbalance(), "1");
        return tau;
    }

    /**
     * One conduction solve with the stage's settings, filling {@code progress}: cancellable and reporting between any
     * two iterations.
     *
     * @param what the solve in words, for the progress messages
     */
    private static SteadyConduction.Result conduction(Parameters par, StageProgress progress, String what, int[] n,
                                                      byte[] labels, double[] sigma, int axis) {
        progress.report(0, what);
        return SteadyConduction.solve(n, labels, sigma, axis, periodicAxes(par, axis),
                settings(par, par.integer(MAX_ITERATIONS)), progress.solve(what, par.number(TOLERANCE))::iteration);
    }

    /** @throws StageFailedException when the solve stopped before its tolerances were met */
    static void checkConverged(Parameters par, String label, SteadyConduction.Result r)
            throws StageFailedException {
        if (r.residual() > par.number(TOLERANCE) || r.fluxImbalance() > par.number(FLUX_TOLERANCE)) {
            throw StageFailedException.notConverged("conduction (" + label + ")", r.iterations(),
                    "raise max_iterations", new Residual("relative residual", r.residual(), par.number(TOLERANCE)),
                    new Residual("flux imbalance", r.fluxImbalance(), par.number(FLUX_TOLERANCE)));
        }
    }
}
