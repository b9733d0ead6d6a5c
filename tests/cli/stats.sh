#!/bin/bash
# `frontline stats`: the figures of a fixed week of solved and rated
# tickets, as JSON (checked field by field against doc/stats-json.md and
# values computed by hand), CSV (header and one line per day) and text;
# queue and agent filters; row-level security; errors and exit statuses.
. "$top_srcdir/tests/lib/pg.sh"
# The messages checked are the English ones, in UTF-8; days are UTC days.
export LC_ALL=C.UTF-8 PGTZ=UTC
unset LANGUAGE
command -v python3 >/dev/null || skip "python3 is needed to read the JSON"
pg_start
pg_fixture

# The week of Mon 2025-01-06, with times set by hand (frontline.now moves
# for the superuser; messages carry their own created_at).
#   ticket  queue      policy            created         first reply     solved
#   A1      Support A  Office (Mon-Fri   Mon 06 10:00    10:20           11:00
#                      09-17 UTC)
#   A2      Support A  Office            Fri 10 16:00    Mon 13 09:30    Mon 13 10:00
#   B1      Support B  Fixture (24/7)    Tue 07 12:00    12:30           13:00
# A1 is alice's. Wall / business minutes:
#   first response  A1 20/20, A2 3930/90 (60 Friday + 30 Monday), B1 30/30
#   resolution      A1 60/60, A2 3960/120, B1 60/60
# percentile_cont of three sorted values: median the middle one, p90 at
# position 1.8 = v[1] + 0.8 * (v[2] - v[1]):
#   first response wall 20 30 3930: 30, 30 + 0.8*3900 = 3150
#   first response business 20 30 90: 30, 30 + 0.8*60 = 78
#   resolution wall 60 60 3960: 60, 60 + 0.8*3900 = 3180
#   resolution business 60 60 120: 60, 60 + 0.8*60 = 108
# A2 met its first response (due Fri 17:00) late: one breach.
# Ratings: A1 answered CSAT 5 NPS 10 first contact; A2 answered CSAT 3
# NPS 6 not first contact; B1 declined, first contact.
sql <<'EOF' >/dev/null || fail "loading the week"
SET TimeZone = 'UTC';
INSERT INTO frontline.calendars (name, time_zone) VALUES ('Office', 'UTC');
INSERT INTO frontline.calendar_hours (calendar_id, isodow, opens, closes)
SELECT c.id, d, '09:00', '17:00' FROM frontline.calendars c, generate_series(1, 5) d
 WHERE c.name = 'Office';
INSERT INTO frontline.sla_policies (name, calendar_id)
SELECT 'Office', id FROM frontline.calendars WHERE name = 'Office';
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes, resolution_minutes)
SELECT id, 'normal', 60, 480 FROM frontline.sla_policies WHERE name = 'Office';

CREATE FUNCTION pg_temp.at(t timestamptz) RETURNS void LANGUAGE sql AS $$
    SELECT set_config('frontline.now', frontline.ts_text(t), false)
