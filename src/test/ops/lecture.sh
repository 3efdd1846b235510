#!/usr/bin/env bash
# The lecture benchmark: 200 students for 60 s against one server (page loads, mostly-cached slider moves,
# some uncached ones, a few of the largest requests, training starts where the server offers them).
# Reports req/s, p50/p99 and refusals per class, errors, and the server's RSS. Goals: no errors other than
# deliberate 429/503, p99 ≤ 100 ms for cheap requests, RSS flat within 10 % over the last 30 s.
# Usage: src/test/ops/lecture.sh [seconds] [clients]   (default 60 200)
# The same load runs WARMUP_SECONDS (5) before the measured seconds, not counted but for its errors (the server's
# JIT compiles its hot paths meanwhile; a lecture's server has been up for a while).
# Errors always fail the script; missed latency and memory goals only with STRICT_LATENCY=true (CI machines are shared).
cd "$(dirname "$0")/../../.."
source src/test/ops/lib.sh
SECONDS_TO_RUN=${1:-60}
CLIENTS=${2:-200}
start_server lecture
load lecture --url "http://127.0.0.1:$SERVER_PORT/" --clients "$CLIENTS" --seconds "$SECONDS_TO_RUN" --warmup-seconds "${WARMUP_SECONDS:-5}" --strict-latency "${STRICT_LATENCY:-false}" --pid "$SERVER_PID" \
  --max-cheap-p99 "${MAX_CHEAP_P99:-100}" --max-rss-growth "${MAX_RSS_GROWTH:-10}"
stop_server "$SERVER_PID" lecture
