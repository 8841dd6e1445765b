package org.calsim.runtime.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.job.JobRequest;
import org.calsim.api.electrochem.ParameterSet;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Coupler;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Solver;
import org.calsim.runtime.job.BoundParameters;
import org.calsim.runtime.job.ElectrodeInputs;
import org.calsim.runtime.job.JobDocument;
import org.calsim.runtime.job.JobFolder;
import org.calsim.runtime.job.JobMaterial;
import org.calsim.runtime.job.JobSpec;
import org.calsim.runtime.job.MaterialLibrary;
import org.calsim.runtime.job.ParameterBinder;
import org.calsim.runtime.registry.ServiceCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Checks a job before anything runs: the file, the materials, every stage's parameters (the services they name
 * among those registered), and that each stage's needs are given by the job or an earlier stage.
 */
final class JobPreparer {
    private final BundleContext context;
    private final ServiceCatalog catalog;

    JobPreparer(BundleContext context, ServiceCatalog catalog) {
        this.context = context;
        this.catalog = catalog;
    }

    /**
     * Checks everything but the output folder, which only a job that runs writes ({@link JobRunner#submit} checks
     * it).
     *
     * @return the checked job; the caller releases its solver services with {@link #release}
     * @throws InvalidInputException on the first problem
     */
    PreparedJob prepare(JobRequest request) {
        ObjectNode root = JobDocument.parse(request.source(), request.overrides());
        JobFolder base = new JobFolder(request.baseDir(), request.files());
        JobSpec spec = JobSpec.read(root, request.baseDir());
        MaterialLibrary materials = MaterialLibrary.read(spec.materials(), base, this::snapshot,
                catalog.names(MaterialModel.class));
        ElectrodeRecipe recipe = ElectrodeInputs.recipe(spec.recipe(), base, materials);
        CalenderingConditions conditions = ElectrodeInputs.conditions(spec.calendering(), base);
        Path out = request.outputDir() != null ? request.outputDir() : Path.of("results", spec.name());

        List<StagePlan> plans = new ArrayList<>();
        try {
            Set<Key<?>> available = new LinkedHashSet<>(List.of(ElectrodeRecipe.KEY, CalenderingConditions.KEY));
            StateStore inputs = new StateStore();
            inputs.put(ElectrodeRecipe.KEY, recipe);
            inputs.put(CalenderingConditions.KEY, conditions);
            for (JobSpec.StageSpec s : spec.stages()) {
                StagePlan plan = plan(s, base, inputs);
                plans.add(plan);
                for (Key<?> need : plan.needs()) {
                    if (!available.contains(need)) {
                        throw missing(s, need);
                    }
                }
                available.addAll(plan.gives());
            }
        } catch (RuntimeException e) {
            release(plans);
            throw e;
        }
        return new PreparedJob(request, spec, materials, recipe, conditions, List.copyOf(plans), out);
    }

    /** Releases the solver services a prepared job holds. */
    void release(List<StagePlan> plans) {
        for (StagePlan p : plans) {
            try {
                context.ungetService(p.reference());
            } catch (IllegalStateException e) {
                // the service's bundle is already gone: nothing to release
            }
        }
    }

    private StagePlan plan(JobSpec.StageSpec s, JobFolder base, StateStore inputs) {
        Optional<ServiceReference<Solver>> ref = catalog.stage(s.use());
        if (ref.isEmpty()) {
            throw new InvalidInputException("stages[" + s.index() + "].use", s.use(),
                    "the name of a registered stage: " + String.join(", ", catalog.names(Solver.class)));
        }
        Solver solver = context.getService(ref.get());
        if (solver == null) {
            throw new InvalidInputException("stages[" + s.index() + "].use", s.use(),
                    "a stage whose service can be obtained (its bundle is stopping)");
        }
        try {
            BoundParameters params = ParameterBinder.bind(solver.parameters(), s.with(), s.path(), base,
                    catalog::names);
            solver.validate(params, inputs);
            return new StagePlan(s.index(), s.use(), ref.get(), solver, params, Set.copyOf(solver.needs(params)),
                    Set.copyOf(solver.gives(params)));
        } catch (RuntimeException e) {
            context.ungetService(ref.get());
            throw e;
        }
    }

    private InvalidInputException missing(JobSpec.StageSpec s, Key<?> need) {
        TreeSet<String> givers = new TreeSet<>();
        for (ServiceReference<Solver> r : catalog.references(Solver.class, null)) {
            Solver other = context.getService(r);
            if (other == null) {
                continue;
            }
            try {
                Optional<String> setting = settingThatGives(other, need);
                if (setting.isPresent()) {
                    givers.add(ServiceCatalog.nameOf(r) + setting.get() + (other instanceof Coupler c
                            ? " (a coupler from " + c.from() + " to " + c.to() + ")" : ""));
                }
            } catch (RuntimeException e) {
                // a stage whose parameters have no defaults cannot be asked; it is not suggested
            } finally {
                context.ungetService(r);
            }
        }
        String hint = givers.isEmpty() ? "no registered stage gives it" : "add " + String.join(" or ", givers)
                + " before it";
        return new InvalidInputException("stages[" + s.index() + "].use", s.use(), "a chain in which an earlier stage "
                + "gives what this stage needs: it needs '" + need.name() + "' (" + need.description()
                + "), and no earlier stage gives it; " + hint);
    }

    /**
     * Whether a stage gives a key with its default parameters, or with one of its flags set (a voxeliser gives the
     * voxel series with {@code series: true}).
     *
     * @return empty if it gives the key in neither way; "" with its defaults; else " with FLAG: true"
     * @throws RuntimeException when the stage's parameters have no defaults
     */
    private Optional<String> settingThatGives(Solver stage, Key<?> need) {
        JobFolder here = JobFolder.confined(Path.of("."));
        if (stage.gives(ParameterBinder.bind(stage.parameters(), null, "", here, catalog::names)).contains(need)) {
            return Optional.of("");
        }
        for (Parameter p : stage.parameters()) {
            if (p.kind() == Parameter.Kind.FLAG) {
                ObjectNode flag = JsonNodeFactory.instance.objectNode().put(p.name(), true);
                if (stage.gives(ParameterBinder.bind(stage.parameters(), flag, "", here, catalog::names))
                        .contains(need)) {
                    return Optional.of(" with " + p.name() + ": true");
                }
            }
        }
        return Optional.empty();
    }

    private JobMaterial snapshot(String name) {
        Optional<ServiceReference<MaterialModel>> ref = catalog.best(MaterialModel.class, name);
        if (ref.isEmpty()) {
            return null;
        }
        MaterialModel m = context.getService(ref.get());
        if (m == null) {
            return null;
        }
        try {
            return new JobMaterial(m.name(), m.description(), m.properties(),
                    ref.get().getBundle().getSymbolicName() + " " + ref.get().getBundle().getVersion(),
                    m instanceof ParameterSet set ? set.cell() : null);
        } finally {
            context.ungetService(ref.get());
        }
    }
}
