#!/usr/bin/env bash
# Two portal instances behind nginx on PostgreSQL, as production runs them (docs/deployment.md "Several instances"):
# a throwaway PostgreSQL cluster, the portal published once and started twice on loopback ports (sharing the
# database, hence the Data Protection key ring and Hangfire's storage, and one files folder), and nginx in front
# with sticky sessions for Blazor's circuits and WebSockets proxied. Idempotent, as root, no prompts; installs
# nginx with apt-get when it is missing. Everything it started is stopped on exit.
#
#   scripts/two-instances.sh            start, run the two-instance tests through nginx, stop (CI)
#   scripts/two-instances.sh --serve    start and keep running until Ctrl-C (try it in a browser)
#   --no-build                          use the existing Debug build (CI builds the solution first)
#
# Each instance runs under a small supervisor that restarts it RESTART_DELAY seconds after it dies (as systemd's
# Restart=always would), so a test can kill one and watch it come back.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

MODE=test
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --serve) MODE=serve ;;
    --no-build) BUILD=0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

RUN="${TWO_INSTANCES_ROOT:-/tmp/eduportal-two-instances}"
NGINX_PORT="${TWO_INSTANCES_PORT:-5180}"
PORT1="${TWO_INSTANCES_PORT1:-5181}"
PORT2="${TWO_INSTANCES_PORT2:-5182}"
RESTART_DELAY="${TWO_INSTANCES_RESTART_DELAY:-20}"
export PG_PORT="${TWO_INSTANCES_PG_PORT:-56480}"
export PG_ROOT="$RUN/pg"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$NGINX" ]; then
  echo "Installing nginx..."
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # The package's own service is not used (and may not start in a container): nginx runs below with its own config.
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null || true
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  [ -x "$NGINX" ] || { echo "nginx could not be installed" >&2; exit 1; }
fi

source "$ROOT/scripts/postgres.sh"

# Stops what a previous run (this one, or one that was killed) left behind: by the pids it recorded, nothing else.
stop_all() {
  touch "$RUN/stopping" 2>/dev/null || true
  local f pid
  for f in "$RUN"/supervisor*.pid "$RUN"/instance*.pid "$RUN"/nginx.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
    fi
  done
  sleep 1
  for f in "$RUN"/instance*.pid "$RUN"/nginx.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
  done
  rm -f "$RUN"/supervisor*.pid
  stop_throwaway_postgres
}

mkdir -p "$RUN"
stop_all
rm -rf "$RUN/app" "$RUN/files" "$RUN/nginx" "$RUN/stopping" "$RUN/logs"
mkdir -p "$RUN/files" "$RUN/nginx/tmp" "$RUN/logs"
chmod 1777 "$RUN/nginx/tmp"
trap 'stop_all; echo "Stopped (logs in $RUN/logs)"' EXIT

echo "== Publishing the portal"
if [ "$BUILD" -eq 1 ]; then
  dotnet build "$ROOT/src/EduPortal.Web" -c Debug -warnaserror -v quiet -nologo >/dev/null
fi
# The publish output (not the build output) serves _framework/ outside Development.
dotnet publish "$ROOT/src/EduPortal.Web" -c Debug --no-build -o "$RUN/app" -v quiet -nologo >/dev/null

echo "== PostgreSQL"
start_throwaway_postgres
psql "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -qX -c "create database eduportal" >/dev/null
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=eduportal"

# One instance: Staging (Production's error pages, headers and HSTS rules, but the demo city is seeded), PostgreSQL
# for the portal and Hangfire, the shared files folder, its own Hangfire server name.
start_instance() {
  local n=$1 port=$2
  (
    # The publish folder is the content root: appsettings.json and wwwroot are found from the working directory.
    cd "$RUN/app"
    while [ ! -f "$RUN/stopping" ]; do
      env ASPNETCORE_ENVIRONMENT=Staging \
        Database__Provider=PostgreSql \
        Database__ConnectionString="$CONNECTION" \
        Database__MigrateOnStartup=true \
        Seed__Demo=true \
        FileStorage__RootPath="$RUN/files" \
        Hangfire__ServerName="eduportal-$n" \
        SignIn__PostsPerAddressPerMinute=600 \
        dotnet EduPortal.Web.dll --urls "http://127.0.0.1:$port" >>"$RUN/logs/instance$n.log" 2>&1 &
      echo $! >"$RUN/instance$n.pid"
      wait "$(cat "$RUN/instance$n.pid")" || true
      [ -f "$RUN/stopping" ] && break
      echo "== instance $n exited; restarting in ${RESTART_DELAY}s" >>"$RUN/logs/instance$n.log"
      sleep "$RESTART_DELAY"
    done
  ) &
  echo $! >"$RUN/supervisor$n.pid"
}

