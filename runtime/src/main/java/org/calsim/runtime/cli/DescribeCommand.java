package org.calsim.runtime.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.calsim.runtime.job.ParameterBinder;
import org.calsim.runtime.registry.ServiceCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code calsim describe [STAGE …]}: a stage's parameters with units, ranges and defaults; under a parameter that names
 * a service (a contact part), every registered service it can name, with its description and bundle.
 */
@Command(name = "describe", description = "Show the parameters of stages (all stages if none is named).",
        mixinStandardHelpOptions = true)
final class DescribeCommand implements Callable<Integer> {
    private final BundleContext context;
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(paramLabel = "STAGE", arity = "0..*", description = "stage names, e.g. empirical.porosity")
    List<String> stages;

    DescribeCommand(BundleContext context, PrintStream out, PrintStream err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        ServiceCatalog catalog = new ServiceCatalog(context);
        List<String> names = stages == null || stages.isEmpty() ? catalog.names(Solver.class) : stages;
        for (String name : names) {
            Optional<ServiceReference<Solver>> ref = catalog.stage(name);
            if (ref.isEmpty()) {
                err.println("calsim: no stage named '" + name + "'; stages: " + String.join(", ", catalog.names(Solver.class)));
                return ExitCodes.BAD_INPUT;
            }
            Solver solver = context.getService(ref.get());
            try {
                out.println(name + " (" + ref.get().getBundle().getSymbolicName() + " " + ref.get().getBundle().getVersion()
                        + "): " + solver.description());
                for (Parameter p : solver.parameters()) {
                    out.printf("  %-34s %s%n", p.name(), describe(p, catalog));
                    if (p.kind() == Parameter.Kind.SERVICE) {
                        printServices(p.service(), catalog);
                    }
                }
                out.println();
            } finally {
                context.ungetService(ref.get());
            }
        }
        return ExitCodes.OK;
    }

    private static String describe(Parameter p, ServiceCatalog catalog) {
        String allowed = ParameterBinder.describe(p, catalog::names);
        int dot = p.name().indexOf('.');
        String required = dot < 0 ? "required" : "required when " + p.name().substring(0, dot) + " is given";
        String presence = p.required() ? required : p.defaultValue() == null ? "optional"
                : "default " + (p.defaultValue() instanceof double[] a ? Arrays.toString(a) : p.defaultValue());
        return allowed + "; " + presence + ". " + p.description();
    }

    /** Prints each registered service of {@code type} a SERVICE parameter can name: its name and description. */
    private void printServices(Class<?> type, ServiceCatalog catalog) {
        for (String name : catalog.names(type)) {
            catalog.best(type, name).ifPresent(best -> { // gone if its bundle stopped since names() was read
                Object description = best.getProperty(ServiceProperties.DESCRIPTION);
                out.printf("      %-30s %s (%s %s)%n", name, description == null ? "" : description,
                        best.getBundle().getSymbolicName(), best.getBundle().getVersion());
            });
        }
    }
}
