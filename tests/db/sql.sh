#!/bin/bash
# Runs every tests/db/NNN-*.sql against its own freshly migrated database
# (a copy of one template, so each file starts from the same schema). A file
# fails by raising an error; its output is shown then.
. "$top_srcdir/tests/lib/pg.sh"
pg_start

# The migrated database becomes the template for the others.
psql -X -q -d postgres -c "ALTER DATABASE frontline IS_TEMPLATE true" >/dev/null

failed=0 ran=0
for f in "$top_srcdir"/tests/db/[0-9][0-9][0-9]-*.sql; do
	[ -e "$f" ] || continue
	name=$(basename "$f" .sql)
	db="t_${name//-/_}"
	psql -X -q -d postgres -c "CREATE DATABASE \"$db\" TEMPLATE frontline" >/dev/null ||
		fail "cannot create $db"
	if out=$(psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$f" 2>&1); then
		echo "ok - $name"
	else
		echo "not ok - $name"
		echo "$out" | sed 's/^/    /'
		failed=$((failed + 1))
	fi
	ran=$((ran + 1))
done
[ "$ran" -gt 0 ] || fail "no SQL tests found"
[ "$failed" = 0 ] || fail "$failed of $ran SQL test files failed"
echo "all $ran SQL test files passed"
