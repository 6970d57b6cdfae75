#!/usr/bin/env bash
# Smoke test of the embedded start, as a newcomer runs it: `npm start` with no DATABASE_URL and a
# fresh DATA_DIR must print `READY <url>` within 180 s, serve the home page and /healthz, and stop
# cleanly (exit 0 within 30 s) on SIGTERM.
set -euo pipefail

cd "$(dirname "$0")/.."
unset DATABASE_URL SMTP_URL
export DATA_DIR
DATA_DIR=$(mktemp -d /tmp/guichet-smoke.XXXXXX)
PORT=${SMOKE_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
export PORT
log="$DATA_DIR/start.log"
pid=""

fail() {
  echo "smoke: FAILED: $*"
  echo "--- npm start output (last 40 lines) ---"
  tail -40 "$log" 2>/dev/null || true
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; sleep 5; kill -KILL "$pid" 2>/dev/null || true; fi
  exit 1
}
cleanup() { rm -rf "$DATA_DIR"; }
trap cleanup EXIT

started=$(date +%s%3N)
# package.json's start script is `exec node scripts/start.mjs`: the SIGTERM npm forwards reaches our
# process (Debian's sh would not exec it otherwise), so the graceful shutdown is what is tested.
npm start --silent >"$log" 2>&1 </dev/null &
pid=$!

url=""
for _ in $(seq 1 360); do
  url=$(sed -n 's/^READY \(http[^ ]*\)$/\1/p' "$log" | head -1)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || fail "npm start exited before READY"
  sleep 0.5
done
[ -n "$url" ] || fail "no READY line within 180 s"
echo "smoke: READY $url after $(( $(date +%s%3N) - started )) ms"

home=$(curl -sS -o "$DATA_DIR/home.html" -w '%{http_code}' "$url/") || fail "GET / failed"
[ "$home" = "200" ] || fail "GET / answered HTTP $home"
grep -q "Guichet" "$DATA_DIR/home.html" || fail "the home page does not mention Guichet"
echo "smoke: GET / 200, mentions Guichet"

health=$(curl -sS "$url/healthz") || fail "GET /healthz failed"
echo "$health" | grep -q '"status":"ok"' || fail "GET /healthz answered $health"
echo "smoke: GET /healthz $health"

stop_started=$(date +%s%3N)
kill -TERM "$pid"
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then fail "still running 30 s after SIGTERM"; fi
set +e
wait "$pid"
status=$?
set -e
[ "$status" -eq 0 ] || fail "npm start exited with status $status after SIGTERM"
if curl -s -o /dev/null --max-time 2 "$url/healthz"; then fail "npm start exited but $url still answers (orphaned server)"; fi
grep -q '"msg":"shutting down"' "$log" || fail "the server did not log its graceful shutdown"
echo "smoke: stopped cleanly (exit 0) $(( $(date +%s%3N) - stop_started )) ms after SIGTERM"
echo "smoke: ok"
