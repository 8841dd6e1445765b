package org.calsim.fem.elasticity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
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
import org.osgi.service.component.annotations.Component;

/**
 * {@code fem.elasticity}: effective Young's modulus of the voxel microstructure through the plane (z) and in the
 * plane (x), in GPa, by voxel finite elements ({@link VoxelElasticity}: trilinear hexahedra, uniaxial average
 * stress, E = Σ_aa / E_aa), from the active material (the recipe's, phase 1) and the CBD ({@code cbd_material},
 * phase 2, its modulus scaled by (1 − nanoporosity)² as for an open-cell foam, Gibson and Ashby 1997); pores
 * carry nothing. The through-plane modulus is the quantity the DEM unloading stiffness of the calendered coating
 * can be compared with.
 *
 * <p><b>Boundaries</b> ({@code lateral}). {@code periodic} (default; DEM packings are periodic in x and y):
 * through the plane, frictionless platens at the collector and the top and periodic lateral faces whose average
 * strains are free (zero average lateral stress); in the plane, periodic along x and y with the load as the
 * average strain along x, the collector and top faces traction free (a free-standing coating). {@code free}: the
 * cut-out block between platens with free side faces. The summary names the one used.
 *
 * <p><b>Coarsening.</b> Voxel FE cost grows with the image: {@code coarsen} f > 1 merges blocks of f³ voxels
 * (majority phase, ties to the solid) first. The summary gives the phase fractions of the image and of the
 * solved mesh, with a note when coarsening moved one by more than {@value #FRACTION_CHANGE}.
 *
 * <p><b>Resolution.</b> The mean chord length of the active material along each axis of the solved mesh (for
 * spheres 4R/3) is reported; below {@value #MIN_CHORD} voxels (R below about 7.5 voxels) a note warns that the
 * modulus is over-estimated. Voxel FE errors fall as 1/M with the voxels M across a solid member and reach about
 * 10 % at 4 voxels across (Roberts and Garboczi, J. Mech. Phys. Solids 50 (2002) 33); the necks between
 * contacting particles (radius √(R h) for an overlap h) are several times narrower than the particles, and voxels
 * joined by whole faces make them too wide and too stiff (Arns, Knackstedt, Pinczewski and Garboczi,
 * Geophysics 67 (2002) 1396, on the resolution dependence of voxel FE moduli of granular rock). A simple cubic
 * lattice of spheres with necks of 0.27 R gives 0.38, 0.32 and 0.26 E_s at mean chords of 5, 10 and 21 voxels
 * ({@code VoxelElasticityTest}): the threshold marks the coarse end, finer meshes still move the modulus by
 * per cents to tens of per cent, which a second run at another {@code coarsen} shows.
 *
 * <p><b>Summary.</b> {@code youngs_modulus_through_plane_GPa}, {@code youngs_modulus_in_plane_x_GPa} [GPa];
 * {@code pore_fraction_image|mesh} (the pore porosity ε_pore: pore voxels, the CBD counted as solid),
 * {@code am_fraction_image|mesh}, {@code cbd_fraction_image|mesh} [1]; {@code am_mean_chord_x|y|z_voxels}
 * [voxels of the solved mesh; an axis along which the AM runs without end through periodic sides is left out];
 * notes {@code lateral_boundaries}, and {@code coarsening} and {@code resolution} when they apply.
 */
@Component(service = Solver.class,
        property = ServiceProperties.NAME + "=" + ElasticityStage.NAME)
public final class ElasticityStage implements Solver {
    /** Stage name. */
    public static final String NAME = "fem.elasticity";
    static final String CBD_MATERIAL = "cbd_material";
    static final String NANOPOROSITY = "cbd_nanoporosity";
    static final String LATERAL = "lateral";
    static final String COARSEN = "coarsen";
    static final String TOLERANCE = "tolerance";
    static final String MAX_ITERATIONS = "max_iterations";
    static final String THREADS = "threads";
    /** Modulus of empty voxels relative to the stiffest phase. */
    static final double ERSATZ = 1e-6;
    /** Change of a phase fraction by coarsening [1, absolute] above which the summary notes it. */
    static final double FRACTION_CHANGE = 0.01;
    /** Mean chord of the active material [voxels of the solved mesh] below which the resolution is noted. */
    static final double MIN_CHORD = 10;
    private static final String[] PHASES = {"pore", "am", "cbd"};
    private static final String[] AXES = {"x", "y", "z"};

