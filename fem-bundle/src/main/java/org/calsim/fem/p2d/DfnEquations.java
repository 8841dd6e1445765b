package org.calsim.fem.p2d;

import org.calsim.api.electrochem.CellParameters;
import org.calsim.api.electrochem.ElectrodeParameters;
import org.calsim.api.electrochem.ElectrolyteParameters;
import org.calsim.support.units.PhysicalConstants;

/**
 * The Doyle–Fuller–Newman equations (Doyle, Fuller, Newman 1993, J. Electrochem. Soc. 140, 1526) discretised by
 * finite volumes on a {@link CellGrid} and by backward Euler in time (a BDF2 step takes the same form from a blended
 * old state, see {@link CellSimulator}), written as residuals R(u) = 0 of the unknowns at the new time:
 * <ul>
 * <li>salt in the electrolyte: ε ∂c_e/∂t = ∂/∂x(D_eff ∂c_e/∂x) + (1 − t₊) a i_n / F;</li>
 * <li>charge in the electrolyte: ∂i_e/∂x = a i_n with i_e = −κ_eff ∂φ_e/∂x + (2RT/F) κ_eff (1 − t₊)
 * (1 + d ln f/d ln c) ∂ ln c_e/∂x;</li>
 * <li>charge in the solid: ∂i_s/∂x = −a i_n with i_s = −σ_eff ∂φ_s/∂x, i_s = I at the collectors and 0 at the
 * separator;</li>
 * <li>Butler–Volmer kinetics: i_n = 2 j₀ sinh(F η / 2RT), η = φ_s − φ_e − U(θ_surf),
 * j₀ = k c_e^½ c_s,surf^½ (c_s,max − c_s,surf)^½ (symmetric, α = ½);</li>
 * <li>spherical diffusion in the particles: ∂c_s/∂t = r⁻² ∂/∂r(r² D_s ∂c_s/∂r) with
 * −D_s ∂c_s/∂r = i_n / F at r = R (finite volumes on shells that thin towards the surface,
 * {@link CellGrid#SHELL_GRADING}).</li>
 * </ul>
 * The salt concentration enters as its logarithm (the unknown is ln c_e), so it stays positive however far the
 * electrolyte is depleted, and the diffusion potential is linear in the unknowns.
 *
 * <p>D_eff = D ε/T and κ_eff = κ ε/T per region (T the tortuosity factor: given, or Bruggeman T = ε^(1−b)); faces
 * between cells take the two half-cells in series. i_n &gt; 0 is de-intercalation; I &gt; 0 is discharge.
 *
 * <p>Reference potential: for a full cell φ_e = 0 in the first cell (that cell's electrolyte charge balance
 * follows from all the others). For a half cell the lithium foil at x = 0 is the reference: its own
 * Butler–Volmer reaction carries I, with the exchange current density of the set. The last equation fixes I
 * (constant current) or the cell voltage (constant voltage).
 */
final class DfnEquations {
    /** Faraday constant [C/mol]. */
    static final double F = PhysicalConstants.FARADAY;
    /** Gas constant [J/(mol K)]. */
    static final double R_GAS = PhysicalConstants.GAS_CONSTANT;

    /** Constant current: the last equation is I = setpoint [A/m²]. */
    static final int CURRENT = 0;
    /** Constant voltage: the last equation is V = setpoint [V]. */
    static final int VOLTAGE = 1;

    final CellParameters cell;
    final CellGrid grid;
    final ElectrolyteParameters electrolyte;
    final double thermal;      // RT/F [V]
    final double tPlus;
    /** Smallest salt concentration the lithium-foil face may take in the half-cell formula [mol/m³]. */
    final double cFloor;
    /** Per cell: porosity, ε/T, σ_eff, a, ε_s. */
    final double[] porosity;
    final double[] transport;
    final double[] sigma;
    final double[] area;
    private final double[] activeFraction;
    /** Per face: salt flux, electrolyte current, solid current (work arrays). */
    private final double[] saltFlux;
    private final double[] ionicCurrent;
    private final double[] solidCurrent;
    /** Per cell: salt concentration, D_eff and κ_eff at the current iterate (work arrays). */
    private final double[] salt;
    private final double[] dEff;
    private final double[] kEff;

