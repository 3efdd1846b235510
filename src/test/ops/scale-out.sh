#!/usr/bin/env bash
# Scale-out: two instances behind Debian's nginx on loopback, with src/deploy/nginx-gradients-through-time.conf
# (ports and cache path substituted). The lecture load runs through nginx; one instance is stopped with
# SIGTERM mid-run. Passes when no request failed beyond those in flight at that moment, the stopped instance
# exited 0, and nginx's cache answered GET /api/v1/gradients.
# Usage: src/test/ops/scale-out.sh [seconds] [clients]   (default 30 200)
cd "$(dirname "$0")/../../.."
source src/test/ops/lib.sh
SECONDS_TO_RUN=${1:-30}
CLIENTS=${2:-200}
NGINX=${NGINX:-/usr/sbin/nginx}
[ -x "$NGINX" ] || { echo "nginx not found at $NGINX (apt-get install nginx)" >&2; exit 2; }

start_server one --base-path /dl-course/; ONE_PID=$SERVER_PID; ONE_PORT=$SERVER_PORT
start_server two --base-path /dl-course/; TWO_PID=$SERVER_PID; TWO_PORT=$SERVER_PORT
NGINX_PORT=$(free_port)

mkdir -p "$WORK/nginx/cache" "$WORK/nginx/temp" "$WORK/nginx/logs"
# nginx's worker runs as an unprivileged user when the script runs as root: it must reach its cache and temp files.
chmod a+x "$WORK"
chmod -R a+rwx "$WORK/nginx"
sed -e "s|127.0.0.1:7070|127.0.0.1:$ONE_PORT|; s|127.0.0.1:7071|127.0.0.1:$TWO_PORT|" \
    -e "s|listen 80;|listen 127.0.0.1:$NGINX_PORT;|" -e "s|/var/cache/nginx/gtt|$WORK/nginx/cache|" \
    src/deploy/nginx-gradients-through-time.conf > "$WORK/nginx/site.conf"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/temp/body;
    proxy_temp_path $WORK/nginx/temp/proxy;
    fastcgi_temp_path $WORK/nginx/temp/fastcgi;
    uwsgi_temp_path $WORK/nginx/temp/uwsgi;
    scgi_temp_path $WORK/nginx/temp/scgi;
    include $WORK/nginx/site.conf;
}
CONF
"$NGINX" -t -q -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -g 'daemon off;' &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
for _ in $(seq 1 100); do curl_ok=0; (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null && break; sleep 0.1; done
echo "nginx on port $NGINX_PORT in front of ports $ONE_PORT and $TWO_PORT"

STOP_AT=$(( SECONDS_TO_RUN / 2 ))
status=0
load lecture --url "http://127.0.0.1:$NGINX_PORT/dl-course/" --clients "$CLIENTS" --seconds "$SECONDS_TO_RUN" \
  --stop-pid "$ONE_PID" --stop-at "$STOP_AT" || status=$?
wait_exit "$ONE_PID" one || status=1
CACHED=$(find "$WORK/nginx/cache" -type f | wc -l)
echo "nginx cache: $CACHED stored answers of GET /api/v1/gradients"
[ "$CACHED" -gt 0 ] || { echo "FAIL: nginx cached nothing" >&2; status=1; }
if grep -q "\[error\]\|\[crit\]\|\[alert\]\|\[emerg\]" "$WORK/nginx/logs/error.log"; then
  echo "nginx errors (connections refused by the stopped instance are expected and were retried):"
  grep -c "\[error\]" "$WORK/nginx/logs/error.log" | sed 's/^/  error lines: /'
  if grep -q "\[crit\]\|\[alert\]\|\[emerg\]" "$WORK/nginx/logs/error.log"; then
    grep "\[crit\]\|\[alert\]\|\[emerg\]" "$WORK/nginx/logs/error.log" | head -5; status=1
  fi
fi
kill -QUIT "$NGINX_PID" 2>/dev/null || true
stop_server "$TWO_PID" two || status=1
exit "$status"
