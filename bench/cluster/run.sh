#!/usr/bin/env bash
# calsim cluster throughput: sweep points per minute with 1, 2 and 3 lab servers joined into one Hazelcast cluster
# on loopback (separate JVMs on this machine), against the same sweep run by one `calsim sweep` without a cluster.
# The sweep is examples/ml/sweep.yaml (the empirical chain) with N points; `calsim sweep --cluster` publishes them
# and collects the results. Points per minute = N / (last point finished - first point started), read from the
# points' provenance.json; the wall time of the whole `calsim sweep` command (JVM start and joining included) is
# given beside it. Every run's dataset.csv is compared with the single-machine one. Figures go to
# bench/cluster/results.txt, with the machine they were measured on.
#
#   bench/cluster/run.sh [points] [workers per server]        (defaults 60 2)
#
# Uses runtime/target/calsim.jar as it is; builds it (mvn -B -q package -DskipTests) only if it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
points="${1:-60}"
workers="${2:-2}"
jar="$root/runtime/target/calsim.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q package -DskipTests)
fi
java_cmd=(java -Djava.awt.headless=true -Dgosh.args=--nointeractive -jar "$jar")

tmp="$(mktemp -d)"
pids=()
stop_servers() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]:-}"; do
    [ -n "$p" ] || continue
    for _ in $(seq 1 60); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$p" 2>/dev/null || true
  done
  pids=()
}
trap 'stop_servers; rm -rf "$tmp"' EXIT

free_port() {
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

mkdir -p "$tmp/work"
cp "$root/examples/ml/empirical-chain.yaml" "$tmp/work/"
sed -e "s/^points: [0-9]*/points: $points/" -e "s/^concurrency: [0-9]*/concurrency: $workers/" \
  "$root/examples/ml/sweep.yaml" > "$tmp/work/sweep.yaml"

# points per minute from the provenance of the points of a sweep folder
rate() {
  python3 - "$1" <<'PY'
import json, sys, glob, datetime
def t(s): return datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
starts, ends = [], []
for f in glob.glob(sys.argv[1] + "/points/*/provenance.json"):
    d = json.load(open(f))
    starts.append(t(d["started"])); ends.append(t(d["finished"]))
span = max(ends) - min(starts)
print(f"{len(starts)} {span:.1f} {60 * len(starts) / span:.1f}")
PY
}

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
{
  echo "# calsim cluster throughput ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo "machine: $machine; load before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "sweep: examples/ml/sweep.yaml (empirical chain), $points points, $workers points at a time per server"
  echo "points/min = points / (last point finished - first point started); wall = the whole calsim sweep command"
  echo
  printf "%-34s %8s %10s %12s %9s %s\n" "setup" "points" "span_s" "points/min" "wall_s" "dataset"
} > "$tmp/results.txt"

start=$(date +%s%N)
(cd "$tmp/work" && "${java_cmd[@]}" sweep sweep.yaml --out single > "$tmp/single.log" 2>&1)
wall=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
read -r n span per_min <<< "$(rate "$tmp/work/single")"
printf "%-34s %8s %10s %12s %9.1f %s\n" "one machine, no cluster" "$n" "$span" "$per_min" "$wall" "reference" \
  >> "$tmp/results.txt"

for members in 1 2 3; do
  ports=(); cports=(); list=""
  for i in $(seq 1 "$members"); do
    ports+=("$(free_port)"); c="$(free_port)"; cports+=("$c"); list="${list:+$list,}127.0.0.1:$c"
  done
  for i in $(seq 0 $((members - 1))); do
    d="$tmp/m$members-s$i"; mkdir -p "$d/deploy" "$d/data"
    if [ "$i" -gt 0 ]; then cp "$tmp/m$members-s0/data/cluster-token" "$d/data/"; fi
    (cd "$d" && exec "${java_cmd[@]}" serve --port "${ports[$i]}" --data "$d/data" --jobs "$workers" \
      --cluster bench --members "$list" --cluster-port "${cports[$i]}" > "$d/serve.log" 2>&1) &
    pids+=("$!")
    for _ in $(seq 1 240); do
      grep -q "calsim: lab server on" "$d/serve.log" 2>/dev/null && break
      kill -0 "${pids[$i]}" 2>/dev/null || { cat "$d/serve.log" >&2; exit 1; }
      sleep 0.5
    done
    grep -q "calsim: lab server on" "$d/serve.log" || { echo "server $i did not start" >&2; exit 1; }
  done
  out="$tmp/work/cluster-$members"
  start=$(date +%s%N)
  (cd "$tmp/work" && "${java_cmd[@]}" sweep sweep.yaml --out "$out" --cluster bench --members "$list" \
    --cluster-token "$tmp/m$members-s0/data/cluster-token" --cluster-port "$(free_port)" > "$tmp/c$members.log" 2>&1) \
    || { cat "$tmp/c$members.log" >&2; exit 1; }
  wall=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  read -r n span per_min <<< "$(rate "$out")"
  same=$(cmp -s "$tmp/work/single/dataset.csv" "$out/dataset.csv" && echo "equal" || echo "DIFFERS")
  printf "%-34s %8s %10s %12s %9.1f %s\n" "cluster of $members server(s)" "$n" "$span" "$per_min" "$wall" "$same" \
    >> "$tmp/results.txt"
  stop_servers
done
cp "$tmp/results.txt" "$here/results.txt"
cat "$here/results.txt"
