package org.calsim.fem.elasticity;

/**
 * Effective Young's modulus of a voxel image by linear-elastic voxel finite elements: every voxel an 8-node
 * trilinear hexahedron ({@link HexElement}) with its phase's E and ν; a pore voxel gets a small "ersatz" modulus
 * (a fraction of the largest one) so that no node floats. Solved matrix-free ({@link ElementOperator}) by
 * Jacobi-preconditioned conjugate gradients at an average strain of 10⁻³ along the load axis.
 *
 * <p><b>Definition.</b> E_eff = Σ_aa / E_aa along the load axis a, Σ the volume-averaged stress and E the
 * average strain, with the other components of the average stress zero (uniaxial stress). E_eff is in the
 * units of the phase moduli given (Pa in, Pa out); the voxel size cancels.
 *
 * <p><b>Lateral boundaries</b> ({@link Lateral}). The image's x and y are its lateral (in-plane) axes, z runs
 * from the current collector (k = 0) to the top.
 * <ul>
 * <li>{@link Lateral#PERIODIC}, for periodic images such as DEM packings: u = H·x + w, w periodic in x and y,
 * with the average displacement gradient H partly unknown (the jump DOFs of {@link ElementOperator}). The
 * unknown lateral normal strains and the in-plane shear make the corresponding average stresses vanish (their
 * conjugate forces are zero at the minimum of the energy), so the loading is uniaxial stress in the average, as
 * Young's modulus needs, and no material is cut at the lateral faces. Through the plane (a = z): frictionless
 * rigid platens at the collector (u_z = 0) and the top (u_z = −δ); lateral average strains and in-plane shear
 * free; the platens admit no jump of u_z across the cell. In the plane (a = x or y): the load is the prescribed
 * jump J_a,a = −δ across the periodic cell, the other lateral normal strain and the in-plane shear are free, the
 * collector and the top faces are traction free, which is the free-standing coating in an in-plane tensile or
 * compression test (the foil is not part of the coating's modulus: an electrode strip loaded along the plane
 * carries the foil and the coating side by side, E_strip = Σ E_layer t_layer / Σ t_layer). In both cases the
 * rigid motions are removed by holding one node and the rotation about z by J_y,x = 0 (and about x and y by
 * J_·,z = 0, which the free shear of w along z leaves without effect on the stress). Periodic conditions give apparent
 * moduli between those of kinematic (KUBC) and static (SUBC) uniform boundary conditions and converge fastest with the
 * volume size to the effective modulus (Kanit, Forest, Galliet, Mounoury and Jeulin, Int. J. Solids Struct. 40 (2003)
 * 3647).</li>
 * <li>{@link Lateral#FREE}: rigid frictionless platens on the two faces normal to the load axis (u_a = 0 and
 * −δ), the two side faces at coordinate 0 symmetry planes (zero normal displacement) and the two others traction
 * free. Material that continues across a lateral face of a periodic image is cut there, so the answer is that of
 * the cut-out block, neither a bound nor the periodic value: cut load paths make it softer, the rigid platens
 * (and in the plane the symmetry plane at the collector) make it stiffer.</li>
 * </ul>
 * The stress is the platen (or jump) reaction F over the cross-section A in voxel units: E_eff = (F/A)/(δ/L).
 */
public final class VoxelElasticity {
    /** Imposed average strain along the load axis [1]; linear elasticity: the modulus does not depend on it. */
    static final double STRAIN = 1e-3;

    private VoxelElasticity() {
    }

    /** Boundary conditions on the faces across the load (see the class description). */
    public enum Lateral {
        /** periodic x and y, the load axis included when it lies in the plane */
        PERIODIC,
        /** platens on the loaded faces, symmetry planes and free faces on the sides */
        FREE
    }

    /**
     * Solver settings.
     *
     * @param ersatz        modulus of empty voxels relative to the largest phase modulus, e.g. 1e-6
     * @param tolerance     relative residual ‖r‖/‖b‖ to stop at
     * @param maxIterations conjugate-gradient iteration limit
     * @param threads       worker threads (≥ 1); the result does not depend on it
     */
    public record Settings(double ersatz, double tolerance, int maxIterations, int threads) {
    }

