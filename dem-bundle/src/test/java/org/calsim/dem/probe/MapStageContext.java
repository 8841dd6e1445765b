package org.calsim.dem.probe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Table;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.material.Quantity;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.Swappable;

/**
 * A test-only StageContext backed by maps: parameters (job-file values, converted to SI with the declared
 * {@link Parameter#toSI()}, defaults filled in), materials by name, services as {@link Swappable}s, and a
 * ResultSink that keeps everything for assertions.
 */
final class MapStageContext implements StageContext, Parameters, ResultSink {
    private final Map<String, Parameter> declared = new HashMap<>();
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, MaterialModel> materials = new HashMap<>();
    private final Map<String, Swappable<?>> services = new HashMap<>();
    private final Map<Key<?>, Object> given = new LinkedHashMap<>();

    final Map<String, Double> summary = new LinkedHashMap<>();
    final Map<String, String> notes = new LinkedHashMap<>();
    final Map<String, Table> tables = new LinkedHashMap<>();
    final List<Plot> plots = new ArrayList<>();
    final List<Double> progress = new ArrayList<>();
    int cancelChecks;
    boolean cancelled;

    MapStageContext(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            declared.put(p.name(), p);
        }
    }

    /** Sets a job-file value (job-file unit). */
    MapStageContext with(String name, Object value) {
        if (!declared.containsKey(name)) {
            throw new IllegalArgumentException("undeclared parameter " + name);
        }
        values.put(name, value);
        return this;
    }

    MapStageContext material(MaterialModel m) {
        materials.put(m.name(), m);
        return this;
    }

    /** Registers a service handle under a name ({@code null}: the highest-ranked one). */
    <S> MapStageContext service(String name, Swappable<S> handle) {
        services.put(name, handle);
        return this;
    }

    /** A handle that returns what {@code bySteps} returns for each step. */
    static <S> Swappable<S> swappable(LongFunction<S> bySteps) {
        return new Swappable<>() {
            private S last;

            @Override
            public S acquire(long step) {
                last = bySteps.apply(step);
                return last;
            }

            @Override
            public String describeCurrent() {
                return String.valueOf(last);
            }
        };
    }

    /** A test material with the given properties (value pairs: property, SI value). */
    static MaterialModel material(String name, Object... propertyValuePairs) {
        Map<MaterialProperty, Quantity> map = new LinkedHashMap<>();
        for (int i = 0; i < propertyValuePairs.length; i += 2) {
            map.put((MaterialProperty) propertyValuePairs[i],
                    new Quantity(((Number) propertyValuePairs[i + 1]).doubleValue(), "test"));
        }
        return new MaterialModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test material " + name;
            }

            @Override
            public Map<MaterialProperty, Quantity> properties() {
                return map;
            }
        };
    }

    private Object raw(String name) {
        Parameter p = declared.get(name);
        if (p == null) {
            throw new IllegalArgumentException("undeclared parameter " + name);
        }
        Object v = values.containsKey(name) ? values.get(name) : p.defaultValue();
        if (v == null) {
            throw new IllegalStateException("parameter " + name + " is not set");
        }
        return v;
    }

    // StageContext

    @Override
    public SimulationState state() {
        return new SimulationState() {
            @Override
            public <T> Optional<T> find(Key<T> key) {
                return Optional.ofNullable(given.get(key)).map(key::cast);
            }

            @Override
            public Set<Key<?>> keys() {
                return new LinkedHashSet<>(given.keySet());
            }
        };
    }

    @Override
    public Parameters parameters() {
        return this;
    }

    @Override
    public <T> void give(Key<T> key, T value) {
        given.put(key, value);
    }

    @Override
    public void progress(double fraction, String message) {
        progress.add(fraction);
    }

    @Override
    public boolean isCancelled() {
        cancelChecks++;
        return cancelled;
    }

    @Override
    public long seed() {
        return 42;
    }

    @Override
    public ResultSink results() {
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> Swappable<S> service(Class<S> type, String name) {
        Swappable<?> s = services.get(name);
        if (s == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " service named " + name);
        }
        return (Swappable<S>) s;
    }

    @Override
    public MaterialModel material(String name) {
        MaterialModel m = materials.get(name);
        if (m == null) {
            throw new InvalidInputException("material", name, "one of " + materials.keySet());
        }
        return m;
    }

    // Parameters

    @Override
    public boolean isSet(String name) {
        Parameter p = declared.get(name);
        if (p == null) {
            throw new IllegalArgumentException("undeclared parameter " + name);
        }
        return values.containsKey(name) || p.defaultValue() != null;
    }

    @Override
    public double number(String name) {
        return ((Number) raw(name)).doubleValue() * declared.get(name).toSI();
    }

    @Override
    public int integer(String name) {
        return ((Number) raw(name)).intValue();
    }

    @Override
    public double[] numbers(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String text(String name) {
        return (String) raw(name);
    }

    @Override
    public boolean flag(String name) {
        return (Boolean) raw(name);
    }

    @Override
    public Path file(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String fieldPath(String name) {
        return "stages[0].with." + name;
    }

    // ResultSink

    @Override
    public void summary(String name, double value, String unit) {
        summary.put(name, value);
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
}
