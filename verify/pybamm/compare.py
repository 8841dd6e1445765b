#!/usr/bin/env python3
"""PyBaMM side of calsim's P2D checks: constant-current discharge capacities to the lower cut-off voltage.

Runs PyBaMM's Doyle-Fuller-Newman model (isothermal, 100 % state of charge at the start: negative electrode at
its maximum stoichiometry, positive at its minimum, as calsim starts) on
  * PyBaMM's own Chen2020 set (LG M50) at 0.2, 0.5, 1, 2, 3 and 5C,
  * examples/parameters/chen2020-bpx.json (calsim's Chen2020 as a BPX file) at 1C, through PyBaMM's BPX reader:
    it must give the Chen2020 number, which checks the file's "Reaction rate constant [mol.m-2.s-1]" against
    PyBaMM's conversion of it,
  * the two official example sets of the BPX standard shipped in examples/parameters/bpx/ at 1C, and the NMC
    pouch cell at 1C and 0 degC (every rate of that set has an activation energy; PyBaMM's OCP entropic change is
    set to zero, as calsim's model has none),
and writes pybamm-results.txt next to itself: one row per set and rate, with the capacity [A.h] on a fine mesh and
on a mesh twice as fine (their difference says how converged PyBaMM's number is), and calsim's capacity at the
defaults of fem.p2d, run by ./calsim on the same set and rate in the same run (the test named in the row keeps
PyBaMM's number with a pointer to this file).

PyBaMM loads a legacy BPX 0.x file (the example sets are BPX 0.1) with an initial state of charge of 1, which it
places where the open-circuit voltage is the upper cut-off: stoichiometries a little inside the set's limits
(NMC pouch cell: 0.7558 / 0.4249 for 0.7567 / 0.4242), 0.12 % less capacity. A BPX 1.x file without an initial
state of charge starts at the limits; so does this script (it sets the initial concentrations to the limits), and
writes the capacity from PyBaMM's own initial state as a comment.

1C is the set's nominal cell capacity per hour. The capacity is PyBaMM's "Discharge capacity [A.h]" when the
voltage reaches "Lower voltage cut-off [V]" (the solver's event, located by root finding).

usage: python verify/pybamm/compare.py [set ...]   (PyBaMM with the bpx package, see verify/README.md; sets by
       their name in the table, all by default; the table is rewritten with the sets run)
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pybamm

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RATES = [0.2, 0.5, 1.0, 2.0, 3.0, 5.0]
# finite volumes: x_n, x_s, x_p across the cell, r_n, r_p in the particles
FINE = {"x_n": 60, "x_s": 30, "x_p": 60, "r_n": 60, "r_p": 60}
FINER = {k: 2 * v for k, v in FINE.items()}
# a temperature away from the sets' reference temperature (298.15 K): the Arrhenius rates
COLD = 273.15
# the PyBaMM and BPX sources these numbers were made with (fetched from GitHub; pip install --no-deps)
PYBAMM_SOURCE = "pybamm-team/PyBaMM 7c9f5bd81d11, bpx 1.1.1 FaradayInstitution/BPX 0f591336937c"

# the job format asks for a recipe and calendering conditions; fem.p2d with structure: parameter-set uses neither
JOB_HEAD = """name: verify-pybamm
seed: 1
recipe: {active_material: NMC811, electrolyte: LiPF6-EC-EMC, active_loading_mg_per_cm2: 20, initial_porosity: 0.335,
         particle_d50_um: 10.44}
calendering: {line_load_kN_per_m: 500, roll_radius_mm: 150, roll_gap_um: 60, roll_temperature_C: 60,
              speed_m_per_min: 1, coating_width_mm: 100}
"""


def calsim_capacity(c_rate, parameter_file=None, temperature_c=None):
    """calsim's fem.p2d at its defaults on the same set and rate, run by ./calsim: the capacity [A.h]."""
    with tempfile.TemporaryDirectory() as folder:
        p2d = {"c_rates": [c_rate]}
        if parameter_file is None:
            p2d["parameter_set"] = "Chen2020"
        else:
            p2d["parameter_file"] = str(parameter_file)
        if temperature_c is not None:
            p2d["temperature_C"] = temperature_c
        job = Path(folder) / "job.yaml"
        job.write_text(JOB_HEAD + "stages:\n  - use: fem.p2d\n    with: " + json.dumps(p2d) + "\n")
        subprocess.run([str(ROOT / "calsim"), "run", str(job), "--out", str(Path(folder) / "out")], cwd=folder,
                       check=True, stdout=subprocess.DEVNULL)
        summary = json.loads((Path(folder) / "out" / "summary.json").read_text())
        results = next(s["results"] for s in summary["stages"] if s["stage"] == "fem.p2d")
        return results["cell_capacity_lowest_rate_Ah"]["value"]


