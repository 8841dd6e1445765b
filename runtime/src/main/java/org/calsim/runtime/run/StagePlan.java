package org.calsim.runtime.run;

import java.util.Set;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Solver;
import org.calsim.runtime.job.BoundParameters;
import org.osgi.framework.ServiceReference;

/**
 * One checked stage of a job: the service that runs it, its parameters, what it needs and gives.
 *
 * @param index      position in the chain
 * @param name       the stage's {@code calsim.name}
 * @param reference  the solver service chosen when the job was checked
 * @param solver     the service object (released when the job ends)
 * @param parameters validated parameters
 * @param needs      keys read
 * @param gives      keys given
 */
record StagePlan(int index, String name, ServiceReference<Solver> reference, Solver solver,
                 BoundParameters parameters, Set<Key<?>> needs, Set<Key<?>> gives) {
}
