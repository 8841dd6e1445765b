package org.calsim.dem.calendering;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.stage.Swappable;
import org.calsim.dem.engine.Particles;

/**
 * The wet deposits of {@code dem.generate} and their drying, with feedback on the shell factor: the spheres, each with
 * a solvent-swollen CBD gel shell of radius α r, settle onto the collector ({@link Deposition}), and the deposit dries
 * to the recipe's thickness h* = V_solid / ((1 − ε₀) Lx Ly) ({@link DryingShrinkage}). α comes from the expected
 * packing of the deposit (random loose packing at first); while the dried porosity misses ε₀ by more than the
 * tolerance, the coating is deposited again with α from the measured packing, at most
 * {@value ElectrodeGenerator#MAX_DEPOSITS} times. The deposit whose dried porosity is closest is kept.
 */
final class WetDeposits {
    private WetDeposits() {
    }

    /**
     * How the coating dried.
     *
     * @param wet             the deposit kept (the wet spheres, its steps and engine notes)
     * @param shellFactor     α, wet radius / dry radius [1]
     * @param contraction     β, dried / wet centre heights [1]
     * @param deposits        wet deposits made (more than one when the feedback resized the shells)
     * @param steps           settling steps, all deposits [1]
     * @param wetThickness    thickness of the kept wet deposit, by the stage's thickness measure [m]
     * @param wetPacking      its packing fraction (wet spheres) [1]
     * @param targetThickness the recipe's dried thickness h* = V_solid / ((1 − ε₀) Lx Ly) [m]
     * @param reached         whether the dried porosity is the recipe's, within the tolerance
     */
    record Drying(Deposition.Result wet, double shellFactor, double contraction, int deposits, long steps,
                  double wetThickness, double wetPacking, double targetThickness, boolean reached) {
    }

    /**
     * Deposits and dries the coating until its porosity is the recipe's.
     *
     * @param coating   the spheres to deposit (dry radii)
     * @param density   scaled density per type [kg/m³]
     * @param types     elastic constants per type
     * @param collector elastic constants of the collector
     * @param d50       median AM diameter [m]
     * @param target    the recipe's dried porosity ε₀ [1]
     * @param thickness how the dried thickness is measured [m]
     */
    static Drying dry(StageContext context, Swappable<ContactLaw> laws, CoatingComposition coating, double[] density,
                      DemSetup.Elastic[] types, DemSetup.Elastic collector, double lx, double ly, double d50,
                      double target, ToDoubleFunction<Particles> thickness, SplittableRandom random)
            throws StageFailedException {
        double tolerance = context.parameters().number(ElectrodeGenerator.TOLERANCE);
        double area = lx * ly;
        double solid = coating.solid();
        double targetHeight = solid / ((1 - target) * area);
        double wetPacking = DryingShrinkage.RANDOM_LOOSE_PACKING;
        Deposition.Result wet = null;
        double alpha = 1;
        double beta = 1;
        double error = Double.POSITIVE_INFINITY;
        long steps = 0;
        int deposits = 0;
        while (deposits < ElectrodeGenerator.MAX_DEPOSITS && error > tolerance) {
            double a = DryingShrinkage.shellFactor(targetHeight, coating.sphereVolume() / area, wetPacking);
            ElectrodeGenerator.checkBox(context.parameters(), d50, a);
            double[] wetRadius = new double[coating.radius().length];
            for (int i = 0; i < wetRadius.length; i++) {
                wetRadius[i] = a * coating.radius()[i];
            }
            deposits++;
            Deposition.Result deposit = Deposition.settle(context, laws, wetRadius, coating.type(), density, types,
                    collector, lx, ly, a * d50, a * coating.cbdDiameter(), coating.cbdCount() > 0, random, steps,
                    "wet deposit " + deposits);
            steps += deposit.steps();
            double b = DryingShrinkage.contraction(deposit.particles(), a, targetHeight, thickness);
            double h = DryingShrinkage.height(deposit.particles(), a, b, thickness);
            double e = Math.abs(1 - solid / (area * h) - target);
            if (e < error) {
                wet = deposit;
                alpha = a;
                beta = b;
                error = e;
            }
            if (a == 1 && h > targetHeight) {
                break; // denser than the spheres settle without shells: no shell reaches it
            }
            wetPacking = deposit.particles().solidVolume() / (area * thickness.applyAsDouble(deposit.particles()));
        }
        double wetThickness = thickness.applyAsDouble(wet.particles());
        return new Drying(wet, alpha, beta, deposits, steps, wetThickness,
                wet.particles().solidVolume() / (area * wetThickness), targetHeight, error <= tolerance);
    }
}
