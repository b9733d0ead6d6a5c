#!/bin/bash
# The rating prompt when a ticket is solved or closed:
#  - a sampled phone ticket answered 2, with a reason and a callback: the
#    rating is stored, a "Callback:" ticket of high priority is due within
#    the hour in the Senior queue, and the agent's feedback view shows it;
#  - a contact the policy does not sample says why and stores the outcome;
#  - an email ticket offers a survey, which queues an outbox event;
#  - Esc while the customer is being asked records "declined";
#  - a second rating of the same ticket is refused with a clear message.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture
sql >/dev/null <<'SQL'
INSERT INTO frontline.queues (name, team_id, calendar_id, default_policy_id)
SELECT 'Senior', team_id, calendar_id, default_policy_id FROM frontline.queues WHERE name = 'Support A';
INSERT INTO frontline.messages (ticket_id, kind, channel, author_customer_id, body)
SELECT id, 'customer', channel, customer_id, 'Please help with ' || subject FROM frontline.tickets;
-- Alice works the printer ticket: it is hers.
UPDATE frontline.tickets SET assignee_id = (SELECT id FROM frontline.agents WHERE role_name = 'alice')
WHERE subject = 'Printer on fire';
-- Every phone contact is asked; chat only every 2nd; email every time.
SELECT frontline.survey_policy_set(NULL, 1, 30, true, true);
SELECT frontline.survey_policy_set('chat', 2, 30, true, true);
SQL

tui_start 110x32 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Printer on fire" 10

open_ticket() {
	keys / C-u "^$1" Enter
	settle
	keys Enter
	wait_for "#[0-9]+ $1" 5
}
solve() {
	keys s
	wait_for "Set status" 3
	keys 4
	wait_for "Rating for #[0-9]+" 5
	wait_for "Resolved at first contact\?" 5
}

# 1. Phone, sampled: 2, long wait, callback wanted, NPS 3.
open_ticket "Printer on fire"
solve
wait_for "Resolved at first contact" 5
keys n
wait_for "Topic" 3
keys 1
wait_for "How satisfied is the customer" 3
screen | grep -q "very dissatisfied" || fail "the CSAT scale has no labels"
keys 2
wait_for "What could be better" 3
keys 2
wait_for "want a callback" 3
keys y
wait_for "recommend us" 3
keys 3 Enter
wait_for "callback ticket #[0-9]+ created, due within the hour" 5
row=$(sql_value "SELECT r.csat || ' ' || r.nps || ' ' || r.reason || ' ' || r.callback_wanted || ' ' || r.status || ' ' || r.resolved_first_contact
	FROM frontline.ratings r JOIN frontline.tickets t ON t.id = r.ticket_id WHERE t.subject = 'Printer on fire'")
[ "$row" = "2 3 long_wait true answered false" ] || fail "rating row: $row"
cb=$(sql_value "SELECT t.priority || ' ' || q.name || ' ' || (c.due_at <= t.created_at + interval '60 minutes')
	FROM frontline.tickets t JOIN frontline.queues q ON q.id = t.queue_id
	JOIN frontline.sla_clocks c ON c.ticket_id = t.id AND c.kind = 'first_response'
	WHERE t.subject = 'Callback: Printer on fire'")
[ "$cb" = "high Senior true" ] || fail "callback ticket: $cb"
keys Escape
wait_for "in view" 5
keys f
wait_for "feedback" 5
wait_for "CSAT 2 NPS 3" 5
screen | grep "CSAT 2" | grep -q "waiting" || { screen; fail "the callback is not shown as waiting"; }
keys Escape
wait_for "in view" 5

# 2. Chat, not sampled (every 2nd contact): says why, stores the outcome.
open_ticket "Waiting for logs"
solve
keys y
wait_for "Topic" 3
keys 2
wait_for "Not surveyed" 5
screen | grep -Eq "contact [0-9]+, and one contact in 2" || { screen; fail "no reason given for not surveying"; }
keys Enter
wait_for "outcome saved, no rating" 5
[ "$(sql_value "SELECT r.status || ' ' || r.resolved_first_contact FROM frontline.ratings r JOIN frontline.tickets t ON t.id = r.ticket_id WHERE t.subject = 'Waiting for logs'")" = "not_asked true" ] ||
	fail "outcome of a not-sampled contact"
keys Escape
wait_for "in view" 5

# 3. Email: a survey goes out through the outbox.
open_ticket "Refund overdue"
solve
keys y
keys 1
wait_for "cannot be asked live" 5
keys y
wait_for "a survey goes to the customer" 5
[ "$(sql_value "SELECT count(*) FROM frontline.outbox o JOIN frontline.tickets t ON t.id = o.ticket_id
	WHERE o.kind = 'survey.requested' AND t.subject = 'Refund overdue'")" = 1 ] || fail "no survey event in the outbox"
keys Escape
wait_for "in view" 5

# 4. Esc while asking: declined, with no half answer stored.
open_ticket "Password reset"
sql -c "UPDATE frontline.tickets SET channel = 'phone' WHERE subject = 'Password reset'" >/dev/null
solve
keys n
keys 1
wait_for "How satisfied" 5
keys 4
wait_for "recommend us" 3
keys Escape
wait_for "outcome saved, no rating" 5
[ "$(sql_value "SELECT r.status || ' ' || coalesce(r.csat::text, '-') FROM frontline.ratings r JOIN frontline.tickets t ON t.id = r.ticket_id WHERE t.subject = 'Password reset'")" = "declined -" ] ||
	fail "Esc stored a half answer"

# 5. Closing it now asks nothing again: a ticket is rated once.
keys s
wait_for "Set status" 3
keys 5
wait_for "already has a rating" 10
screen | grep -q "Rating for" && fail "the prompt opened for a rated ticket"
[ "$(sql_value "SELECT count(*) FROM frontline.ratings r JOIN frontline.tickets t ON t.id = r.ticket_id WHERE t.subject = 'Password reset'")" = 1 ] ||
	fail "a second rating was stored"
keys Escape q
wait_for "__EXITED__ 0" 10
echo ok
