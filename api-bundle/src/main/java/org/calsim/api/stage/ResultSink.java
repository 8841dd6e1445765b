package org.calsim.api.stage;

import java.io.IOException;
import java.nio.file.Path;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Table;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a stage puts what people read and look at. The runtime writes these to the job's results
 * folder ({@code summary.json}, CSV, PNG) only after the stage succeeded.
 */
@ProviderType
public interface ResultSink {

    /**
     * A headline number for {@code summary.json}.
     *
     * @param name  lower-case with underscores, the unit in the name if it is not SI, e.g. {@code porosity}
     * @param value the value in {@code unit}
     * @param unit  the unit of {@code value} as written in summary.json, e.g. {@code "mAh/cm^2"}, {@code "1"}
     */
    void summary(String name, double value, String unit);

    /** A headline text for {@code summary.json} (model used, warning, fitted formula). */
    void note(String name, String text);

    /** A table, written as {@code <stage>-<name>.csv}. */
    void table(String name, Table table);

    /** A plot, drawn as {@code <stage>-<name>.png}. */
    void plot(Plot plot);

    /**
     * A file the stage writes itself while it runs (particle snapshots as VTK, voxel images). The runtime
     * returns a path in the stage's staging folder; when the stage succeeds the files are published in the
     * results folder under {@code <stage>/<name>}, when it fails or is cancelled they are deleted, so nothing
     * half-written passes for a result.
     *
     * @param name a plain file name: letters, digits, '.', '-', '_' (no folders)
     * @return where to write it (the folder exists)
     * @throws IOException if the staging folder cannot be created
     */
    Path file(String name) throws IOException;
}
