package org.calsim.runtime.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;

/**
 * Checks a mapping from the job file against {@link Parameter} declarations: unknown fields, missing
 * required fields, types, ranges (in the job-file unit), choices and files; converts numbers to SI.
 * Used for the recipe, the calendering conditions, job materials and every stage's {@code with} block.
 */
public final class ParameterBinder {

    private ParameterBinder() {
    }

    /**
     * @param declared what is allowed
     * @param node     the mapping ({@code null} or missing: empty)
     * @param path     path of the mapping in the job file, for messages, e.g. {@code stages[1].with}
     * @param baseDir  folder against which FILE parameters are resolved, and what they may name
     * @throws InvalidInputException on the first problem, naming field, value and what is allowed
     */
    public static BoundParameters bind(List<Parameter> declared, JsonNode node, String path, JobFolder baseDir) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter p : declared) {
            byName.put(p.name(), p);
        }
        if (node != null && !node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw new InvalidInputException(path, node.toString(), "a mapping of fields ("
                    + String.join(", ", byName.keySet()) + ")");
        }
        if (node != null && node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!byName.containsKey(name)) {
                    throw new InvalidInputException(join(path, name), "unknown field '" + name + "'",
                            byName.isEmpty() ? "no fields here" : "one of the fields " + String.join(", ", byName.keySet()));
                }
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (Parameter p : declared) {
            JsonNode v = node == null ? null : node.get(p.name());
            String field = join(path, p.name());
            if (v == null || v.isNull()) {
                if (p.required()) {
                    throw new InvalidInputException(field, null, describe(p) + " (required: " + p.description() + ")");
                }
                if (p.defaultValue() != null) {
                    values.put(p.name(), fromDefault(p, field));
                }
                continue;
            }
            values.put(p.name(), convert(p, v, field, baseDir));
        }
        return new BoundParameters(path, values, byName);
    }

    private static Object fromDefault(Parameter p, String field) {
        Object d = p.defaultValue();
        return switch (p.kind()) {
            case NUMBER -> ((Number) d).doubleValue() * p.toSI();
            case INTEGER -> ((Number) d).intValue();
            case NUMBER_LIST -> {
                double[] src = (double[]) d;
                double[] out = new double[src.length];
                for (int i = 0; i < src.length; i++) {
                    out[i] = src[i] * p.toSI();
                }
                yield out;
            }
            case FLAG -> (Boolean) d;
            case TEXT, CHOICE -> (String) d;
            case FILE -> throw new IllegalStateException(field + ": a FILE parameter cannot have a default");
        };
    }

    private static Object convert(Parameter p, JsonNode v, String field, JobFolder baseDir) {
        switch (p.kind()) {
            case NUMBER:
                return si(p, number(p, v, field), field);
            case INTEGER: {
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    throw new InvalidInputException(field, v.asText(), describe(p));
                }
                int x = v.intValue();
                if (!p.inRange(x)) {
                    throw new InvalidInputException(field, x, describe(p));
                }
                return x;
            }
            case NUMBER_LIST: {
                if (!v.isArray() || v.isEmpty()) {
                    throw new InvalidInputException(field, v.toString(), "a non-empty list: " + describe(p));
                }
                double[] out = new double[v.size()];
                for (int i = 0; i < v.size(); i++) {
                    out[i] = si(p, number(p, v.get(i), field + "[" + i + "]"), field + "[" + i + "]");
                }
                return out;
            }
            case FLAG:
                if (!v.isBoolean()) {
                    throw new InvalidInputException(field, v.asText(), "true or false");
                }
                return v.booleanValue();
            case CHOICE:
                if (!v.isTextual() || !p.choices().contains(v.textValue())) {
                    throw new InvalidInputException(field, v.asText(), "one of " + String.join(", ", p.choices()));
                }
                return v.textValue();
            case TEXT:
                if (!v.isTextual() || v.textValue().isBlank()) {
                    throw new InvalidInputException(field, v.asText(), "a non-empty text (" + p.description() + ")");
                }
                return v.textValue();
            case FILE:
                return file(v, field, baseDir);
            default:
                throw new IllegalStateException("unknown parameter kind " + p.kind());
        }
    }

    private static double number(Parameter p, JsonNode v, String field) {
        if (!v.isNumber()) {
            throw new InvalidInputException(field, v.asText(), describe(p));
        }
        double x = v.doubleValue();
        if (!Double.isFinite(x) || !p.inRange(x)) {
            throw new InvalidInputException(field, x, describe(p));
        }
        return x;
    }

    /** @return {@code x} in SI, which must be finite too (a huge value times its unit overflows to infinity) */
    private static double si(Parameter p, double x, String field) {
        double si = x * p.toSI();
        if (!Double.isFinite(si)) {
            throw new InvalidInputException(field, x, describe(p) + ", whose value in SI units (x " + p.toSI()
                    + ") is a finite number");
        }
        return si;
    }

    private static Path file(JsonNode v, String field, JobFolder baseDir) {
        if (!v.isTextual()) {
            throw new InvalidInputException(field, v.asText(), "a path to a file, relative to the job file");
        }
        return baseDir.resolve(field, v.textValue());
    }

    /** @return the allowed values of {@code p} in words */
    public static String describe(Parameter p) {
        return switch (p.kind()) {
            case NUMBER, INTEGER, NUMBER_LIST -> p.describeRange();
            case CHOICE -> "one of " + String.join(", ", p.choices());
            case FLAG -> "true or false";
            case TEXT -> "a text";
            case FILE -> "a path to a file, relative to the job file";
        };
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
