package org.calsim.runtime.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.calsim.api.job.RegisteredService;
import org.calsim.api.job.Registry;
import org.calsim.api.stage.Coupler;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.calsim.api.study.SweepExecutor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Looks up calsim services in the framework by kind and {@code calsim.name}. A name resolves to the
 * highest-ranked service carrying it (OSGi order: highest {@code service.ranking}, then lowest
 * {@code service.id}).
 */
public final class ServiceCatalog implements Registry {
    private final BundleContext context;

    public ServiceCatalog(BundleContext context) {
        this.context = context;
    }

    /** @return every registered service, in {@link ServiceKind} order, then by name, then highest ranking first */
    @Override
    public List<RegisteredService> services() {
        List<RegisteredService> all = new ArrayList<>();
        for (ServiceKind kind : ServiceKind.values()) {
            List<RegisteredService> ofKind = new ArrayList<>();
            for (ServiceReference<?> ref : references(kind.type(), null)) {
                boolean coupler = isA(ref, Coupler.class);
                if (kind == ServiceKind.SOLVER && coupler) {
                    continue;
                }
                ofKind.add(describe(kind, ref));
            }
            ofKind.sort(Comparator.comparing(RegisteredService::name)
                    .thenComparing(Comparator.comparingInt(RegisteredService::ranking).reversed()));
            all.addAll(ofKind);
        }
        return all;
    }

    /** @return the highest-ranked service of {@code type} named {@code name} ({@code null}: any name) */
    public <S> Optional<ServiceReference<S>> best(Class<S> type, String name) {
        List<ServiceReference<S>> refs = references(type, name);
        return refs.isEmpty() ? Optional.empty() : Optional.of(refs.get(0));
    }

    /** @return the stage (solver or coupler) named {@code name} */
    public Optional<ServiceReference<Solver>> stage(String name) {
        return best(Solver.class, name);
    }

    /** @return the sorted names of every service of {@code type} */
    public List<String> names(Class<?> type) {
        TreeSet<String> names = new TreeSet<>();
        for (ServiceReference<?> ref : references(type, null)) {
            names.add(nameOf(ref));
        }
        return new ArrayList<>(names);
    }

    /**
     * @return the service's description for listings: a stage's or sweep executor's own, otherwise its
     *         {@value ServiceProperties#DESCRIPTION} property (contact laws and parts), or empty
     */
    public RegisteredService describe(ServiceKind kind, ServiceReference<?> ref) {
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        String implementation = String.valueOf(ref.getProperty("component.name"));
        String description = switch (kind) {
            case SOLVER, COUPLER -> describe(ref, service -> ((Solver) service).description());
            case SWEEP_EXECUTOR -> describe(ref, service -> ((SweepExecutor) service).description());
            default -> ref.getProperty(ServiceProperties.DESCRIPTION) instanceof String d ? d : "";
        };
        return new RegisteredService(kind.label(), nameOf(ref), implementation,
                ref.getBundle().getSymbolicName(), ref.getBundle().getVersion().toString(),
                ranking instanceof Integer r ? r : 0, (Long) ref.getProperty(Constants.SERVICE_ID), description);
    }

    private String describe(ServiceReference<?> ref, Function<Object, String> description) {
        Object service = context.getService(ref);
        if (service == null) {
            return "";
        }
        try {
            return description.apply(service);
        } finally {
            context.ungetService(ref);
        }
    }

    /** @return the {@code calsim.name} of a service (the first, if it carries several) */
    public static String nameOf(ServiceReference<?> ref) {
        Object name = ref.getProperty(ServiceProperties.NAME);
        if (name instanceof String[] names && names.length > 0) {
            return names[0];
        }
        return name == null ? "(unnamed)" : name.toString();
    }

    /** @return the services of {@code type} named {@code name} ({@code null}: any), best first */
    public <S> List<ServiceReference<S>> references(Class<S> type, String name) {
        try {
            String filter = name == null ? null : "(" + ServiceProperties.NAME + "=" + escape(name) + ")";
            List<ServiceReference<S>> refs = new ArrayList<>(context.getServiceReferences(type, filter));
            refs.sort(Comparator.reverseOrder());
            return refs;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("service name '" + name + "' cannot be looked up: " + e.getMessage(), e);
        }
    }

    /**
     * @return the name of a service interface as its users write it: without the package, a nested interface with
     *         its outer one ({@code ContactLaw}, {@code ContactPart.Normal})
     */
    public static String typeName(Class<?> type) {
        return type.getCanonicalName().substring(type.getPackageName().length() + 1);
    }

    /** @return an LDAP filter value with the special characters escaped */
    public static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean isA(ServiceReference<?> ref, Class<?> type) {
        String[] classes = (String[]) ref.getProperty(Constants.OBJECTCLASS);
        return Arrays.asList(classes).contains(type.getName());
    }
}
