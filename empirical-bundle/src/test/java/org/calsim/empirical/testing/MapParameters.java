package org.calsim.empirical.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;

/**
 * Test double of the runtime's validated parameters: values in job-file units, converted to SI with
 * {@link Parameter#toSI()}, defaults applied, ranges checked as the runtime does.
 */
public final class MapParameters implements Parameters {

    private final Map<String, Parameter> declared = new HashMap<>();
    private final Map<String, Object> values = new HashMap<>();

    public MapParameters(List<Parameter> declarations, Map<String, Object> jobValues) {
        for (Parameter p : declarations) {
            declared.put(p.name(), p);
            if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            }
        }
        for (Map.Entry<String, Object> e : jobValues.entrySet()) {
            Parameter p = declared(e.getKey());
            Object v = e.getValue();
            if (v instanceof Number n && !p.inRange(n.doubleValue())) {
                throw new InvalidInputException(fieldPath(p.name()), v, p.describeRange());
            }
            if (p.kind() == Parameter.Kind.CHOICE && !p.choices().contains(v)) {
                throw new InvalidInputException(fieldPath(p.name()), v, "one of " + p.choices());
            }
            values.put(e.getKey(), v);
        }
        for (Parameter p : declarations) {
            if (p.required() && !values.containsKey(p.name())) {
                throw new InvalidInputException(fieldPath(p.name()), null, p.describeRange());
            }
        }
    }

    private Parameter declared(String name) {
        Parameter p = declared.get(name);
        if (p == null) {
            throw new IllegalArgumentException("parameter '" + name + "' not declared");
        }
        return p;
    }

    @Override
    public boolean isSet(String name) {
        declared(name);
        return values.containsKey(name);
    }

    @Override
    public double number(String name) {
        Parameter p = declared(name);
        return ((Number) values.get(name)).doubleValue() * p.toSI();
    }

    @Override
    public int integer(String name) {
        declared(name);
        return ((Number) values.get(name)).intValue();
    }

    @Override
    public double[] numbers(String name) {
        Parameter p = declared(name);
        Object v = values.get(name);
        double[] result;
        if (v instanceof double[] array) {
            result = array.clone();
        } else {
            List<?> list = (List<?>) v;
            result = new double[list.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = ((Number) list.get(i)).doubleValue();
            }
        }
        for (int i = 0; i < result.length; i++) {
            result[i] = result[i] * p.toSI();
        }
        return result;
    }

    @Override
    public String text(String name) {
        declared(name);
        return (String) values.get(name);
    }

    @Override
    public boolean flag(String name) {
        declared(name);
        return (Boolean) values.get(name);
    }

    @Override
    public Path file(String name) {
        declared(name);
        Object v = values.get(name);
        return v instanceof Path path ? path : Path.of(v.toString());
    }

    @Override
    public String fieldPath(String name) {
        return "stages[0].with." + name;
    }
}
