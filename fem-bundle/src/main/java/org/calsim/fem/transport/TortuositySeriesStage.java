package org.calsim.fem.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.calsim.api.stage.StageProgress;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.structure.VoxelSeries;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.api.transport.TransportSeries;
import org.calsim.fem.conduction.SteadyConduction;
import org.calsim.support.fit.LogLogLine;
import org.calsim.support.memory.HeapBudget;
import org.osgi.service.component.annotations.Component;

/**
 * {@code fem.tortuosity-series}: the through-plane tortuosity factor of every image of a calendering series (the
 * voxel series of {@code fem.voxelise} or {@code fem.voxelise-bridges} with {@code series: true}, conducted as
 * {@code fem.tortuosity} does), and the fit of the generalised effective-medium law T = a ε^b over the series by
 * least squares on ln T = ln a + b ln ε — the review's Fig. 8f, where Ge et al. found a = 0.885, b = −1.068
 * without and a = 1.02, b = −0.53 with the binder phase — beside Bruggeman's T = ε^−0.5. Each state's mean pore
 * radius in voxels and the overestimate of T it implies ({@link PoreResolution}) are in the table, with a note for
 * the coarsest when that exceeds 5 %.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + TortuositySeriesStage.NAME)
public final class TortuositySeriesStage implements Solver {
    /** Stage name. */
    public static final String NAME = "fem.tortuosity-series";

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
     * One state's conduction: its phase fractions, its tortuosity factor ε/(σ_eff/σ₀) (infinite when the pores do
     * not percolate) and its mean pore radius [voxels].
     */
    private record State(PhaseFractions fractions, double factor, double radius, boolean percolates) {
    }

    /**
     * Refuses the series before any image is solved when one of them would not fit the heap
     * ({@link TortuosityStage#memoryNeeded(int[], long, long, Parameters)}, the pore voxels conducting).
     *
     * @throws InvalidInputException naming the voxel series, the state, its image and the heap
     */
    private void checkMemory(VoxelSeries series, Parameters par) {
        for (int s = 0; s < series.size(); s++) {
            VoxelImage image = series.images().get(s);
            int[] n = {image.nx(), image.ny(), image.nz()};
            long pores = Math.round(image.volumeFraction(0) * image.labels().length);
            long needed = TortuosityStage.memoryNeeded(n, pores, 0, par);
            if (!heap.fits(needed)) {
                throw new InvalidInputException(VoxelSeries.KEY.name(), series.point(s).name() + ", " + n[0] + " x "
                        + n[1] + " x " + n[2] + " voxels", "images whose conduction solves fit the heap: "
                        + heap.explain(needed) + ", or a coarser voxel series (fewer voxels_per_radius in the "
                        + "voxeliser)");
            }
        }
    }

    @Override
    public String description() {
        return "tortuosity factor over a calendering series (the voxel series of fem.voxelise or "
                + "fem.voxelise-bridges with series: true) and the fit T = a*eps^b (review Fig. 8f) against Bruggeman";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
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
        return Set.of(VoxelSeries.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of(TransportSeries.KEY);
    }

    @Override
    public void run(StageContext context) throws Exception {
        Parameters par = context.parameters();
        VoxelSeries series = context.state().get(VoxelSeries.KEY);
        checkMemory(series, par);
        List<State> solved = series.calculate(context, (image, point, progress) -> conduct(image, par, progress));
        List<Double> eps = new ArrayList<>();
        List<Double> tau = new ArrayList<>();
        double[] porosity = new double[series.size()];
        double[] factor = new double[series.size()];
        double[] radius = new double[series.size()];
        for (int s = 0; s < series.size(); s++) {
            State state = solved.get(s);
            porosity[s] = state.fractions().pore();
            factor[s] = state.factor();
            radius[s] = state.radius();
            if (state.percolates()) {
                eps.add(porosity[s]);
                tau.add(factor[s]);
            }
        }
        List<EffectiveProperties> states = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            states.add(solved.get(s).fractions().with(factor[s], Double.NaN, Double.NaN, "voxel conduction, "
                    + par.text(TortuosityStage.SIDES) + " sides, calendering state " + series.point(s).number()));
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
                .column("total_porosity", "1", solved.stream().mapToDouble(t -> t.fractions().total()).toArray())
                .column("tortuosity_factor", "1", factor).column("mean_pore_radius", "voxels", radius)
                .column("resolution_overestimate", "1", overestimate).build());
        List<Series> lines = new ArrayList<>();
        lines.add(new Series("voxel conduction", toArray(eps), toArray(tau), Series.Style.MARKERS));
        Series bruggeman = TortuosityStage.bruggemanReference();
        double[] grid = bruggeman.x();
        lines.add(bruggeman);
        Optional<LogLogLine> fit = LogLogLine.fit(toArray(eps), toArray(tau));
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
        sink.plot(new Plot("tortuosity-vs-porosity", "Tortuosity factor over the calendering series", "porosity [1]",
                "tortuosity factor T [1]", lines));
    }

    /**
     * Steady conduction through the plane in the pores of one image (label 0 conducts, σ₀ = 1), as
     * {@code fem.tortuosity} solves it.
     *
     * @param progress the image's share of the stage's progress, which the solve fills
     * @throws StageFailedException when the solve in percolating pores does not converge
     */
    private static State conduct(VoxelImage image, Parameters par, StageProgress progress)
            throws StageFailedException {
        byte[] labels = image.labels();
        boolean[] pore = new boolean[labels.length];
        for (int v = 0; v < labels.length; v++) {
            pore[v] = labels[v] == 0;
        }
        double radius = PoreResolution.meanPoreRadius(pore, image.nx(), image.ny(), image.nz());
        double[] sigma = new double[256];
        sigma[0] = 1;
        SteadyConduction.Result r = SteadyConduction.solve(new int[] {image.nx(), image.ny(), image.nz()}, labels,
                sigma, 2, TortuosityStage.periodicAxes(par, 2), TortuosityStage.settings(par, 1_000_000),
                progress.solve("ionic conduction through the plane", par.number(TortuosityStage.TOLERANCE))::iteration);
        if (r.percolates()) {
            TortuosityStage.checkConverged(par, "through the plane", r);
        }
        PhaseFractions fractions = PhaseFractions.of(image, par.number(PhaseFractions.NANOPOROSITY));
        double factor = r.percolates() ? fractions.pore() / r.effective() : Double.POSITIVE_INFINITY;
        return new State(fractions, factor, radius, r.percolates());
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
