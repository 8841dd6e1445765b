package org.calsim.runtime.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Table;
import org.calsim.api.stage.ResultSink;

/**
 * What one stage produced for people, held in memory until the stage succeeds; then the runtime
 * writes it. A failed stage's results are dropped.
 */
public final class StageResults implements ResultSink {

    /**
     * A headline number.
     *
     * @param value in {@code unit}
     * @param unit  as written in summary.json
     */
    public record Number(double value, String unit) {
    }

    private final Map<String, Number> numbers = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<Plot> plots = new ArrayList<>();
    private final Path staging;
    private final List<String> files = new ArrayList<>();

    /** @param staging folder for the files the stage writes itself (created on first use) */
    public StageResults(Path staging) {
        this.staging = staging;
    }

    @Override
    public synchronized Path file(String name) throws IOException {
        if (name == null || !name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("result file name '" + name + "' is not allowed; expected letters, "
                    + "digits, '.', '-' and '_' only, not starting with '.'");
        }
        Files.createDirectories(staging);
        files.add(name);
        return staging.resolve(name);
    }

    /** @return names of the files the stage asked for */
    public synchronized List<String> files() {
        return List.copyOf(files);
    }

    @Override
    public synchronized void summary(String name, double value, String unit) {
        numbers.put(name, new Number(value, unit));
    }

    @Override
    public synchronized void note(String name, String text) {
        notes.put(name, text);
    }

    @Override
    public synchronized void table(String name, Table table) {
        tables.put(name, table);
    }

    @Override
    public synchronized void plot(Plot plot) {
        plots.add(plot);
    }

    public synchronized Map<String, Number> numbers() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    public synchronized Map<String, String> notes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    public synchronized Map<String, Table> tables() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    public synchronized List<Plot> plots() {
        return List.copyOf(plots);
    }
}
