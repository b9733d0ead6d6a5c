# Sourced by the tests: a throwaway PostgreSQL cluster on a Unix socket in a
# temporary directory, migrated with the real `frontline db migrate`, and
# removed when the test exits however it exits. As root the cluster runs as
# the postgres user (initdb refuses root).
#
# After pg_start: PGHOST, PGDATABASE=frontline, PGUSER=postgres are exported,
# and TEST_DIR is a scratch directory removed at exit.

: "${FRONTLINE:=$PWD/frontline}"
: "${top_srcdir:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
export FRONTLINE_SHAREDIR="${FRONTLINE_SHAREDIR:-$top_srcdir/share}"

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
note() { echo "# $*"; }

pg_bindir() {
	local d
	for d in "$PG_BINDIR" "$FRONTLINE_PG_BINDIR" /usr/lib/postgresql/*/bin; do
		[ -n "$d" ] && [ -x "$d/initdb" ] && { echo "$d"; return 0; }
	done
	d=$(command -v initdb 2>/dev/null) && { dirname "$d"; return 0; }
	return 1
}

# Runs a command as the cluster's owner.
pg_as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

TEST_DIR=
PG_TEST_DIR=
_cleanup_hooks=()
at_exit() { _cleanup_hooks+=("$*"); }
_run_cleanup() {
	local i rc=$? report
	for ((i = ${#_cleanup_hooks[@]} - 1; i >= 0; i--)); do
		eval "${_cleanup_hooks[$i]}" >/dev/null 2>&1 || true
	done
	# A sanitizer report from any process the test ran (a console in
	# tmux, a killed one, a CLI call) fails the test and is shown here,
	# since a screen or an ignored exit status would hide it.
	for report in "$TEST_DIR"/sanitizer.*; do
		[ -f "$report" ] || continue
		echo "--- sanitizer report $report ---"
		cat "$report"
		rc=1
	done
	[ -n "$TEST_DIR" ] && rm -rf "$TEST_DIR"
	exit $rc
}
trap _run_cleanup EXIT
trap 'exit 1' INT TERM HUP

TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/frontline-test.XXXXXX") || fail "mktemp"
chmod 755 "$TEST_DIR"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$TEST_DIR/sanitizer"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1:log_path=$TEST_DIR/sanitizer"

pg_stop() {
	[ -n "$PG_TEST_DIR" ] || return 0
	pg_as_owner "$PG_BIN/pg_ctl" stop -D "$PG_TEST_DIR/data" -m immediate -w >/dev/null 2>&1
	PG_TEST_DIR=
}

# Starts (or restarts) the server of the cluster pg_start made.
pg_server_start() {
	pg_as_owner "$PG_BIN/pg_ctl" start -w -t 60 -D "$PG_TEST_DIR/data" \
		-l "$PG_TEST_DIR/log" -o "-c listen_addresses='' \
		-c unix_socket_directories='$PG_TEST_DIR' -c fsync=off \
		-c synchronous_commit=off -c full_page_writes=off \
		-c max_connections=50" >/dev/null 2>&1 ||
		{ cat "$PG_TEST_DIR/log"; fail "pg_ctl start"; }
}

# Stops the server, keeping the cluster, as a crash or a failover would.
pg_server_stop() {
	pg_as_owner "$PG_BIN/pg_ctl" stop -D "$PG_TEST_DIR/data" -m fast -w >/dev/null 2>&1 ||
		fail "pg_ctl stop"
}

pg_start() {
	PG_BIN=$(pg_bindir) || skip "PostgreSQL server programs not found (apt-get install postgresql)"
	if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
		skip "running as root needs the postgres user"
	fi
	PG_TEST_DIR="$TEST_DIR/pg"
	mkdir -p "$PG_TEST_DIR"
	[ "$(id -u)" = 0 ] && chown postgres "$PG_TEST_DIR"
	pg_as_owner "$PG_BIN/initdb" -D "$PG_TEST_DIR/data" -U postgres -A trust \
		-E UTF8 --locale=C.UTF-8 --no-sync >"$TEST_DIR/initdb.log" 2>&1 ||
		{ cat "$TEST_DIR/initdb.log"; fail "initdb"; }
	at_exit pg_stop
	pg_server_start
	export PGHOST="$PG_TEST_DIR" PGUSER=postgres PGDATABASE=frontline
	unset PGPORT PGSERVICE PGPASSWORD
	psql -X -q -d postgres -c "CREATE DATABASE frontline" >/dev/null ||
		fail "createdb"
	"$FRONTLINE" db migrate >"$TEST_DIR/migrate.log" 2>&1 ||
		{ cat "$TEST_DIR/migrate.log"; fail "frontline db migrate"; }
}

# psql as the superuser, quiet, stopping at the first error.
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
# One value from one query.
sql_value() { psql -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"; }

# Loads the small fixture the screen tests share (teams, agents as login
# roles, queues, a calendar that is always open, a few tickets).
pg_fixture() {
	sql -f "$top_srcdir/tests/lib/fixture.sql" >/dev/null ||
		fail "loading the fixture"
}

# A conninfo for one of the fixture's agents.
pg_conninfo() { echo "host=$PGHOST dbname=frontline user=$1"; }
