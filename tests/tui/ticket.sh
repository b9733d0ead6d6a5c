#!/bin/bash
# The ticket screen: Enter opens the selected ticket with its header, every
# SLA clock and the whole thread; a public reply meets the first-response
# clock; an internal note is marked as such and does not; the status menu
# solves; Esc goes back to the queue.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture

# A thread: the customer wrote twice, an automatic acknowledgement came.
sql <<'SQL'
INSERT INTO frontline.messages (ticket_id, kind, channel, author_customer_id, body)
SELECT t.id, 'customer', 'phone', t.customer_id,
       E'My printer is on fire.\nSmoke everywhere, please help!'
FROM frontline.tickets t WHERE t.subject = 'Printer on fire';
INSERT INTO frontline.messages (ticket_id, kind, channel, body)
SELECT t.id, 'auto', 'phone', 'We received your request.'
FROM frontline.tickets t WHERE t.subject = 'Printer on fire';
SQL

tui_start 100x30 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Printer on fire" 10
# The second row is "Printer on fire" (the breached one is first).
keys j Enter
wait_for "#[0-9]+ Printer on fire" 5
wait_for "Smoke everywhere" 5
screen | grep -q "Olga Ivanova" || fail "customer missing from the header"
screen | grep -q "first response \* [0-9][0-9]:[0-9][0-9]" || { screen; fail "first-response countdown"; }
screen | grep -q "resolution" || fail "resolution clock missing"
screen | grep -q "automatic" || fail "the acknowledgement is not marked automatic"

# An internal note: marked as such, and the first-response clock still runs.
keys i
wait_for "Internal note" 3
keys "Checked the warranty: still valid."
keys C-x
wait_for "note added" 5
wait_for "Checked the warranty" 5
screen | grep -q "internal note" || fail "the note is not marked internal"
[ "$(sql_value "SELECT count(*) FROM frontline.sla_clocks c JOIN frontline.tickets t ON t.id = c.ticket_id
	WHERE t.subject = 'Printer on fire' AND c.kind = 'first_response' AND c.met_at IS NULL")" = 1 ] ||
	fail "an internal note met the first-response clock"

# Search the thread: matches are shown in reverse video, n moves on, a bad
# pattern says what is wrong.
keys / "smoke|warranty" Enter
settle
tm capture-pane -e -p -t t | grep -Eq $'\e\\[[0-9;]*7mSmoke' || { tm capture-pane -e -p -t t | grep -i smoke; fail "match not highlighted"; }
keys / "(unclosed" Enter
wait_for "bad pattern at character" 3
keys / Enter

# A public reply in Russian: stored once, by Alice, and it meets the clock.
keys r
wait_for "Reply to the customer" 3
keys "Здравствуйте, Ольга! Выключите принтер."
keys C-x
wait_for "reply sent" 5
wait_for "Выключите принтер" 5
screen | grep -q "first response + met" || { screen; fail "the reply did not meet the first-response clock"; }
[ "$(sql_value "SELECT count(*) FROM frontline.messages m JOIN frontline.agents a ON a.id = m.author_agent_id
	WHERE m.kind = 'reply' AND a.role_name = 'alice' AND m.body LIKE 'Здравствуйте, Ольга!%'")" = 1 ] ||
	fail "the reply is not stored exactly once as Alice's"

# Solve through the status menu; the rating prompt follows, and Esc there
# records that the customer was not asked.
keys s
wait_for "Set status" 3
keys 4
wait_for "Rating for #[0-9]+" 5
[ "$(sql_value "SELECT status FROM frontline.tickets WHERE subject = 'Printer on fire'")" = solved ] ||
	fail "the status menu did not solve the ticket"
keys Escape
wait_for "saved" 5

# Back to the queue, where the solved ticket is gone.
keys Escape
wait_for "in view" 5
wait_gone "Printer on fire" 5
keys q
wait_for "__EXITED__ 0" 5
echo ok
