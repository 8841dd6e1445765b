"""TauFactor side of the calsim comparison (run by run-taufactor.sh, which writes the images and calsim.tsv first).

For every image and case in calsim.tsv: read the raw voxels (1 pore, 0 solid; x fastest, then y, then z), arrange
them as TauFactor expects (transport along the first array axis) and run TauFactor's Solver (no-flux sides) or
PeriodicSolver (periodic sides) on the CPU in single precision, as TauFactor does by default, but to a tighter
convergence criterion than its default (1e-2): the relative spread of the layer fluxes below CONV_CRIT. Writes
the table of calsim's and TauFactor's tortuosity factor (tau = eps D/D_eff, Cooper et al., SoftwareX 5 (2016) 203).

usage: python compare.py WORK_DIR TABLE
"""
import sys

import numpy as np
import taufactor as tau

CONV_CRIT = 1e-5
ITER_LIMIT = 1_000_000


def main(work, table):
    rows = [line.rstrip("\n").split("\t") for line in open(f"{work}/calsim.tsv")]
    out = []
    for name, nx, ny, nz, porosity, direction, sides, calsim in rows:
        nx, ny, nz = int(nx), int(ny), int(nz)
        voxels = np.fromfile(f"{work}/{name}.raw", dtype=np.uint8).reshape(nz, ny, nx)  # [z, y, x]
        img = voxels if direction.startswith("through") else voxels.transpose(2, 1, 0)  # transport first
        solver_class = tau.PeriodicSolver if sides == "periodic" else tau.Solver
        solver = solver_class(img.astype(np.int64), device="cpu")
        solver.solve(iter_limit=ITER_LIMIT, verbose=False, conv_crit=CONV_CRIT)
        result = float(solver.tau[0])  # solve() returns the layer-wise tau_x; tau is the image's
        if not solver.converged:
            raise SystemExit(f"TauFactor did not converge on {name} {direction} {sides}")
        spread = (solver.flux_1d.max() - solver.flux_1d.min()) / solver.flux_1d.max()
        c = float(calsim)
        out.append((name, f"{nx}x{ny}x{nz}", float(porosity), direction, sides, solver_class.__name__, c, result,
                    (c - result) / result, solver.iter, spread))
        print(f"{name} {direction} {sides}: calsim {c:.7f}, TauFactor {result:.7f}", flush=True)
    with open(table, "w") as f:
        f.write("# verify/taufactor/run-taufactor.sh: tortuosity factor tau = eps D/D_eff of the pore space, calsim "
                "(fem.tortuosity, tolerance 1e-10) beside TauFactor 1.2.1\n")
        f.write(f"# TauFactor on the CPU, float32, conv_crit {CONV_CRIT:g} (relative spread of the layer fluxes); "
                "images: TauFactorImages (seeded overlapping spheres, periodic in x and y) and the .vti files "
                "given to run-taufactor.sh\n")
        f.write("# image         size      porosity   direction      sides     TauFactor       calsim_tau  "
                "taufactor_tau  rel_diff    tf_iterations  tf_flux_spread\n")
        for r in out:
            f.write(f"{r[0]:<15} {r[1]:<9} {r[2]:.6f}   {r[3]:<14} {r[4]:<9} {r[5]:<15} {r[6]:<11.7f} {r[7]:<14.7f} "
                    f"{r[8]:<+11.2e} {r[9]:<14d} {r[10]:.2e}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
