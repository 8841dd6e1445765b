package org.calsim.fem.p2d;

import java.util.function.DoubleUnaryOperator;
import org.calsim.api.electrochem.ElectrodeParameters;
import org.calsim.api.electrochem.ElectrolyteParameters;

/**
 * The Jacobian ∂R/∂u of {@link DfnEquations#residual}, term by term: the chain rule through the face fluxes, the
 * Butler–Volmer kinetics and the shell fluxes, with the derivatives of the material functions of one variable
 * (D_e(c), κ(c), the thermodynamic factor, U(θ), D_s(θ)) by central differences of those functions. One pass over
 * the cells builds it, where finite differences of the whole residual needed one residual evaluation per column
 * group (9 + shells + 2 of them). {@code DfnVerificationTest.analyticJacobianMatchesFiniteDifferences} holds the
 * two against each other, so a change of the residual that is not carried here fails it.
 */
final class DfnJacobian {
    private final DfnEquations eq;
    private final CellGrid grid;
    private final ElectrolyteParameters electrolyte;
    /** Per cell: c_e, D_eff, κ_eff and their derivatives with respect to ln c_e. */
    private final double[] ce;
    private final double[] dEff;
    private final double[] kEff;
    private final double[] dEffL;
    private final double[] kEffL;

    DfnJacobian(DfnEquations equations) {
        this.eq = equations;
        this.grid = equations.grid;
        this.electrolyte = equations.electrolyte;
        int n = grid.cells;
        ce = new double[n];
        dEff = new double[n];
        kEff = new double[n];
        dEffL = new double[n];
        kEffL = new double[n];
    }

    /** Adds ∂R/∂u at u (time step dt, mode {@link DfnEquations#CURRENT} or VOLTAGE) to the empty triplet j. */
    void assemble(double[] u, double dt, int mode, SparseAssembly j) {
        CellGrid g = grid;
        int n = g.cells;
        int iCol = g.current;
        double tp = eq.tPlus;
        cellProperties(u);
        // faces between cells a = f − 1 and b = f
        for (int f = 1; f < n; f++) {
            face(f, u, j);
        }
        // the collectors (and the foil): boundary fluxes carry I
        int o0 = g.offset[0];
        int last = n - 1;
        int oLast = g.offset[last];
        j.addItem(oLast + CellGrid.PHI_S, iCol, 1 / g.dx[last]); // s_n = I
        if (eq.cell.halfCell()) {
            j.addItem(o0, iCol, -(1 - tp) / (DfnEquations.F * g.dx[0])); // N_0 = (1 − t₊) I / F
            foilRow(u, j);
        } else {
            j.addItem(o0 + CellGrid.PHI_S, iCol, -1 / g.dx[0]); // s_0 = I
            j.addItem(o0 + CellGrid.PHI_E, o0 + CellGrid.PHI_E, 1); // φ_e = 0 in the first cell
        }
        // cells: storage, sources, kinetics, particles
        for (int c = 0; c < n; c++) {
            int o = g.offset[c];
            j.addItem(o, o, eq.porosity[c] * ce[c] / dt);
            if (!g.isElectrode(c)) {
                continue;
            }
            double a = eq.area[c];
            int fl = o + CellGrid.FLUX;
            j.addItem(o + CellGrid.PHI_S, fl, a);
            j.addItem(o, fl, -(1 - tp) * a / DfnEquations.F);
            if (c != 0) { // the first cell's electrolyte row is the reference
                j.addItem(o + CellGrid.PHI_E, fl, -a);
            }
            particle(c, u, dt, j);
        }
        int row = g.current;
        if (mode == DfnEquations.CURRENT) {
            j.addItem(row, iCol, 1);
        } else {
            double[] dv = eq.voltageDerivatives();
            if (dv[0] != 0) {
                j.addItem(row, o0 + CellGrid.PHI_S, dv[0]);
            }
            j.addItem(row, oLast + CellGrid.PHI_S, dv[1]);
            j.addItem(row, iCol, dv[2]);
        }
    }

    /** Fills the salt concentration and the effective transport properties of every cell, with their log slopes. */
    private void cellProperties(double[] u) {
        CellGrid g = grid;
        int n = g.cells;
        for (int c = 0; c < n; c++) {
            double s = Math.exp(u[g.offset[c]]);
            ce[c] = s;
            double t = eq.transport[c];
            dEff[c] = electrolyte.diffusivity().applyAsDouble(s) * t;
            kEff[c] = electrolyte.conductivity().applyAsDouble(s) * t;
            dEffL[c] = slope(electrolyte.diffusivity(), s) * s * t;
            kEffL[c] = slope(electrolyte.conductivity(), s) * s * t;
        }
    }

