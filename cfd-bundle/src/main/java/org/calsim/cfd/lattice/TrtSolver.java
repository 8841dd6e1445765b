package org.calsim.cfd.lattice;

import org.calsim.parallel.WorkerTeam;

/**
 * Stokes flow on a {@link FluidLattice} by the lattice Boltzmann method: D3Q19, two-relaxation-time (TRT)
 * collision, halfway bounce-back on solid voxels and walls, flow driven by a uniform body force g.
 *
 * <p>TRT (Ginzburg, Verhaeghe, d'Humières 2008, Commun. Comput. Phys. 3, 427) relaxes the symmetric part of the
 * populations with ω⁺ (which sets the viscosity ν = (1/ω⁺ − ½)/3) and the antisymmetric part with ω⁻, chosen so
 * that Λ = (1/ω⁺ − ½)(1/ω⁻ − ½) is fixed. With Λ fixed the steady solution does not depend on ν, so neither
 * does the permeability, which it does with plain BGK (bounce-back walls move with τ); Λ = 3/16 puts the
 * bounce-back wall exactly half-way between nodes for Poiseuille flow. The equilibrium is the linear (Stokes)
 * one, w_q (ρ + 3 c_q·u), since the permeability is a creeping-flow property; the force enters as
 * (1 − ω⁻/2) 3 w_q c_q·g with u = Σ f_q c_q + g/2 (Guo, Zheng, Shi 2002).
 *
 * <p>Populations are stored direction by direction (structure of arrays) for the fluid nodes only; one fused
 * pull-stream-collide pass per step runs on a fixed partition of the nodes, so the result does not depend on the
 * number of threads, and the time loop allocates nothing.
 */
final class TrtSolver implements AutoCloseable {
    /** Λ that places bounce-back walls half-way between nodes. */
    static final double MAGIC = 3.0 / 16;
    private static final int CHUNKS = 64;

    private final int m;
    private final int[] source;
    private final double omegaPlus;
    private final double omegaMinus;
    private final double[] g;
    private double[] f;
    private double[] next;
    private final double[] sumU;
    private final double[] sumSpeed;
    private final int chunks;
    private final WorkerTeam team;
    private final WorkerTeam.Task stepTask = this::step;
    private final int axis;

    /**
     * @param tauPlus relaxation time of the symmetric part, &gt; ½ (ν = (τ⁺ − ½)/3)
     * @param force   body force per unit mass (g_x, g_y, g_z) [lattice units]; one component non-zero
     * @param threads worker threads
     */
    TrtSolver(FluidLattice lattice, double tauPlus, double[] force, int threads) {
        this.m = lattice.size;
        this.source = lattice.source;
        this.omegaPlus = 1 / tauPlus;
        this.omegaMinus = 1 / (MAGIC / (tauPlus - 0.5) + 0.5);
        this.g = force.clone();
        int flow = 0;
        for (int a = 1; a < 3; a++) {
            if (Math.abs(force[a]) > Math.abs(force[flow])) {
                flow = a;
            }
        }
        this.axis = flow;
        this.f = new double[D3Q19.Q * m];
        this.next = new double[D3Q19.Q * m];
        for (int q = 0; q < D3Q19.Q; q++) {
            for (int i = 0; i < m; i++) {
                f[q * m + i] = D3Q19.W[q];
            }
        }
        this.team = new WorkerTeam(threads, "calsim-lbm");
        this.chunks = Math.max(1, Math.min(CHUNKS, m));
        this.sumU = new double[chunks];
        this.sumSpeed = new double[chunks];
    }

    /** @return kinematic viscosity ν [lattice units] */
    double viscosity() {
        return (1 / omegaPlus - 0.5) / 3;
    }

    /** Advances one time step; the sums of the velocity are those of the new state. */
    void advance() {
        team.run(stepTask);
        double[] t = f;
        f = next;
        next = t;
    }

    /** @return Σ over fluid nodes of the velocity along the force [lattice units] */
    double flowSum() {
        double s = 0;
        for (int c = 0; c < chunks; c++) {
            s += sumU[c];
        }
        return s;
    }

    /** @return Σ over fluid nodes of |u| [lattice units] */
    double speedSum() {
        double s = 0;
        for (int c = 0; c < chunks; c++) {
            s += sumSpeed[c];
        }
        return s;
    }

    private int from(int chunk) {
        return (int) ((long) m * chunk / chunks);
    }

