package org.calsim.dem.calendering;

import org.calsim.api.stage.ResultSink;
import org.calsim.dem.engine.DemEngine;

/**
 * What a DEM stage reports about its engine's run besides the physics: the time step at the end, how often and why
 * it was reduced for a stiff contact, and bonds released by a hot swap to a law without their bond part.
 *
 * @param timeStep      the time step at the end [s]
 * @param reductions    how often the step was reduced
 * @param stiffest      the contact of the last reduction (empty without one)
 * @param bondsReleased intact bonds released by swaps
 */
record EngineNotes(double timeStep, int reductions, String stiffest, int bondsReleased) {

    /** @return the engine's figures now */
    static EngineNotes of(DemEngine engine) {
        return new EngineNotes(engine.timeStep(), engine.timeStepReductions(), engine.stiffestContact(),
                engine.bondsReleased());
    }

    void report(ResultSink sink) {
        sink.summary("time_step_s", timeStep, "s");
        sink.summary("time_step_reductions", reductions, "1");
        if (reductions > 0) {
            sink.note("time_step_reduced", reductions + " reduction(s) for contacts stiffer than stability_limit "
                    + "allows; the last: " + stiffest);
        }
        if (bondsReleased > 0) {
            sink.summary("bonds_released_by_swap", bondsReleased, "1");
            sink.note("bonds_released", bondsReleased + " intact bond(s) were released when the contact law was "
                    + "swapped for one without the same bond part (see service_swaps in provenance.json); they are "
                    + "not counted as broken");
        }
    }
}
