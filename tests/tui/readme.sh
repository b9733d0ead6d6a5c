#!/bin/bash
# The README's "Using a real database" recipe, run as written against a
# fresh cluster: it must give a working console where the agent sees a new
# ticket with its SLA countdown. Only the host changes: ours is a socket.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start

# The first ```sh block after the heading.
recipe=$(awk '/^## Using a real database/ { found = 1 }
	found && /^```sh$/ { inblock = 1; next }
	inblock && /^```$/ { exit }
	inblock { print }' "$top_srcdir/README.md")
[ -n "$recipe" ] || fail "no recipe found in the README"
# Everything but the last line, which opens the console on their host.
setup=$(echo "$recipe" | sed '$d')
echo "$recipe" | tail -1 | grep -q '^frontline -d ' || fail "the recipe does not end by opening the console"
(
	cd "$TEST_DIR" || exit 1
	frontline() { "$FRONTLINE" "$@"; }
	export -f frontline 2>/dev/null
	eval "$setup"
) >"$TEST_DIR/recipe.log" 2>&1 || { cat "$TEST_DIR/recipe.log"; fail "the README recipe failed"; }
grep -qi "error" "$TEST_DIR/recipe.log" && { cat "$TEST_DIR/recipe.log"; fail "the README recipe reported an error"; }

# A customer writes in; Anna sees it in her queue with a running clock.
psql -X -q -v ON_ERROR_STOP=1 -d helpdesk >/dev/null <<'SQL' || fail "creating a ticket"
INSERT INTO frontline.customers (name, email) VALUES ('Jan Kowalski', 'jan@example.com');
INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject, priority)
SELECT c.id, q.id, 'email', 'Invoice missing', 'urgent' FROM frontline.customers c, frontline.queues q;
SQL
tui_start 100x24 "$FRONTLINE -d 'host=$PGHOST dbname=helpdesk user=anna'"
wait_for "Anna Kowalska" 10
wait_for "Invoice missing" 10
screen | grep "Invoice missing" | grep -Eq "(\*|!| ) +[0-9-]" || { screen; fail "no SLA countdown on the new ticket"; }
keys q
wait_for "__EXITED__ 0" 5
echo ok
