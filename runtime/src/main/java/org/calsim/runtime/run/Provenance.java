package org.calsim.runtime.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.material.Quantity;
import org.calsim.api.stage.Coupler;
import org.calsim.runtime.job.JobMaterial;
import org.calsim.runtime.output.ResultWriter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Everything needed to reproduce a job: the job file and overrides, the seed, every bundle with its
 * version, the implementation behind every stage, every service swap, the materials used, timings.
 */
final class Provenance {
    private final List<SwapRecord> swaps = new ArrayList<>();
    private final ObjectNode stages = ResultWriter.object();

    /** Records a service swap (also the first choice of a swappable service). */
    synchronized void swap(SwapRecord r) {
        swaps.add(r);
    }

    /** Records how a stage ran. */
    synchronized void stage(StagePlan plan, String status, double seconds) {
        ObjectNode s = stages.putObject(plan.index() + ":" + plan.name());
        s.put("stage", plan.name());
        s.put("status", status);
        s.put("seconds", seconds);
        s.put("implementation", String.valueOf(plan.reference().getProperty("component.name")));
        Bundle b = plan.reference().getBundle();
        s.put("bundle", b == null ? "(uninstalled)" : b.getSymbolicName() + " " + b.getVersion());
        s.put("service_id", (Long) plan.reference().getProperty(Constants.SERVICE_ID));
        if (plan.solver() instanceof Coupler c) {
            ObjectNode coupling = s.putObject("coupling");
            coupling.put("from", c.from());
            coupling.put("to", c.to());
            coupling.put("scheme", c.scheme().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        ObjectNode params = s.putObject("parameters_SI");
        for (Map.Entry<String, Object> e : plan.parameters().values().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Double d) {
                params.put(e.getKey(), d);
            } else if (v instanceof Integer i) {
                params.put(e.getKey(), i);
            } else if (v instanceof Boolean f) {
                params.put(e.getKey(), f);
            } else if (v instanceof double[] a) {
                ArrayNode list = params.putArray(e.getKey());
                for (double x : a) {
                    list.add(x);
                }
            } else {
                params.put(e.getKey(), String.valueOf(v));
            }
        }
    }

    /** @return the provenance document */
    synchronized ObjectNode document(PreparedJob job, BundleContext context, String status, long startedMillis,
                                     long finishedMillis, List<JobMaterial> materials) {
        ObjectNode doc = ResultWriter.object();
        doc.put("job", job.spec().name());
        doc.put("status", status);
        doc.put("seed", job.spec().seed());
        doc.put("started", Instant.ofEpochMilli(startedMillis).toString());
        doc.put("finished", Instant.ofEpochMilli(finishedMillis).toString());
        doc.put("seconds", (finishedMillis - startedMillis) / 1000.0);
        doc.put("job_file", job.request().source());
        ArrayNode overrides = doc.putArray("overrides");
        job.request().overrides().forEach(overrides::add);
        doc.put("job_folder", job.request().baseDir().toAbsolutePath().toString());
        ObjectNode env = doc.putObject("environment");
        env.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("processors", Runtime.getRuntime().availableProcessors());
        Bundle system = context.getBundle(0);
        env.put("framework", system.getSymbolicName() + " " + system.getVersion());
        ArrayNode bundles = doc.putArray("bundles");
        for (Bundle b : context.getBundles()) {
            ObjectNode n = bundles.addObject();
            n.put("symbolic_name", b.getSymbolicName());
            n.put("version", b.getVersion().toString());
            n.put("state", stateName(b.getState()));
        }
        doc.set("stages", stages.deepCopy());
        ArrayNode swapList = doc.putArray("service_swaps");
        for (SwapRecord r : swaps) {
            ObjectNode n = swapList.addObject();
            n.put("stage", r.stage());
            n.put("service", r.service());
            n.put("implementation", r.implementation());
            n.put("bundle", r.bundle());
            n.put("bundle_version", r.bundleVersion());
            n.put("service_id", r.serviceId());
            n.put("ranking", r.ranking());
            n.put("from_step", r.fromStep());
        }
        ObjectNode mats = doc.putObject("materials");
        for (JobMaterial m : materials) {
            ObjectNode n = mats.putObject(m.name());
            n.put("origin", m.origin());
            n.put("description", m.description());
            ObjectNode props = n.putObject("properties");
            for (Map.Entry<MaterialProperty, Quantity> e : m.properties().entrySet()) {
                ObjectNode p = props.putObject(e.getKey().name());
                p.put("value", e.getValue().value());
                p.put("unit", e.getKey().unit());
                p.put("source", e.getValue().source());
            }
        }
        return doc;
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.INSTALLED -> "installed";
            default -> "uninstalled";
        };
    }
}
