#!/bin/bash
# The reply editor: a long paste arrives whole, cursor keys and word delete
# edit in the middle of UTF-8 text, and $VISUAL composes the reply as in git
# and mutt; a dropped SSH session (SIGHUP) keeps the draft.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture
export XDG_STATE_HOME="$TEST_DIR/state"

# An "editor" that appends a signature, as a person would in vi.
cat >"$TEST_DIR/fake-editor" <<'SH'
#!/bin/sh
printf '\n-- \nAlice, first line support\n' >>"$1"
SH
chmod +x "$TEST_DIR/fake-editor"

open_printer() {
	tui_start 100x30 "VISUAL='$TEST_DIR/fake-editor' XDG_STATE_HOME='$XDG_STATE_HOME' $FRONTLINE -d '$(pg_conninfo alice)'"
	wait_for "Printer on fire" 10
	keys j Enter
	wait_for "#[0-9]+ Printer on fire" 5
}
open_printer
keys r
wait_for "Reply to the customer" 3

# A paste of 3,000 characters in three scripts arrives whole.
python3 -c "print(('Zażółć gęślą jaźń. Съешь ещё этих булок. 日本語テキスト。 ' * 60)[:3000], end='')" >"$TEST_DIR/paste"
tm load-buffer "$TEST_DIR/paste"
tm paste-buffer -t t
sleep 1
keys C-u
settle
# Ctrl-U removed the pasted line: type over, then edit in the middle.
keys "Dzień dobry, Olgo"
keys Left Left Left Left C-w
keys "Pani "
settle
# Ctrl-W took "dobry, " before the cursor.
wait_for "Dzień Pani Olgo" 3
keys C-o
wait_for "Alice, first line support" 5
keys C-x
wait_for "reply sent" 5
body=$(sql_value "SELECT body FROM frontline.messages WHERE kind = 'reply'")
expected=$'Dzień Pani Olgo\n-- \nAlice, first line support'
[ "$body" = "$expected" ] || fail "stored reply: $(printf '%q' "$body")"

# A paste as long as the cap allows, then SIGHUP as a dropped SSH link.
keys r
wait_for "Reply to the customer" 3
tm load-buffer "$TEST_DIR/paste"
tm paste-buffer -t t
sleep 1.5
pid=$(pgrep -f "frontline -d host=$PGHOST dbname=frontline user=alice" | head -1)
kill -HUP "$pid"
wait_for "__EXITED__" 5
tm kill-server
draft=$(cat "$XDG_STATE_HOME"/frontline/drafts/*.txt)
[ "${#draft}" = 3000 ] || fail "the draft kept ${#draft} of 3000 characters after SIGHUP"
[ "$draft" = "$(cat "$TEST_DIR/paste")" ] || fail "the draft differs from the paste"
echo ok
