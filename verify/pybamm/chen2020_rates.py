"""PyBaMM's DFN for the Chen2020 (LG M50) set: constant-current discharges at 0.2 ... 5C from the set's initial
(fully charged) state to its 2.5 V cut-off. Prints capacities [A.h] per mesh, and writes the 1C and 3C voltage
against capacity of the finest mesh.

Usage:
  python chen2020_rates.py [points per domain ...]      capacities per mesh (default: 20 40 80 160)
  python chen2020_rates.py --curves POINTS OUT.csv      1C and 3C voltage against capacity on that mesh
The mesh gives the same number of finite volumes to x_n, x_s, x_p, r_n and r_p (uniform, PyBaMM's defaults
otherwise: Fickian particles, linear extrapolation to the surface, IDAKLU at rtol = atol = 1e-8).
The table it printed is rates-results.txt beside it; the curves are
fem-bundle/src/test/resources/org/calsim/fem/p2d/pybamm-chen2020-curves.csv (160 points).
"""
import sys
import time

import numpy as np
import pybamm

RATES = [0.2, 0.5, 1, 2, 3, 5]


def discharge(rate, points, rtol=1e-8, atol=1e-8, curve=False):
    model = pybamm.lithium_ion.DFN()
    param = pybamm.ParameterValues("Chen2020")
    capacity = param["Nominal cell capacity [A.h]"]
    param["Current function [A]"] = rate * capacity
    pts = {"x_n": points, "x_s": points, "x_p": points, "r_n": points, "r_p": points}
    solver = pybamm.IDAKLUSolver(rtol=rtol, atol=atol)
    sim = pybamm.Simulation(model, parameter_values=param, var_pts=pts, solver=solver)
    t_end = 1.2 * 3600 / rate
    sol = sim.solve([0, t_end], t_interp=np.linspace(0, t_end, 2001))
    q = sol["Discharge capacity [A.h]"].entries
    v = sol["Voltage [V]"].entries
    return q, v, sol.termination


def curves(points, out):
    with open(out, "w") as f:
        f.write(f"# PyBaMM {pybamm.__version__} DFN, Chen2020, {points} finite volumes in x_n, x_s, x_p, r_n, r_p; "
                "IDAKLU rtol = atol = 1e-8\n")
        f.write("# written by verify/pybamm/chen2020_rates.py --curves; every 20th output point and the last\n")
        f.write("c_rate,capacity_Ah,voltage_V\n")
        for rate in (1, 3):
            q, v, _ = discharge(rate, points)
            keep = list(range(0, len(q) - 1, 20)) + [len(q) - 1]
            for k in keep:
                f.write(f"{rate},{q[k]:.6f},{v[k]:.6f}\n")


def main():
    if sys.argv[1:2] == ["--curves"]:
        curves(int(sys.argv[2]), sys.argv[3])
        return
    meshes = [int(a) for a in sys.argv[1:]] or [20, 40, 80, 160]
    print(f"# PyBaMM {pybamm.__version__} DFN, Chen2020, IDAKLU rtol = atol = 1e-8")
    print("points," + ",".join(f"{r}C" for r in RATES) + ",seconds")
    for n in meshes:
        t0 = time.perf_counter()
        caps = []
        for r in RATES:
            q, v, term = discharge(r, n)
            caps.append(q[-1])
        print(f"{n}," + ",".join(f"{c:.5f}" for c in caps) + f",{time.perf_counter() - t0:.1f}", flush=True)


if __name__ == "__main__":
    main()
