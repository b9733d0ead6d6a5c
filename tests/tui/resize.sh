#!/bin/bash
# Resizing keeps the console working: 80x24 down to 60x15 (narrower
# columns), down to too small (a clear line), and back; NO_COLOR and
# TERM=vt100 still show state by text markers.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture

tui_start 80x24 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Printer on fire" 10
screen | grep -q "CHANNEL" || fail "80 columns should show the channel"

tui_resize 60x15
wait_gone "CHANNEL" 3
wait_for "Printer on fire" 3
screen | grep -q "in view\|frontline" || fail "header lost at 60x15"
# Display columns, not bytes: "…" is one column and three bytes.
[ "$(screen | LC_ALL=C.UTF-8 wc -L)" -le 60 ] || fail "lines wider than 60 columns"
screen | grep -q "in view" || fail "the header lost its counts at 60x15"

tui_resize 30x6
wait_for "terminal too small" 3

tui_resize 80x24
wait_for "CHANNEL" 3
wait_for "Printer on fire" 3

# The ticket screen with the editor open survives the same.
keys j Enter
wait_for "#[0-9]+ Printer on fire" 5
keys r "typed before the resize"
wait_for "typed before the resize" 3
tui_resize 60x15
wait_for "#[0-9]+ Printer on" 3
[ "$(screen | LC_ALL=C.UTF-8 wc -L)" -le 60 ] || fail "ticket screen wider than 60 columns"
tui_resize 30x6
wait_for "terminal too small" 3
tui_resize 130x30
wait_for "Customer" 5
wait_for "typed before the resize" 3
keys Escape Escape
wait_for "in view" 3
keys q
wait_for "__EXITED__ 0" 5
tm kill-server

# Monochrome and a plain vt100: the markers carry the state.
TUI_ENV="NO_COLOR=1" TUI_TERM=vt100 tui_start 80x24 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Printer on fire" 10
screen | grep "Refund overdue" | grep -q -- "! -" || { screen; fail "breached marker without colour"; }
keys q
wait_for "__EXITED__ 0" 5
echo ok
