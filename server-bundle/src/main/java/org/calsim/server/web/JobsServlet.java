package org.calsim.server.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.server.queue.JobInputs;
import org.calsim.server.queue.JobQueue;
import org.calsim.server.security.RequestGuard;
import org.calsim.server.store.JobRecord;
import org.calsim.server.store.LabStore;
import org.calsim.support.json.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The jobs of the lab server, under {@code /api/jobs}:
 * <ul>
 *   <li>{@code GET /api/jobs[?state=&name=&limit=]}: the jobs, newest first;</li>
 *   <li>{@code POST /api/jobs[?set=path=value…]}: submit a job file (YAML or JSON body, as for the CLI); 201 with the
 *   job, or 400 naming the field, the value and what is allowed. As {@code multipart/form-data}, a job with its input
 *   files ({@link JobUpload});</li>
 *   <li>{@code GET /api/jobs/{id}}: the job with its progress, its {@code summary.json} once written, its result
 *   files ({@code files}) and, if it was submitted with input files, those apart ({@code inputs});</li>
 *   <li>{@code GET /api/jobs/{id}/events}: server-sent events {@code progress} while it runs, then {@code end};</li>
 *   <li>{@code POST /api/jobs/{id}/cancel};</li>
 *   <li>{@code DELETE /api/jobs/{id}}: a job that has ended, with its results and input files;</li>
 *   <li>{@code GET /api/jobs/{id}/files/{path}}: one result file, as a download (PNG plots shown inline), or one input
 *   file as {@code inputs/{name}}; {@code GET /api/jobs/{id}/results.zip}: all result files (not the inputs),
 *   streamed, a few at once ({@link ResultsZip}).</li>
 * </ul>
 * Every request passes the {@link RequestGuard} in the servlet itself (see {@link GuardedServlet}), so none reaches it
 * unguarded, also in the moment after a start. File paths are resolved inside the job's results folder only: anything that leads outside it (.., absolute paths,
 * symbolic links) is 404.
 */