wait_healthy() {
  local url=$1 i
  for i in $(seq 1 180); do
    if curl -fsS -o /dev/null "$url/health" 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  echo "$url did not become healthy" >&2
  tail -50 "$RUN"/logs/instance*.log >&2 || true
  return 1
}

echo "== Instance 1 on port $PORT1 (migrates and seeds)"
start_instance 1 "$PORT1"
wait_healthy "http://127.0.0.1:$PORT1"
echo "== Instance 2 on port $PORT2"
start_instance 2 "$PORT2"
wait_healthy "http://127.0.0.1:$PORT2"

echo "== nginx on port $NGINX_PORT"
# The tested configuration, written once here and quoted in docs/deployment.md ("nginx").
cat >"$RUN/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $RUN/nginx/nginx.pid;
error_log $RUN/logs/nginx-error.log warn;
daemon off;
events { worker_connections 1024; }

http {
    access_log $RUN/logs/nginx-access.log;
    client_body_temp_path $RUN/nginx/tmp/body;
    proxy_temp_path $RUN/nginx/tmp/proxy;
    fastcgi_temp_path $RUN/nginx/tmp/fastcgi;
    uwsgi_temp_path $RUN/nginx/tmp/uwsgi;
    scgi_temp_path $RUN/nginx/tmp/scgi;

    # WebSockets: "Connection: upgrade" only when the client asked for it (keep-alive to the upstream otherwise).
    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ''      '';
    }

    # Sticky sessions: a random affinity cookie, set on the first response, picks the instance by consistent hash.
    # Blazor's page, its negotiate request and its WebSocket then reach the same instance; when that instance is
    # down nginx takes the next one, and the user's circuit is rebuilt there. (ip_hash also works, but every user
    # behind one school's NAT would then land on one instance.)
    map \$cookie_eduportal_route \$eduportal_route {
        ''      \$request_id;
        default \$cookie_eduportal_route;
    }
    map \$cookie_eduportal_route \$eduportal_route_cookie {
        ''      "eduportal_route=\$request_id; Path=/; HttpOnly; SameSite=Lax";
        default '';
    }

    upstream eduportal {
        hash \$eduportal_route consistent;
        server 127.0.0.1:$PORT1 max_fails=1 fail_timeout=10s;
        server 127.0.0.1:$PORT2 max_fails=1 fail_timeout=10s;
        keepalive 16;
    }

    server {
        listen 127.0.0.1:$NGINX_PORT;
        # Uploads outside the circuit (Excel imports, attachments) up to the portal's own limits.
        client_max_body_size 64m;

        location / {
            proxy_pass http://eduportal;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            # The address as the browser typed it, port included: the portal builds its redirects from it.
            proxy_set_header Host \$http_host;
            # Believed by the portal from loopback only (ReverseProxy:KnownProxies for a proxy on another host).
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            # Blazor pings every 15 s; an idle circuit must outlive nginx's 60 s default read timeout.
            proxy_read_timeout 300s;
            proxy_send_timeout 300s;
            # Connection refused or a dead instance: try the other one (also for a POST that was never sent).
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
            add_header Set-Cookie \$eduportal_route_cookie;
            # Which instance answered: for the tests and for diagnosis; drop it if the addresses are private.
            add_header X-EduPortal-Upstream \$upstream_addr always;
        }
    }
}
EOF
"$NGINX" -t -q -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf"
"$NGINX" -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf" &
echo $! >"$RUN/nginx.pid"
wait_healthy "http://127.0.0.1:$NGINX_PORT"

export EDUPORTAL_TWO_INSTANCES_URL="http://127.0.0.1:$NGINX_PORT"
export EDUPORTAL_TWO_INSTANCES_INSTANCES="http://127.0.0.1:$PORT1,http://127.0.0.1:$PORT2"
export EDUPORTAL_TWO_INSTANCES_RUN="$RUN"
export EDUPORTAL_TWO_INSTANCES_PSQL="host=127.0.0.1 port=$PG_PORT user=postgres dbname=eduportal"
echo "Two instances behind nginx: $EDUPORTAL_TWO_INSTANCES_URL (instances $EDUPORTAL_TWO_INSTANCES_INSTANCES)"

if [ "$MODE" = serve ]; then
  echo "Press Ctrl-C to stop."
  while true; do sleep 3600; done
fi

echo "== Tests through nginx"
status=0
dotnet test "$ROOT/tests/EduPortal.E2E" --no-build --filter "FullyQualifiedName~TwoInstances" \
  --logger "console;verbosity=normal" || status=$?
mkdir -p "$ROOT/artifacts"
rm -rf "$ROOT/artifacts/two-instances-logs"
cp -r "$RUN/logs" "$ROOT/artifacts/two-instances-logs" 2>/dev/null || true
exit "$status"
