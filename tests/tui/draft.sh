#!/bin/bash
# Nothing typed is lost: a draft typed and then the console killed with
# SIGKILL is there when the ticket is opened again; a draft survives the
# database going away; a reply sent while the database restarts is stored
# exactly once.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture
export XDG_STATE_HOME="$TEST_DIR/state"

open_printer() {
	tui_start 100x30 "XDG_STATE_HOME='$XDG_STATE_HOME' $FRONTLINE -d '$(pg_conninfo alice)'"
	wait_for "Printer on fire" 10
	keys j Enter
	wait_for "#[0-9]+ Printer on fire" 5
}

open_printer
keys r
wait_for "Reply to the customer" 3
keys "Half-written answer about the toner"
# The console writes the local draft before it draws, so once the text is
# on screen it is on disk; a fixed sleep lost it on a loaded machine.
wait_for "Half-written answer about the toner" 5
pid=$(tui_pid)
[ -n "$pid" ] || fail "console process not found"
kill -9 "$pid"
wait_for "__EXITED__ 137" 10
tm kill-server

open_printer
keys r
wait_for "Half-written answer about the toner" 5
note "the draft came back after SIGKILL"

# The database goes away while the agent types and sends: the reply waits,
# then goes through once, with its idempotency key.
pg_server_stop
wait_for "database unreachable" 10
keys " and the drum."
keys C-x
wait_for "your reply is queued" 5
pg_server_start
wait_gone "database unreachable" 40
wait_for "reply sent" 20
n=$(sql_value "SELECT count(*) FROM frontline.messages WHERE body = 'Half-written answer about the toner and the drum.'")
[ "$n" = 1 ] || fail "the reply was stored $n times"
# The spent draft is gone from both places: the file before "reply sent"
# is drawn, the database row in the sending transaction.
[ -z "$(ls "$XDG_STATE_HOME/frontline/drafts/" 2>/dev/null)" ] || fail "a local draft file remained"
[ "$(sql_value "SELECT count(*) FROM frontline.drafts")" = 0 ] || fail "a database draft remained"
keys Escape
settle
keys q
wait_for "__EXITED__ 0" 10
echo ok
