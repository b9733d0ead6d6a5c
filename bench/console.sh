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

# Sets START_MS: from the command to the queue on screen. Not in $(...):
# tui_start must set the tmux socket in this shell.
ms_until_queue() {
	local start=$(date +%s%N)
	tui_start 80x24 "FRONTLINE_DEMO_DIR='$FRONTLINE_DEMO_DIR' $FRONTLINE demo"
	# The view counts show only once the queue has arrived.
	wait_for " 3 All [0-9]+" 60 >/dev/null
	START_MS=$(( ($(date +%s%N) - start) / 1000000 ))
}

"$FRONTLINE" demo --stop >/dev/null
ms_until_queue
cold=$START_MS
keys q
sleep 1
tm kill-server
ms_until_queue
warm=$START_MS

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
