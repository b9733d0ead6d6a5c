#!/bin/bash
# Two agents on one ticket: the queue row and the ticket header show, live,
# who else is viewing or replying; when the customer writes while an agent
# types, a warning says so at once; sending then stops and asks, and the
# agent may send anyway.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture
sql >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'carol') THEN
    CREATE ROLE carol LOGIN IN ROLE frontline_agent;
  END IF;
END $$;
INSERT INTO frontline.agents (role_name, display_name, team_id, languages)
SELECT 'carol', 'Carol Agent', id, ARRAY['en'] FROM frontline.teams WHERE name = 'Team A';
INSERT INTO frontline.messages (ticket_id, kind, channel, author_customer_id, body)
SELECT id, 'customer', 'phone', customer_id, 'It is still smoking.'
FROM frontline.tickets WHERE subject = 'Printer on fire';
SQL

start_console() {
	tm ${2:+-f /dev/null} new-session -d -s "$1" -x 110 -y 30 \
		"env LC_ALL=C.UTF-8 TERM=tmux-256color $FRONTLINE -d '$(pg_conninfo "$1")'; $TUI_EPILOGUE"
}
on() { local s=$1; shift; tm send-keys -t "$s" "$@"; }
see() { tm capture-pane -p -t "$1"; }
wait_on() {
	local s=$1 pattern=$2 limit=${3:-10} i
	for ((i = 0; i < limit * 10; i++)); do
		see "$s" | grep -Eq -- "$pattern" && return 0
		sleep 0.1
	done
	see "$s"
	fail "$s: timed out waiting for /$pattern/"
}
start_console alice first
start_console carol
at_exit "tmux -S '$TMUX_SOCK' kill-server"
wait_on alice "Printer on fire"
wait_on carol "Printer on fire"

# Carol opens the ticket: Alice's queue row says so, live.
on carol j Enter
wait_on carol "#[0-9]+ Printer on fire"
wait_on alice "\[Carol Agent\] Printer on fire" 5
# Carol starts a reply: now "replying".
on carol r
wait_on alice "\[Carol Agent \(replying\)\]" 5

# Alice opens it too and sees Carol in the header.
on alice j Enter
wait_on alice "Also viewing: Carol Agent \(replying\)" 5
on alice r
on alice "Please unplug it now."
wait_on alice "Please unplug it now." 5

# The customer writes while Alice types.
sql -c "INSERT INTO frontline.messages (ticket_id, kind, channel, author_customer_id, body)
	SELECT id, 'customer', 'phone', customer_id, 'Now there are flames!'
	FROM frontline.tickets WHERE subject = 'Printer on fire'" >/dev/null
wait_on alice "the customer wrote again while you were typing" 5
wait_on alice "Now there are flames" 5

# Sending stops and asks; nothing was stored yet.
on alice C-x
wait_on alice "New messages arrived" 5
[ "$(sql_value "SELECT count(*) FROM frontline.messages WHERE body = 'Please unplug it now.'")" = 0 ] ||
	fail "the reply was sent despite the new message"
# Send anyway.
on alice 2
wait_on alice "reply sent" 5
[ "$(sql_value "SELECT count(*) FROM frontline.messages WHERE body = 'Please unplug it now.'")" = 1 ] ||
	fail "send anyway did not store the reply once"

# Carol leaves; Alice's header forgets her.
on carol Escape Escape
wait_on carol "in view" 5
on alice Escape
sleep 0.3
on alice Escape
wait_on alice "in view" 5
for ((i = 0; i < 50; i++)); do
	see alice | grep -q "\[Carol Agent" || break
	sleep 0.1
done
see alice | grep -q "\[Carol Agent" && fail "Carol still shown on the row after she left"
echo ok
