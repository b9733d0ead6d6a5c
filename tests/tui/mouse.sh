#!/bin/bash
# The mouse, for those who reach for it: a click selects a queue row, a
# double click opens it, a click on a view's tab switches to it, the wheel
# moves the selection, a click chooses in a menu, and on the wallboard a
# double click on a number shows the tickets behind it. FRONTLINE_NO_MOUSE
# leaves the mouse to the terminal.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture

tui_start 100x30 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Password reset" 10
[ "$(tm display-message -p -t t '#{mouse_standard_flag}#{mouse_any_flag}')" != 00 ] ||
	fail "the console did not ask the terminal for mouse events"

# A click selects; Enter opens what was clicked.
click_on "Password reset"
settle
keys Enter
wait_for "#[0-9]+ Password reset" 5
keys Escape
wait_for "PRI +SLA" 5

# A double click opens at once.
click_on "Waiting for logs" 2
wait_for "#[0-9]+ Waiting for logs" 5
keys Escape
wait_for "PRI +SLA" 5

# The wheel: three rows a notch, from the top row to the fourth.
keys g
settle
mouse_wheel down 40 5
settle
keys Enter
wait_for "#[0-9]+ Waiting for logs" 5

# In a menu a click chooses: the pending ticket is opened again.
keys s
wait_for "on hold" 5
click_on "1 open"
wait_gone "on hold" 5
settle
[ "$(sql_value "SELECT status FROM frontline.tickets WHERE subject = 'Waiting for logs'")" = open ] ||
	fail "a click in the status menu did not set the status"
keys s
wait_for "on hold" 5
click_on "3 on hold"
wait_gone "Set status" 5
[ "$(sql_value "SELECT status FROM frontline.tickets WHERE subject = 'Waiting for logs'")" = on_hold ] ||
	fail "a click in the status menu did not set the status"
keys Escape
wait_for "PRI +SLA" 5

# A tab: "5 Breached" shows only the breached ticket.
click_on "5 Breached"
wait_gone "Printer on fire" 5
screen | grep -q "Refund overdue" || fail "the breached view lost its ticket"

# The help says how the mouse works, and the wheel scrolls down to it.
keys '?'
wait_for "frontline help" 5
screen | grep -q "double click opens" && fail "the help fits on one screen: the wheel test proves nothing"
for ((i = 0; i < 20; i++)); do
	mouse_wheel down 40 10
done
wait_for "double click opens" 5
keys Escape
wait_for "PRI +SLA" 5
keys q
wait_for "__EXITED__ 0" 5
note "queue, tabs, wheel and menus"

# The wallboard: a double click on the breached count lists the tickets
# behind it.
tui_start 100x30 "$FRONTLINE -d '$(pg_conninfo sam)'"
wait_for "Breached +[0-9]" 10
settle
line=$(screen | grep -n -m1 "Breached  *[0-9]")
y=$((${line%%:*} - 1))
text=${line#*:}
before=${text%%Breached*}
rest=${text#*Breached}
spaces=${rest%%[0-9]*}
mouse_click $((${#before} + 8 + ${#spaces})) "$y" 2
wait_for "Esc back to the wallboard" 5
screen | grep -q "Refund overdue" || { screen; fail "the drill-down lacks the breached ticket"; }
screen | grep -q "Printer on fire" && { screen; fail "the drill-down shows more than the breached ticket"; }
keys Escape
settle
keys q
wait_for "__EXITED__ 0" 5
note "wallboard drill-down by double click"

# Without the mouse the terminal keeps it.
TUI_ENV="FRONTLINE_NO_MOUSE=1" tui_start 100x30 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Password reset" 10
[ "$(tm display-message -p -t t '#{mouse_standard_flag}#{mouse_any_flag}')" = 00 ] ||
	fail "FRONTLINE_NO_MOUSE still took the mouse"
keys q
wait_for "__EXITED__ 0" 5
echo ok
