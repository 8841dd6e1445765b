package org.calsim.fem.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.calsim.api.structure.VoxelImage;
import org.calsim.fem.conduction.SteadyConduction;

/**
 * The refinement study behind {@link PoreResolution} ({@code bench/fem/resolution.sh}): the two images of the
 * TauFactor comparison ({@link TauFactorImages}) voxelised at 0.5 to 5 times their resolution (3 to 30 voxels per
 * mean sphere radius; the same seeded spheres, scaled), T through the plane with periodic sides (residual 1e-8),
 * the limit T∞ by Richardson extrapolation of the two finest (first order: T∞ = 5 T₅ − 4 T₄), and per resolution
 * the mean pore radius r̄, the overestimate T/T∞ − 1 and (T/T∞ − 1)·r̄. Writes the table to {@code args[0]}.
 */
final class PoreResolutionStudy {
    private static final double[] SCALES = {0.5, 0.75, 1, 1.5, 2, 3, 4, 5};

    private PoreResolutionStudy() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("# PoreResolutionStudy: T through the plane (periodic sides) of the TauFactor comparison's sphere "
                + "images refined; T_inf = 5 T(5) - 4 T(4)");
        rows.add("image          scale  voxels        voxels_per_radius  porosity  mean_pore_radius  T         "
                + "T/T_inf-1  (T/T_inf-1)*r");
        for (TauFactorImages.Spec spec : TauFactorImages.IMAGES) {
            double[] tau = new double[SCALES.length];
            double[] radius = new double[SCALES.length];
            double[] porosity = new double[SCALES.length];
            String[] size = new String[SCALES.length];
            for (int t = 0; t < SCALES.length; t++) {
                double s = SCALES[t];
                TauFactorImages.Spec scaled = new TauFactorImages.Spec(spec.name(), (int) Math.round(s * spec.nx()),
                        (int) Math.round(s * spec.ny()), (int) Math.round(s * spec.nz()), spec.spheres(),
                        s * spec.radius(), spec.seed());
                VoxelImage image = TauFactorImages.image(scaled);
                boolean[] pore = new boolean[image.labels().length];
                double[] sigma = new double[pore.length];
                for (int v = 0; v < pore.length; v++) {
                    pore[v] = image.labels()[v] == 0;
                    sigma[v] = pore[v] ? 1 : 0;
                }
                radius[t] = PoreResolution.meanPoreRadius(pore, image.nx(), image.ny(), image.nz());
                porosity[t] = image.volumeFraction(0);
                SteadyConduction.Result r = SteadyConduction.solve(new int[] {image.nx(), image.ny(), image.nz()},
                        sigma, 2, new boolean[] {true, true, false},
                        new SteadyConduction.Settings(1e-8, 1e-6, 100_000, 2));
                tau[t] = porosity[t] / r.effective();
                size[t] = image.nx() + "x" + image.ny() + "x" + image.nz();
            }
            int last = SCALES.length - 1;
            double limit = (SCALES[last] * tau[last] - SCALES[last - 1] * tau[last - 1])
                    / (SCALES[last] - SCALES[last - 1]);
            for (int t = 0; t < SCALES.length; t++) {
                double over = tau[t] / limit - 1;
                rows.add(String.format(Locale.ROOT, "%-14s %-6.2f %-13s %-18.1f %-9.4f %-17.3f %-9.5f %-10.4f %.3f",
                        spec.name(), SCALES[t], size[t], SCALES[t] * spec.radius(), porosity[t], radius[t], tau[t],
                        over, over * radius[t]));
            }
            rows.add(String.format(Locale.ROOT, "%-14s T_inf = %.5f", spec.name(), limit));
        }
        Files.write(Path.of(args[0]), rows);
    }
}
