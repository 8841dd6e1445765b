package org.calsim.cfd.permeability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.calsim.api.transport.FlowProperties;
import org.calsim.cfd.lattice.Permeability;
import org.osgi.service.component.annotations.Component;

/**
 * {@code cfd.permeability}: Darcy permeability and hydraulic tortuosity of the pore space of the voxel image by
 * lattice Boltzmann Stokes flow (D3Q19, TRT, halfway bounce-back; see {@link Permeability}), the pore-scale CFD
 * of the review's §4. Through the plane (z) the image is mirrored at its top so that the flow direction is
 * periodic (the mirror adds no resistance of its own, and the superficial velocity of the doubled domain is that
 * of the image); in the plane (x) the sides are periodic and the collector and the top are walls. The CBD is
 * solid by default (its nanopores carry no appreciable flow).
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + PermeabilityStage.NAME)
public final class PermeabilityStage implements Solver {
    /** Stage name. */
    public static final String NAME = "cfd.permeability";

    static final String DIRECTIONS = "directions";
    static final String CBD = "cbd";
    static final String TAU = "tau";
    static final String TOLERANCE = "tolerance";
    static final String INTERVAL = "check_interval";
    static final String MAX_STEPS = "max_steps";
    static final String THREADS = "threads";
    /** Pore chords (10th percentile) shorter than this many voxels are under-resolved. */
    static final double MIN_CHORD = 4;

    @Override
    public String description() {
        return "permeability and hydraulic tortuosity of the pores by lattice Boltzmann Stokes flow (D3Q19 TRT), "
                + "velocity slices and VTK";
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>();
        list.add(Parameter.choice(DIRECTIONS, List.of("both", "through-plane", "in-plane"), "flow directions")
                .withDefault("both"));
        list.addAll(flowParameters());
        return list;
    }

    /** @return the parameters of the flow solution, shared with the series stage */
    static List<Parameter> flowParameters() {
        return List.of(
                Parameter.choice(CBD, List.of("solid", "open"), "the CBD blocks the flow, or flows like the pores")
                        .withDefault("solid"),
                Parameter.number(TAU, "1", 1, "symmetric relaxation time tau+ (the permeability does not depend "
                        + "on it with TRT; low-permeability images converge in fewer steps with a small one)").closed(0.51, 5)
                        .withDefault(0.6),
                Parameter.number(TOLERANCE, "1", 1, "estimated relative change of the mean velocity still to come "
                        + "(from the decay of the changes between checks) at which the flow counts as steady")
                        .open(0, 0.1).withDefault(1e-4),
                Parameter.integer(INTERVAL, "steps between steady-state checks").closed(1, 1e6).withDefault(100),
                Parameter.integer(MAX_STEPS, "step limit per direction").closed(10, 1e9).withDefault(200_000),
                Parameter.threads("solver"));
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of(VoxelImage.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of(FlowProperties.KEY);
    }

    @Override
    public void run(StageContext context) throws Exception {
        Parameters par = context.parameters();
        VoxelImage image = context.state().get(VoxelImage.KEY);
        int[] n = {image.nx(), image.ny(), image.nz()};
        boolean open = "open".equals(par.text(CBD));
        boolean[] solid = solid(image, open);
        double porosity = porosity(solid);
        ResultSink sink = context.results();
        double chord = PoreChords.percentile(n, solid, 0.1);
        sink.summary("pore_chord_p10_voxels", chord, "1");
        if (chord < MIN_CHORD) {
            sink.note("resolution", String.format(Locale.ROOT, "a tenth of the pore space lies in chords of %.0f "
                    + "voxels or fewer: the narrow throats are under-resolved (halfway bounce-back needs about %.0f "
                    + "voxels across); voxelise at about %.1f times the resolution for a permeability within a few "
                    + "per cent", chord, MIN_CHORD, MIN_CHORD / Math.max(chord, 1)));
        }
        String directions = par.text(DIRECTIONS);
        double h = image.voxelSize();
        double kThrough = Double.NaN;
        double tauThrough = Double.NaN;
        double kIn = Double.NaN;
        double tauIn = Double.NaN;
        boolean both = "both".equals(directions);
        if (both || "through-plane".equals(directions)) {
            Permeability.Result r = throughPlane(par, StageProgress.of(context).span(0, both ? 0.5 : 1), n, solid,
                    "through the plane");
            kThrough = r.permeability() * h * h;
            tauThrough = r.hydraulicTortuosity();
            report(sink, "through_plane", r, h);
            double[] velocity = Arrays.copyOf(r.velocity(), 3 * solid.length);
            writeField(context, n, h, velocity, solid, "through-plane");
        }
        if (both || "in-plane".equals(directions)) {
            Permeability.Result r = flow(par, StageProgress.of(context).span(both ? 0.5 : 0, both ? 0.5 : 1), n,
                    solid, 0, new boolean[] {true, true, false}, "in the plane");
            kIn = r.permeability() * h * h;
            tauIn = r.hydraulicTortuosity();
            report(sink, "in_plane", r, h);
        }
        sink.summary("porosity", porosity, "1");
        context.give(FlowProperties.KEY, new FlowProperties(porosity, kThrough, kIn, tauThrough, tauIn,
                "lattice Boltzmann D3Q19 TRT, halfway bounce-back, CBD " + (open ? "open" : "solid")));
    }

    /** @return solid per voxel: everything but the pores (and the CBD when it is open) */
    static boolean[] solid(VoxelImage image, boolean openCbd) {
        boolean[] solid = new boolean[image.labels().length];
        for (int v = 0; v < solid.length; v++) {
            int label = image.labels()[v];
            solid[v] = !(label == 0 || openCbd && label == 2);
        }
        return solid;
    }

    /** @return the open fraction */
    static double porosity(boolean[] solid) {
        int open = 0;
        for (boolean s : solid) {
            open += s ? 0 : 1;
        }
        return (double) open / solid.length;
    }

    /**
     * Flow through the plane: the image mirrored at its top so that z is periodic.
     *
     * @param progress the share of the stage's progress the solve fills
     * @return the solution on the doubled domain (its first half is the image)
     */
    static Permeability.Result throughPlane(Parameters par, StageProgress progress, int[] n, boolean[] solid,
                                            String label) throws StageFailedException {
        int[] m = {n[0], n[1], 2 * n[2]};
        boolean[] mirrored = new boolean[2 * solid.length];
        int layer = n[0] * n[1];
        for (int z = 0; z < m[2]; z++) {
            int from = z < n[2] ? z : 2 * n[2] - 1 - z;
            System.arraycopy(solid, from * layer, mirrored, z * layer, layer);
        }
        return flow(par, progress, m, mirrored, 2, new boolean[] {true, true, true}, label);
    }

    private static Permeability.Result flow(Parameters par, StageProgress progress, int[] n, boolean[] solid,
                                            int axis, boolean[] periodic, String label) throws StageFailedException {
        progress.report(0, "flow " + label);
        Permeability.Result r = Permeability.solve(n, solid, axis, periodic, par.number(TAU), par.number(TOLERANCE),
                par.integer(INTERVAL), par.integer(MAX_STEPS), par.integer(THREADS), (fraction, change) ->
                        progress.report(fraction, String.format(Locale.ROOT, "flow %s: change %.2e", label, change)));
        if (!r.converged()) {
            throw StageFailedException.notConverged("the flow " + label, r.steps(),
                    "raise max_steps, or lower tau for a low-permeability image",
                    new Residual("estimated change of the mean velocity still to come", r.change(),
                            par.number(TOLERANCE)));
        }
        return r;
    }

    private static void report(ResultSink sink, String label, Permeability.Result r, double h) {
        sink.summary("permeability_" + label + "_m2", r.permeability() * h * h, "m^2");
        sink.summary("permeability_" + label + "_voxels", r.permeability(), "voxel^2");
        sink.summary("hydraulic_tortuosity_" + label, r.hydraulicTortuosity(), "1");
        sink.summary("steps_" + label, r.steps(), "1");
        if (r.permeability() == 0) {
            sink.note("permeability_" + label, "zero: the pores do not connect across the image");
        }
    }

    private static void writeField(StageContext context, int[] n, double h, double[] velocity, boolean[] solid,
                                   String label) throws StageFailedException {
        ResultSink sink = context.results();
        try {
            VelocityOutput.vti(n, h, velocity, solid, sink.file("velocity-" + label + ".vti"));
            int y = n[1] / 2;
            VelocityOutput.png(n[0], n[2], (col, row) -> col + n[0] * (y + n[1] * (n[2] - 1 - row)), velocity,
                    solid, sink.file("speed-" + label + "-xz.png"));
            int z = n[2] / 2;
            VelocityOutput.png(n[0], n[1], (col, row) -> col + n[0] * (n[1] - 1 - row + n[1] * z), velocity, solid,
                    sink.file("speed-" + label + "-xy.png"));
        } catch (IOException e) {
            throw new StageFailedException("could not write the velocity field: " + e.getMessage(), e);
        }
    }
}
