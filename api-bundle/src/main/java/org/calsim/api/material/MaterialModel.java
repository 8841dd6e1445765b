package org.calsim.api.material;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A named material. Published as a service with {@code calsim.name} equal to {@link #name()}; users add
 * materials as bundles or in the {@code materials} section of a job file.
 */
@ConsumerType
public interface MaterialModel {

    /** @return the name job files use, e.g. {@code NMC622} */
    String name();

    /** @return one line: what the material is */
    String description();

    /** @return every property this material has, with its value and source */
    Map<MaterialProperty, Quantity> properties();

    /** @return the property's SI value, or {@code fallback} if this material does not have it */
    default double valueOr(MaterialProperty property, double fallback) {
        Quantity q = properties().get(property);
        return q == null ? fallback : q.value();
    }
}
