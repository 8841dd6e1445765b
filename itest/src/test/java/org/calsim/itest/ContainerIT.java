package org.calsim.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The assembled container's bundle set resolves and starts, the lab server's stack included (Felix HTTP Jetty 12,
 * the Servlet API, SLF4J, H2 and org.calsim.server), and the lab server's components stay inactive without the
 * configuration {@code calsim serve} writes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContainerIT {
    private static final Set<String> LAB_SERVER = Set.of("org.calsim.server", "org.apache.felix.http.jetty12",
            "org.apache.felix.http.servlet-api", "org.calsim.lib.slf4j", "com.h2database");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return options(new HotSwapIT().config());
    }

    @Test
    public void everyCalsimAndLabServerBundleIsActive() {
        List<String> found = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn != null && (bsn.startsWith("org.calsim.") || LAB_SERVER.contains(bsn))) {
                found.add(bsn);
                if (b.getState() != Bundle.ACTIVE) {
                    inactive.add(bsn + " (state " + b.getState() + ")");
                }
            }
        }
        assertTrue("lab server bundles missing: " + found, found.containsAll(LAB_SERVER));
        assertEquals("bundles not active", List.of(), inactive);
    }

    @Test
    public void theLabServerWaitsForItsConfiguration() throws Exception {
        ServiceReference<?>[] services = context.getAllServiceReferences(null, "(component.name=org.calsim.server.*)");
        assertNull("lab server services without its configuration", services);
    }

    @Test
    public void theClusterMemberWaitsForItsConfiguration() throws Exception {
        ServiceReference<?>[] services = context.getAllServiceReferences(null, "(component.name=org.calsim.cluster.*)");
        assertNull("cluster services (a Hazelcast member) without its configuration", services);
    }
}
