package org.calsim.ml.surrogate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * The options of one {@link RegressorKind#fit} call, checked as they are read: an unknown key, or a value of the
 * wrong type or out of range, is an {@link IllegalArgumentException} naming the option, its value and what is
 * allowed. Values may be JSON numbers (arrays of them) or text that parses as one (as {@code --option key=value}
 * gives), so {@code "0.01"} and {@code 0.01} are the same setting and {@code "64,64"} is the list [64, 64].
 */
public final class RegressorOptions {
    private final String model;
    private final ObjectNode options;

    /**
     * @param model   the kind's name, for messages
     * @param options the options (null: none)
     * @param allowed every key the kind reads
     * @throws IllegalArgumentException for a key not in {@code allowed}
     */
    public RegressorOptions(String model, ObjectNode options, List<String> allowed) {
        this.model = model;
        this.options = options;
        if (options != null) {
            for (Iterator<String> keys = options.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!allowed.contains(key)) {
                    throw new IllegalArgumentException(model + " option '" + key + "' = " + options.get(key)
                            + " is unknown; the options are " + String.join(", ", allowed));
                }
            }
        }
    }

    private JsonNode value(String key) {
        JsonNode v = options == null ? null : options.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private IllegalArgumentException bad(String key, JsonNode value, String expected) {
        return new IllegalArgumentException(model + " option '" + key + "' = " + value + " is not allowed: expected "
                + expected);
    }

    /** @return the option as an integer in [min, max], or {@code fallback} when it is absent */
    public int integer(String key, int fallback, int min, int max) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        String expected = "an integer in [" + min + ", " + max + "]";
        long parsed = parseInteger(v.isTextual() ? v.asText().trim() : v.isIntegralNumber() ? v.asText() : null,
                key, v, expected);
        if (parsed < min || parsed > max) {
            throw bad(key, v, expected);
        }
        return (int) parsed;
    }

    private long parseInteger(String text, String key, JsonNode value, String expected) {
        if (text == null) {
            throw bad(key, value, expected);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw bad(key, value, expected);
        }
    }

    /**
     * @param valid    the allowed values
     * @param allowed  the allowed values in words, e.g. "a number in (0, 1]", for the message
     * @return the option as a finite number accepted by {@code valid}, or {@code fallback} when it is absent
     */
    public double number(String key, double fallback, DoublePredicate valid, String allowed) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        double parsed;
        if (v.isNumber()) {
            parsed = v.asDouble();
        } else if (v.isTextual()) {
            try {
                parsed = Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                throw bad(key, v, allowed);
            }
        } else {
            throw bad(key, v, allowed);
        }
        if (!Double.isFinite(parsed) || !valid.test(parsed)) {
            throw bad(key, v, allowed);
        }
        return parsed;
    }

    /** @return the option, one of {@code choices} (exact text), or {@code fallback} when it is absent */
    public String choice(String key, String fallback, List<String> choices) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual() || !choices.contains(v.asText())) {
            throw bad(key, v, "one of " + String.join(", ", choices));
        }
        return v.asText();
    }

    /**
     * @return the option as a list of integers each in [min, max] (a JSON array, or text with the integers
     *         separated by commas; an empty array or empty text is the empty list), or {@code fallback} when it is
     *         absent
     */
    public int[] integers(String key, int[] fallback, int min, int max) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback.clone();
        }
        String expected = "a list of integers in [" + min + ", " + max + "]";
        String[] items;
        if (v.isArray()) {
            items = new String[v.size()];
            for (int i = 0; i < items.length; i++) {
                JsonNode item = v.get(i);
                items[i] = item.isIntegralNumber() ? item.asText() : null;
            }
        } else if (v.isTextual()) {
            String text = v.asText().replace("[", "").replace("]", "").trim();
            items = text.isEmpty() ? new String[0] : text.split(",");
        } else {
            throw bad(key, v, expected);
        }
        int[] values = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            long parsed = parseInteger(items[i] == null ? null : items[i].trim(), key, v, expected);
            if (parsed < min || parsed > max) {
                throw bad(key, v, expected);
            }
            values[i] = (int) parsed;
        }
        return values;
    }
}
