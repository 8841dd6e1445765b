package org.calsim.ml.optimisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.calsim.ml.doe.LatinHypercube;
import org.calsim.ml.gp.GaussianProcess;
import org.calsim.ml.gp.Kernel;

/**
 * Ask/tell Bayesian optimisation of an expensive function of d bounded inputs with one or several objectives:
 * {@link #suggest()} proposes the next input, the caller evaluates it wherever it likes (a simulation job) and
 * reports back with {@link #observe} or {@link #failed}.
 *
 * <p>Inputs are in the user's units between the given bounds; internally each is mapped onto [0, 1] linearly, or
 * linearly in its logarithm for inputs flagged log-scale (then the lower bound must be positive). The first
 * {@code initial} suggestions are a maximin {@link LatinHypercube} in that unit cube. After that, each suggestion
 * fits a Gaussian process ({@link GaussianProcess}, Matérn 5/2 with a length scale per input, hyperparameters
 * refitted by maximum likelihood every time from the default start and {@value #GP_RESTARTS} random ones) to the
 * scalar target below over the unit-cube inputs, and returns the maximiser of the expected improvement
 * ({@link ExpectedImprovement}, Jones, Schonlau and Welch 1998) of its latent prediction over the best target
 * observed (so the objectives are taken as noise-free up to the process's small fitted noise). The expected
 * improvement is maximised by scoring {@value #CANDIDATES} Sobol points (Commons Math, with
 * a random Cranley–Patterson shift) and {@value #PERTURBATIONS} Gaussian perturbations (standard deviation
 * {@value #PERTURBATION_SD} of the range) of each of the {@value #INCUMBENTS} best observed points, then refining
 * the {@value #REFINED} best-scoring starts by Nelder–Mead on the expected improvement at the point clamped into
 * the cube.
 *
 * <ul>
 *   <li>One objective: the target is the objective, negated if it is maximised.</li>
 *   <li>Several objectives: ParEGO (Knowles, IEEE Trans. Evol. Comput. 10 (2006) 50). Each objective (negated if
 *   maximised) is normalised to [0, 1] by its observed minimum and maximum; each suggestion draws a weight vector
 *   λ uniformly from the simplex lattice {λ_j ∈ {0, 1/s, …, 1}, Σλ_j = 1} with s = 10 for two objectives, 4 for
 *   three (Knowles' values) and 3 for more (11, 15 and C(k+2, 3) vectors), and the target is the augmented
 *   Chebyshev scalarisation f_λ = max_j(λ_j f_j) + ρ Σ_j λ_j f_j with ρ = 0.05. Unlike Knowles, every
 *   evaluation enters the fit (he caps the fitted subset for speed) and the expected improvement is maximised as
 *   above rather than by his evolutionary algorithm.</li>
 * </ul>
 *
 * <p>Guards: the predictive standard deviation may be 0 (then EI = max(f* − μ, 0)); no point closer than
 * {@value #DUPLICATE} (Euclidean, unit cube) to an observed, failed or pending point is suggested; if the expected
 * improvement vanishes at every candidate (a converged model), the candidate of largest predictive variance is
 * taken; with fewer than two observations, or if no hyperparameter start converges, the suggestion is the
 * candidate farthest from all known points.
 *
 * <p>Failures: a point reported by {@link #failed} enters every later fit with the worst target observed so far
 * (for ParEGO: the worst scalarised value under the current weights), so the model treats its neighbourhood as
 * poor and the expected improvement there is small; the point itself is excluded as a duplicate. A region that
 * keeps failing is thus avoided without a separate feasibility model, at the price of a surrogate that is
 * distorted near failures (it is an imputation, not knowledge of the function there). Forrester, Sóbester and
 * Keane (Proc. R. Soc. A 462 (2006) 935) impute a penalised model prediction instead, a refinement not made here.
 *
 * <p>Pending points (suggested, neither observed nor failed yet) enter the fit with the best target observed (the
 * "constant liar" of Ginsbourger, Le Riche and Carraro 2010), so several suggestions may be requested before their
 * results are in and they spread out instead of coinciding. A suggestion whose job is abandoned should be
 * reported as failed, or it stays pending.
 *
 * <p>Deterministic: the same seed and the same sequence of calls give the same suggestions. The methods are
 * synchronised, so results may be reported from the executor's threads.
 */
