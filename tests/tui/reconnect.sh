#!/bin/bash
# The database goes away under the console: a banner says so, the queue stays
# on screen and keeps ticking, keys still work, and when the database is back
# the console reconnects by itself and catches up with what changed.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture

tui_start 80x24 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Printer on fire" 10
wait_for "· live" 3

pg_server_stop
wait_for "database unreachable" 10
# The server's goodbye (a FATAL libpq would print on stderr) never lands
# on the screen: it scrolled the terminal under curses.
sleep 0.5
screen | grep -q "FATAL\|terminating connection" && { screen; fail "libpq wrote on the screen"; }
screen | grep -q "Printer on fire" || fail "the queue vanished with the database"
screen | grep -q "· offline" || fail "the header does not say offline"
a=$(screen | grep "Printer on fire" | grep -Eo "[0-9]{2}:[0-9]{2}" | head -1)
sleep 1.5
b=$(screen | grep "Printer on fire" | grep -Eo "[0-9]{2}:[0-9]{2}" | head -1)
[ "$a" != "$b" ] || fail "countdowns froze while offline"
# Keys still answer at once: the help opens and closes.
keys '?'
wait_for "move down" 2
keys q
wait_for "Printer on fire" 2
# What cannot be done offline says so, next to the banner, not under it.
keys n
wait_for "not connected: cannot take a ticket now" 2
screen | grep -q "database unreachable" || { screen; fail "the banner gave way to the message"; }

pg_server_start
# A change made while the console was away shows up after the reconnect.
sql -c "INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject, priority)
	SELECT c.id, q.id, 'chat', 'Arrived during the outage', 'high'
	FROM frontline.customers c, frontline.queues q
	WHERE c.email = 'john@example.com' AND q.name = 'Support A'"
wait_gone "database unreachable" 20
wait_for "· live" 3
wait_for "Arrived during the outage" 5

# And live updates work again on the new connection.
sql -c "INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject, priority)
	SELECT c.id, q.id, 'chat', 'After the reconnect', 'urgent'
	FROM frontline.customers c, frontline.queues q
	WHERE c.email = 'john@example.com' AND q.name = 'Support A'"
wait_for "After the reconnect" 3
keys q
wait_for "__EXITED__ 0" 5
echo ok
