#!/bin/bash
# The demo data set (share/demo/seed.sql) loads in one transaction on a
# freshly migrated database, and gives what a person trying `frontline demo`
# would notice: thousands of customers and 90 days of tickets on every
# channel in three languages, SLA clocks consistent with the SLA engine, a
# knowledge base that full-text search finds, agents who can log in, an open
# queue with breached, running and paused clocks, ratings, and a traffic
# simulator that moves things without flooding.
. "$top_srcdir/tests/lib/pg.sh"
pg_start

seed="$FRONTLINE_SHAREDIR/demo/seed.sql"
[ -r "$seed" ] || fail "no $seed"

# Milliseconds since the epoch.
ms() { echo $(($(date +%s%N) / 1000000)); }

start=$(ms)
sql -1 -f "$seed" >"$TEST_DIR/seed.log" 2>&1 || { cat "$TEST_DIR/seed.log"; fail "loading $seed"; }
elapsed=$(($(ms) - start))
note "seed.sql loaded in $((elapsed / 1000)).$((elapsed % 1000 / 100)) s (psql -1 -f share/demo/seed.sql)"

# check LABEL SQL: the query must return t.
check() {
	local got
	got=$(sql_value "$2") || fail "$1: query failed"
	[ "$got" = t ] || fail "$1 (got: $got)"
}
# value SQL: one value.
value() { sql_value "$1" || fail "query failed: $1"; }

check "frontline_demo.seeded exists" "SELECT to_regclass('frontline_demo.seeded') IS NOT NULL"

# People.
check ">= 2000 customers" "SELECT count(*) >= 2000 FROM frontline.customers"
check "~300 organizations, some customers without one" \
	"SELECT (SELECT count(*) FROM frontline.organizations) BETWEEN 250 AND 350
	    AND (SELECT count(*) FROM frontline.customers WHERE organization_id IS NULL) > 100"
check "customers in en/ru/pl, about 50/25/25" \
	"SELECT bool_and(share BETWEEN want - 0.05 AND want + 0.05) AND count(*) = 3
	   FROM (SELECT language, count(*)::float8 / sum(count(*)) OVER () AS share,
	                CASE language WHEN 'en' THEN 0.5 ELSE 0.25 END AS want
	           FROM frontline.customers GROUP BY language) s"
check "Russian names in Cyrillic, Polish ones with diacritics" \
	"SELECT (SELECT bool_and(name ~ '^[А-ЯЁа-яё -]+$') FROM frontline.customers WHERE language = 'ru')
	    AND (SELECT count(*) FILTER (WHERE name ~ '[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]') > 50 FROM frontline.customers WHERE language = 'pl')"
check "all three tiers" "SELECT count(DISTINCT tier) = 3 FROM frontline.customers"

# History.
check ">= 20000 tickets" "SELECT count(*) >= 20000 FROM frontline.tickets"
check "tickets span >= 85 days" "SELECT max(created_at) - min(created_at) >= interval '85 days' FROM frontline.tickets"
check "all 7 channels" "SELECT count(DISTINCT channel) = 7 FROM frontline.tickets"
check "almost all tickets solved or closed" \
	"SELECT count(*) FILTER (WHERE status IN ('solved', 'closed')) >= 0.98 * count(*) FROM frontline.tickets"
check "more tickets on weekdays than at weekends" \
	"SELECT count(*) FILTER (WHERE extract(isodow FROM created_at AT TIME ZONE 'Europe/Warsaw') < 6) / 5.0
	      > 2 * count(*) FILTER (WHERE extract(isodow FROM created_at AT TIME ZONE 'Europe/Warsaw') >= 6) / 2.0
	   FROM frontline.tickets"
check "every ticket has a message" \
	"SELECT NOT EXISTS (SELECT 1 FROM frontline.tickets t
	                     WHERE NOT EXISTS (SELECT 1 FROM frontline.messages m WHERE m.ticket_id = t.id))"
