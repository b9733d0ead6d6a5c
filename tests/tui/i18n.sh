#!/bin/bash
# The console speaks the agent's language: with LANGUAGE=ru or pl the
# queue, its header, the help and the wallboard are in Russian or Polish,
# countdowns and ages use the language's own one-letter units, and the
# columns still line up (a Cyrillic letter is one column but two bytes).
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
command -v msgfmt >/dev/null 2>&1 || skip "msgfmt not installed (apt-get install gettext)"
pg_start
pg_fixture

# The real catalogs, compiled from po/ as `make` does.
for lang in ru pl; do
	mkdir -p "$TEST_DIR/locale/$lang/LC_MESSAGES"
	msgfmt -o "$TEST_DIR/locale/$lang/LC_MESSAGES/frontline.mo" \
		"$top_srcdir/po/$lang.po" || fail "msgfmt $lang.po"
done

console_in() {
	TUI_ENV="LANGUAGE=$1 FRONTLINE_LOCALEDIR='$TEST_DIR/locale'" \
		tui_start 100x30 "$FRONTLINE -d '$(pg_conninfo "$2")'"
}

# expect_row SUBJECT PATTERN: the queue row of SUBJECT matches PATTERN.
expect_row() {
	screen | grep -F "$1" | grep -Eq -- "$2" ||
		{ screen; fail "row '$1' does not match /$2/"; }
}

# Every row's subject starts in the column the header's subject title
# does: counted in characters, which are columns here.
expect_aligned() {
	local head line prefix want
	head=$(screen | grep -E "$1")
	prefix=${head%%"$1"*}
	want=${#prefix}
	shift
	for subject in "$@"; do
		line=$(screen | grep -F "$subject")
		prefix=${line%%"$subject"*}
		[ "${#prefix}" = "$want" ] ||
			{ screen; fail "'$subject' starts at column ${#prefix}, the title at $want"; }
	done
}

export LC_ALL=C.UTF-8
console_in ru alice
wait_for "Printer on fire" 10
wait_for "показано: 4 · просрочено: 1" 5
screen | grep -q "ТЕМА" || fail "column titles are not in Russian"
# Breached 90 minutes ago, two hours old; 20 and 1 minutes old.
expect_row "Refund overdue" "срочно +! -1ч30 .* 2ч *$"
expect_row "Printer on fire" "телефон .* 20м *$"
expect_row "Password reset" "обычн\. +3ч5[0-9] .* 1м *$"
expect_aligned "ТЕМА" "Refund overdue" "Printer on fire" "Password reset" "Waiting for logs"
keys '?'
wait_for "вниз \(в тикете: прокрутка\)" 5
keys q
wait_for "Printer on fire" 5
keys q
wait_for "__EXITED__ 0" 5
note "Russian queue, units and help"

console_in pl alice
wait_for "Printer on fire" 10
wait_for "w widoku: 4 · po terminie: 1" 5
expect_row "Refund overdue" "-1h30 .* 2h *$"
expect_row "Printer on fire" " 20m *$"
expect_aligned "TEMAT" "Refund overdue" "Printer on fire" "Password reset"
keys '?'
wait_for "w dół \(w zgłoszeniu: przewijanie\)" 5
keys q q
wait_for "__EXITED__ 0" 5
note "Polish queue, units and help"

# The supervisor's wallboard, in Russian at 200x60 (all panels at once).
TUI_ENV="LANGUAGE=ru FRONTLINE_LOCALEDIR='$TEST_DIR/locale'" \
	tui_start 200x60 "$FRONTLINE -d '$(pg_conninfo sam)'"
wait_for "Очередь сейчас" 10
for title in "Агенты" "Качество" "Лучшие ответы недели"; do
	screen | grep -q "$title" || { screen; fail "no panel '$title'"; }
done
# The oldest waiting ticket's age in Russian units.
wait_for "Refund overdue" 5
screen | grep "Refund overdue" | grep -q "2ч" || { screen; fail "oldest waiting age not in Russian units"; }
keys q
wait_for "__EXITED__ 0" 5
echo ok
