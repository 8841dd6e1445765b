package org.calsim.ml.surrogate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.calsim.api.study.ScalarView;
import org.calsim.api.study.StateScalars;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The state entries a surrogate can give: the API's ({@link StateScalars#ENTRIES}) and those of the
 * {@link ScalarView} services plugins register for keys of their own types, followed as they come and go.
 */
@Component(service = ScalarViews.class)
public final class ScalarViews {
    private final List<ScalarView<?>> registered = new CopyOnWriteArrayList<>();

    /** The API's entries only, until views are bound. */
    public ScalarViews() {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bind(ScalarView<?> view) {
        registered.add(view);
    }

    void unbind(ScalarView<?> view) {
        registered.remove(view);
    }

    /** @return the API's entries followed by the registered views ({@link StateScalars#entries}) */
    List<StateScalars.Entry<?>> entries() {
        return StateScalars.entries(registered);
    }
}
