#!/usr/bin/env bash
# The DEM benchmark side by side: LIGGGHTS 3.8 (bench/liggghts/run.sh, 1 and 2 MPI processes) and calsim
# (bench/dem/run.sh, 1 and 2 threads) on the same machine, one after the other, the same number of
# compression steps. Writes bench/dem/comparison.txt.
# Usage: bench/dem/compare.sh [steps]      (default 20000; needs: apt-get install liggghts)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
steps="${1:-20000}"
NCOMPRESS="$steps" bash "$here/../liggghts/run.sh"
bash "$here/run.sh" "$steps" 1,2 1
{
  echo "# DEM benchmark on $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(date -u +%FT%TZ)"
  echo "# 10,000 spheres compressed by a plate, $steps steps of 1e-5 s, from the same settled packing"
  echo "code,workers,particle_steps_per_s,per_worker"
  grep -v '^#' "$here/../liggghts/results.txt" | awk -F, 'NR>1 {printf "LIGGGHTS 3.8,%s,%s,%s\n", $2, $6, $7}'
  grep -v '^#' "$here/results.txt" | awk -F, 'NR>1 {printf "calsim,%s,%s,%s\n", $1, $5, $6}'
} > "$here/comparison.txt"
cat "$here/comparison.txt"
