#!/bin/bash
# `frontline rating import`: a file of JSON lines, good and bad mixed. Good
# records go in whatever the others do; each bad line is reported by its
# number; a low score opens a callback ticket in the Senior queue; the
# summary counts every line; a second run of the good lines writes nothing.
. "$top_srcdir/tests/lib/pg.sh"
# The messages checked are the English ones, in UTF-8.
export LC_ALL=C.UTF-8
unset LANGUAGE
pg_start
pg_fixture

# Ratings are for solved tickets; callbacks go to the Senior queue.
sql <<'SQL'
INSERT INTO frontline.queues (name, team_id, calendar_id, default_policy_id)
SELECT 'Senior', team_id, calendar_id, default_policy_id
  FROM frontline.queues
 WHERE name = 'Support A'
   AND NOT EXISTS (SELECT 1 FROM frontline.queues WHERE name = 'Senior');
INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject, status,
    solved_at)
SELECT c.id, q.id, 'email', s.subject, 'solved', now()
  FROM (VALUES ('Invoice question', 'john@example.com'),
               ('Charger broken', 'olga@example.com'),
               ('Wrong size', 'piotr@example.com'),
               ('Late delivery', 'john@example.com'),
               ('Survey pending', 'olga@example.com'),
               ('Before the restart', 'piotr@example.com'),
               ('After the restart', 'piotr@example.com')) AS s(subject, email)
  JOIN frontline.customers c ON c.email = s.email,
       frontline.queues q
 WHERE q.name = 'Support A';
SQL
ticket() { sql_value "SELECT id FROM frontline.tickets WHERE subject = '$1'"; }
t1=$(ticket 'Invoice question')
t2=$(ticket 'Charger broken')
t3=$(ticket 'Wrong size')
t4=$(ticket 'Late delivery')
t5=$(ticket 'Survey pending')
t6=$(ticket 'Before the restart')
t7=$(ticket 'After the restart')
[ -n "$t1" ] && [ -n "$t5" ] || fail "the test's tickets are missing"
missing=$(sql_value "SELECT max(id) + 1000 FROM frontline.tickets")

callbacks() {
	sql_value "SELECT count(*) FROM frontline.tickets t
	    JOIN frontline.queues q ON q.id = t.queue_id
	    WHERE q.name = 'Senior' AND t.subject LIKE 'Callback: %'"
}
ratings() { sql_value "SELECT count(*) FROM frontline.ratings"; }
tickets() { sql_value "SELECT count(*) FROM frontline.tickets"; }

in="$TEST_DIR/ratings.jsonl"
cat >"$in" <<EOF2
# ratings exported from the survey tool
{"ticket": $t1, "csat": 5, "nps": 10, "comment": "Quick and kind"}

{"ticket": $t2, "csat": 1, "nps": 2, "reason": "long_wait", "comment": "Three days", "callback": true, "via": "email"}
{"ticket": $t3, "csat": 4,
{"ticket": $t3, "csat": 7}
{"csat": 5, "nps": 9}
{"ticket": $missing, "csat": 3}
   # an indented comment
{"ticket": $t3, "csat": 2, "reason": "other"}
{"ticket": $t1, "csat": 5, "nps": 10, "comment": "Quick and kind"}
{"ticket": $t3, "nps": 8, "via": "ivr"}
{"ticket": $t4, "csat": 3, "reason": "not_resolved", "key": "web-form-4711", "via": "web"}
EOF2

"$FRONTLINE" rating import "$in" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
rc=$?
[ "$rc" = 1 ] || fail "mixed file: exit $rc, want 1; $(cat "$TEST_DIR/err")"

# Exactly the bad lines, by number, in order, each saying what is wrong.
got=$(sed -n 's/^frontline: LINE \([0-9]*\): .*/\1/p' "$TEST_DIR/err" | tr '\n' ' ')
[ "$got" = "5 6 7 8 10 " ] || fail "lines reported: '$got', want '5 6 7 8 10 ':
$(cat "$TEST_DIR/err")"
[ "$(wc -l <"$TEST_DIR/err")" = 5 ] || fail "more than the bad lines: $(cat "$TEST_DIR/err")"
grep -q '^frontline: LINE 5: invalid JSON at column [0-9]*: ' "$TEST_DIR/err" ||
	fail "broken JSON: $(cat "$TEST_DIR/err")"
grep -qxF 'frontline: LINE 6: "csat" must be a whole number from 1 to 5, got 7' \
	"$TEST_DIR/err" || fail "csat 7: $(cat "$TEST_DIR/err")"
grep -qxF 'frontline: LINE 7: "ticket" is missing' "$TEST_DIR/err" ||
	fail "missing ticket: $(cat "$TEST_DIR/err")"
grep -q "^frontline: LINE 8: .*$missing" "$TEST_DIR/err" ||
	fail "a ticket that does not exist: $(cat "$TEST_DIR/err")"
! grep -q "frontline: frontline:" "$TEST_DIR/err" ||
	fail "the database's messages keep their prefix: $(cat "$TEST_DIR/err")"
grep -qxF 'frontline: LINE 10: "comment" is required when "reason" is "other"' \
	"$TEST_DIR/err" || fail "other without comment: $(cat "$TEST_DIR/err")"
out=$(cat "$TEST_DIR/out")
[ "$out" = "4 imported, 1 already there, 1 refused, 4 invalid" ] ||
	fail "summary: '$out'"

# The good records are in, as sent.
[ "$(ratings)" = 4 ] || fail "$(ratings) ratings stored, want 4"
row() {
	sql_value "SELECT concat_ws('|', csat, nps, reason, comment,
	    callback_wanted, via, idempotency_key, status)
	    FROM frontline.ratings WHERE ticket_id = $1"
}
[ "$(row "$t1")" = "5|10|Quick and kind|f|import|import:$t1|answered" ] ||
	fail "ticket $t1: $(row "$t1")"
