#!/bin/bash
# The README's first command, end to end: `frontline demo` creates its own
# cluster (as root it runs it as postgres), loads the demo data, and opens a
# live queue whose countdowns tick and which changes by itself; a second run
# reuses the cluster; --supervisor opens as the supervisor; --stop stops it.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
PG_BIN=$(pg_bindir) || skip "PostgreSQL server programs not found"

export FRONTLINE_DEMO_DIR="$TEST_DIR/demo"
at_exit "'$FRONTLINE' demo --stop"

tui_start 120x40 "FRONTLINE_DEMO_DIR='$FRONTLINE_DEMO_DIR' $FRONTLINE demo 2>'$TEST_DIR/demo.err'"
start=$(date +%s)
wait_for "in view" 240
note "first run reached the queue in $(( $(date +%s) - start )) s"
wait_for "[0-9]+ in view" 10
[ "$(id -u)" = 0 ] && {
	owner=$(stat -c %U "$FRONTLINE_DEMO_DIR/data")
	[ "$owner" = postgres ] || fail "as root the cluster must run as postgres, not $owner"
}
grep -q "creating the demo database" "$TEST_DIR/demo.err" ||
	fail "first run did not say it was creating the database"

# Countdowns tick: the SLA column changes within a few seconds, no keypress.
sla_now() { screen | sed -n '3,$p' | cut -c8-15; }
a=$(sla_now)
sleep 2.5
b=$(sla_now)
[ "$a" != "$b" ] || { screen; fail "no countdown ticked in 2.5 s"; }

# The simulator brings traffic: new tickets are committed, and the queue on
# screen changes by itself within a minute.
conn=$("$FRONTLINE" demo --setup) || fail "demo --setup"
host=$(echo "$conn" | sed -n "s/.*host='\([^']*\)'.*/\1/p")
max0=$(psql -X -A -t -h "$host" -U postgres -d frontline -c "SELECT max(id) FROM frontline.tickets")
# What only a fetch from the database changes: the number of tickets in
# view and the rows without the AGE column (which ticks by itself). New
# tickets may sort below the screen (on a weekend their clocks wait for
# Monday), so the count matters as much as the rows.
rows_now() {
	screen | sed -n '1p' | grep -o "[0-9]* in view"
	screen | sed -n '4,$p' | cut -c40-114 | sort
}
subjects0=$(rows_now)
changed=
for ((i = 0; i < 90; i++)); do
	sleep 1
	max1=$(psql -X -A -t -h "$host" -U postgres -d frontline -c "SELECT max(id) FROM frontline.tickets")
	if [ "$max1" -gt "$max0" ] && [ "$(rows_now)" != "$subjects0" ]; then
		changed=1
		break
	fi
done
[ -n "$changed" ] || { screen; fail "no new ticket and no change on screen in 90 s (max id $max0 -> $max1)"; }
note "tickets: max id $max0 -> $max1; the queue changed after ${i} s"

# Quitting stops the traffic simulator with the console.
keys q
wait_for "__EXITED__ 0" 10
sleep 1
pid=$(cat "$FRONTLINE_DEMO_DIR/traffic.pid" 2>/dev/null)
[ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null || fail "the simulator outlived the console"
tm kill-server

# A second run reuses the cluster and its data.
tui_start 120x40 "FRONTLINE_DEMO_DIR='$FRONTLINE_DEMO_DIR' $FRONTLINE demo --supervisor 2>'$TEST_DIR/demo2.err'"
# A supervisor's day starts on the wallboard.
wait_for "frontline . wallboard" 30
grep -q "creating the demo database\|loading the demo data" "$TEST_DIR/demo2.err" &&
	fail "the second run rebuilt the demo"
sup=$(psql -X -A -t -h "$host" -U postgres -d frontline -c \
	"SELECT display_name FROM frontline.agents WHERE is_supervisor ORDER BY id LIMIT 1")
wait_for "$sup" 5
keys q
wait_for "__EXITED__ 0" 10

"$FRONTLINE" demo --stop | grep -q "stopped" || fail "demo --stop"
psql -X -A -t -h "$host" -U postgres -d frontline -c "SELECT 1" >/dev/null 2>&1 &&
	fail "the cluster still answers after --stop"
echo ok
