package org.calsim.api.data;

import java.util.List;

/**
 * A table whose columns are split into inputs and outputs: what sweeps produce and surrogates learn.
 *
 * @param table       the data, one row per sample
 * @param inputs      names of the input columns
 * @param outputs     names of the output columns
 * @param description where the data comes from (chain, sweep design, measurement)
 */
public record Dataset(Table table, List<String> inputs, List<String> outputs, String description) {
    public Dataset {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        for (String name : inputs) {
            table.column(name);
        }
        for (String name : outputs) {
            table.column(name);
        }
    }
}
