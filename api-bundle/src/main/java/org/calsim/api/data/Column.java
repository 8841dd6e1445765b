package org.calsim.api.data;

import java.util.Objects;

/**
 * A named numeric column with its unit.
 *
 * @param name   column header, e.g. {@code line_load}
 * @param unit   unit of the values as written, e.g. {@code kN/m}, {@code 1}
 * @param values the values (shared, not copied)
 */
public record Column(String name, String unit, double[] values) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(values, "values");
    }

    /** @return header as written in CSV: {@code name [unit]}, or just the name for unit "1" */
    public String header() {
        return "1".equals(unit) || unit.isEmpty() ? name : name + " [" + unit + "]";
    }
}
