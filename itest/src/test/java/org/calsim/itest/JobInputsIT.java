package org.calsim.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.inject.Inject;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobService;
import org.calsim.api.stage.InvalidInputException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The files a job reads, as the runtime lists them in the container for shipping a job to a cluster member
 * ({@link JobService#inputFiles}): a series of TIFF slices named by its first file brings every slice along (the
 * image stage names them through {@code Solver.filesRead}), and a slice that is a link out of the job's folder is
 * refused naming the field.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JobInputsIT {

    @Inject
    private JobService jobs;

    @Configuration
    public Option[] config() {
        return options(new HotSwapIT().config());
    }

    private static final String JOB = String.join("\n",
            "name: slices",
            "recipe: {active_material: NMC622, initial_porosity: 0.45, active_loading_mg_per_cm2: 20}",
            "calendering: {line_load_kN_per_m: 50}",
            "stages:",
            "  - use: image.load",
            "    with: {file: scan/s00.tif, format: tiff_slices, voxel_size_um: 1, am_labels: [1]}",
            "  - use: fem.microstructure");

    @Test
    public void aSliceSeriesTravelsWholeAndALinkOutOfTheFolderIsRefused() throws Exception {
        Path dir = Files.createTempDirectory("calsim-inputs");
        Path scan = Files.createDirectories(dir.resolve("scan"));
        for (int k = 0; k < 3; k++) {
            BufferedImage slice = new BufferedImage(6, 5, BufferedImage.TYPE_BYTE_GRAY);
            slice.getRaster().setSample(k, 2, 0, 1);
            assertTrue(ImageIO.write(slice, "TIFF", scan.resolve(String.format("s%02d.tif", k)).toFile()));
        }
        Files.writeString(scan.resolve("notes.txt"), "not a slice");
        JobRequest request = new JobRequest(JOB, dir, dir.resolve("out"), List.of());
        assertEquals(List.of("scan/s00.tif", "scan/s01.tif", "scan/s02.tif"), jobs.inputFiles(request));

        Path outside = Files.createTempDirectory("calsim-outside");
        Files.move(scan.resolve("s02.tif"), outside.resolve("s02.tif"));
        Files.createSymbolicLink(scan.resolve("s02.tif"), outside.resolve("s02.tif"));
        try {
            jobs.inputFiles(request);
            throw new AssertionError("a slice linked from outside the job's folder was accepted");
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("stages[0].with.file"));
            assertTrue(e.getMessage(), e.getMessage().contains("s02.tif"));
        }
    }
}
