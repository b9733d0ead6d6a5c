#!/bin/bash
# The supervisor wallboard, live:
#  - a supervisor starts on it; at 80x24 it pages through its six panels;
#  - it moves with no keypress when a ticket is created, solved and rated
#    from psql (queue counts, today's figures, the low-ratings feed with the
#    callback's state);
#  - a number drills down to the tickets behind it, which open read-only;
#  - an agent's console shows them online; the week's best answer reads in
#    place; the trends are drawn with block characters, or ASCII under C;
#  - at 200x60 every panel is on one screen;
#  - `frontline stats --json` agrees with the wallboard's figures.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture
sql >/dev/null <<'SQL'
INSERT INTO frontline.queues (name, team_id, calendar_id, default_policy_id)
SELECT 'Senior', team_id, calendar_id, default_policy_id FROM frontline.queues WHERE name = 'Support A';
INSERT INTO frontline.messages (ticket_id, kind, channel, author_customer_id, body)
SELECT id, 'customer', channel, customer_id, 'Please help with ' || subject FROM frontline.tickets;

-- History for the trends: two tickets a day over the last ten days, each
-- answered after 30 minutes and solved after two hours.
DO $$
DECLARE d integer; k integer; t bigint; at timestamptz;
BEGIN
    FOR d IN 1..10 LOOP
        FOR k IN 1..2 LOOP
            at := date_trunc('day', now()) - d * interval '1 day' + interval '10 hours' + k * interval '1 hour';
            PERFORM set_config('frontline.now', at::text, true);
            INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject, created_at, assignee_id)
            SELECT c.id, q.id, 'email', format('History %s-%s', d, k), at, a.id
              FROM frontline.customers c, frontline.queues q, frontline.agents a
             WHERE c.email = 'john@example.com' AND q.name = 'Support A' AND a.role_name = 'alice'
            RETURNING id INTO t;
            PERFORM set_config('frontline.now', (at + interval '30 minutes')::text, true);
            INSERT INTO frontline.messages (ticket_id, kind, channel, author_agent_id, body, created_at)
            SELECT t, 'reply', 'email', a.id, 'Fixed it for you, John.', at + interval '30 minutes'
              FROM frontline.agents a WHERE a.role_name = 'alice';
            PERFORM set_config('frontline.now', (at + interval '2 hours')::text, true);
            UPDATE frontline.tickets SET status = 'solved' WHERE id = t;
        END LOOP;
    END LOOP;
    PERFORM set_config('frontline.now', '', true);
END $$;

-- The week's best answer: a ticket of three days ago rated 5.
INSERT INTO frontline.messages (ticket_id, kind, channel, author_agent_id, body)
SELECT t.id, 'reply', 'email', a.id, 'Swap the toner cartridge & restart: the red light goes off.'
  FROM frontline.tickets t, frontline.agents a
 WHERE t.subject = 'History 3-1' AND a.role_name = 'alice';
INSERT INTO frontline.ratings (ticket_id, csat, nps, status, resolved_first_contact, topic)
SELECT id, 5, 10, 'answered', true, 'billing' FROM frontline.tickets WHERE subject = 'History 3-1';
SQL

# 1. The supervisor starts on the wallboard, on its first page.
tui_start 80x24 "$FRONTLINE -d '$(pg_conninfo sam)'"
wait_for "frontline . wallboard . Sam Supervisor" 10
wait_for "Open +5 " 10
screen | grep -Eq "Breached +[1-9]" || fail "no breached ticket counted"
screen | grep -q "Oldest waiting: .*#[0-9]+ Refund overdue" ||
	screen | grep -q "Oldest waiting: .*Refund overdue" || fail "oldest waiting ticket not shown"

# 2. Live: a ticket created from psql appears in the counts by itself.
sql -c "INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject, priority)
	SELECT c.id, q.id, 'messenger', 'Live from psql', 'low'
	FROM frontline.customers c, frontline.queues q
	WHERE c.email = 'olga@example.com' AND q.name = 'Support B'" >/dev/null
wait_for "Open +6 " 5
wait_for "messenger +1" 5
note "a created ticket moved the wallboard"

