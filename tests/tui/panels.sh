#!/bin/bash
# Beside the thread: the customer panel lists exactly this customer's
# earlier tickets (and the organization's on request), one opens and Esc
# comes back; the knowledge panel suggests an article for the ticket, and a
# snippet goes into the reply. On a narrow terminal the panels are tabs.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture
sql >/dev/null <<'SQL'
INSERT INTO frontline.organizations (name) VALUES ('Nowak Logistics');
UPDATE frontline.customers SET organization_id = (SELECT id FROM frontline.organizations),
    notes = 'Prefers phone calls' WHERE email = 'olga@example.com';
INSERT INTO frontline.customers (name, email, organization_id)
SELECT 'Jan Kolega', 'jan@example.com', id FROM frontline.organizations;
INSERT INTO frontline.messages (ticket_id, kind, channel, author_customer_id, body)
SELECT t.id, 'customer', 'phone', t.customer_id, E'My printer is on fire. The toner smells burnt.'
FROM frontline.tickets t WHERE t.subject = 'Printer on fire';
INSERT INTO frontline.kb_articles (language, title, body) VALUES
 ('en', 'Printer overheating and burnt toner', E'If a printer overheats, switch it off at once and unplug it.\n\nA burnt toner smell means the fuser is too hot.'),
 ('en', 'Resetting your password', 'Use the forgotten password link on the sign-in page.');
-- Olga's history: two earlier tickets; John's ticket must not show; a
-- colleague's shows only with the organization.
SELECT set_config('frontline.now', (now() - interval '30 days')::text, false);
INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject, status, created_at)
SELECT c.id, q.id, ch, subj, 'solved', now() - age
FROM (VALUES ('olga@example.com', 'email', 'Olga old jam', interval '30 days'),
             ('olga@example.com', 'chat', 'Olga older invoice', interval '60 days'),
             ('john@example.com', 'email', 'John unrelated', interval '20 days'),
             ('jan@example.com', 'phone', 'Colleague at Nowak', interval '10 days'))
     AS v(email, ch, subj, age)
JOIN frontline.customers c ON c.email = v.email, frontline.queues q WHERE q.name = 'Support A';
INSERT INTO frontline.messages (ticket_id, kind, channel, author_customer_id, body)
SELECT t.id, 'customer', 'email', t.customer_id, 'The paper jams every morning.'
FROM frontline.tickets t WHERE t.subject = 'Olga old jam';
SELECT set_config('frontline.now', '', false);
SQL

tui_start 130x32 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Printer on fire" 10
keys j Enter
wait_for "toner smells" 5
wait_for "History \(2\)" 5
screen | grep -q "Olga old jam" || fail "history misses Olga's ticket"
screen | grep -q "Olga older invoice" || fail "history misses Olga's older ticket"
screen | grep -q "John unrelated" && fail "history shows another customer's ticket"
screen | grep -q "Colleague at Nowak" && fail "history shows the organization before asked"
screen | grep -q "Prefers phone calls" || fail "customer notes missing"
# Newest first.
[ "$(screen | grep -Eo 'Olga old jam|Olga older invoice' | head -1)" = "Olga old jam" ] ||
	fail "history is not newest first"

# The organization on request.
keys Tab o
wait_for "Colleague at Nowak" 5
screen | grep -q "History of the organization" || fail "organization history not titled"
keys o
wait_gone "Colleague at Nowak" 5

# Open an earlier ticket, read it, and come back where we were.
keys Enter
wait_for "#[0-9]+ Olga old jam" 5
wait_for "paper jams every morning" 5
keys Escape Escape
wait_for "#[0-9]+ Printer on fire" 5

# Knowledge: the suggestion for this ticket, a snippet into the reply.
keys Tab Tab
wait_for "Knowledge: suggested" 3
screen | grep -q "Printer overheating and burnt toner" || { screen; fail "no suggestion"; }
keys a
wait_for "Reply to the customer" 3
wait_for "switch it off at once" 3
# And a search of the knowledge base.
keys Escape
keys Tab Tab Tab
keys /
keys "password" Enter
wait_for 'Knowledge: "password"' 5
screen | grep -q "Resetting your password" || { screen; fail "knowledge search found nothing"; }
keys Escape Escape
wait_for "in view" 5

# With the mouse (the panel sits past column 95, beyond what a terminal's
# printable mouse bytes reach): a double click on a knowledge hit opens the
# article, one on a history entry opens that ticket.
click_on "Printer on fire" 2
wait_for "Printer overheating and burnt toner" 5
click_on "Printer overheating and burnt toner" 2
wait_for "the fuser is too hot" 5
keys Escape Escape Tab
wait_for "History \(2\)" 5
click_on "Olga older invoice" 2
wait_for "#[0-9]+ Olga older invoice" 5
keys Escape Escape
wait_for "#[0-9]+ Printer on fire" 5
# A click on the thread takes the focus back from the panel.
keys Tab
wait_for "Enter open  o organization" 8	# after the "draft kept" message
click_on "My printer is on fire"
wait_for "r reply  i note" 3
tm kill-server

# Narrow: the panels are tabs in place of the thread.
tui_start 80x24 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Printer on fire" 10
keys j Enter
wait_for "toner smells" 5
screen | grep -q "History" && fail "the panel is beside the thread at 80 columns"
keys Tab
wait_for "History \(2\)" 5
screen | grep -q "toner smells" && fail "the thread still shows under the customer tab"
keys Escape
wait_for "toner smells" 3
keys Escape q
wait_for "__EXITED__ 0" 5
echo ok
