package org.calsim.ml.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.ml.doe.Factor;
import org.calsim.support.files.AtomicFiles;
import org.calsim.support.json.Json;

/**
 * A sweep's dataset on disk: {@code dataset.csv} (one row per point: {@code point, status}, the inputs, the outputs,
 * {@code error}; an output the point did not produce is empty) and {@code dataset.json} (the description: name,
 * job, design, every column with its unit, the inputs' ranges and scales, the counts). Both are written atomically.
 */
public final class DatasetFiles {
    /** Name of the description file. */
    public static final String DESCRIPTION = "dataset.json";
    /** Name of the table. */
    public static final String TABLE = "dataset.csv";

    private DatasetFiles() {
    }

    /** Writes {@code dataset.csv} and {@code dataset.json} into {@code folder}. */
    public static void write(Path folder, SweepDataset data) throws IOException {
        StringBuilder csv = new StringBuilder("point,status");
        data.inputs().forEach(f -> csv.append(',').append(f.field()));
        data.outputs().forEach(o -> csv.append(',').append(o.name()));
        csv.append(",error\n");
        for (DatasetRow r : data.rows()) {
            csv.append(r.id()).append(',').append(r.status());
            for (double v : r.inputs()) {
                csv.append(',').append(v);
            }
            for (double v : r.outputs()) {
                csv.append(',').append(Double.isFinite(v) ? Double.toString(v) : "");
            }
            csv.append(',').append(quote(r.error())).append('\n');
        }
        ObjectNode d = Json.object();
        d.put("name", data.name());
        d.put("description", data.description());
        d.put("job", data.job());
        d.put("design", data.design());
        d.put("samples", data.samples());
        d.put("seed", data.seed());
        d.put("table", TABLE);
        ArrayNode in = d.putArray("inputs");
        for (Factor f : data.inputs()) {
            in.addObject().put("name", f.field()).put("unit", f.unit()).put("lower", f.lower()).put("upper", f.upper())
                    .put("scale", f.log() ? "log" : "linear");
        }
        ArrayNode out = d.putArray("outputs");
        for (OutputColumn o : data.outputs()) {
            out.addObject().put("name", o.name()).put("unit", o.unit()).put("source", o.state() ? "state" : "summary");
        }
        ObjectNode counts = d.putObject("points");
        counts.put("total", data.rows().size());
        for (String s : List.of("succeeded", "failed", "cancelled")) {
            counts.put(s, data.rows().stream().filter(r -> r.status().equals(s)).count());
        }
        AtomicFiles.write(folder.resolve(TABLE), csv.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(folder.resolve(DESCRIPTION), Json.pretty().writeValueAsBytes(d));
    }

    /**
     * Reads a dataset.
     *
     * @param path {@code dataset.json} or the folder holding it
     * @throws InvalidInputException if it is missing or not a calsim dataset
     */
    public static SweepDataset read(Path path) {
        Path description = Files.isDirectory(path) ? path.resolve(DESCRIPTION) : path;
        if (!Files.isRegularFile(description)) {
            throw new InvalidInputException("DATASET", path.toString(), "a sweep's " + DESCRIPTION
                    + " or the sweep folder holding it (./calsim sweep writes them)");
        }
        try {
            JsonNode d = Json.read(description);
            List<Factor> inputs = new ArrayList<>();
            for (JsonNode i : d.path("inputs")) {
                inputs.add(new Factor(i.path("name").asText(), i.path("unit").asText(), i.path("lower").asDouble(),
                        i.path("upper").asDouble(), "log".equals(i.path("scale").asText())));
            }
            List<OutputColumn> outputs = new ArrayList<>();
            for (JsonNode o : d.path("outputs")) {
                outputs.add(new OutputColumn(o.path("name").asText(), o.path("unit").asText(),
                        "state".equals(o.path("source").asText())));
            }
            Path table = description.resolveSibling(d.path("table").asText(TABLE));
            List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
            List<DatasetRow> rows = new ArrayList<>();
            int columns = 3 + inputs.size() + outputs.size();
            for (int l = 1; l < lines.size(); l++) {
                if (lines.get(l).isEmpty()) {
                    continue;
                }
                List<String> cells = split(lines.get(l));
                if (cells.size() != columns) {
                    throw new InvalidInputException(table + " line " + (l + 1), cells.size() + " cells",
                            columns + " cells, as in its header");
                }
                double[] in = new double[inputs.size()];
                for (int j = 0; j < in.length; j++) {
                    in[j] = Double.parseDouble(cells.get(2 + j));
                }
                double[] out = new double[outputs.size()];
                for (int j = 0; j < out.length; j++) {
                    String c = cells.get(2 + in.length + j);
                    out[j] = c.isEmpty() ? Double.NaN : Double.parseDouble(c);
                }
                rows.add(new DatasetRow(cells.get(0), cells.get(1), in, out, cells.get(columns - 1)));
            }
            return new SweepDataset(d.path("name").asText(), d.path("description").asText(), d.path("job").asText(),
                    d.path("design").asText(), d.path("samples").asInt(), d.path("seed").asLong(), inputs, outputs,
                    rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("DATASET", description.toString(), "a readable calsim dataset (" + e + ")");
        }
    }

    /** Deletes a file or a folder with everything in it (symbolic links are removed, not followed). */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(path)) {
                for (Path c : children.toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.delete(path);
    }

    private static String quote(String text) {
        if (text.isEmpty()) {
            return "";
        }
        return '"' + text.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + '"';
    }

    /** Splits a CSV line of {@link #write}: plain cells, and double-quoted cells with "" for a quote. */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