    DfnEquations(CellParameters cell, CellGrid grid) {
        this.cell = cell;
        this.grid = grid;
        this.electrolyte = cell.electrolyte();
        this.thermal = R_GAS * cell.temperature() / F;
        this.tPlus = electrolyte.transferenceNumber();
        this.cFloor = 1e-12 * electrolyte.initialConcentration();
        int n = grid.cells;
        porosity = new double[n];
        transport = new double[n];
        sigma = new double[n];
        area = new double[n];
        activeFraction = new double[n];
        for (int c = 0; c < n; c++) {
            ElectrodeParameters e = grid.electrode[c];
            if (e == null) {
                double eps = cell.separator().porosity();
                porosity[c] = eps;
                transport[c] = Math.pow(eps, cell.separator().bruggeman());
            } else {
                porosity[c] = e.porosity();
                transport[c] = e.porosity() / e.tortuosity();
                sigma[c] = e.conductivity() * Math.pow(e.activeVolumeFraction(), e.bruggemanElectrode());
                area[c] = e.specificArea();
                activeFraction[c] = e.activeVolumeFraction();
            }
        }
        saltFlux = new double[n + 1];
        ionicCurrent = new double[n + 1];
        solidCurrent = new double[n + 1];
        salt = new double[n];
        dEff = new double[n];
        kEff = new double[n];
    }

    /**
     * @param u        unknowns at the new time
     * @param previous unknowns at the old time
     * @param dt       time step [s]
     * @param mode     {@link #CURRENT} or {@link #VOLTAGE}
     * @param setpoint I [A/m²] or V [V]
     * @param r        residuals, filled in
     */
    void residual(double[] u, double[] previous, double dt, int mode, double setpoint, double[] r) {
        CellGrid g = grid;
        int n = g.cells;
        double current = u[g.current];
        for (int c = 0; c < n; c++) {
            double ce = Math.exp(u[g.offset[c]]);
            salt[c] = ce;
            dEff[c] = electrolyte.diffusivity().applyAsDouble(ce) * transport[c];
            kEff[c] = electrolyte.conductivity().applyAsDouble(ce) * transport[c];
        }
        for (int f = 1; f < n; f++) {
            int a = f - 1;
            int oa = g.offset[a];
            int ob = g.offset[f];
            double ca = salt[a];
            double cb = salt[f];
            saltFlux[f] = -(cb - ca) / (g.dx[a] / (2 * dEff[a]) + g.dx[f] / (2 * dEff[f]));
            double conductance = 1 / (g.dx[a] / (2 * kEff[a]) + g.dx[f] / (2 * kEff[f]));
            double diffusionPotential = 2 * thermal * (1 - tPlus)
                    * electrolyte.thermodynamicFactor().applyAsDouble(0.5 * (ca + cb)) * (u[ob] - u[oa]);
            ionicCurrent[f] = -conductance * (u[ob + CellGrid.PHI_E] - u[oa + CellGrid.PHI_E] - diffusionPotential);
            boolean solid = g.isElectrode(a) && g.region[a] == g.region[f];
            solidCurrent[f] = solid ? -(u[ob + CellGrid.PHI_S] - u[oa + CellGrid.PHI_S])
                    / (g.dx[a] / (2 * sigma[a]) + g.dx[f] / (2 * sigma[f])) : 0;
        }
        if (cell.halfCell()) { // lithium foil at x = 0: all of I enters the electrolyte there
            saltFlux[0] = (1 - tPlus) * current / F;
            ionicCurrent[0] = current;
            solidCurrent[0] = 0;
        } else {
            saltFlux[0] = 0;
            ionicCurrent[0] = 0;
            solidCurrent[0] = current;
        }
        saltFlux[n] = 0;
        ionicCurrent[n] = 0;
        solidCurrent[n] = current;

        for (int c = 0; c < n; c++) {
            int o = g.offset[c];
            double dx = g.dx[c];
            double source = 0;
            if (g.isElectrode(c)) {
                double in = u[o + CellGrid.FLUX];
                source = area[c] * in;
                r[o + CellGrid.PHI_S] = (solidCurrent[c + 1] - solidCurrent[c]) / dx + source;
                particle(c, u, previous, dt, r);
            }
            r[o] = porosity[c] * (salt[c] - Math.exp(previous[o])) / dt + (saltFlux[c + 1] - saltFlux[c]) / dx
                    - (1 - tPlus) * source / F;
            r[o + CellGrid.PHI_E] = (ionicCurrent[c + 1] - ionicCurrent[c]) / dx - source;
        }
        int o0 = g.offset[0];
        if (cell.halfCell()) {
            r[o0 + CellGrid.PHI_E] = foilFacePotential(u) + 2 * thermal
                    * asinh(current / (2 * cell.foilExchangeCurrent()));
        } else {
            r[o0 + CellGrid.PHI_E] = u[o0 + CellGrid.PHI_E];
        }
        r[g.current] = mode == CURRENT ? current - setpoint : voltage(u) - setpoint;
    }

