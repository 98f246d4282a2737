#!/usr/bin/env bash
# Load test: a Release build of the portal (SQLite file, demo city) on a loopback port, then the benchmarks' `load`
# driver (HELD circuits held by light .NET clients, ACTIVE users navigating inside their circuits in one headless
# chromium), which prints the server's own figures from /diag beside their aims (benchmarks/README.md, "Load"): the
# managed heap and the working set per held circuit (the slope between HELD/2 and HELD at the same GC state), and the
# server's time for the active users' actions.
#
#   scripts/load.sh [HELD] [ACTIVE] [SECONDS] [driver options]      default 100 held, 20 active, 60 s
#
# The held circuits are held by light .NET clients speaking Blazor's hub protocol (no browser); the driver option
# `--held-by browser` holds them as chromium iframes instead, `--verbose` lists the JS calls the held clients answered,
# `--hold S` keeps the held circuits S seconds before the active phase (for dotnet-gcdump), `--compare N` (with
# ACTIVE 0) instead weighs N circuits held by chromium's iframes against N held by the clients, twice each.
#
# The portal may be pinned to one core and the driver to the other: LOAD_SERVER_CPU=0 LOAD_DRIVER_CPU=1.
set -euo pipefail
cd "$(dirname "$0")/.."
HELD="${1:-100}"
ACTIVE="${2:-20}"
SECONDS_ACTIVE="${3:-60}"
PORT="${LOAD_PORT:-5080}"
RUN="$(mktemp -d /tmp/eduportal-load.XXXXXX)"

dotnet build -c Release src/EduPortal.Web -v q -nologo
dotnet build -c Release benchmarks/EduPortal.Benchmarks -v q -nologo

pin() { if [[ -n "${1:-}" ]] && command -v taskset >/dev/null; then echo "taskset -c $1"; fi; }
(
  cd src/EduPortal.Web/bin/Release/net10.0
  ASPNETCORE_ENVIRONMENT=Development \
  Database__ConnectionString="Data Source=$RUN/load.db" \
  FileStorage__RootPath="$RUN/files" \
  exec $(pin "${LOAD_SERVER_CPU:-}") dotnet EduPortal.Web.dll --urls "http://127.0.0.1:$PORT" >"$RUN/portal.log" 2>&1
) &
PORTAL=$!
finish() {
  kill "$PORTAL" 2>/dev/null || true
  wait "$PORTAL" 2>/dev/null || true
  # The portal's errors during the run (a held page failing on a driver's reply would show here).
  echo "portal log: $(grep -c '^fail:' "$RUN/portal.log" || true) error entries"
  grep -A3 '^fail:' "$RUN/portal.log" | head -20 || true
  if [[ -n "${LOAD_KEEP_LOG:-}" ]]; then cp "$RUN/portal.log" "$LOAD_KEEP_LOG"; fi
  rm -rf "$RUN"
}
trap finish EXIT

for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null

$(pin "${LOAD_DRIVER_CPU:-}") dotnet run -c Release --no-build --project benchmarks/EduPortal.Benchmarks -- \
  load --url "http://127.0.0.1:$PORT" --held "$HELD" --active "$ACTIVE" --seconds "$SECONDS_ACTIVE" "${@:4}"