check "every ticket starts with the customer's message" \
	"SELECT NOT EXISTS (SELECT 1 FROM frontline.tickets t
	                     CROSS JOIN LATERAL (SELECT m.kind FROM frontline.messages m WHERE m.ticket_id = t.id
	                                          ORDER BY m.created_at, m.id LIMIT 1) f
	                     WHERE f.kind <> 'customer')"
check "customer messages, replies, internal notes and acknowledgements" \
	"SELECT count(DISTINCT kind) = 4 FROM frontline.messages"
check "messages in all three languages, each in its own script" \
	"SELECT count(DISTINCT t.language) = 3
	        AND bool_and(CASE t.language WHEN 'ru' THEN m.body ~ '[А-Яа-яЁё]'
	                                     WHEN 'pl' THEN true
	                                     ELSE m.body !~ '[А-Яа-яЁё]' END)
	   FROM frontline.messages m JOIN frontline.tickets t ON t.id = m.ticket_id"
check "Polish messages with Polish letters" \
	"SELECT count(*) FILTER (WHERE m.body ~ '[ąćęłńóśźż]') > 0.5 * count(*)
	   FROM frontline.messages m JOIN frontline.tickets t ON t.id = m.ticket_id
	  WHERE t.language = 'pl' AND m.kind IN ('customer', 'reply')"
check "no placeholder left unfilled" \
	"SELECT NOT EXISTS (SELECT 1 FROM frontline.messages WHERE body ~ '\{[a-z]+\}')
	    AND NOT EXISTS (SELECT 1 FROM frontline.tickets WHERE subject ~ '\{[a-z]+\}')"
check "solved tickets have first response and resolution times in order" \
	"SELECT bool_and(first_response_at > created_at AND solved_at >= first_response_at
	                 AND (closed_at IS NULL OR closed_at > solved_at) AND solved_at < now())
	   FROM frontline.tickets WHERE status IN ('solved', 'closed')"

# SLA clocks of the history: one first_response and one resolution clock per
# solved ticket, all met, in a realistic mix of met and breached, and obeying
# 002-sla.sql's invariant due_at = business_add(calendar, started_at,
# target + paused) (checked on a sample against the real function).
check "history clocks all met, one of each per ticket" \
	"SELECT count(*) FILTER (WHERE c.kind = 'first_response') = count(DISTINCT t.id)
	    AND count(*) FILTER (WHERE c.kind = 'resolution') = count(DISTINCT t.id)
	    AND bool_and(c.met_at IS NOT NULL)
	   FROM frontline.tickets t JOIN frontline.sla_clocks c ON c.ticket_id = t.id
	  WHERE t.status IN ('solved', 'closed')"
check "history first-response breaches between 2% and 25%" \
	"SELECT avg((c.met_at > c.due_at)::int) BETWEEN 0.02 AND 0.25
	   FROM frontline.sla_clocks c JOIN frontline.tickets t ON t.id = c.ticket_id
	  WHERE t.status IN ('solved', 'closed') AND c.kind = 'first_response'"
check "history resolution breaches present but rare" \
	"SELECT avg((c.met_at > c.due_at)::int) BETWEEN 0.005 AND 0.2
	   FROM frontline.sla_clocks c JOIN frontline.tickets t ON t.id = c.ticket_id
	  WHERE t.status IN ('solved', 'closed') AND c.kind = 'resolution'"
check "history clocks obey business_add (sample of 500)" \
	"SELECT bool_and(abs(extract(epoch FROM c.due_at - frontline.business_add(p.calendar_id, c.started_at,
	                                                   c.target_minutes + c.paused_minutes))) < 1)
	   FROM (SELECT * FROM frontline.sla_clocks ORDER BY random() LIMIT 500) c
	   JOIN frontline.tickets t ON t.id = c.ticket_id
	   JOIN frontline.sla_policies p ON p.id = t.sla_policy_id"
