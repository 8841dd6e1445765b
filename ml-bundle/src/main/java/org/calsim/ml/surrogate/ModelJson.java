package org.calsim.ml.surrogate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading and writing the parts of a model file that every {@link Regressor} has: its type, arrays of numbers and
 * {@link Standardisation}s. Numbers are written as JSON doubles, which Jackson prints in the shortest form that
 * parses back to the same double, so a model read back predicts bit for bit the same. A missing or malformed field
 * is an {@link IllegalArgumentException} naming it.
 */
public final class ModelJson {
    private ModelJson() {
    }

    /** @return a new model object with its {@code "type"} */
    public static ObjectNode model(String type) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type);
        return node;
    }

    /** @throws IllegalArgumentException when the model's {@code "type"} is not {@code type} */
    public static void expectType(JsonNode model, String type) {
        JsonNode t = model.get("type");
        if (t == null || !type.equals(t.asText())) {
            throw new IllegalArgumentException("model type " + t + " is not " + type);
        }
    }

    /** @return the field {@code name} of {@code node}, which must be present */
    public static JsonNode field(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("model field '" + name + "' is missing");
        }
        return v;
    }

    /** @return the integer field {@code name} */
    public static int integer(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("model field '" + name + "' = " + v + " is not an integer");
        }
        return v.intValue();
    }

    /** @return the number field {@code name} */
    public static double number(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("model field '" + name + "' = " + v + " is not a number");
        }
        return v.doubleValue();
    }

    /** @return the numbers as a JSON array */
    public static ArrayNode array(double[] values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(values.length);
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    /** @return the numbers as a JSON array */
    public static ArrayNode array(int[] values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(values.length);
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    /** @return the array field {@code name} of {@code node} as numbers, of the given length */
    public static double[] doubles(JsonNode node, String name, int length) {
        return values(field(node, name), name, length);
    }

    /**
     * @param array  a JSON array of numbers
     * @param what   what the array is, for messages
     * @param length its expected length
     * @return the numbers
     */
    public static double[] values(JsonNode array, String what, int length) {
        if (array == null || !array.isArray() || array.size() != length) {
            throw new IllegalArgumentException("model field '" + what + "' is not an array of " + length + " numbers");
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            if (!array.get(i).isNumber()) {
                throw new IllegalArgumentException("model field '" + what + "'[" + i + "] = " + array.get(i)
                        + " is not a number");
            }
            values[i] = array.get(i).doubleValue();
        }
        return values;
    }

    /** @return {"mean": […], "scale": […]} */
    public static ObjectNode write(Standardisation s) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("mean", array(s.mean()));
        node.set("scale", array(s.scale()));
        return node;
    }

    /** @return the standardisation of {@code columns} columns in the field {@code name} of {@code node} */
    public static Standardisation standardisation(JsonNode node, String name, int columns) {
        JsonNode s = field(node, name);
        return new Standardisation(doubles(s, "mean", columns), doubles(s, "scale", columns));
    }
}
