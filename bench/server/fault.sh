#!/usr/bin/env bash
# calsim lab server load, fault and bad-input check (issue 17): FaultCheck.java (the JDK's single-file launcher, no
# other dependencies) starts `calsim serve --host 127.0.0.1 --jobs 2` on a free port with a temporary data folder;
# 50 clients, the first 20 of which submit bench/server/job.yaml, poll the jobs API; 2 queued jobs are cancelled;
# 200 malformed or hostile requests (bad YAML and JSON, huge numbers, path traversal in file parameters and
# downloads, forged Host, missing and wrong token, oversize uploads announced by Content-Length, unknown routes,
# bad queries) go over raw sockets; the server is killed with kill -9 once 4 jobs have succeeded and restarted on
# the same data folder. Every hostile request must get a 4xx and no answer may contain /etc/passwd or the token;
# no job answered 201 may be lost and none reported succeeded without its complete results (nor cancelled or
# failed wrongly). Requests served, errors by kind, p50/p99 and "jobs lost: N, jobs wrongly reported: N" go to
# bench/server/results-fault.txt; the exit code is 1 if anything failed, with the exact requests and answers.
#
#   bench/server/fault.sh [clients] [jobs] [hostile]        (defaults 50 20 200; loopback only, 2-4 minutes)
#
# Uses runtime/target/calsim.jar as it is; builds it (mvn -B -q package -DskipTests) only if it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
clients="${1:-50}"
jobs="${2:-20}"
hostile="${3:-200}"
jar="$root/runtime/target/calsim.jar"
. "$here/common.sh"
ensure_jar "$root"

tmp="$(mktemp -d)"
cleanup() {
  # FaultCheck stops the server itself; this is for an interrupted run
  if [ -f "$tmp/server.pid" ]; then
    stop_server "$(cat "$tmp/server.pid")"
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

port="$(free_port)"

java "$here/FaultCheck.java" --jar "$jar" --dir "$tmp" --port "$port" --job "$here/job.yaml" \
  --chain "$root/examples/ml/empirical-chain.yaml" --clients "$clients" --jobs "$jobs" --hostile "$hostile" \
  --out "$here/results-fault.txt"
