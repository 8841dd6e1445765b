#!/usr/bin/env bash
# LIGGGHTS side of SphereOnPlaneTest.rollingResistanceDeceleratesAtFiveSeventhsMuRG: a sphere rolling on a plane
# against epsd2 rolling resistance. Writes the initial state, runs in.rolling, fits the deceleration over
# t = 2 ... 12 ms (least squares, as the calsim test does) and writes rolling-results.txt beside the analytic value
# -mu_r r m g a / (I + m a^2), a = r - delta_s.
#
# usage: verify/liggghts/run-rolling.sh        (needs: apt-get install liggghts; awk)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
LMP=${LIGGGHTS:-$(command -v liggghts || command -v lmp_liggghts || true)}
[ -n "$LMP" ] || { echo "no liggghts binary found (apt-get install liggghts)" >&2; exit 1; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

read -r Z0 W0 < <(awk 'BEGIN { r = 1e-3; pi = atan2(0, -1); m = 2500 * 4 / 3 * pi * r^3; es = 1e8 / (2 * (1 - 0.09));
  d = (3 * m * 9.81 / (4 * es * sqrt(r)))^(2 / 3); printf "%.17g %.17g\n", r - d, 0.1 / (r - d) }')
cat > "$OUT/rolling.data" <<DATA
LIGGGHTS data: one sphere resting on the plane z = 0, rolling

1 atoms
1 atom types

0.0 0.02 xlo xhi
0.0 0.02 ylo yhi
-0.001 0.01 zlo zhi

Atoms

1 1 0.002 2500 0.01 0.01 $Z0

Velocities

1 0.1 0.0 0.0 0.0 $W0 0.0
DATA

(cd "$OUT" && "$LMP" -in "$HERE/in.rolling" -var outdir "$OUT" > "$OUT/log.rolling")

awk -v out="$HERE/rolling-results.txt" 'BEGIN { r = 1e-3; pi = atan2(0, -1); m = 2500 * 4 / 3 * pi * r^3;
    es = 1e8 / (2 * (1 - 0.09)); d = (3 * m * 9.81 / (4 * es * sqrt(r)))^(2 / 3); a = r - d; I = 0.4 * m * r^2 }
  /^#/ { next }
  $1 >= 2e-3 - 1e-12 { n++; st += $1; sv += $2; stt += $1 * $1; stv += $1 * $2; last_v = $2; last_w = $3 }
  END {
    slope = (n * stv - st * sv) / (n * stt - st * st)
    analytic = -0.05 * r * m * 9.81 * a / (I + m * a * a)
    printf "# verify/liggghts/run-rolling.sh: sphere rolling on a plane, epsd2 rolling resistance (mu_r = 0.05)\n" > out
    printf "# deceleration dv/dt over t = 2 ... 12 ms, least squares [m/s^2]\n" >> out
    printf "LIGGGHTS 3.8.0           %.9g\n", slope >> out
    printf "analytic -mu_r r m g a/(I + m a^2) %.9g\n", analytic >> out
    printf "LIGGGHTS / analytic      %.9g\n", slope / analytic >> out
    printf "v / (a omega) at 12 ms   %.9g\n", last_v / (a * last_w) >> out
  }' "$OUT/rolling.txt"
cat "$HERE/rolling-results.txt"
