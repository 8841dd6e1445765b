#!/usr/bin/env bash
# calsim DEM benchmark (issue 3): particle-steps per second on 1 and 2 threads and bytes per particle for the
# case of bench/liggghts/in.bench, starting from the packing LIGGGHTS settled (bench/liggghts/settled.dump).
# Usage: bench/dem/run.sh [steps] [threads] [tiles]      (defaults: 20000 steps, "1,2", 1 tile; each entry of the
#   comma-separated threads list is one JVM of its own; an entry a:b runs an engine on a threads, then one on b, in
#   the same JVM — the second in a warm JVM, as a lab server's later jobs; column engine_in_jvm tells them apart)
#   tiles=10 repeats the packing 10 x 10 times: 1,000,000 particles (run with HEAP=2g to check the memory goal)
# Writes bench/dem/results.txt (tiles=1) or bench/dem/results-<N>tiles.txt.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
steps="${1:-20000}"
threads="${2:-1,2}"
tiles="${3:-1}"
heap="${HEAP:-2g}"
out="$here/results.txt"
[ "$tiles" = 1 ] || out="$here/results-${tiles}tiles.txt"
mvn -B -q -f "$root/pom.xml" install -DskipTests -pl dem-bundle -am
mvn -B -q -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
# one JVM per run, as every LIGGGHTS run is a process of its own: a run never starts from the code the compiler
# shaped for an earlier engine (the first engine of a JVM is a job's DEM stage)
run="$(mktemp)"
trap 'rm -f "$run"' EXIT
rm -f "$out"
IFS=, read -ra runs <<< "$threads"
for t in "${runs[@]}"; do
  java -Xmx"$heap" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.calsim.bench.DemBenchmark \
    "$root/bench/liggghts/settled.dump" "$steps" "${t//:/,}" "$tiles" "$run"
  if [ -f "$out" ]; then grep -v '^#\|^threads' "$run" >> "$out"; else cp "$run" "$out"; fi
done
echo "written: $out"
