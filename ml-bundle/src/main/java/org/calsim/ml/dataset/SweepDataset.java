package org.calsim.ml.dataset;

import java.util.ArrayList;
import java.util.List;
import org.calsim.api.data.Dataset;
import org.calsim.api.data.Table;
import org.calsim.ml.doe.Factor;

/**
 * What a sweep produced: its description and one row per point.
 *
 * @param name        the sweep's name
 * @param description free text from the sweep file
 * @param job         the job file the sweep ran (as written in the sweep file)
 * @param design      {@code sobol}, {@code lhs} or {@code saltelli}
 * @param samples     the number of points asked for (for {@code saltelli}: base samples N)
 * @param seed        seed of the design
 * @param inputs      the varied job fields
 * @param outputs     the output columns
 * @param rows        the points, in design order
 */
public record SweepDataset(String name, String description, String job, String design, int samples, long seed,
                           List<Factor> inputs, List<OutputColumn> outputs, List<DatasetRow> rows) {
    public SweepDataset {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        rows = List.copyOf(rows);
    }

    /** @return the index of the input column {@code name}, or −1 */
    public int inputIndex(String name) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).field().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the index of the output column {@code name}, or −1 */
    public int outputIndex(String name) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the successful points as the API's {@link Dataset} (inputs then outputs) */
    public Dataset successful() {
        List<DatasetRow> ok = rows.stream().filter(DatasetRow::succeeded).toList();
        Table.Builder t = Table.builder();
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            int k = j;
            t.column(inputs.get(j).field(), inputs.get(j).unit(), ok.stream().mapToDouble(r -> r.inputs()[k]).toArray());
            in.add(inputs.get(j).field());
        }
        for (int j = 0; j < outputs.size(); j++) {
            int k = j;
            t.column(outputs.get(j).name(), outputs.get(j).unit(), ok.stream().mapToDouble(r -> r.outputs()[k]).toArray());
            out.add(outputs.get(j).name());
        }
        return new Dataset(t.build(), in, out, "sweep " + name + " (" + design + ", " + ok.size() + " successful points)");
    }
}
