package org.calsim.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Deploying: refused on a {@code --no-deploy} server, and refused for a plugin named like a bundle of the container; a
 * plugin whose component never registers (a reference nothing satisfies) gets an answer in bounded time that names
 * the component's state, and one that registers is answered at once.
 */
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

    @TempDir
    Path folder;

    @Test
    void aComponentThatNeverRegistersIsNamedWithItsStateInBoundedTime() throws Exception {
        Plugins plugins = new Plugins(context(folder, PLUGIN), null, null,
                components(ComponentConfigurationDTO.UNSATISFIED_REFERENCE), deploy(true));
        long start = System.nanoTime();
        Plugins.Deployed d = plugins.deploy(jar(PLUGIN));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(d.active());
        assertEquals(Map.of(COMPONENT, "unsatisfied reference"), d.components());
        assertTrue(seconds < 10, "answered after the settling time, not hung: " + seconds + " s");
        assertTrue(Files.isRegularFile(folder.resolve(PLUGIN + ".jar")), "the jar is in the deploy folder");
    }

    @Test
    void aComponentThatRegistersIsNamedAsSatisfied() throws Exception {
        Plugins plugins = new Plugins(context(folder, PLUGIN), null, null,
                components(ComponentConfigurationDTO.SATISFIED), deploy(true));
        Plugins.Deployed d = plugins.deploy(jar(PLUGIN));
        assertEquals(Map.of(COMPONENT, "satisfied"), d.components());
    }

    private static final String PLUGIN = "org.lab.law";
    private static final String COMPONENT = "org.lab.law.<b>Walton</b>";

    /** @return a container whose deploy folder is {@code folder} and which holds the plugin, active, from it */
    private static BundleContext context(Path folder, String plugin) {
        Hashtable<String, String> headers = new Hashtable<>();
        headers.put("Service-Component", "OSGI-INF/law.xml");
        Bundle b = (Bundle) Proxy.newProxyInstance(PluginsTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getSymbolicName" -> plugin;
                    case "getLocation" -> folder.resolve(plugin + ".jar").toUri().toString();
                    case "getState" -> Bundle.ACTIVE;
                    case "getHeaders" -> headers;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(PluginsTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getBundles" -> new Bundle[] {b};
                    case "getProperty" -> folder.toString();
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** @return a component runtime with one enabled component whose one configuration is in {@code state} */
    private static ServiceComponentRuntime components(int state) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = COMPONENT;
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.state = state;
        return (ServiceComponentRuntime) Proxy.newProxyInstance(PluginsTest.class.getClassLoader(),
                new Class<?>[] {ServiceComponentRuntime.class}, (p, m, a) -> switch (m.getName()) {
                    case "getComponentDescriptionDTOs" -> List.of(d);
                    case "isComponentEnabled" -> true;
                    case "getComponentConfigurationDTOs" -> List.of(c);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
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
