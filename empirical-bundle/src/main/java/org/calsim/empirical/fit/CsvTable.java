package org.calsim.empirical.fit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.calsim.api.stage.InvalidInputException;

/**
 * A small comma-separated table with a header row: cells are split on commas and trimmed, blank lines
 * and lines starting with {@code #} are skipped. Errors name the file (its name, not its folder), the line and the
 * column, and never quote the file's text: a job's file parameter may have been pointed at a file that is not a
 * table at all, and its content must not travel back in a message.
 */
public final class CsvTable {

    private final String source;
    private final int headerLine;
    private final List<String> header;
    private final List<String[]> rows;
    private final List<Integer> lineNumbers;

    private CsvTable(String source, int headerLine, List<String> header, List<String[]> rows,
                     List<Integer> lineNumbers) {
        this.source = source;
        this.headerLine = headerLine;
        this.header = List.copyOf(header);
        this.rows = rows;
        this.lineNumbers = lineNumbers;
    }

    /**
     * Reads a CSV file (UTF-8).
     *
     * @param file the file
     * @return the table
     * @throws InvalidInputException if the file cannot be read, has no header, or a row has the wrong
     *                               number of cells
     */
    public static CsvTable read(Path file) {
        String name = String.valueOf(file.getFileName());
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(name, "unreadable (" + e.getClass().getSimpleName() + ")",
                    "a readable UTF-8 CSV file with a header row");
        }
        return parse(name, lines);
    }

    /**
     * Parses CSV text.
     *
     * @param source name of the file, for messages
     * @param lines  the lines of the file
     * @return the table
     */
    public static CsvTable parse(String source, List<String> lines) {
        List<String> header = null;
        int headerLine = 0;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            if (header == null) {
                header = List.of(cells);
                headerLine = i + 1;
                continue;
            }
            if (cells.length != header.size()) {
                throw new InvalidInputException(source + ": line " + (i + 1), "a row of " + cells.length + " cell(s)",
                        header.size() + " comma-separated cells, one per header column (the header, line " + headerLine
                        + ", has " + header.size() + ")");
            }
            rows.add(cells);
            lineNumbers.add(i + 1);
        }
        if (header == null) {
            throw new InvalidInputException(source, "an empty file", "a header row naming the columns, then data rows");
        }
        return new CsvTable(source, headerLine, header, rows, lineNumbers);
    }

    /** @return the file name used in messages */
    public String source() {
        return source;
    }

    /** @return the column names of the header row, in order */
    public List<String> header() {
        return header;
    }

    /**
     * @param required the column names a reader needs
     * @throws InvalidInputException listing the columns found and those required if one is missing
     */
    public void requireColumns(List<String> required) {
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (!header.contains(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(source + ": line " + headerLine + " (header), missing column "
                    + String.join(", ", missing), "a header of " + header.size() + " column(s) without it",
                    "a header with the columns " + required + " (units in the names)");
        }
    }

    /**
     * The numbers of one column, as written in the file.
     *
     * @param column column name
     * @param range  the values allowed
     * @return one value per data row
     * @throws InvalidInputException naming file, line and column for a missing column, a non-numeric
     *                               cell or a value out of range
     */
    public double[] numbers(String column, CellRange range) {
        requireColumns(List.of(column));
        int index = header.indexOf(column);
        double[] values = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r)[index];
            String field = source + ": line " + lineNumbers.get(r) + ", column " + column;
            double v;
            try {
                v = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, "a cell that is not a number", range.description());
            }
            if (!range.contains(v)) {
                throw new InvalidInputException(field, "a number outside the range", range.description());
            }
            values[r] = v;
        }
        return values;
    }
}
