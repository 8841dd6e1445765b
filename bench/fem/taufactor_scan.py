"""TauFactor beside calsim in the scan-size benchmark (bench/fem/scan-size.sh with PYTHON set).

Reads the n^3 image ScanSizeBenchmark wrote (one byte per voxel, 1 pore, 0 solid, x fastest) and runs TauFactor
(Cooper et al., SoftwareX 5 (2016) 203) on the CPU as a user would: float32, its default convergence criterion
(conv_crit 1e-2 on the spread of the layer fluxes, then tau steady to 2e-3), 2 threads. Through the plane (z) with
periodic sides (PeriodicSolver: the same conditions as calsim's through-plane row), and in the plane (x) with no-flux
sides (Solver; calsim's in-plane row has y periodic and no flux at z = 0 and z = n, so tau differs a little there).
Appends a row per direction to the results file: seconds, iterations, peak resident memory and tau.
With ITER_LIMIT set, TauFactor stops after that many iterations (a row marked "not converged": its seconds per
iteration and memory, for sizes where a converged run takes hours on the CPU).

usage: python taufactor_scan.py RAW N RESULTS        (env ITER_LIMIT: optional iteration limit)
"""
import datetime
import os
import importlib.metadata
import resource
import sys
import time

import numpy as np
import taufactor as tau
import torch


def main(raw, n, results):
    torch.set_num_threads(2)
    voxels = np.fromfile(raw, dtype=np.uint8).reshape(n, n, n)  # [z, y, x]
    porosity = float(voxels.mean())
    cases = (("through", voxels, tau.PeriodicSolver), ("in-plane", voxels.transpose(2, 1, 0), tau.Solver))
    for direction, img, solver_class in cases:
        start = time.perf_counter()
        solver = solver_class(np.ascontiguousarray(img), device="cpu")
        solver.solve(verbose=False, iter_limit=int(os.environ.get("ITER_LIMIT", "10000")))
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10  # KiB -> MiB
        converged = "" if solver.converged else " (not converged)"
        line = (f"TauFactor-{importlib.metadata.version('taufactor')} {solver_class.__name__}"
                f"{converged},{datetime.datetime.now(datetime.timezone.utc).isoformat()},2,2,-,{n}^3,{porosity:.4f},"
                f"{direction},{seconds:.2f},{solver.iter},{peak},-,{float(solver.tau[0]):.6f}\n")
        print(line, end="", flush=True)
        with open(results, "a") as f:
            f.write(line)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
