package org.calsim.api.electrochem;

import org.calsim.api.material.MaterialModel;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A published cell parameter set, offered as a {@link MaterialModel} service (its {@code calsim.name} is the
 * set's name). {@link #properties()} lists its scalar values with their sources; {@link #cell()} gives the whole
 * set, functions included.
 */
@ConsumerType
public interface ParameterSet extends MaterialModel {
    /** @return the cell parameters */
    CellParameters cell();
}
