"""Reads calsim's binary VTK files with VTK's own XML readers (the ones ParaView uses) and checks them against
the numbers the same run put in summary.json.

    python verify/vtk/read-back.py RESULTS_DIR [TABLE]     (needs the vtk package: pip install vtk)

RESULTS_DIR is a results folder of examples/quickstart.yaml. Writes TABLE (default verify/vtk/read-back-results.txt)
and exits 1 if a file does not read or a check fails.
"""
import json
import pathlib
import sys

import vtk
from vtk.util.numpy_support import vtk_to_numpy


def read(path):
    reader = vtk.vtkXMLImageDataReader() if path.suffix == ".vti" else vtk.vtkXMLPolyDataReader()
    reader.SetFileName(str(path))
    reader.Update()
    if reader.GetErrorCode() != 0:
        raise RuntimeError(f"{path}: VTK error code {reader.GetErrorCode()}")
    return reader.GetOutput()


def main():
    results = pathlib.Path(sys.argv[1])
    table = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else pathlib.Path(__file__).with_name("read-back-results.txt"))
    summary = {s["stage"]: s.get("results", {}) for s in json.loads((results / "summary.json").read_text())["stages"]}
    rows = []
    failed = False

    def check(name, what, vtk_value, calsim_value, tolerance):
        nonlocal failed
        ok = abs(vtk_value - calsim_value) <= tolerance
        failed |= not ok
        rows.append(f"| {name} | {what} | {vtk_value:.10g} | {calsim_value:.10g} | {'ok' if ok else 'FAIL'} |")

    generated = summary["dem.generate"]
    particles = generated["am_particles"]["value"] + generated["cbd_particles"]["value"]
    for f in sorted(results.glob("dem.*/*.vtp")):
        data = read(f)
        name = f.relative_to(results).as_posix()
        check(name, "points", data.GetNumberOfPoints(), particles, 0)
        check(name, "vertices", data.GetNumberOfVerts(), particles, 0)
        radius = vtk_to_numpy(data.GetPointData().GetArray("radius"))
        check(name, "smallest radius > 0", float(radius.min() > 0), 1, 0)
        if name == "dem.generate/generated.vtp":  # the dried coating's thickness is its highest particle top
            z = vtk_to_numpy(data.GetPoints().GetData())[:, 2]
            check(name, "highest top max(z + r) [um]", float((z + radius).max()) * 1e6,
                  generated["thickness_um"]["value"], 1e-9)

    image = read(results / "fem.microstructure" / "microstructure.vti")
    phase = vtk_to_numpy(image.GetCellData().GetArray("phase"))
    check("fem.microstructure/microstructure.vti", "cells = voxels", image.GetNumberOfCells(), phase.size, 0)
    check("fem.microstructure/microstructure.vti", "pore fraction (label 0)", float((phase == 0).mean()),
          summary["fem.microstructure"]["porosity"]["value"], 1e-12)

    flow = read(results / "cfd.permeability" / "velocity-through-plane.vti")
    velocity = vtk_to_numpy(flow.GetCellData().GetArray("velocity"))
    solid = vtk_to_numpy(flow.GetCellData().GetArray("solid"))
    speed = (velocity.astype(float) ** 2).sum(axis=1) ** 0.5
    check("cfd.permeability/velocity-through-plane.vti", "largest speed (normalised to 1)", float(speed.max()), 1, 1e-6)
    check("cfd.permeability/velocity-through-plane.vti", "open fraction", float(1 - solid.mean()),
          summary["cfd.permeability"]["porosity"]["value"], 1e-12)
    check("cfd.permeability/velocity-through-plane.vti", "speed in solid voxels", float(speed[solid == 1].max(initial=0)), 0, 0)

    text = "\n".join([f"# calsim VTK files read back by VTK {vtk.vtkVersion.GetVTKVersion()} (vtkXMLImageDataReader, "
                      f"vtkXMLPolyDataReader)", "",
                      "| file | check | VTK read | calsim summary | |", "|---|---|---|---|---|"] + rows) + "\n"
    table.write_text(text)
    print(text)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
