package org.calsim.fem.microstructure;

import java.io.IOException;
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
import org.calsim.api.structure.VoxelImage;
import org.calsim.fem.conduction.SteadyConduction;
import org.osgi.service.component.annotations.Component;

/**
 * {@code fem.microstructure}: metrics of the voxel image (phases 0 pore, 1 AM, 2 CBD).
 *
 * <ul>
 * <li>porosity, total and per voxel layer through the thickness;</li>
 * <li>AM–pore specific surface area: voxel faces between the two phases × h² per image volume [1/m]. Voxel
 * faces overestimate a smooth surface (by 3/2 on average for randomly oriented surfaces); the raw value is
 * reported;</li>
 * <li>coverage of the current collector: the fraction of the bottom voxel layer that is CBD, AM and pore;</li>
 * <li>percolation of each phase through the thickness: whether it connects the collector to the top, and the
 * fraction of the phase in the connecting cluster (6-connectivity);</li>
 * <li>pore size distributions, continuous and by simulated mercury intrusion from the separator side
 * ({@link PoreSizes}: periodic in x and y; the radius of a sphere centred at a pore voxel centre is its distance
 * to the nearest solid voxel centre less half a voxel, so a slit of w voxels, w odd, has radius w/2), with the
 * median (50 %) pore radius of each.</li>
 * </ul>
 * Writes cross-sections coloured by phase as PNG (xy at mid-height, xz at mid-width; pores black, AM grey,
 * CBD red; with a legend, axes in µm, the slice position and a scale bar: {@link SliceImages}) and the image as VTK
 * image data ({@code microstructure.vti}) for ParaView.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + MicrostructureStage.NAME)
public final class MicrostructureStage implements Solver {
    /** Stage name. */
    public static final String NAME = "fem.microstructure";
    static final String STEP = "psd_step_voxels";
    static final String VTK = "vtk";

    @Override
    public String description() {
        return "voxel microstructure metrics: porosity profile, specific surface, collector coverage, percolation, "
                + "pore size distribution (continuous and mercury intrusion)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.number(STEP, "1", 1, "radius step of the pore size distributions, in voxels")
                        .closed(0.1, 10).withDefault(0.5),
                Parameter.flag(VTK, "write the image as VTK image data (.vti)").withDefault(true));
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of(VoxelImage.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of();
    }

    @Override
    public void run(StageContext context) throws StageFailedException {
        VoxelImage image = context.state().get(VoxelImage.KEY);
        ResultSink sink = context.results();
        porosityProfile(image, sink);
        sink.summary("am_pore_surface_per_volume_per_um", amPoreSurfacePerVolume(image) * 1e-6, "1/um");
        collectorCoverage(image, sink);
        percolatingFractions(image, context);
        context.progress(0.3, "pore size distributions");
        poreSizes(image, context);
        try {
            SliceImages.xy(image, image.nz() / 2, sink.file("slice-xy-mid-height.png"));
            SliceImages.xz(image, image.ny() / 2, sink.file("slice-xz-mid-width.png"));
            if (context.parameters().flag(VTK)) {
                VtkImage.write(image, sink.file("microstructure.vti"));
            }
        } catch (IOException e) {
            throw new StageFailedException("could not write the images: " + e.getMessage(), e);
        }
        context.progress(1, "done");
    }

    /** Writes the porosity and its profile through the thickness (the pore fraction of each layer of voxels). */
    private static void porosityProfile(VoxelImage image, ResultSink sink) {
        int nz = image.nz();
        byte[] labels = image.labels();
        int layer = image.nx() * image.ny();
        double[] height = new double[nz];
        double[] profile = new double[nz];
        for (int k = 0; k < nz; k++) {
            int pores = 0;
            for (int v = k * layer; v < (k + 1) * layer; v++) {
                pores += labels[v] == 0 ? 1 : 0;
            }
            height[k] = (k + 0.5) * image.voxelSize() * 1e6;
            profile[k] = pores / (double) layer;
        }
        sink.summary("porosity", image.volumeFraction(0), "1");
        sink.table("porosity-profile", Table.builder().column("height", "um", height).column("porosity", "1", profile)
                .build());
        sink.plot(new Plot("porosity-profile", "Porosity through the thickness (voxels)", "height [um]",
                "porosity [1]", List.of(new Series("voxel image", height, profile, Series.Style.LINE))));
    }

    /** @return the area of the faces between active material and pore voxels per volume of the image [1/m] */
    private static double amPoreSurfacePerVolume(VoxelImage image) {
        int nx = image.nx();
        int layer = nx * image.ny();
        byte[] labels = image.labels();
        double h = image.voxelSize();
        long faces = 0;
        int[] stride = {1, nx, layer};
        int[] size = {nx, image.ny(), image.nz()};
        for (int v = 0; v < labels.length; v++) {
            if (labels[v] != 1) {
                continue;
            }
            int[] ijk = {v % nx, (v / nx) % image.ny(), v / layer};
            for (int a = 0; a < 3; a++) {
                for (int step = -1; step <= 1; step += 2) {
                    int c = ijk[a] + step;
                    if (c < 0 || c >= size[a]) {
                        continue;
                    }
                    faces += labels[v + step * stride[a]] == 0 ? 1 : 0;
                }
            }
        }
        return faces * h * h / (labels.length * h * h * h);
    }

    /** Writes the fraction of the current collector (the bottom layer) each phase covers. */
    private static void collectorCoverage(VoxelImage image, ResultSink sink) {
        byte[] labels = image.labels();
        int layer = image.nx() * image.ny();
        double[] bottom = new double[3];
        for (int v = 0; v < layer; v++) {
            bottom[labels[v]] += 1.0 / layer;
        }
        sink.summary("collector_coverage_cbd", bottom[2], "1");
        sink.summary("collector_coverage_am", bottom[1], "1");
        sink.summary("collector_coverage_pore", bottom[0], "1");
    }

    /** Writes per phase the fraction of its voxels connected from the bottom to the top face. */
    private static void percolatingFractions(VoxelImage image, StageContext context) {
        byte[] labels = image.labels();
        for (int phase = 0; phase < 3; phase++) {
            context.checkCancelled();
            double[] indicator = new double[256];
            indicator[phase] = 1;
            int inPhase = 0;
            for (byte label : labels) {
                inPhase += label == phase ? 1 : 0;
            }
            int connected = SteadyConduction.percolatingCount(new int[] {image.nx(), image.ny(), image.nz()}, labels,
                    indicator, 2, new boolean[] {true, true, false});
            String name = image.phases().get(phase).toLowerCase(Locale.ROOT);
            context.results().summary("percolating_fraction_" + name, inPhase == 0 ? 0 : connected / (double) inPhase,
                    "1");
        }
    }

    /** Writes the continuous and the mercury-intrusion pore size distributions and their medians. */
    private static void poreSizes(VoxelImage image, StageContext context) {
        byte[] labels = image.labels();
        ResultSink sink = context.results();
        boolean[] pore = new boolean[labels.length];
        for (int v = 0; v < labels.length; v++) {
            pore[v] = labels[v] == 0;
        }
        PoreSizes psd = PoreSizes.of(pore, image.nx(), image.ny(), image.nz(), context.parameters().number(STEP));
        double[] radiiUm = psd.radii();
        for (int k = 0; k < radiiUm.length; k++) {
            radiiUm[k] *= image.voxelSize() * 1e6;
        }
        double[] continuous = psd.continuous();
        double[] intrusion = psd.intrusion();
        sink.summary("median_pore_radius_continuous_um", PoreSizes.median(radiiUm, continuous), "um");
        sink.summary("median_pore_radius_intrusion_um", PoreSizes.median(radiiUm, intrusion), "um");
        sink.table("pore-size-distribution", Table.builder().column("radius", "um", radiiUm)
                .column("cumulative_continuous", "1", continuous).column("cumulative_intrusion", "1", intrusion)
                .build());
        sink.plot(new Plot("pore-size-distribution", "Cumulative pore size distribution", "pore radius [um]",
                "pore volume fraction with larger radius [1]",
                List.of(new Series("continuous", radiiUm, continuous, Series.Style.LINE),
                        new Series("mercury intrusion (from the separator side)", radiiUm, intrusion,
                                Series.Style.LINE))));
    }
}
