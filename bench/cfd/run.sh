#!/usr/bin/env bash
# calsim lattice Boltzmann benchmark (issue 6): MLUPS of cfd.permeability's D3Q19 TRT solver
#  1. a 128^3 random sphere pack, 1 and 2 threads, loop only (bench/cfd/results-spheres.txt)
#  2. the quickstart's calendered DEM structure at 5 voxels per radius, through-plane flow to steady state,
#     1 and 2 threads (bench/cfd/results-calendered.txt: voxels, steps, seconds, MLUPS of the whole stage)
# Palabos, the reference the issue names, is not installable here: run it on the same images separately.
# Usage: bench/cfd/run.sh            (HEAP=8g by default)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
heap="${HEAP:-8g}"
mvn -B -q -f "$root/pom.xml" install -DskipTests
mvn -B -q -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
java -Xmx"$heap" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.calsim.bench.LbmBenchmark \
  "$here/results-spheres.txt"
out="$here/results-calendered.txt"
echo "# calendered DEM structure (bench/cfd/calendered.yaml), cfd.permeability through the plane (image mirrored: 2x the voxels), $(date -u +%FT%TZ)" > "$out"
echo "threads,voxels,porosity,steps,seconds,MLUPS,permeability_m2,hydraulic_tortuosity" >> "$out"
for threads in 1 2; do
  dir="$(mktemp -d)"
  CALSIM_JAVA_OPTS="-Xmx$heap" "$root/calsim" run "$here/calendered.yaml" --out "$dir/r" \
    --set "stages[3].with.threads=$threads" > /dev/null
  python3 - "$dir/r/summary.json" "$threads" >> "$out" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
st = {x["stage"]: x for x in s["stages"]}
v = st["fem.voxelise-bridges"]["results"]; c = st["cfd.permeability"]; r = c["results"]
voxels = v["voxels_x"]["value"] * v["voxels_y"]["value"] * v["voxels_z"]["value"]
fluid = 2 * voxels * r["porosity"]["value"]
steps = r["steps_through_plane"]["value"]
print("%s,%dx%dx%d,%.4f,%d,%.1f,%.1f,%.4e,%.4f" % (sys.argv[2], v["voxels_x"]["value"], v["voxels_y"]["value"],
      v["voxels_z"]["value"], r["porosity"]["value"], steps, c["seconds"], fluid * steps / c["seconds"] / 1e6,
      r["permeability_through_plane_m2"]["value"], r["hydraulic_tortuosity_through_plane"]["value"]))
PY
  rm -rf "$dir"
done
cat "$here/results-spheres.txt" "$out"
