package org.calsim.fem.conduction;

import java.util.Arrays;
import org.calsim.parallel.WorkerTeam;

/**
 * The finite-volume conductance system of the percolating voxels: a symmetric, weakly diagonally dominant
 * M-matrix A ({@link Stencil} on the voxel grid, conductances from the phases), with the inlet (φ = 1) and outlet
 * (φ = 0) face conductances that make the right-hand side and measure the currents. Every unknown belongs to a
 * cluster touching the inlet, so A is positive definite.
 */
final class ConductanceSystem {
    /** The operator; its sink holds the conductances to the Dirichlet faces. */
    final Stencil stencil;
    /** Unknowns on the inlet face and their conductances to it: the right-hand side (φ = 1 there). */
    final int[] inletUnknowns;
    final double[] inletConductance;
    /** Unknowns on the outlet face and their conductances to it. */
    final int[] outletUnknowns;
    final double[] outletConductance;

    /**
     * Assembles the system on the voxels marked in {@code active}: two neighbours are joined by the conductance of
     * their half-voxels in series, 2σ₁σ₂/(σ₁ + σ₂), a voxel on a Dirichlet face by 2σ; across the border of a
     * {@code periodic} axis a voxel is joined to the one on the opposite border, else that face has no flux.
     *
     * @param phase        phase of every voxel (unsigned), an index into {@code conductivity}
     * @param conductivity σ per phase
     * @param team         the workers that assemble it
     */
    ConductanceSystem(Occupancy active, byte[] phase, double[] conductivity, int axis, boolean[] periodic,
                      WorkerTeam team) {
        SteadyConduction.checkPeriodic(axis, periodic);
        stencil = new Stencil(active, periodic, phase, conductivity, axis, team);
        Face inlet = face(true, axis);
        Face outlet = face(false, axis);
        inletUnknowns = inlet.unknowns;
        inletConductance = inlet.conductance;
        outletUnknowns = outlet.unknowns;
        outletConductance = outlet.conductance;
    }

    private record Face(int[] unknowns, double[] conductance) {
    }

    /** @return the unknowns on the inlet (or outlet) face and their conductances to it, found from the bits of the
     *          face's voxels only */
    private Face face(boolean inlet, int axis) {
        Occupancy cells = stencil.cells;
        int layer = inlet ? 0 : (axis == 0 ? cells.nx : axis == 1 ? cells.ny : cells.nz) - 1;
        int[] unknowns = new int[0];
        double[] conductance = new double[0];
        for (int pass = 0; pass < 2; pass++) {
            int count = 0;
            for (int row = 0; row < cells.rows; row++) {
                if (axis == 1 && row % cells.ny != layer || axis == 2 && row / cells.ny != layer) {
                    continue;
                }
                // along x the face is one column of every row; along y or z whole rows
                int from = axis == 0 ? layer : 0;
                int to = axis == 0 ? layer : cells.nx - 1;
                for (int i = from; i <= to; i++) {
                    int s = cells.slot(i, row);
                    double g = s < 0 ? 0 : stencil.faceConductance(cells.nx * row + i);
                    if (g > 0) {
                        if (pass == 1) {
                            unknowns[count] = s;
                            conductance[count] = g;
                        }
                        count++;
                    }
                }
            }
            if (pass == 0) {
                unknowns = new int[count];
                conductance = new double[count];
            }
        }
        return new Face(unknowns, conductance);
    }

    /** Sets r = b, the right-hand side: the conductance to the inlet face, 0 elsewhere. */
    void rightHandSide(double[] r) {
        Arrays.fill(r, 0);
        for (int k = 0; k < inletUnknowns.length; k++) {
            r[inletUnknowns[k]] += inletConductance[k];
        }
    }

    /** @return current entering through the inlet face, Σ g_b (1 − φ) [σ·voxel] */
    double inletCurrent(double[] phi) {
        double current = 0;
        for (int k = 0; k < inletUnknowns.length; k++) {
            current += inletConductance[k] * (1 - phi[inletUnknowns[k]]);
        }
        return current;
    }

    /** @return current leaving through the outlet face, Σ g_b φ [σ·voxel] */
    double outletCurrent(double[] phi) {
        double current = 0;
        for (int k = 0; k < outletUnknowns.length; k++) {
            current += outletConductance[k] * phi[outletUnknowns[k]];
        }
        return current;
    }
}
