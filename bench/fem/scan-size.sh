#!/usr/bin/env bash
# calsim scan-size benchmark (issue 19): through- and in-plane tortuosity factor of an n^3 overlapping-sphere
# image (porosity 0.40, seed 19, made in-process), fem.tortuosity's solver and tolerances, 2 threads.
# Appends size, seconds, iterations, peak heap, estimated heap and tau per direction to
# bench/fem/results-scan-size.txt.
# Usage: bench/fem/scan-size.sh [n ...]     (default 512; HEAP=8g by default; LABEL names the rows)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
heap="${HEAP:-8g}"
mvn -B -q -f "$root/pom.xml" install -DskipTests -pl fem-bundle -am
mvn -B -q -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
for n in "${@:-512}"; do
  java -Xmx"$heap" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.calsim.bench.ScanSizeBenchmark \
    "$n" 2 "$here/results-scan-size.txt" "${LABEL:-$(git -C "$root" rev-parse --short HEAD)}"
done
cat "$here/results-scan-size.txt"
