package org.calsim.materials;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.material.Quantity;

/**
 * An immutable published parameter set: name, one-line description and properties, each in SI with the
 * source it comes from. Each material of this bundle is a small DS component that extends this class.
 */
abstract class PublishedMaterial implements MaterialModel {
    private final String name;
    private final String description;
    private final Map<MaterialProperty, Quantity> properties;

    PublishedMaterial(String name, String description, Map<MaterialProperty, Quantity> properties) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Collects properties in the order they are listed. */
    static final class Builder {
        private final Map<MaterialProperty, Quantity> map = new LinkedHashMap<>();

        /**
         * @param value  SI value (in the property's unit)
         * @param source author, journal, year, and how the value was read or computed
         */
        Builder with(MaterialProperty property, double value, String source) {
            if (map.put(property, new Quantity(value, source)) != null) {
                throw new IllegalArgumentException("property " + property.name() + " given twice");
            }
            return this;
        }

        Map<MaterialProperty, Quantity> build() {
            return map;
        }
    }

    static Builder table() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Map<MaterialProperty, Quantity> properties() {
        return properties;
    }

    @Override
    public String toString() {
        return name + " " + properties;
    }
}