check "some history tickets waited on the customer (paused resolution clocks)" \
	"SELECT bool_and(c.paused_minutes >= 0) AND bool_or(c.paused_minutes > 0)
	   FROM frontline.sla_clocks c WHERE c.kind = 'resolution'"
check "VIP and premium customers get the tighter policies" \
	"SELECT bool_and(p.name = CASE cu.tier WHEN 'vip' THEN 'VIP' WHEN 'premium' THEN 'Premium' ELSE 'Standard' END)
	   FROM frontline.tickets t JOIN frontline.customers cu ON cu.id = t.customer_id
	   JOIN frontline.sla_policies p ON p.id = t.sla_policy_id"
check "3 SLA policies with targets for every priority" \
	"SELECT count(DISTINCT p.id) = 3 AND count(*) = 12 FROM frontline.sla_policies p
	   JOIN frontline.sla_targets t ON t.policy_id = p.id"
check "a queue named Senior" "SELECT EXISTS (SELECT 1 FROM frontline.queues WHERE name = 'Senior')"
check "holidays in the last 90 days or the next 60" \
	"SELECT EXISTS (SELECT 1 FROM frontline.holidays
	                 WHERE day BETWEEN current_date - 90 AND current_date + 60)"

# Ratings.
check "ratings for a good share of solved tickets" \
	"SELECT count(*) FILTER (WHERE status = 'answered') > 0.15 * (SELECT count(*) FROM frontline.tickets
	                                                             WHERE status IN ('solved', 'closed'))
	   FROM frontline.ratings"
check "CSAT skewed positive, NPS present, low ones explained" \
	"SELECT avg(csat) > 3.8 AND count(*) FILTER (WHERE csat <= 2) > 0 AND count(nps) > 0
	        AND bool_and(reason IS NOT NULL) FILTER (WHERE csat <= 2)
	        AND count(comment) FILTER (WHERE csat <= 2) > 0
	   FROM frontline.ratings WHERE status = 'answered'"
check "ratings answered after the ticket was solved, never in the future" \
	"SELECT bool_and(r.created_at > t.solved_at AND r.created_at <= now())
	   FROM frontline.ratings r JOIN frontline.tickets t ON t.id = r.ticket_id"

# Knowledge base.
check "300 KB articles, about 100 per language" \
	"SELECT sum(n) = 300 AND bool_and(n BETWEEN 90 AND 110) AND count(*) = 3
	   FROM (SELECT language, count(*) AS n FROM frontline.kb_articles GROUP BY language) s"
for q in "en|refund" "en|password reset" "ru|возврат средств" "ru|сбросить пароль" "pl|faktura" "pl|hasło"; do
	lang=${q%%|*} words=${q#*|}
	n=$(psql -X -q -A -t -v ON_ERROR_STOP=1 -v lang="$lang" -v words="$words" <<'SQL'
SELECT count(*) FROM frontline.kb_articles
 WHERE language = :'lang' AND tsv @@ websearch_to_tsquery(frontline.kb_config(:'lang'), :'words')
SQL
	) || fail "full-text query failed"
	[ "$n" -gt 0 ] || fail "full-text search for '$words' ($lang) found nothing"
done
check "macros per language, routing rules, a default survey policy" \
	"SELECT (SELECT count(DISTINCT language) FROM frontline.macros) = 3
	    AND (SELECT count(*) FROM frontline.macros WHERE body LIKE '%{{customer.name}}%') > 0
	    AND (SELECT count(*) FROM frontline.routing_rules WHERE queue_id IS NOT NULL) > 0
	    AND (SELECT count(*) FROM frontline.survey_policy WHERE channel IS NULL) = 1"

# Agents are login roles in the right groups.
check "8 agents in 2 teams and 1 supervisor" \
	"SELECT count(*) FILTER (WHERE NOT is_supervisor) = 8 AND count(*) FILTER (WHERE is_supervisor) = 1
	        AND count(DISTINCT team_id) FILTER (WHERE NOT is_supervisor) = 2
	   FROM frontline.agents"
check "every agent a LOGIN role in its group" \
	"SELECT bool_and(r.rolcanlogin
	                 AND pg_has_role(r.rolname, CASE WHEN a.is_supervisor THEN 'frontline_supervisor'
	                                                 ELSE 'frontline_agent' END, 'MEMBER'))
	   FROM frontline.agents a JOIN pg_roles r ON r.rolname = a.role_name"

