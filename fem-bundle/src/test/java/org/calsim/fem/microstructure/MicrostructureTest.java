package org.calsim.fem.microstructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.testing.TestStageContext;
import org.junit.jupiter.api.Test;

class MicrostructureTest {

    @Test
    void distanceTransformEqualsBruteForce() {
        int nx = 9;
        int ny = 7;
        int nz = 8;
        boolean[] feature = new boolean[nx * ny * nz];
        SplittableRandom random = new SplittableRandom(3);
        for (int v = 0; v < feature.length; v++) {
            feature[v] = random.nextDouble() < 0.05;
        }
        double[] d = DistanceTransform.squared(feature, nx, ny, nz, new boolean[3]);
        for (int v = 0; v < feature.length; v++) {
            double best = Double.POSITIVE_INFINITY;
            for (int u = 0; u < feature.length; u++) {
                if (feature[u]) {
                    double dx = v % nx - u % nx;
                    double dy = (v / nx) % ny - (u / nx) % ny;
                    double dz = v / (nx * ny) - u / (nx * ny);
                    best = Math.min(best, dx * dx + dy * dy + dz * dz);
                }
            }
            assertEquals(best, d[v], 0.0, "voxel " + v);
        }
    }

    /**
     * Periodic in x and y: the distance is to the nearest periodic image of a feature (minimum image), as a brute
     * force over the images finds it; z stays open.
     */
    @Test
    void periodicDistanceTransformTakesTheMinimumImage() {
        int nx = 9;
        int ny = 6;
        int nz = 7;
        boolean[] feature = new boolean[nx * ny * nz];
        SplittableRandom random = new SplittableRandom(5);
        for (int v = 0; v < feature.length; v++) {
            feature[v] = random.nextDouble() < 0.02;
        }
        double[] d = DistanceTransform.squared(feature, nx, ny, nz, new boolean[] {true, true, false});
        for (int v = 0; v < feature.length; v++) {
            double best = Double.POSITIVE_INFINITY;
            for (int u = 0; u < feature.length; u++) {
                if (feature[u]) {
                    double dx = Math.abs(v % nx - u % nx);
                    double dy = Math.abs((v / nx) % ny - (u / nx) % ny);
                    double dz = v / (nx * ny) - u / (nx * ny);
                    dx = Math.min(dx, nx - dx);
                    dy = Math.min(dy, ny - dy);
                    best = Math.min(best, dx * dx + dy * dy + dz * dz);
                }
            }
            assertEquals(best, d[v], 0.0, "voxel " + v);
        }
    }

    /**
     * A slit of w = 5 pore voxels normal to x that crosses the periodic x boundary (x = nx − 2 … 2), over the
     * whole y and z, open to the top: by the radius convention of {@link PoreSizes} its radius is its
     * half-width, w/2 = 2.5 voxels, for every pore voxel (the continuous PSD is one step there), and mercury from
     * the top fills all of it at that radius. Open x borders would see two half-slits open to the outside.
     */
    @Test
    void slitAcrossThePeriodicBoundaryHasItsHalfWidthAsRadius() {
        int nx = 16;
        int ny = 4;
        int nz = 10;
        boolean[] pore = new boolean[nx * ny * nz];
        for (int v = 0; v < pore.length; v++) {
            int i = v % nx;
            pore[v] = i <= 2 || i >= nx - 2;
        }
        PoreSizes psd = PoreSizes.of(pore, nx, ny, nz, 0.5);
        assertEquals(2.5, psd.radii()[0], 1e-12, "largest radius: the half-width");
        assertEquals(1.0, psd.continuous()[0], 0, "every slit voxel lies in a sphere of the half-width");
        assertEquals(1.0, psd.intrusion()[0], 0, "mercury from the top fills the slit at its half-width");
        assertEquals(2.5, PoreSizes.median(psd.radii(), psd.continuous()), 1e-12);
    }

    /**
     * A tube along y (periodic), its axis on the periodic x boundary (through the centres of the voxels i = 0) at
     * mid-height, pore where the voxel centre lies within R = 4 of the axis: the largest sphere centred on the
     * axis reaches the solid voxel centres at √17 from it, so by the convention of {@link PoreSizes} the tube's
     * radius is √17 − ½, and every tube voxel lies in such a sphere (one step). Closed to the top: mercury never
     * enters.
     */
    @Test
    void tubeAcrossThePeriodicBoundaryIsOneRadius() {
        int nx = 14;
        int ny = 3;
        int nz = 14;
        boolean[] pore = new boolean[nx * ny * nz];
        for (int v = 0; v < pore.length; v++) {
            int i = v % nx;
            int k = v / (nx * ny);
            int dx = Math.min(i, nx - i);
            int dz = k - 7;
            pore[v] = dx * dx + dz * dz <= 16;
        }
        PoreSizes psd = PoreSizes.of(pore, nx, ny, nz, 0.25);
        assertEquals(Math.sqrt(17) - 0.5, psd.radii()[0], 1e-12, "largest radius");
        assertEquals(1.0, psd.continuous()[0], 0, "one pore size");
        for (double filled : psd.intrusion()) {
            assertEquals(0.0, filled, 0, "a tube closed to the top takes no mercury");
        }
    }

