package org.calsim.server.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.server.queue.InputsTooLargeException;
import org.calsim.server.queue.JobInputs;
import org.calsim.server.queue.JobQueue;
import org.calsim.server.registry.Plugins;
import org.calsim.server.store.JobRecord;
import org.calsim.server.store.LabStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands of the lab server, the same operations as its REST API: {@code calsim:jobs [state]},
 * {@code calsim:submit FILE [path=value …]}, {@code calsim:submitWith FILE INPUTS [path=value …]} (a job with input
 * files: a folder's files or one file), {@code calsim:cancel ID}, {@code calsim:deploy JAR},
 * {@code calsim:undeploy NAME}, {@code calsim:swap NAME IMPLEMENTATION}. Present while the server runs.
 */
@Component(service = LabCommands.class, configurationPid = LabStore.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = {"osgi.command.scope=calsim",
            "osgi.command.function=jobs", "osgi.command.function=submit", "osgi.command.function=submitWith",
            "osgi.command.function=cancel", "osgi.command.function=deploy", "osgi.command.function=undeploy",
            "osgi.command.function=swap"})
public final class LabCommands {
    /** The field named in messages about input files given to {@link #submitWith}. */
    static final String INPUTS = "inputs";
    private final LabStore store;
    private final JobQueue queue;
    private final Plugins plugins;

    /** The commands of the server whose jobs are in {@code store} and {@code queue}. */
    @Activate
    public LabCommands(@Reference LabStore store, @Reference JobQueue queue, @Reference Plugins plugins) {
        this.store = store;
        this.queue = queue;
        this.plugins = plugins;
    }

    /** Lists the newest 50 jobs. */
    public String jobs() throws SQLException {
        return jobs(null);
    }

    /** Lists the newest 50 jobs in a state (queued, running, succeeded, failed, cancelled). */
    public String jobs(String state) throws SQLException {
        StringBuilder sb = new StringBuilder(String.format("%6s  %-10s %-30s %s%n", "ID", "STATE", "NAME", "PROGRESS"));
        for (JobRecord r : store.jobs(state, null, 50)) {
            String progress = queue.progress(r.id()).map(p -> String.format("%3.0f%% %s", 100 * p.overall(), p.stage()))
                    .orElse(r.error() == null ? "" : r.error());
            sb.append(String.format("%6d  %-10s %-30s %s%n", r.id(), r.state(), r.name(), progress));
        }
        return sb.toString();
    }

    /** Submits a job file, with optional {@code path=value} overrides. */
    public String submit(String file, String... overrides) throws IOException, SQLException {
        JobRecord r = queue.submit(Files.readString(Path.of(file), StandardCharsets.UTF_8), Arrays.asList(overrides));
        return "job " + r.id() + " (" + r.name() + ") queued";
    }

    /**
     * Submits a job file with input files, with optional {@code path=value} overrides: the files of the folder
     * {@code inputs}, each under its path relative to it ({@code slices/slice_0000.tif}), or the one file
     * {@code inputs} under its name. The job's file parameters name them so; it is refused, with nothing stored, if it
     * names a file that is not among them.
     */
    public String submitWith(String file, String inputs, String... overrides)
            throws IOException, SQLException, InputsTooLargeException {
        String source = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        Path from = Path.of(inputs);
        if (!Files.exists(from)) {
            throw new InvalidInputException(INPUTS, inputs, "a folder or a file that exists");
        }
        try (JobInputs staged = queue.stageInputs(); Stream<Path> all = Files.walk(from)) {
            for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                String name = f.equals(from) ? f.getFileName().toString()
                        : from.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                Files.copy(f, staged.place(INPUTS, name, Files.size(f)));
            }
            JobRecord r = queue.submit(source, Arrays.asList(overrides), staged);
            return "job " + r.id() + " (" + r.name() + ") queued with " + staged.count() + " input file(s)";
        }
    }

    /** Cancels a job. */
    public String cancel(long id) throws SQLException {
        return queue.cancel(id) ? "job " + id + " cancelled" : "job " + id + " has already ended or does not exist";
    }

    /** Deploys a plugin bundle (a jar file). */
    public String deploy(String jar) throws IOException {
        Plugins.Deployed d = plugins.deploy(Files.readAllBytes(Path.of(jar)));
        return d.symbolicName() + (d.active() ? " active" + (d.components().isEmpty() ? "" : "; components: "
                + d.components()) : " deployed, not active yet");
    }

    /** Undeploys a bundle deployed through the deploy folder. */
    public String undeploy(String symbolicName) throws IOException {
        return symbolicName + (plugins.undeploy(symbolicName) ? " removed" : " being removed");
    }

    /** Makes an implementation (component name) the one a name resolves to. */
    public String swap(String name, String implementation) throws IOException {
        return name + " now resolves to " + implementation + " (ranking " + plugins.swap(name, implementation) + ")";
    }
}
