package org.calsim.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/jobs/{id}/results.zip}: a job's result files as one zip, streamed file by file (a file is read in
 * small blocks as it is compressed, never whole into memory, so a VTK file of gigabytes costs no heap), and at most
 * {@link #MAX_CONCURRENT} at once: the next one is answered 503 with {@code Retry-After}, so that a few clients cannot
 * tie up every thread and the disk of a lab server.
 */
final class ResultsZip {
    /** How many zips are written at once. */
    static final int MAX_CONCURRENT = 4;
    /** What a client refused for the cap is told to wait, in seconds. */
    static final int RETRY_AFTER_SECONDS = 10;
    private static final String MAX_CONCURRENT_TEXT = "the server is sending as many results.zip as it allows at once; "
            + "try again in " + RETRY_AFTER_SECONDS + " s, or download single files";
    private final Semaphore slots;

    ResultsZip(int maxConcurrent) {
        slots = new Semaphore(maxConcurrent);
    }

    /** Sends the files of job {@code id}, in {@code folder}, as {@code job-<id>.zip}; or 503 if too many are sent. */
    void send(long id, Path folder, HttpServletResponse response) throws IOException {
        if (!slots.tryAcquire()) {
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            ApiJson.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, MAX_CONCURRENT_TEXT);
            return;
        }
        try {
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition", JobsServlet.attachment("job-" + id + ".zip"));
            write(folder, "job-" + id + "/", response.getOutputStream());
        } finally {
            slots.release();
        }
    }

    /**
     * Writes the result files of {@code folder} ({@link JobsServlet#files(Path)}) to {@code out} as a zip whose entries
     * start with {@code prefix}, streaming each file. A file removed since it was listed (a running job's temporary
     * file) is left out; symbolic links are not followed.
     */
    static void write(Path folder, String prefix, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String f : JobsServlet.files(folder)) {
                InputStream in;
                try {
                    in = Files.newInputStream(folder.resolve(f), LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // removed since it was listed: a running job's staging or temporary file
                }
                try (in) {
                    zip.putNextEntry(new ZipEntry(prefix + f));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
    }
}
