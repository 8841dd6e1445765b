package org.calsim.runtime.cli;

import java.util.Arrays;
import java.util.Hashtable;
import java.util.concurrent.Callable;
import org.calsim.api.job.JobService;
import org.calsim.api.job.Registry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Connects the calsim command line to the bnd launcher of the exported {@code calsim.jar}. The
 * launcher registers a service carrying the command-line arguments ({@code launcher.arguments}); unless
 * the command is {@code shell}, this component registers a {@code main.thread} {@link Callable}, which
 * the launcher runs on the main thread and whose result becomes the exit code. For {@code shell} it
 * registers nothing, and the Gogo shell keeps the container running.
 */
@Component(immediate = true)
public final class CommandLineComponent {
    private final ServiceRegistration<?> registration;

    @Activate
    public CommandLineComponent(BundleContext context,
                                @Reference(service = Object.class, target = "(launcher.arguments=*)")
                                ServiceReference<Object> launcher,
                                @Reference JobService jobs, @Reference Registry registry) {
        String[] args = (String[]) launcher.getProperty("launcher.arguments");
        if (args.length > 0 && "shell".equals(args[0])) {
            System.out.println("calsim shell: Gogo with calsim commands (calsim:list, calsim:check, calsim:run); "
                    + "plugin bundles dropped into deploy/ are installed while it runs. Leave with: exit 0");
            registration = null;
            if (args.length > 1 && "--serve".equals(args[1])) { // shell --serve [--port N] [--data DIR] ...
                String[] options = Arrays.copyOfRange(args, 2, args.length);
                Thread serve = new Thread(() -> new picocli.CommandLine(new ServeCommand(context, System.out,
                        System.err, false)).execute(options), "calsim shell --serve");
                serve.setDaemon(true);
                serve.start();
            }
            return;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("main.thread", Boolean.TRUE);
        registration = context.registerService(Callable.class, new CommandLineMain(args, jobs, registry, context), props);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already unregistered while the framework stops
            }
        }
    }
}
