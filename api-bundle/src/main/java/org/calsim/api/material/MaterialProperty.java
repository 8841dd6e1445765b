package org.calsim.api.material;

/**
 * A named material property with its SI unit. The constants are the properties calsim's models read;
 * a material may carry any others.
 *
 * @param name        job-file name of the property (unit suffix not included)
 * @param unit        SI unit of the value
 * @param description what it is
 */
public record MaterialProperty(String name, String unit, String description) {
    /** True (skeletal) density of the solid [kg/m³]. */
    public static final MaterialProperty DENSITY = new MaterialProperty("density", "kg/m^3", "true (skeletal) density");
    /** Young's modulus E [Pa]. */
    public static final MaterialProperty YOUNGS_MODULUS = new MaterialProperty("youngs_modulus", "Pa", "Young's modulus");
    /** Poisson's ratio ν [1]. */
    public static final MaterialProperty POISSON_RATIO = new MaterialProperty("poisson_ratio", "1", "Poisson's ratio");
    /** Yield stress σ_y [Pa]. */
    public static final MaterialProperty YIELD_STRESS = new MaterialProperty("yield_stress", "Pa", "yield stress");
    /** Surface energy γ [J/m²]. */
    public static final MaterialProperty SURFACE_ENERGY = new MaterialProperty("surface_energy", "J/m^2", "surface energy");
    /** Practical specific capacity of an active material [C/kg] (1 mAh/g = 3600 C/kg). */
    public static final MaterialProperty SPECIFIC_CAPACITY = new MaterialProperty("specific_capacity", "C/kg",
            "practical specific capacity of the active material");
    /** Electronic conductivity σ [S/m]. */
    public static final MaterialProperty ELECTRONIC_CONDUCTIVITY = new MaterialProperty("electronic_conductivity",
            "S/m", "electronic conductivity");
    /** Salt diffusion coefficient of an electrolyte, D_0 [m²/s] (eq 9 of the review). */
    public static final MaterialProperty SALT_DIFFUSIVITY = new MaterialProperty("salt_diffusivity", "m^2/s",
            "salt diffusion coefficient of the electrolyte");
    /** Ionic conductivity of an electrolyte, κ_0 [S/m] (eq 10). */
    public static final MaterialProperty IONIC_CONDUCTIVITY = new MaterialProperty("ionic_conductivity", "S/m",
            "ionic conductivity of the bulk electrolyte");
    /** Cation transference number t₊ [1] (eq 9). */
    public static final MaterialProperty TRANSFERENCE_NUMBER = new MaterialProperty("transference_number", "1",
            "cation (Li+) transference number");
    /** Bulk salt concentration c_0 [mol/m³] (eq 9). */
    public static final MaterialProperty SALT_CONCENTRATION = new MaterialProperty("salt_concentration", "mol/m^3",
            "bulk salt concentration");
}