[ "$(row "$t2")" = "1|2|long_wait|Three days|t|email|import:$t2|answered" ] ||
	fail "ticket $t2: $(row "$t2")"
[ "$(row "$t3")" = "8|f|ivr|import:$t3|answered" ] || fail "ticket $t3: $(row "$t3")"
[ "$(row "$t4")" = "3|not_resolved|f|web|web-form-4711|answered" ] ||
	fail "ticket $t4: $(row "$t4")"

# The low one asked for a call back: a ticket in the Senior queue.
n=$(sql_value "SELECT count(*) FROM frontline.tickets t
    JOIN frontline.queues q ON q.id = t.queue_id
    WHERE q.name = 'Senior' AND t.subject LIKE 'Callback: %Charger broken%'")
[ "$n" = 1 ] || fail "callback tickets for ticket $t2: $n, want 1"
before_callbacks=$(callbacks)
before_tickets=$(tickets)

# Again, only the good lines: nothing new, exit 0. From a file, from
# standard input with and without "-", and with DOS line ends.
good="$TEST_DIR/good.jsonl"
sed -n '1,4p;12,13p' "$in" >"$good"
[ "$(grep -c ticket "$good")" = 4 ] || fail "the good lines: $(cat "$good")"
want="0 imported, 4 already there, 0 refused, 0 invalid"
out=$("$FRONTLINE" rating import "$good" 2>"$TEST_DIR/err") ||
	fail "re-run exit $?: $(cat "$TEST_DIR/err")"
[ "$out" = "$want" ] || fail "re-run summary: '$out'"
[ ! -s "$TEST_DIR/err" ] || fail "re-run complained: $(cat "$TEST_DIR/err")"
out=$("$FRONTLINE" rating import <"$good") || fail "stdin exit $?"
[ "$out" = "$want" ] || fail "stdin summary: '$out'"
out=$("$FRONTLINE" rating import - <"$good") || fail "'-' exit $?"
[ "$out" = "$want" ] || fail "'-' summary: '$out'"
sed 's/$/\r/' "$good" >"$TEST_DIR/dos.jsonl"
out=$("$FRONTLINE" rating import "$TEST_DIR/dos.jsonl") || fail "CRLF exit $?"
[ "$out" = "$want" ] || fail "CRLF summary: '$out'"
[ "$(ratings)" = 4 ] || fail "re-runs stored ratings twice: $(ratings)"
[ "$(callbacks)" = "$before_callbacks" ] || fail "re-runs opened more callbacks"
[ "$(tickets)" = "$before_tickets" ] || fail "re-runs created tickets"

# A survey that was sent is completed once by the answer; a second answer
# with another key is refused.
sql -c "INSERT INTO frontline.ratings (ticket_id, status, via, idempotency_key)
    VALUES ($t5, 'survey_sent', 'survey', 'survey:$t5')"
out=$(echo "{\"ticket\": $t5, \"csat\": 4, \"nps\": 9, \"via\": \"web\"}" |
	"$FRONTLINE" rating import 2>"$TEST_DIR/err") ||
	fail "answering a sent survey: exit $?: $(cat "$TEST_DIR/err")"
[ "$out" = "1 imported, 0 already there, 0 refused, 0 invalid" ] ||
	fail "answering a sent survey: '$out'"
[ "$(sql_value "SELECT concat_ws('|', status, csat, nps) FROM frontline.ratings
    WHERE ticket_id = $t5")" = "answered|4|9" ] || fail "the sent survey was not completed"
out=$(printf '\n{"ticket": %s, "csat": 1, "key": "second-answer"}\n' "$t5" |
	"$FRONTLINE" rating import 2>"$TEST_DIR/err")
rc=$?
[ "$rc" = 1 ] || fail "a second answer: exit $rc, want 1"
[ "$out" = "0 imported, 0 already there, 1 refused, 0 invalid" ] ||
	fail "a second answer: '$out'"
grep -q '^frontline: LINE 2: ..*' "$TEST_DIR/err" ||
	fail "a second answer, no reason given: $(cat "$TEST_DIR/err")"
[ "$(sql_value "SELECT csat FROM frontline.ratings WHERE ticket_id = $t5")" = 4 ] ||
	fail "a second answer overwrote the first"

# The connection dies between two records (a restart, a failover): the
# import reconnects and the record in flight still goes in, once.
mkfifo "$TEST_DIR/fifo"
"$FRONTLINE" rating import "$TEST_DIR/fifo" >"$TEST_DIR/out" 2>"$TEST_DIR/err" &
pid=$!
exec 3>"$TEST_DIR/fifo"
echo "{\"ticket\": $t6, \"csat\": 5}" >&3
for ((i = 0; i < 100; i++)); do
	[ "$(sql_value "SELECT count(*) FROM frontline.ratings WHERE ticket_id = $t6")" = 1 ] && break
	sleep 0.1
done
n=$(sql_value "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
    WHERE application_name = 'frontline' AND pid <> pg_backend_pid()")
[ "$n" = 1 ] || fail "the import's connection: $n found"
echo "{\"ticket\": $t7, \"csat\": 4}" >&3
exec 3>&-
wait "$pid" || fail "after a lost connection: exit $?: $(cat "$TEST_DIR/err")"
[ "$(cat "$TEST_DIR/out")" = "2 imported, 0 already there, 0 refused, 0 invalid" ] ||
	fail "after a lost connection: $(cat "$TEST_DIR/out")"
[ "$(sql_value "SELECT count(*) FROM frontline.ratings WHERE ticket_id IN ($t6, $t7)")" = 2 ] ||
	fail "a record was lost with the connection"

# Hostile input comes back inert: no escape sequences on the terminal.
printf '{"\\u001b[2J\\u001b]0;owned\\u0007": 1}\n{"ticket": 1, "csat": "\x1b[31m"}\n' |
	"$FRONTLINE" rating import >/dev/null 2>"$TEST_DIR/err"
[ "$(grep -c '^frontline: LINE [12]: ' "$TEST_DIR/err")" = 2 ] ||
	fail "hostile lines: $(cat -v "$TEST_DIR/err")"
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$TEST_DIR/err"; then
	fail "control characters reached the terminal: $(cat -v "$TEST_DIR/err")"
fi

# Usage errors exit 2; a file or a database that is not there, 1.
"$FRONTLINE" rating >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "no subcommand: exit $rc"
"$FRONTLINE" rating export >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "unknown subcommand: exit $rc"
"$FRONTLINE" rating import "$good" "$good" >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "two files: exit $rc"
"$FRONTLINE" rating import --frob >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "unknown option: exit $rc"
err=$("$FRONTLINE" rating import "$TEST_DIR/nowhere.jsonl" 2>&1); rc=$?
[ "$rc" = 1 ] || fail "missing file: exit $rc"
echo "$err" | grep -q "nowhere.jsonl" || fail "missing file: $err"
err=$("$FRONTLINE" rating import -d "host=$TEST_DIR/nowhere" "$good" 2>&1); rc=$?
[ "$rc" = 1 ] || fail "no database: exit $rc"
echo "$err" | grep -q "cannot connect to the database" || fail "no database: $err"
[ "$(ratings)" = 7 ] || fail "ratings at the end: $(ratings), want 7"
echo "ok"
