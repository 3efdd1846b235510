#!/usr/bin/env bash
# Measures the site's figures quoted in the README, on this machine:
#   1. from `java -jar … serve` to the first 200 response (median of RUNS starts);
#   2. `build` of the whole course into a fresh folder (median of RUNS builds).
# Usage: mvn -B -q -DskipTests package && bash src/test/bench/site-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAR=target/gradients-through-time.jar
RUNS=${1:-11}
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -q -DskipTests package" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now_ms() { date +%s%3N; }

startup_once() {
  local port=$((20000 + RANDOM % 20000)) start pid code
  start=$(now_ms)
  java -jar "$JAR" serve --port "$port" >/dev/null 2>&1 &
  pid=$!
  until code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/") && [ "$code" = 200 ]; do sleep 0.01; done
  echo $(( $(now_ms) - start ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

build_once() {
  local out start
  out=$(mktemp -d)/site
  start=$(now_ms)
  java -jar "$JAR" build --out "$out" >/dev/null
  echo $(( $(now_ms) - start ))
  rm -rf "$(dirname "$out")"
}

startup_once >/dev/null  # warm the file cache
echo "serve → first 200 (ms, $RUNS runs): median $(for _ in $(seq "$RUNS"); do startup_once; done | median)"
echo "build whole course (ms, $RUNS runs, JVM start included): median $(for _ in $(seq "$RUNS"); do build_once; done | median)"