    /**
     * Result.
     *
     * @param modulus    effective Young's modulus along the axis, in the units of the given moduli
     * @param iterations conjugate-gradient iterations
     * @param residual   final relative residual
     */
    public record Result(double modulus, int iterations, double residual) {
    }

    /**
     * Told after every conjugate-gradient iteration of the relative residual ‖r‖/‖b‖ (progress, cancellation); it
     * stops the solve by throwing an unchecked exception, which closes the solve's worker threads on its way out.
     */
    @FunctionalInterface
    public interface Monitor {
        /** No progress, no cancellation. */
        Monitor NONE = (iteration, residual) -> { };

        /** @param iteration the iterations done @param residual the relative residual after them */
        void iteration(int iteration, double residual);
    }

    /**
     * @param n        voxels along x, y, z
     * @param phase    phase label per voxel (x fastest)
     * @param youngs   Young's modulus per phase label (0 for pores: they get {@code ersatz} × the largest)
     * @param poisson  Poisson's ratio per phase label
     * @param axis     load axis 0 (x), 1 (y), 2 (z, through the plane)
     * @param lateral  boundary conditions across the load
     * @param settings ersatz modulus, tolerance, iteration limit, threads
     */
    public static Result solve(int[] n, byte[] phase, double[] youngs, double[] poisson, int axis, Lateral lateral,
                               Settings settings) {
        return solve(n, phase, youngs, poisson, axis, lateral, settings, Monitor.NONE);
    }

