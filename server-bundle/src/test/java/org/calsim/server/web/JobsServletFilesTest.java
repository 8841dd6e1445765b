package org.calsim.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file list of a job while the job writes: what vanishes during the walk is left out, never an error. */
class JobsServletFilesTest {
    @TempDir
    Path folder;

    @Test
    void listsResultFilesWithoutCheckpointsAndHiddenFiles() throws Exception {
        Files.writeString(folder.resolve("summary.json"), "{}");
        Files.createDirectories(folder.resolve("dem.calender"));
        Files.writeString(folder.resolve("dem.calender/particles-final.vtp"), "x");
        Files.createDirectories(folder.resolve("checkpoints/dem.calender"));
        Files.writeString(folder.resolve("checkpoints/dem.calender/dem-calender.ckpt"), "x");
        Files.createDirectories(folder.resolve(".staging-fem.voxelise"));
        Files.writeString(folder.resolve(".staging-fem.voxelise/image.vti"), "x");
        Files.writeString(folder.resolve(".calsim-results"), "");
        Files.writeString(folder.resolve(".dem.calender-stress.png.part"), "x");
        assertEquals(List.of("dem.calender/particles-final.vtp", "summary.json"), JobsServlet.files(folder));
    }

    @Test
    void filesThatVanishDuringTheWalkAreLeftOut() throws Exception {
        Files.writeString(folder.resolve("summary.json"), "{}");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailed = new AtomicReference<>();
        // what a running job does: temporary files renamed into place, staging folders published and removed
        Thread writer = new Thread(() -> {
            try {
                for (int k = 0; !stop.get(); k++) {
                    Path part = folder.resolve(".plot-" + k + ".png.part");
                    Files.writeString(part, "png");
                    Files.move(part, folder.resolve("plot-" + (k % 5) + ".png"), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                    Path staging = Files.createDirectories(folder.resolve(".staging-stage"));
                    Files.writeString(staging.resolve("a.vtp"), "vtp");
                    Path published = folder.resolve("stage");
                    if (Files.exists(published)) {
                        Files.delete(published.resolve("a.vtp"));
                        Files.delete(published);
                    }
                    Files.move(staging, published, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (Exception e) {
                writerFailed.set(e);
            }
        });
        writer.start();
        try {
            long end = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < end) {
                List<String> files = JobsServlet.files(folder); // throws if a vanished entry is not tolerated
                assertEquals(true, files.contains("summary.json"), files.toString());
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertEquals(null, writerFailed.get());
    }
}
