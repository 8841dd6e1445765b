package org.calsim.api.study;

import java.util.List;
import org.calsim.api.stage.Key;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * How the values of one state key are written as named SI scalars and assembled back: what lets a job's
 * {@code summary.json} list them, a sweep put them in its dataset, and a surrogate give them as state entries.
 * The keys of the API have theirs ({@link StateScalars#ENTRIES}); a plugin whose stage gives a key of its own type
 * registers a {@code ScalarView} for it as an OSGi service, and its values can then be swept, learned and predicted
 * like the API's. A view registered for a key of the API is not used (the API's own view is).
 *
 * @param <T> the key's value type
 * @since 1.1
 */
@ConsumerType
public interface ScalarView<T> {

    /** @return the state key whose values this view writes */
    Key<T> key();

    /**
     * @return the scalars' names (by convention {@code <key name>.<component>}, or the key's name for a plain
     *         number) and SI units, in the order of {@link #flatten}
     */
    List<StateScalars.Scalar> components();

    /** @return how many leading components a surrogate must predict to give the entry (at least 1) */
    int required();

    /** @return the value's scalars, in the order of {@link #components} (NaN for "not computed") */
    double[] flatten(T value);

    /**
     * @param values the scalars in the order of {@link #components}; those after {@link #required} may be NaN
     * @param method how the values were obtained (a surrogate names itself), for values that record it
     * @return the value
     */
    T assemble(double[] values, String method);
}