    /**
     * Solves as {@link #solve(int[], byte[], double[], double[], int, Lateral, Settings)}, telling {@code monitor} of
     * every iteration.
     */
    public static Result solve(int[] n, byte[] phase, double[] youngs, double[] poisson, int axis, Lateral lateral,
                               Settings settings, Monitor monitor) {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("load axis must be 0, 1 or 2, was " + axis);
        }
        double eMax = 0;
        for (double e : youngs) {
            eMax = Math.max(eMax, e);
        }
        double[] modulus = new double[phase.length];
        double[][] unit = new double[youngs.length][];
        for (int p = 0; p < youngs.length; p++) {
            unit[p] = HexElement.stiffness(poisson[p]);
        }
        for (int v = 0; v < phase.length; v++) {
            double e = youngs[phase[v]];
            modulus[v] = e > 0 ? e : settings.ersatz() * eMax;
        }
        boolean periodic = lateral == Lateral.PERIODIC;
        try (ElementOperator op = new ElementOperator(n, periodic, phase, modulus, unit, settings.threads())) {
            // prescribed DOFs: 0 free, 1 held at 0, 2 moved by −δ
            byte[] fixed = periodic ? periodicSupports(op, axis) : freeSupports(op, axis);
            double delta = STRAIN * n[axis];
            return solve(op, n, axis, fixed, delta, settings, monitor);
        }
    }

    /** Platens on the faces normal to {@code axis}, symmetry planes on the side faces at 0. */
    private static byte[] freeSupports(ElementOperator op, int axis) {
        byte[] fixed = new byte[op.size];
        int[] last = {op.nx, op.ny, op.nz};
        int b = (axis + 1) % 3;
        int c = (axis + 2) % 3;
        int[] ijk = new int[3];
        for (ijk[2] = 0; ijk[2] <= op.nz; ijk[2]++) {
            for (ijk[1] = 0; ijk[1] <= op.ny; ijk[1]++) {
                for (ijk[0] = 0; ijk[0] <= op.nx; ijk[0]++) {
                    int node = op.node(ijk[0], ijk[1], ijk[2]);
                    if (ijk[axis] == 0) {
                        fixed[3 * node + axis] = 1;
                    } else if (ijk[axis] == last[axis]) {
                        fixed[3 * node + axis] = 2;
                    }
                    if (ijk[b] == 0) {
                        fixed[3 * node + b] = 1;
                    }
                    if (ijk[c] == 0) {
                        fixed[3 * node + c] = 1;
                    }
                }
            }
        }
        return fixed;
    }

    /** Periodic x and y: platens at the collector and the top (through the plane) or the jump (in the plane). */
    private static byte[] periodicSupports(ElementOperator op, int axis) {
        byte[] fixed = new byte[op.size];
        if (axis == 2) {
            for (int j = 0; j < op.qy; j++) {
                for (int i = 0; i < op.qx; i++) {
                    fixed[3 * op.node(i, j, 0) + 2] = 1;
                    fixed[3 * op.node(i, j, op.nz) + 2] = 2;
                }
            }
        } else {
            fixed[op.jump(axis, axis)] = 2;
            fixed[3 * op.node(0, 0, 0) + 2] = 1;
        }
        // rigid translations in the plane, rotations about z (J_y,x) and about x and y (z components of the jumps)
        fixed[3 * op.node(0, 0, 0)] = 1;
        fixed[3 * op.node(0, 0, 0) + 1] = 1;
        fixed[op.jump(1, 0)] = 1;
        fixed[op.jump(0, 2)] = 1;
        fixed[op.jump(1, 2)] = 1;
        return fixed;
    }

    private static Result solve(ElementOperator op, int[] n, int axis, byte[] fixed, double delta,
                                Settings settings, Monitor monitor) {
        int dofs = op.size;
        double[] u = new double[dofs];
        for (int d = 0; d < dofs; d++) {
            if (fixed[d] == 2) {
                u[d] = -delta;
            }
        }
        // right-hand side: −K u_prescribed on the free DOFs
        double[] ku = new double[dofs];
        op.apply(u, ku);
        double[] rhs = new double[dofs];
        for (int d = 0; d < dofs; d++) {
            rhs[d] = fixed[d] == 0 ? -ku[d] : 0;
        }
        double[] x = new double[dofs];
        int[] its = {0};
        double residual = cg(op, fixed, op.diagonal(), rhs, x, settings.tolerance(), settings.maxIterations(), its,
                monitor);
        for (int d = 0; d < dofs; d++) {
            if (fixed[d] != 0) {
                x[d] = u[d];
            }
        }
        op.apply(x, ku);
        double force = 0;
        for (int d = 0; d < dofs; d++) {
            if (fixed[d] == 2) {
                force += ku[d];
            }
        }
        double area = (double) n[(axis + 1) % 3] * n[(axis + 2) % 3];
        double stress = -force / area;
        double strain = delta / n[axis];
        return new Result(stress / strain, its[0], residual);
    }

    /** Jacobi-PCG on the free DOFs (fixed DOFs held at 0 in the increments); returns the relative residual. */
    private static double cg(ElementOperator op, byte[] fixed, double[] diagonal, double[] b, double[] x,
                             double tolerance, int maxIterations, int[] iterations, Monitor monitor) {
        int m = b.length;
        double[] r = b.clone();
        double[] z = new double[m];
        double[] p = new double[m];
        double[] q = new double[m];
        double bb = 0;
        double rz = 0;
        for (int d = 0; d < m; d++) {
            bb += b[d] * b[d];
            z[d] = fixed[d] == 0 ? r[d] / diagonal[d] : 0;
            p[d] = z[d];
            rz += r[d] * z[d];
        }
        double rr = bb;
        int k = 0;
        while (k < maxIterations && rr > tolerance * tolerance * bb) {
            op.apply(p, q);
            double pq = 0;
            for (int d = 0; d < m; d++) {
                if (fixed[d] == 0) {
                    pq += p[d] * q[d];
                }
            }
            double alpha = rz / pq;
            double rzNew = 0;
            rr = 0;
            for (int d = 0; d < m; d++) {
                if (fixed[d] != 0) {
                    continue;
                }
                x[d] += alpha * p[d];
                r[d] -= alpha * q[d];
                z[d] = r[d] / diagonal[d];
                rzNew += r[d] * z[d];
                rr += r[d] * r[d];
            }
            double beta = rzNew / rz;
            rz = rzNew;
            for (int d = 0; d < m; d++) {
                p[d] = fixed[d] == 0 ? z[d] + beta * p[d] : 0;
            }
            k++;
            monitor.iteration(k, Math.sqrt(rr / bb));
        }
        iterations[0] = k;
        return bb == 0 ? 0 : Math.sqrt(rr / bb);
    }
}
