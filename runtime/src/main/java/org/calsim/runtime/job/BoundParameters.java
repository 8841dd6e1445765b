package org.calsim.runtime.job;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calsim.api.stage.Parameters;

/**
 * Parameters checked against their declarations, numbers already in SI. Immutable.
 */
public final class BoundParameters implements Parameters {
    private final String path;
    private final Map<String, Object> values;
    private final Map<String, ?> declared;

    BoundParameters(String path, Map<String, Object> values, Map<String, ?> declared) {
        this.path = path;
        this.values = Map.copyOf(values);
        this.declared = declared;
    }

    @Override
    public boolean isSet(String name) {
        check(name);
        return values.containsKey(name);
    }

    @Override
    public double number(String name) {
        return (Double) value(name);
    }

    @Override
    public int integer(String name) {
        return (Integer) value(name);
    }

    @Override
    public double[] numbers(String name) {
        return ((double[]) value(name)).clone();
    }

    @Override
    public String text(String name) {
        return (String) value(name);
    }

    @Override
    public boolean flag(String name) {
        return (Boolean) value(name);
    }

    @Override
    public Path file(String name) {
        return (Path) value(name);
    }

    @Override
    public String fieldPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** @return the set file parameters: field path ({@link #fieldPath}) to the resolved file, in declaration order */
    public Map<String, Path> files() {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String name : declared.keySet()) {
            if (values.get(name) instanceof Path file) {
                files.put(fieldPath(name), file);
            }
        }
        return files;
    }

    /** @return every set value (numbers in SI), for provenance */
    public Map<String, Object> values() {
        return values;
    }

    private Object value(String name) {
        check(name);
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException(fieldPath(name) + " is optional and was not set; check isSet() first");
        }
        return v;
    }

    private void check(String name) {
        if (!declared.containsKey(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not declared at " + path
                    + "; declared: " + declared.keySet());
        }
    }
}
