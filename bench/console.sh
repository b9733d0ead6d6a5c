#!/bin/bash
# Benchmarks of the console against the demo, as counts measured in one run:
#   - warm start: milliseconds from `frontline demo` to the queue on screen,
#     with the cluster stopped (the README promises "a few seconds"; the
#     target is under 3 s) and with it running;
#   - resident memory of the console process (budget: under 10 MB);
#   - bytes written to the terminal per second while idle (countdowns
#     ticking), and for a queue change: what a slow SSH link carries.
# Usage: bench/console.sh [FRONTLINE]   (make bench runs it)
set -u
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
FRONTLINE=${1:-${FRONTLINE:-$top_srcdir/frontline}}
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"

export FRONTLINE_DEMO_DIR="$TEST_DIR/demo"
at_exit "'$FRONTLINE' demo --stop"
echo "# preparing the demo (first run loads the data set)"
"$FRONTLINE" demo --setup >/dev/null || fail "demo --setup"
conn=$("$FRONTLINE" demo --setup)
host=$(echo "$conn" | sed -n "s/.*host='\([^']*\)'.*/\1/p")

ms_until_queue() {
	local start=$(date +%s%N)
	tui_start 80x24 "FRONTLINE_DEMO_DIR='$FRONTLINE_DEMO_DIR' $FRONTLINE demo"
	wait_for "[0-9]+ in view" 60 >/dev/null
	echo $(( ($(date +%s%N) - start) / 1000000 ))
}

"$FRONTLINE" demo --stop >/dev/null
cold=$(ms_until_queue)
tm kill-server; sleep 0.5
warm=$(ms_until_queue)

pid=$(tm display-message -p -t t '#{pane_pid}')
cpid=$(pgrep -P "$pid" -f "frontline demo" | head -1)
[ -n "$cpid" ] || cpid=$(pgrep -f "^$FRONTLINE demo" | head -1)
rss=$(awk '/VmRSS/ { print $2 }' "/proc/$cpid/status")

tm pipe-pane -t t -o "cat >>'$TEST_DIR/out'"
sleep 10
idle=$(stat -c %s "$TEST_DIR/out")
tm pipe-pane -t t
: >"$TEST_DIR/out2"
tm pipe-pane -t t -o "cat >>'$TEST_DIR/out2'"
psql -X -q -h "$host" -U postgres -d frontline -c "SELECT frontline_demo.simulate_tick()" >/dev/null
sleep 2
change=$(stat -c %s "$TEST_DIR/out2")
tm pipe-pane -t t
keys q

echo "start_ms_cluster_stopped=$cold (target < 3000)"
echo "start_ms_cluster_running=$warm"
echo "console_rss_kb=$rss (budget < 10240)"
echo "idle_bytes_per_s=$((idle / 10)) (80x24, countdowns ticking)"
echo "bytes_2s_after_a_simulated_change=$change"
echo "ratio_start_vs_target=$(awk -v c="$cold" 'BEGIN { printf "%.2f", c / 3000 }')"
