package org.calsim.fem.image;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.calsim.api.testing.TestStageContext;

/** image.load jobs for the image tests: the stage's fields for a file, and a run of the stage. */
final class ImageJobs {
    private ImageJobs() {
    }

    /** @return the context after image.load ran with these fields */
    static TestStageContext load(Map<String, ?> with) throws Exception {
        return new TestStageContext().run(new ImageLoadStage(), with);
    }

    /** @return the fields: the file at 1 µm voxels, then name–value pairs added or replaced */
    static Map<String, Object> with(Path file, Object... more) {
        Map<String, Object> map = new HashMap<>(Map.of("file", file, "voxel_size_um", 1.0));
        for (int i = 0; i < more.length; i += 2) {
            map.put((String) more[i], more[i + 1]);
        }
        return map;
    }
}
