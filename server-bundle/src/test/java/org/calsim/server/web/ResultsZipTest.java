package org.calsim.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.calsim.server.FakeHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code results.zip}: files streamed, not read whole into memory; at most so many zips at once, then 503. */
class ResultsZipTest {
    private static final long BIG = 256L << 20;
    private static final String HEAP = "-Xmx48m";

    @TempDir
    Path folder;

    @Test
    void zipsTheResultFilesUnderTheJobsFolderName() throws Exception {
        Files.writeString(folder.resolve("summary.json"), "{}");
        Files.createDirectories(folder.resolve("dem.calender"));
        Files.writeString(folder.resolve("dem.calender/a.csv"), "x,y\n");
        Files.createDirectories(folder.resolve("checkpoints"));
        Files.writeString(folder.resolve("checkpoints/c.ckpt"), "x");
        FakeHttp.Response r = new FakeHttp.Response();
        new ResultsZip(1).send(7, folder, r.servlet());
        assertEquals(200, r.status);
        assertEquals("attachment; filename=\"job-7.zip\"", r.headers.get("content-disposition"));
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertEquals(List.of("job-7/dem.calender/a.csv", "job-7/summary.json"), names);
    }

    /** A 256 MB result file zipped by a JVM of 48 MB heap: only possible if the file is streamed. */
    @Test
    void aFileLargerThanTheHeapIsStreamed() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(folder.resolve("particles.vtp").toFile(), "rw")) {
            f.setLength(BIG); // sparse: quick to make, still BIG bytes to read
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-cp",
                System.getProperty("java.class.path"), ZipInSmallHeap.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("zipped " + BIG), out);
    }

    @Test
    void overTheCapTheAnswerIs503WithRetryAfter() throws Exception {
        Files.writeString(folder.resolve("summary.json"), "{}");
        ResultsZip zips = new ResultsZip(1);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OutputStream slow = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        };
        Thread first = new Thread(() -> {
            try {
                zips.send(1, folder, new FakeHttp.Response(slow).servlet());
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        first.start();
        assertTrue(writing.await(10, TimeUnit.SECONDS));
        FakeHttp.Response refused = new FakeHttp.Response();
        zips.send(2, folder, refused.servlet());
        assertEquals(503, refused.status);
        assertEquals(Integer.toString(ResultsZip.RETRY_AFTER_SECONDS), refused.headers.get("retry-after"));
        assertTrue(refused.text().contains("try again in"), refused.text());
        release.countDown();
        first.join();
        FakeHttp.Response after = new FakeHttp.Response();
        zips.send(3, folder, after.servlet());
        assertEquals(200, after.status);
    }

    /** Run in a JVM of small heap: zips the folder given as argument to nowhere and prints the bytes it read. */
    static final class ZipInSmallHeap {
        public static void main(String[] args) throws IOException {
            long[] read = {0};
            Path dir = Path.of(args[0]);
            ResultsZip.write(dir, "job-1/", OutputStream.nullOutputStream());
            for (String f : JobsServlet.files(dir)) {
                read[0] += Files.size(dir.resolve(f));
            }
            System.out.println("zipped " + read[0] + " bytes with " + Runtime.getRuntime().maxMemory() + " heap");
        }
    }
}
