#!/usr/bin/env bash
# Start time of one-shot commands (issue 21, "Start in one second"): ./calsim list, ./calsim check
# examples/quickstart.yaml and ./calsim describe dem.calender, each run once to warm the file cache and then
# RUNS times in a row from a temporary folder (with an empty deploy/), as a user types them. For each command:
# min / median / max wall seconds and the median user+sys CPU seconds of the whole process (JVM threads
# included), with the 1-minute load average before and after its runs: the machine is shared, so compare
# medians taken at similar loads, and the CPU seconds, which depend little on the load.
# Appends a block, labelled with the commit (and LABEL if given), to bench/start/results.txt.
#
#   bench/start/start.sh [RUNS] [LABEL]          (default 7 runs)
#
# Builds the runtime first if ./calsim would (sources newer than runtime/target/calsim.jar), outside the timing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-7}"
label="${2:-}"
out="$here/results.txt"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/deploy"
cp "$root/examples/quickstart.yaml" "$tmp/"
cd "$tmp"
"$root/calsim" list > /dev/null # builds the runtime if needed

load() { cut -d' ' -f1 /proc/loadavg; }

# median of the numbers on stdin
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# time_command NAME ARGS...: one warm-up, then RUNS timed runs; prints one result line
time_command() {
  local name="$1"; shift
  "$root/calsim" "$@" > /dev/null
  local before after walls="" cpus="" i t
  before="$(load)"
  for i in $(seq 1 "$runs"); do
    # bash's time: wall, user and system seconds of the command and its children, to the millisecond
    t="$( { TIMEFORMAT='%3R %3U %3S'; time "$root/calsim" "$@" > /dev/null 2> "$tmp/stderr"; } 2>&1 )"
    if [ -s "$tmp/stderr" ]; then
      echo "calsim $*: unexpected stderr:" >&2
      cat "$tmp/stderr" >&2
      exit 1
    fi
    walls+="$(echo "$t" | awk '{print $1}')"$'\n'
    cpus+="$(echo "$t" | awk '{print $2 + $3}')"$'\n'
  done
  after="$(load)"
  printf '%-22s %6.2f %6.2f %6.2f %8.2f   %5s -> %-5s\n' "$name" \
    "$(printf '%s' "$walls" | sort -g | head -1)" "$(printf '%s' "$walls" | median)" \
    "$(printf '%s' "$walls" | sort -g | tail -1)" "$(printf '%s' "$cpus" | median)" "$before" "$after"
}

{
  echo "== $(date -u '+%Y-%m-%d %H:%M UTC')  commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . ':!bench/start/results.txt' || echo '+changes')${label:+  ($label)}"
  echo "   $(nproc) cores, $(java -version 2>&1 | head -1), $runs runs after one warm-up"
  printf '%-22s %6s %6s %6s %8s   %s\n' "command" "min s" "median" "max s" "cpu s" "load (1 min) before -> after"
  time_command "list" list
  time_command "check quickstart.yaml" check quickstart.yaml
  time_command "describe dem.calender" describe dem.calender
  echo
} | tee -a "$out"
