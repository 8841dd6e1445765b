#!/usr/bin/env bash
# Run the LIGGGHTS side of the calsim DEM benchmark (in.bench) serially and,
# if the binary is MPI-enabled and mpirun exists, with 2 MPI processes, then
# parse the timing of the compression run and write results.txt.
#
# usage:  bench/liggghts/run.sh
# env:    LIGGGHTS   binary            (default: liggghts or lmp_liggghts from PATH)
#         NP_LIST    process counts    (default: "1 2"; 2 is dropped if MPI is unavailable)
#         NCOMPRESS  compression steps (default 20000 = 0.2 s at dt = 1e-5 s)
#         SKIN       neighbor skin, m  (default 0.002)
#         OUT        log directory     (default bench/liggghts/out)
#         EXTRA      extra LIGGGHTS args, e.g. "-var nsettlemin 2000" (quick tests only)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE"

LMP=${LIGGGHTS:-$(command -v liggghts || command -v lmp_liggghts || true)}
[ -n "$LMP" ] || { echo "no liggghts binary found (apt-get install liggghts)" >&2; exit 1; }
NP_LIST=${NP_LIST:-"1 2"}
NCOMPRESS=${NCOMPRESS:-20000}
SKIN=${SKIN:-0.002}
OUT=${OUT:-$HERE/out}
EXTRA=${EXTRA:-}
RESULTS=$HERE/results.txt

# MPI available?
MPI=0
# (no "ldd | grep -q" here: with pipefail, grep -q closing the pipe early can
#  SIGPIPE ldd and make the test fail at random)
if command -v mpirun >/dev/null 2>&1; then
  case "$(ldd "$LMP" 2>/dev/null)" in *libmpi*) MPI=1 ;; esac
fi
MPIFLAGS=""
[ "$(id -u)" = 0 ] && MPIFLAGS="--allow-run-as-root"

CPU=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
NCPU=$(nproc)

mkdir -p "$OUT"
{
  echo "# LIGGGHTS side of the calsim DEM benchmark (bench/liggghts/in.bench)"
  echo "# date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# host:    $CPU, $NCPU logical cores (nproc)"
  echo "# binary:  $LMP ($(dpkg-query -W -f='${Package} ${Version}' liggghts 2>/dev/null || echo unknown)); MPI-enabled: $MPI"
  echo "# case:    10000 spheres r=3/5/8 mm (60/34/6 % by number), Hertz + tangential history, dt=1e-5 s,"
  echo "#          box 0.25x0.25 m periodic x/y, plate 0.1 m/s down, skin=$SKIN m bin, neigh_modify delay 0"
  echo "# compress_*: the single timed 'run' of the compression phase (LIGGGHTS 'Loop time' line)"
  echo "# psps = particles*steps/compress_wall_s; psps_per_core = psps/nprocs"
  echo "# settle_*: insertion + settling phase (untimed for the benchmark, sum of its 'Loop time' lines)"
  echo "# load1_*: 1-min load average before/after the config; > nprocs means something else was using the CPUs"
  echo "version,nprocs,particles,compress_steps,compress_wall_s,psps,psps_per_core,pair_pct,neigh_pct,comm_pct,other_pct,avg_neighs_per_atom,neigh_builds,settle_steps,settle_wall_s,bed_top_m,bed_hbulk_m,plate_start_m,plate_end_m,plate_force_end_N,total_wall_s,load1_before,load1_after"
} > "$RESULTS"