    /**
     * An ink bottle: a spherical cavity of radius 8 voxels reached from the top only through a straight throat of
     * radius 2.5. The continuous PSD sees the cavity at its own radius: centred on a voxel centre, its largest
     * sphere reaches the solid voxel centres 8 away along the axes, so its radius is 8 − ½ by the convention of
     * {@link PoreSizes}, and the cavity, most of the pore volume, is one step there (median 7.5); mercury from the
     * top fills it only once it passes the throat, so its median radius is the throat's (≈ 2.5): the two methods
     * differ as the review's Fig. 9 discusses.
     */
    @Test
    void inkBottleSeparatesTheTwoPoreSizeMethods() {
        int n = 28;
        int nz = 34;
        boolean[] pore = new boolean[n * n * nz];
        double c = n / 2.0 + 0.5; // on a voxel centre
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double dx = i + 0.5 - c;
                    double dy = j + 0.5 - c;
                    double dz = k + 0.5 - 12.5;
                    boolean cavity = dx * dx + dy * dy + dz * dz < 64;
                    boolean throat = k >= 12 && dx * dx + dy * dy < 2.5 * 2.5;
                    pore[i + n * (j + n * k)] = cavity || throat;
                }
            }
        }
        PoreSizes psd = PoreSizes.of(pore, n, n, nz, 0.25);
        double continuous = PoreSizes.median(psd.radii(), psd.continuous());
        double intrusion = PoreSizes.median(psd.radii(), psd.intrusion());
        assertEquals(7.5, continuous, 1e-12, "continuous median radius");
        assertEquals(2.5, intrusion, 1.0, "intrusion median radius (the throat)");
    }

    /** Pore layer at the bottom, AM above, a CBD column through both: coverage, percolation and porosity profile. */
    @Test
    void coveragePercolationAndProfileOfALayeredImage() throws Exception {
        int n = 6;
        int nz = 6;
        byte[] labels = new byte[n * n * nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    byte label = k < 2 ? (byte) 0 : (byte) 1;
                    if (i == 0 && j < 3) {
                        label = 2;
                    }
                    labels[i + n * (j + n * k)] = label;
                }
            }
        }
        VoxelImage image = new VoxelImage(n, n, nz, 1e-6, labels, List.of("pore", "AM", "CBD"));
        TestStageContext c = new TestStageContext().with(VoxelImage.KEY, image)
                .run(new MicrostructureStage(), Map.of("vtk", true));
        assertEquals(3.0 / 36, c.sink().get("collector_coverage_cbd"), 1e-12);
        assertEquals(33.0 / 36 * 2 / 6, c.sink().get("porosity"), 1e-12);
        assertEquals(1.0, c.sink().get("percolating_fraction_cbd"), 0, "the CBD column spans the thickness");
        assertEquals(0.0, c.sink().get("percolating_fraction_pore"), 0, "the pore layer does not reach the top");
        assertEquals(0.0, c.sink().get("percolating_fraction_am"), 0, "AM does not touch the collector");
        double[] profile = c.sink().tables.get("porosity-profile").column("porosity").values();
        assertEquals(33.0 / 36, profile[0], 1e-12);
        assertEquals(0.0, profile[5], 0);
        // AM–pore faces: the 33 AM voxels of layer 2 above the 33 pore voxels of layer 1
        assertEquals(33 * 1e-12 / (216 * 1e-18) * 1e-6, c.sink().get("am_pore_surface_per_volume_per_um"), 1e-9);
        assertTrue(java.nio.file.Files.size(c.sink().files.get("microstructure.vti")) > 216);
        // xz at y = 3 (no CBD there): pores at the bottom, AM at the top; xy at z = 3: CBD at x = 0, y < 3
        java.awt.image.BufferedImage xz = javax.imageio.ImageIO.read(c.sink().files.get("slice-xz-mid-width.png").toFile());
        SliceImages.Layout at = SliceImages.layout(n, nz, 1e-6, 3);
        int bottom = at.top() + at.mapHeight() - 1;
        int s = at.scale();
        assertEquals(0x000000, xz.getRGB(at.left() + 3 * s, bottom) & 0xFFFFFF, "pore layer at the bottom");
        assertEquals(0xD0D0D0, xz.getRGB(at.left() + 3 * s, at.top()) & 0xFFFFFF, "AM at the top");
        java.awt.image.BufferedImage xy = javax.imageio.ImageIO.read(c.sink().files.get("slice-xy-mid-height.png").toFile());
        at = SliceImages.layout(n, n, 1e-6, 3);
        bottom = at.top() + at.mapHeight() - 1;
        assertEquals(0xC03030, xy.getRGB(at.left(), bottom) & 0xFFFFFF, "CBD at x = 0, y = 0");
        assertEquals(0xD0D0D0, xy.getRGB(at.left(), at.top()) & 0xFFFFFF, "AM at x = 0, y = 5");
    }
}
