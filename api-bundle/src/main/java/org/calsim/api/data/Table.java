package org.calsim.api.data;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Columns of equal length: a result table (written as CSV) or the numeric part of a dataset.
 *
 * @param columns the columns, in order
 */
public record Table(List<Column> columns) {
    public Table {
        columns = List.copyOf(columns);
        if (!columns.isEmpty()) {
            int n = columns.get(0).values().length;
            for (Column c : columns) {
                if (c.values().length != n) {
                    throw new IllegalArgumentException("column '" + c.name() + "' has " + c.values().length
                            + " rows, column '" + columns.get(0).name() + "' has " + n);
                }
            }
        }
    }

    /** @return a table builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return number of rows */
    public int rows() {
        return columns.isEmpty() ? 0 : columns.get(0).values().length;
    }

    /** @return the column called {@code name} */
    public Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new NoSuchElementException("table has no column '" + name + "'");
    }

    /** Collects columns in order. */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();

        private Builder() {
        }

        /** Adds a column. */
        public Builder column(String name, String unit, double[] values) {
            columns.add(new Column(name, unit, values));
            return this;
        }

        public Table build() {
            return new Table(columns);
        }
    }
}
