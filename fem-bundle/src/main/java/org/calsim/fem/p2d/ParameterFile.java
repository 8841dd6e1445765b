package org.calsim.fem.p2d;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import org.calsim.api.electrochem.ActivationEnergies;
import org.calsim.api.electrochem.CellParameters;
import org.calsim.api.electrochem.ElectrodeParameters;
import org.calsim.api.electrochem.ElectrolyteParameters;
import org.calsim.api.electrochem.SeparatorParameters;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.support.json.Json;

/**
 * Reads a cell parameter set from a JSON file in the field names of BPX, the Battery Parameter eXchange format
 * (Faraday Institution, 2022, https://github.com/FaradayInstitution/BPX): {@code Parameterisation} with
 * {@code Cell}, {@code Electrolyte}, {@code Negative electrode}, {@code Separator} and {@code Positive electrode}.
 * A function (OCP, diffusivity, conductivity) is a number, an expression in {@code x} (stoichiometry for an
 * electrode, salt concentration in mol/m³ for the electrolyte; +, −, *, /, ^ or Python's **, exp, log, tanh, cosh,
 * sqrt, …) or a table {@code {"x": [...], "y": [...]}} interpolated linearly. The transport efficiency is ε/T.
 *
 * <p><b>Kinetics.</b> BPX defines the exchange current density by the normalised concentrations,
 * j₀ = F k (c_e/c_e0)^½ (c_s/c_s,max)^½ (1 − c_s/c_s,max)^½, with k the {@code Reaction rate constant
 * [mol.m-2.s-1]} and c_e0 the electrolyte's initial concentration. calsim's (and PyBaMM's) form is
 * j₀ = k' c_e^½ c_s^½ (c_s,max − c_s)^½, so k' = F k / (c_s,max c_e0^½) [A m⁻² (m³/mol)^1.5]: the
 * conversion PyBaMM applies when it loads a BPX file ({@code pybamm/parameters/bpx.py}, {@code bpx_to_param_dict}).
 *
 * <p><b>Temperature.</b> The rates are given at the {@code Reference temperature [K]} (Cell). Where an
 * activation energy is given (reaction rate constants and diffusivities of the electrodes, conductivity and
 * diffusivity of the electrolyte) the rate follows Arrhenius, r(T) = r(T_ref) exp(E_a/R (1/T_ref − 1/T)); the
 * cell is simulated at the ambient temperature, else at the reference temperature (as PyBaMM does).
 *
 * <p>Both layouts of the standard are read: BPX 0.x (ambient temperature in {@code Cell}, initial concentration in
 * {@code Electrolyte}) and BPX 1.x ({@code State}: {@code Thermal environment} / {@code Ambient temperature [K]},
 * {@code Initial conditions} / {@code Initial electrolyte concentration [mol.m-3]}). The electrodes start at 100 %
 * state of charge (negative at its maximum stoichiometry, positive at its minimum); thermal, entropic and
 * validation fields are not used (the model is isothermal).
 *
 * <p>calsim extensions: a {@code Lithium foil} section with {@code Exchange current density [A.m-2]} in place of
 * the negative electrode makes a half cell; {@code Thermodynamic factor} (electrolyte) and
 * {@code Density [kg.m-3]} (electrodes, for mAh/g) are optional.
 */
final class ParameterFile {
    private final String field;

    private ParameterFile(String field) {
        this.field = field;
    }

