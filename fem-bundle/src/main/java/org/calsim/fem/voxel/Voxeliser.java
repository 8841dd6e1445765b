package org.calsim.fem.voxel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.calsim.api.data.Table;
import org.calsim.api.stage.Coupler;
import org.calsim.api.stage.CouplingScheme;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.structure.PackingSeries;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.structure.VoxelSeries;
import org.osgi.service.component.annotations.Component;

/**
 * {@code fem.voxelise}: particles → voxels. A voxel belongs to a sphere when its centre lies inside it (active
 * material wins where spheres of both kinds overlap); periodic in x and y, the current collector at k = 0, the
 * top of the image at the packing's height. Phases: 0 pore, 1 active material (AM, particle type 0), 2 carbon-binder
 * domain (CBD).
 *
 * <p>Resolution: {@code voxels_per_radius} voxels across the smallest AM radius, or {@code voxel_size_um}. The
 * voxel edge is adjusted so that Lx is a whole number of voxels; Ly then differs from a whole number by at most
 * half a voxel (reported).
 *
 * <p>CBD, two strategies, each its own coupler service, so a job swaps the strategy by naming the other:
 * <ul>
 * <li>{@code fem.voxelise} ({@link ParticleVoxeliser}): the DEM's CBD spheres (types other than 0) as they are;</li>
 * <li>{@code fem.voxelise-bridges} ({@link BridgeVoxeliser}): CBD generated in the pore space around AM contacts first and then along AM
 * surfaces (and the current collector), to the volume fraction {@code cbd_volume_fraction} (the apparent CBD, its nanopores included): pore
 * voxels are ranked by d₁ + d₂, the distances to the surfaces of the nearest and second-nearest AM particle,
 * which is smallest in the necks between touching particles, and the lowest-ranked become CBD (the bridges
 * of the binder-phase generation of Ge et al., review §3.2).</li>
 * </ul>
 * Reports the painted sphere volume beside the exact sphere volume: the voxelisation error (relative), which
 * the porosity of the image carries.
 */
public abstract class Voxeliser implements Coupler {
    /** Phase names, by label. */
    public static final List<String> PHASES = List.of("pore", "AM", "CBD");

    static final String PER_RADIUS = "voxels_per_radius";
    static final String SIZE = "voxel_size_um";
    static final String CBD_FRACTION = "cbd_volume_fraction";
    static final String MAX_VOXELS = "max_voxels";
    static final String SERIES = "series";

    private final boolean bridges;

    /** @param bridges whether the CBD is grown around AM contacts (else taken from the DEM's CBD particles) */
    protected Voxeliser(boolean bridges) {
        this.bridges = bridges;
    }

    @Override
    public String from() {
        return "particles";
    }

    @Override
    public String to() {
        return "voxels";
    }

