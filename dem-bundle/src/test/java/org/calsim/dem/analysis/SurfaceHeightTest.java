package org.calsim.dem.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.calsim.dem.engine.Particles;
import org.junit.jupiter.api.Test;

/** The profilometer surface of constructed coatings. */
class SurfaceHeightTest {
    static final double R = 5e-6;

    /** A square monolayer of spheres of radius R at spacing 2R on the collector, {@code n} × {@code n}. */
    static Particles monolayer(int n, int extra) {
        Particles p = new Particles(n * n + extra);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p.add((2 * i + 1) * R, (2 * j + 1) * R, R, R, 2500, 0);
            }
        }
        return p;
    }

    /**
     * Cells of side 2R/3 put nine cells over each sphere: the middle one holds its top 2R; the four beside it
     * reach within R/3 of the centre, height R + √(R² − R²/9); the four corner ones within √2 R/3, height
     * R + √(R² − 2R²/9). Cells of side R each touch a sphere's centre: height 2R everywhere.
     */
    @Test
    void aMonolayerHasTheSurfaceOfItsCells() {
        Particles p = monolayer(4, 0);
        double side = 8 * R;
        double expected = (2 * R + 4 * (R + Math.sqrt(R * R - R * R / 9)) + 4 * (R + Math.sqrt(R * R - 2 * R * R / 9)))
                / 9;
        assertEquals(expected, SurfaceHeight.of(p, side, side, 2 * R / 3).mean(), 1e-12 * R);
        assertEquals(2 * R, SurfaceHeight.of(p, side, side, R).mean(), 1e-12 * R);
        assertEquals(0, SurfaceHeight.of(p, side, side, R).countAbove(p));
    }

    /**
     * One sphere resting on top of another of an 8 × 8 monolayer (centre at 3R) is the highest top, 4R, but raises
     * the mean surface only over the nine cells (side 2R/3) it reaches over, each by 2R (it is the monolayer's
     * sphere shifted up by 2R), out of 576; its lowest point 2R lies above that mean: it is the one particle on top.
     */
    @Test
    void aParticleOnTopRaisesTheMeanByItsShareAndIsCounted() {
        Particles p = monolayer(8, 1);
        p.add(3 * R, 3 * R, 3 * R, R, 2500, 0);
        double side = 16 * R;
        double layer = (2 * R + 4 * (R + Math.sqrt(R * R - R * R / 9)) + 4 * (R + Math.sqrt(R * R - 2 * R * R / 9)))
                / 9;
        SurfaceHeight s = SurfaceHeight.of(p, side, side, 2 * R / 3);
        assertEquals(layer + 9 * 2 * R / 576, s.mean(), 1e-12 * R);
        assertEquals(4 * R, p.top(), 1e-12 * R);
        assertEquals(1, s.countAbove(p));
    }

    /**
     * The mean over a band in x, cells of side 2R/3 (24 × 24): within R/2 of x = 3R lies one column of cells, the
     * one over the centres of a row of spheres (in y, one cell in three over a centre, height 2R, two beside it,
     * R + √(R² − R²/9)); the sphere on top raises 3 of its 24 cells by 2R. Within R/2 of x = 0 lie the first and the
     * last column, R/3 in x from the sphere centres on either side of the periodic boundary, and a band at x = Lx is
     * the same band.
     */
    @Test
    void theMeanNearABandOfXCountsItsCellsOnlyAndWraps() {
        Particles p = monolayer(8, 1);
        p.add(3 * R, 3 * R, 3 * R, R, 2500, 0);
        double side = 16 * R;
        double near = R + Math.sqrt(R * R - R * R / 9);
        double far = R + Math.sqrt(R * R - 2 * R * R / 9);
        SurfaceHeight s = SurfaceHeight.of(p, side, side, 2 * R / 3);
        assertEquals((2 * R + 2 * near) / 3 + 3 * 2 * R / 24, s.meanNear(3 * R, R / 2), 1e-12 * R);
        assertEquals((near + 2 * far) / 3, s.meanNear(0, R / 2), 1e-12 * R);
        assertEquals(s.meanNear(0, R / 2), s.meanNear(side, R / 2), 1e-12 * R);
        assertEquals(Double.NaN, s.meanNear(3 * R + R / 3, 0.1 * R), "no cell centre within R/10 of x = 10R/3");
    }
}
