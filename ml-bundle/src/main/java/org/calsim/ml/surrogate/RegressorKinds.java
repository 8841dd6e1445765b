package org.calsim.ml.surrogate;

import java.util.List;
import java.util.stream.Collectors;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.ml.gp.GprKind;
import org.calsim.ml.mlp.MlpKind;
import org.calsim.ml.symbolic.SissoKind;

/** The kinds of regression model calsim trains, by name. */
public final class RegressorKinds {
    private static final List<RegressorKind> KINDS = List.of(new GprKind(), new MlpKind(), new SissoKind());

    private RegressorKinds() {
    }

    /**
     * @param field where the name came from, for the message (e.g. {@code --model})
     * @throws InvalidInputException if there is no such kind
     */
    public static RegressorKind named(String name, String field) {
        return KINDS.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow(() ->
                new InvalidInputException(field, name, "one of " + names()));
    }

    /** @return the names, comma-separated */
    public static String names() {
        return KINDS.stream().map(RegressorKind::name).collect(Collectors.joining(", "));
    }
}