$$;
CREATE FUNCTION pg_temp.ticket(p_subject text, p_queue text, p_policy text,
    p_agent text, p_at timestamptz, p_reply timestamptz, p_solved timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE v bigint;
BEGIN
    PERFORM pg_temp.at(p_at);
    INSERT INTO frontline.tickets (customer_id, queue_id, subject, created_at,
        sla_policy_id, assignee_id)
    SELECT (SELECT id FROM frontline.customers WHERE email = 'john@example.com'),
           (SELECT id FROM frontline.queues WHERE name = p_queue), p_subject, p_at,
           (SELECT id FROM frontline.sla_policies WHERE name = p_policy),
           (SELECT id FROM frontline.agents WHERE role_name = p_agent)
    RETURNING id INTO v;
    PERFORM pg_temp.at(p_reply);
    INSERT INTO frontline.messages (ticket_id, kind, body, created_at)
    VALUES (v, 'reply', 'Fixed.', p_reply);
    PERFORM pg_temp.at(p_solved);
    UPDATE frontline.tickets SET status = 'solved' WHERE id = v;
END $$;
SELECT pg_temp.ticket('A1', 'Support A', 'Office', 'alice',
    '2025-01-06 10:00Z', '2025-01-06 10:20Z', '2025-01-06 11:00Z');
SELECT pg_temp.ticket('A2', 'Support A', 'Office', NULL,
    '2025-01-10 16:00Z', '2025-01-13 09:30Z', '2025-01-13 10:00Z');
SELECT pg_temp.ticket('B1', 'Support B', 'Fixture', NULL,
    '2025-01-07 12:00Z', '2025-01-07 12:30Z', '2025-01-07 13:00Z');
SELECT pg_temp.at('2025-01-14 12:00Z');
INSERT INTO frontline.ratings (ticket_id, status, csat, nps, resolved_first_contact)
SELECT t.id, r.status, r.csat, r.nps, r.fcr
  FROM (VALUES ('A1', 'answered', 5, 10, true), ('A2', 'answered', 3, 6, false),
               ('B1', 'declined', NULL, NULL, true)) AS r(subject, status, csat, nps, fcr)
  JOIN frontline.tickets t ON t.subject = r.subject;
EOF

week="--from 2025-01-06 --to 2025-01-13T00:00:00Z"

# check JSON PYTHON: runs the assertions in PYTHON against the document
# read from the file JSON (d is the document; near(a, b) for floats).
check() {
	python3 - "$1" "$2" <<'EOF' || fail "JSON check failed: $2
$(cat "$1")"
import json, sys
d = json.load(open(sys.argv[1]))
def near(a, b):
    return a is not None and abs(a - b) < 1e-6
exec(sys.argv[2])
EOF
}

# The whole week, as the superuser.
"$FRONTLINE" stats --json $week >"$TEST_DIR/week.json" || fail "--json: exit $?"
check "$TEST_DIR/week.json" '
# Exactly the documented fields, in that order.
assert list(d) == ["schema", "from", "to", "filters", "tickets",
    "first_response_minutes", "resolution_minutes", "first_contact_resolution",
    "sla_breaches", "surveys", "csat", "nps"], list(d)
assert d["schema"] == "frontline.stats/1"
assert d["from"] == "2025-01-06T00:00:00Z", d["from"]
assert d["to"] == "2025-01-13T00:00:00Z", d["to"]
assert d["filters"] == {"queue": None, "agent": None}
assert d["tickets"] == {"created": 3, "solved": 3, "reopened": 0,
    "solved_once": 3, "reopen_rate": 0}, d["tickets"]
f = d["first_response_minutes"]
assert list(f) == ["count", "wall", "business"] and f["count"] == 3
assert near(f["wall"]["median"], 30) and near(f["wall"]["p90"], 3150), f
assert near(f["business"]["median"], 30) and near(f["business"]["p90"], 78), f
r = d["resolution_minutes"]
assert r["count"] == 3
assert near(r["wall"]["median"], 60) and near(r["wall"]["p90"], 3180), r
assert near(r["business"]["median"], 60) and near(r["business"]["p90"], 108), r
c = d["first_contact_resolution"]
assert c["answers"] == 3 and c["resolved"] == 2 and near(c["percent"], 200 / 3), c
assert d["sla_breaches"] == {"first_response": 1, "resolution": 0}, d["sla_breaches"]
s = d["surveys"]
assert s["asked"] == 3 and s["answered"] == 2 and near(s["response_rate"], 200 / 3), s
c = d["csat"]
assert near(c["average"], 4) and near(c["percent"], 50) and c["answers"] == 2, c
assert c["counts"] == {"1": 0, "2": 0, "3": 1, "4": 0, "5": 1}, c["counts"]
n = d["nps"]
assert near(n["score"], 0) and near(n["promoters"], 50), n
assert near(n["passives"], 0) and near(n["detractors"], 50) and n["answers"] == 2, n
want = {str(i): 0 for i in range(11)}
want["6"] = 1; want["10"] = 1
assert n["counts"] == want, n["counts"]
'

# Filters: the queue by name, the agent by role.
"$FRONTLINE" stats --json $week --queue "Support B" >"$TEST_DIR/b.json" ||
	fail "--queue: exit $?"
check "$TEST_DIR/b.json" '
assert d["filters"] == {"queue": "Support B", "agent": None}
assert d["tickets"]["created"] == 1
assert near(d["first_response_minutes"]["wall"]["median"], 30)
assert d["surveys"] == {"asked": 1, "answered": 0, "response_rate": 0}, d["surveys"]
# No answers: the figures are null, not 0.
assert d["csat"]["average"] is None and d["csat"]["percent"] is None
assert d["nps"]["score"] is None and d["nps"]["promoters"] is None
'
"$FRONTLINE" stats --json $week --agent alice >"$TEST_DIR/alice.json" ||
	fail "--agent: exit $?"
check "$TEST_DIR/alice.json" '
assert d["filters"] == {"queue": None, "agent": "alice"}
assert d["tickets"]["created"] == 1
assert near(d["first_response_minutes"]["business"]["p90"], 20)
assert d["csat"]["counts"]["5"] == 1
'
# Nothing in the period: counts 0, every time null.
"$FRONTLINE" stats --json --from 2020-01-01 --to 2020-01-02 >"$TEST_DIR/none.json" ||
	fail "empty period: exit $?"
check "$TEST_DIR/none.json" '
assert d["tickets"]["created"] == 0 and d["tickets"]["reopen_rate"] is None
for k in ("first_response_minutes", "resolution_minutes"):
    assert d[k]["count"] == 0
    for w in ("wall", "business"):
        assert d[k][w] == {"median": None, "p90": None}, d[k]
assert d["first_contact_resolution"]["percent"] is None
assert d["surveys"]["response_rate"] is None
'

# Row-level security: an agent's figures are their team's.
"$FRONTLINE" stats --json $week -d "$(pg_conninfo alice)" >"$TEST_DIR/a.json" ||
	fail "as alice: exit $?"
check "$TEST_DIR/a.json" 'assert d["tickets"]["created"] == 2, d["tickets"]'
"$FRONTLINE" stats --json $week -d "$(pg_conninfo bob)" >"$TEST_DIR/bob.json" ||
	fail "as bob: exit $?"
check "$TEST_DIR/bob.json" 'assert d["tickets"]["created"] == 1, d["tickets"]'

# CSV: one header, one line per day, NaN figures empty.
out=$("$FRONTLINE" stats --csv --from 2025-01-06 --to 2025-01-09) ||
	fail "--csv: exit $?"
header="day,tickets_created,tickets_solved,tickets_reopened,tickets_solved_once,reopen_rate,first_response_count,first_response_wall_median,first_response_wall_p90,first_response_business_median,first_response_business_p90,resolution_count,resolution_wall_median,resolution_wall_p90,resolution_business_median,resolution_business_p90,fcr_answers,fcr_resolved,fcr_percent,sla_first_response_breached,sla_resolution_breached,surveys_asked,surveys_answered,response_rate,csat_answers,csat_average,csat_percent,nps_answers,nps_score,nps_promoters,nps_passives,nps_detractors"
want="$header
2025-01-06,1,1,0,1,0.00,1,20.00,20.00,20.00,20.00,1,60.00,60.00,60.00,60.00,1,1,100.00,0,0,1,1,100.00,1,5.00,100.00,1,100.00,100.00,0.00,0.00
2025-01-07,1,1,0,1,0.00,1,30.00,30.00,30.00,30.00,1,60.00,60.00,60.00,60.00,1,1,100.00,0,0,1,0,0.00,0,,,0,,,,
2025-01-08,0,0,0,0,,0,,,,,0,,,,,0,0,,0,0,0,0,,0,,,0,,,,"
[ "$out" = "$want" ] || fail "--csv:
$out
want:
$want"
# The decimal point stays a full stop in a locale with a comma.
if locale -a 2>/dev/null | grep -qi '^pl_PL.utf8$'; then
	out=$(LC_ALL=pl_PL.UTF-8 "$FRONTLINE" stats --csv --from 2025-01-06 --to 2025-01-07) ||
		fail "--csv in Polish: exit $?"
	echo "$out" | grep -q ',20.00,' || fail "--csv in Polish: $out"
fi

# Text: a table of figures for people.
out=$("$FRONTLINE" stats $week) || fail "text: exit $?"
for line in \
	"period                    2025-01-06T00:00:00Z to 2025-01-13T00:00:00Z" \
	"tickets created           3" \
	"reopened                  0 (0% of 3 solved)" \
	"  business time           median 30.0 min, 90th percentile 78.0 min" \
	"first-contact resolution  67% (2 of 3)" \
	"SLA breaches              first response 1, resolution 0" \
	"surveys                   3 asked, 2 answered (67%)" \
	"CSAT                      average 4.00, 50% satisfied (2 answers)" \
	"NPS                       0 (promoters 50%, passives 0%, detractors 50%; 2 answers)"
do
	echo "$out" | grep -qxF -- "$line" || fail "text: no line \"$line\" in:
$out"
done
# The defaults: the last seven days, to now (the fixture's tickets).
recent=$(sql_value "SELECT count(*) FROM frontline.tickets
    WHERE created_at >= now() - interval '7 days'")
out=$("$FRONTLINE" stats) || fail "defaults: exit $?"
echo "$out" | grep -q "^tickets created  *$recent$" ||
	fail "defaults: want $recent tickets: $out"

# Errors: usage (2) for what the user typed, 1 for trouble on the way.
bad() {
	local want=$1 rc_want=$2
	shift 2
	err=$("$FRONTLINE" stats "$@" 2>&1 >/dev/null)
	rc=$?
	[ "$rc" = "$rc_want" ] || fail "stats $*: exit $rc, want $rc_want ($err)"
	echo "$err" | grep -q -- "$want" || fail "stats $*: unclear: $err"
}
bad '^frontline: --from: "yesterdayish" is not a time' 2 --from yesterdayish
bad '^frontline: --to: "2025-13-01" is not a time' 2 --to 2025-13-01
bad '^frontline: --from: "infinity" is not a time' 2 --from infinity
bad '^frontline: the period is empty' 2 --from 2025-01-13 --to 2025-01-06
bad '^frontline: --queue: there is no queue "Nowhere"' 2 --queue Nowhere
bad '^frontline: --agent: there is no agent with the role "zed"' 2 --agent zed
bad '^frontline: --json and --csv are one or the other' 2 --json --csv
bad '^frontline: --from needs a value' 2 --from ""
bad '^usage: frontline stats' 2 extra
bad '^usage: frontline stats' 2 --bogus
bad '^frontline: cannot connect to the database' 1 -d "host=$TEST_DIR/none"
out=$("$FRONTLINE" stats --help) || fail "--help: exit $?"
echo "$out" | grep -q '^usage: frontline stats' || fail "--help: $out"

echo ok
