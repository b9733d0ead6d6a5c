#!/bin/bash
# Take next: two agents press n at the same moment and get two different
# tickets, each the most urgent one left; with nothing left that fits, it
# says so.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture
sql <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'carol') THEN
    CREATE ROLE carol LOGIN IN ROLE frontline_agent;
  END IF;
END $$;
INSERT INTO frontline.agents (role_name, display_name, team_id, languages)
SELECT 'carol', 'Carol Agent', id, ARRAY['en','ru','pl'] FROM frontline.teams WHERE name = 'Team A';
UPDATE frontline.agents SET languages = ARRAY['en','ru','pl'] WHERE role_name = 'alice';
SQL

tm -f /dev/null new-session -d -s a -x 100 -y 30 \
	"env LC_ALL=C.UTF-8 TERM=tmux-256color $FRONTLINE -d '$(pg_conninfo alice)'; $TUI_EPILOGUE"
tm new-session -d -s c -x 100 -y 30 \
	"env LC_ALL=C.UTF-8 TERM=tmux-256color $FRONTLINE -d '$(pg_conninfo carol)'; $TUI_EPILOGUE"
at_exit "tmux -S '$TMUX_SOCK' kill-server"
for s in a c; do
	for ((i = 0; i < 100; i++)); do
		tm capture-pane -p -t $s | grep -q "Printer on fire" && break
		sleep 0.1
	done
done

# Both at once.
tm send-keys -t a n \; send-keys -t c n
sleep 2
ta=$(tm capture-pane -p -t a | grep -Eo "^ #[0-9]+" | head -1)
tc=$(tm capture-pane -p -t c | grep -Eo "^ #[0-9]+" | head -1)
[ -n "$ta" ] && [ -n "$tc" ] || { tm capture-pane -p -t a; tm capture-pane -p -t c; fail "take next opened no ticket"; }
[ "$ta" != "$tc" ] || fail "both agents got ticket $ta"
owners=$(sql_value "SELECT string_agg(a.role_name, ',' ORDER BY a.role_name) FROM frontline.tickets t
	JOIN frontline.agents a ON a.id = t.assignee_id")
[ "$owners" = "alice,carol" ] || fail "assignments: $owners"
# The two most urgent ones went: the breached one and the one due soonest.
taken=$(sql_value "SELECT string_agg(subject, ',' ORDER BY subject) FROM frontline.tickets WHERE assignee_id IS NOT NULL")
[ "$taken" = "Printer on fire,Refund overdue" ] || fail "took $taken"

# Nobody takes a third time what is not there: Support B is another team's.
tm send-keys -t a Escape n
sleep 1.5
tm send-keys -t a Escape n
sleep 1.5
tm send-keys -t a Escape n
sleep 1.5
tm capture-pane -p -t a | grep -q "nothing to take" || { tm capture-pane -p -t a; fail "no 'nothing to take' message"; }
[ "$(sql_value "SELECT assignee_id IS NULL FROM frontline.tickets WHERE subject = 'Other team secret'")" = t ] ||
	fail "took another team's ticket"
echo ok
