package org.calsim.runtime.job;

import java.util.Map;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.material.Quantity;

/**
 * A material as a job sees it: a snapshot of a material service, or one defined in the job file's
 * {@code materials} section, taken when the job is checked so it cannot change mid-job.
 *
 * @param name        material name
 * @param description one line
 * @param properties  values (SI) with sources
 * @param origin      where it comes from: bundle and version, or "job file"
 */
public record JobMaterial(String name, String description, Map<MaterialProperty, Quantity> properties, String origin)
        implements MaterialModel {
    public JobMaterial {
        properties = Map.copyOf(properties);
    }
}