    /** Adds the salt flux, electrolyte current and solid current through face f (between cells f − 1 and f). */
    private void face(int f, double[] u, SparseAssembly j) {
        CellGrid g = grid;
        double tp = eq.tPlus;
        int a = f - 1;
        int b = f;
        int oa = g.offset[a];
        int ob = g.offset[b];
        double ia = 1 / g.dx[a];
        double ib = -1 / g.dx[b];
        // salt flux N = −(c_b − c_a)/Rd, Rd = dx_a/(2 D_a) + dx_b/(2 D_b)
        double rd = g.dx[a] / (2 * dEff[a]) + g.dx[b] / (2 * dEff[b]);
        double diff = ce[b] - ce[a];
        double nLa = ce[a] / rd + diff / (rd * rd) * (-g.dx[a] / (2 * dEff[a] * dEff[a]) * dEffL[a]);
        double nLb = -ce[b] / rd + diff / (rd * rd) * (-g.dx[b] / (2 * dEff[b] * dEff[b]) * dEffL[b]);
        // r_c holds (N_{c+1} − N_c)/dx_c: face f enters cell a's row as +N_f/dx_a and cell b's as −N_f/dx_b
        j.addItem(oa, oa, ia * nLa);
        j.addItem(oa, ob, ia * nLb);
        j.addItem(ob, oa, ib * nLa);
        j.addItem(ob, ob, ib * nLb);
        // electrolyte current i = −G (φ_b − φ_a − β (L_b − L_a)), G = 1/Rk, β = 2 (RT/F)(1 − t₊) f(c̄)
        double rk = g.dx[a] / (2 * kEff[a]) + g.dx[b] / (2 * kEff[b]);
        double gk = 1 / rk;
        double mean = 0.5 * (ce[a] + ce[b]);
        double k2 = 2 * eq.thermal * (1 - tp);
        double tf = electrolyte.thermodynamicFactor().applyAsDouble(mean);
        double tfSlope = slope(electrolyte.thermodynamicFactor(), mean);
        double dl = u[ob] - u[oa];
        double drive = u[ob + CellGrid.PHI_E] - u[oa + CellGrid.PHI_E] - k2 * tf * dl;
        double gLa = gk * gk * g.dx[a] * kEffL[a] / (2 * kEff[a] * kEff[a]);
        double gLb = gk * gk * g.dx[b] * kEffL[b] / (2 * kEff[b] * kEff[b]);
        double pLa = k2 * (tfSlope * 0.5 * ce[a] * dl - tf); // ∂(β ΔL)/∂L_a
        double pLb = k2 * (tfSlope * 0.5 * ce[b] * dl + tf);
        double iLa = -gLa * drive + gk * pLa;
        double iLb = -gLb * drive + gk * pLb;
        double iPa = gk;
        double iPb = -gk;
        int ra = oa + CellGrid.PHI_E;
        int rb = ob + CellGrid.PHI_E;
        boolean referenceA = a == 0; // the first cell's electrolyte row is the reference (replaced below)
        if (!referenceA) {
            j.addItem(ra, oa, ia * iLa);
            j.addItem(ra, ob, ia * iLb);
            j.addItem(ra, oa + CellGrid.PHI_E, ia * iPa);
            j.addItem(ra, ob + CellGrid.PHI_E, ia * iPb);
        }
        j.addItem(rb, oa, ib * iLa);
        j.addItem(rb, ob, ib * iLb);
        j.addItem(rb, oa + CellGrid.PHI_E, ib * iPa);
        j.addItem(rb, ob + CellGrid.PHI_E, ib * iPb);
        // solid current s = −(φs_b − φs_a)/Rs within one electrode
        if (g.isElectrode(a) && g.region[a] == g.region[b]) {
            double gs = 1 / (g.dx[a] / (2 * eq.sigma[a]) + g.dx[b] / (2 * eq.sigma[b]));
            int sa = oa + CellGrid.PHI_S;
            int sb = ob + CellGrid.PHI_S;
            j.addItem(sa, sa, ia * gs);
            j.addItem(sa, sb, -ia * gs);
            j.addItem(sb, sa, ib * gs);
            j.addItem(sb, sb, -ib * gs);
        }
    }

    /** The half cell's first electrolyte row: φ_e at the foil face plus the foil's overpotential is zero. */
    private void foilRow(double[] u, SparseAssembly j) {
        CellGrid g = grid;
        int o = g.offset[0];
        int row = o + CellGrid.PHI_E;
        double tp = eq.tPlus;
        double current = u[g.current];
        double h = g.dx[0] / 2;
        double c0 = ce[0];
        double k2 = 2 * eq.thermal * (1 - tp);
        double raw = c0 + (1 - tp) * current * h / (DfnEquations.F * dEff[0]);
        boolean floor = raw < eq.cFloor;
        double face = floor ? eq.cFloor : raw;
        double beta = k2 * electrolyte.thermodynamicFactor().applyAsDouble(c0);
        double betaL = k2 * slope(electrolyte.thermodynamicFactor(), c0) * c0;
        double faceL = floor ? 0 : c0 - (1 - tp) * current * h / (DfnEquations.F * dEff[0] * dEff[0]) * dEffL[0];
        double faceI = floor ? 0 : (1 - tp) * h / (DfnEquations.F * dEff[0]);
        double logTerm = u[o] - Math.log(face);
        double io = eq.cell.foilExchangeCurrent();
        double x = current / (2 * io);
        j.addItem(row, row, 1);
        j.addItem(row, o, -current * h * kEffL[0] / (kEff[0] * kEff[0]) - betaL * logTerm - beta * (1 - faceL / face));
        j.addItem(row, g.current, h / kEff[0] + beta * faceI / face
                + 2 * eq.thermal / (2 * io) / Math.sqrt(x * x + 1));
    }

