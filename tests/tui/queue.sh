#!/bin/bash
# The live queue as an agent sees it: urgency order, ticking countdowns,
# only the agent's own team's tickets, new tickets appearing by themselves,
# keys that move and quit; at 80x24 and at 132x43.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture

tui_start 80x24 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "in view" 10
wait_for "Printer on fire" 5

# Most urgent first: the breached ticket, then the one due in minutes, then
# the one due in hours; a paused ticket after every running one.
order=$(screen | grep -Eo "Printer on fire|Refund overdue|Password reset|Waiting for logs" | tr '\n' ',')
[ "$order" = "Refund overdue,Printer on fire,Password reset,Waiting for logs," ] ||
	{ screen; fail "queue order: $order"; }

# Breached shows "!", at risk "*", paused "=": state reads without colour.
screen | grep -E "Refund overdue" | grep -q -- "! -" || { screen; fail "breached marker"; }
screen | grep -E "Printer on fire" | grep -q "\* [0-9][0-9]:[0-9][0-9]" || { screen; fail "at-risk countdown"; }
screen | grep -E "Waiting for logs" | grep -q "= " || { screen; fail "paused marker"; }

# Team B's ticket is not in Alice's queue.
screen | grep -q "Other team secret" && fail "another team's ticket is visible"

# The countdown near the deadline ticks every second without a keypress.
a=$(screen | grep "Printer on fire" | grep -Eo "[0-9]{2}:[0-9]{2}" | head -1)
sleep 2.2
b=$(screen | grep "Printer on fire" | grep -Eo "[0-9]{2}:[0-9]{2}" | head -1)
[ -n "$a" ] && [ "$a" != "$b" ] || fail "countdown did not tick: '$a' then '$b'"

# A ticket inserted with psql appears with no keypress, through NOTIFY.
sql -c "INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject, priority)
	SELECT c.id, q.id, 'chat', 'Brand new from psql', 'urgent'
	FROM frontline.customers c, frontline.queues q
	WHERE c.email = 'olga@example.com' AND q.name = 'Support A'"
start=$(date +%s%N)
wait_for "Brand new from psql" 3
ms=$(( ($(date +%s%N) - start) / 1000000 ))
note "new ticket on screen after ${ms} ms"

# The filter: a regular expression over subject and customer, caseless.
keys / "olga|REFUND" Enter
wait_gone "Password reset" 3
screen | grep -q "Printer on fire" || fail "the filter hid a matching customer"
screen | grep -q "Refund overdue" || fail "the filter hid a matching subject"
# Olga's two tickets (the one from psql too) and the refund: 3 of 5.
screen | grep -q "filter /olga|REFUND/: 3 of 5" || { screen; fail "the filter is not shown"; }
keys / C-u Enter
wait_for "Password reset" 3
# Fields: status, priority, channel; together they must all hold.
keys / C-u "priority:urgent channel:phone" Enter
wait_gone "Refund overdue" 3
screen | grep -q "Printer on fire" || fail "field filter hid the matching ticket"
keys / C-u "status:pending" Enter
wait_for "Waiting for logs" 3
wait_gone "Printer on fire" 3
keys / C-u Enter
wait_for "Password reset" 3

# Moving and the help screen.
keys j j
keys '?'
wait_for "move down" 3
keys G
wait_for "breached: the deadline has passed" 3
keys q
wait_for "in view" 3
keys q
wait_for "__EXITED__ 0" 5
tm kill-server

# A wide terminal shows every column.
tui_start 132x43 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Printer on fire" 10
screen | grep -q "CHANNEL" || fail "no channel column at 132x43"
screen | grep "Printer on fire" | grep -q "phone" || { screen; fail "channel missing"; }
keys q
wait_for "__EXITED__ 0" 5
echo ok
