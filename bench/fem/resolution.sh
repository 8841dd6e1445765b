#!/usr/bin/env bash
# Resolution of the voxel tortuosity factor (issue 18): the refinement study behind fem.tortuosity's resolution
# note (PoreResolution in fem-bundle): T of two sphere packings at 3 to 30 voxels per sphere radius against its
# extrapolated limit, and the mean pore radius in voxels. Writes bench/fem/results-resolution.txt.
# Usage: bench/fem/resolution.sh        MVN_ARGS: extra Maven arguments (e.g. "-o -Dmaven.repo.local=...")
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
# shellcheck disable=SC2086
mvn -B -q ${MVN_ARGS:-} -pl fem-bundle -am install -DskipTests
cp="$(mktemp)"
trap 'rm -f "$cp"' EXIT
# shellcheck disable=SC2086
mvn -B -q ${MVN_ARGS:-} -pl fem-bundle test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp"
java -Xmx${HEAP:-4g} -cp "fem-bundle/target/classes:fem-bundle/target/test-classes:$(cat "$cp")" \
  org.calsim.fem.transport.PoreResolutionStudy "$here/results-resolution.txt"
cat "$here/results-resolution.txt"
