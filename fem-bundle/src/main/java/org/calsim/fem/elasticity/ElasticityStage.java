package org.calsim.fem.elasticity;

import java.util.List;
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
import org.calsim.api.structure.VoxelImage;
import org.osgi.service.component.annotations.Component;

/**
 * {@code fem.elasticity}: effective Young's modulus of the voxel microstructure through the plane and in the
 * plane ({@link VoxelElasticity}: trilinear hexahedra, uniaxial loading, free lateral faces), from the active
 * material (the recipe's, phase 1) and the CBD ({@code cbd_material}, phase 2, its modulus scaled by
 * (1 − nanoporosity)² as for an open-cell foam, Gibson and Ashby 1997); pores carry nothing. The through-plane
 * modulus is the quantity the DEM unloading stiffness of the calendered coating can be compared with.
 *
 * <p>Voxel FE cost grows with the image: {@code coarsen} merges blocks of voxels (majority phase) first.
 */
@Component(service = org.calsim.api.stage.Solver.class,
        property = ServiceProperties.NAME + "=" + ElasticityStage.NAME)
public final class ElasticityStage implements Solver {
    /** Stage name. */
    public static final String NAME = "fem.elasticity";
    static final String CBD_MATERIAL = "cbd_material";
    static final String NANOPOROSITY = "cbd_nanoporosity";
    static final String COARSEN = "coarsen";
    static final String TOLERANCE = "tolerance";
    static final String MAX_ITERATIONS = "max_iterations";
    static final String THREADS = "threads";
    /** Modulus of empty voxels relative to the stiffest phase. */
    static final double ERSATZ = 1e-6;

    @Override
    public String description() {
        return "effective Young's modulus through and in the plane by linear-elastic voxel FEM (8-node hexahedra, "
                + "matrix-free PCG)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.text(CBD_MATERIAL, "material giving the CBD's solid E and nu").withDefault("PVDF"),
                Parameter.number(NANOPOROSITY, "1", 1, "porosity inside the CBD").closed(0, 0.95).withDefault(0.5),
                new Parameter(COARSEN, Parameter.Kind.INTEGER, "1", 1, 1, true, 16, true, 2, false, List.of(),
                        "merge blocks of coarsen^3 voxels (majority phase) before solving"),
                Parameter.number(TOLERANCE, "1", 1, "relative residual at which conjugate gradients stop")
                        .open(0, 1).withDefault(1e-6),
                new Parameter(MAX_ITERATIONS, Parameter.Kind.INTEGER, "1", 1, 1, true, 1e8, true, 20_000, false,
                        List.of(), "conjugate-gradient iteration limit"),
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
        double[] am = elastic(context.material(recipe.activeMaterial()), "recipe.active_material");
        double[] cbd = elastic(context.material(par.text(CBD_MATERIAL)), par.fieldPath(CBD_MATERIAL));
        double solid = 1 - par.number(NANOPOROSITY);
        double[] youngs = {0, am[0], cbd[0] * solid * solid};
        double[] poisson = {0.3, am[1], cbd[1]};
        int f = par.integer(COARSEN);
        int nx = Math.max(1, image.nx() / f);
        int ny = Math.max(1, image.ny() / f);
        int nz = Math.max(1, image.nz() / f);
        byte[] phase = coarsen(image, f, nx, ny, nz);
        ResultSink sink = context.results();
        String[] labels = {"in_plane_x", "in_plane_y", "through_plane"};
        for (int axis = 2; axis >= 0; axis -= 2) {
            context.checkCancelled();
            context.progress(axis == 2 ? 0.05 : 0.5, "elasticity along " + labels[axis]);
            VoxelElasticity.Result r = VoxelElasticity.solve(new int[] {nx, ny, nz}, phase, youngs, poisson, axis,
                    ERSATZ, par.number(TOLERANCE), par.integer(MAX_ITERATIONS), par.integer(THREADS));
            if (r.residual() > par.number(TOLERANCE)) {
                throw new StageFailedException(String.format("elasticity (%s) did not converge in %d iterations: "
                        + "relative residual %.3g > %.3g; raise max_iterations or coarsen", labels[axis],
                        r.iterations(), r.residual(), par.number(TOLERANCE)));
            }
            sink.summary("youngs_modulus_" + labels[axis] + "_GPa", r.modulus() / 1e9, "GPa");
            sink.summary("iterations_" + labels[axis], r.iterations(), "1");
        }
        sink.summary("elements", (double) nx * ny * nz, "1");
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
                    java.util.Arrays.fill(count, 0);
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
