#!/usr/bin/env bash
# calsim P2D benchmark (issues 5 and 18): the six-rate sweep (0.2C ... 5C) of the Chen 2020 LG M50 cell, calsim
# beside PyBaMM in the same run:
#  1. PyBaMM's DFN (pybamm_sweep.py: model build included, default and 1 %-accurate meshes), cold and warm
#  2. calsim's fem.p2d in process at its defaults and refined, cold and warm, with every capacity against PyBaMM's
#     converged one (verify/pybamm/rates-results.txt)
#  3. as a whole command: ./calsim run bench/p2d/chen2020-rates.yaml (JVM and OSGi start-up included)
# PyBaMM: PYBAMM_PYTHON (default python3), a Python with PyBaMM installed (see verify/pybamm/README.md).
# Extra Maven flags (e.g. -o -Dmaven.repo.local=...): CALSIM_MVN_FLAGS. Figures: bench/p2d/results.txt
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYBAMM_PYTHON:-python3}"
read -r -a mvn_flags <<< "${CALSIM_MVN_FLAGS:-}"
mvn -B -q "${mvn_flags[@]}" -f "$root/pom.xml" install -DskipTests
mvn -B -q "${mvn_flags[@]}" -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
out="$here/results.txt"
if "$python" -c "import pybamm" 2> /dev/null; then
  "$python" "$here/pybamm_sweep.py" 3 > "$out.pybamm"
else
  echo "run.sh: no PyBaMM in $python (set PYBAMM_PYTHON): calsim alone" >&2
  : > "$out.pybamm"
fi
java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.calsim.bench.RateSweepBenchmark "$out.tmp" 3 \
    "$out.pybamm" "$root/verify/pybamm/rates-results.txt"
dir="$(mktemp -d)"
"$root/calsim" run "$here/chen2020-rates.yaml" --out "$dir/warmup" > /dev/null 2>&1
start=$(date +%s.%N)
"$root/calsim" run "$here/chen2020-rates.yaml" --out "$dir/r" > /dev/null
end=$(date +%s.%N)
stage=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print('%.3f' % s['stages'][0]['seconds'])" "$dir/r/summary.json")
{
  cat "$out.tmp"
  echo "# whole command: ./calsim run bench/p2d/chen2020-rates.yaml (JVM, OSGi container, job checks, results)"
  echo "command,seconds"
  printf "whole command,%.3f\n" "$(echo "$end - $start" | bc -l)"
  echo "stage fem.p2d inside it,$stage"
} > "$out"
rm -rf "$dir" "$out.tmp" "$out.pybamm"
cat "$out"
