package org.calsim.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.server.queue.InputsTooLargeException;
import org.calsim.server.queue.JobInputs;
import org.calsim.server.queue.JobQueue;
import org.calsim.server.store.JobRecord;

/**
 * {@code POST /api/jobs} as {@code multipart/form-data}: a job with its input files, for a job that reads an image
 * ({@code image.load}), a folder of TIFF slices or a particle dump ({@code packing.load}). The parts:
 * <ul>
 *   <li>{@code job}: the job file (YAML or JSON), as a field or a file ({@code curl -F job=@job.yaml});</li>
 *   <li>{@code set}: a {@code path=value} override, any number, after those of the query's {@code set};</li>
 *   <li>any other part with a file name: an input file, stored under that name, a relative path inside the job's
 *   inputs folder ({@code scan.tif}, {@code slices/slice-000.tif}: what a browser sends for a folder picked with
 *   {@code webkitdirectory}).</li>
 * </ul>
 * The servlet container parses the body (the Servlet API's {@link HttpServletRequest#getParts()}, enabled on
 * {@link JobsServlet} through the Http Whiteboard, which spools each part above {@value #IN_MEMORY_BYTES} bytes to a
 * temporary file); each file part is then moved into the submission's staging folder ({@link JobInputs}), never held in
 * memory. The body must announce its length, which must be within {@code upload.max.bytes}: it is checked before a
 * byte is read (411, 413). A name that is not allowed is 400 naming the part and what is allowed; more files than
 * {@code upload.max.files} is 413; a job that names a file it was not given is refused by the job check, 400 naming
 * the job's field. A refused submission leaves no file behind.
 */
final class JobUpload {
    /** The part holding the job file. */
    static final String JOB = "job";
    /** The parts holding overrides. */
    static final String SET = "set";
    /** Parts up to this size stay in memory while the container parses the body; larger ones go to a file. */
    static final int IN_MEMORY_BYTES = 1024;
    /**
     * The most parts the container parses, whatever the configuration: the most files a server can be configured to
     * take, and the job and its overrides. It bounds what parsing a body holds in memory.
     */
    static final long MAX_PARTS = JobInputs.MOST_FILES + 1_000L;
    /** Felix HTTP's service property for {@link #MAX_PARTS}: the number of parts of a body (50 unless set). */
    static final String MAX_PARTS_PROPERTY = "osgi.http.whiteboard.servlet.multipart.maxFileCount";
    private final JobQueue queue;

    JobUpload(JobQueue queue) {
        this.queue = queue;
    }

    /** @return whether the request is a multipart form, which this class takes */
    static boolean accepts(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Answers a multipart submission: 201 with the job, or 400, 411, 413 saying what is wrong. */
    void submit(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        JobInputs.Limits limits = queue.inputLimits();
        long length = request.getContentLengthLong();
        if (length < 0) {
            ApiJson.error(response, HttpServletResponse.SC_LENGTH_REQUIRED, "a multipart/form-data submission must "
                    + "give its Content-Length (at most " + limits.maxBytes() + " bytes, the server's "
                    + "upload.max.bytes); send it in one piece, not chunked");
            return;
        }
        if (length > limits.maxBytes()) {
            ApiJson.error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, limits.tooManyBytes(length));
            return;
        }
        Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (IOException | ServletException | IllegalStateException e) {
            unreadable(e, response);
            return;
        }
        try (JobInputs inputs = queue.stageInputs()) {
            List<String> overrides = new ArrayList<>(querySets(request.getQueryString()));
            String source = null;
            for (Part p : parts) {
                if (JOB.equals(p.getName())) {
                    if (source != null) {
                        throw new InvalidInputException(JOB, "(a second job part)", "one part named job");
                    }
                    source = text(p);
                } else if (SET.equals(p.getName())) {
                    overrides.add(text(p));
                } else {
                    String name = fileName(p);
                    if (name == null) {
                        throw new InvalidInputException(p.getName(), "(a form field)", "a part named job (the job "
                                + "file), set (a path=value override), or a file part holding an input file");
                    }
                    p.write(inputs.place(p.getName(), name, p.getSize()).toString());
                }
            }
            if (source == null) {
                throw new InvalidInputException(JOB, null, "a part named job holding the job file (YAML or JSON)");
            }
            JobRecord r = queue.submit(source, overrides, inputs);
            response.setHeader("Location", "/api/jobs/" + r.id());
            ApiJson.send(response, 201, ApiJson.job(r, queue));
        } catch (InvalidInputException e) {
            ApiJson.badInput(response, e);
        } catch (InputsTooLargeException e) {
            ApiJson.error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        } finally {
            for (Part p : parts) {
                p.delete(); // the container's temporary file, if the part was not moved
            }
        }
    }

    /** Answers a body the container could not parse: 413 if it has more than {@link #MAX_PARTS} parts, else 400. */
    private static void unreadable(Exception e, HttpServletResponse response) throws IOException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Felix HTTP's multipart parsers (commons-fileupload's, its own) name the error for the part limit thus
            if (t.getClass().getSimpleName().equals("FileCountLimitExceededException")) {
                ApiJson.error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "the submission has more "
                        + "parts than the " + MAX_PARTS + " this server reads: at most " + JobInputs.MOST_FILES
                        + " input files, whatever its upload.max.files allows, and the job and its set parts");
                return;
            }
        }
        ApiJson.error(response, HttpServletResponse.SC_BAD_REQUEST, "the body is not a readable multipart/form-data "
                + "form: parts named job (the job file), set (overrides) and input files with their names");
    }

    /**
     * @return the file name a part was sent with, or null for a form field
     * @throws InvalidInputException if the container refuses to give it (commons-fileupload, which Felix HTTP parses
     *                               with, throws for a name with a NUL character)
     */
    private static String fileName(Part p) {
        try {
            return p.getSubmittedFileName();
        } catch (RuntimeException e) {
            throw new InvalidInputException(p.getName(), "(a file name the server cannot read)", JobInputs.NAMES);
        }
    }

    /**
     * @return a text part (the job, an override) as UTF-8 text
     * @throws InputsTooLargeException if it is longer than {@link JobsServlet#MAX_JOB_BYTES}, as a job file may not be
     */
    private static String text(Part p) throws IOException, InputsTooLargeException {
        try (InputStream in = p.getInputStream()) {
            byte[] bytes = in.readNBytes(JobsServlet.MAX_JOB_BYTES + 1);
            if (bytes.length > JobsServlet.MAX_JOB_BYTES) {
                throw new InputsTooLargeException("the part " + p.getName() + " is " + p.getSize() + " bytes; a job "
                        + "file or an override of at most " + JobsServlet.MAX_JOB_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** @return the values of {@code set} in a query string (well formed: {@link GuardedServlet} checked it) */
    private static List<String> querySets(String query) {
        List<String> out = new ArrayList<>();
        if (query == null) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(SET)) {
                out.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