# Solved: one fewer open, one more solved today.
sql -c "UPDATE frontline.tickets SET status = 'solved' WHERE subject = 'Live from psql'" >/dev/null
wait_for "Open +5 " 5
keys Tab Tab
wait_for "Quality" 3
wait_for "^Solved +1 " 5
note "a solved ticket moved the wallboard"

# Rated 2 with a callback: today's CSAT, and the low-ratings feed.
sql -c "SELECT frontline.rating_record(id, 'wallboard-test', 'answered', NULL, NULL,
	2::smallint, NULL, 'long_wait', NULL, true, 'import')
	FROM frontline.tickets WHERE subject = 'Live from psql'" >/dev/null
wait_for "^CSAT average \(1-5\) +2\.00 " 5
keys Tab
wait_for "^Volume" 3
# Today's column is live; the 30 days count the history and today's.
wait_for "^email +[0-9]+ +[0-9]+ +22$" 5
wait_for "^billing +0 +1 +1$" 5
keys Tab Tab
wait_for "Low ratings" 3
wait_for "CSAT 2 +callback waiting #[0-9]+" 5
note "a rating moved the wallboard"

# 3. The week's best answer reads in place.
keys Tab
wait_for "Best answers of the week" 3
wait_for "CSAT 5 NPS 10 +Alice Agent: #[0-9]+ History 3-1" 5
wait_for "Swap the toner cartridge & restart" 5

# Trends: block characters and the latest value.
keys Tab Tab Tab Tab Tab
wait_for "Trends, 30 days" 3
wait_for "Tickets created per day: [0-9]+ on [0-9]{2}-[0-9]{2}" 5
screen | grep -q "█" || fail "no bars in the trends"

# 4. Drill down: the breached number lists the tickets behind it.
keys Tab Tab Tab
wait_for " 1/7 " 3
wait_for "Queue now" 3
keys j
wait_for "Breached" 2
keys Enter
wait_for "Queue now: Breached: [0-9]+ tickets" 5
wait_for "Refund overdue" 5
screen | grep -q "Password reset" && fail "a ticket that is not breached is in the drill-down"
# It opens read-only: the supervisor has not taken it.
keys / "Refund" Enter
settle
keys Enter
wait_for "#[0-9]+ Refund overdue" 5
keys r
wait_for "read-only: this ticket is not yours" 3
keys Escape
wait_for "Queue now: Breached" 5
keys Escape
wait_for "frontline . wallboard" 5
keys w
wait_for "in view" 5
keys w
wait_for "frontline . wallboard" 5
keys q
wait_for "__EXITED__ 0" 5
tm kill-server

# 5. Wide: every panel at once, an agent online, ASCII charts under C.
tui_start 100x30 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "in view" 10
alice_sock=$TMUX_SOCK
TUI_LC_ALL=C tui_start 200x60 "$FRONTLINE -d '$(pg_conninfo sam)'"
for title in "Queue now" "Agents" "Quality" "Volume" "Trends, 30 days" "Low ratings" "Best answers of the week"; do
	wait_for "$title" 10
done
wait_for "Alice Agent +online" 10
wait_for "Bob Agent +offline" 5
wait_for "Tickets created per day" 10
screen | grep -Eq "\|[ .:#]*#" || fail "no ASCII bars under LC_ALL=C"
screen | grep -q "█" && fail "block characters on an ASCII terminal"

# 6. stats --json counts what the wallboard counts (today, supervisor).
from=$(sql_value "SELECT to_char(frontline.wallboard_period_start('today') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
created=$("$FRONTLINE" stats --json -d "$(pg_conninfo sam)" --from "$from" |
	python3 -c "import json, sys; print(json.load(sys.stdin)['tickets']['created'])")
shown=$(screen | grep -Eo "Tickets created +[0-9]+" | head -1 | awk '{print $3}')
[ -n "$created" ] && [ "$created" = "$shown" ] ||
	fail "stats --json says $created tickets created today, the wallboard $shown"
keys q
wait_for "__EXITED__ 0" 5
tmux -S "$alice_sock" send-keys -t t q
echo ok