# The open workload: made by the real SLA engine, in every state.
check "60 to 150 open tickets" \
	"SELECT count(*) BETWEEN 60 AND 150 FROM frontline.tickets WHERE status NOT IN ('solved', 'closed')"
check "open tickets new, open, pending and on hold, some assigned, most not" \
	"SELECT count(DISTINCT status) = 4 AND count(assignee_id) > 0 AND count(assignee_id) < count(*) * 0.5
	   FROM frontline.tickets WHERE status NOT IN ('solved', 'closed')"
check "open clocks breached, running and paused" \
	"SELECT count(DISTINCT c.state) FILTER (WHERE c.state IN ('breached', 'running', 'paused')) = 3
	   FROM frontline.ticket_clocks c JOIN frontline.tickets t ON t.id = c.ticket_id
	  WHERE t.status NOT IN ('solved', 'closed')"
check "a deadline within the hour" \
	"SELECT EXISTS (SELECT 1 FROM frontline.tickets WHERE status NOT IN ('solved', 'closed')
	                   AND sla_due_at BETWEEN now() AND now() + interval '1 hour')"

default=$(value "SELECT role_name FROM frontline.agents WHERE NOT is_supervisor AND active ORDER BY id LIMIT 1")
note "default demo agent: $default"
n=$(value "SET ROLE \"$default\"; SELECT count(*) FROM frontline.agent_queue(50)")
[ "$n" -gt 0 ] || fail "the default agent's queue is empty"
n=$(value "SET ROLE \"$default\"; SELECT count(*) FROM frontline.agent_queue(50) WHERE assignee IS NOT NULL")
[ "$n" -gt 0 ] || fail "the default agent has no ticket of her own in her queue"

# Traffic: 20 ticks, each in its own transaction as `frontline demo` does.
counts="SELECT (SELECT count(*) FROM frontline.tickets) || ' ' || (SELECT count(*) FROM frontline.messages)
               || ' ' || (SELECT count(*) FROM frontline.changes) || ' ' || now()::text"
before=$(value "$counts")
start=$(ms)
for ((i = 0; i < 20; i++)); do echo "SELECT frontline_demo.simulate_tick();"; done |
	sql >/dev/null || fail "simulate_tick failed"
elapsed=$(($(ms) - start))
after=$(value "$counts")
read -r t0 m0 c0 since <<<"$before"
read -r t1 m1 c1 _ <<<"$after"
note "20 ticks in ${elapsed} ms: tickets $t0 -> $t1, messages $m0 -> $m1, changes logged $((c1 - c0))"
[ "$t1" != "$t0" ] || [ "$m1" != "$m0" ] || fail "20 ticks changed nothing"
[ $((c1 - c0)) -le 200 ] || fail "20 ticks logged $((c1 - c0)) changes: not a handful each"
check "open tickets still between 60 and 150" \
	"SELECT count(*) BETWEEN 60 AND 150 FROM frontline.tickets WHERE status NOT IN ('solved', 'closed')"
check "the simulator never acts as the default agent" \
	"SELECT NOT EXISTS (SELECT 1 FROM frontline.messages m JOIN frontline.agents a ON a.id = m.author_agent_id
	                     WHERE a.role_name = '$default' AND m.created_at >= '$since'::timestamptz)
	    AND NOT EXISTS (SELECT 1 FROM frontline.ticket_events e
	                     WHERE e.actor = '$default' AND e.at >= '$since'::timestamptz)"
echo "ok"
