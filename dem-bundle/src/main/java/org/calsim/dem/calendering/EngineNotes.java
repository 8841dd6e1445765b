package org.calsim.dem.calendering;

import org.calsim.api.stage.ResultSink;
import org.calsim.dem.engine.DemEngine;

/**
 * What a DEM stage reports about its engine's run besides the physics: the time step at the end, how often and why
 * it was reduced for a stiff contact, and bonds released by a hot swap to a law without their bond part.
 */
final class EngineNotes {
    private EngineNotes() {
    }

    static void report(DemEngine engine, ResultSink sink) {
        sink.summary("time_step_s", engine.timeStep(), "s");
        sink.summary("time_step_reductions", engine.timeStepReductions(), "1");
        if (engine.timeStepReductions() > 0) {
            sink.note("time_step_reduced", engine.timeStepReductions() + " reduction(s) for contacts stiffer than "
                    + "stability_limit allows; the last: " + engine.stiffestContact());
        }
        if (engine.bondsReleased() > 0) {
            sink.summary("bonds_released_by_swap", engine.bondsReleased(), "1");
            sink.note("bonds_released", engine.bondsReleased() + " intact bond(s) were released when the contact law "
                    + "was swapped for one without the same bond part (see service_swaps in provenance.json); they "
                    + "are not counted as broken");
        }
    }
}
