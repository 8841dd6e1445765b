package org.calsim.ml.optimisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.stage.ResultSink;
import org.calsim.ml.doe.Factor;
import org.calsim.ml.optimisation.EvaluationLog.Evaluated;

/**
 * What an optimisation shows when it ends: the table of its evaluations with their Pareto flag
 * ({@code evaluations.csv}), the plots of the convergence, of the Pareto front (two objectives) and of the partial
 * dependence of each objective on each input (Friedman 2001: the model's mean over the other inputs, uniform over
 * their ranges), and the report's lines.
 */
final class OptimisationReport {
    private static final int PD_GRID = 25;
    private static final int PD_SAMPLES = 256;

    private final OptimisationSpec spec;
    private final Evaluator evaluator;
    private final BayesianOptimiser bo;

    OptimisationReport(OptimisationSpec spec, Evaluator evaluator, BayesianOptimiser bo) {
        this.spec = spec;
        this.evaluator = evaluator;
        this.bo = bo;
    }

    /** Writes the table and the plots (nothing if no evaluation succeeded). */
    void write(ResultSink results) {
        List<BayesianOptimiser.Evaluation> all = bo.evaluations();
        if (all.isEmpty()) {
            return;
        }
        List<BayesianOptimiser.Evaluation> pareto = bo.paretoSet();
        results.table("evaluations", table(all, pareto));
        convergence(all, results);
        if (spec.objectives().size() == 2) {
            results.plot(paretoFront(all, pareto));
        }
        partialDependence(all, results);
    }

    private Table table(List<BayesianOptimiser.Evaluation> all, List<BayesianOptimiser.Evaluation> pareto) {
        int n = all.size();
        Table.Builder t = Table.builder();
        double[] onFront = new double[n];
        for (int i = 0; i < n; i++) {
            BayesianOptimiser.Evaluation e = all.get(i);
            onFront[i] = pareto.stream().anyMatch(p -> Arrays.equals(p.x(), e.x())) ? 1 : 0;
        }
        t.column("evaluation", "1", index(n));
        List<Factor> inputs = spec.inputs();
        for (int j = 0; j < inputs.size(); j++) {
            int jj = j;
            t.column(inputs.get(j).field(), inputs.get(j).unit(), all.stream().mapToDouble(e -> e.x()[jj]).toArray());
        }
        List<Objective> objectives = spec.objectives();
        for (int k = 0; k < objectives.size(); k++) {
            t.column(objectives.get(k).output(), objectives.get(k).unit(), column(all, k));
        }
        t.column("pareto", "1", onFront);
        return t.build();
    }

    /** Plots each objective's evaluated values and the best so far against the evaluation's number. */
    private void convergence(List<BayesianOptimiser.Evaluation> all, ResultSink results) {
        int n = all.size();
        double[] index = index(n);
        for (int k = 0; k < spec.objectives().size(); k++) {
            Objective o = spec.objectives().get(k);
            double[] value = new double[n];
            double[] best = new double[n];
            for (int i = 0; i < n; i++) {
                value[i] = all.get(i).objectives()[k];
                best[i] = i == 0 ? value[i] : o.goal().minimised(value[i]) < o.goal().minimised(best[i - 1])
                        ? value[i] : best[i - 1];
            }
            results.plot(new Plot("convergence-" + safe(o.output()), o.goal().name().toLowerCase() + " " + o.output(),
                    "evaluation", o.output() + " [" + o.unit() + "]", List.of(
                    new Series("evaluated", index, value, Series.Style.MARKERS),
                    new Series("best so far", index, best, Series.Style.LINE))));
        }
    }

    private Plot paretoFront(List<BayesianOptimiser.Evaluation> all, List<BayesianOptimiser.Evaluation> pareto) {
        List<Objective> objectives = spec.objectives();
        List<BayesianOptimiser.Evaluation> front = new ArrayList<>(pareto);
        front.sort(Comparator.comparingDouble(e -> e.objectives()[0]));
        return new Plot("pareto-front", "Pareto front (ParEGO, " + all.size() + " evaluations)",
                objectives.get(0).output() + " [" + objectives.get(0).unit() + "]",
                objectives.get(1).output() + " [" + objectives.get(1).unit() + "]", List.of(
                new Series("evaluations", column(all, 0), column(all, 1), Series.Style.MARKERS),
                new Series("Pareto set", column(front, 0), column(front, 1), Series.Style.LINE)));
    }

    /** Plots each objective's partial dependence on each input, of the evaluator's model. */
    private void partialDependence(List<BayesianOptimiser.Evaluation> all, ResultSink results) {
        List<Factor> inputs = spec.inputs();
        for (int k = 0; k < spec.objectives().size(); k++) {
            Objective o = spec.objectives().get(k);
            Function<double[], Double> model = evaluator.model(all, k);
            for (int j = 0; j < inputs.size(); j++) {
                Factor f = inputs.get(j);
                double[] grid = new double[PD_GRID];
                double[] pd = PartialDependence.of(model, inputs, j, PD_GRID, PD_SAMPLES, grid);
                results.plot(new Plot("partial-dependence-" + safe(o.output()) + "-on-" + safe(f.field()),
                        "partial dependence of " + o.output() + " on " + f.field() + " (" + evaluator.modelName()
                                + ")", f.field() + " [" + f.unit() + "]", o.output() + " [" + o.unit() + "]",
                        List.of(new Series("mean over the other inputs", grid, pd, Series.Style.LINE)), f.log()));
            }
        }
    }

    /** @return the report's lines: how many evaluations, how many failed, the best point or where the Pareto set is */
    List<String> lines(List<Evaluated> records) {
        List<String> lines = new ArrayList<>();
        long failed = records.stream().filter(e -> e.objectives() == null).count();
        lines.add("optimisation " + spec.name() + ": " + records.size() + " evaluations of the "
                + evaluator.subject() + ", " + failed + " failed");
        List<Objective> objectives = spec.objectives();
        if (bo.evaluations().isEmpty()) {
            lines.add("no evaluation succeeded; the errors are in " + spec.folder().resolve(EvaluationLog.RECORD));
        } else if (objectives.size() == 1) {
            BayesianOptimiser.Evaluation b = bo.best().orElseThrow();
            lines.add(objectives.get(0).goal().name().toLowerCase() + " " + objectives.get(0).output() + ": "
                    + String.format("%.6g", b.objectives()[0]) + " at " + describe(b.x()));
        } else {
            lines.add("Pareto set (" + bo.paretoSet().size() + " points) in " + EvaluationLog.RECORD
                    + " and the Pareto-front plot");
        }
        return lines;
    }

    private String describe(double[] x) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < x.length; j++) {
            s.append(j == 0 ? "" : ", ").append(spec.inputs().get(j).field()).append(" = ")
                    .append(String.format("%.6g", x[j]));
        }
        return s.toString();
    }

    /** @return 1, 2, …, n */
    private static double[] index(int n) {
        double[] index = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = i + 1;
        }
        return index;
    }

    private static double[] column(List<BayesianOptimiser.Evaluation> e, int k) {
        return e.stream().mapToDouble(v -> v.objectives()[k]).toArray();
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
