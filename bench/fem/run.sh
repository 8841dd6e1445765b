#!/usr/bin/env bash
# calsim tortuosity benchmark (issue 4).
#  1. FCC sphere pore space at 100^3 and 200^3 voxels, 1 and 2 threads, multigrid and Jacobi preconditioning
#     (bench/fem/results-fcc.txt, bench/fem/results-fcc-2threads.txt)
#  2. the calendered DEM structure of the quickstart voxelised at 100^3-ish and 200^3-ish
#     (bench/fem/results-calendered.txt: voxels, iterations and seconds of fem.tortuosity from summary.json)
# Usage: bench/fem/run.sh            (HEAP=8g by default)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
heap="${HEAP:-8g}"
mvn -B -q -f "$root/pom.xml" install -DskipTests
mvn -B -q -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
java -Xmx"$heap" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.calsim.bench.TortuosityBenchmark \
  100,200 "$here/results-fcc.txt" 1
java -Xmx"$heap" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.calsim.bench.TortuosityBenchmark \
  100,200 "$here/results-fcc-2threads.txt" 2
out="$here/results-calendered.txt"
echo "# calendered DEM structure of examples/quickstart.yaml, fem.tortuosity (through- and in-plane), $(date -u +%FT%TZ)" > "$out"
echo "voxels_per_radius,preconditioner,voxels,iterations_through,iterations_in,seconds,tortuosity_through,tortuosity_in" >> "$out"
for vpr in 3.5 7; do
 for pc in multigrid jacobi; do
  dir="$(mktemp -d)"
  CALSIM_JAVA_OPTS="-Xmx$heap" "$root/calsim" run "$here/calendered.yaml" --out "$dir/r" \
    --set "stages[2].with.voxels_per_radius=$vpr" --set "stages[4].with.preconditioner=$pc" > /dev/null
  python3 - "$dir/r/summary.json" "$vpr,$pc" >> "$out" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
st = {x["stage"]: x for x in s["stages"]}
v = st["fem.voxelise-bridges"]["results"]; t = st["fem.tortuosity"]
r = t["results"]
print("%s,%dx%dx%d,%d,%d,%.2f,%.4f,%.4f" % (sys.argv[2], v["voxels_x"]["value"], v["voxels_y"]["value"],
      v["voxels_z"]["value"], r["iterations_through_plane"]["value"], r["iterations_in_plane"]["value"],
      t["seconds"], r["tortuosity_factor_through_plane"]["value"], r["tortuosity_factor_in_plane"]["value"]))
PY
  rm -rf "$dir"
 done
done
cat "$here/results-fcc.txt" "$here/results-fcc-2threads.txt" "$out"
