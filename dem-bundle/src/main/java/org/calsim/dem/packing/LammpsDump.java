package org.calsim.dem.packing;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calsim.api.stage.InvalidInputException;

/**
 * Reads the spheres of a LAMMPS or LIGGGHTS text dump ({@code dump custom}): the items {@code TIMESTEP},
 * {@code NUMBER OF ATOMS}, {@code BOX BOUNDS} and {@code ATOMS}, in that order, once per snapshot; the last
 * snapshot is read. The {@code ATOMS} header names the columns; those read are {@code type}, the centre as
 * {@code x y z} or scaled {@code xs ys zs} (x = x_lo + xs (x_hi − x_lo)) and {@code radius} or {@code diameter};
 * other columns ({@code id}, velocities, forces) are skipped. Other items (e.g. {@code TIME}, {@code UNITS}) are
 * skipped. Only orthogonal boxes are read ({@code BOX BOUNDS} with three flags such as {@code pp pp ff}); a
 * triclinic box ({@code BOX BOUNDS xy xz yz ...}) is refused.
 *
 * <p>Lengths are in the deck's units (SI decks, as LIGGGHTS granular ones: m); the caller states the unit. Errors
 * name the file, the line and the column, never the file's text ({@link InvalidInputException#inFile}).
 */
final class LammpsDump {
    /** What the file should be, for messages. */
    static final String EXPECTED = "a LAMMPS/LIGGGHTS text dump (dump custom) with the items TIMESTEP, NUMBER OF "
            + "ATOMS, BOX BOUNDS and ATOMS";

    private LammpsDump() {
    }

