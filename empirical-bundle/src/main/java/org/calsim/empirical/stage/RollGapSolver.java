package org.calsim.empirical.stage;

import java.util.List;
import java.util.Set;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.empirical.Units;
import org.calsim.empirical.rollgap.RollNip;
import org.osgi.service.component.annotations.Component;

/**
 * Stage {@code empirical.roll-gap}: geometry and loading of the roll nip, eqs 1–3 of the review (Meyer et
 * al., J. Mater. Process. Technol. 249 (2017) 172–178): line load, nip contact area, contact length,
 * mean nip pressure, residence time, degree of compaction and spring-back. The incoming thickness is the
 * recipe's uncalendered thickness, the outgoing one the calendered thickness an earlier stage gave; the
 * roll gap is the job's, or the calendered thickness (no spring-back) if the job gives none.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=empirical.roll-gap")
public final class RollGapSolver implements Solver {

    @Override
    public String description() {
        return "roll-nip contact area, pressure, residence time and degree of compaction (review eqs 1-3)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of(ElectrodeRecipe.KEY, CalenderingConditions.KEY, CoatingKeys.THICKNESS);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of(CoatingKeys.COMPACTION_DEGREE, CoatingKeys.NIP_PRESSURE);
    }

    @Override
    public void run(StageContext context) {
        context.progress(0, "roll nip");
        context.checkCancelled();
        ElectrodeRecipe recipe = context.state().get(ElectrodeRecipe.KEY);
        CalenderingConditions conditions = context.state().get(CalenderingConditions.KEY);
        double outgoing = context.state().get(CoatingKeys.THICKNESS);
        ResultSink sink = context.results();
        double gap = conditions.rollGap();
        if (!conditions.hasRollGap()) {
            gap = outgoing;
            sink.note("roll_gap", "the job gives no roll gap: taken equal to the calendered thickness "
                    + outgoing / Units.MICROMETRE + " um (no spring-back)");
        }
        RollNip nip = RollNip.fromLineLoad(conditions.lineLoad(), conditions.coatingWidth(), conditions.rollRadius(),
                recipe.initialThickness(), outgoing, gap, conditions.speed());
        context.give(CoatingKeys.COMPACTION_DEGREE, nip.compactionDegree());
        context.give(CoatingKeys.NIP_PRESSURE, nip.meanPressure());
        sink.summary("line_load_kN_per_m", nip.lineLoad() / Units.KN_PER_M, "kN/m");
        sink.summary("roll_force_kN", nip.rollForce() / Units.KN, "kN");
        sink.summary("nip_contact_area_mm2", nip.contactArea() / Units.SQUARE_MILLIMETRE, "mm^2");
        sink.summary("contact_length_mm", nip.contactLength() / Units.MILLIMETRE, "mm");
        sink.summary("nip_pressure_MPa", nip.meanPressure() / Units.MEGAPASCAL, "MPa");
        sink.summary("residence_time_ms", nip.residenceTime() / Units.MILLISECOND, "ms");
        sink.summary("compaction_degree", nip.compactionDegree(), "1");
        sink.summary("spring_back", nip.springBack(), "1");
        sink.summary("incoming_thickness_um", recipe.initialThickness() / Units.MICROMETRE, "um");
        sink.summary("roll_gap_um", gap / Units.MICROMETRE, "um");
        context.progress(1, "done");
    }
}
