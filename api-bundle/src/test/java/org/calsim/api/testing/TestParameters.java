package org.calsim.api.testing;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;

/**
 * Test double of the runtime's bound parameters. Binds job-file values (Java values as a job file would
 * give them: numbers in the job-file unit, strings, booleans, lists or {@code double[]}, paths) to a stage's
 * declared {@link Parameter} list the way the runtime binds a stage's {@code with} block: unknown fields,
 * missing required fields, types, ranges, choices and files are rejected with an
 * {@link InvalidInputException} naming the field; numbers are converted to SI with
 * {@link Parameter#toSI()}; defaults are filled in.
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
     * @param declarations what the stage declares
     * @param jobValues    the {@code with} block, in job-file units
     * @throws InvalidInputException on the first value the runtime would reject
     */
    public static TestParameters bind(List<Parameter> declarations, Map<String, ?> jobValues) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter p : declarations) {
            byName.put(p.name(), p);
        }
        for (String name : jobValues.keySet()) {
            if (!byName.containsKey(name)) {
                throw new InvalidInputException(field(name), "unknown field '" + name + "'",
                        byName.isEmpty() ? "no fields here"
                                : "one of the fields " + String.join(", ", byName.keySet()));
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (Parameter p : declarations) {
            Object v = jobValues.get(p.name());
            if (v != null) {
                values.put(p.name(), convert(p, v, field(p.name())));
            } else if (p.required()) {
                throw new InvalidInputException(field(p.name()), null,
                        describe(p) + " (required: " + p.description() + ")");
            } else if (p.defaultValue() != null) {
                // defaults go through the same checks: a default the runtime could not bind is a declaration bug
                values.put(p.name(), convert(p, p.defaultValue(), field(p.name())));
            }
        }
        return new TestParameters(byName, values);
    }

    private static Object convert(Parameter p, Object v, String field) {
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
                    throw new InvalidInputException(field, v, describe(p));
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
        };
    }

    private static double number(Parameter p, Object v, String field) {
        if (!(v instanceof Number n)) {
            throw new InvalidInputException(field, v, describe(p));
        }
        double x = n.doubleValue();
        if (!Double.isFinite(x) || !p.inRange(x)) {
            throw new InvalidInputException(field, x, describe(p));
        }
        return x;
    }

    private static int integer(Parameter p, Object v, String field) {
        boolean whole = v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
        if (!whole || ((Number) v).longValue() != ((Number) v).intValue()) {
            throw new InvalidInputException(field, v, describe(p));
        }
        int x = ((Number) v).intValue();
        if (!p.inRange(x)) {
            throw new InvalidInputException(field, x, describe(p));
        }
        return x;
    }

    private static double[] numbers(Parameter p, Object v, String field) {
        List<?> list = v instanceof double[] array ? Arrays.stream(array).boxed().toList()
                : v instanceof List<?> l ? l : null;
        if (list == null || list.isEmpty()) {
            throw new InvalidInputException(field, v, "a non-empty list: " + describe(p));
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
    private static String describe(Parameter p) {
        return switch (p.kind()) {
            case NUMBER, INTEGER, NUMBER_LIST -> p.describeRange();
            case CHOICE -> "one of " + String.join(", ", p.choices());
            case FLAG -> "true or false";
            case TEXT -> "a text";
            case FILE -> "a path to a file";
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
