package org.calsim.runtime.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.material.Quantity;
import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;

class ElectrodeInputsTest {
    private static final JobFolder HERE = JobFolder.confined(Path.of("."));

    private static final Map<String, JobMaterial> SERVICES = Map.of(
            "AM", material("AM", 4800, 180 * 3600.0),
            "C", material("C", 1800, Double.NaN),
            "B", material("B", 1780, Double.NaN),
            "E", material("E", Double.NaN, Double.NaN));

    private static JobMaterial material(String name, double density, double capacity) {
        java.util.HashMap<MaterialProperty, Quantity> p = new java.util.HashMap<>();
        if (!Double.isNaN(density)) {
            p.put(MaterialProperty.DENSITY, new Quantity(density, "test"));
        }
        if (!Double.isNaN(capacity)) {
            p.put(MaterialProperty.SPECIFIC_CAPACITY, new Quantity(capacity, "test"));
        }
        return new JobMaterial(name, name, p, "test");
    }

    private static MaterialLibrary library(String materials) throws Exception {
        return MaterialLibrary.read(materials == null ? null : new YAMLMapper().readTree(materials), HERE,
                SERVICES::get, List.copyOf(SERVICES.keySet()));
    }

    private static ElectrodeRecipe recipe(String yaml, MaterialLibrary lib) throws Exception {
        return ElectrodeInputs.recipe(new YAMLMapper().readTree(yaml), HERE, lib);
    }

    @Test
    void solidDensityIsTheMassWeightedHarmonicMean() throws Exception {
        ElectrodeRecipe r = recipe("{active_material: AM, conductive_additive: C, binder: B, electrolyte: E,"
                + " active_fraction: 0.9, additive_fraction: 0.05, binder_fraction: 0.05,"
                + " active_loading_mg_per_cm2: 20, initial_porosity: 0.5}", library(null));
        // 1/ρs = 0.9/4800 + 0.05/1800 + 0.05/1780 = 1.875e-4 + 2.7778e-5 + 2.8090e-5 = 2.43368e-4
        double expected = 1 / (0.9 / 4800 + 0.05 / 1800 + 0.05 / 1780);
        assertEquals(expected, r.solidDensity(), 1e-9 * expected);
        assertEquals(0.2, r.activeMassLoading(), 1e-15);
        assertEquals(180 * 3600.0, r.specificCapacity(), 0);
        // δ0 = M/(w ρs (1-ε0)) = 0.2/(0.9 · 4108.99 · 0.5) = 108.16 µm
        assertEquals(0.2 / 0.9 / (expected * 0.5), r.initialThickness(), 1e-15);
    }

    @Test
    void fractionsMustSumToOne() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> recipe("{active_material: AM,"
                + " conductive_additive: C, binder: B, electrolyte: E, active_fraction: 0.9, additive_fraction: 0.05,"
                + " active_loading_mg_per_cm2: 20, initial_porosity: 0.5}", library(null)));
        assertTrue(e.getMessage().contains("sum to 1"), e.getMessage());
    }

    @Test
    void unknownMaterialListsTheKnownOnes() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> recipe("{active_material: NMC9,"
                + " electrolyte: E, active_loading_mg_per_cm2: 20, initial_porosity: 0.5}", library(null)));
        assertEquals("recipe.active_material", e.field());
        assertTrue(e.getMessage().contains("AM"), e.getMessage());
    }

    @Test
    void jobMaterialsOverrideAServiceMaterial() throws Exception {
        MaterialLibrary lib = library("{AM2: {based_on: AM, density_kg_per_m3: 4000, specific_capacity_mAh_per_g: 200}}");
        ElectrodeRecipe r = recipe("{active_material: AM2, electrolyte: E, active_loading_mg_per_cm2: 10,"
                + " initial_porosity: 0.4}", lib);
        assertEquals(4000, r.solidDensity(), 1e-9);
        assertEquals(200 * 3600.0, r.specificCapacity(), 0);
    }

    @Test
    void porosityOfOneIsRejected() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> recipe("{active_material: AM,"
                + " electrolyte: E, active_loading_mg_per_cm2: 20, initial_porosity: 1.0}", library(null)));
        assertEquals("recipe.initial_porosity", e.field());
    }

    @Test
    void calenderingConvertsUnits() throws Exception {
        CalenderingConditions c = ElectrodeInputs.conditions(new YAMLMapper().readTree(
                "{line_load_kN_per_m: 100, roll_radius_mm: 200, roll_gap_um: 60, speed_m_per_min: 6}"), HERE);
        assertEquals(1e5, c.lineLoad(), 0);
        assertEquals(0.2, c.rollRadius(), 1e-15);
        assertEquals(60e-6, c.rollGap(), 1e-18);
        assertEquals(0.1, c.speed(), 1e-15);
        assertEquals(1e4, c.rollForce(), 1e-9);
        assertTrue(Double.isNaN(ElectrodeInputs.conditions(new YAMLMapper().readTree("{line_load_kN_per_m: 1}"),
                HERE).rollGap()));
    }
}
