#!/bin/bash
# Customer text never reaches the terminal raw: escape sequences, a title
# change, 8-bit controls and bidi overrides in a subject and a name show
# inert, and the rest of the screen stays as it was.
. "$top_srcdir/tests/lib/pg.sh"
. "$top_srcdir/tests/lib/tmux.sh"
pg_start
pg_fixture

# E'...' so PostgreSQL itself builds the hostile bytes.
sql -c "INSERT INTO frontline.customers (name, email) VALUES
	(E'Mallory\\u202eevil', 'mallory@example.com')"
sql -c "INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject, priority)
	SELECT c.id, q.id, 'email',
	E'Hostile \\033[2J\\033]2;PWNED\\007 \\033[31mred \\u202eabc \\u0085x', 'urgent'
	FROM frontline.customers c, frontline.queues q
	WHERE c.email = 'mallory@example.com' AND q.name = 'Support A'"

# Wide characters: CJK and emoji take two columns each.
sql -c "INSERT INTO frontline.customers (name, email) VALUES ('山田太郎', 'yamada@example.com')"
sql -c "INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject, priority)
	SELECT c.id, q.id, 'chat', 'プリンターが壊れました 🔥🔥 please help', 'low'
	FROM frontline.customers c, frontline.queues q
	WHERE c.email = 'yamada@example.com' AND q.name = 'Support A'"

tui_start 100x24 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Hostile" 10
wait_for "山田太郎" 5

# Every row's AGE column starts at the same display column, wide or not.
cols=$(screen | sed -n '4,12p' | grep -v '^ *$' | python3 -c '
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
for line in sys.stdin:
    line = line.rstrip("\n").rstrip()
    last = line.rsplit(" ", 1)[0]
    print(width(last))
' | sort -u | wc -l)
[ "$cols" = 1 ] || { screen; fail "wide characters broke the column alignment"; }

line=$(screen | grep "Hostile")
# ESC is shown as the control picture, so the sequence is visible, inert.
echo "$line" | grep -q "␛\[2J" || fail "ESC not shown inert: $line"
echo "$line" | grep -q "␛\]2;PWNED" || fail "OSC not shown inert: $line"
# The bidi override is gone: the text reads in order.
echo "$line" | grep -q "abc" || fail "text after RLO lost: $line"
printf '%s' "$line" | grep -q $'\u202e' && fail "RLO reached the screen"
screen | grep -q "Mallory" || fail "customer name missing"
# The OSC did not retitle the pane, and the screen was not cleared.
title=$(tm display-message -p -t t '#{pane_title}')
[ "$title" != "PWNED" ] || fail "the subject changed the terminal title"
screen | grep -q "in view" || fail "the header was wiped"
screen | grep -q "Printer on fire" || fail "other rows were wiped"
keys q
wait_for "__EXITED__ 0" 5

# Without UTF-8 (LC_ALL=C) the same row is plain ASCII with caret marks.
tm kill-server
TUI_LC_ALL=C tui_start 100x24 "$FRONTLINE -d '$(pg_conninfo alice)'"
wait_for "Hostile" 10
screen | grep "Hostile" | grep -q '\^\[\[2J' || { screen; fail "ASCII caret notation"; }
screen | grep -q "in view" || fail "ASCII header"
keys q
wait_for "__EXITED__ 0" 5
echo ok
