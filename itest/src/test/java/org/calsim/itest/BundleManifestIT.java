package org.calsim.itest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The export rules of the design: implementation bundles export nothing and publish services; the API
 * bundle exports every package with a version.
 */
class BundleManifestIT {

    @Test
    void implementationBundlesExportNothingAndTheApiExportsVersionedPackages() throws Exception {
        File[] jars = new File(System.getProperty("calsim.bundles.dir")).listFiles((d, n) -> n.endsWith(".jar"));
        assertNotNull(jars);
        int implementations = 0;
        boolean api = false;
        for (File jar : jars) {
            try (JarFile j = new JarFile(jar)) {
                Attributes m = j.getManifest().getMainAttributes();
                String bsn = m.getValue("Bundle-SymbolicName");
                if (bsn == null || !bsn.startsWith("org.calsim.") || bsn.startsWith("org.calsim.lib.")) {
                    continue;
                }
                String exports = m.getValue("Export-Package");
                if (bsn.equals("org.calsim.api")) {
                    api = true;
                    assertNotNull(exports, "the API bundle exports its packages");
                    for (String pkg : exports.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                        assertTrue(pkg.matches("org\\.calsim\\.api\\.[a-z]+;.*version=\"\\d+\\.\\d+\\.\\d+\".*"),
                                "unversioned export: " + pkg);
                    }
                } else {
                    implementations++;
                    assertNull(exports, bsn + " must export nothing, exports: " + exports);
                }
            }
        }
        assertTrue(api, "API bundle not found");
        assertFalse(implementations < 7, "expected the runtime and six model bundles, found " + implementations);
    }
}
