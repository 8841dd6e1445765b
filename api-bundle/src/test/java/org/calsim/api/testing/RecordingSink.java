package org.calsim.api.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Table;
import org.calsim.api.stage.ResultSink;

/** Test double of the result sink: keeps every summary number, note, table and plot for assertions. */
public final class RecordingSink implements ResultSink {

    /** Summary numbers by name, in their own unit. */
    public final Map<String, Double> summary = new LinkedHashMap<>();
    /** The unit of each summary number. */
    public final Map<String, String> units = new LinkedHashMap<>();
    public final Map<String, String> notes = new LinkedHashMap<>();
    public final Map<String, Table> tables = new LinkedHashMap<>();
    public final List<Plot> plots = new ArrayList<>();

    /** @throws IllegalStateException when a stage writes the same summary number twice */
    @Override
    public void summary(String name, double value, String unit) {
        if (summary.containsKey(name)) {
            throw new IllegalStateException("summary '" + name + "' written twice");
        }
        summary.put(name, value);
        units.put(name, unit);
    }

    @Override
    public void note(String name, String text) {
        notes.put(name, text);
    }

    @Override
    public void table(String name, Table table) {
        tables.put(name, table);
    }

    @Override
    public void plot(Plot plot) {
        plots.add(plot);
    }

    /** Files the stage asked for, by name. */
    public final Map<String, java.nio.file.Path> files = new LinkedHashMap<>();
    private java.nio.file.Path folder;

    @Override
    public java.nio.file.Path file(String name) throws java.io.IOException {
        if (folder == null) {
            folder = java.nio.file.Files.createTempDirectory("calsim-test-files");
        }
        java.nio.file.Path p = folder.resolve(name);
        files.put(name, p);
        return p;
    }

    /** @return the summary number, failing the test if the stage did not write it */
    public double get(String name) {
        Double v = summary.get(name);
        if (v == null) {
            throw new AssertionError("no summary '" + name + "'; have " + summary.keySet());
        }
        return v;
    }
}