    /**
     * @param file  the JSON file
     * @param field the job-file field that names it, for messages
     * @throws InvalidInputException naming the file's field that is missing or wrong
     */
    static CellParameters read(Path file, String field) {
        JsonNode root = tree(file, field);
        JsonNode p = root.path("Parameterisation");
        if (!p.isObject()) {
            throw new InvalidInputException(field + ": " + file.getFileName(), "no Parameterisation section",
                    "a BPX file: {\"Parameterisation\": {\"Cell\": ..., \"Electrolyte\": ..., ...}}");
        }
        ParameterFile r = new ParameterFile(field + ": " + file.getFileName() + " Parameterisation");
        JsonNode cell = p.path("Cell");
        JsonNode state = root.path("State");
        double[] temperatures = r.temperatures(cell, state.path("Thermal environment"));
        double pairs = cell.has("Number of electrode pairs connected in parallel to make a cell")
                ? r.number(cell, "Cell", "Number of electrode pairs connected in parallel to make a cell") : 1;
        String title = root.path("Header").path("Title").asText(file.getFileName().toString());
        JsonNode el = p.path("Electrolyte");
        double salt = r.salt(el, state.path("Initial conditions"));
        ElectrodeParameters negative = null;
        double foil = Double.NaN;
        JsonNode ne = p.path("Negative electrode");
        if (p.has("Lithium foil")) {
            foil = r.number(p.path("Lithium foil"), "Lithium foil", "Exchange current density [A.m-2]");
        } else {
            negative = r.electrode(ne, "Negative electrode", true, salt);
        }
        JsonNode sep = p.path("Separator");
        double sepPorosity = r.fraction(sep, "Separator", "Porosity");
        double sepEfficiency = r.fraction(sep, "Separator", "Transport efficiency");
        SeparatorParameters separator = new SeparatorParameters(r.number(sep, "Separator", "Thickness [m]"),
                sepPorosity, Math.log(sepEfficiency) / Math.log(sepPorosity));
        JsonNode pe = p.path("Positive electrode");
        ElectrodeParameters positive = r.electrode(pe, "Positive electrode", false, salt);
        ElectrolyteParameters electrolyte = r.electrolyte(el, salt);
        ActivationEnergies activation = r.activation(negative == null ? null : ne, pe, el);
        return new CellParameters(title, "parameter file " + file.getFileName(), negative, foil, separator, positive,
                electrolyte, temperatures[0], pairs * r.number(cell, "Cell", "Electrode area [m2]"),
                3600 * r.number(cell, "Cell", "Nominal cell capacity [A.h]"),
                r.number(cell, "Cell", "Lower voltage cut-off [V]"),
                r.number(cell, "Cell", "Upper voltage cut-off [V]"), activation).atTemperature(temperatures[1]);
    }

    /** @return the file's JSON tree, nothing after it */
    private static JsonNode tree(Path file, String field) {
        try (InputStream in = Files.newInputStream(file)) {
            return Json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw InvalidInputException.inFile(field, file, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "a readable JSON file with BPX field names");
        } catch (IOException e) {
            throw InvalidInputException.inFile(field, file, 0, 0, "a readable JSON file with BPX field names");
        }
    }

    /**
     * @return the reference temperature the rates are given at and the ambient temperature the cell runs at [K]:
     *         BPX 1.x's Reference temperature with State.Thermal environment's (or the Cell's) Ambient temperature,
     *         else BPX 0.x's Cell Ambient temperature as both
     */
    private double[] temperatures(JsonNode cell, JsonNode thermal) {
        double reference;
        double ambient;
        if (cell.has("Reference temperature [K]")) {
            reference = number(cell, "Cell", "Reference temperature [K]");
            ambient = thermal.has("Ambient temperature [K]")
                    ? number(thermal, "State.Thermal environment", "Ambient temperature [K]")
                    : cell.has("Ambient temperature [K]") ? number(cell, "Cell", "Ambient temperature [K]")
                    : reference;
        } else if (cell.has("Ambient temperature [K]")) {
            reference = number(cell, "Cell", "Ambient temperature [K]");
            ambient = reference;
        } else {
            throw new InvalidInputException(field + ".Cell.Reference temperature [K]", "missing",
                    "a number > 0 (the temperature the rates are given at; or, in BPX 0.x, Ambient temperature [K])");
        }
        positive("Cell.Reference temperature [K]", reference);
        positive("Cell.Ambient temperature [K]", ambient);
        return new double[] {reference, ambient};
    }

