package org.calsim.fem.p2d;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import org.calsim.api.electrochem.CellParameters;
import org.calsim.api.electrochem.ElectrodeParameters;
import org.calsim.api.electrochem.ElectrolyteParameters;
import org.calsim.api.electrochem.SeparatorParameters;
import org.calsim.api.stage.InvalidInputException;

/**
 * Reads a cell parameter set from a JSON file in the field names of BPX, the Battery Parameter eXchange format
 * (Faraday Institution, 2022): {@code Parameterisation} with {@code Cell}, {@code Electrolyte},
 * {@code Negative electrode}, {@code Separator} and {@code Positive electrode}. A function (OCP, diffusivity,
 * conductivity) is a number, an expression in {@code x} (stoichiometry for an electrode, salt concentration in
 * mol/m³ for the electrolyte; +, −, *, /, ^, exp, log, tanh, sqrt, …) or a table {@code {"x": [...], "y": [...]}}
 * interpolated linearly. Units as BPX: the reaction rate constant k in mol m⁻² s⁻¹ with
 * j₀ = F k c_e^½ c_s^½ (c_max − c_s)^½; the transport efficiency is ε/T. Activation energies, where given, scale
 * the rates by Arrhenius from the reference to the ambient temperature.
 *
 * <p>calsim extensions: a {@code Lithium foil} section with {@code Exchange current density [A.m-2]} in place of
 * the negative electrode makes a half cell; {@code Thermodynamic factor} (electrolyte) and
 * {@code Density [kg.m-3]} (electrodes, for mAh/g) are optional.
 */
final class ParameterFile {
    private final String field;
    private final double temperature;
    private final double reference;

    private ParameterFile(String field, double temperature, double reference) {
        this.field = field;
        this.temperature = temperature;
        this.reference = reference;
    }

    /**
     * @param file  the JSON file
     * @param field the job-file field that names it, for messages
     * @throws InvalidInputException naming the file's field that is missing or wrong
     */
    static CellParameters read(Path file, String field) {
        JsonNode root;
        try {
            root = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw InvalidInputException.inFile(field, file, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "a readable JSON file with BPX field names");
        } catch (IOException e) {
            throw InvalidInputException.inFile(field, file, 0, 0, "a readable JSON file with BPX field names");
        }
        JsonNode p = root.path("Parameterisation");
        if (!p.isObject()) {
            throw new InvalidInputException(field + ": " + file.getFileName(), "no Parameterisation section",
                    "a BPX file: {\"Parameterisation\": {\"Cell\": ..., \"Electrolyte\": ..., ...}}");
        }
        String where = field + ": " + file.getFileName() + " Parameterisation";
        ParameterFile reader = new ParameterFile(where, 0, 0);
        JsonNode cell = p.path("Cell");
        double ambient = reader.number(cell, "Cell", "Ambient temperature [K]");
        double ref = cell.has("Reference temperature [K]")
                ? reader.number(cell, "Cell", "Reference temperature [K]") : ambient;
        ParameterFile r = new ParameterFile(where, ambient, ref);
        double pairs = cell.has("Number of electrode pairs connected in parallel to make a cell")
                ? r.number(cell, "Cell", "Number of electrode pairs connected in parallel to make a cell") : 1;
        JsonNode header = root.path("Header");
        String title = header.path("Title").asText(file.getFileName().toString());
        ElectrodeParameters negative = null;
        double foil = Double.NaN;
        if (p.has("Lithium foil")) {
            foil = r.number(p.path("Lithium foil"), "Lithium foil", "Exchange current density [A.m-2]");
        } else {
            negative = r.electrode(p.path("Negative electrode"), "Negative electrode", true);
        }
        JsonNode sep = p.path("Separator");
        double sepPorosity = r.fraction(sep, "Separator", "Porosity");
        double sepEfficiency = r.fraction(sep, "Separator", "Transport efficiency");
        SeparatorParameters separator = new SeparatorParameters(r.number(sep, "Separator", "Thickness [m]"),
                sepPorosity, Math.log(sepEfficiency) / Math.log(sepPorosity));
        ElectrodeParameters positive = r.electrode(p.path("Positive electrode"), "Positive electrode", false);
        JsonNode el = p.path("Electrolyte");
        double kappaScale = r.arrhenius(el, "Electrolyte", "Conductivity activation energy [J.mol-1]");
        double diffScale = r.arrhenius(el, "Electrolyte", "Diffusivity activation energy [J.mol-1]");
        DoubleUnaryOperator kappa = r.function(el, "Electrolyte", "Conductivity [S.m-1]");
        DoubleUnaryOperator diffusivity = r.function(el, "Electrolyte", "Diffusivity [m2.s-1]");
        DoubleUnaryOperator factor = el.has("Thermodynamic factor")
                ? r.function(el, "Electrolyte", "Thermodynamic factor") : c -> 1;
        ElectrolyteParameters electrolyte = new ElectrolyteParameters(
                r.number(el, "Electrolyte", "Initial concentration [mol.m-3]"),
                c -> kappaScale * kappa.applyAsDouble(c), c -> diffScale * diffusivity.applyAsDouble(c),
                r.fraction(el, "Electrolyte", "Cation transference number"), factor);
        return new CellParameters(title, "parameter file " + file.getFileName(), negative, foil, separator, positive,
                electrolyte, ambient, pairs * r.number(cell, "Cell", "Electrode area [m2]"),
                3600 * r.number(cell, "Cell", "Nominal cell capacity [A.h]"),
                r.number(cell, "Cell", "Lower voltage cut-off [V]"), r.number(cell, "Cell", "Upper voltage cut-off [V]"));
    }

