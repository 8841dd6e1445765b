package org.calsim.runtime.job;

import java.util.Map;
import org.calsim.api.electrochem.CellParameters;
import org.calsim.api.electrochem.ParameterSet;
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
 * @param cell        for a cell parameter set ({@link ParameterSet}), its parameters; else {@code null}
 */
public record JobMaterial(String name, String description, Map<MaterialProperty, Quantity> properties, String origin,
                          CellParameters cell) implements MaterialModel {
    public JobMaterial {
        properties = Map.copyOf(properties);
    }

    /** A material that is not a cell parameter set. */
    public JobMaterial(String name, String description, Map<MaterialProperty, Quantity> properties, String origin) {
        this(name, description, properties, origin, null);
    }

    /** @return the snapshot as stages see it: a {@link ParameterSet} when it holds cell parameters */
    public MaterialModel model() {
        return cell == null ? this : new SnapshotParameterSet(this);
    }

    /** A cell parameter set as snapshotted for a job. */
    private record SnapshotParameterSet(JobMaterial material) implements ParameterSet {
        @Override
        public String name() {
            return material.name();
        }

        @Override
        public String description() {
            return material.description();
        }

        @Override
        public Map<MaterialProperty, Quantity> properties() {
            return material.properties();
        }

        @Override
        public CellParameters cell() {
            return material.cell();
        }
    }
}
