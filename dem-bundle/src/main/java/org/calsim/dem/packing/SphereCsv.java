package org.calsim.dem.packing;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calsim.api.stage.InvalidInputException;

/**
 * Reads spheres from a comma-separated file whose header names each length column with its unit, the way job files
 * name theirs: {@code x_um,y_um,z_um,radius_um,type} (units {@code m}, {@code mm}, {@code um}; each column may
 * have its own), in any order; other columns (e.g. {@code id}) are skipped. Blank lines and lines starting with
 * {@code #} are skipped; a cell may be enclosed in double quotes. The type is a whole number. The file has no box:
 * x and y run from 0 to the job's box lengths, z from the current collector at 0 upwards.
 *
 * <p>Errors name the file, the line and the column, never the file's text
 * ({@link InvalidInputException#inFile}).
 */
final class SphereCsv {
    /** Metres per unit, by the unit suffix of a column name. */
    static final Map<String, Double> UNITS = Map.of("m", 1.0, "mm", 1e-3, "um", 1e-6);
    /** What the file should be, for messages. */
    static final String EXPECTED = "a CSV file with a header row naming the columns x, y, z and radius with their "
            + "unit (m, mm or um), e.g. x_um,y_um,z_um,radius_um,type, and a type column";
    /** The length columns, by their name before the unit suffix, in the order of {@link SphereTable#X} … */
    private static final String[] NAMES = {"x", "y", "z", "radius"};

    private SphereCsv() {
    }

    /**
     * @param file  the CSV file (UTF-8)
     * @param field the file parameter's path, for messages
     * @param boxX  periodic length in x [m]
     * @param boxY  periodic length in y [m]
     * @return the spheres, lengths in m
     * @throws InvalidInputException if the file cannot be read or lacks a column, or a cell is not a number
     */
    static SphereTable read(Path file, String field, double boxX, double boxY) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file, field, boxX, boxY);
        } catch (IOException e) {
            throw InvalidInputException.inFile(field, file, 0, 0, "a readable UTF-8 file: " + EXPECTED);
        }
    }

    private static SphereTable read(BufferedReader in, Path file, String field, double boxX, double boxY)
            throws IOException {
        int[] columns = null;
        double[] scale = new double[NAMES.length];
        int headerSize = -1;
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        String text;
        for (int n = 0; (text = in.readLine()) != null; n++) {
            String line = text.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = cells(line);
            if (headerSize < 0) {
                headerSize = cells.length;
                columns = header(cells, scale, file, field, n + 1);
                continue;
            }
            if (rows.size() == SphereTable.MAX_SPHERES) {
                throw InvalidInputException.inFile(field, file, n + 1, 0, String.format("a file of at most %,d "
                        + "spheres", SphereTable.MAX_SPHERES));
            }
            if (cells.length != headerSize) {
                throw InvalidInputException.inFile(field, file, n + 1, Math.min(cells.length, headerSize) + 1,
                        "one cell for each of the " + headerSize + " columns of the header");
            }
            rows.add(row(cells, columns, scale, file, field, n + 1));
            rowLines.add(n + 1);
        }
        if (headerSize < 0) {
            throw InvalidInputException.inFile(field, file, 0, 0, EXPECTED + " (the file has no header row)");
        }
        return table(rows, rowLines, columns, boxX, boxY);
    }

    /**
     * Finds the columns in the header row: x, y, z and radius by their name with a unit suffix (their metres per
     * unit written into {@code scale}), and the type.
     *
     * @param line the header's line number, for messages
     * @return the column of x, y, z, radius and type (indices {@link SphereTable#X} … {@link SphereTable#TYPE})
     */
    private static int[] header(String[] cells, double[] scale, Path file, String field, int line) {
        int[] columns = {-1, -1, -1, -1, -1};
        for (int c = 0; c < cells.length; c++) {
            String name = cells[c].toLowerCase(Locale.ROOT);
            if (name.equals("type")) {
                columns[SphereTable.TYPE] = c;
            }
            for (int k = 0; k < NAMES.length; k++) {
                String prefix = NAMES[k] + "_";
                if (name.startsWith(prefix) && UNITS.containsKey(name.substring(prefix.length()))) {
                    columns[k] = c;
                    scale[k] = UNITS.get(name.substring(prefix.length()));
                }
            }
        }
        for (int k = 0; k < columns.length; k++) {
            if (columns[k] < 0) {
                String missing = k == SphereTable.TYPE ? "type" : NAMES[k] + "_m, " + NAMES[k] + "_mm or "
                        + NAMES[k] + "_um";
                throw InvalidInputException.inFile(field, file, line, 0, EXPECTED + "; the column " + missing
                        + " is missing");
            }
        }
        return columns;
    }

    /**
     * @param line the row's line number, for messages
     * @return x, y, z, radius [m] and type of one row
     */
    private static double[] row(String[] cells, int[] columns, double[] scale, Path file, String field, int line) {
        double[] row = new double[5];
        for (int k = 0; k < 5; k++) {
            int c = columns[k];
            double v;
            try {
                v = Double.parseDouble(cells[c]);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            boolean whole = k != SphereTable.TYPE || (v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE);
            if (!Double.isFinite(v) || !whole) {
                throw InvalidInputException.inFile(field, file, line, c + 1, k == SphereTable.TYPE
                        ? "a whole type number" : "a finite number");
            }
            row[k] = k == SphereTable.TYPE ? v : v * scale[k];
        }
        return row;
    }

    /** @return the table of the rows read, with their line numbers and the columns (one-based) for messages */
    private static SphereTable table(List<double[]> rows, List<Integer> rowLines, int[] columns, double boxX,
                                     double boxY) {
        int size = rows.size();
        double[] x = new double[size];
        double[] y = new double[size];
        double[] z = new double[size];
        double[] r = new double[size];
        int[] t = new int[size];
        int[] at = new int[size];
        for (int i = 0; i < size; i++) {
            double[] row = rows.get(i);
            x[i] = row[SphereTable.X];
            y[i] = row[SphereTable.Y];
            z[i] = row[SphereTable.Z];
            r[i] = row[SphereTable.RADIUS];
            t[i] = (int) row[SphereTable.TYPE];
            at[i] = rowLines.get(i);
        }
        int[] oneBased = new int[5];
        for (int k = 0; k < 5; k++) {
            oneBased[k] = columns[k] + 1;
        }
        return new SphereTable(x, y, z, r, t, at, oneBased, new double[] {0, 0, 0},
                new double[] {boxX, boxY, Double.POSITIVE_INFINITY}, 0, "CSV");
    }

    /** Splits a line on commas, strips each cell and one pair of enclosing double quotes. */
    private static String[] cells(String line) {
        String[] cells = line.split(",", -1);
        for (int c = 0; c < cells.length; c++) {
            String s = cells[c].strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).strip();
            }
            cells[c] = s;
        }
        return cells;
    }
}