    @Override
    public CouplingScheme scheme() {
        return CouplingScheme.ONE_WAY;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>(List.of(
                Parameter.number(PER_RADIUS, "1", 1, "voxels across the smallest active-material radius")
                        .closed(1, 100).withDefault(4.0),
                Parameter.number(SIZE, "um", 1e-6, "voxel edge; overrides voxels_per_radius").positive().optional(),
                Parameter.integer(MAX_VOXELS, "largest image allowed (memory guard)").closed(1000, 1e9)
                        .withDefault(50_000_000),
                Parameter.flag(SERIES, "also voxelise every state of the calendering series (dem.calender with "
                        + "series_points), at the same voxel size, for the series stages that follow")));
        if (bridges) {
            list.add(Parameter.number(CBD_FRACTION, "1", 1, "apparent CBD volume fraction of the coating, its "
                    + "nanopores included; with series, also of the series' last state, the other states holding the "
                    + "same CBD volume").closed(0, 0.5).withDefault(0.1));
        }
        return list;
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return parameters.flag(SERIES) ? Set.of(ParticlePacking.KEY, PackingSeries.KEY) : Set.of(ParticlePacking.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return parameters.flag(SERIES) ? Set.of(VoxelImage.KEY, VoxelSeries.KEY) : Set.of(VoxelImage.KEY);
    }

    @Override
    public void run(StageContext context) {
        Parameters par = context.parameters();
        ParticlePacking packing = context.state().get(ParticlePacking.KEY);
        double amRadius = smallestAmRadius(packing);
        double wanted = par.isSet(SIZE) ? par.number(SIZE) : amRadius / par.number(PER_RADIUS);
        int[] n = dimensions(packing, wanted);
        int nx = n[0];
        int ny = n[1];
        int nz = n[2];
        double h = packing.boxX() / nx;
        long total = (long) nx * ny * nz;
        if (total > par.integer(MAX_VOXELS)) {
            throw new InvalidInputException(par.fieldPath(par.isSet(SIZE) ? SIZE : PER_RADIUS),
                    par.isSet(SIZE) ? par.number(SIZE) * 1e6 : par.number(PER_RADIUS), String.format(
                            "a resolution giving at most max_voxels = %d voxels (this gives %d x %d x %d = %d)",
                            par.integer(MAX_VOXELS), nx, ny, nz, total));
        }
        context.progress(0, String.format("voxelising %d particles into %d x %d x %d", packing.size(), nx, ny, nz));
        boolean morphological = bridges;
        VoxelImage image = voxelise(packing, wanted, morphological, bridges ? par.number(CBD_FRACTION) : 0);
        byte[] labels = image.labels();
        context.give(VoxelImage.KEY, image);
        if (par.flag(SERIES)) {
            context.give(VoxelSeries.KEY, series(context, h, morphological, bridges ? par.number(CBD_FRACTION) : 0));
        }

        // voxelisation error: painted sphere volume against the exact volume of the spheres painted
        double voxelVolume = h * h * h * labels.length;
        double sphereVoxels = (morphological ? image.volumeFraction(1)
                : image.volumeFraction(1) + image.volumeFraction(2)) * voxelVolume;
        double exactCompared = morphological ? amVolume(packing) : packing.solidVolume();
        ResultSink sink = context.results();
        sink.summary("voxels_x", nx, "1");
        sink.summary("voxels_y", ny, "1");
        sink.summary("voxels_z", nz, "1");
        sink.summary("voxel_size_um", h * 1e6, "um");
        sink.summary("box_y_mismatch_percent", 100 * (ny * h - packing.boxY()) / packing.boxY(), "%");
        sink.summary("pore_fraction", image.volumeFraction(0), "1");
        sink.summary("am_fraction", image.volumeFraction(1), "1");
        sink.summary("cbd_fraction", image.volumeFraction(2), "1");
        sink.summary("sphere_volume_voxels_um3", sphereVoxels * 1e18, "um^3");
        sink.summary("sphere_volume_exact_um3", exactCompared * 1e18, "um^3");
        sink.summary("voxelisation_error", sphereVoxels / exactCompared - 1, "1");
        sink.table("phase-fractions", Table.builder()
                .column("label", "1", new double[] {0, 1, 2})
                .column("volume_fraction", "1", new double[] {image.volumeFraction(0), image.volumeFraction(1),
                    image.volumeFraction(2)})
                .build());
    }

    /**
     * Voxelises each state of the calendering series at the voxel edge h. The CBD volume per area does not change
     * on calendering, so a state of thickness h_s gets the CBD fraction f·h_last/h_s, f that of the last (released)
     * state of the series, of thickness h_last (min(…, 0.5)).
     */
    private static VoxelSeries series(StageContext context, double h, boolean morphological, double cbdFraction) {
        PackingSeries series = context.state().get(PackingSeries.KEY);
        double finalThickness = series.packings().get(series.size() - 1).boxZ();
        List<VoxelImage> images = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            context.checkCancelled();
            context.progress(0.5 + 0.5 * s / series.size(), "voxelising state " + (s + 1) + " of " + series.size());
            ParticlePacking state = series.packings().get(s);
            double fraction = Math.min(cbdFraction * finalThickness / state.boxZ(), 0.5);
            images.add(voxelise(state, h, morphological, fraction));
        }
        return new VoxelSeries(images, series.pressures(), series.compaction());
    }

    /**
     * @param voxelEdge    wanted voxel edge [m] (adjusted so that Lx is a whole number of voxels)
     * @param morphological CBD grown around AM contacts (else the packing's CBD particles)
     * @param cbdFraction  CBD volume fraction to grow (morphological)
     * @return the labelled image
     */
    public static VoxelImage voxelise(ParticlePacking packing, double voxelEdge, boolean morphological,
                                      double cbdFraction) {
        int[] n = dimensions(packing, voxelEdge);
        int nx = n[0];
        int ny = n[1];
        int nz = n[2];
        double h = packing.boxX() / nx;
        byte[] labels = new byte[nx * ny * nz];
        Voxelisation.spheres(packing, nx, ny, nz, h, labels, !morphological);
        if (morphological) {
            Voxelisation.cbdAroundContacts(packing, nx, ny, nz, h, labels, cbdFraction);
        }
        return new VoxelImage(nx, ny, nz, h, labels, PHASES);
    }

    /**
     * @param voxelEdge the voxel edge asked for [m]; the edge used divides Lx into whole voxels
     * @return the voxels along x, y and z of the image {@link #voxelise} makes of the packing at that edge
     */
    public static int[] dimensions(ParticlePacking packing, double voxelEdge) {
        int nx = Math.max(1, (int) Math.round(packing.boxX() / voxelEdge));
        double h = packing.boxX() / nx;
        int ny = Math.max(1, (int) Math.round(packing.boxY() / h));
        int nz = Math.max(1, (int) Math.ceil(packing.boxZ() / h));
        return new int[] {nx, ny, nz};
    }

    /** @return the smallest radius of the active-material spheres (type 0) [m] */
    public static double smallestAmRadius(ParticlePacking packing) {
        double r = Double.POSITIVE_INFINITY;
        for (int i = 0; i < packing.size(); i++) {
            if (packing.type()[i] == 0) {
                r = Math.min(r, packing.radius()[i]);
            }
        }
        return r;
    }

    /** @return the exact volume of the AM spheres [m³] */
    private static double amVolume(ParticlePacking p) {
        double v = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.type()[i] == 0) {
                v += 4.0 / 3.0 * Math.PI * Math.pow(p.radius()[i], 3);
            }
        }
        return v;
    }
}