    private ElectrodeParameters electrode(JsonNode e, String section, boolean negative) {
        if (!e.isObject()) {
            throw new InvalidInputException(field + "." + section, "missing", "a section of electrode parameters"
                    + (negative ? " (or a \"Lithium foil\" section for a half cell)" : ""));
        }
        double radius = number(e, section, "Particle radius [m]");
        double porosity = fraction(e, section, "Porosity");
        double efficiency = fraction(e, section, "Transport efficiency");
        double area = number(e, section, "Surface area per unit volume [m-1]");
        double active = area * radius / 3;
        if (active + porosity > 1) {
            throw new InvalidInputException(field + "." + section + ".Surface area per unit volume [m-1]",
                    String.valueOf(area), "a value that leaves room for the pores: a R/3 + porosity <= 1 (a R/3 = "
                    + active + ")");
        }
        double min = fraction(e, section, "Minimum stoichiometry");
        double max = fraction(e, section, "Maximum stoichiometry");
        double rateScale = arrhenius(e, section, "Reaction rate constant activation energy [J.mol-1]");
        double diffScale = arrhenius(e, section, "Diffusivity activation energy [J.mol-1]");
        DoubleUnaryOperator diffusivity = function(e, section, "Diffusivity [m2.s-1]");
        return new ElectrodeParameters(section, number(e, section, "Thickness [m]"), porosity, active, radius,
                number(e, section, "Maximum concentration [mol.m-3]"), negative ? max : min, negative ? min : max,
                function(e, section, "OCP [V]"), x -> diffScale * diffusivity.applyAsDouble(x),
                rateScale * DfnEquations.F * number(e, section, "Reaction rate constant [mol.m-2.s-1]"),
                number(e, section, "Conductivity [S.m-1]"), Math.log(efficiency) / Math.log(porosity), 0,
                porosity / efficiency, e.has("Density [kg.m-3]") ? number(e, section, "Density [kg.m-3]") : Double.NaN);
    }

    private double arrhenius(JsonNode node, String section, String name) {
        if (!node.has(name) || temperature == reference) {
            return 1;
        }
        return Math.exp(number(node, section, name) / DfnEquations.R_GAS * (1 / reference - 1 / temperature));
    }

    private double number(JsonNode node, String section, String name) {
        JsonNode v = node.path(name);
        if (!v.isNumber()) {
            throw new InvalidInputException(field + "." + section + "." + name, kind(v), "a number");
        }
        double d = v.asDouble();
        if (!Double.isFinite(d) || d < 0) {
            throw new InvalidInputException(field + "." + section + "." + name, v.toString(), "a finite number >= 0");
        }
        return d;
    }

    private double fraction(JsonNode node, String section, String name) {
        double d = number(node, section, name);
        if (!(d > 0 && d <= 1)) {
            throw new InvalidInputException(field + "." + section + "." + name, String.valueOf(d),
                    "a number > 0 and <= 1");
        }
        return d;
    }

    /**
     * @return what kind of JSON value {@code v} is, for messages: a message never quotes the file's text (a file
     *         parameter may have been pointed at a file that is not a parameter set)
     */
    private static String kind(JsonNode v) {
        if (v.isMissingNode()) {
            return "missing";
        }
        return switch (v.getNodeType()) {
            case STRING -> "a text";
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            default -> "a value of another kind";
        };
    }

    /** @return a number, an expression in x, or a table {x: [...], y: [...]} as a function */
    private DoubleUnaryOperator function(JsonNode node, String section, String name) {
        JsonNode v = node.path(name);
        String path = field + "." + section + "." + name;
        if (v.isNumber()) {
            double c = v.asDouble();
            return x -> c;
        }
        if (v.isTextual()) {
            Expression expression;
            try {
                expression = new ExpressionBuilder(v.asText()).variable("x").build();
            } catch (RuntimeException e) {
                throw new InvalidInputException(path, "a text that is not an expression", "an expression in x");
            }
            if (!expression.validate(false).isValid()) {
                throw new InvalidInputException(path, "an expression with other variables than x",
                        "an expression in x only");
            }
            return x -> expression.setVariable("x", x).evaluate();
        }
        if (v.isObject() && v.path("x").isArray() && v.path("y").isArray() && v.path("x").size() == v.path("y").size()
                && v.path("x").size() >= 2) {
            double[] xs = new double[v.path("x").size()];
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = v.path("x").get(i).asDouble();
                ys[i] = v.path("y").get(i).asDouble();
                if (i > 0 && !(xs[i] > xs[i - 1])) {
                    throw new InvalidInputException(path + ".x[" + i + "]", "a value not above the one before",
                            "increasing values");
                }
            }
            return x -> interpolate(xs, ys, x);
        }
        throw new InvalidInputException(path, kind(v),
                "a number, an expression in x, or {\"x\": [...], \"y\": [...]} with at least two points");
    }

    /** @return y(x) by linear interpolation, constant beyond the ends */
    static double interpolate(double[] xs, double[] ys, double x) {
        if (x <= xs[0]) {
            return ys[0];
        }
        int last = xs.length - 1;
        if (x >= xs[last]) {
            return ys[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double w = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] + w * (ys[hi] - ys[lo]);
    }
}