for NP in $NP_LIST; do
  if [ "$NP" -gt 1 ] && [ "$MPI" = 0 ]; then
    echo "skipping np=$NP: no MPI" >&2; continue
  fi
  D=$OUT/np$NP
  mkdir -p "$D"
  ARGS=(-in in.bench -var outdir "$D" -var ncompress "$NCOMPRESS" -var skin "$SKIN" $EXTRA)
  if [ "$NP" -eq 1 ]; then CMD=("$LMP" "${ARGS[@]}")
  else CMD=(mpirun $MPIFLAGS -np "$NP" "$LMP" "${ARGS[@]}"); fi
  echo ">>> ${CMD[*]}" | tee "$D/command.txt"
  LOAD0=$(cut -d" " -f1 /proc/loadavg)
  T0=$(date +%s.%N)
  "${CMD[@]}" > "$D/stdout.txt" 2>&1
  T1=$(date +%s.%N)
  LOAD1=$(cut -d" " -f1 /proc/loadavg)

  VERSION=$(sed -n 's/^LIGGGHTS (Version \([^,]*\),.*/\1/p' "$D/stdout.txt" | head -1 | tr ' ' '_')
  # "Loop time of 8.29904 on 2 procs for 5000 steps with 10000 atoms, ..."
  read -r CT CP CS CA < <(awk '/^Loop time of/{t=$4;p=$6;s=$9;a=$12} END{print t,p,s,a}' "$D/log.compress")
  read -r PAIR NEIGH COMM OTHER < <(awk -F'[()]' '/^Pair  time/{p=$4} /^Neigh time/{n=$4} /^Comm  time/{c=$4} /^Other time/{o=$4} END{printf "%.1f %.1f %.1f %.1f\n",p,n,c,o}' "$D/log.compress")
  NEIGHS=$(awk '/^Ave neighs\/atom/{v=$4} END{print v}' "$D/log.compress")
  BUILDS=$(awk '/^Neighbor list builds/{v=$5} END{print v}' "$D/log.compress")
  SETTLE_T=$(awk '/^Loop time of/{t+=$4} END{printf "%.2f", t}' "$D/log.settle")
  SETTLE_STEPS=$(sed -n 's/^SETTLED: step \([0-9]*\) .*/\1/p' "$D/stdout.txt")
  BEDTOP=$(sed -n 's/^SETTLED: .* bedtop \([^ ]*\) m .*/\1/p' "$D/stdout.txt")
  HBULK=$(sed -n 's/^SETTLED: .* hbulk \([^ ]*\) m .*/\1/p' "$D/stdout.txt")
  PSTART=$(sed -n 's/^PLATE_START: z = \([^ ]*\) m.*/\1/p' "$D/stdout.txt")
  PEND=$(sed -n 's/^COMPRESSED: plate z = \([^ ]*\) m.*/\1/p' "$D/stdout.txt")
  FEND=$(sed -n 's/^COMPRESSED: .* plate force z = \([^ ]*\) N.*/\1/p' "$D/stdout.txt")
  PSPS=$(awk -v a="$CA" -v s="$CS" -v t="$CT" 'BEGIN{printf "%.4g", a*s/t}')
  PSPC=$(awk -v a="$CA" -v s="$CS" -v t="$CT" -v p="$CP" 'BEGIN{printf "%.4g", a*s/t/p}')
  TOTAL=$(awk -v a="$T0" -v b="$T1" 'BEGIN{printf "%.1f", b-a}')

  echo "$VERSION,$CP,$CA,$CS,$CT,$PSPS,$PSPC,$PAIR,$NEIGH,$COMM,$OTHER,$NEIGHS,$BUILDS,$SETTLE_STEPS,$SETTLE_T,$BEDTOP,$HBULK,$PSTART,$PEND,$FEND,$TOTAL,$LOAD0,$LOAD1" >> "$RESULTS"
  echo "np=$NP: compression $CS steps x $CA atoms in $CT s -> $PSPS particle-steps/s ($PSPC per core); settle $SETTLE_STEPS steps in $SETTLE_T s; bed top $BEDTOP m"
done

# keep the settled packing of the serial run (positions + radii, ~0.4 MB)
[ -f "$OUT/np1/settled.dump" ] && cp "$OUT/np1/settled.dump" "$HERE/settled.dump"
echo "wrote $RESULTS"
cat "$RESULTS"
