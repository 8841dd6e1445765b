package org.calsim.runtime.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;
import org.calsim.runtime.registry.ServiceCatalog;

/**
 * Checks a mapping from the job file against {@link Parameter} declarations: unknown fields, missing
 * required fields, types, ranges (in the job-file unit), choices, files and the names of services; converts numbers
 * to SI. Used for the recipe, the calendering conditions, job materials and every stage's {@code with} block. A
 * dotted declaration, {@code contact.normal}, is the field {@code normal} of the mapping {@code contact}.
 */
public final class ParameterBinder {

    /** The names registered for a service interface, for {@link Parameter.Kind#SERVICE} values. */
    @FunctionalInterface
    public interface ServiceNames {
        /** @return the {@code calsim.name}s of the registered services of {@code type} */
        List<String> of(Class<?> type);
    }

    private ParameterBinder() {
    }

    /**
     * Binds declarations that name no service (the recipe, the calendering conditions, materials).
     *
     * @throws IllegalStateException if a declaration is a {@link Parameter.Kind#SERVICE} the job sets
     * @see #bind(List, JsonNode, String, JobFolder, ServiceNames)
     */
    public static BoundParameters bind(List<Parameter> declared, JsonNode node, String path, JobFolder baseDir) {
        return bind(declared, node, path, baseDir, type -> {
            throw new IllegalStateException(path + " declares a service parameter but no registry was given");
        });
    }

    /**
     * @param declared what is allowed
     * @param node     the mapping ({@code null} or missing: empty)
     * @param path     path of the mapping in the job file, for messages, e.g. {@code stages[1].with}
     * @param baseDir  folder against which FILE parameters are resolved, and what they may name
     * @param services the registered names a SERVICE value must be one of
     * @throws InvalidInputException on the first problem, naming field, value and what is allowed
     */
    public static BoundParameters bind(List<Parameter> declared, JsonNode node, String path, JobFolder baseDir,
                                       ServiceNames services) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        Set<String> fields = new LinkedHashSet<>();
        for (Parameter p : declared) {
            byName.put(p.name(), p);
            fields.add(group(p) == null ? p.name() : group(p));
        }
        if (node != null && !node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw new InvalidInputException(path, node.toString(), "a mapping of fields ("
                    + String.join(", ", fields) + ")");
        }
        if (node != null && node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!fields.contains(name)) {
                    throw new InvalidInputException(join(path, name), "unknown field '" + name + "'",
                            fields.isEmpty() ? "no fields here" : "one of the fields " + String.join(", ", fields));
                }
                if (!byName.containsKey(name) && !node.get(name).isNull()) {
                    checkMapping(name, node.get(name), join(path, name), declared);
                }
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (Parameter p : declared) {
            String group = group(p);
            JsonNode block = group == null ? node : node == null ? null : node.get(group);
            if (group != null && (block == null || block.isNull())) {
                continue; // a mapping the job leaves out sets none of its fields
            }
            JsonNode v = block == null ? null : block.get(group == null ? p.name() : fieldOf(p));
            String field = join(path, p.name());
            if (v == null || v.isNull()) {
                if (p.required()) {
                    throw new InvalidInputException(field, null, describe(p, services) + " (required: "
                            + p.description() + ")");
                }
                if (p.defaultValue() != null) {
                    values.put(p.name(), fromDefault(p, field));
                }
                continue;
            }
            Object value = convert(p, v, field, baseDir, services);
            if (value != null) {
                values.put(p.name(), value);
            }
        }
        return new BoundParameters(path, values, byName);
    }

    /** @return the mapping a dotted declaration is a field of, or {@code null} for a plain field */
    private static String group(Parameter p) {
        int dot = p.name().indexOf('.');
        return dot < 0 ? null : p.name().substring(0, dot);
    }

    /** @return the field name of a dotted declaration within its mapping */
    private static String fieldOf(Parameter p) {
        return p.name().substring(p.name().indexOf('.') + 1);
    }

    /** Refuses a value of a mapping that is not a mapping, or a key that is none of its declared fields. */
    private static void checkMapping(String group, JsonNode value, String path, List<Parameter> declared) {
        List<String> keys = declared.stream().filter(p -> group.equals(group(p))).map(ParameterBinder::fieldOf)
                .toList();
        if (!value.isObject()) {
            throw new InvalidInputException(path, value.isTextual() ? value.textValue() : value.toString(),
                    "a mapping of fields (" + String.join(", ", keys) + ")");
        }
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!keys.contains(name)) {
                throw new InvalidInputException(join(path, name), "unknown field '" + name + "'",
                        "one of the fields " + String.join(", ", keys));
            }
        }
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
            case TEXT, CHOICE, SERVICE -> (String) d;
            case FILE -> throw new IllegalStateException(field + ": a FILE parameter cannot have a default");
        };
    }

    /** @return the bound value; {@code null} for {@link Parameter#NONE} of an optional service (not set) */
    private static Object convert(Parameter p, JsonNode v, String field, JobFolder baseDir, ServiceNames services) {
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
            case SERVICE:
                if (!p.required() && Parameter.NONE.equals(v.textValue())) {
                    return null;
                }
                if (!v.isTextual() || !services.of(p.service()).contains(v.textValue())) {
                    throw new InvalidInputException(field, v.isTextual() ? v.textValue() : v.toString(),
                            describe(p, services));
                }
                return v.textValue();
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

    /** @return the allowed values of {@code p} in words; a SERVICE's without the registered names */
    public static String describe(Parameter p) {
        return switch (p.kind()) {
            case NUMBER, INTEGER, NUMBER_LIST -> p.describeRange();
            case CHOICE -> "one of " + String.join(", ", p.choices());
            case FLAG -> "true or false";
            case TEXT -> "a text";
            case FILE -> "a path to a file, relative to the job file";
            case SERVICE -> "the calsim.name of a registered " + ServiceCatalog.typeName(p.service()) + " service"
                    + (p.required() ? "" : ", or " + Parameter.NONE);
        };
    }

    /** @return the allowed values of {@code p} in words, a SERVICE's with the names registered now */
    public static String describe(Parameter p, ServiceNames services) {
        if (p.kind() != Parameter.Kind.SERVICE) {
            return describe(p);
        }
        List<String> names = services.of(p.service());
        return "the calsim.name of a registered " + ServiceCatalog.typeName(p.service()) + " service: "
                + (names.isEmpty() ? "(none is registered)" : String.join(", ", names))
                + (p.required() ? "" : ", or " + Parameter.NONE);
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
