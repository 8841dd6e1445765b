package org.calsim.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.calsim.api.job.RegisteredService;
import org.calsim.api.job.Registry;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.server.registry.Plugins;
import org.calsim.server.store.LabStore;
import org.calsim.support.json.Json;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.calsim.server.security.RequestGuard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

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
 * Every request passes the {@link RequestGuard} in the servlet itself ({@link GuardedServlet}), so no change reaches it
 * unguarded.
 * Like the rest of the lab server it is registered only while a configuration of {@value LabStore#PID} exists, that
 * is while {@code ./calsim serve} runs.
 */
@Component(service = Servlet.class, configurationPid = LabStore.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@HttpWhiteboardServletPattern({"/api/registry", "/api/bundles", "/api/bundles/*", "/api/swap"})
public final class RegistryServlet extends GuardedServlet {
    private static final long serialVersionUID = 1L;
    private final transient Registry registry;
    private final transient BundleContext context;
    private final transient Plugins plugins;

    @Activate
    public RegistryServlet(@Reference Registry registry, @Reference Plugins plugins, @Reference RequestGuard guard,
                           BundleContext context) {
        super(guard);
        this.registry = registry;
        this.plugins = plugins;
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().equals("/api/registry")) {
            ApiJson.error(response, 405, "GET /api/registry lists bundles; POST /api/bundles deploys one");
            return;
        }
        ObjectNode n = Json.object();
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
                    .put("deployed", plugins.deployed(b));
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
        if (!request.getServletPath().equals("/api/bundles")) {
            ApiJson.error(response, 404, "DELETE /api/bundles/{symbolic name} undeploys a deployed bundle");
            return;
        }
        try {
            response.setStatus(plugins.undeploy(name) ? 204 : 202);
        } catch (InvalidInputException e) {
            ApiJson.error(response, 404, "no deployed bundle " + name + " (only bundles in the deploy folder can be "
                    + "undeployed)");
        }
    }

    private void deploy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() > Plugins.MAX_BUNDLE_BYTES) { // refused before a byte is read
            ApiJson.error(response, 413, "a bundle of at most " + (Plugins.MAX_BUNDLE_BYTES >> 20) + " MB; this one has "
                    + request.getContentLengthLong() + " bytes");
            return;
        }
        byte[] jar = request.getInputStream().readNBytes(Plugins.MAX_BUNDLE_BYTES + 1);
        Plugins.Deployed d;
        try {
            d = plugins.deploy(jar);
        } catch (InvalidInputException e) {
            ApiJson.badInput(response, e);
            return;
        } catch (Plugins.DeployDisabledException e) {
            ApiJson.error(response, 403, e.getMessage());
            return;
        }
        ObjectNode n = Json.object().put("symbolic_name", d.symbolicName());
        if (!d.active()) {
            n.put("state", d.bundle() == null ? "not installed" : state(d.bundle()));
            n.put("error", "the bundle is in the deploy folder but not active yet; its imports may not resolve (see "
                    + "the server's log)");
            ApiJson.send(response, 202, n);
            return;
        }
        n.put("state", "active").put("version", d.bundle().getVersion().toString()).put("id", d.bundle().getBundleId());
        ObjectNode components = n.putObject("components");
        d.components().forEach(components::put);
        ApiJson.send(response, 201, n);
    }

    private void swap(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode body;
        try {
            body = Json.reader().readTree(request.getInputStream());
        } catch (IOException e) {
            body = null;
        }
        String name = body == null ? "" : body.path("name").asText("");
        String implementation = body == null ? "" : body.path("implementation").asText("");
        try {
            int ranking = plugins.swap(name, implementation);
            ApiJson.send(response, 200, Json.object().put("name", name)
                    .put("implementation", implementation).put("ranking", ranking));
        } catch (InvalidInputException e) {
            ApiJson.badInput(response, e);
        } catch (IllegalStateException e) {
            ApiJson.error(response, 409, e.getMessage());
        }
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
}
