#!/bin/bash
# Handing over: a transfer needs a handover note, and the agent of the other
# team sees it on top of the ticket, so the customer never repeats
# themselves. Also: tags, a canned reply with its placeholders filled, and a
# merge that keeps the history.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture
sql >/dev/null <<'SQL'
INSERT INTO frontline.messages (ticket_id, kind, channel, author_customer_id, body)
SELECT id, 'customer', 'phone', customer_id, 'The printer smokes since Monday.'
FROM frontline.tickets WHERE subject = 'Printer on fire';
INSERT INTO frontline.macros (name, language, body) VALUES
 ('Greeting', 'ru', E'Здравствуйте, {{customer.name}}!\nВаше обращение #{{ticket.id}} у меня. {{agent.name}}'),
 ('Greeting EN', 'en', 'Hello {{customer.name}}');
-- A duplicate from the same customer, to merge.
INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject)
SELECT customer_id, queue_id, 'email', 'Printer smoke (duplicate)' FROM frontline.tickets
WHERE subject = 'Printer on fire';
INSERT INTO frontline.messages (ticket_id, kind, channel, author_customer_id, body)
SELECT id, 'customer', 'email', customer_id, 'Sent by email as well.'
FROM frontline.tickets WHERE subject = 'Printer smoke (duplicate)';
SQL
printer=$(sql_value "SELECT id FROM frontline.tickets WHERE subject = 'Printer on fire'")
dup=$(sql_value "SELECT id FROM frontline.tickets WHERE subject = 'Printer smoke (duplicate)'")

tui_start 100x30 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Printer on fire" 10
keys / "^Printer on fire" Enter
wait_for "filter" 3
keys Enter
wait_for "#$printer Printer on fire" 5

# Tags, normalised.
keys t C-u "Hardware  urgent-fix hardware" Enter
wait_for "updated" 5
[ "$(sql_value "SELECT array_to_string(tags, ',') FROM frontline.tickets WHERE id = $printer")" = "hardware,urgent-fix" ] ||
	fail "tags: $(sql_value "SELECT tags FROM frontline.tickets WHERE id = $printer")"
wait_for "#hardware urgent-fix" 5

# A canned reply in the ticket's language, placeholders filled.
keys m
wait_for "Canned reply" 5
screen | grep -q "Greeting EN" && fail "a macro in another language was offered"
keys Enter
wait_for "Reply to the customer" 3
wait_for "Здравствуйте, Olga Ivanova!" 3
wait_for "обращение #$printer у меня. Alice Agent" 3
keys Escape
settle

# Merge the duplicate into this one, from the duplicate.
keys Escape
wait_for "in view" 5
keys / C-u "duplicate" Enter
settle
keys Enter
wait_for "#$dup Printer smoke" 5
keys M "$printer" Enter
wait_for "merged" 5
[ "$(sql_value "SELECT merged_into_id || ' ' || status FROM frontline.tickets WHERE id = $dup")" = "$printer closed" ] ||
	fail "merge: $(sql_value "SELECT merged_into_id, status FROM frontline.tickets WHERE id = $dup")"
keys / C-u "^Printer on fire" Enter
settle
keys Enter
wait_for "#$printer Printer on fire" 5
wait_for "Sent by email as well" 5
screen | grep -q "from merged ticket #$dup" || fail "the merged message does not say where it came from"

# Transfer to Team B's queue: the note is required.
keys T
wait_for "Transfer to queue" 5
keys "$(screen | grep -Eo ' [0-9] Support B' | grep -Eo '[0-9]')"
wait_for "Handover note \(required\)" 3
keys Enter
wait_for "a handover note is required" 3
wait_for "Handover note \(required\)" 3
keys "Customer already unplugged it; needs an on-site visit, key at reception." Enter
wait_for "handed over" 5
wait_for "in view" 5
wait_gone "Printer on fire" 5
keys q
wait_for "__EXITED__ 0" 5
tm kill-server

# Bob, in Team B, opens it and reads the note first.
tui_start 100x30 "$FRONTLINE -d '$(pg_conninfo bob)'"
wait_for "Printer on fire" 10
keys / "^Printer on fire" Enter
settle
keys Enter
wait_for "Handover from Alice Agent: Customer already unplugged it" 5
screen | grep -q "The printer smokes since Monday" || fail "Bob does not see the history"
keys Escape q
wait_for "__EXITED__ 0" 5
echo ok