    /** Kinetics and solid diffusion rows of electrode cell c. */
    private void particle(int c, double[] u, double dt, SparseAssembly j) {
        CellGrid g = grid;
        ElectrodeParameters e = g.electrode[c];
        int o = g.offset[c];
        int m = g.shells;
        double radius = e.particleRadius();
        double cMax = e.maxConcentration();
        double[] face = g.shellFace;
        double[] centre = g.shellCentre;
        int s0 = o + CellGrid.SHELL;
        int fl = o + CellGrid.FLUX;
        DoubleUnaryOperator ds = e.solidDiffusivity();
        double scale = 3 / radius;
        for (int k = 0; k < m; k++) {
            double ri = face[k];
            double ro = face[k + 1];
            double volume = (ro * ro * ro - ri * ri * ri) / 3;
            j.addItem(s0 + k, s0 + k, scale * volume * radius / dt);
        }
        // r_k = scale (... − (out_k − out_{k−1})): out_k enters row k with −scale and row k+1 with +scale
        for (int k = 0; k < m - 1; k++) {
            double ro = face[k + 1];
            double theta = 0.5 * (u[s0 + k] + u[s0 + k + 1]) / cMax;
            double clamped = DfnEquations.clamp(theta);
            double d = ds.applyAsDouble(clamped);
            double dSlope = clamped == theta ? slope(ds, theta) : 0;
            double w = ro * ro / ((centre[k + 1] - centre[k]) * radius);
            double diff = u[s0 + k + 1] - u[s0 + k];
            double outNext = w * (d + dSlope * 0.5 / cMax * diff);
            double outThis = w * (-d + dSlope * 0.5 / cMax * diff);
            j.addItem(s0 + k, s0 + k, -scale * outThis);
            j.addItem(s0 + k, s0 + k + 1, -scale * outNext);
            j.addItem(s0 + k + 1, s0 + k, scale * outThis);
            j.addItem(s0 + k + 1, s0 + k + 1, scale * outNext);
        }
        j.addItem(s0 + m - 1, fl, scale / DfnEquations.F); // out_{m−1} = −i_n/F
        // kinetics: r = i_n − 2 j₀ sinh(η/2θ_T), η = φ_s − φ_e − U(θ_surf)
        double in = u[fl];
        double outer = u[s0 + m - 1];
        double dr = radius * (1 - centre[m - 1]);
        double thetaOuter = DfnEquations.clamp(outer / cMax);
        double dOuter = ds.applyAsDouble(thetaOuter);
        double dOuterSlope = thetaOuter == outer / cMax ? slope(ds, thetaOuter) / cMax : 0;
        double surface = outer - dr * in / (DfnEquations.F * dOuter);
        double csOuter = 1 + dr * in / (DfnEquations.F * dOuter * dOuter) * dOuterSlope;
        double csIn = -dr / (DfnEquations.F * dOuter);
        double theta = DfnEquations.clamp(surface / cMax);
        double thetaCs = theta == surface / cMax ? 1 / cMax : 0;
        double sq = Math.sqrt(theta * (1 - theta));
        double j0 = e.reactionRate() * Math.sqrt(ce[c]) * cMax * sq;
        double j0Theta = e.reactionRate() * Math.sqrt(ce[c]) * cMax * (1 - 2 * theta) / (2 * sq);
        double ocp = e.openCircuitPotential().applyAsDouble(theta);
        double eta = u[o + CellGrid.PHI_S] - u[o + CellGrid.PHI_E] - ocp;
        double arg = eta / (2 * eq.thermal);
        double sinh = Math.sinh(arg);
        double cosh = Math.cosh(arg);
        double etaTheta = -slope(e.openCircuitPotential(), theta);
        double rTheta = -2 * (j0Theta * sinh + j0 * cosh / (2 * eq.thermal) * etaTheta);
        double rEta = -j0 * cosh / eq.thermal;
        j.addItem(fl, fl, 1 + rTheta * thetaCs * csIn);
        j.addItem(fl, s0 + m - 1, rTheta * thetaCs * csOuter);
        j.addItem(fl, o, -j0 * sinh); // ∂j₀/∂ln c_e = j₀/2
        j.addItem(fl, o + CellGrid.PHI_S, rEta);
        j.addItem(fl, o + CellGrid.PHI_E, -rEta);
    }

    /** @return df/dx by a central difference of relative step 1e-6 */
    static double slope(DoubleUnaryOperator f, double x) {
        double h = 1e-6 * Math.max(Math.abs(x), 1e-6);
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }
}