    /**
     * @param file  the dump
     * @param field the file parameter's path, for messages, e.g. {@code stages[0].with.file}
     * @param unit  metres per length unit of the dump (1 for an SI deck)
     * @return the last snapshot's spheres, lengths in m
     * @throws InvalidInputException if the file cannot be read or is not such a dump
     */
    static SphereTable read(Path file, String field, double unit) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return new Parser(in, file, field, unit).parse();
        } catch (IOException e) {
            throw InvalidInputException.inFile(field, file, 0, 0, "a readable file: " + EXPECTED);
        }
    }

    /** One pass over the file; keeps the last complete snapshot. */
    private static final class Parser {
        private final BufferedReader in;
        private final Path file;
        private final String field;
        private final double unit;
        private int lineNo;
        private String pending;

        private long timestep = -1;
        private int atoms = -1;
        private double[] lo;
        private double[] hi;
        private int boxLine;
        private SphereTable last;
        private int snapshots;

        Parser(BufferedReader in, Path file, String field, double unit) {
            this.in = in;
            this.file = file;
            this.field = field;
            this.unit = unit;
        }

        SphereTable parse() throws IOException {
            String line;
            while ((line = next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (!line.startsWith("ITEM:")) {
                    throw error(lineNo, 1, EXPECTED + " (an ITEM: line expected here)");
                }
                String item = line.substring(5).strip();
                if (item.equals("TIMESTEP")) {
                    timestep = (long) number(value(), 1, "a whole number of steps");
                    atoms = -1;
                    lo = null;
                } else if (item.startsWith("NUMBER OF ATOMS")) {
                    double n = number(value(), 1, "a whole number of atoms");
                    if (n < 0 || n != Math.rint(n) || n > SphereTable.MAX_SPHERES) {
                        throw error(lineNo, 1, String.format("a whole number of atoms >= 0 and <= %,d",
                                SphereTable.MAX_SPHERES));
                    }
                    atoms = (int) n;
                } else if (item.startsWith("BOX BOUNDS")) {
                    box(item.substring("BOX BOUNDS".length()).strip().split("\\s+"));
                } else if (item.startsWith("ATOMS")) {
                    if (atoms < 0 || lo == null) {
                        throw error(lineNo, 1, EXPECTED + " (NUMBER OF ATOMS and BOX BOUNDS before ATOMS)");
                    }
                    last = atoms(item.substring("ATOMS".length()).strip().split("\\s+"));
                    snapshots++;
                } else {
                    skipItem();
                }
            }
            if (last == null) {
                throw error(0, 0, EXPECTED);
            }
            return last;
        }

        private String next() throws IOException {
            if (pending != null) {
                String p = pending;
                pending = null;
                lineNo++;
                return p;
            }
            String l = in.readLine();
            if (l != null) {
                lineNo++;
            }
            return l;
        }

        private void skipItem() throws IOException {
            String l;
            while ((l = in.readLine()) != null) {
                if (l.startsWith("ITEM:")) {
                    pending = l;
                    return;
                }
                lineNo++;
            }
        }

        /** @return the next line, stripped; an error if the file ends */
        private String value() throws IOException {
            String l = next();
            if (l == null) {
                throw error(lineNo + 1, 0, EXPECTED + " (the file ends inside an item)");
            }
            return l.strip();
        }

        private void box(String[] flags) throws IOException {
            int at = lineNo;
            if (flags.length != 3 || flags[0].startsWith("x")) {
                throw error(at, 1, "an orthogonal box: BOX BOUNDS with three boundary flags such as pp pp ff "
                        + "(a triclinic box, with tilt factors xy xz yz, is not read)");
            }
            for (int d = 0; d < 2; d++) {
                if (!flags[d].equals("pp")) {
                    throw error(at, 1, "a box periodic in x and y (BOX BOUNDS pp pp ..., LAMMPS boundary p p f): "
                            + "calsim's coating is periodic in x and y; the " + "xy".charAt(d) + " boundary is not");
                }
            }
            if (flags[2].length() != 2 || flags[2].charAt(0) != 'f' || flags[2].charAt(1) == 'p') {
                throw error(at, 1, "a box with a fixed lower z boundary (BOX BOUNDS pp pp ff, fs or fm): the lower z "
                        + "face is the current collector; z can be neither periodic nor shrink-wrapped at the bottom");
            }
            boxLine = at;
            double[] l = new double[3];
            double[] h = new double[3];
            for (int d = 0; d < 3; d++) {
                String[] t = value().split("\\s+");
                if (t.length < 2) {
                    throw error(lineNo, 1, "two box bounds, lo and hi, per line");
                }
                l[d] = number(t[0], 1, "a box bound (a number)") * unit;
                h[d] = number(t[1], 2, "a box bound (a number)") * unit;
                if (!(h[d] > l[d])) {
                    throw error(lineNo, 2, "an upper box bound above the lower one");
                }
            }
            lo = l;
            hi = h;
        }

        private SphereTable atoms(String[] header) throws IOException {
            int headerLine = lineNo;
            int type = find(header, "type");
            int[] centre = {find(header, "x"), find(header, "y"), find(header, "z")};
            boolean scaled = centre[0] < 0 && centre[1] < 0 && centre[2] < 0;
            if (scaled) {
                centre = new int[] {find(header, "xs"), find(header, "ys"), find(header, "zs")};
            }
            int radius = find(header, "radius");
            int diameter = radius < 0 ? find(header, "diameter") : -1;
            if (type < 0 || centre[0] < 0 || centre[1] < 0 || centre[2] < 0 || (radius < 0 && diameter < 0)) {
                throw error(headerLine, 0, "an ATOMS header naming the columns type, x y z (or scaled xs ys zs) and "
                        + "radius (or diameter), e.g. ITEM: ATOMS id type x y z radius");
            }
            int size = radius >= 0 ? radius : diameter;
            double sizeFactor = radius >= 0 ? unit : unit / 2;
            double[][] c = new double[3][atoms];
            double[] r = new double[atoms];
            int[] t = new int[atoms];
            int[] lines = new int[atoms];
            for (int i = 0; i < atoms; i++) {
                String l = next();
                if (l == null || l.startsWith("ITEM:")) {
                    throw error(lineNo + (l == null ? 1 : 0), 0, String.format("%,d atom rows after the ATOMS "
                            + "header, as NUMBER OF ATOMS says (the rows end after %,d)", atoms, i));
                }
                String[] v = l.strip().split("\\s+");
                if (v.length < header.length) {
                    throw error(lineNo, v.length + 1, "a value for each of the " + header.length
                            + " columns of the ATOMS header");
                }
                double tv = number(v[type], type + 1, "a whole type number");
                if (tv != Math.rint(tv) || Math.abs(tv) > Integer.MAX_VALUE) {
                    throw error(lineNo, type + 1, "a whole type number");
                }
                t[i] = (int) tv;
                for (int d = 0; d < 3; d++) {
                    double value = number(v[centre[d]], centre[d] + 1, "a coordinate (a number)");
                    c[d][i] = scaled ? lo[d] + value * (hi[d] - lo[d]) : value * unit;
                }
                r[i] = number(v[size], size + 1, "a radius (a number)") * sizeFactor;
                lines[i] = lineNo;
            }
            String what = String.format("LAMMPS dump, timestep %d%s", timestep, snapshots > 0
                    ? " (the last of several snapshots)" : "");
            return new SphereTable(c[0], c[1], c[2], r, t, lines, new int[] {centre[0] + 1, centre[1] + 1,
                centre[2] + 1, size + 1, type + 1}, lo.clone(), hi.clone(), boxLine, what);
        }

        private static int find(String[] header, String name) {
            return List.of(header).indexOf(name);
        }

        /** A finite number; an error naming the line and column otherwise. */
        private double number(String text, int column, String allowed) {
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw error(lineNo, column, allowed);
            }
            if (!Double.isFinite(v)) {
                throw error(lineNo, column, allowed + ", finite");
            }
            return v;
        }

        private InvalidInputException error(int line, int column, String allowed) {
            return InvalidInputException.inFile(field, file, line, column, allowed);
        }
    }
}
