package org.calsim.ml.optimisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.calsim.api.study.StudyListener;
import org.calsim.ml.doe.Factor;
import org.calsim.ml.optimisation.EvaluationLog.Evaluated;
import org.calsim.ml.surrogate.Surrogate;

/** Evaluations that are predictions of a trained surrogate: one at a time, in the caller's thread. */
final class SurrogateEvaluator implements Evaluator {
    private final OptimisationSpec spec;
    private final Surrogate surrogate;

    SurrogateEvaluator(OptimisationSpec spec) {
        this.spec = spec;
        this.surrogate = spec.surrogate();
    }

    /** @return a note for each input range that goes beyond the surrogate's training range */
    @Override
    public List<String> prepare(BayesianOptimiser bo, EvaluationLog log) {
        List<String> notes = new ArrayList<>();
        for (int j = 0; j < spec.inputs().size(); j++) {
            Factor f = spec.inputs().get(j);
            Factor t = surrogate.inputs().get(j);
            if (f.lower() < t.lower() || f.upper() > t.upper()) {
                notes.add("the range of " + f.field() + " [" + f.lower() + ", " + f.upper() + "] goes beyond the "
                        + "surrogate's training range [" + t.lower() + ", " + t.upper() + "]: predictions there "
                        + "are extrapolations");
            }
        }
        return notes;
    }

    @Override
    public void evaluate(BayesianOptimiser bo, EvaluationLog log, StudyListener listener) {
        int evaluations = spec.evaluations();
        for (int e = 0; e < evaluations; e++) {
            double[] x = bo.suggest();
            double[] f = predictObjectives(x);
            if (Arrays.stream(f).allMatch(Double::isFinite)) {
                bo.observe(x, f);
                log.add(new Evaluated("e" + e, e, x, f, ""));
            } else {
                bo.failed(x);
                log.add(new Evaluated("e" + e, e, x, null, "the surrogate gives no finite value here "
                        + "(outside the domain of its formula)"));
            }
            listener.progress((e + 1.0) / evaluations, "evaluation " + (e + 1) + "/" + evaluations);
        }
    }

    /** @return the surrogate's prediction of each objective at {@code x} */
    private double[] predictObjectives(double[] x) {
        double[] y = surrogate.predict(x);
        List<Objective> objectives = spec.objectives();
        double[] f = new double[objectives.size()];
        for (int k = 0; k < f.length; k++) {
            String out = objectives.get(k).output();
            for (int c = 0; c < surrogate.outputs().size(); c++) {
                if (surrogate.outputs().get(c).name().equals(out)) {
                    f[k] = y[c];
                }
            }
        }
        return f;
    }

    @Override
    public Function<double[], Double> model(List<BayesianOptimiser.Evaluation> all, int k) {
        return x -> predictObjectives(x)[k];
    }

    @Override
    public String subject() {
        return "surrogate";
    }

    @Override
    public String modelName() {
        return "surrogate";
    }
}
