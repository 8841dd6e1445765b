package org.calsim.fem.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.transport.EffectiveProperties;

/**
 * The images of the TauFactor comparison ({@code verify/taufactor/run-taufactor.sh}, {@link TauFactorComparisonTest}):
 * overlapping solid spheres at seeded random places in a box periodic in x and y (minimum image), like a DEM
 * packing, pore (label 0) elsewhere; and calsim's tortuosity factors on them, for the three cases TauFactor has a
 * solver for: through the plane with periodic sides ({@code PeriodicSolver}), through the plane with no-flux
 * sides ({@code Solver}), and in the plane (x) with no-flux sides ({@code Solver} on the image turned so that x
 * comes first). In-plane with periodic y and no-flux z, calsim's default, has no TauFactor counterpart.
 *
 * <p>{@link #main} writes each image as raw bytes (1 pore, 0 solid; x fastest, then y, then z) with its
 * dimensions, and calsim's values, for the script to run TauFactor on the same voxels; also for voxel images
 * calsim wrote ({@code microstructure.vti} of {@code fem.microstructure}, e.g. the quickstart's).
 */
final class TauFactorImages {
    /** One image: its name, size, and the spheres' count, mean radius [voxels] and seed. */
    record Spec(String name, int nx, int ny, int nz, int spheres, double radius, long seed) {
    }

    /** The compared images: a looser and a denser packing of spheres 4–8 voxels in radius. */
    static final List<Spec> IMAGES = List.of(
            new Spec("spheres-loose", 40, 40, 32, 45, 6, 18),
            new Spec("spheres-dense", 40, 40, 32, 80, 6, 19));

    /** The compared cases: label, job values of {@code fem.tortuosity}, and which of its results. */
    enum Case {
        THROUGH_PERIODIC("through-plane", "periodic"),
        THROUGH_NO_FLUX("through-plane", "no-flux"),
        IN_PLANE_NO_FLUX("in-plane (x)", "no-flux");

        final String direction;
        final String sides;

        Case(String direction, String sides) {
            this.direction = direction;
            this.sides = sides;
        }
    }

    private TauFactorImages() {
    }

    /**
     * @return labels (0 pore, 1 solid) of overlapping spheres with radii uniform in [0.7, 1.3] × the mean; a
     *         voxel is solid when its centre lies inside a sphere, x and y by the minimum image
     */
    static VoxelImage image(Spec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        double[][] spheres = new double[spec.spheres()][];
        for (int s = 0; s < spheres.length; s++) {
            spheres[s] = new double[] {random.nextDouble() * spec.nx(), random.nextDouble() * spec.ny(),
                    random.nextDouble() * spec.nz(), spec.radius() * (0.7 + 0.6 * random.nextDouble())};
        }
        int nx = spec.nx();
        int ny = spec.ny();
        int nz = spec.nz();
        byte[] labels = new byte[nx * ny * nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    for (double[] c : spheres) {
                        double dx = minimumImage(i + 0.5 - c[0], nx);
                        double dy = minimumImage(j + 0.5 - c[1], ny);
                        double dz = k + 0.5 - c[2];
                        if (dx * dx + dy * dy + dz * dz < c[3] * c[3]) {
                            labels[i + nx * (j + ny * k)] = 1;
                            break;
                        }
                    }
                }
            }
        }
        return new VoxelImage(nx, ny, nz, 1e-6, labels, List.of("pore", "AM", "CBD"));
    }

    private static double minimumImage(double d, int length) {
        return d - length * Math.rint(d / length);
    }

    /** @return calsim's tortuosity factor T = ε κ₀/κ_eff of the pores for one case, solved to 1e-10 */
    static double tortuosity(VoxelImage image, Case c) throws Exception {
        TestStageContext context = new TestStageContext().with(VoxelImage.KEY, image).run(new TortuosityStage(),
                Map.of("tolerance", 1e-10, "flux_tolerance", 1e-10, "sides", c.sides, "threads", 1));
        EffectiveProperties e = context.given(EffectiveProperties.KEY);
        return c == Case.IN_PLANE_NO_FLUX ? e.inPlaneTortuosity() : e.throughPlaneTortuosity();
    }

    /**
     * Reads the labels of a VTK image file as {@code fem.microstructure} writes it (XML ImageData, one ASCII UInt8
     * cell array, x fastest); the voxel size is not needed here.
     */
    static VoxelImage readVti(Path file) throws IOException {
        String text = Files.readString(file);
        String[] extent = between(text, "WholeExtent=\"", "\"").trim().split("\\s+");
        int nx = Integer.parseInt(extent[1]);
        int ny = Integer.parseInt(extent[3]);
        int nz = Integer.parseInt(extent[5]);
        String data = between(text, "format=\"ascii\">", "</DataArray>").trim();
        String[] values = data.split("\\s+");
        byte[] labels = new byte[values.length];
        for (int v = 0; v < labels.length; v++) {
            labels[v] = Byte.parseByte(values[v]);
        }
        return new VoxelImage(nx, ny, nz, 1e-6, labels, List.of("pore", "AM", "CBD"));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    /**
     * Writes {@code <name>.raw} per image and {@code calsim.tsv} (image, nx, ny, nz, porosity, direction, sides,
     * T) into the folder {@code args[0]}: the images of {@link #IMAGES}, then those of the further arguments
     * {@code name=file.vti}.
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Map<String, VoxelImage> images = new LinkedHashMap<>();
        for (Spec spec : IMAGES) {
            images.put(spec.name(), image(spec));
        }
        for (int a = 1; a < args.length; a++) {
            String[] nameFile = args[a].split("=", 2);
            images.put(nameFile[0], readVti(Path.of(nameFile[1])));
        }
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, VoxelImage> entry : images.entrySet()) {
            VoxelImage image = entry.getValue();
            byte[] pore = new byte[image.labels().length];
            for (int v = 0; v < pore.length; v++) {
                pore[v] = (byte) (image.labels()[v] == 0 ? 1 : 0);
            }
            Files.write(out.resolve(entry.getKey() + ".raw"), pore);
            for (Case c : Case.values()) {
                rows.add(String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%.9f\t%s\t%s\t%.9f", entry.getKey(),
                        image.nx(), image.ny(), image.nz(), image.volumeFraction(0), c.direction, c.sides,
                        tortuosity(image, c)));
            }
        }
        Files.write(out.resolve("calsim.tsv"), rows);
    }
}
