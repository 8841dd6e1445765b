package org.calsim.server.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.calsim.api.job.RegisteredService;
import org.calsim.api.job.Registry;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.support.files.AtomicFiles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.calsim.server.store.LabStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Changing what the running container holds, for the REST API and the shell: deploying and undeploying plugin
 * bundles through the deploy folder that FileInstall watches, and choosing which implementation a name resolves to
 * by giving its component the highest {@code service.ranking} through Configuration Admin, in the configuration PID its
 * component description names (found through the {@link ServiceComponentRuntime}; running jobs switch at
 * their next step and record it in their provenance, as with any hot swap).
 */
@Component(service = Plugins.class, configurationPid = LabStore.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class Plugins {
    /** Largest bundle accepted [bytes]. */
    public static final int MAX_BUNDLE_BYTES = 50 << 20;
    private static final long WAIT_MILLIS = 20_000;
    private static final long SETTLE_MILLIS = 5_000;
    private static final String SERVICE_COMPONENT = "Service-Component";
    private static final String NAME = "[A-Za-z0-9._-]+";
    private final BundleContext context;
    private final Registry registry;
    private final ConfigurationAdmin configurations;
    private final ServiceComponentRuntime components;

    /**
     * A bundle after deployment.
     *
     * @param symbolicName its name
     * @param bundle       the installed bundle, or null if FileInstall has not installed it yet
     * @param active       whether it is active
     * @param components   its Declarative Services components by name, each with its state ("active", "satisfied",
     *                     "unsatisfied reference", …): "satisfied" and "active" ones have registered their services
     */
    public record Deployed(String symbolicName, Bundle bundle, boolean active, Map<String, String> components) {
    }

    /** The configuration read here. */
    public @interface Config {
        /** @return whether plugins may be deployed ({@code calsim serve --no-deploy} sets false) */
        boolean deploy_enabled() default true;
    }

    private final boolean deployEnabled;

    /** Deploying (unless the configuration forbids it), undeploying and swapping in the container of {@code context}. */
    @Activate
    public Plugins(BundleContext context, @Reference Registry registry, @Reference ConfigurationAdmin configurations,
                   @Reference ServiceComponentRuntime components, Config config) {
        this.deployEnabled = config.deploy_enabled();
        this.context = context;
        this.registry = registry;
        this.configurations = configurations;
        this.components = components;
    }

    /**
     * Checks a jar (an OSGi bundle importing the calsim API), writes it to the deploy folder and waits until it is
     * active (at most 20 s) and its components have registered their services (at most 5 s more: Service Component
     * Runtime reads the bundle in its start event, after the bundle is already active, so a swap sent right after an
     * answer that only waited for the bundle once found the new implementation missing).
     *
     * @throws InvalidInputException if it is too big, not a bundle, not a calsim plugin, or has the name of a bundle
     *                               the container was started with
     * @throws DeployDisabledException if the server was started with {@code --no-deploy}
     */
    public Deployed deploy(byte[] jar) throws IOException {
        if (!deployEnabled) {
            throw new DeployDisabledException();
        }
        if (jar.length > MAX_BUNDLE_BYTES) {
            throw new InvalidInputException("bundle", jar.length + " bytes", "a bundle of at most "
                    + (MAX_BUNDLE_BYTES >> 20) + " MB");
        }
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifest = in.getManifest();
        } catch (IOException e) {
            manifest = null;
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (name == null) {
            throw new InvalidInputException("bundle", "a file without a Bundle-SymbolicName", "an OSGi bundle (a jar "
                    + "whose manifest has a Bundle-SymbolicName)");
        }
        name = name.split(";")[0].trim();
        String imports = manifest.getMainAttributes().getValue(Constants.IMPORT_PACKAGE);
        if (imports == null || !imports.contains("org.calsim.api")) {
            throw new InvalidInputException("bundle", name, "a calsim plugin: a bundle that imports the calsim API "
                    + "(org.calsim.api…)");
        }
        if (!name.matches(NAME)) {
            throw new InvalidInputException("bundle", name, "a symbolic name of letters, digits, '.', '_' and '-'");
        }
        Bundle existing = bundle(name);
        if (existing != null && !deployed(existing)) {
            throw new InvalidInputException("bundle", name, "a symbolic name of its own: " + name + " is a bundle of "
                    + "the container (" + existing.getVersion() + "), which a plugin cannot replace");
        }
        Path folder = deployFolder();
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve(name + ".jar"), jar); // the watcher sees a whole jar or none
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        Bundle b;
        while (((b = bundle(name)) == null || b.getState() != Bundle.ACTIVE) && System.currentTimeMillis() < deadline) {
            pause();
        }
        boolean active = b != null && b.getState() == Bundle.ACTIVE;
        Map<String, String> states = Map.of();
        if (active) {
            long settled = System.currentTimeMillis() + SETTLE_MILLIS;
            while ((states = componentStates(b)) != null && !registered(states)
                    && System.currentTimeMillis() < settled) {
                pause();
            }
        }
        return new Deployed(name, b, active, states == null ? Map.of() : states);
    }

    /**
     * @return the states of the components the bundle declares, by component name; null while Service Component
     *         Runtime has not yet read a bundle that declares some (a {@code Service-Component} header)
     */
    private Map<String, String> componentStates(Bundle b) {
        boolean declares = b.getHeaders().get(SERVICE_COMPONENT) != null;
        Map<String, String> states = new TreeMap<>();
        for (ComponentDescriptionDTO d : components.getComponentDescriptionDTOs(b)) {
            if (!components.isComponentEnabled(d)) {
                states.put(d.name, "disabled");
                continue;
            }
            Collection<ComponentConfigurationDTO> configs = components.getComponentConfigurationDTOs(d);
            if (configs.isEmpty()) {
                return null; // enabled, its configuration not made yet
            }
            states.put(d.name, configs.stream().map(c -> state(c.state)).distinct().collect(Collectors.joining(", ")));
        }
        return declares && states.isEmpty() ? null : states;
    }

    private static boolean registered(Map<String, String> states) {
        return states.values().stream().allMatch(s -> s.equals("active") || s.equals("satisfied")
                || s.equals("disabled"));
    }

    private static String state(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "active";
            case ComponentConfigurationDTO.SATISFIED -> "satisfied";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "unsatisfied configuration";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "unsatisfied reference";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed activation";
            default -> "unknown (" + state + ")";
        };
    }

    /**
     * Removes a bundle from the deploy folder and waits until it is uninstalled (at most 20 s).
     *
     * @return whether it is gone
     * @throws InvalidInputException if no such bundle is in the deploy folder
     */
    public boolean undeploy(String symbolicName) throws IOException {
        Path jar = symbolicName.matches(NAME) ? deployFolder().resolve(symbolicName + ".jar") : null;
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new InvalidInputException("bundle", symbolicName, "a bundle deployed through the deploy folder");
        }
        Files.delete(jar);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (bundle(symbolicName) != null && System.currentTimeMillis() < deadline) {
            pause();
        }
        return bundle(symbolicName) == null;
    }

    /**
     * Makes {@code implementation} (a component name) the one {@code name} resolves to.
     *
     * @return the ranking it now has
     * @throws InvalidInputException if the name or the implementation is unknown
     * @throws IllegalStateException if the component does not take the ranking (it ignores configuration)
     */
    public int swap(String name, String implementation) throws IOException {
        List<RegisteredService> named = registry.services().stream().filter(s -> s.name().equals(name)).toList();
        if (named.isEmpty()) {
            throw new InvalidInputException("name", name, "a registered name (see the registry)");
        }
        RegisteredService chosen = named.stream().filter(s -> s.implementation().equals(implementation)).findFirst()
                .orElseThrow(() -> new InvalidInputException("implementation", implementation, "one of "
                        + named.stream().map(RegisteredService::implementation).toList()));
        int top = named.stream().filter(s -> s != chosen).mapToInt(RegisteredService::ranking).max().orElse(0);
        int ranking = Math.max(chosen.ranking(), top + 1);
        ComponentDescriptionDTO component = components.getComponentDescriptionDTOs().stream()
                .filter(d -> d.name.equals(implementation)).findFirst().orElseThrow(() -> new IllegalStateException(
                        implementation + " is not a Declarative Services component; its ranking cannot be changed"));
        if ("ignore".equals(component.configurationPolicy) || component.configurationPid.length == 0) {
            throw new IllegalStateException("the component " + implementation + " ignores configuration, so its "
                    + "ranking cannot be changed; " + name + " still resolves as before");
        }
        Configuration c = configurations.getConfiguration(component.configurationPid[0], "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        props.put(Constants.SERVICE_RANKING, ranking);
        c.update(props);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (rankingOf(name, implementation) != ranking && System.currentTimeMillis() < deadline) {
            pause();
        }
        if (rankingOf(name, implementation) != ranking) {
            throw new IllegalStateException("the component " + implementation + " did not take the new ranking (it "
                    + "may ignore configuration); " + name + " still resolves as before");
        }
        return ranking;
    }

    /** @return whether the bundle was installed from the deploy folder */
    public boolean deployed(Bundle b) {
        return b.getLocation().contains(deployFolder().getFileName().toString() + "/");
    }

    /** Thrown by {@link #deploy} on a server started with {@code --no-deploy}. */
    public static final class DeployDisabledException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DeployDisabledException() {
            super("this server was started with --no-deploy: plugins cannot be deployed through it");
        }
    }

    private int rankingOf(String name, String implementation) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(&(calsim.name=" + name
                    + ")(component.name=" + implementation + "))");
            if (refs == null || refs.length == 0) {
                return Integer.MIN_VALUE;
            }
            Object r = refs[0].getProperty(Constants.SERVICE_RANKING);
            return r instanceof Integer i ? i : 0;
        } catch (InvalidSyntaxException e) { // a name with filter characters: nothing of that name is registered
            return Integer.MIN_VALUE;
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private Path deployFolder() {
        String dir = context.getProperty("felix.fileinstall.dir");
        return Path.of(dir == null ? "deploy" : dir).toAbsolutePath();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
