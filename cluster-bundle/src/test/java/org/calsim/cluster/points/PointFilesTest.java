package org.calsim.cluster.points;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointFilesTest {
    @TempDir
    Path dir;

    @Test
    void smallFilesTravelByteForByteAndLargeOnesStayListed() throws IOException {
        Path member = dir.resolve("member/p0001");
        Files.createDirectories(member.resolve("plots"));
        Files.writeString(member.resolve("summary.json"), "{\"porosity\": 0.31}");
        byte[] png = new byte[5000];
        for (int i = 0; i < png.length; i++) {
            png[i] = (byte) (i * 31);
        }
        Files.write(member.resolve("plots/curve.png"), png);
        Files.write(member.resolve("particles.vtk"), new byte[(int) PointFiles.MAX_FILE + 1]);

        PointFiles.Packed packed = PointFiles.pack(member);
        assertEquals(List.of("particles.vtk"), packed.leftBehind());
        assertEquals(2, packed.files().size());

        Path here = dir.resolve("here/p0001");
        Files.createDirectories(here);
        Files.writeString(here.resolve("stale.txt"), "from an earlier run");
        PointFiles.unpack(packed.files(), here);
        assertEquals("{\"porosity\": 0.31}", Files.readString(here.resolve("summary.json")));
        assertArrayEquals(png, Files.readAllBytes(here.resolve("plots/curve.png")));
        assertFalse(Files.exists(here.resolve("stale.txt")), "the folder holds this result only");
    }

    @Test
    void refusesAPathThatLeavesTheFolder() {
        Map<String, String> forged = Map.of("../outside.txt", Base64.getEncoder().encodeToString(new byte[] {1}));
        IOException e = assertThrows(IOException.class, () -> PointFiles.unpack(forged, dir.resolve("p")));
        assertTrue(e.getMessage().contains("outside its folder"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("outside.txt")));
    }
}
