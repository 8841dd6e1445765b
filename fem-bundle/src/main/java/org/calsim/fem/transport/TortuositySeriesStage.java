package org.calsim.fem.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.structure.PackingSeries;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.api.transport.TransportSeries;
import org.calsim.fem.conduction.SteadyConduction;
import org.calsim.fem.voxel.Voxeliser;
import org.calsim.support.fit.LogLogLine;
import org.calsim.support.memory.HeapBudget;
import org.osgi.service.component.annotations.Component;

/**
 * {@code fem.tortuosity-series}: the through-plane tortuosity factor of every packing of a calendering series
 * (voxelised as {@code fem.voxelise} does, conducted as {@code fem.tortuosity} does), and the fit of the
 * generalised effective-medium law T = a ε^b over the series by least squares on ln T = ln a + b ln ε — the
 * review's Fig. 8f, where Ge et al. found a = 0.885, b = −1.068 without and a = 1.02, b = −0.53 with the binder
 * phase — beside Bruggeman's T = ε^−0.5. Each state's mean pore radius in voxels and the overestimate of T it
 * implies ({@link PoreResolution}) are in the table, with a note for the coarsest when that exceeds 5 %.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + TortuositySeriesStage.NAME)
public final class TortuositySeriesStage implements Solver {
    /** Stage name. */
    public static final String NAME = "fem.tortuosity-series";
    static final String PER_RADIUS = "voxels_per_radius";
    static final String CBD = "cbd";
    static final String CBD_FRACTION = "cbd_volume_fraction";

    /** The heap the memory check compares with. */
    private final HeapBudget heap;

    /** The stage on this JVM's heap ({@link HeapBudget#ofThisJvm}). */
    public TortuositySeriesStage() {
        this(HeapBudget.ofThisJvm());
    }

    /** @param heap the heap the memory check compares with */
    TortuositySeriesStage(HeapBudget heap) {
        this.heap = heap;
    }

    /**
     * Refuses the series before any state is voxelised when its largest image would not fit the heap: the image of
     * each state at the stage's voxel edge, with {@link TortuosityStage#memoryNeeded(int[], long, long, Parameters)}
     * taking every voxel as pore (an upper bound; the images are not made yet).
     *
     * @throws InvalidInputException naming {@code voxels_per_radius}, the image and the heap
     */
    private void checkMemory(PackingSeries series, Parameters par) {
        for (int s = 0; s < series.size(); s++) {
            ParticlePacking packing = series.packings().get(s);
            int[] n = Voxeliser.dimensions(packing, Voxeliser.smallestAmRadius(packing) / par.number(PER_RADIUS));
            long voxels = (long) n[0] * n[1] * n[2];
            long needed = voxels > Integer.MAX_VALUE - 8 ? Long.MAX_VALUE
                    : TortuosityStage.memoryNeeded(n, voxels, 0, par);
            if (!heap.fits(needed)) {
                throw new InvalidInputException(par.fieldPath(PER_RADIUS), par.number(PER_RADIUS), String.format(
                        Locale.ROOT, "voxels across the smallest radius that keep every state's image within "
                        + "the heap and 2^31 - 1 voxels: state %d would be %d x %d x %d voxels; %s, or fewer voxels "
                        + "per radius", s + 1, n[0], n[1], n[2], needed == Long.MAX_VALUE ? "too many for one array"
                        : heap.explain(needed)));
            }
        }
    }

    @Override
    public String description() {
        return "tortuosity factor over a calendering series and the fit T = a*eps^b (review Fig. 8f) against "
                + "Bruggeman";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.number(PER_RADIUS, "1", 1, "voxels across the smallest active-material radius")
                        .closed(1, 100).withDefault(3.0),
                Parameter.choice(CBD, List.of("particles", "morphological"), "CBD from the DEM particles, or grown "
                        + "around AM contacts").withDefault("morphological"),
                Parameter.number(CBD_FRACTION, "1", 1, "apparent CBD volume fraction (morphological) of the last "
                        + "(released) state; the others get the same CBD volume, so a fraction scaled by thickness")
                        .closed(0, 0.5).withDefault(0.1),
                PhaseFractions.nanoporosityParameter(),
                Parameter.number(TortuosityStage.TOLERANCE, "1", 1, "relative residual at which conjugate "
                        + "gradients stop").open(0, 1).withDefault(1e-6),
                Parameter.number(TortuosityStage.FLUX_TOLERANCE, "1", 1, "flux balance at which conjugate gradients "
                        + "stop").open(0, 1).withDefault(1e-5),
                TortuosityStage.preconditionerParameter(),
                TortuosityStage.sidesParameter(),
                Parameter.threads("solver"));
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of(PackingSeries.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of(TransportSeries.KEY);
    }

    @Override
    public void run(StageContext context) throws StageFailedException {
        Parameters par = context.parameters();
        PackingSeries series = context.state().get(PackingSeries.KEY);
        checkMemory(series, par);
        List<Double> eps = new ArrayList<>();
        List<Double> tau = new ArrayList<>();
        double[] porosity = new double[series.size()];
        PhaseFractions[] fractions = new PhaseFractions[series.size()];
        double[] factor = new double[series.size()];
        double[] radius = new double[series.size()];
        for (int s = 0; s < series.size(); s++) {
            context.checkCancelled();
            context.progress((double) s / series.size(), "state " + (s + 1) + " of " + series.size());
            State state = state(par, series, s);
            radius[s] = state.meanPoreRadius();
            fractions[s] = state.fractions();
            porosity[s] = fractions[s].pore();
            factor[s] = state.conduction().percolates() ? porosity[s] / state.conduction().effective()
                    : Double.POSITIVE_INFINITY;
            if (state.conduction().percolates()) {
                eps.add(porosity[s]);
                tau.add(factor[s]);
            }
        }
        List<EffectiveProperties> states = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            states.add(fractions[s].with(factor[s], Double.NaN, Double.NaN,
                    "voxel conduction, " + par.text(TortuosityStage.SIDES) + " sides, calendering state " + (s + 1)));
        }
        context.give(TransportSeries.KEY, new TransportSeries(series.compaction(), states));
        ResultSink sink = context.results();
        boolean periodic = TortuosityStage.PERIODIC.equals(par.text(TortuosityStage.SIDES));
        sink.note("boundary_conditions", "through-plane: potentials at the collector (z = 0) and the top, x and y "
                + "sides " + (periodic ? "periodic" : "no flux"));
        double[] overestimate = new double[radius.length];
        int coarsest = 0;
        for (int s = 0; s < radius.length; s++) {
            overestimate[s] = PoreResolution.estimatedOverestimate(radius[s]);
            coarsest = overestimate[s] > overestimate[coarsest] ? s : coarsest;
        }
        if (overestimate[coarsest] > PoreResolution.NOTE_ABOVE) {
            sink.note("resolution", "state " + (coarsest + 1) + ": " + PoreResolution.note(radius[coarsest]));
        }
        sink.table("tortuosity-series", Table.builder().column("compaction_degree", "1", series.compaction())
                .column("pressure", "MPa", scale(series.pressures(), 1e-6)).column("porosity", "1", porosity)
                .column("total_porosity", "1", Arrays.stream(fractions).mapToDouble(PhaseFractions::total)
                        .toArray())
                .column("tortuosity_factor", "1", factor).column("mean_pore_radius", "voxels", radius)
                .column("resolution_overestimate", "1", overestimate).build());
        sink.plot(fitPlot(sink, toArray(eps), toArray(tau)));
    }

    /**
     * One calendering state, voxelised and solved.
     *
     * @param fractions      its phase fractions
     * @param meanPoreRadius its mean pore radius [voxels]
     * @param conduction     the through-plane conduction through its pores
     */
    private record State(PhaseFractions fractions, double meanPoreRadius, SteadyConduction.Result conduction) {
    }

    /** Voxelises state {@code s} (the CBD fraction scaled to its thickness) and solves the conduction through it. */
    private static State state(Parameters par, PackingSeries series, int s) throws StageFailedException {
        ParticlePacking packing = series.packings().get(s);
        double edge = Voxeliser.smallestAmRadius(packing) / par.number(PER_RADIUS);
        // the CBD volume per area does not change on calendering: its fraction scales as 1/thickness
        double last = series.packings().get(series.size() - 1).boxZ();
        double fraction = Math.min(par.number(CBD_FRACTION) * last / packing.boxZ(), 0.5);
        VoxelImage image = Voxeliser.voxelise(packing, edge, "morphological".equals(par.text(CBD)), fraction);
        byte[] labels = image.labels();
        boolean[] pore = new boolean[labels.length];
        for (int v = 0; v < labels.length; v++) {
            pore[v] = labels[v] == 0;
        }
        double radius = PoreResolution.meanPoreRadius(pore, image.nx(), image.ny(), image.nz());
        double[] sigma = new double[256];
        sigma[0] = 1;
        SteadyConduction.Result r = SteadyConduction.solve(new int[] {image.nx(), image.ny(), image.nz()}, labels,
                sigma, 2, TortuosityStage.periodicAxes(par, 2), TortuosityStage.settings(par, 1_000_000));
        if (r.percolates()) {
            TortuosityStage.checkConverged(par, "state " + (s + 1), r);
        }
        return new State(PhaseFractions.of(image, par.number(PhaseFractions.NANOPOROSITY)), radius, r);
    }

    /** @return the plot of T against ε: the computed states, Bruggeman's line and the fit T = aε^b (also summarised) */
    private static Plot fitPlot(ResultSink sink, double[] eps, double[] tau) {
        List<Series> lines = new ArrayList<>();
        lines.add(new Series("voxel conduction", eps, tau, Series.Style.MARKERS));
        Series bruggeman = TortuosityStage.bruggemanReference();
        double[] grid = bruggeman.x();
        lines.add(bruggeman);
        Optional<LogLogLine> fit = LogLogLine.fit(eps, tau);
        if (fit.isPresent()) {
            LogLogLine line = fit.get();
            sink.summary("fit_a", line.a(), "1");
            sink.summary("fit_b", line.b(), "1");
            sink.summary("fit_r2", line.rSquared(), "1");
            sink.note("fit", String.format("T = %.4g * eps^%.4g (R^2 = %.4f); Bruggeman: T = eps^-0.5", line.a(),
                    line.b(), line.rSquared()));
            lines.add(new Series("fit T = a eps^b", grid, Arrays.stream(grid).map(line::at).toArray(),
                    Series.Style.LINE));
        } else {
            sink.note("fit", "fewer than two percolating states of different porosity: no fit");
        }
        return new Plot("tortuosity-vs-porosity", "Tortuosity factor over the calendering series", "porosity [1]",
                "tortuosity factor T [1]", lines);
    }

    private static double[] toArray(List<Double> list) {
        double[] a = new double[list.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = list.get(k);
        }
        return a;
    }

    private static double[] scale(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k] * factor;
        }
        return out;
    }
}
