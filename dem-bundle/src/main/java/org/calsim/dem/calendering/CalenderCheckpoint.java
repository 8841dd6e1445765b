package org.calsim.dem.calendering;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.calsim.api.stage.StageContext;
import org.calsim.dem.engine.Checkpoint;
import org.calsim.dem.engine.DemEngine;
import org.calsim.support.files.AtomicFiles;

/**
 * The checkpoint of a {@code dem.calender} run in the stage's checkpoint folder: the engine's state
 * ({@link Checkpoint}) followed by the protocol's and the compression record's, written atomically, and beside it
 * ({@value #FILES}/) copies of the VTK snapshots written until then, so that a resumed run publishes every snapshot an
 * uninterrupted run would.
 */
final class CalenderCheckpoint {
    /** Folder beside the checkpoint with copies of the VTK snapshots written before it. */
    static final String FILES = "files";

    private final StageContext context;
    private final Path file;

    /** @param file the checkpoint file */
    CalenderCheckpoint(StageContext context, Path file) {
        this.context = context;
        this.file = file;
    }

    /** @return whether there is a checkpoint to resume from */
    boolean exists() {
        return Files.exists(file);
    }

    /** @return the checkpoint file */
    Path file() {
        return file;
    }

    /**
     * Copies the VTK snapshots written so far next to the checkpoint (those not copied yet: a snapshot is never
     * rewritten), then replaces the checkpoint by the run's state now.
     */
    void save(DemEngine engine, Protocol protocol, CompressionRecord record) throws IOException {
        Path folder = Files.createDirectories(file.resolveSibling(FILES));
        for (String name : record.vtkFiles()) {
            Path copy = folder.resolve(name);
            if (!Files.exists(copy)) {
                AtomicFiles.copy(context.results().file(name), copy);
            }
        }
        AtomicFiles.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            Checkpoint.write(engine, out);
            protocol.save(out);
            record.save(out);
            out.flush();
        });
    }

    /**
     * Restores the run's state from the checkpoint and puts the VTK snapshots the checkpoint's run wrote before it
     * into this run's results.
     */
    void restore(DemEngine engine, Protocol protocol, CompressionRecord record) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            Checkpoint.read(engine, in);
            protocol.load(in);
            record.load(in);
        }
        Path folder = file.resolveSibling(FILES);
        for (String name : record.vtkFiles()) {
            Path copy = folder.resolve(name);
            if (!Files.isRegularFile(copy)) {
                throw new IOException("the checkpoint " + file + " lists the snapshot " + name + ", but " + copy
                        + " is missing");
            }
            Files.copy(copy, context.results().file(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