    /** Kinetics and solid diffusion of electrode cell c. */
    private void particle(int c, double[] u, double[] previous, double dt, double[] r) {
        CellGrid g = grid;
        ElectrodeParameters e = g.electrode[c];
        int o = g.offset[c];
        int m = g.shells;
        double radius = e.particleRadius();
        double cMax = e.maxConcentration();
        double[] face = g.shellFace;
        double[] centre = g.shellCentre;
        double in = u[o + CellGrid.FLUX];
        int s0 = o + CellGrid.SHELL;
        // shells (r in units of R): ((r_o³ − r_i³)/3) R dc/dt = r_o² D (c_{k+1} − c_k)/Δr − r_i² D (c_k − c_{k−1})/Δr
        // with Δr the distance between the two shell centres [m], times 3/R: per unit particle volume
        double scale = 3 / radius;
        double inward = 0; // r_i² D ∂c/∂r at the inner face of the shell (r in units of R)
        for (int k = 0; k < m; k++) {
            double ri = face[k];
            double ro = face[k + 1];
            double outward;
            if (k < m - 1) {
                double theta = 0.5 * (u[s0 + k] + u[s0 + k + 1]) / cMax;
                outward = ro * ro * e.solidDiffusivity().applyAsDouble(clamp(theta)) * (u[s0 + k + 1] - u[s0 + k])
                        / ((centre[k + 1] - centre[k]) * radius);
            } else {
                outward = -in / F;
            }
            double volume = (ro * ro * ro - ri * ri * ri) / 3;
            r[s0 + k] = scale * (volume * radius * (u[s0 + k] - previous[s0 + k]) / dt - (outward - inward));
            inward = outward;
        }
        double surface = surfaceConcentration(c, u);
        double theta = clamp(surface / cMax);
        double j0 = e.reactionRate() * Math.sqrt(salt[c]) * cMax * Math.sqrt(theta * (1 - theta));
        double eta = u[o + CellGrid.PHI_S] - u[o + CellGrid.PHI_E] - e.openCircuitPotential().applyAsDouble(theta);
        r[o + CellGrid.FLUX] = in - 2 * j0 * Math.sinh(eta / (2 * thermal));
    }

    /** @return salt concentration of cell c [mol/m³] (the unknown is its logarithm) */
    double concentration(double[] u, int c) {
        return Math.exp(u[grid.offset[c]]);
    }

    /** @return surface concentration of electrode cell c: the outer shell extrapolated with the surface flux */
    double surfaceConcentration(int c, double[] u) {
        CellGrid g = grid;
        ElectrodeParameters e = g.electrode[c];
        int o = g.offset[c];
        double outer = u[o + CellGrid.SHELL + g.shells - 1];
        double dr = e.particleRadius() * (1 - g.shellCentre[g.shells - 1]);
        double d = e.solidDiffusivity().applyAsDouble(clamp(outer / e.maxConcentration()));
        return outer - dr * u[o + CellGrid.FLUX] / (F * d);
    }

