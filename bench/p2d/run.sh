#!/usr/bin/env bash
# calsim P2D benchmark (issue 5): the six-rate sweep (0.2C ... 5C) of the Chen 2020 LG M50 cell
#  1. in process: fem.p2d run directly, cold and warm (best of 5)
#  2. as a whole command: ./calsim run bench/p2d/chen2020-rates.yaml (JVM and OSGi start-up included)
# Figures: bench/p2d/results.txt
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mvn -B -q -f "$root/pom.xml" install -DskipTests
mvn -B -q -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
out="$here/results.txt"
java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.calsim.bench.RateSweepBenchmark "$out.tmp" 5
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
rm -rf "$dir" "$out.tmp"
cat "$out"