    @Override
    public String description() {
        return "effective Young's modulus through and in the plane by linear-elastic voxel FEM (8-node hexahedra, "
                + "matrix-free PCG, periodic or free lateral faces)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.text(CBD_MATERIAL, "material giving the CBD's solid E and nu").withDefault("PVDF"),
                Parameter.number(NANOPOROSITY, "1", 1, "porosity inside the CBD").closed(0, 0.95).withDefault(0.5),
                Parameter.choice(LATERAL, List.of("periodic", "free"), "faces across the load: periodic (periodic "
                        + "images such as DEM packings; free average lateral strains, so uniaxial stress) or free "
                        + "(the cut-out block between platens, free side faces)").withDefault("periodic"),
                Parameter.integer(COARSEN, "merge blocks of coarsen^3 voxels (majority phase, ties to the solid) "
                        + "before solving; periodic lateral faces need it to divide nx and ny").closed(1, 16)
                        .withDefault(1),
                Parameter.number(TOLERANCE, "1", 1, "relative residual at which conjugate gradients stop")
                        .open(0, 1).withDefault(1e-6),
                Parameter.integer(MAX_ITERATIONS, "conjugate-gradient iteration limit").closed(1, 1e8)
                        .withDefault(20_000),
                Parameter.threads("solver"));
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of(VoxelImage.KEY, ElectrodeRecipe.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of();
    }

    @Override
    public void run(StageContext context) throws StageFailedException {
        Parameters par = context.parameters();
        VoxelImage image = context.state().get(VoxelImage.KEY);
        ElectrodeRecipe recipe = context.state().get(ElectrodeRecipe.KEY);
        checkLabels(image);
        VoxelElasticity.Lateral lateral = "free".equals(par.text(LATERAL)) ? VoxelElasticity.Lateral.FREE
                : VoxelElasticity.Lateral.PERIODIC;
        boolean periodic = lateral == VoxelElasticity.Lateral.PERIODIC;
        int f = par.integer(COARSEN);
        checkCoarsen(image, f, periodic, par.fieldPath(COARSEN));
        double[] am = elastic(context.material(recipe.activeMaterial()), "recipe.active_material");
        double[] cbd = elastic(context.material(par.text(CBD_MATERIAL)), par.fieldPath(CBD_MATERIAL));
        double solid = 1 - par.number(NANOPOROSITY);
        double[] youngs = {0, am[0], cbd[0] * solid * solid};
        double[] poisson = {0.3, am[1], cbd[1]};
        int[] n = {image.nx() / f, image.ny() / f, image.nz() / f};
        byte[] phase = coarsen(image, f, n[0], n[1], n[2]);
        ResultSink sink = context.results();
        reportFractions(sink, image.labels(), phase, f);
        reportResolution(sink, n, phase, periodic, f);
        sink.note("lateral_boundaries", periodic
                ? "periodic: x and y periodic with free average lateral strains (uniaxial average stress); through "
                + "the plane frictionless platens at the collector and the top, in the plane the load as the "
                + "average strain along x with traction-free collector and top faces"
                : "free: the block between frictionless platens on the loaded faces, symmetry planes on the side "
                + "faces at 0, the other side faces traction free");
        VoxelElasticity.Settings settings = new VoxelElasticity.Settings(ERSATZ, par.number(TOLERANCE),
                par.integer(MAX_ITERATIONS), par.integer(THREADS));
        String[] labels = {"in_plane_x", "in_plane_y", "through_plane"};
        for (int axis = 2; axis >= 0; axis -= 2) {
            StageProgress progress = StageProgress.of(context).span(axis == 2 ? 0.05 : 0.5, 0.45);
            String what = "elasticity along " + labels[axis];
            progress.report(0, what);
            VoxelElasticity.Result r = VoxelElasticity.solve(n, phase, youngs, poisson, axis, lateral, settings,
                    progress.solve(what, par.number(TOLERANCE))::iteration);
            if (r.residual() > par.number(TOLERANCE)) {
                throw StageFailedException.notConverged("elasticity (" + labels[axis] + ")", r.iterations(),
                        "raise max_iterations or coarsen",
                        new Residual("relative residual", r.residual(), par.number(TOLERANCE)));
            }
            sink.summary("youngs_modulus_" + labels[axis] + "_GPa", r.modulus() / 1e9, "GPa");
            sink.summary("iterations_" + labels[axis], r.iterations(), "1");
        }
        sink.summary("elements", (double) n[0] * n[1] * n[2], "1");
    }

    /** Labels must be 0 (pore), 1 (active material) or 2 (CBD): the stage has moduli for these only. */
    private static void checkLabels(VoxelImage image) {
        int max = 0;
        for (byte b : image.labels()) {
            max = Math.max(max, b & 0xFF);
        }
        if (max > 2) {
            String name = max < image.phases().size() ? " (" + image.phases().get(max) + ")" : "";
            throw new InvalidInputException("structure.voxels", "an image with label " + max + name,
                    "labels 0 (pore), 1 (active material) and 2 (CBD) only");
        }
    }

