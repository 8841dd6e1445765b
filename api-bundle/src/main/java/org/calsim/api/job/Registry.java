package org.calsim.api.job;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** What is registered in the container. Provided by the runtime. */
@ProviderType
public interface Registry {

    /** @return every registered contact law, material, solver and coupler, by kind, then name, then ranking */
    List<RegisteredService> services();
}
