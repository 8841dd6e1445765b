package org.calsim.api.job;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** What is registered in the container. Provided by the runtime. */
@ProviderType
public interface Registry {

    /**
     * @return every registered contact law, contact part, material, solver and coupler, by kind (laws, then parts by
     *         role, then the rest), then name, then ranking
     */
    List<RegisteredService> services();
}