public final class BayesianOptimiser {
    /** Random restarts of the hyperparameter fit besides the default start. */
    static final int GP_RESTARTS = 2;
    /** Quasi-random candidates for the expected-improvement maximisation. */
    static final int CANDIDATES = 2000;
    /** Best observed points around which candidates are perturbed. */
    static final int INCUMBENTS = 5;
    /** Perturbed candidates per incumbent. */
    static final int PERTURBATIONS = 100;
    /** Standard deviation of the perturbations, unit cube. */
    static final double PERTURBATION_SD = 0.05;
    /** Best candidates refined by Nelder–Mead. */
    static final int REFINED = 5;
    /** Evaluations of the expected improvement per refinement and input. */
    static final int REFINE_EVALUATIONS = 200;
    /** Initial Nelder–Mead simplex edge, unit cube. */
    static final double SIMPLEX_STEP = 0.02;
    /** Smallest distance of a suggestion from any known point, unit cube. */
    static final double DUPLICATE = 1e-4;
    /** Latin hypercubes drawn for the maximin initial design. */
    static final int DESIGN_CANDIDATES = 20;
    /** Augmentation coefficient ρ of the ParEGO Chebyshev scalarisation. */
    static final double RHO = 0.05;

    /**
     * One evaluation.
     *
     * @param x          inputs, user's units
     * @param objectives objective values, as reported
     */
    public record Evaluation(double[] x, double[] objectives) {
        /** Copies the arrays. */
        public Evaluation {
            x = x.clone();
            objectives = objectives.clone();
        }

        /** @return a copy of the inputs */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** @return a copy of the objective values */
        @Override
        public double[] objectives() {
            return objectives.clone();
        }
    }

    /** A point in the user's units and in the unit cube. */
    private record Point(double[] x, double[] u) {
    }

    private final InputSpace space;
    private final Goal[] goals;
    private final double[][] design;
    private final double[][] weights;
    private final SplittableRandom random;
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final List<double[]> evaluated = new ArrayList<>(); // unit cube, parallel to evaluations
    private final List<Point> failures = new ArrayList<>();
    private final List<Point> pending = new ArrayList<>();
    private int designUsed;

    /** An optimiser with all inputs on a linear scale; see {@link #BayesianOptimiser(double[], double[], boolean[], Goal[], int, long)}. */
    public BayesianOptimiser(double[] lower, double[] upper, Goal[] goals, int initial, long seed) {
        this(lower, upper, new boolean[lower.length], goals, initial, seed);
    }

    /**
     * @param lower    lower bound of each input, user's units
     * @param upper    upper bound of each input (greater than the lower)
     * @param logScale per input, whether the optimiser works in its logarithm (lower bound then positive)
     * @param goals    per objective, its goal; their number is the number of objectives
     * @param initial  size of the initial Latin hypercube design (≥ 1; a few times the number of inputs is usual)
     * @param seed     seed of every random choice
     */
    public BayesianOptimiser(double[] lower, double[] upper, boolean[] logScale, Goal[] goals, int initial,
                             long seed) {
        this.space = new InputSpace(lower, upper, logScale);
        if (goals.length < 1 || initial < 1) {
            throw new IllegalArgumentException("need at least one objective and one initial point");
        }
        this.goals = goals.clone();
        this.random = new SplittableRandom(seed);
        this.design = LatinHypercube.maximin(initial, space.dimension(), DESIGN_CANDIDATES, random.nextLong());
        int k = goals.length;
        this.weights = k == 1 ? null : simplexLattice(k, k == 2 ? 10 : k == 3 ? 4 : 3);
    }

    /** @return the next input to evaluate, user's units; it is pending until observed or reported failed */
    public synchronized double[] suggest() {
        double[] u = designUsed < design.length ? design[designUsed++].clone() : next();
        double[] x = space.toUser(u);
        pending.add(new Point(x.clone(), u));
        return x;
    }

