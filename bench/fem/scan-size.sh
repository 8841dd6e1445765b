#!/usr/bin/env bash
# calsim scan-size benchmark (issue 19): through- and in-plane tortuosity factor of an n^3 overlapping-sphere
# image (porosity 0.40, seed 19, made in-process), fem.tortuosity's solver and tolerances, 2 threads.
# Appends size, seconds, iterations, peak heap, estimated heap and tau per direction to
# bench/fem/results-scan-size.txt.
# With PYTHON set to a Python that has TauFactor (verify/README.md), TauFactor runs on the same image after calsim, in
# the same run (taufactor_scan.py), and appends its rows too.
# Usage: bench/fem/scan-size.sh [n ...]     (default 512; HEAP=8g by default; LABEL names the rows; PYTHON for TauFactor)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
heap="${HEAP:-8g}"
mvn -B -q -f "$root/pom.xml" install -DskipTests -pl fem-bundle -am
mvn -B -q -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
raw="$here/target/scan-image.raw"
for n in "${@:-512}"; do
  java -Xmx"$heap" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.calsim.bench.ScanSizeBenchmark \
    "$n" 2 "$here/results-scan-size.txt" "${LABEL:-$(git -C "$root" rev-parse --short HEAD)}" ${PYTHON:+"$raw"}
  if [ -n "${PYTHON:-}" ]; then
    "$PYTHON" "$here/taufactor_scan.py" "$raw" "$n" "$here/results-scan-size.txt"
    rm -f "$raw"
  fi
done
cat "$here/results-scan-size.txt"