    /** @return the electrolyte's initial salt concentration [mol/m³] (BPX 0.x Electrolyte, or BPX 1.x State) */
    private double salt(JsonNode el, JsonNode initial) {
        double salt;
        if (el.has("Initial concentration [mol.m-3]")) {
            salt = number(el, "Electrolyte", "Initial concentration [mol.m-3]");
        } else if (initial.has("Initial electrolyte concentration [mol.m-3]")) {
            salt = number(initial, "State.Initial conditions", "Initial electrolyte concentration [mol.m-3]");
        } else {
            throw new InvalidInputException(field + ".Electrolyte.Initial concentration [mol.m-3]", "missing",
                    "a number > 0 (in BPX 1.x: State.Initial conditions.Initial electrolyte concentration "
                            + "[mol.m-3]); the reaction rate constants are defined by it");
        }
        positive("Electrolyte.Initial concentration [mol.m-3]", salt);
        return salt;
    }

    /** @return the electrolyte: conductivity and diffusivity of c, transference number, thermodynamic factor (1) */
    private ElectrolyteParameters electrolyte(JsonNode el, double salt) {
        DoubleUnaryOperator factor = el.has("Thermodynamic factor")
                ? function(el, "Electrolyte", "Thermodynamic factor") : c -> 1;
        return new ElectrolyteParameters(salt,
                function(el, "Electrolyte", "Conductivity [S.m-1]"),
                function(el, "Electrolyte", "Diffusivity [m2.s-1]"),
                fraction(el, "Electrolyte", "Cation transference number"), factor);
    }

    /** @return the activation energies [J/mol], 0 where not given; {@code ne} null for a lithium-foil cell */
    private ActivationEnergies activation(JsonNode ne, JsonNode pe, JsonNode el) {
        String rate = "Reaction rate constant activation energy [J.mol-1]";
        String diffusion = "Diffusivity activation energy [J.mol-1]";
        return new ActivationEnergies(
                ne == null ? 0 : optional(ne, "Negative electrode", rate),
                ne == null ? 0 : optional(ne, "Negative electrode", diffusion),
                optional(pe, "Positive electrode", rate), optional(pe, "Positive electrode", diffusion),
                optional(el, "Electrolyte", "Conductivity activation energy [J.mol-1]"),
                optional(el, "Electrolyte", diffusion));
    }

    /**
     * The exchange-current rate constant of calsim's kinetics from BPX's (see the class comment):
     * k' = F k / (c_s,max c_e0^½).
     *
     * @param bpx              BPX's {@code Reaction rate constant [mol.m-2.s-1]} k
     * @param maxConcentration c_s,max [mol/m³]
     * @param salt             the electrolyte's initial concentration c_e0 [mol/m³]
     * @return k' of j₀ = k' c_e^½ c_s^½ (c_s,max − c_s)^½ [A m⁻² (m³/mol)^1.5]
     */
    static double reactionRate(double bpx, double maxConcentration, double salt) {
        return DfnEquations.F * bpx / (maxConcentration * Math.sqrt(salt));
    }

    private ElectrodeParameters electrode(JsonNode e, String section, boolean negative, double salt) {
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
        double maxConcentration = number(e, section, "Maximum concentration [mol.m-3]");
        positive(section + ".Maximum concentration [mol.m-3]", maxConcentration);
        return new ElectrodeParameters(section, number(e, section, "Thickness [m]"), porosity, active, radius,
                maxConcentration, negative ? max : min, negative ? min : max,
                function(e, section, "OCP [V]"), function(e, section, "Diffusivity [m2.s-1]"),
                reactionRate(number(e, section, "Reaction rate constant [mol.m-2.s-1]"), maxConcentration, salt),
                number(e, section, "Conductivity [S.m-1]"), Math.log(efficiency) / Math.log(porosity), 0,
                porosity / efficiency, e.has("Density [kg.m-3]") ? number(e, section, "Density [kg.m-3]") : Double.NaN);
    }

    /** @return the activation energy {@code name} of the section, 0 where the set gives none [J/mol] */
    private double optional(JsonNode node, String section, String name) {
        return node.has(name) ? number(node, section, name) : 0;
    }

    /** @throws InvalidInputException if {@code value} (read by {@link #number}, so &gt;= 0) is 0 */
    private void positive(String name, double value) {
        if (!(value > 0)) {
            throw new InvalidInputException(field + "." + name, String.valueOf(value), "a number > 0");
        }
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
                expression = new ExpressionBuilder(v.asText().replace("**", "^")).variable("x").build();
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
