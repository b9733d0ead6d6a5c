#!/bin/bash
# No change is lost under concurrent writers. Writers insert tickets in
# transactions that commit out of order (a sequence number drawn early may
# commit late); a reader follows the change log exactly as the console does
# (cursor first, then the rows since the old cursor) and must see every
# ticket that was committed.
. "$top_srcdir/tests/lib/pg.sh"
pg_start
pg_fixture

WRITERS=4
PER_WRITER=40

writer() {
	local w=$1 i
	for ((i = 0; i < PER_WRITER; i++)); do
		# A random pause inside the transaction makes commit order differ
		# from the order in which sequence numbers were drawn.
		printf "BEGIN;
INSERT INTO frontline.tickets (customer_id, queue_id, subject)
SELECT c.id, q.id, 'w%s-%s' FROM frontline.customers c, frontline.queues q
WHERE c.email = 'john@example.com' AND q.name = 'Support A';
SELECT pg_sleep(random() * 0.03);
COMMIT;\n" "$w" "$i"
	done | psql -X -q -v ON_ERROR_STOP=1 >/dev/null || echo "writer $w failed" >>"$TEST_DIR/errors"
}

# The reader's query is the console's (src/db/queue.c, changes_fetch).
READER_SQL="SELECT s.seq, c.x::text FROM (SELECT frontline.changes_cursor() AS x) c
 LEFT JOIN LATERAL (SELECT seq, ticket_id FROM frontline.changes_since(:'cursor'::xid8)) s ON true"

cursor=$(sql_value "SELECT frontline.changes_cursor()::text")
for ((w = 0; w < WRITERS; w++)); do writer "$w" & done

seen="$TEST_DIR/seen"
: >"$seen"
rounds=0
while :; do
	done_writers=$(jobs -r | wc -l)
	out=$(psql -X -q -A -t -F ' ' -v ON_ERROR_STOP=1 -v cursor="$cursor" <<<"$READER_SQL") ||
		fail "reader query failed"
	next=$(echo "$out" | awk 'NF { print $NF; exit }')
	[ -n "$next" ] && cursor=$next
	echo "$out" | awk -v r="$rounds" 'NF == 2 { print $1, r }' >>"$seen"
	rounds=$((rounds + 1))
	[ "$done_writers" = 0 ] && break
	sleep 0.02
done
wait
# One last read after every writer finished, as a notification would cause.
out=$(psql -X -q -A -t -F ' ' -v ON_ERROR_STOP=1 -v cursor="$cursor" <<<"$READER_SQL")
echo "$out" | awk -v r="$rounds" 'NF == 2 { print $1, r }' >>"$seen"
[ -s "$TEST_DIR/errors" ] && fail "$(cat "$TEST_DIR/errors")"

total=$(sql_value "SELECT count(*) FROM frontline.tickets WHERE subject ~ '^w[0-9]+-'")
[ "$total" = $((WRITERS * PER_WRITER)) ] || fail "writers committed $total tickets"
# Every change row of those tickets must have been read.
awk '{ print $1 }' "$seen" | sort -u >"$seen.sorted"
sql_value "SELECT seq FROM frontline.changes ch JOIN frontline.tickets t ON t.id = ch.ticket_id
	WHERE t.subject ~ '^w[0-9]+-' ORDER BY 1" | sort -u >"$TEST_DIR/all"
missing=$(comm -23 "$TEST_DIR/all" "$seen.sorted" | wc -l)
note "$total tickets by $WRITERS writers, $rounds reads, $(wc -l <"$TEST_DIR/all") changes, $missing missed"
[ "$missing" = 0 ] || fail "$missing changes were never seen by the reader"


# The hard case, made to happen: a transaction draws its number first and
# commits last. A read in between sees the later number and not the earlier
# one; the next read, from the cursor the first one gave, must see it.
read_changes() {
	psql -X -q -A -t -F ' ' -v ON_ERROR_STOP=1 -v cursor="$1" <<<"$READER_SQL"
}
cursor=$(sql_value "SELECT frontline.changes_cursor()::text")
psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL' &
BEGIN;
INSERT INTO frontline.tickets (customer_id, queue_id, subject)
SELECT c.id, q.id, 'drawn first, committed last' FROM frontline.customers c, frontline.queues q
WHERE c.email = 'john@example.com' AND q.name = 'Support A';
SELECT pg_sleep(2);
COMMIT;
SQL
late_pid=$!
sleep 0.5
sql -c "INSERT INTO frontline.tickets (customer_id, queue_id, subject)
	SELECT c.id, q.id, 'drawn second, committed first' FROM frontline.customers c, frontline.queues q
	WHERE c.email = 'john@example.com' AND q.name = 'Support A'" >/dev/null
first=$(read_changes "$cursor")
cursor2=$(echo "$first" | awk 'NF { print $NF; exit }')
wait "$late_pid"
second=$(read_changes "$cursor2")
seq_late=$(sql_value "SELECT ch.seq FROM frontline.changes ch JOIN frontline.tickets t ON t.id = ch.ticket_id WHERE t.subject = 'drawn first, committed last' LIMIT 1")
seq_early=$(sql_value "SELECT ch.seq FROM frontline.changes ch JOIN frontline.tickets t ON t.id = ch.ticket_id WHERE t.subject = 'drawn second, committed first' LIMIT 1")
[ "$seq_late" -lt "$seq_early" ] || fail "the setup did not draw the numbers in order ($seq_late, $seq_early)"
echo "$first" | awk '{ print $1 }' | grep -qx "$seq_early" || fail "the first read missed the committed change"
echo "$first" | awk '{ print $1 }' | grep -qx "$seq_late" && fail "the first read saw an uncommitted change"
echo "$second" | awk '{ print $1 }' | grep -qx "$seq_late" ||
	fail "change $seq_late, committed after $seq_early, was lost by the cursor"
note "change $seq_late committed after $seq_early and was still read"
echo ok
