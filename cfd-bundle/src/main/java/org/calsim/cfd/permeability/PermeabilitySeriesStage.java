package org.calsim.cfd.permeability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
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
import org.calsim.cfd.lattice.Permeability;
import org.osgi.service.component.annotations.Component;

/**
 * {@code cfd.permeability-series}: the through-plane permeability of every state of a calendering series (the
 * voxel series of {@code fem.voxelise} or {@code fem.voxelise-bridges} with {@code series: true}), beside the
 * Kozeny–Carman relation k = ε³/(c S_v²) with S_v the pore–solid surface per unit volume (Carman 1937, Trans.
 * Inst. Chem. Eng. 15, 150; c ≈ 5 for packed beds of spheres, with S_v per total volume written as
 * S₀(1 − ε)). The Kozeny constant c is fitted to the states (the geometric mean of ε³/(S_v² k)); the voxel
 * surface is a staircase, so S_v, and with it c, are those of the voxel image.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + PermeabilitySeriesStage.NAME)
public final class PermeabilitySeriesStage implements Solver {
    /** Stage name. */
    public static final String NAME = "cfd.permeability-series";

    @Override
    public String description() {
        return "permeability over a calendering series by lattice Boltzmann, with the Kozeny-Carman fit "
                + "k = eps^3/(c S_v^2)";
    }

    @Override
    public List<Parameter> parameters() {
        return PermeabilityStage.flowParameters();
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of(VoxelSeries.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of();
    }

    @Override
    public void run(StageContext context) throws Exception {
        Parameters par = context.parameters();
        VoxelSeries series = context.state().get(VoxelSeries.KEY);
        int count = series.size();
        boolean open = "open".equals(par.text(PermeabilityStage.CBD));
        List<Flow> flows = series.calculate(context, (image, point, progress) -> flow(par, progress, image, open));
        double[] porosity = new double[count];
        double[] surface = new double[count];
        double[] permeability = new double[count];
        double[] tortuosity = new double[count];
        for (int s = 0; s < count; s++) {
            porosity[s] = flows.get(s).porosity();
            surface[s] = flows.get(s).surface();
            permeability[s] = flows.get(s).permeability();
            tortuosity[s] = flows.get(s).tortuosity();
        }
        double sum = 0;
        int used = 0;
        for (int s = 0; s < count; s++) {
            if (permeability[s] > 0) {
                sum += Math.log(Math.pow(porosity[s], 3) / (surface[s] * surface[s] * permeability[s]));
                used++;
            }
        }
        ResultSink sink = context.results();
        double[] kozeny = new double[count];
        if (used > 0) {
            double c = Math.exp(sum / used);
            double spread = 0;
            for (int s = 0; s < count; s++) {
                kozeny[s] = Math.pow(porosity[s], 3) / (c * surface[s] * surface[s]);
                if (permeability[s] > 0) {
                    double d = Math.log(permeability[s] / kozeny[s]);
                    spread += d * d;
                }
            }
            sink.summary("kozeny_constant", c, "1");
            sink.summary("kozeny_fit_rms_log_error", Math.sqrt(spread / used), "1");
            sink.note("kozeny_carman", String.format(Locale.ROOT, "k = eps^3/(c S_v^2) with c = %.3g fitted to %d "
                    + "states (packed beds of spheres: about 5)", c, used));
        }
        sink.summary("permeability_first_state_m2", permeability[0], "m^2");
        sink.summary("permeability_last_state_m2", permeability[count - 1], "m^2");
        sink.table("permeability-series", Table.builder()
                .column("compaction_degree", "1", series.compaction())
                .column("pressure", "MPa", scaled(series.pressures(), 1e-6))
                .column("porosity", "1", porosity)
                .column("specific_surface", "1/um", scaled(surface, 1e-6))
                .column("permeability", "m^2", permeability)
                .column("kozeny_carman", "m^2", kozeny)
                .column("hydraulic_tortuosity", "1", tortuosity).build());
        Integer[] order = new Integer[count];
        for (int s = 0; s < count; s++) {
            order[s] = s;
        }
        Arrays.sort(order, (a, b) -> Double.compare(porosity[a], porosity[b]));
        double[] eps = new double[count];
        double[] kc = new double[count];
        for (int s = 0; s < count; s++) {
            eps[s] = porosity[order[s]];
            kc[s] = kozeny[order[s]] * 1e12;
        }
        List<Series> lines = new ArrayList<>();
        lines.add(new Series("lattice Boltzmann", porosity, scaled(permeability, 1e12), Series.Style.MARKERS));
        if (used > 0) {
            lines.add(new Series("Kozeny-Carman, fitted c", eps, kc, Series.Style.LINE));
        }
        sink.plot(new Plot("permeability-vs-porosity", "Permeability over the calendering series", "porosity [1]",
                "permeability [um^2]", lines));
    }

    /**
     * One state's flow through the plane.
     *
     * @param porosity     open voxels over all voxels [1]
     * @param surface      pore–solid surface per unit volume S_v [1/m]
     * @param permeability through-plane permeability [m²]
     * @param tortuosity   hydraulic tortuosity [1]
     */
    private record Flow(double porosity, double surface, double permeability, double tortuosity) {
    }

    /**
     * Lattice Boltzmann flow through the plane of one image, as {@code cfd.permeability} solves it.
     *
     * @param progress the image's share of the stage's progress
     * @param open     whether the CBD is open to flow
     */
    private static Flow flow(Parameters par, StageProgress progress, VoxelImage image, boolean open)
            throws StageFailedException {
        int[] n = {image.nx(), image.ny(), image.nz()};
        boolean[] solid = PermeabilityStage.solid(image, open);
        Permeability.Result r = PermeabilityStage.throughPlane(par, progress, n, solid, "through the plane");
        return new Flow(PermeabilityStage.porosity(solid), specificSurface(n, solid) / image.voxelSize(),
                r.permeability() * image.voxelSize() * image.voxelSize(), r.hydraulicTortuosity());
    }

    /** @return pore–solid faces per voxel of the image [1/voxel] (walls of the image not counted) */
    static double specificSurface(int[] n, boolean[] solid) {
        long faces = 0;
        int[] stride = {1, n[0], n[0] * n[1]};
        for (int v = 0; v < solid.length; v++) {
            int[] ijk = {v % n[0], (v / n[0]) % n[1], v / (n[0] * n[1])};
            for (int a = 0; a < 3; a++) {
                if (ijk[a] + 1 < n[a] && solid[v] != solid[v + stride[a]]) {
                    faces++;
                }
            }
        }
        return (double) faces / solid.length;
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }
}
