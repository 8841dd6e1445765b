package org.calsim.dem.calendering;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.StageContext;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.dem.engine.Particles;
import org.calsim.support.units.PhysicalConstants;

/**
 * The coating {@code dem.calender} starts from: the packing's spheres as particles, the active material (type 0) at
 * its material's density and the CBD spheres at the apparent density of the nanoporous CBD the recipe implies (times
 * the density scaling); the solid volume the porosity counts (the AM, the CBD spheres' solid fraction, and with CBD as
 * bonds the carbon and binder solid the recipe carries with each volume of AM) [m³]; and the length d50 [m].
 *
 * <p>A packing not made by {@code dem.generate} (read by {@code packing.load}) comes without the generator's
 * description of the coating: no CBD bonds, CBD spheres solid, this stage's {@code density_scaling}, standard
 * gravity on the real masses, and d50 the median active-material diameter of the packing ({@link #note} says so).
 */
final class CoatingSetup {
    /** how the coating was generated, or what stands for it */
    final DemKeys.Coating coating;
    /** whether {@code dem.generate} made the packing */
    final boolean generated;
    /** elastic constants and density per material type */
    final DemSetup.Elastic[] types;
    final Particles particles;
    /** solid fraction per material type [1] */
    final double[] solidFraction;
    /** solid volume of the coating [m³] */
    final double solidVolume;
    /** carbon and binder solid carried with each volume of active material (CBD as bonds), else 0 [1] */
    final double amExtra;
    /** the length d50 [m] */
    final double d50;

    private CoatingSetup(DemKeys.Coating coating, boolean generated, DemSetup.Elastic[] types, Particles particles,
                         double[] solidFraction, double solidVolume, double amExtra, double d50) {
        this.coating = coating;
        this.generated = generated;
        this.types = types;
        this.particles = particles;
        this.solidFraction = solidFraction;
        this.solidVolume = solidVolume;
        this.amExtra = amExtra;
        this.d50 = d50;
    }

    /** @return the coating of the stage's packing and recipe, its materials checked */
    static CoatingSetup of(StageContext context, ParticlePacking packing, ElectrodeRecipe recipe) {
        Parameters par = context.parameters();
        Optional<DemKeys.Coating> generated = context.state().find(DemKeys.COATING);
        DemKeys.Coating coating = generated.orElse(new DemKeys.Coating(par.number(DemSetup.DENSITY_SCALING), 1.0,
                null, -PhysicalConstants.STANDARD_GRAVITY / par.number(DemSetup.DENSITY_SCALING)));
        DemSetup.Elastic[] types = new DemSetup.Elastic[packing.materials().size()];
        for (int t = 0; t < types.length; t++) {
            types[t] = DemSetup.elastic(context, packing.materials().get(t), "structure.packing.materials[" + t + "]");
        }
        double scaling = coating.densityScaling();
        Particles particles = new Particles(packing.size());
        double[] solidFraction = new double[types.length];
        for (int i = 0; i < packing.size(); i++) {
            int t = packing.type()[i];
            double rho = t == 0 ? types[0].density() : cbdDensity(recipe, types[0].density(), coating);
            particles.add(packing.x()[i], packing.y()[i], packing.z()[i], packing.radius()[i], rho * scaling, t);
        }
        for (int t = 0; t < types.length; t++) {
            solidFraction[t] = t == 0 ? 1 : coating.cbdSolidFraction();
        }
        double solidVolume = 0;
        double amVolume = 0;
        for (int i = 0; i < particles.size(); i++) {
            double r = particles.radius(i);
            double v = 4.0 / 3.0 * Math.PI * r * r * r;
            solidVolume += solidFraction[particles.type(i)] * v;
            amVolume += particles.type(i) == 0 ? v : 0;
        }
        double amExtra = 0;
        if (coating.bonds() != null) { // CBD as bonds: its solid is not in the spheres but is in the coating
            amExtra = DemSetup.cbdSolidPerAmVolume(recipe, types[0].density());
            solidVolume += amExtra * amVolume;
        }
        double d50 = generated.isPresent() ? recipe.particleDiameter() : medianActiveDiameter(packing);
        return new CoatingSetup(coating, generated.isPresent(), types, particles, solidFraction, solidVolume, amExtra,
                d50);
    }

    /** Notes in the results how a packing not made by {@code dem.generate} is taken (nothing otherwise). */
    void note(ResultSink sink, Parameters par) {
        if (generated) {
            return;
        }
        sink.note("packing_without_generator", String.format("the packing was not made by dem.generate (e.g. "
                + "packing.load): no CBD bonds; CBD spheres solid (no nanoporosity), with the recipe's carbon-binder "
                + "solid density; density_scaling %s of this stage; standard gravity on the real masses; d50 %.4g um, "
                + "the median active-material diameter of the packing (not the recipe's); porosity counts the spheres "
                + "only", par.number(DemSetup.DENSITY_SCALING), d50 * 1e6));
    }

    /** @return the median diameter of the active-material spheres (type 0) [m], or of all spheres if none is AM */
    private static double medianActiveDiameter(ParticlePacking packing) {
        double[] am = IntStream.range(0, packing.size()).filter(i -> packing.type()[i] == 0)
                .mapToDouble(i -> 2 * packing.radius()[i]).sorted().toArray();
        double[] d = am.length > 0 ? am : Arrays.stream(packing.radius()).map(r -> 2 * r).sorted().toArray();
        if (d.length == 0) {
            return Double.NaN;
        }
        return d.length % 2 == 1 ? d[d.length / 2] : 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]);
    }

    /** Apparent density of a nanoporous CBD sphere from the recipe (as the generator made it) [kg/m³]. */
    private static double cbdDensity(ElectrodeRecipe recipe, double amDensity, DemKeys.Coating coating) {
        double wAm = recipe.activeMassFraction();
        double perMass = 1 / recipe.solidDensity() - wAm / amDensity;
        double solid = perMass > 0 ? (1 - wAm) / perMass : amDensity;
        return solid * coating.cbdSolidFraction();
    }
}