    /** The coarsened grid must hold at least one element per axis and, with periodic faces, whole lateral blocks. */
    private static void checkCoarsen(VoxelImage image, int f, boolean periodic, String field) {
        int smallest = Math.min(image.nx(), Math.min(image.ny(), image.nz()));
        if (f > smallest) {
            throw new InvalidInputException(field, f, String.format(Locale.ROOT, "a whole number from 1 to %d (the "
                    + "smallest side of the %d x %d x %d image)", smallest, image.nx(), image.ny(), image.nz()));
        }
        if (periodic && (image.nx() % f != 0 || image.ny() % f != 0)) {
            throw new InvalidInputException(field, f, String.format(Locale.ROOT, "a whole number dividing nx = %d "
                    + "and ny = %d (periodic lateral faces need whole blocks; the remainder would break the "
                    + "periodicity), or lateral: free", image.nx(), image.ny()));
        }
    }

    /** Phase fractions of the image and of the solved mesh; a note when coarsening changed one by > 0.01. */
    private static void reportFractions(ResultSink sink, byte[] image, byte[] mesh, int f) {
        double[] before = fractions(image);
        double[] after = fractions(mesh);
        StringBuilder changed = new StringBuilder();
        for (int p = 0; p < PHASES.length; p++) {
            sink.summary(PHASES[p] + "_fraction_image", before[p], "1");
            sink.summary(PHASES[p] + "_fraction_mesh", after[p], "1");
            if (Math.abs(after[p] - before[p]) > FRACTION_CHANGE) {
                changed.append(changed.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "%s %.3f -> %.3f", PHASES[p], before[p], after[p]));
            }
        }
        if (changed.length() > 0) {
            sink.note("coarsening", String.format(Locale.ROOT, "coarsen = %d changed phase fractions by more than "
                    + "%.2f: %s (majority phase per block, ties to the solid, remainder layers dropped); the "
                    + "modulus is that of the coarsened structure, coarsen = 1 solves the image itself", f,
                    FRACTION_CHANGE, changed));
        }
    }

    /** @return the volume fraction of labels 0, 1, 2 */
    static double[] fractions(byte[] labels) {
        double[] count = new double[PHASES.length];
        for (byte b : labels) {
            count[b]++;
        }
        for (int p = 0; p < count.length; p++) {
            count[p] /= labels.length;
        }
        return count;
    }

    /**
     * Mean AM chord per axis of the solved mesh (axes along which the AM runs without end through a periodic side
     * are left out), and a note when the smallest is below {@link #MIN_CHORD}.
     */
    private static void reportResolution(ResultSink sink, int[] n, byte[] phase, boolean periodic, int f) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int axis = 0; axis < 3; axis++) {
            double chord = Chords.mean(n, phase, 1, axis, periodic && axis < 2);
            if (Double.isNaN(chord)) {
                return;
            }
            if (Double.isFinite(chord)) {
                sink.summary("am_mean_chord_" + AXES[axis] + "_voxels", chord, "1");
                smallest = Math.min(smallest, chord);
            }
        }
        if (smallest < MIN_CHORD) {
            sink.note("resolution", String.format(Locale.ROOT, "the active material's mean chord is %.1f voxels of "
                    + "the solved mesh (a particle radius of about %.1f voxels), below %.0f: voxel elements join "
                    + "contacting particles through whole voxel faces, so the necks are too wide and the modulus is "
                    + "over-estimated, the more so the coarser the mesh (a lattice of necked spheres gives 0.38, 0.32 "
                    + "and 0.26 times the solid's modulus at mean chords of 5, 10 and 21 voxels); %s",
                    smallest, 0.75 * smallest, MIN_CHORD, f > 1 ? String.format(Locale.ROOT, "coarsen = %d divides "
                            + "the chords by %d, use a smaller coarsen", f, f)
                            : "voxelise the packing finer (voxels_per_radius of fem.voxelise or "
                            + "fem.voxelise-bridges)"));
        }
    }

    private static double[] elastic(MaterialModel m, String field) {
        double e = m.valueOr(MaterialProperty.YOUNGS_MODULUS, Double.NaN);
        double nu = m.valueOr(MaterialProperty.POISSON_RATIO, Double.NaN);
        if (!(e > 0) || !(nu > -1 && nu < 0.5)) {
            throw new InvalidInputException(field, m.name(), "a material with youngs_modulus > 0 and poisson_ratio "
                    + "in (-1, 0.5)");
        }
        return new double[] {e, nu};
    }

    /** @return the majority phase of each block of f³ voxels (ties to the higher label: solid wins) */
    static byte[] coarsen(VoxelImage image, int f, int nx, int ny, int nz) {
        byte[] out = new byte[nx * ny * nz];
        int[] count = new int[image.phases().size()];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    Arrays.fill(count, 0);
                    for (int c = 0; c < f; c++) {
                        for (int b = 0; b < f; b++) {
                            for (int a = 0; a < f; a++) {
                                count[image.labels()[image.index(i * f + a, j * f + b, k * f + c)]]++;
                            }
                        }
                    }
                    int best = 0;
                    for (int p = 1; p < count.length; p++) {
                        if (count[p] >= count[best]) {
                            best = p;
                        }
                    }
                    out[i + nx * (j + ny * k)] = (byte) best;
                }
            }
        }
        return out;
    }
}
