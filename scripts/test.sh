#!/usr/bin/env bash
# The README's test command: every test project, end-to-end browser tests included.
# The browser tests need Debian's chromium and a CJK font, the PDF tests poppler's pdftotext, the PostgreSQL suite a PostgreSQL
# server; this installs them when missing
# (as root, or through sudo), so a fresh machine with the .NET SDK only is enough.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -n "${EDUPORTAL_TEST_POSTGRES:-}" ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} for the browser tests..."
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The PostgreSQL suite runs against a throwaway local cluster unless a server is given; it must run (its tests fail
# instead of skipping when no server is reachable through EDUPORTAL_TEST_POSTGRES).
export EDUPORTAL_TEST_POSTGRES_REQUIRED=1
if [ -z "${EDUPORTAL_TEST_POSTGRES:-}" ]; then
  source "$(dirname "$0")/postgres.sh"
  start_throwaway_postgres
  trap stop_throwaway_postgres EXIT
fi

# The whole output is kept, and a failing run ends with each failed test and its message, so a log that
# only keeps its last lines still says what broke.
log=$(mktemp /tmp/eduportal-test.XXXXXX.log)
status=0
dotnet test EduPortal.sln "$@" 2>&1 | tee "$log" || status=$?
if [ "$status" -ne 0 ]; then
  echo
  echo "== Failed tests (full log: $log)"
  grep -E -A 25 '^[[:space:]]*Failed [A-Za-z]' "$log" | grep -v -E '^[[:space:]]*(Passed|info:|warn:) ' | head -200 || true
fi
exit "$status"
