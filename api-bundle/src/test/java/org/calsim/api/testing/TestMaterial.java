package org.calsim.api.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.material.Quantity;

/**
 * A material for tests: a name and SI property values.
 *
 * @param name       as stages ask for it
 * @param properties SI values, each with the source {@code "test"}
 */
public record TestMaterial(String name, Map<MaterialProperty, Quantity> properties) implements MaterialModel {

    public TestMaterial {
        properties = Map.copyOf(properties);
    }

    /**
     * @param propertyValuePairs alternately a {@link MaterialProperty} and its SI value (a {@link Number}),
     *                           e.g. {@code YOUNGS_MODULUS, 140e9, POISSON_RATIO, 0.3}
     */
    public static TestMaterial of(String name, Object... propertyValuePairs) {
        if (propertyValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("property/value pairs expected, got an odd count");
        }
        Map<MaterialProperty, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < propertyValuePairs.length; i += 2) {
            values.put((MaterialProperty) propertyValuePairs[i], ((Number) propertyValuePairs[i + 1]).doubleValue());
        }
        return of(name, values);
    }

    /** @param values SI value by property */
    public static TestMaterial of(String name, Map<MaterialProperty, Double> values) {
        Map<MaterialProperty, Quantity> quantities = new LinkedHashMap<>();
        values.forEach((property, value) -> quantities.put(property, new Quantity(value, "test")));
        return new TestMaterial(name, quantities);
    }

    @Override
    public String description() {
        return "test material " + name;
    }
}