    /** @return φ_e at the lithium-foil face of a half cell, from the first cell and the current through the face */
    private double foilFacePotential(double[] u) {
        CellGrid g = grid;
        int o = g.offset[0];
        double current = u[g.current];
        double h = g.dx[0] / 2;
        double ce = salt[0];
        double face = Math.max(ce + (1 - tPlus) * current * h / (F * dEff[0]), cFloor);
        double beta = 2 * thermal * (1 - tPlus) * electrolyte.thermodynamicFactor().applyAsDouble(ce);
        return u[o + CellGrid.PHI_E] + current * h / kEff[0] - beta * (u[o] - Math.log(face));
    }

    /** @return cell voltage: φ_s at the positive collector minus φ_s at the negative collector (or the foil) [V] */
    double voltage(double[] u) {
        CellGrid g = grid;
        int last = g.cells - 1;
        double current = u[g.current];
        double positive = u[g.offset[last] + CellGrid.PHI_S] - current * g.dx[last] / (2 * sigma[last]);
        if (cell.halfCell()) {
            return positive;
        }
        return positive - (u[g.offset[0] + CellGrid.PHI_S] + current * g.dx[0] / (2 * sigma[0]));
    }

    /** @return ∂V/∂φ_s(first cell), ∂V/∂φ_s(last cell), ∂V/∂I: the voltage is linear in these */
    double[] voltageDerivatives() {
        CellGrid g = grid;
        int last = g.cells - 1;
        double dI = -g.dx[last] / (2 * sigma[last]);
        if (cell.halfCell()) {
            return new double[] {0, 1, dI};
        }
        return new double[] {-1, 1, dI - g.dx[0] / (2 * sigma[0])};
    }

    /** @return lithium in the cell per electrode area: in the electrolyte and in the particles [mol/m²] */
    double lithium(double[] u) {
        CellGrid g = grid;
        double total = 0;
        for (int c = 0; c < g.cells; c++) {
            int o = g.offset[c];
            total += porosity[c] * Math.exp(u[o]) * g.dx[c];
            if (g.isElectrode(c)) {
                total += activeFraction[c] * g.dx[c] * meanSolidConcentration(c, u);
            }
        }
        return total;
    }

    /** @return volume-averaged lithium concentration of the particle of electrode cell c [mol/m³] */
    double meanSolidConcentration(int c, double[] u) {
        int m = grid.shells;
        int s0 = grid.offset[c] + CellGrid.SHELL;
        double sum = 0;
        for (int k = 0; k < m; k++) {
            double ri = grid.shellFace[k];
            double ro = grid.shellFace[k + 1];
            sum += (ro * ro * ro - ri * ri * ri) * u[s0 + k];
        }
        return sum;
    }

    /** Fills u with the rest state at the given stoichiometries (θ_neg, θ_pos) and electrolyte c₀. */
    void restState(double thetaNegative, double thetaPositive, double[] u) {
        CellGrid g = grid;
        double c0 = electrolyte.initialConcentration();
        double phiE = 0; // the reference: foil, or the first cell's electrolyte
        for (int c = 0; c < g.cells; c++) {
            int o = g.offset[c];
            u[o] = Math.log(c0);
            u[o + CellGrid.PHI_E] = phiE;
            ElectrodeParameters e = g.electrode[c];
            if (e != null) {
                double theta = g.region[c] == CellGrid.NEGATIVE ? thetaNegative : thetaPositive;
                u[o + CellGrid.PHI_S] = phiE + e.openCircuitPotential().applyAsDouble(theta);
                u[o + CellGrid.FLUX] = 0;
                for (int k = 0; k < g.shells; k++) {
                    u[o + CellGrid.SHELL + k] = theta * e.maxConcentration();
                }
            }
        }
        u[g.current] = 0;
    }

    static double clamp(double theta) {
        return Math.min(Math.max(theta, 1e-9), 1 - 1e-9);
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }
}
