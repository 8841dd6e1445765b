#!/usr/bin/env bash
# calsim lab server load check: `calsim serve --jobs 2` on a free port with a temporary data folder,
# 20 jobs submitted at once (bench/server/job.yaml, a different target pressure and line load each),
# 50 concurrent clients polling GET /api/jobs/{id} and GET /api/jobs for 60 s (LoadCheck.java, run with
# the JDK's single-file launcher). Latency percentiles, throughput and errors per endpoint and the time
# the jobs took go to bench/server/results.txt, with the machine it ran on.
#
#   bench/server/run.sh [seconds] [clients] [jobs]        (defaults 60 50 20)
#
# Uses runtime/target/calsim.jar as it is; builds it (mvn -B -q package -DskipTests) only if it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
clients="${2:-50}"
jobs="${3:-20}"
jar="$root/runtime/target/calsim.jar"
. "$here/common.sh"
ensure_jar "$root"

tmp="$(mktemp -d)"
serve_pid=""
cleanup() {
  stop_server "$serve_pid"
  rm -rf "$tmp"
}
trap cleanup EXIT

port="$(free_port)"

# the server runs in the temporary folder (its deploy/ watch folder and logs stay there)
mkdir -p "$tmp/run/deploy"
(cd "$tmp/run" && exec java -Djava.awt.headless=true -Dgosh.args=--nointeractive -jar "$jar" \
  serve --port "$port" --data "$tmp/lab" --jobs 2 > "$tmp/run/serve.log" 2>&1) &
serve_pid=$!
for _ in $(seq 1 180); do
  grep -q "calsim: lab server on" "$tmp/run/serve.log" 2>/dev/null && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$tmp/run/serve.log" >&2; exit 1; }
  sleep 0.5
done
grep -q "calsim: lab server on" "$tmp/run/serve.log" || { echo "serve did not start" >&2; cat "$tmp/run/serve.log" >&2; exit 1; }

java "$here/LoadCheck.java" --base "http://127.0.0.1:$port" --token-file "$tmp/lab/token" \
  --job "$here/job.yaml" --jobs "$jobs" --clients "$clients" --seconds "$seconds" --out "$here/results.txt"
