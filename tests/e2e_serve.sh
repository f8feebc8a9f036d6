#!/usr/bin/env bash
# End-to-end check of `profilecheck serve` with real clients:
# - headless Chromium (Debian's) driven by playwright-core, as a coach runs a
#   workshop in French (tests/e2e/check_serve.cjs): two participants (a laptop
#   with two tabs, a phone) and the coach. Reload keeps the answers; the advice
#   never goes back a guide step and bio-length comes before step 5; `-3`
#   posts a month is marked at its field and the score stays; no terminal or
#   file wording on the page; "sur 7"; downloads named after the person; two
#   tabs sharing give one row; the coach sees each participant's detail, the
#   QR code and numbered steps, removes a row, uses the projector view, exports
#   the room and a second server started with --resume shows the same
#   participants; "start over"; axe-core with no serious or critical
#   violation on both pages; no console error; no request leaving the machine.
#   Screenshots (participant desktop and phone, coach desktop, phone and
#   projector) go to target/e2e-serve/;
# - a load test on loopback (tests/e2e/load_serve.cjs): 50 participants at
#   once, every answer compared with the CLI, median and p99 latency printed
#   and written to target/e2e-serve/load.txt; then hostile requests (not YAML,
#   2 MiB, cross-site, half-sent, 64 bodies dribbled a byte every 3 s) and the
#   room still answering.
# The script starts the server itself and always stops it (trap on EXIT).
#
# Needs: chromium, nodejs and npm from Debian (installed here when missing,
# as root); playwright-core and axe-core come from the npm registry into a
# temporary folder. A missing tool is a FAIL, not a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

exec 3>&1
fail() {
  echo "e2e_serve: FAIL: $*" >&2
  echo "e2e_serve: 0 passed, 1 failed" >&3
  exit 1
}

apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  if [ -z "${apt_updated:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e_serve: installing chromium"
  apt_install chromium || fail "cannot install the chromium package"
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium not found"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "e2e_serve: installing nodejs and npm"
  apt_install nodejs npm || fail "cannot install nodejs and npm"
fi
command -v node >/dev/null || fail "node not found"

work="$(mktemp -d)"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$work/npm" --no-audit --no-fund --silent \
  playwright-core axe-core >/dev/null 2>&1 || fail "npm could not install playwright-core and axe-core"
export PLAYWRIGHT_CORE="$work/npm/node_modules/playwright-core"
export AXE_CORE="$work/npm/node_modules/axe-core"
[ -d "$PLAYWRIGHT_CORE" ] || fail "playwright-core missing after npm install"
[ -f "$AXE_CORE/axe.min.js" ] || fail "axe-core missing after npm install"

if [ -n "${PROFILECHECK:-}" ]; then
  bin="$PROFILECHECK"
else
  cargo build --quiet --release --locked --bin profilecheck || fail "cargo build --release failed"
  bin="${CARGO_TARGET_DIR:-target}/release/profilecheck"
fi
[ -x "$bin" ] || fail "no binary at $bin"
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

shots="${CARGO_TARGET_DIR:-target}/e2e-serve"
rm -rf "$shots"
mkdir -p "$shots"
shots="$(cd "$shots" && pwd)"

# ---------------------------------------------------------------- the room
# In an empty folder (no config to find), LANG=C, a free port of 127.0.0.1.
start_server() {
  mkdir -p "$work/room"
  (cd "$work/room" && exec env -i PATH="$PATH" LANG=C "$bin" serve --no-config --port 0) >"$work/banner.txt" 2>"$work/server.err" &
  server_pid=$!
  for _ in $(seq 100); do
    grep -q 'Ctrl-C' "$work/banner.txt" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || fail "the server stopped: $(cat "$work/server.err")"
    sleep 0.1
  done
  grep -q 'Ctrl-C' "$work/banner.txt" || fail "the server printed no address"
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/banner.txt" | head -1)"
  token="$(grep -o 'token=[0-9a-f]*' "$work/banner.txt" | head -1 | cut -d= -f2)"
  port="${url##*:}"
  [ -n "$port" ] && [ -n "$token" ] || fail "no URL or token in: $(cat "$work/banner.txt")"
  grep -q '0\.0\.0\.0' "$work/banner.txt" && fail "the default room listens beyond 127.0.0.1"
  return 0
}

start_server
echo "e2e_serve: room at $url"
status=0
node tests/e2e/check_serve.cjs "$url" "$token" "$shots" examples/jeanne-martin.yaml "$bin" || status=1
stop_server

# A fresh room for the load, so the browser's share does not matter.
cat >"$work/small.yaml" <<'YAML'
name: Paul Durand
photo: {set: true, kind: professional, cover: true}
keywords: ["#web", "#rust"]
YAML
printf 'photo:\n  set: yes\nfolowers:\n  who_can_follow: public\n' >"$work/broken.yaml"
printf '{}\n' >"$work/empty.yaml"
start_server
node tests/e2e/load_serve.cjs "$port" "$shots/load.txt" "$bin" examples/*.yaml "$work/small.yaml" "$work/broken.yaml" "$work/empty.yaml" || status=1
kill -0 "$server_pid" 2>/dev/null || fail "the server died under load"
stop_server

# Nothing of ours is left listening.
if [ -n "$(jobs -p)" ]; then fail "a background job is still running"; fi
if [ "$status" -ne 0 ]; then
  echo "e2e_serve: 0 passed, 1 failed" >&3
  exit 1
fi
echo "e2e_serve: screenshots and downloads in $shots"
echo "e2e_serve: 1 passed, 0 failed"
