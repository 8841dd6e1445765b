package org.calsim.api.stage;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Bad input, found before any work starts: names the field, the value and what is allowed, in one
 * paragraph a user can act on.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String allowed;

    /**
     * @param field   path of the field, e.g. {@code recipe.initial_porosity} or {@code fit_csv:line 4}
     * @param value   the value found, as written
     * @param allowed what would have been accepted, e.g. {@code "a number > 0 and < 1"}
     */
    public InvalidInputException(String field, Object value, String allowed) {
        super(field + ": " + quote(value) + " is not allowed; expected " + allowed + ".");
        this.field = field;
        this.value = String.valueOf(value);
        this.allowed = allowed;
    }

    /**
     * A file named by a job's file parameter that could not be read or parsed. The message names the field, the
     * file's name (not its folder) and where in it the problem is, and never quotes the file's text: a file
     * parameter may have been pointed at a file that is not the expected kind at all. Since 1.3.
     *
     * @param field   path of the file parameter, e.g. {@code stages[3].with.parameter_file}
     * @param file    the file
     * @param line    1-based line of the problem, or {@code <= 0} if not known
     * @param column  1-based column of the problem, or {@code <= 0} if not known
     * @param allowed what the file should be, e.g. {@code "a JSON file with BPX field names"}
     * @return the exception to throw
     */
    public static InvalidInputException inFile(String field, Path file, long line, long column,
                                               String allowed) {
        String where = line > 0 ? ": a problem at line " + line + (column > 0 ? ", column " + column : "") : "";
        return new InvalidInputException(field, file.getFileName() + " (cannot be read" + where + ")", allowed);
    }

    public String field() { return field; }

    public String value() { return value; }

    public String allowed() { return allowed; }

    private static String quote(Object value) {
        if (value == null) {
            return "a missing value";
        }
        if (value instanceof Double || value instanceof Float) {
            return "the value " + number(((Number) value).doubleValue());
        }
        return value instanceof String s ? "'" + s + "'" : "the value " + value;
    }

    /**
     * A number as a user wrote it: a value converted to the user's unit (50e-6 m × 1e6 = 49.99999999999999 um)
     * carries the conversion's last-digit rounding, so it is shown to 12 significant digits.
     */
    private static String number(double d) {
        return Double.isFinite(d) ? Double.toString(Double.parseDouble(String.format(Locale.ROOT, "%.12g", d)))
                : Double.toString(d);
    }
}