def capacity(values, c_rate, var_pts):
    """Discharge capacity [A.h] of a constant-current discharge at c_rate from 100 % SOC to the cut-off."""
    model = pybamm.lithium_ion.DFN()
    values = values.copy()
    current = c_rate * values["Nominal cell capacity [A.h]"]
    values["Current function [A]"] = current
    sim = pybamm.Simulation(model, parameter_values=values, var_pts=var_pts,
                            solver=pybamm.IDAKLUSolver(rtol=1e-8, atol=1e-10))
    seconds = 3600 / c_rate * 1.5
    solution = sim.solve([0, seconds], t_interp=[0, seconds])
    v = solution["Voltage [V]"].entries[-1]
    cutoff = values["Lower voltage cut-off [V]"]
    if abs(v - cutoff) > 1e-3:
        raise RuntimeError(f"discharge at {c_rate}C ended at {v} V, not at the cut-off {cutoff} V")
    return solution["Discharge capacity [A.h]"].entries[-1]


def at_limits(values):
    """The set with its electrodes at the stoichiometry limits of 100 % SOC (negative maximum, positive minimum)."""
    values = values.copy()
    for domain, bound in (("negative", "maximum"), ("positive", "minimum")):
        values[f"Initial concentration in {domain} electrode [mol.m-3]"] = (
            values[f"{domain.capitalize()} electrode {bound} stoichiometry"]
            * values[f"Maximum concentration in {domain} electrode [mol.m-3]"])
    return values


def cold(values):
    """The set at COLD kelvin (its Arrhenius rates), with the OCPs' entropic change off as calsim has none."""
    values = values.copy()
    values.update({"Ambient temperature [K]": COLD, "Initial temperature [K]": COLD,
                   "Negative electrode OCP entropic change [V.K-1]": 0,
                   "Positive electrode OCP entropic change [V.K-1]": 0})
    return values


def calsim_bpx(path):
    """A calsim parameter file without calsim's extensions (electrode density, thermodynamic factor), for PyBaMM."""
    obj = json.loads(path.read_text())
    p = obj["Parameterisation"]
    p["Electrolyte"].pop("Thermodynamic factor", None)
    for electrode in ("Negative electrode", "Positive electrode"):
        p[electrode].pop("Density [kg.m-3]", None)
    return pybamm.ParameterValues.create_from_bpx_obj(obj)


def main():
    bpx = ROOT / "examples/parameters/bpx"
    chen_bpx = ROOT / "examples/parameters/chen2020-bpx.json"
    # name, PyBaMM's parameter values, rates, calsim's parameter file and temperature, the test keeping the number
    sets = [("Chen2020 (PyBaMM)", lambda: pybamm.ParameterValues("Chen2020"), RATES, None, None,
             "PyBammComparisonTest (verify/pybamm/chen2020_rates.py)"),
            ("chen2020-bpx.json", lambda: calsim_bpx(chen_bpx), [1.0], chen_bpx, None,
             "BpxExampleSetsTest.chen2020FileDischargesToPyBammsCapacity"),
            ("nmc_pouch_cell_BPX.json",
             lambda: pybamm.ParameterValues.create_from_bpx(str(bpx / "nmc_pouch_cell_BPX.json")), [1.0],
             bpx / "nmc_pouch_cell_BPX.json", None, "BpxExampleSetsTest.nmcPouchCellDischargesToPyBammsCapacity"),
            ("lfp_18650_cell_BPX.json",
             lambda: pybamm.ParameterValues.create_from_bpx(str(bpx / "lfp_18650_cell_BPX.json")), [1.0],
             bpx / "lfp_18650_cell_BPX.json", None, "BpxExampleSetsTest.lfp18650CellDischargesToPyBammsCapacity"),
            (f"nmc_pouch_cell_BPX.json at {COLD} K",
             lambda: cold(pybamm.ParameterValues.create_from_bpx(str(bpx / "nmc_pouch_cell_BPX.json"))), [1.0],
             bpx / "nmc_pouch_cell_BPX.json", COLD - 273.15, "TemperatureTest.nmcPouchCellAtZeroCelsiusFollowsPyBamm")]
    only = set(sys.argv[1:])
    lines = [
        f"# PyBaMM ({PYBAMM_SOURCE}) DFN (isothermal) vs calsim fem.p2d: discharge capacity [A.h] from 100 % SOC",
        "# to the set's lower cut-off voltage at constant current; 1C = nominal capacity per hour",
        f"# mesh fine: {FINE}; finer: {FINER}; IDAKLU rtol 1e-8, atol 1e-10",
        "# written by verify/pybamm/compare.py",
        "# calsim: fem.p2d at its defaults, run by ./calsim in the same run",
        "set,c_rate,pybamm_fine_Ah,pybamm_finer_Ah,calsim_Ah,calsim_vs_finer_percent,calsim_test",
    ]
    for name, load, rates, parameter_file, temperature_c, test in sets:
        if only and name not in only:
            continue
        values = load()
        if name.endswith(".json"):
            lines.append(f"# {name} 1C from PyBaMM's own initial state (SOC 1 at the upper cut-off OCV), fine mesh: "
                         f"{capacity(values, 1.0, FINE):.5f} A.h")
        if ".json" in name:
            values = at_limits(values)
        for rate in rates:
            start = time.time()
            fine = capacity(values, rate, FINE)
            finer = capacity(values, rate, FINER)
            calsim = calsim_capacity(rate, parameter_file, temperature_c)
            lines.append(f"{name},{rate:g},{fine:.5f},{finer:.5f},{calsim:.5f},{100 * (calsim / finer - 1):+.3f},{test}")
            print(lines[-1], f"({time.time() - start:.0f} s)", flush=True)
    (HERE / "pybamm-results.txt").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
