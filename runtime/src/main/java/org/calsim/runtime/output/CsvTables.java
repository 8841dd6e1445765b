package org.calsim.runtime.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.calsim.api.data.Column;
import org.calsim.api.data.Table;
import org.calsim.support.files.AtomicFiles;

/** Writes a {@link Table} as CSV: a header {@code name [unit]} per column, full double precision. */
final class CsvTables {

    private CsvTables() {
    }

    static void write(Table table, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            List<Column> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                w.write(c == 0 ? "" : ",");
                w.write(columns.get(c).header());
            }
            w.write('\n');
            for (int r = 0; r < table.rows(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    w.write(c == 0 ? "" : ",");
                    w.write(Double.toString(columns.get(c).values()[r]));
                }
                w.write('\n');
            }
            w.flush();
        });
    }
}
