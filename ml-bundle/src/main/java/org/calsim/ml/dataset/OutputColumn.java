package org.calsim.ml.dataset;

/**
 * An output column of a dataset.
 *
 * @param name   {@code coating.porosity} for a state entry, {@code <stage>/<result>} for a summary number (e.g.
 *               {@code empirical.rate-capability/capacity_2C_mAh_per_cm2})
 * @param unit   as the job's {@code summary.json} states it (state entries SI)
 * @param state  whether the column is a state scalar (a surrogate that predicts it gives it back as a state entry)
 */
public record OutputColumn(String name, String unit, boolean state) {
}
