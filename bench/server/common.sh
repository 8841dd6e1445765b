# Shared by bench/server/run.sh and fault.sh (sourced, not run): the runtime jar, stopping a server, a free port.

# ensure_jar ROOT: builds ROOT/runtime/target/calsim.jar (mvn -B -q package -DskipTests) only if it is missing
ensure_jar() {
  if [ ! -f "$1/runtime/target/calsim.jar" ]; then
    (cd "$1" && mvn -B -q package -DskipTests)
  fi
}

# stop_server PID: a clean stop (SIGTERM: the container closes the database), SIGKILL after 30 s
stop_server() {
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill -TERM "$1"
    for _ in $(seq 1 60); do kill -0 "$1" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$1" 2>/dev/null || true
  fi
}

# free_port: prints a loopback port nothing answers on, or fails
free_port() {
  for _ in $(seq 1 50); do
    local p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "no free port found" >&2
  return 1
}
