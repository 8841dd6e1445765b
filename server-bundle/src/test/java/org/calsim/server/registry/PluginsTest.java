package org.calsim.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/** Deploying: refused on a {@code --no-deploy} server, and refused for a plugin named like a bundle of the container. */
class PluginsTest {
    private static final String DEM = "org.calsim.dem";

    @Test
    void aPluginCannotShadowABundleOfTheContainer() throws Exception {
        Plugins plugins = new Plugins(context(), null, null, null, deploy(true));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> plugins.deploy(jar(DEM)));
        assertEquals("bundle", e.field());
        assertTrue(e.getMessage().contains("org.calsim.dem is a bundle of the container (1.2.3)"), e.getMessage());
    }

    @Test
    void aNoDeployServerRefusesEveryPlugin() {
        Plugins plugins = new Plugins(context(), null, null, null, deploy(false));
        Exception e = assertThrows(Plugins.DeployDisabledException.class, () -> plugins.deploy(jar("org.lab.law")));
        assertTrue(e.getMessage().contains("--no-deploy"), e.getMessage());
    }

    /** @return a minimal plugin jar: a manifest with this name that imports the calsim API */
    static byte[] jar(String name) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", name);
        m.getMainAttributes().putValue("Import-Package", "org.calsim.api.contact;version=\"[1.0,2)\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return out.toByteArray();
    }

    /** @return a container holding {@value #DEM} 1.2.3, installed from the build, not from the deploy folder */
    private static BundleContext context() {
        Bundle dem = (Bundle) Proxy.newProxyInstance(PluginsTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getSymbolicName" -> DEM;
                    case "getLocation" -> "reference:file:/opt/calsim/bundles/dem-bundle.jar";
                    case "getVersion" -> new Version(1, 2, 3);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(PluginsTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getBundles" -> new Bundle[] {dem};
                    case "getProperty" -> "/tmp/calsim-plugins-test-deploy";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static Plugins.Config deploy(boolean enabled) {
        return new Plugins.Config() {
            @Override
            public boolean deploy_enabled() {
                return enabled;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return Plugins.Config.class;
            }
        };
    }
}