    /**
     * Records an evaluation; the input need not have been suggested.
     *
     * @param x          inputs, user's units, within the bounds
     * @param objectives finite objective values, one per goal
     */
    public synchronized void observe(double[] x, double[] objectives) {
        if (objectives.length != goals.length) {
            throw new IllegalArgumentException(objectives.length + " objectives, expected " + goals.length);
        }
        for (double v : objectives) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("objective " + v + " at " + Arrays.toString(x)
                        + ": report a failed evaluation with failed(x)");
            }
        }
        double[] u = resolve(x);
        evaluations.add(new Evaluation(x, objectives));
        evaluated.add(u);
    }

    /**
     * Records a failed evaluation; see the class description for how failures steer later suggestions.
     *
     * @param x inputs, user's units, within the bounds
     */
    public synchronized void failed(double[] x) {
        double[] u = resolve(x);
        failures.add(new Point(x.clone(), u));
    }

    /** @return the evaluations so far, in the order observed */
    public synchronized List<Evaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    /** @return inputs of the failed evaluations so far, user's units */
    public synchronized List<double[]> failures() {
        return failures.stream().map(p -> p.x().clone()).toList();
    }

    /** @return inputs suggested and neither observed nor failed yet, user's units */
    public synchronized List<double[]> pending() {
        return pending.stream().map(p -> p.x().clone()).toList();
    }

    /** @return the evaluation with the best objective (the first of equals); single objective only */
    public synchronized Optional<Evaluation> best() {
        if (goals.length != 1) {
            throw new IllegalStateException("best() needs a single objective; use paretoSet()");
        }
        Evaluation best = null;
        for (Evaluation e : evaluations) {
            if (best == null || goals[0].minimised(e.objectives[0]) < goals[0].minimised(best.objectives[0])) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    /** @return the evaluations no other evaluation dominates ({@link Pareto}), in the order observed */
    public synchronized List<Evaluation> paretoSet() {
        List<double[]> f = evaluations.stream().map(e -> e.objectives).toList();
        List<Evaluation> set = new ArrayList<>();
        for (int i : Pareto.nonDominated(f, goals)) {
            set.add(evaluations.get(i));
        }
        return set;
    }

    /** Removes x from the pending points (returning its exact unit-cube image) or maps it onto the cube. */
    private double[] resolve(double[] x) {
        if (x.length != space.dimension()) {
            throw new IllegalArgumentException(x.length + " inputs, expected " + space.dimension());
        }
        for (int i = 0; i < pending.size(); i++) {
            if (Arrays.equals(pending.get(i).x(), x)) {
                return pending.remove(i).u();
            }
        }
        space.checkInside(x);
        return space.toUnit(x);
    }

    /** @return the model-based suggestion in the unit cube */
    private double[] next() {
        int n = evaluations.size();
        if (n < 2) {
            return farthest();
        }
        double[] y = targets();
        double best = Double.POSITIVE_INFINITY;
        double worst = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            best = Math.min(best, v);
            worst = Math.max(worst, v);
        }
        int m = n + failures.size() + pending.size();
        double[][] inputs = new double[m][];
        double[] output = new double[m];
        int i = 0;
        for (; i < n; i++) {
            inputs[i] = evaluated.get(i);
            output[i] = y[i];
        }
        for (Point p : failures) {
            inputs[i] = p.u();
            output[i++] = worst;
        }
        for (Point p : pending) {
            inputs[i] = p.u();
            output[i++] = best;
        }
        GaussianProcess gp;
        try {
            gp = GaussianProcess.fit(Kernel.MATERN52, inputs, output, GP_RESTARTS, random.nextLong());
        } catch (IllegalStateException e) {
            return farthest();
        }
        return maximiseImprovement(gp, best, inputs, y);
    }

    /** @return the target to be minimised per evaluation: the objective or the ParEGO scalarisation */
    private double[] targets() {
        int n = evaluations.size();
        int k = goals.length;
        double[][] f = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                f[i][j] = goals[j].minimised(evaluations.get(i).objectives[j]);
            }
        }
        double[] y = new double[n];
        if (k == 1) {
            for (int i = 0; i < n; i++) {
                y[i] = f[i][0];
            }
            return y;
        }
        for (int j = 0; j < k; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : f) {
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            double range = max > min ? max - min : 1;
            for (double[] row : f) {
                row[j] = (row[j] - min) / range;
            }
        }
        double[] lambda = weights[random.nextInt(weights.length)];
        for (int i = 0; i < n; i++) {
            y[i] = chebyshev(f[i], lambda);
        }
        return y;
    }

    /** @return the augmented Chebyshev scalarisation max_j(λ_j f_j) + ρ Σ λ_j f_j */
    static double chebyshev(double[] f, double[] lambda) {
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int j = 0; j < f.length; j++) {
            max = Math.max(max, lambda[j] * f[j]);
            sum += lambda[j] * f[j];
        }
        return max + RHO * sum;
    }

    /** @return all vectors with components in {0, 1/s, …, 1} summing to 1, in lexicographic order */
    static double[][] simplexLattice(int k, int s) {
        List<double[]> out = new ArrayList<>();
        compose(new int[k], 0, s, s, out);
        return out.toArray(new double[0][]);
    }

    private static void compose(int[] parts, int index, int left, int s, List<double[]> out) {
        if (index == parts.length - 1) {
            parts[index] = left;
            double[] lambda = new double[parts.length];
            for (int j = 0; j < parts.length; j++) {
                lambda[j] = (double) parts[j] / s;
            }
            out.add(lambda);
            return;
        }
        for (int p = 0; p <= left; p++) {
            parts[index] = p;
            compose(parts, index + 1, left - p, s, out);
        }
    }

    /** Candidate scored by the expected improvement and the predictive variance. */
    private record Scored(double[] u, double improvement, double variance) {
    }

    private double[] maximiseImprovement(GaussianProcess gp, double best, double[][] known, double[] y) {
        int d = space.dimension();
        List<double[]> candidates = shiftedSobol(d);
        Integer[] order = new Integer[y.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(y[a], y[b]));
        for (int r = 0; r < Math.min(INCUMBENTS, order.length); r++) {
            double[] centre = evaluated.get(order[r]);
            for (int p = 0; p < PERTURBATIONS; p++) {
                double[] c = new double[d];
                for (int j = 0; j < d; j++) {
                    c[j] = centre[j] + PERTURBATION_SD * random.nextGaussian();
                }
                candidates.add(InputSpace.clamp(c));
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (double[] c : candidates) {
            if (!duplicate(c, known)) {
                scored.add(score(gp, c, best));
            }
        }
        if (scored.isEmpty()) {
            return farthest();
        }
        // stable sort: ties keep the candidate order, so the choice is deterministic
        scored.sort((a, b) -> Double.compare(b.improvement(), a.improvement()));
        Scored choice = scored.get(0);
        if (!(choice.improvement() > 0)) {
            for (Scored s : scored) {
                if (s.variance() > choice.variance()) {
                    choice = s;
                }
            }
            return choice.u();
        }
        for (int r = 0; r < Math.min(REFINED, scored.size()); r++) {
            Scored start = scored.get(r);
            if (!(start.improvement() > 0)) {
                break;
            }
            Scored refined = refine(gp, best, start);
            if (refined.improvement() > choice.improvement() && !duplicate(refined.u(), known)) {
                choice = refined;
            }
        }
        return choice.u();
    }

    private static Scored score(GaussianProcess gp, double[] u, double best) {
        double[] p = gp.predict(u);
        return new Scored(u, ExpectedImprovement.of(p[0], Math.sqrt(p[1]), best), p[1]);
    }

    /** Nelder–Mead on the expected improvement at the clamped point; returns the best point it evaluated. */
    private static Scored refine(GaussianProcess gp, double best, Scored start) {
        int d = start.u().length;
        Scored[] found = {start};
        SimplexOptimizer optimiser = new SimplexOptimizer(new SimpleValueChecker(1e-8, 1e-300));
        double[] steps = new double[d];
        Arrays.fill(steps, SIMPLEX_STEP);
        try {
            optimiser.optimize(new MaxEval(REFINE_EVALUATIONS * d), GoalType.MAXIMIZE,
                    new InitialGuess(start.u()), new NelderMeadSimplex(steps),
                    new ObjectiveFunction(v -> {
                        Scored s = score(gp, InputSpace.clamp(v), best);
                        if (s.improvement() > found[0].improvement()) {
                            found[0] = s;
                        }
                        return s.improvement();
                    }));
        } catch (TooManyEvaluationsException e) {
            // the budget is spent: the best point evaluated stands
        }
        return found[0];
    }

    /** @return {@value #CANDIDATES} Sobol points with a random shift modulo 1 */
    private List<double[]> shiftedSobol(int d) {
        double[] shift = new double[d];
        for (int j = 0; j < d; j++) {
            shift[j] = random.nextDouble();
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
        List<double[]> points = new ArrayList<>(CANDIDATES + INCUMBENTS * PERTURBATIONS);
        for (int c = 0; c < CANDIDATES; c++) {
            double[] p = sobol.nextVector();
            for (int j = 0; j < d; j++) {
                p[j] = (p[j] + shift[j]) % 1.0;
            }
            points.add(p);
        }
        return points;
    }

    /** @return the candidate farthest from all observed, failed and pending points */
    private double[] farthest() {
        List<double[]> known = new ArrayList<>(evaluated);
        failures.forEach(p -> known.add(p.u()));
        pending.forEach(p -> known.add(p.u()));
        double[] choice = null;
        double farthest = -1;
        for (double[] c : shiftedSobol(space.dimension())) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double[] k : known) {
                nearest = Math.min(nearest, LatinHypercube.distance2(c, k));
            }
            if (nearest > farthest) {
                farthest = nearest;
                choice = c;
            }
        }
        return choice;
    }

    private static boolean duplicate(double[] u, double[][] known) {
        for (double[] k : known) {
            if (LatinHypercube.distance2(u, k) < DUPLICATE * DUPLICATE) {
                return true;
            }
        }
        return false;
    }
}
