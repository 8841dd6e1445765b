package org.calsim.api.material;

import java.util.Objects;

/**
 * A property value with its source.
 *
 * @param value  in the SI unit of its {@link MaterialProperty}
 * @param source where the value comes from: a citation ("Valøen and Reimers, J. Electrochem. Soc. 152
 *               (2005) A882") or "job file"
 */
public record Quantity(double value, String source) {
    public Quantity {
        Objects.requireNonNull(source, "source");
    }
}
