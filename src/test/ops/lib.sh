# Shared by the load scripts: start and stop `serve` instances on loopback, bounded in time.
# Source it from the repository root after `mvn -B verify` (it needs target/gradients-through-time.jar
# and target/test-classes, where the load generator org.gtt.load.LoadTest is compiled).
set -euo pipefail

JAR=target/gradients-through-time.jar
LOAD_CLASSES=target/test-classes
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B verify first" >&2; exit 2; }
[ -f "$LOAD_CLASSES/org/gtt/load/LoadTest.class" ] || { echo "missing the load generator in $LOAD_CLASSES: run mvn -B verify first" >&2; exit 2; }

WORK=$(mktemp -d /tmp/gtt-ops.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# start_server NAME [serve options...]: starts an instance on a free port (port 0) with the access log in
# $WORK/NAME.log; sets SERVER_PID and SERVER_PORT once /readyz answers 200.
start_server() {
  local name=$1; shift
  java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$JAR" serve --port 0 --trusted-proxies 127.0.0.1 "$@" > "$WORK/$name.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  SERVER_PORT=""
  for _ in $(seq 1 600); do
    SERVER_PORT=$(sed -n 's|.*is running at http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$WORK/$name.log" | head -1)
    [ -n "$SERVER_PORT" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "$name failed to start:" >&2; cat "$WORK/$name.log" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$SERVER_PORT" ] || { echo "$name did not start within 60 s" >&2; exit 1; }
  echo "started $name: pid $SERVER_PID, port $SERVER_PORT"
}

# stop_server PID NAME: SIGTERM, then the exit status must be 0 within 30 s.
stop_server() {
  local pid=$1 name=$2 status=0
  kill -TERM "$pid" 2>/dev/null || true
  wait_exit "$pid" "$name"
}

wait_exit() {
  local pid=$1 name=$2 status=0
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then echo "FAIL: $name still running 30 s after SIGTERM" >&2; return 1; fi
  wait "$pid" || status=$?
  if [ "$status" -ne 0 ]; then echo "FAIL: $name exited with status $status after SIGTERM" >&2; tail -5 "$WORK/$name.log" >&2; return 1; fi
  echo "$name stopped on SIGTERM with exit status 0 ($(grep -c '"method"' "$WORK/$name.log" || true) requests in its access log)"
}

# free_port: a loopback port nothing listens on (for nginx, which cannot pick its own).
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port" >&2; exit 1
}

# load MODE [options...]: the load generator, at a lower CPU priority (nice 10) than the servers. It stands in for
# students on other machines, so it takes the CPU only when the servers leave some idle; its clock can only be
# delayed by this (a late read of an answer makes that answer look slower), never flattered. LOAD_NICE=0: same priority.
load() {
  nice -n "${LOAD_NICE:-10}" timeout 300 java -cp "$LOAD_CLASSES" org.gtt.load.LoadTest "$@"
}
