package org.calsim.ml.optimisation;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.calsim.api.job.JobService;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.study.StudyListener;
import org.calsim.api.study.SweepExecutor;

/** What an optimisation evaluates: the prediction of a trained surrogate, or a run of the physics chain of a job. */
sealed interface Evaluator permits SurrogateEvaluator, ChainEvaluator {

    /** @return the evaluator the optimisation file asks for */
    static Evaluator of(OptimisationSpec spec, JobService jobs, SweepExecutor executor) {
        return spec.surrogate() != null ? new SurrogateEvaluator(spec) : new ChainEvaluator(spec, jobs, executor);
    }

    /**
     * Checks what can be checked before anything is evaluated and takes up the evaluations an earlier run recorded.
     *
     * @return notes for the report (e.g. ranges beyond a surrogate's training ranges)
     * @throws InvalidInputException if the optimisation cannot run; nothing has run
     */
    List<String> prepare(BayesianOptimiser bo, EvaluationLog log) throws IOException;

    /**
     * Evaluates the optimiser's suggestions until the log holds every evaluation.
     *
     * @throws InterruptedException if interrupted; the log holds the whole rounds evaluated so far
     */
    void evaluate(BayesianOptimiser bo, EvaluationLog log, StudyListener listener)
            throws IOException, InterruptedException;

    /** @return objective {@code k} as a function of the inputs, for partial-dependence plots */
    Function<double[], Double> model(List<BayesianOptimiser.Evaluation> all, int k);

    /** @return what is evaluated, for the report: {@code surrogate} or {@code physics chain} */
    String subject();

    /** @return what {@link #model} is, for the plots: {@code surrogate} or {@code GP of the evaluations} */
    String modelName();
}
