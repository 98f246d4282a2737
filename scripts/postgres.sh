# A throwaway PostgreSQL cluster for the test suite (no systemd needed): sourced by test.sh.
PG_PORT="${PG_PORT:-55432}"
PG_ROOT="${PG_ROOT:-/tmp/eduportal-pg}"

start_throwaway_postgres() {
  local bin
  bin="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -1)/bin"
  local as_postgres=()
  if [ "$(id -u)" -eq 0 ]; then
    as_postgres=(runuser -u postgres --)
  fi
  stop_throwaway_postgres
  rm -rf "$PG_ROOT"
  mkdir -p "$PG_ROOT/data" "$PG_ROOT/sock"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$PG_ROOT"
  "${as_postgres[@]}" "$bin/initdb" -D "$PG_ROOT/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_ROOT/sock -c fsync=off" -w start >/dev/null
  export EDUPORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  echo "Throwaway PostgreSQL on port $PG_PORT"
}

stop_throwaway_postgres() {
  local bin
  bin="/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)/bin"
  if [ -f "$PG_ROOT/data/postmaster.pid" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      runuser -u postgres -- "$bin/pg_ctl" -D "$PG_ROOT/data" -m fast stop >/dev/null 2>&1 || true
    else
      "$bin/pg_ctl" -D "$PG_ROOT/data" -m fast stop >/dev/null 2>&1 || true
    fi
  fi
}
