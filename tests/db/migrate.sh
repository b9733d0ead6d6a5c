#!/bin/bash
# `frontline db migrate` applies each migration once, in order; a second run
# changes nothing; `db status` tells applied from pending; a broken migration
# rolls back whole and says which file failed.
. "$top_srcdir/tests/lib/pg.sh"
pg_start

files=$(ls "$FRONTLINE_SHAREDIR"/sql/[0-9][0-9][0-9]-*.sql | wc -l)
[ "$files" -gt 0 ] || fail "no migrations found"
applied=$(sql_value "SELECT count(*) FROM frontline_meta.migrations")
[ "$applied" = "$files" ] || fail "applied $applied of $files migrations"

out=$("$FRONTLINE" db migrate) || fail "second migrate failed"
echo "$out" | grep -q "up to date" || fail "second migrate was not a no-op: $out"
[ "$(sql_value "SELECT count(*) FROM frontline_meta.migrations")" = "$files" ] ||
	fail "second migrate recorded migrations again"

out=$("$FRONTLINE" db status) || fail "db status failed"
echo "$out" | grep -q "^0 migrations pending" || fail "status: $out"
[ "$(echo "$out" | grep -c '^applied')" = "$files" ] || fail "status lists: $out"

# The order is by number, not by name: 010 runs after 009.
versions=$(sql_value "SELECT string_agg(version::text, ',' ORDER BY applied_at, version) FROM frontline_meta.migrations")
sorted=$(sql_value "SELECT string_agg(version::text, ',' ORDER BY version) FROM frontline_meta.migrations")
[ "$versions" = "$sorted" ] || fail "applied out of order: $versions"

# A broken migration: nothing of it stays, the error names the file, and
# status shows it pending.
mkdir -p "$TEST_DIR/share/sql"
cp "$FRONTLINE_SHAREDIR"/sql/*.sql "$TEST_DIR/share/sql/"
cat >"$TEST_DIR/share/sql/999-broken.sql" <<'SQL'
CREATE TABLE frontline.half_done (id int);
SELECT no_such_function();
SQL
if out=$(FRONTLINE_SHAREDIR="$TEST_DIR/share" "$FRONTLINE" db migrate 2>&1); then
	fail "a broken migration reported success"
fi
echo "$out" | grep -q "999-broken.sql" || fail "error does not name the file: $out"
[ "$(sql_value "SELECT to_regclass('frontline.half_done') IS NULL")" = t ] ||
	fail "the broken migration was not rolled back"
out=$(FRONTLINE_SHAREDIR="$TEST_DIR/share" "$FRONTLINE" db status)
echo "$out" | grep -q "^pending  999-broken.sql" || fail "status: $out"

# Bad connection settings: a clear message and a failing exit status.
if out=$("$FRONTLINE" db migrate -d "host=$TEST_DIR/nowhere" 2>&1); then
	fail "migrate without a database succeeded"
fi
echo "$out" | grep -q "cannot connect" || fail "unclear error: $out"
echo "ok"
