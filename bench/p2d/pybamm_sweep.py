"""PyBaMM's side of the P2D benchmark (bench/p2d/run.sh): the six-rate sweep of the Chen2020 (LG M50) DFN,
constant-current discharges from the set's initial state to 2.5 V, each rate a fresh pybamm.Simulation (model
build, discretisation and solve included), IDAKLU with its default tolerances. Times the sweep on PyBaMM's
default mesh (20 finite volumes per domain) and on the coarsest mesh of verify/pybamm/rates-results.txt within
1 % of the converged capacities (40), best of N repetitions after a first (cold) one.

Usage: python pybamm_sweep.py REPETITIONS   prints CSV lines: mesh,cold s,warm s,capacities [A h] ...
"""
import sys
import time

import pybamm

RATES = [0.2, 0.5, 1, 2, 3, 5]


def sweep(points):
    caps = []
    for rate in RATES:
        param = pybamm.ParameterValues("Chen2020")
        param["Current function [A]"] = rate * param["Nominal cell capacity [A.h]"]
        pts = {"x_n": points, "x_s": points, "x_p": points, "r_n": points, "r_p": points}
        sim = pybamm.Simulation(pybamm.lithium_ion.DFN(), parameter_values=param, var_pts=pts,
                                solver=pybamm.IDAKLUSolver())
        sol = sim.solve([0, 1.2 * 3600 / rate])
        caps.append(sol["Discharge capacity [A.h]"].entries[-1])
    return caps


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for points in (20, 40):
        times = []
        for _ in range(reps + 1):
            t0 = time.perf_counter()
            caps = sweep(points)
            times.append(time.perf_counter() - t0)
        print(f"{points}," + f"{times[0]:.3f},{min(times[1:]):.3f}," + ",".join(f"{c:.4f}" for c in caps), flush=True)


if __name__ == "__main__":
    main()
