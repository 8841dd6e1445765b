package org.calsim.server.web;

import org.calsim.server.store.LabStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The lab server's static files: the bundle's {@code /static} folder served at {@code /static/*} by the Http
 * Whiteboard. The start page at {@code /} is {@link IndexPage}: with Felix HTTP (seen on 4.2), resources registered at
 * {@code /*} or at an exact path answer a request for the context root or that path with the folder itself (an
 * empty page), so the files keep a path prefix of their own. Like the rest of the server it is registered only
 * while a configuration of {@value LabStore#PID} exists, that is while {@code ./calsim serve} runs.
 */
@Component(service = StaticPages.class, configurationPid = LabStore.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@HttpWhiteboardResource(pattern = "/static/*", prefix = "/static")
public final class StaticPages {
}
