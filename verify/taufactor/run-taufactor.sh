#!/usr/bin/env bash
# TauFactor side of TauFactorComparisonTest: the tortuosity factor tau = eps D/D_eff of the same voxel images by
# calsim's fem.tortuosity and by TauFactor (Cooper et al., SoftwareX 5 (2016) 203), through the plane with
# periodic sides (TauFactor's PeriodicSolver) and with no-flux sides (Solver), and in the plane with no-flux sides
# (Solver). Builds fem-bundle's test classes, lets TauFactorImages write the images (raw voxels) and calsim's
# values, runs compare.py on them and writes taufactor-results.txt beside this script.
#
# usage: verify/taufactor/run-taufactor.sh [name=image.vti ...]
#   name=image.vti  further images calsim wrote (fem.microstructure's microstructure.vti), compared the same way;
#                   the recorded table has quickstart=results/quickstart/fem.microstructure/microstructure.vti
#                   after ./calsim run examples/quickstart.yaml
#   PYTHON     a Python with TauFactor and its dependencies (default python3); e.g.
#                python3 -m venv venv-tau && venv-tau/bin/pip install numpy torch matplotlib scipy scikit-image \
#                  psutil ipython tifffile && venv-tau/bin/pip install --no-deps ./taufactor   # tldr-group/taufactor
#   MVN_ARGS   extra Maven arguments, e.g. "-o -Dmaven.repo.local=/path/to/repository"
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PY=${PYTHON:-python3}
"$PY" -c 'import taufactor' 2>/dev/null || { echo "$PY cannot import taufactor (see usage in $0)" >&2; exit 1; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
IMAGES=()
for arg in "$@"; do
  [ -f "${arg#*=}" ] || { echo "no image file ${arg#*=} (expected name=file.vti)" >&2; exit 1; }
  IMAGES+=("${arg%%=*}=$(cd "$(dirname "${arg#*=}")" && pwd)/$(basename "${arg#*=}")")
done

cd "$ROOT"
# shellcheck disable=SC2086
mvn -B -q ${MVN_ARGS:-} -pl fem-bundle -am install -DskipTests
# shellcheck disable=SC2086
mvn -B -q ${MVN_ARGS:-} -pl fem-bundle test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$OUT/classpath.txt"
java -cp "fem-bundle/target/classes:fem-bundle/target/test-classes:$(cat "$OUT/classpath.txt")" \
    org.calsim.fem.transport.TauFactorImages "$OUT" ${IMAGES[@]+"${IMAGES[@]}"}
"$PY" "$HERE/compare.py" "$OUT" "$HERE/taufactor-results.txt"
cat "$HERE/taufactor-results.txt"
