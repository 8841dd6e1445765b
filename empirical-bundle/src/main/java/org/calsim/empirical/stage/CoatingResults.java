package org.calsim.empirical.stage;

import java.util.Set;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.StageContext;
import org.calsim.support.units.Units;
import org.calsim.empirical.compaction.CoatingDensity;

/**
 * Gives the calendered coating's porosity, thickness (the recipe's solid volume at that porosity) and
 * density, and writes them to the summary: shared by the porosity and density stages.
 */
final class CoatingResults {
    /** What a compaction stage reads: the recipe and the calendering conditions. */
    static final Set<Key<?>> NEEDS = Set.of(ElectrodeRecipe.KEY, CalenderingConditions.KEY);
    /** What {@link #give} gives. */
    static final Set<Key<?>> GIVES = Set.of(CoatingKeys.POROSITY, CoatingKeys.THICKNESS, CoatingKeys.DENSITY);

    private CoatingResults() {
    }

    /**
     * @param porosity calendered porosity ε [1]
     */
    static void give(StageContext context, ElectrodeRecipe recipe, double porosity) {
        double thickness = recipe.thicknessAtPorosity(porosity);
        double density = CoatingDensity.density(porosity, recipe.solidDensity());
        context.give(CoatingKeys.POROSITY, porosity);
        context.give(CoatingKeys.THICKNESS, thickness);
        context.give(CoatingKeys.DENSITY, density);
        ResultSink sink = context.results();
        sink.summary("porosity", porosity, "1");
        sink.summary("thickness_um", thickness / Units.MICROMETRE, "um");
        sink.summary("density_g_per_cm3", density / Units.G_PER_CM3, "g/cm^3");
    }
}