@Component(service = Servlet.class, property = JobUpload.MAX_PARTS_PROPERTY + ":Long=" + JobUpload.MAX_PARTS)
@HttpWhiteboardServletPattern({"/api/jobs", "/api/jobs/*"})
@HttpWhiteboardServletMultipart(fileSizeThreshold = JobUpload.IN_MEMORY_BYTES)
public final class JobsServlet extends GuardedServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_LIST = 1000;
    /** The largest job file. */
    static final int MAX_JOB_BYTES = 1 << 20;
    private static final long HEARTBEAT_SECONDS = 15;
    private static final int RETRY_AFTER_SECONDS = 10;
    private final transient LabStore store;
    private final transient JobQueue queue;
    private final transient JobUpload uploads;
    private final transient ResultsZip zips = new ResultsZip(ResultsZip.MAX_CONCURRENT);
    private final transient StreamSlots streams = new StreamSlots(StreamSlots.PER_JOB, StreamSlots.OVERALL);

    @Activate
    public JobsServlet(@Reference LabStore store, @Reference JobQueue queue, @Reference RequestGuard guard) {
        super(guard);
        this.store = store;
        this.queue = queue;
        this.uploads = new JobUpload(queue);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = parts(request);
        try {
            if (path.isEmpty()) {
                list(request, response);
                return;
            }
            Optional<JobRecord> job = job(path.get(0));
            if (job.isEmpty()) {
                ApiJson.error(response, 404, "no job " + path.get(0));
                return;
            }
            if (path.size() == 1) {
                show(job.get(), response);
            } else if (path.size() == 2 && path.get(1).equals("events")) {
                events(job.get().id(), response);
            } else if (path.size() == 2 && path.get(1).equals("results.zip")) {
                zips.send(job.get().id(), queue.folder(job.get().id()), response);
            } else if (path.size() >= 3 && path.get(1).equals("files")) {
                file(job.get().id(), path.subList(2, path.size()), response);
            } else {
                ApiJson.error(response, 404, "no such resource: " + request.getRequestURI());
            }
        } catch (SQLException e) {
            ApiJson.error(response, 503, "the database cannot be read: " + e.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = parts(request);
        try {
            if (path.isEmpty()) {
                submit(request, response);
            } else if (path.size() == 2 && path.get(1).equals("cancel")) {
                Optional<JobRecord> job = job(path.get(0));
                if (job.isEmpty()) {
                    ApiJson.error(response, 404, "no job " + path.get(0));
                } else if (!queue.cancel(job.get().id())) {
                    ApiJson.error(response, 409, "job " + job.get().id() + " has already ended (" + job.get().state()
                            + ")");
                } else {
                    ApiJson.send(response, 202, ApiJson.job(store.job(job.get().id()).orElseThrow(), queue));
                }
            } else {
                ApiJson.error(response, 404, "no such resource: " + request.getRequestURI());
            }
        } catch (SQLException e) {
            ApiJson.error(response, 503, "the database cannot be written: " + e.getMessage());
        }
    }

    /** {@code DELETE /api/jobs/{id}}: a job that has ended, with its results; 409 if it is queued or running. */
    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = parts(request);
        try {
            Optional<JobRecord> job = path.size() == 1 ? job(path.get(0)) : Optional.empty();
            if (job.isEmpty()) {
                ApiJson.error(response, 404, path.size() == 1 ? "no job " + path.get(0)
                        : "DELETE /api/jobs/{id} deletes a job that has ended");
            } else if (!queue.delete(job.get().id())) {
                ApiJson.error(response, 409, "job " + job.get().id() + " is " + store.job(job.get().id())
                        .map(JobRecord::state).orElse("gone") + "; cancel it first, then delete it once it has ended");
            } else {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
        } catch (SQLException e) {
            ApiJson.error(response, 503, "the database cannot be written: " + e.getMessage());
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        String state = request.getParameter("state");
        if (state != null && !List.of("queued", "running", "succeeded", "failed", "cancelled").contains(state)) {
            ApiJson.badInput(response, new InvalidInputException("state", state,
                    "queued, running, succeeded, failed or cancelled"));
            return;
        }
        int limit = MAX_LIST;
        String l = request.getParameter("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIST) {
                ApiJson.badInput(response, new InvalidInputException("limit", l, "a whole number from 1 to " + MAX_LIST));
                return;
            }
        }
        ArrayNode out = Json.array();
        for (JobRecord r : store.jobs(state, request.getParameter("name"), limit)) {
            out.add(ApiJson.job(r, queue));
        }
        ApiJson.send(response, 200, out);
    }

    private void submit(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        if (JobUpload.accepts(request)) {
            uploads.submit(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_JOB_BYTES) {
            ApiJson.error(response, 413, "a job file of at most " + MAX_JOB_BYTES + " bytes");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_JOB_BYTES + 1);
        if (body.length > MAX_JOB_BYTES) {
            ApiJson.error(response, 413, "a job file of at most " + MAX_JOB_BYTES + " bytes");
            return;
        }
        String[] set = request.getParameterValues("set");
        try {
            JobRecord r = queue.submit(new String(body, StandardCharsets.UTF_8), set == null ? List.of() : List.of(set));
            response.setHeader("Location", "/api/jobs/" + r.id());
            ApiJson.send(response, 201, ApiJson.job(r, queue));
        } catch (InvalidInputException e) {
            ApiJson.badInput(response, e);
        }
    }

    private void show(JobRecord r, HttpServletResponse response) throws IOException {
        ObjectNode n = ApiJson.job(r, queue);
        n.put("source", r.source());
        Path folder = queue.folder(r.id());
        Path summary = folder.resolve("summary.json");
        if (Files.isRegularFile(summary)) {
            n.set("summary", Json.read(summary));
        }
        ArrayNode files = n.putArray("files");
        for (String f : files(folder)) {
            files.add(f);
        }
        List<String> inputs = JobInputs.names(queue.inputsFolder(r.id()));
        if (!inputs.isEmpty()) {
            inputs.forEach(n.putArray("inputs")::add);
        }
        ApiJson.send(response, 200, n);
    }

    /**
     * Server-sent events: the job's state and progress at each change (at most 5 a second), then {@code end}; at most
     * {@value StreamSlots#PER_JOB} streams per job and {@value StreamSlots#OVERALL} in all ({@link StreamSlots}).
     */
    private void events(long id, HttpServletResponse response) throws IOException, SQLException {
        if (!streams.take(id)) {
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            ApiJson.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "as many event streams are open as the "
                    + "server allows (" + StreamSlots.PER_JOB + " per job, " + StreamSlots.OVERALL + " in all); try "
                    + "again in " + RETRY_AFTER_SECONDS + " s, or poll GET /api/jobs/" + id);
            return;
        }
        try {
            stream(id, response);
        } finally {
            streams.release(id);
        }
    }

    private void stream(long id, HttpServletResponse response) throws IOException, SQLException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        ReentrantLock lock = new ReentrantLock();
        Condition changed = lock.newCondition();
        boolean[] dirty = {true};
        Consumer<Long> watcher = j -> {
            if (j == id) {
                lock.lock();
                try {
                    dirty[0] = true;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        };
        queue.watch(watcher);
        try {
            while (true) {
                lock.lock();
                try {
                    if (!dirty[0]) {
                        changed.await(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                    }
                    dirty[0] = false;
                } finally {
                    lock.unlock();
                }
                JobRecord r = store.job(id).orElseThrow();
                out.write("event: " + (r.ended() ? "end" : "progress") + "\ndata: "
                        + Json.compact().writeValueAsString(ApiJson.job(r, queue)) + "\n\n");
                out.flush();
                if (out.checkError() || r.ended()) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            queue.unwatch(watcher);
        }
    }

    private void file(long id, List<String> relative, HttpServletResponse response) throws IOException {
        Path folder = queue.folder(id).toAbsolutePath().normalize();
        Path file = folder.resolve(String.join("/", relative)).normalize();
        // one open file for length and content: a file replaced meanwhile (summary.json is written by renaming
        // a new one over it) is sent whole, as it was when opened; one that vanished is 404
        FileChannel channel;
        try {
            if (!file.startsWith(folder) || !Files.isRegularFile(file)
                    || !file.toRealPath().startsWith(folder.toRealPath())) {
                ApiJson.error(response, 404, "job " + id + " has no result file " + String.join("/", relative));
                return;
            }
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            ApiJson.error(response, 404, "job " + id + " has no result file " + String.join("/", relative));
            return;
        }
        String name = file.getFileName().toString();
        String type = name.endsWith(".png") ? "image/png" : name.endsWith(".json") ? "application/json"
                : name.endsWith(".csv") ? "text/csv" : name.endsWith(".svg") ? "image/svg+xml"
                : "application/octet-stream";
        try (channel; OutputStream out = response.getOutputStream()) {
            response.setContentType(type);
            response.setHeader("Content-Disposition", type.equals("image/png") ? inline(name) : attachment(name));
            response.setContentLengthLong(channel.size());
            Channels.newInputStream(channel).transferTo(out);
        }
    }

    /**
     * @return the result files of a job, relative to its folder, without checkpoints, its input files
     *         ({@value JobInputs#FOLDER}{@code /}, listed apart), staging folders and other hidden files (a stage
     *         writes {@code .name.part} and renames it). A running job creates, renames and deletes files while this
     *         walks its folder: what vanishes on the way is left out.
     */
    static List<String> files(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.equals(folder) ? "" : folder.relativize(dir).toString().replace('\\', '/');
                return name.equals("checkpoints") || name.equals(JobInputs.FOLDER) || name.startsWith(".")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                if (attrs.isRegularFile() && !name.startsWith(".") && !file.getFileName().toString().startsWith(".")) {
                    out.add(name);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted or renamed since its folder was read
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(out);
        return out;
    }

    /**
     * @return a {@code Content-Disposition} that makes a browser save the file instead of showing it (an SVG or an HTML
     *         file written by a job never runs in the server's origin), under its name with anything but letters,
     *         digits, '.', '-' and '_' replaced by '_'
     */
    static String attachment(String name) {
        return "attachment; filename=\"" + safe(name) + "\"";
    }

    /**
     * @return a {@code Content-Disposition} that lets a browser show the file (for PNG plots, which carry no script,
     *         so that "open at full size" shows the plot), under a name as in {@link #attachment}
     */
    static String inline(String name) {
        return "inline; filename=\"" + safe(name) + "\"";
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private Optional<JobRecord> job(String id) throws SQLException {
        try {
            return store.job(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> parts(HttpServletRequest request) {
        String info = request.getPathInfo();
        List<String> out = new ArrayList<>();
        if (info != null) {
            for (String p : info.split("/")) {
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
