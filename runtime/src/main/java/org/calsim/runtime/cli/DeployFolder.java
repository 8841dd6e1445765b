package org.calsim.runtime.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.calsim.api.stage.Solver;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

/**
 * The {@code deploy/} folder that Apache Felix FileInstall watches. A one-shot command waits for the
 * plugin bundles in it to be installed and started, and for the surrogate model files in it
 * ({@code <name>.model.json}) to be registered as stages {@code surrogate.<name>}, before it looks services up.
 */
final class DeployFolder {
    private static final long POLL_MILLIS = 100;
    private static final String MODEL = ".model.json";
    private static final String MODEL_NAME = "[A-Za-z0-9_-][A-Za-z0-9._-]*";

    private DeployFolder() {
    }

    /**
     * Waits until every {@code *.jar} in {@code dir} is an active bundle and every {@code *.model.json} a registered
     * stage, at most {@code timeoutMillis}.
     *
     * @return the files that were not picked up in time (empty when all were)
     */
    static List<String> awaitActive(BundleContext context, Path dir, long timeoutMillis) throws InterruptedException {
        List<String> jars = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.{jar,model.json}")) {
                s.forEach(p -> jars.add(p.getFileName().toString()));
                jars.removeIf(f -> f.endsWith(MODEL) && !f.matches(MODEL_NAME)); // not taken as model files
            } catch (IOException e) {
                return jars;
            }
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<String> pending = new ArrayList<>(jars);
        while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
            pending.removeIf(jar -> active(context, jar));
            if (!pending.isEmpty()) {
                Thread.sleep(POLL_MILLIS);
            }
        }
        return pending;
    }

    private static boolean active(BundleContext context, String jar) {
        if (jar.endsWith(MODEL)) {
            String name = "surrogate." + jar.substring(0, jar.length() - MODEL.length());
            try {
                return !context.getServiceReferences(Solver.class, "(calsim.name=" + name + ")")
                        .isEmpty();
            } catch (InvalidSyntaxException e) {
                return false;
            }
        }
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().endsWith("/" + jar) && b.getState() == Bundle.ACTIVE) {
                return true;
            }
        }
        return false;
    }
}
