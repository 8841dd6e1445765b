package org.calsim.dem.calendering;

import java.util.SplittableRandom;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.stage.Swappable;
import org.calsim.dem.engine.BlowUpException;
import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.Particles;
import org.calsim.dem.engine.PeriodicBox;
import org.calsim.dem.engine.PlaneWall;

/**
 * The wet deposit: spheres inserted at random into a loose column (solid fraction ≈ 0.3, {@link RandomInsertion};
 * about the solids content of an electrode slurry) settle onto the collector under a deposition acceleration until
 * their kinetic energy has died away.
 *
 * <p>Real gravity is far too weak to settle µm particles in a feasible number of steps, and density scaling does not
 * help (it scales weight and inertia alike), so the deposition force is set by the overlap ε it causes in the softest
 * pair (AM on CBD, or AM on AM): the Hertz force F = 4/3 E* √R* (ε r_small)^{3/2} that a median particle carries, so
 * every particle is accelerated by a = F/m_median. The number of steps to settle then depends on ε and the coating
 * height only, about √(2h/(r ε^{3/2})) / 0.2. A viscous drag (the solvent) limits the falling speed to the velocity
 * at which a median particle's kinetic energy equals the Hertz energy 8/15 E* √R* (0.1 r_small)^{5/2} of the softest
 * pair at 10 % overlap, so impacts stay gentle. Settled: the mean kinetic energy per particle below 10⁻⁴ of
 * m a d50 (the work of falling one median diameter), checked every {@value StepDriver#CHECK_EVERY} steps after
 * at least 2000 (the steps run through the {@link StepDriver}).
 */
final class Deposition {
    /**
     * A settled deposit.
     *
     * @param particles the settled spheres
     * @param steps     steps taken
     * @param engine    the engine's time step and its reductions
     */
    record Result(Particles particles, long steps, EngineNotes engine) {
    }

    private Deposition() {
    }

    /**
     * Inserts and settles one deposit.
     *
     * @param radius     sphere radii [m] (the wet radii, shell included)
     * @param type       material type per sphere (0 AM, 1 CBD)
     * @param density    scaled density per type [kg/m³]
     * @param types      elastic constants per type
     * @param collector  elastic constants of the collector
     * @param d50        median AM diameter of these spheres [m]
     * @param cbdD       CBD sphere diameter [m], used only when {@code cbdSpheres}
     * @param cbdSpheres whether there are CBD spheres (they are then the softest partner)
     * @param firstStep  steps the stage took before this deposit, so a law swap is dated in the stage's steps
     * @param what       the deposit's name in progress messages
     */
    static Result settle(StageContext context, Swappable<ContactLaw> laws, double[] radius, int[] type,
                         double[] density, DemSetup.Elastic[] types, DemSetup.Elastic collector, double lx, double ly,
                         double d50, double cbdD, boolean cbdSpheres, SplittableRandom random, long firstStep,
                         String what)
            throws StageFailedException {
        Parameters par = context.parameters();
        double scaling = par.number(DemSetup.DENSITY_SCALING);
        Particles particles = RandomInsertion.insert(radius, type, density, lx, ly, random);
        DemSetup.Elastic am = types[ElectrodeGenerator.AM];
        double r50 = d50 / 2;
        double rSoft = cbdSpheres ? Math.min(r50, cbdD / 2) : r50;
        double rStar = cbdSpheres ? r50 * (cbdD / 2) / (r50 + cbdD / 2) : r50 / 2;
        double eSoft = DemSetup.pair(par, am, cbdSpheres ? types[ElectrodeGenerator.CBD_TYPE] : am)
                .effectiveYoungsModulus();
        double depositionForce = 4.0 / 3.0 * eSoft * Math.sqrt(rStar)
                * Math.pow(par.number(ElectrodeGenerator.DEPOSITION) * rSoft, 1.5);
        double medianMass = density[ElectrodeGenerator.AM] * 4.0 / 3.0 * Math.PI * r50 * r50 * r50;
        double gravity = -depositionForce / medianMass;
        double impact = 8.0 / 15.0 * eSoft * Math.sqrt(rStar) * Math.pow(0.1 * rSoft, 2.5);
        double terminal = Math.sqrt(2 * impact / medianMass);
        double drag = Math.abs(gravity) / terminal;
        int maxSteps = par.integer(ElectrodeGenerator.MAX_STEPS);
        ContactLaw law = laws.acquire(firstStep);
        try (DemEngine engine = DemSetup.engine(context, particles, new PeriodicBox(lx, ly), types, law, scaling)) {
            engine.addWall(new PlaneWall("collector", 0, true, DemSetup.wall(par, collector, types)));
            engine.setGravity(gravity);
            engine.setDrag(drag);
            engine.sortParticles();
            engine.initialise();
            double meanMass = 0;
            for (int i = 0; i < particles.size(); i++) {
                meanMass += particles.mass(i);
            }
            meanMass /= particles.size();
            double threshold = 1e-4 * meanMass * Math.abs(gravity) * d50 * particles.size();
            // the settling is judged at every check: the limit is rounded up to a whole number of checks
            long limit = (maxSteps + StepDriver.CHECK_EVERY - 1) / StepDriver.CHECK_EVERY * StepDriver.CHECK_EVERY;
            StepDriver.run(context, engine, laws, firstStep, limit, new Settling(engine, threshold, maxSteps, what));
            return new Result(particles, engine.steps(), EngineNotes.of(engine));
        } catch (BlowUpException e) {
            throw new StageFailedException("while settling the " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * The settling as the {@link StepDriver} runs it: done when, at a check after at least 2000 steps, the kinetic
     * energy has fallen below the threshold [J].
     */
    private static final class Settling implements StepDriver.Course<RuntimeException> {
        private final DemEngine engine;
        private final double threshold;
        private final int maxSteps;
        private final String what;
        /** kinetic energy at the last check [J] */
        private double kinetic;

        Settling(DemEngine engine, double threshold, int maxSteps, String what) {
            this.engine = engine;
            this.threshold = threshold;
            this.maxSteps = maxSteps;
            this.what = what;
        }

        @Override
        public boolean done() {
            long steps = engine.steps();
            if (steps % StepDriver.CHECK_EVERY != 0) {
                return false;
            }
            kinetic = engine.particles().kineticEnergy();
            return steps > 2000 && kinetic < threshold;
        }

        @Override
        public double progress() {
            return Math.min(0.99, (double) engine.steps() / maxSteps);
        }

        @Override
        public String describe() {
            return String.format("settling the %s: step %d, kinetic energy %.3g of %.3g J", what, engine.steps(),
                    kinetic, threshold);
        }

        @Override
        public void afterStep() {
        }

        @Override
        public StageFailedException unfinished() {
            return new StageFailedException("the coating did not settle within " + maxSteps + " steps (kinetic "
                    + "energy " + engine.particles().kineticEnergy() + " J, target " + threshold + " J); raise "
                    + ElectrodeGenerator.MAX_STEPS + " or " + ElectrodeGenerator.DEPOSITION);
        }
    }
}
