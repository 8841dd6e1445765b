package org.calsim.ml.surrogate;

import java.io.File;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Solver;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Model files in the {@code deploy/} folder become stages: Apache Felix FileInstall hands every
 * {@code <name>.model.json} to this installer, which registers a {@link Solver} named {@code surrogate.<name>} with
 * the model fixed, so a job uses it with one line ({@code - use: surrogate.<name>}). Replacing the file replaces the
 * model (for jobs that start afterwards); deleting it removes the stage. A file that is not a usable model is
 * registered all the same, with a message: a job that uses it is refused with the reason before anything runs.
 * Names are letters, digits, '.', '_' and '-'.
 */
@Component(service = ArtifactInstaller.class)
public final class DeployedSurrogates implements ArtifactInstaller {
    /** File-name ending of model files. */
    static final String SUFFIX = ".model.json";
    /** Name prefix of deployed surrogate stages. */
    static final String PREFIX = "surrogate.";
    /** File names taken as model files: plain names, so the stage name needs no quoting anywhere. */
    static final String NAME = "[A-Za-z0-9_-][A-Za-z0-9._-]*";
    private final BundleContext context;
    private final ScalarViews views;
    private final Map<File, ServiceRegistration<Solver>> installed = new ConcurrentHashMap<>();

    /** @param views the state entries a surrogate can give, plugins' included */
    @Activate
    public DeployedSurrogates(BundleContext context, @Reference ScalarViews views) {
        this.context = context;
        this.views = views;
    }

    @Override
    public boolean canHandle(File artifact) {
        return artifact.getName().endsWith(SUFFIX) && artifact.getName().matches(NAME);
    }

    @Override
    public void install(File artifact) {
        String name = PREFIX + artifact.getName().substring(0, artifact.getName().length() - SUFFIX.length());
        try {
            Surrogate.read(artifact.toPath(), "deploy/" + artifact.getName());
        } catch (InvalidInputException e) {
            // registered all the same: listed, and a job that uses it is told what is wrong with the file
            System.err.println("calsim: deploy/" + artifact.getName() + " cannot be used: " + e.getMessage());
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("calsim.name", name);
        props.put("calsim.model_file", artifact.getAbsolutePath());
        installed.put(artifact, context.registerService(Solver.class,
                new SurrogateStage(artifact.toPath().toAbsolutePath(), views), props));
    }

    @Override
    public void update(File artifact) {
        uninstall(artifact);
        install(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        ServiceRegistration<Solver> r = installed.remove(artifact);
        if (r != null) {
            r.unregister();
        }
    }

    @Deactivate
    void deactivate() {
        installed.keySet().forEach(this::uninstall);
    }
}
