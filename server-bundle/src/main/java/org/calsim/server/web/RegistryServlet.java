package org.calsim.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.calsim.api.job.RegisteredService;
import org.calsim.api.job.Registry;
import org.calsim.server.store.LabStore;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * What the container holds, and changing it while it runs:
 * <ul>
 *   <li>{@code GET /api/registry}: contact laws, materials, solvers, couplers, sweep executors (name, implementation,
 *   bundle and version, ranking) and the bundles with their versions and states;</li>
 *   <li>{@code POST /api/bundles}: deploy a plugin bundle (the jar as the body, at most 50 MB; it must be a bundle
 *   that imports the calsim API); it is written to the deploy folder, which FileInstall watches, and the answer comes
 *   when it is active;</li>
 *   <li>{@code DELETE /api/bundles/{symbolic name}}: undeploy a bundle deployed that way;</li>
 *   <li>{@code POST /api/swap {"name": …, "implementation": …}}: make an implementation the one a name resolves to,
 *   by giving its component the highest {@code service.ranking} (through Configuration Admin). Running jobs switch at
 *   their next step, as with any hot swap, and record it in their provenance.</li>
 * </ul>
 * Like the rest of the lab server it is registered only while a configuration of {@value LabStore#PID} exists, that
 * is while {@code ./calsim serve} runs.
 */
@Component(service = Servlet.class, configurationPid = LabStore.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@HttpWhiteboardServletPattern({"/api/registry", "/api/bundles", "/api/bundles/*", "/api/swap"})
public final class RegistryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BUNDLE_BYTES = 50 << 20;
    private static final long DEPLOY_WAIT_MILLIS = 20_000;
    private final transient Registry registry;
    private final transient BundleContext context;
    private final transient ConfigurationAdmin configurations;

    @Activate
    public RegistryServlet(@Reference Registry registry, @Reference ConfigurationAdmin configurations,
                           BundleContext context) {
        this.registry = registry;
        this.configurations = configurations;
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().equals("/api/registry")) {
            ApiJson.error(response, 405, "GET /api/registry lists bundles; POST /api/bundles deploys one");
            return;
        }
        ObjectNode n = ApiJson.JSON.createObjectNode();
        ArrayNode services = n.putArray("services");
        for (RegisteredService s : registry.services()) {
            services.addObject().put("kind", s.kind()).put("name", s.name()).put("implementation", s.implementation())
                    .put("bundle", s.bundleSymbolicName()).put("version", s.bundleVersion()).put("ranking", s.ranking())
                    .put("description", s.description());
        }
        ArrayNode bundles = n.putArray("bundles");
        for (Bundle b : context.getBundles()) {
            bundles.addObject().put("id", b.getBundleId()).put("symbolic_name", b.getSymbolicName())
                    .put("version", b.getVersion().toString()).put("state", state(b))
                    .put("deployed", b.getLocation().contains(deployFolder().getFileName().toString() + "/"));
        }
        ApiJson.send(response, 200, n);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/api/bundles" -> deploy(request, response);
            case "/api/swap" -> swap(request, response);
            default -> ApiJson.error(response, 405, "POST /api/bundles deploys, POST /api/swap swaps");
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        if (!request.getServletPath().equals("/api/bundles") || !name.matches("[A-Za-z0-9._-]+")) {
            ApiJson.error(response, 404, "DELETE /api/bundles/{symbolic name} undeploys a deployed bundle");
            return;
        }
        Path jar = deployFolder().resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            ApiJson.error(response, 404, "no deployed bundle " + name + " (only bundles in the deploy folder can be "
                    + "undeployed)");
            return;
        }
        Files.delete(jar);
        long deadline = System.currentTimeMillis() + DEPLOY_WAIT_MILLIS;
        while (bundle(name) != null && System.currentTimeMillis() < deadline) {
            pause();
        }
        response.setStatus(bundle(name) == null ? 204 : 202);
    }

    private void deploy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] jar = request.getInputStream().readNBytes(MAX_BUNDLE_BYTES + 1);
        if (jar.length > MAX_BUNDLE_BYTES) {
            ApiJson.error(response, 413, "a bundle of at most " + (MAX_BUNDLE_BYTES >> 20) + " MB");
            return;
        }
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifest = in.getManifest();
        } catch (IOException e) {
            manifest = null;
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        String imports = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.IMPORT_PACKAGE);
        if (name == null) {
            ApiJson.error(response, 400, "the body is not an OSGi bundle (a jar whose manifest has a "
                    + "Bundle-SymbolicName)");
            return;
        }
        name = name.split(";")[0].trim();
        if (imports == null || !imports.contains("org.calsim.api")) {
            ApiJson.error(response, 400, "bundle " + name + " does not import the calsim API (org.calsim.api…); only "
                    + "calsim plugins can be deployed");
            return;
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            ApiJson.error(response, 400, "bundle symbolic name " + name + ": letters, digits, '.', '_' and '-' only");
            return;
        }
        Path folder = deployFolder();
        Files.createDirectories(folder);
        Path tmp = folder.resolve("." + name + ".jar.tmp");
        Files.write(tmp, jar);
        Files.move(tmp, folder.resolve(name + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.currentTimeMillis() + DEPLOY_WAIT_MILLIS;
        Bundle b;
        while (((b = bundle(name)) == null || b.getState() != Bundle.ACTIVE) && System.currentTimeMillis() < deadline) {
            pause();
        }
        ObjectNode n = ApiJson.JSON.createObjectNode().put("symbolic_name", name);
        if (b == null || b.getState() != Bundle.ACTIVE) {
            n.put("state", b == null ? "not installed" : state(b));
            n.put("error", "the bundle is in the deploy folder but not active after " + DEPLOY_WAIT_MILLIS / 1000
                    + " s; its imports may not resolve (see the server's log)");
            ApiJson.send(response, 202, n);
            return;
        }
        n.put("state", "active").put("version", b.getVersion().toString()).put("id", b.getBundleId());
        ApiJson.send(response, 201, n);
    }

    private void swap(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode body;
        try {
            body = ApiJson.JSON.readTree(request.getInputStream());
        } catch (IOException e) {
            body = null;
        }
        String name = body == null ? "" : body.path("name").asText("");
        String implementation = body == null ? "" : body.path("implementation").asText("");
        List<RegisteredService> named = registry.services().stream().filter(s -> s.name().equals(name)).toList();
        if (named.isEmpty()) {
            ApiJson.error(response, 400, "name '" + name + "': expected a registered name (GET /api/registry)");
            return;
        }
        RegisteredService chosen = named.stream().filter(s -> s.implementation().equals(implementation)).findFirst()
                .orElse(null);
        if (chosen == null) {
            ApiJson.error(response, 400, "implementation '" + implementation + "' of " + name + ": expected one of "
                    + named.stream().map(RegisteredService::implementation).toList());
            return;
        }
        int top = named.stream().filter(s -> s != chosen).mapToInt(RegisteredService::ranking).max().orElse(0);
        int ranking = Math.max(chosen.ranking(), top + 1);
        Configuration c = configurations.getConfiguration(implementation, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        props.put(Constants.SERVICE_RANKING, ranking);
        c.update(props);
        long deadline = System.currentTimeMillis() + DEPLOY_WAIT_MILLIS;
        while (rankingOf(name, implementation) != ranking && System.currentTimeMillis() < deadline) {
            pause();
        }
        if (rankingOf(name, implementation) != ranking) {
            ApiJson.error(response, 409, "the component " + implementation + " did not take the new ranking (it may "
                    + "ignore configuration); " + name + " still resolves as before");
            return;
        }
        ApiJson.send(response, 200, ApiJson.JSON.createObjectNode().put("name", name)
                .put("implementation", implementation).put("ranking", ranking));
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

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
