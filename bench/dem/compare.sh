#!/usr/bin/env bash
# The DEM benchmark side by side: LIGGGHTS 3.8 (bench/liggghts/run.sh, 1 and 2 MPI processes) and calsim
# (bench/dem/run.sh, 1 and 2 threads) on the same machine, one after the other, the same number of
# compression steps; calsim repeated (REPS1 JVMs on 1 thread, REPS2 JVMs on 2; defaults 5 and 5) for the spread.
# Each calsim JVM runs the case twice: the first engine on code the JIT compiler has not yet shaped (a command-line
# job's DEM stage; rows "calsim"), the second in the same, warm JVM (a lab server's later jobs; rows "calsim (warm
# JVM)"). jit_ms: median milliseconds the JIT compilers worked during an engine's timed steps.
# Writes bench/dem/comparison.txt: per code and workers the runs, min/median/max particle-steps per second.
# Usage: bench/dem/compare.sh [steps]      (default 20000; needs: apt-get install liggghts)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
steps="${1:-20000}"
NCOMPRESS="$steps" bash "$here/../liggghts/run.sh"
threads=$(printf '1:1,%.0s' $(seq "${REPS1:-5}"))$(printf '2:2,%.0s' $(seq "${REPS2:-5}"))
bash "$here/run.sh" "$steps" "${threads%,}" 1
{
  echo "# DEM benchmark on $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(date -u +%FT%TZ)"
  echo "# 10,000 spheres compressed by a plate, $steps steps of 1e-5 s, from the same settled packing"
  echo "code,workers,runs,min,median,max (particle-steps per second),jit_ms"
  {
    grep -v '^#' "$here/../liggghts/results.txt" | awk -F, 'NR>1 {print "LIGGGHTS 3.8," $2 "," $6 ",-"}'
    grep -v '^#' "$here/results.txt" | awk -F, 'NR>1 {print ($11 == 1 ? "calsim" : "calsim (warm JVM)") "," $1 "," $5 "," $12}'
  } | sort -t, -k1,1 -k2,2n -k3,3g | awk -F, '
    function median(a, m) { return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
    function flush(   i, j, t) {
      if (!n) return
      for (i = 2; i <= n; i++) for (j = i; j > 1 && j_[j - 1] > j_[j]; j--) { t = j_[j]; j_[j] = j_[j - 1]; j_[j - 1] = t }
      printf "%s,%s,%d,%.4g,%.4g,%.4g,%s\n", key1, key2, n, v[1], median(v, n), v[n], j_[1] == "-" ? "-" : median(j_, n)
    }
    { if ($1 != key1 || $2 != key2) { flush(); n = 0; key1 = $1; key2 = $2 } v[++n] = $3; j_[n] = $4 }
    END { flush() }'
} > "$here/comparison.txt"
cat "$here/comparison.txt"
