package org.calsim.dem.engine;

import java.util.SplittableRandom;
import org.calsim.api.contact.PairProperties;
import org.calsim.dem.contact.HertzMindlinLaw;

/**
 * A test system: monodisperse spheres (r = 1 mm, ρ = 2500 kg/m³, E = 10 MPa, ν = 0.3) placed on a jittered
 * lattice above a collector plane in a periodic 12 × 12 mm box, falling under gravity.
 */
final class Pour {
    static final double R = 1e-3;
    static final double L = 12e-3;

    private Pour() {
    }

    static DemEngine create(int layers, double restitution, double friction, int threads, long seed) {
        PairProperties pp = PairProperties.mix(1e7, 0.3, 1e7, 0.3, restitution, friction, 0, 0,
                Double.POSITIVE_INFINITY);
        Particles p = new Particles(36 * layers);
        SplittableRandom random = new SplittableRandom(seed);
        double pitch = L / 6;
        for (int k = 0; k < layers; k++) {
            for (int a = 0; a < 6; a++) {
                for (int b = 0; b < 6; b++) {
                    double jitter = 0.08 * R;
                    p.add((a + 0.5) * pitch + jitter * (random.nextDouble() - 0.5),
                            (b + 0.5) * pitch + jitter * (random.nextDouble() - 0.5),
                            1.2 * R + k * 2.3 * R + jitter * random.nextDouble(), R, 2500, 0);
                }
            }
        }
        DemEngine engine = new DemEngine(p, new PeriodicBox(L, L), 1, new PairProperties[] {pp},
                new HertzMindlinLaw(), threads);
        engine.addWall(new PlaneWall("collector", 0, true, new PairProperties[] {pp}));
        engine.setGravity(-9.81);
        engine.setTimeStep(0.2 * TimeStep.rayleigh(R, 2500, 1e7, 0.3));
        engine.setSkin(0.2 * R);
        return engine;
    }
}
