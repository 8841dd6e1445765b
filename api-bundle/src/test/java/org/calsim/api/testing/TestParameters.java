package org.calsim.api.testing;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;

/**
 * Test double of the runtime's bound parameters. Binds job-file values (Java values as a job file would
 * give them: numbers in the job-file unit, strings, booleans, lists or {@code double[]}, paths) to a stage's
 * declared {@link Parameter} list the way the runtime binds a stage's {@code with} block: unknown fields,
 * missing required fields, types, ranges, choices, files and service names are rejected with an
 * {@link InvalidInputException} naming the field; numbers are converted to SI with
 * {@link Parameter#toSI()}; defaults are filled in. The fields of a mapping ({@code contact.normal}) are given as a
 * nested map ({@code Map.of("contact", Map.of("normal", "hertz"))}).
 */
public final class TestParameters implements Parameters {

    /** Where the values stand in the job file, for field paths and messages. */
    public static final String PATH = "stages[0].with";

    private final Map<String, Parameter> declared;
    private final Map<String, Object> values;

    private TestParameters(Map<String, Parameter> declared, Map<String, Object> values) {
        this.declared = declared;
        this.values = values;
    }

    /**
     * Binds with no services registered: a {@link Parameter.Kind#SERVICE} value is refused unless it is
     * {@link Parameter#NONE}.
     *
     * @param declarations what the stage declares
     * @param jobValues    the {@code with} block, in job-file units
     * @throws InvalidInputException on the first value the runtime would reject
     */
    public static TestParameters bind(List<Parameter> declarations, Map<String, ?> jobValues) {
        return bind(declarations, jobValues, type -> List.of());
    }

    /**
     * @param declarations what the stage declares
     * @param jobValues    the {@code with} block, in job-file units
     * @param registered   the names registered for a service interface, for {@link Parameter.Kind#SERVICE} values
     * @throws InvalidInputException on the first value the runtime would reject
     */
    public static TestParameters bind(List<Parameter> declarations, Map<String, ?> jobValues,
                                      Function<Class<?>, Collection<String>> registered) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        Set<String> fields = new LinkedHashSet<>();
        for (Parameter p : declarations) {
            byName.put(p.name(), p);
            fields.add(group(p) == null ? p.name() : group(p));
        }
        for (String name : jobValues.keySet()) {
            if (!fields.contains(name)) {
                throw new InvalidInputException(field(name), "unknown field '" + name + "'",
                        fields.isEmpty() ? "no fields here" : "one of the fields " + String.join(", ", fields));
            }
            if (!byName.containsKey(name)) {
                checkMapping(name, jobValues.get(name), byName.values());
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (Parameter p : declarations) {
            String group = group(p);
            Map<?, ?> block = group == null ? jobValues : (Map<?, ?>) jobValues.get(group);
            if (block == null) {
                continue; // a mapping the job leaves out sets none of its fields
            }
            Object v = block.get(group == null ? p.name() : p.name().substring(group.length() + 1));
            if (v != null) {
                Object bound = convert(p, v, field(p.name()), registered);
                if (bound != null) {
                    values.put(p.name(), bound);
                }
            } else if (p.required()) {
                throw new InvalidInputException(field(p.name()), null,
                        describe(p, registered) + " (required: " + p.description() + ")");
            } else if (p.defaultValue() != null) {
                // defaults go through the same checks: a default the runtime could not bind is a declaration bug
                values.put(p.name(), convert(p, p.defaultValue(), field(p.name()), registered));
            }
        }
        return new TestParameters(byName, values);
    }

    /** @return the mapping a dotted parameter is a field of, or {@code null} */
    private static String group(Parameter p) {
        int dot = p.name().indexOf('.');
        return dot < 0 ? null : p.name().substring(0, dot);
    }

    /** Refuses a mapping's value that is not a map, or a key that is none of the mapping's declared fields. */
    private static void checkMapping(String group, Object value, Collection<Parameter> declared) {
        List<String> keys = declared.stream().filter(p -> group.equals(group(p)))
                .map(p -> p.name().substring(group.length() + 1)).toList();
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException(field(group), value, "a mapping of fields (" + String.join(", ", keys)
                    + ")");
        }
        for (Object key : map.keySet()) {
            if (!keys.contains(String.valueOf(key))) {
                throw new InvalidInputException(field(group + "." + key), "unknown field '" + key + "'",
                        "one of the fields " + String.join(", ", keys));
            }
        }
    }

