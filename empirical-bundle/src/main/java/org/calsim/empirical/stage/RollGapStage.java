package org.calsim.empirical.stage;

import java.util.List;
import java.util.Set;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.electrode.RollPass;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.support.units.Units;
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
public final class RollGapStage implements Solver {

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
        context.state().find(RollPass.KEY).ifPresent(pass -> compare(pass, sink));
        context.progress(1, "done");
    }

    /**
     * Eqs 1–3 for a roll pass an earlier stage simulated, beside what it measured: the same line load, thicknesses
     * and gap, and the two-roll radius r_R = 2R of its single roll on a rigid collector. Eq 2's contact length
     * √(r_R (d₀ − gap)) + √(r_R (d₁ − gap)) against the measured contact zone, eq 3's mean pressure q_L/l against the
     * measured one, and the line load eqs 2–3 give for the measured mean pressure against the measured line load.
     */
    private static void compare(RollPass pass, ResultSink sink) {
        double d0 = pass.incomingThickness();
        double d1 = Math.min(pass.outgoingThickness(), d0);
        if (pass.gap() >= d0) {
            sink.note("roll_pass", String.format("the simulated pass's gap (%.2f um) is not below its incoming "
                    + "thickness (%.2f um): eqs 1-3 have no nip to compare", pass.gap() / Units.MICROMETRE,
                    d0 / Units.MICROMETRE));
            return;
        }
        double width = 1; // per metre of width: the line load does not depend on it
        RollNip nip = RollNip.fromLineLoad(pass.lineLoad(), width, 2 * pass.rollRadius(), d0, d1, pass.gap(),
                pass.speed());
        sink.summary("roll_pass_line_load_measured_kN_per_m", pass.lineLoad() / Units.KN_PER_M, "kN/m");
        sink.summary("roll_pass_line_load_eqs_2_3_kN_per_m",
                pass.measuredPressure() * nip.contactLength() / Units.KN_PER_M, "kN/m");
        sink.summary("roll_pass_contact_length_measured_um", pass.contactLength() / Units.MICROMETRE, "um");
        sink.summary("roll_pass_contact_length_eq2_um", nip.contactLength() / Units.MICROMETRE, "um");
        sink.summary("roll_pass_nip_pressure_measured_MPa", pass.measuredPressure() / Units.MEGAPASCAL, "MPa");
        sink.summary("roll_pass_nip_pressure_eq3_MPa", nip.meanPressure() / Units.MEGAPASCAL, "MPa");
        sink.note("roll_pass", String.format("eqs 1-3 for the simulated roll pass (single roll R = %.0f um on a "
                + "rigid collector, as two rolls of r_R = 2R; d0 = %.2f um, gap %.2f um, d1 = %.2f um%s): contact "
                + "length %.1f um by eq 2 against %.1f um measured; for the measured line load %.3g kN/m eq 3 gives "
                + "a mean nip pressure of %.3g MPa against %.3g MPa measured, and for the measured pressure eqs 2-3 "
                + "give a line load of %.3g kN/m", pass.rollRadius() / Units.MICROMETRE, d0 / Units.MICROMETRE,
                pass.gap() / Units.MICROMETRE, d1 / Units.MICROMETRE,
                d1 < pass.outgoingThickness() ? " (sprung back above d0: taken as d0)" : "",
                nip.contactLength() / Units.MICROMETRE, pass.contactLength() / Units.MICROMETRE,
                pass.lineLoad() / Units.KN_PER_M, nip.meanPressure() / Units.MEGAPASCAL,
                pass.measuredPressure() / Units.MEGAPASCAL,
                pass.measuredPressure() * nip.contactLength() / Units.KN_PER_M));
    }
}
