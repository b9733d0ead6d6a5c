# Sourced by the screen tests: the real binary in a private tmux server at
# a fixed size, driven with send-keys and read with capture-pane.

command -v tmux >/dev/null 2>&1 || skip "tmux not installed (apt-get install tmux)"

TMUX_SOCK="$TEST_DIR/tmux.sock"
TMUX_STARTS=0
unset TMUX
tm() { tmux -S "$TMUX_SOCK" "$@"; }

# What the pane's shell runs after the program: its exit status on a line
# of its own. A killed program leaves the terminal raw (no CR on LF), and
# bash's "Killed" notice may end mid-line, so the marker starts with CR LF.
TUI_EPILOGUE='r=$?; printf "\r\n__EXITED__ %s\r\n" "$r"; sleep 30'

# tui_start WIDTHxHEIGHT command...: starts the command in a new session
# with a UTF-8 locale unless the caller set LC_ALL.
tui_start() {
	local size=$1 w h
	shift
	w=${size%x*}
	h=${size#*x}
	# A fresh server each time: kill-server returns before the old one is
	# gone, and a new session could reach the dying server.
	TMUX_STARTS=$((TMUX_STARTS + 1))
	TMUX_SOCK="$TEST_DIR/tmux.$TMUX_STARTS.sock"
	tm -f /dev/null new-session -d -s t -x "$w" -y "$h" \
		"env LC_ALL=${TUI_LC_ALL:-C.UTF-8} TERM=${TUI_TERM:-tmux-256color} \
		${TUI_ENV:-} $* ; $TUI_EPILOGUE" ||
		fail "tmux new-session"
	tm set-option -t t -g remain-on-exit on >/dev/null 2>&1
	at_exit "tmux -S '$TMUX_SOCK' kill-server"
}

# tui_pid: the process id of the program in the pane (the child of the
# pane's shell), for tests that kill it.
tui_pid() {
	local shell
	shell=$(tm display-message -p -t t '#{pane_pid}') || return 1
	pgrep -P "$shell" | head -1
}

# mouse_send BUTTON X Y: what a terminal sends for a mouse event at column
# X, row Y (from 0) in xterm's normal encoding: ESC [ M, then button,
# column and row, each plus 32 (columns up to 222), as raw bytes.
mouse_send() {
	keys -H 1b 5b 4d "$(printf %02x $((32 + $1)))" \
		"$(printf %02x $((33 + $2)))" "$(printf %02x $((33 + $3)))"
}

# mouse_click X Y [2]: a click (two: a double click) of the left button.
mouse_click() {
	local n=${3:-1} i
	for ((i = 0; i < n; i++)); do
		mouse_send 0 "$1" "$2"	# press
		mouse_send 3 "$1" "$2"	# release
	done
}

# mouse_wheel up|down X Y: one notch of the wheel (buttons 4 and 5).
mouse_wheel() {
	mouse_send $([ "$1" = down ] && echo 65 || echo 64) "$2" "$3"
}

# click_on TEXT [2]: clicks (or double-clicks) the first place the screen
# shows TEXT, a fixed string.
click_on() {
	local y=0 line prefix
	while IFS= read -r line; do
		if [[ "$line" == *"$1"* ]]; then
			prefix=${line%%"$1"*}
			mouse_click "${#prefix}" "$y" "${2:-1}"
			return 0
		fi
		y=$((y + 1))
	done < <(screen)
	screen
	fail "nothing to click: '$1' is not on the screen"
}

# The screen as text.
screen() { tm capture-pane -p -t t; }

keys() { tm send-keys -t t "$@"; }

tui_resize() { tm resize-window -t t -x "${1%x*}" -y "${1#*x}"; }

# wait_for PATTERN [SECONDS]: waits until the screen matches the extended
# regular expression; on time-out prints the screen and fails.
wait_for() {
	local pattern=$1 limit=${2:-10} i
	for ((i = 0; i < limit * 10; i++)); do
		screen | grep -Eq -- "$pattern" && return 0
		sleep 0.1
	done
	echo "--- screen (waited ${limit}s for /$pattern/) ---"
	screen
	echo "---"
	fail "timed out waiting for /$pattern/"
}

# wait_gone PATTERN [SECONDS]: waits until the screen no longer matches.
wait_gone() {
	local pattern=$1 limit=${2:-10} i
	for ((i = 0; i < limit * 10; i++)); do
		screen | grep -Eq -- "$pattern" || return 0
		sleep 0.1
	done
	screen
	fail "still showing /$pattern/ after ${limit}s"
}

# settle [SECONDS]: waits until the screen has stopped changing for half a
# second (at most SECONDS, default 5), so the next key lands on what the
# console shows after the last one, however slow the machine.
settle() {
	local limit=${1:-5} i same=0 prev cur
	prev=$(screen)
	for ((i = 0; i < limit * 10; i++)); do
		sleep 0.1
		cur=$(screen)
		if [ "$cur" = "$prev" ]; then
			same=$((same + 1))
			[ "$same" -ge 5 ] && return 0
		else
			same=0
			prev=$cur
		fi
	done
	return 0
}
