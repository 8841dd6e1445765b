package org.calsim.api.stage;

import java.util.Objects;

/**
 * The typed name of an entry in the {@link SimulationState}: what a stage needs or gives.
 *
 * <p>Two keys are equal when name and type are equal. The unit is the SI unit of the value
 * (or {@code "1"} for dimensionless numbers, {@code "-"} for structured values).
 *
 * @param <T> type of the value stored under this key
 */
public final class Key<T> {
    private final String name;
    private final Class<T> type;
    private final String unit;
    private final String description;

    private Key(String name, Class<T> type, String unit, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * @param name        dotted lower-case name, e.g. {@code "coating.porosity"}
     * @param type        value type
     * @param unit        SI unit of the value, {@code "1"} if dimensionless, {@code "-"} if structured
     * @param description one line for humans: what the value is
     */
    public static <T> Key<T> of(String name, Class<T> type, String unit, String description) {
        return new Key<>(name, type, unit, description);
    }

    public String name() { return name; }

    public Class<T> type() { return type; }

    public String unit() { return unit; }

    public String description() { return description; }

    /** Casts a value read from an untyped store to this key's type. */
    public T cast(Object value) { return type.cast(value); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key<?> k && k.name.equals(name) && k.type.equals(type);
    }

    @Override
    public int hashCode() { return name.hashCode() * 31 + type.hashCode(); }

    @Override
    public String toString() { return name; }
}
