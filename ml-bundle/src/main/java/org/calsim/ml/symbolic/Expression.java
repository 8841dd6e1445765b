package org.calsim.ml.symbolic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.calsim.ml.surrogate.ModelJson;

/**
 * A feature as an expression tree over the inputs, in the inputs' units. In a model file it is
 * {@code {"op": "input", "index": j}}, {@code {"op": "ln", "argument": …}} or
 * {@code {"op": "divide", "left": …, "right": …}} with the {@link Operator} labels.
 */
sealed interface Expression permits Expression.Input, Expression.Unary, Expression.Binary {

    /** @return the feature's value at the input row x (NaN or infinite outside the operators' domains) */
    double evaluate(double[] x);

    /** @return the feature in words, e.g. "ln(x1)·x2", with {@code names} for the inputs */
    String format(List<String> names);

    /** @return the tree as JSON */
    ObjectNode write();

    /** Input j. */
    record Input(int index) implements Expression {
        @Override
        public double evaluate(double[] x) {
            return x[index];
        }

        @Override
        public String format(List<String> names) {
            return names.get(index);
        }

        @Override
        public ObjectNode write() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("op", "input");
            node.put("index", index);
            return node;
        }
    }

    /** A unary operator applied to a feature. */
    record Unary(Operator operator, Expression argument) implements Expression {
        @Override
        public double evaluate(double[] x) {
            return operator.apply(argument.evaluate(x));
        }

        @Override
        public String format(List<String> names) {
            String a = argument.format(names);
            return switch (operator) {
                case SQUARE -> atom(argument, a) + "²";
                case CUBE -> atom(argument, a) + "³";
                case SQRT -> "√" + atom(argument, a);
                case LN -> "ln(" + a + ")";
                case INVERSE -> "1/" + atom(argument, a);
                case EXP -> "exp(" + a + ")";
                case EXP_NEGATIVE -> "exp(−" + operand(argument, a) + ")";
                default -> throw new IllegalStateException(operator + " is not unary");
            };
        }

        @Override
        public ObjectNode write() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("op", operator.label());
            node.set("argument", argument.write());
            return node;
        }
    }

    /** A binary operator applied to two features. */
    record Binary(Operator operator, Expression left, Expression right) implements Expression {
        @Override
        public double evaluate(double[] x) {
            return operator.apply(left.evaluate(x), right.evaluate(x));
        }

        @Override
        public String format(List<String> names) {
            return operand(left, left.format(names)) + (operator == Operator.MULTIPLY ? "·" : "/")
                    + operand(right, right.format(names));
        }

        @Override
        public ObjectNode write() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("op", operator.label());
            node.set("left", left.write());
            node.set("right", right.write());
            return node;
        }
    }

    /** @return whether e prints as a name or a function call, needing no parentheses anywhere */
    private static boolean call(Expression e) {
        return e instanceof Input || e instanceof Unary u
                && (u.operator() == Operator.LN || u.operator() == Operator.EXP
                || u.operator() == Operator.EXP_NEGATIVE);
    }

    /** @return the text of e, parenthesised unless it is a name or a function call (for powers, √, 1/) */
    private static String atom(Expression e, String text) {
        return call(e) ? text : "(" + text + ")";
    }

    /** @return the text of e, parenthesised unless it is a name, a function call or a power (for ·, /, a factor) */
    static String operand(Expression e, String text) {
        boolean power = e instanceof Unary u && (u.operator() == Operator.SQUARE || u.operator() == Operator.CUBE);
        return call(e) || power ? text : "(" + text + ")";
    }

    /**
     * @param node   a tree written by {@link #write()}
     * @param inputs number of inputs, the bound of input indices
     */
    static Expression read(JsonNode node, int inputs) {
        String op = ModelJson.field(node, "op").asText();
        if (op.equals("input")) {
            int index = ModelJson.integer(node, "index");
            if (index < 0 || index >= inputs) {
                throw new IllegalArgumentException("sisso feature input " + index + " is not in [0, " + inputs + ")");
            }
            return new Input(index);
        }
        Operator operator = Operator.of(op);
        if (operator.unary()) {
            return new Unary(operator, read(ModelJson.field(node, "argument"), inputs));
        }
        return new Binary(operator, read(ModelJson.field(node, "left"), inputs),
                read(ModelJson.field(node, "right"), inputs));
    }
}
