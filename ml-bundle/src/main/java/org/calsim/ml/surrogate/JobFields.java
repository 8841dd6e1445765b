package org.calsim.ml.surrogate;

import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.ElectrodeRecipe;

/**
 * The numeric fields of a job's {@code recipe} and {@code calendering} sections, in the units their names state,
 * read back from the SI values the runtime gives every stage ({@link ElectrodeRecipe}, {@link CalenderingConditions}).
 * A surrogate trained on a sweep over these fields reads its inputs from the job it runs in.
 */
final class JobFields {
    private static final Map<String, ToDoubleBiFunction<ElectrodeRecipe, CalenderingConditions>> FIELDS = Map.ofEntries(
            Map.entry("recipe.active_fraction", (r, c) -> r.activeMassFraction()),
            Map.entry("recipe.additive_fraction", (r, c) -> r.carbonMassFraction()),
            Map.entry("recipe.binder_fraction", (r, c) -> r.binderMassFraction()),
            Map.entry("recipe.active_loading_mg_per_cm2", (r, c) -> r.activeMassLoading() / 0.01),
            Map.entry("recipe.initial_porosity", (r, c) -> r.initialPorosity()),
            Map.entry("recipe.particle_d50_um", (r, c) -> r.particleDiameter() / 1e-6),
            Map.entry("recipe.specific_capacity_mAh_per_g", (r, c) -> r.specificCapacity() / 3600),
            Map.entry("calendering.line_load_kN_per_m", (r, c) -> c.lineLoad() / 1e3),
            Map.entry("calendering.roll_radius_mm", (r, c) -> c.rollRadius() / 1e-3),
            Map.entry("calendering.roll_gap_um", (r, c) -> c.rollGap() / 1e-6),
            Map.entry("calendering.roll_temperature_C", (r, c) -> c.rollTemperature()),
            Map.entry("calendering.speed_m_per_min", (r, c) -> c.speed() * 60),
            Map.entry("calendering.coating_width_mm", (r, c) -> c.coatingWidth() / 1e-3));

    private JobFields() {
    }

    /** @return the field's value in the unit its name states, if it is a recipe or calendering field */
    static Optional<Double> value(String field, ElectrodeRecipe recipe, CalenderingConditions conditions) {
        var f = FIELDS.get(field);
        return f == null ? Optional.empty() : Optional.of(f.applyAsDouble(recipe, conditions));
    }

    /** @return whether the surrogate can read this field from the job */
    static boolean known(String field) {
        return FIELDS.containsKey(field);
    }
}