    /** @return the bound value; {@code null} for {@link Parameter#NONE} of an optional service (not set) */
    private static Object convert(Parameter p, Object v, String field,
                                  Function<Class<?>, Collection<String>> registered) {
        return switch (p.kind()) {
            case NUMBER -> number(p, v, field) * p.toSI();
            case INTEGER -> integer(p, v, field);
            case NUMBER_LIST -> numbers(p, v, field);
            case FLAG -> {
                if (!(v instanceof Boolean b)) {
                    throw new InvalidInputException(field, v, "true or false");
                }
                yield b;
            }
            case CHOICE -> {
                if (!(v instanceof String s) || !p.choices().contains(s)) {
                    throw new InvalidInputException(field, v, describe(p, registered));
                }
                yield s;
            }
            case TEXT -> {
                if (!(v instanceof String s) || s.isBlank()) {
                    throw new InvalidInputException(field, v, "a non-empty text (" + p.description() + ")");
                }
                yield s;
            }
            case FILE -> file(v, field);
            case SERVICE -> {
                if (!p.required() && Parameter.NONE.equals(v)) {
                    yield null;
                }
                if (!(v instanceof String s) || !registered.apply(p.service()).contains(s)) {
                    throw new InvalidInputException(field, v, describe(p, registered));
                }
                yield s;
            }
        };
    }

    private static double number(Parameter p, Object v, String field) {
        if (!(v instanceof Number n)) {
            throw new InvalidInputException(field, v, p.describeRange());
        }
        double x = n.doubleValue();
        if (!Double.isFinite(x) || !p.inRange(x)) {
            throw new InvalidInputException(field, x, p.describeRange());
        }
        return x;
    }

    private static int integer(Parameter p, Object v, String field) {
        boolean whole = v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
        if (!whole || ((Number) v).longValue() != ((Number) v).intValue()) {
            throw new InvalidInputException(field, v, p.describeRange());
        }
        int x = ((Number) v).intValue();
        if (!p.inRange(x)) {
            throw new InvalidInputException(field, x, p.describeRange());
        }
        return x;
    }

    private static double[] numbers(Parameter p, Object v, String field) {
        List<?> list = v instanceof double[] array ? Arrays.stream(array).boxed().toList()
                : v instanceof List<?> l ? l : null;
        if (list == null || list.isEmpty()) {
            throw new InvalidInputException(field, v, "a non-empty list: " + p.describeRange());
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(p, list.get(i), field + "[" + i + "]") * p.toSI();
        }
        return out;
    }

    private static Path file(Object v, String field) {
        Path f;
        try {
            f = v instanceof Path path ? path : Path.of(String.valueOf(v));
        } catch (InvalidPathException e) {
            throw new InvalidInputException(field, v, "a valid file path (" + e.getReason() + ")");
        }
        if (!Files.isRegularFile(f)) {
            throw new InvalidInputException(field, v, "an existing file (looked for " + f.toAbsolutePath() + ")");
        }
        return f;
    }

    /** @return the allowed values of {@code p} in words, as the runtime words them */
    private static String describe(Parameter p, Function<Class<?>, Collection<String>> registered) {
        return switch (p.kind()) {
            case NUMBER, INTEGER, NUMBER_LIST -> p.describeRange();
            case CHOICE -> "one of " + String.join(", ", p.choices());
            case FLAG -> "true or false";
            case TEXT -> "a text";
            case FILE -> "a path to a file";
            case SERVICE -> "the calsim.name of a registered " + p.service().getCanonicalName()
                    .substring(p.service().getPackageName().length() + 1) + " service: "
                    + String.join(", ", new TreeSet<>(registered.apply(p.service())))
                    + (p.required() ? "" : ", or " + Parameter.NONE);
        };
    }

    private static String field(String name) {
        return PATH + "." + name;
    }

    @Override
    public boolean isSet(String name) {
        declared(name);
        return values.containsKey(name);
    }

    @Override
    public double number(String name) {
        return value(name, Double.class);
    }

    @Override
    public int integer(String name) {
        return value(name, Integer.class);
    }

    @Override
    public double[] numbers(String name) {
        return value(name, double[].class).clone();
    }

    @Override
    public String text(String name) {
        return value(name, String.class);
    }

    @Override
    public boolean flag(String name) {
        return value(name, Boolean.class);
    }

    @Override
    public Path file(String name) {
        return value(name, Path.class);
    }

    @Override
    public String fieldPath(String name) {
        return field(name);
    }

    /**
     * @return the bound value, as the accessor of its kind reads it
     * @throws AssertionError when the stage reads a parameter with the accessor of another kind (the
     *                        runtime would fail with a ClassCastException)
     */
    private <T> T value(String name, Class<T> type) {
        Parameter p = declared(name);
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException(field(name) + " is optional and was not set; check isSet() first");
        }
        if (!type.isInstance(v)) {
            throw new AssertionError("stage reads " + field(name) + " as " + type.getSimpleName()
                    + ", but it is declared " + p.kind());
        }
        return type.cast(v);
    }

    private Parameter declared(String name) {
        Parameter p = declared.get(name);
        if (p == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is not declared; declared: "
                    + declared.keySet());
        }
        return p;
    }
}