    // pull from the upstream nodes (or bounce back), collide, write to next; generated for D3Q19, unrolled: one
    // method of 150 lines on purpose, the 19 populations stay in locals (registers) from the pull to the write
    private void step(int worker, int workers) {
        final int m = this.m;
        final int[] src = source;
        final double[] in = f;
        final double[] out = next;
        final double gx = g[0];
        final double gy = g[1];
        final double gz = g[2];
        final double wp = omegaPlus;
        final double wm = omegaMinus;
        final double force = 3 * (1 - wm / 2);
        final double w0 = 1.0 / 3;
        final double w1 = 1.0 / 18;
        final double w2 = 1.0 / 36;
        final int m1 = 1 * m;
        final int m2 = 2 * m;
        final int m3 = 3 * m;
        final int m4 = 4 * m;
        final int m5 = 5 * m;
        final int m6 = 6 * m;
        final int m7 = 7 * m;
        final int m8 = 8 * m;
        final int m9 = 9 * m;
        final int m10 = 10 * m;
        final int m11 = 11 * m;
        final int m12 = 12 * m;
        final int m13 = 13 * m;
        final int m14 = 14 * m;
        final int m15 = 15 * m;
        final int m16 = 16 * m;
        final int m17 = 17 * m;
        final int m18 = 18 * m;
        for (int c = worker; c < chunks; c += workers) {
            double flow = 0;
            double speed = 0;
            for (int i = from(c), end = from(c + 1); i < end; i++) {
                int s;
                final double f0 = in[i];
                s = src[m1 + i];
                final double f1 = s >= 0 ? in[m1 + s] : in[m2 + i];
                s = src[m2 + i];
                final double f2 = s >= 0 ? in[m2 + s] : in[m1 + i];
                s = src[m3 + i];
                final double f3 = s >= 0 ? in[m3 + s] : in[m4 + i];
                s = src[m4 + i];
                final double f4 = s >= 0 ? in[m4 + s] : in[m3 + i];
                s = src[m5 + i];
                final double f5 = s >= 0 ? in[m5 + s] : in[m6 + i];
                s = src[m6 + i];
                final double f6 = s >= 0 ? in[m6 + s] : in[m5 + i];
                s = src[m7 + i];
                final double f7 = s >= 0 ? in[m7 + s] : in[m8 + i];
                s = src[m8 + i];
                final double f8 = s >= 0 ? in[m8 + s] : in[m7 + i];
                s = src[m9 + i];
                final double f9 = s >= 0 ? in[m9 + s] : in[m10 + i];
                s = src[m10 + i];
                final double f10 = s >= 0 ? in[m10 + s] : in[m9 + i];
                s = src[m11 + i];
                final double f11 = s >= 0 ? in[m11 + s] : in[m12 + i];
                s = src[m12 + i];
                final double f12 = s >= 0 ? in[m12 + s] : in[m11 + i];
                s = src[m13 + i];
                final double f13 = s >= 0 ? in[m13 + s] : in[m14 + i];
                s = src[m14 + i];
                final double f14 = s >= 0 ? in[m14 + s] : in[m13 + i];
                s = src[m15 + i];
                final double f15 = s >= 0 ? in[m15 + s] : in[m16 + i];
                s = src[m16 + i];
                final double f16 = s >= 0 ? in[m16 + s] : in[m15 + i];
                s = src[m17 + i];
                final double f17 = s >= 0 ? in[m17 + s] : in[m18 + i];
                s = src[m18 + i];
                final double f18 = s >= 0 ? in[m18 + s] : in[m17 + i];
                final double rho = f0 + f1 + f2 + f3 + f4 + f5 + f6 + f7 + f8 + f9 + f10 + f11 + f12 + f13 + f14 + f15 + f16 + f17 + f18;
                final double ux = f1 - f2 + f7 - f8 + f9 - f10 + f11 - f12 + f13 - f14 + 0.5 * gx;
                final double uy = f3 - f4 + f7 - f8 - f9 + f10 + f15 - f16 + f17 - f18 + 0.5 * gy;
                final double uz = f5 - f6 + f11 - f12 - f13 + f14 + f15 - f16 - f17 + f18 + 0.5 * gz;
                out[i] = f0 - wp * (f0 - w0 * rho);
                {
                    final double plus = 0.5 * (f1 + f2) - w1 * rho;
                    final double minus = 0.5 * (f1 - f2) - 3 * w1 * (ux);
                    final double source = force * w1 * (gx);
                    out[m1 + i] = f1 - wp * plus - wm * minus + source;
                    out[m2 + i] = f2 - wp * plus + wm * minus - source;
                }
                {
                    final double plus = 0.5 * (f3 + f4) - w1 * rho;
                    final double minus = 0.5 * (f3 - f4) - 3 * w1 * (uy);
                    final double source = force * w1 * (gy);
                    out[m3 + i] = f3 - wp * plus - wm * minus + source;
                    out[m4 + i] = f4 - wp * plus + wm * minus - source;
                }
                {
                    final double plus = 0.5 * (f5 + f6) - w1 * rho;
                    final double minus = 0.5 * (f5 - f6) - 3 * w1 * (uz);
                    final double source = force * w1 * (gz);
                    out[m5 + i] = f5 - wp * plus - wm * minus + source;
                    out[m6 + i] = f6 - wp * plus + wm * minus - source;
                }
                {
                    final double plus = 0.5 * (f7 + f8) - w2 * rho;
                    final double minus = 0.5 * (f7 - f8) - 3 * w2 * (ux + uy);
                    final double source = force * w2 * (gx + gy);
                    out[m7 + i] = f7 - wp * plus - wm * minus + source;
                    out[m8 + i] = f8 - wp * plus + wm * minus - source;
                }
                {
                    final double plus = 0.5 * (f9 + f10) - w2 * rho;
                    final double minus = 0.5 * (f9 - f10) - 3 * w2 * (ux - uy);
                    final double source = force * w2 * (gx - gy);
                    out[m9 + i] = f9 - wp * plus - wm * minus + source;
                    out[m10 + i] = f10 - wp * plus + wm * minus - source;
                }
                {
                    final double plus = 0.5 * (f11 + f12) - w2 * rho;
                    final double minus = 0.5 * (f11 - f12) - 3 * w2 * (ux + uz);
                    final double source = force * w2 * (gx + gz);
                    out[m11 + i] = f11 - wp * plus - wm * minus + source;
                    out[m12 + i] = f12 - wp * plus + wm * minus - source;
                }
                {
                    final double plus = 0.5 * (f13 + f14) - w2 * rho;
                    final double minus = 0.5 * (f13 - f14) - 3 * w2 * (ux - uz);
                    final double source = force * w2 * (gx - gz);
                    out[m13 + i] = f13 - wp * plus - wm * minus + source;
                    out[m14 + i] = f14 - wp * plus + wm * minus - source;
                }
                {
                    final double plus = 0.5 * (f15 + f16) - w2 * rho;
                    final double minus = 0.5 * (f15 - f16) - 3 * w2 * (uy + uz);
                    final double source = force * w2 * (gy + gz);
                    out[m15 + i] = f15 - wp * plus - wm * minus + source;
                    out[m16 + i] = f16 - wp * plus + wm * minus - source;
                }
                {
                    final double plus = 0.5 * (f17 + f18) - w2 * rho;
                    final double minus = 0.5 * (f17 - f18) - 3 * w2 * (uy - uz);
                    final double source = force * w2 * (gy - gz);
                    out[m17 + i] = f17 - wp * plus - wm * minus + source;
                    out[m18 + i] = f18 - wp * plus + wm * minus - source;
                }
                final double u = axis == 0 ? ux : axis == 1 ? uy : uz;
                flow += u;
                speed += Math.sqrt(ux * ux + uy * uy + uz * uz);
            }
            sumU[c] = flow;
            sumSpeed[c] = speed;
        }
    }

    /** Writes the velocity of every fluid node (lattice units) into u (3 per node). */
    void velocity(double[] u) {
        for (int i = 0; i < m; i++) {
            double jx = 0;
            double jy = 0;
            double jz = 0;
            for (int q = 0; q < D3Q19.Q; q++) {
                int s = source[q * m + i];
                double v = s >= 0 ? f[q * m + s] : f[D3Q19.OPPOSITE[q] * m + i];
                jx += D3Q19.CX[q] * v;
                jy += D3Q19.CY[q] * v;
                jz += D3Q19.CZ[q] * v;
            }
            u[3 * i] = jx + 0.5 * g[0];
            u[3 * i + 1] = jy + 0.5 * g[1];
            u[3 * i + 2] = jz + 0.5 * g[2];
        }
    }

    @Override
    public void close() {
        team.close();
    }
}
