package org.calsim.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's annotated job is the main job file as it is, not an older copy of it. */
class ReadmeTest {
    private static final String MARKER = "The annotated main job, `examples/quickstart.yaml`, as it is";

    @Test
    void theAnnotatedJobIsTheQuickstartFile() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent(); // tests run in the runtime module's folder
        String readme = Files.readString(root.resolve("README.md"));
        int at = readme.indexOf(MARKER);
        assertTrue(at >= 0, "README introduces the annotated job with: " + MARKER);
        int start = readme.indexOf("```yaml\n", at) + "```yaml\n".length();
        String shown = readme.substring(start, readme.indexOf("```\n", start));
        assertEquals(Files.readString(root.resolve("examples/quickstart.yaml")), shown,
                "README 'Job files' shows examples/quickstart.yaml as it is");
    }
}
