package org.calsim.runtime.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;

/** Reads the {@code recipe} and {@code calendering} sections into the API's value types. */
public final class ElectrodeInputs {
    /** Tolerance on the sum of the mass fractions. */
    private static final double FRACTION_SUM_TOLERANCE = 1e-6;

    /** The fields of {@code recipe}. */
    public static final List<Parameter> RECIPE = List.of(
            Parameter.text("active_material", "active-material name, e.g. NMC622"),
            Parameter.text("conductive_additive", "conductive carbon").withDefault("carbon-black-C65"),
            Parameter.text("binder", "binder").withDefault("PVDF"),
            Parameter.text("electrolyte", "electrolyte").withDefault("LiPF6-EC-EMC"),
            Parameter.number("active_fraction", "1", 1, "mass fraction of active material").closed(0, 1).withDefault(1.0),
            Parameter.number("additive_fraction", "1", 1, "mass fraction of conductive additive").closed(0, 1).withDefault(0.0),
            Parameter.number("binder_fraction", "1", 1, "mass fraction of binder").closed(0, 1).withDefault(0.0),
            Parameter.number("active_loading_mg_per_cm2", "mg/cm^2", 0.01, "active mass per coated area M_C").positive(),
            Parameter.number("initial_porosity", "1", 1, "porosity of the dried, uncalendered coating").open(0, 1),
            Parameter.number("particle_d50_um", "um", 1e-6, "median active-particle diameter (from nanosized LFP to "
                    + "coarse graphite and beyond)").closed(0.01, 1000).withDefault(10.0),
            Parameter.number("specific_capacity_mAh_per_g", "mAh/g", 3600,
                    "practical specific capacity (default: the active material's)").positive().optional());

    /** The fields of {@code calendering}. */
    public static final List<Parameter> CALENDERING = List.of(
            Parameter.number("line_load_kN_per_m", "kN/m", 1e3, "line load q_L = F_N / w_C (eq 1)").nonNegative(),
            Parameter.number("roll_radius_mm", "mm", 1e-3, "roll radius r_R").positive().withDefault(100.0),
            Parameter.number("roll_gap_um", "um", 1e-6, "gap between the rolls (omit for load control)").positive().optional(),
            Parameter.number("roll_temperature_C", "C", 1, "roll temperature T_R").closed(-50, 400).withDefault(25.0),
            Parameter.number("speed_m_per_min", "m/min", 1.0 / 60, "web speed v_0").positive().withDefault(1.0),
            Parameter.number("coating_width_mm", "mm", 1e-3, "coated width w_C").positive().withDefault(100.0));

    private ElectrodeInputs() {
    }

    /**
     * @throws InvalidInputException on a bad field, an unknown material or fractions that do not sum to 1
     */
    public static ElectrodeRecipe recipe(JsonNode node, JobFolder baseDir, MaterialLibrary materials) {
        BoundParameters p = ParameterBinder.bind(RECIPE, node, "recipe", baseDir);
        double wa = p.number("active_fraction");
        double wc = p.number("additive_fraction");
        double wb = p.number("binder_fraction");
        double sum = wa + wc + wb;
        if (Math.abs(sum - 1) > FRACTION_SUM_TOLERANCE) {
            throw new InvalidInputException("recipe.active_fraction + additive_fraction + binder_fraction", sum,
                    "mass fractions that sum to 1");
        }
        if (wa <= 0) {
            throw new InvalidInputException("recipe.active_fraction", wa, "a number > 0 and <= 1");
        }
        MaterialModel active = materials.get(p.text("active_material"), "recipe.active_material");
        materials.get(p.text("electrolyte"), "recipe.electrolyte");
        double inverse = wa / MaterialLibrary.require(active, MaterialProperty.DENSITY, "recipe.active_material");
        if (wc > 0) {
            MaterialModel additive = materials.get(p.text("conductive_additive"), "recipe.conductive_additive");
            inverse += wc / MaterialLibrary.require(additive, MaterialProperty.DENSITY, "recipe.conductive_additive");
        }
        if (wb > 0) {
            MaterialModel binder = materials.get(p.text("binder"), "recipe.binder");
            inverse += wb / MaterialLibrary.require(binder, MaterialProperty.DENSITY, "recipe.binder");
        }
        double capacity = p.isSet("specific_capacity_mAh_per_g") ? p.number("specific_capacity_mAh_per_g")
                : MaterialLibrary.require(active, MaterialProperty.SPECIFIC_CAPACITY, "recipe.active_material");
        return new ElectrodeRecipe(active.name(), p.text("electrolyte"), wa, wc, wb,
                p.number("active_loading_mg_per_cm2"), 1 / inverse, p.number("initial_porosity"),
                p.number("particle_d50_um"), capacity);
    }

    /** @throws InvalidInputException on a bad field */
    public static CalenderingConditions conditions(JsonNode node, JobFolder baseDir) {
        BoundParameters p = ParameterBinder.bind(CALENDERING, node, "calendering", baseDir);
        return new CalenderingConditions(p.number("line_load_kN_per_m"), p.number("roll_radius_mm"),
                p.isSet("roll_gap_um") ? p.number("roll_gap_um") : Double.NaN, p.number("roll_temperature_C"),
                p.number("speed_m_per_min"), p.number("coating_width_mm"));
    }
}
