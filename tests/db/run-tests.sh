#!/bin/sh
# run-tests.sh [-k] [SOCKETDIR] [TEST.sql ...]
# Runs the database tests: for each tests/db/NNN-*.sql, a fresh database,
# share/sql applied by apply-migrations.sh, then
#   psql -v ON_ERROR_STOP=1 -X -q -f TEST
# as the superuser. A test fails when psql exits non-zero.
#
# With SOCKETDIR: use the running server whose Unix socket is there
# (PGUSER or postgres must be a superuser). Without: start a scratch cluster
# in a temporary directory (Unix socket only) and remove it afterwards; when
# run as root, the cluster runs as the postgres user.
# -k keeps each test database (named fl_test_NNN) for inspection.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
keep=0
if [ "${1:-}" = "-k" ]; then keep=1; shift; fi

sockdir=
if [ $# -gt 0 ] && [ -d "$1" ]; then sockdir=$1; shift; fi
tests=$*
[ -n "$tests" ] || tests=$(ls "$here"/[0-9][0-9][0-9]-*.sql)

tmp=
cleanup() {
    if [ -n "$tmp" ]; then
        if [ "$(id -u)" = 0 ]; then
            runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
        else
            "$pgbin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
        fi
        rm -rf "$tmp"
    fi
}
if [ -z "$sockdir" ]; then
    pgbin=${PGBIN:-$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)}
    [ -x "$pgbin/initdb" ] || pgbin=/usr/lib/postgresql/15/bin
    tmp=$(mktemp -d /tmp/fl-dbtest.XXXXXX)
    trap cleanup EXIT INT TERM
    as=
    if [ "$(id -u)" = 0 ]; then chown postgres "$tmp"; as="runuser -u postgres --"; fi
    $as "$pgbin/initdb" -D "$tmp/data" -A trust -U postgres >"$tmp/initdb.log" 2>&1 || {
        cat "$tmp/initdb.log" >&2; exit 1; }
    $as "$pgbin/pg_ctl" -D "$tmp/data" -w -l "$tmp/server.log" \
        -o "-c listen_addresses='' -c unix_socket_directories=$tmp -c fsync=off" start >/dev/null
    sockdir=$tmp
    export PGUSER=postgres
fi
user=${PGUSER:-postgres}

pass=0
fail=0
start_all=$(date +%s.%N)
for t in $tests; do
    name=$(basename "$t" .sql)
    db=fl_test_$(echo "$name" | cut -c1-3)
    PGOPTIONS="-c client_min_messages=warning" psql -h "$sockdir" -U "$user" -d postgres -X -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
    t0=$(date +%s.%N)
    if "$here/apply-migrations.sh" "$sockdir" "$db" "$user" &&
       psql -h "$sockdir" -U "$user" -d "$db" -v ON_ERROR_STOP=1 -X -q -f "$t" >/dev/null; then
        pass=$((pass + 1)); st=ok
    else
        fail=$((fail + 1)); st=FAIL
    fi
    t1=$(date +%s.%N)
    printf '%-4s %-28s %6.2fs\n' "$st" "$name" "$(awk "BEGIN{print $t1 - $t0}")"
    if [ $keep = 0 ]; then
        PGOPTIONS="-c client_min_messages=warning" psql -h "$sockdir" -U "$user" -d postgres -X -q -c "DROP DATABASE IF EXISTS $db" >/dev/null || true
    fi
done
end_all=$(date +%s.%N)
printf '%d passed, %d failed, %.2fs\n' "$pass" "$fail" "$(awk "BEGIN{print $end_all - $start_all}")"
[ $fail = 0 ]
