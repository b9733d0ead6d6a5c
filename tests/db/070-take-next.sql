-- 070-take-next.sql: frontline.take_next(): which ticket an agent gets
-- (fit by language and 'skill:' tags, agent_queue's urgency order across
-- the team's queues, never another team's), that two takers never get the
-- same ticket (a real second session holding its lock, then four sessions
-- racing through a backlog), and that it reads the urgency index.
-- Background sessions are started with \! psql ... & and reach the same
-- database through the PG* variables set below from this connection.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

-- pg_temp.at(t): move frontline.sla_now() to t (for the superuser only).
CREATE FUNCTION pg_temp.at(t timestamptz) RETURNS void LANGUAGE sql AS $$
    SELECT set_config('frontline.now', frontline.ts_text(t), false)
$$;

-- pg_temp.wait_for(sql, what): poll a boolean query (fresh snapshot each
-- time) for up to 60 s.
CREATE PROCEDURE pg_temp.wait_for(p_sql text, p_what text) LANGUAGE plpgsql AS $$
DECLARE
    v_ok boolean;
    v_deadline timestamptz := clock_timestamp() + interval '60 seconds';
BEGIN
    LOOP
        EXECUTE p_sql INTO v_ok;
        EXIT WHEN v_ok;
        IF clock_timestamp() > v_deadline THEN
            RAISE EXCEPTION 'timed out after 60 s waiting for: %', p_what;
        END IF;
        COMMIT;
        PERFORM pg_sleep(0.01);
    END LOOP;
END $$;

\setenv PGHOST :HOST
\setenv PGPORT :PORT
\setenv PGDATABASE :DBNAME
\setenv PGUSER :USER

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fl070_en', 'fl070_ru', 'fl070_any', 'fl070_b', 'fl070_off',
                             'fl070_s1', 'fl070_s2', 'fl070_s3', 'fl070_s4'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl070_en, fl070_ru, fl070_any, fl070_b, fl070_off, fl070_s1, fl070_s2, fl070_s3, fl070_s4;

-- 24/7 policy: due times are plain sums.
INSERT INTO frontline.sla_policies (id, name) VALUES (1, 'round the clock');
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes, next_response_minutes, resolution_minutes) VALUES
    (1, 'low', 240, 480, 1440), (1, 'normal', 120, 240, 960),
    (1, 'high', 60, 120, 480), (1, 'urgent', 30, 60, 240);
INSERT INTO frontline.teams (id, name) VALUES (1, 'A'), (2, 'B');
INSERT INTO frontline.queues (id, name, team_id, default_policy_id) VALUES
    (1, 'A first', 1, 1), (2, 'A second', 1, 1), (3, 'A no sla', 1, NULL), (4, 'B', 2, 1);
INSERT INTO frontline.agents (id, role_name, display_name, team_id, languages, skills, active) VALUES
    (1, 'fl070_en',  'English only', 1, '{en}',    '{Billing}', true),
    (2, 'fl070_ru',  'Russian',      1, '{ru,en}', '{}',        true),
    (3, 'fl070_any', 'Any language', 1, '{}',      '{billing, API }', true),
    (4, 'fl070_b',   'Team B',       2, '{en,ru}', '{billing,api}', true),
    (5, 'fl070_off', 'Gone',         1, '{en,ru}', '{billing,api}', false),
    (11, 'fl070_s1', 'S1', 1, '{}', '{}', true), (12, 'fl070_s2', 'S2', 1, '{}', '{}', true),
    (13, 'fl070_s3', 'S3', 1, '{}', '{}', true), (14, 'fl070_s4', 'S4', 1, '{}', '{}', true);
INSERT INTO frontline.customers (id, name, language) VALUES (1, 'Eve', 'en'), (2, 'Ivan', 'ru'), (3, 'Jan', 'pl');

-- ---------------------------------------------------------------------------
-- Fit and order.
-- ---------------------------------------------------------------------------
SELECT set_config('fl.base', frontline.ts_text(now()), false) AS base \gset
CREATE TEMP TABLE plan (id bigint, queue_id bigint, customer_id bigint, priority text, ago interval,
                        tags text[], status text, pending_ago interval);
INSERT INTO plan VALUES
    (1,  2, 2, 'normal', '3 hours',    '{}',            'open', NULL),  -- ru, breached 60 min (queue 2)
    (2,  1, 1, 'normal', '150 minutes','{skill:api}',   'open', NULL),  -- en, api, breached 30 min
    (3,  1, 1, 'urgent', '40 minutes', '{}',            'new',  NULL),  -- en, breached 10 min
    (4,  2, 1, 'high',   '30 minutes', '{skill:billing}','new', NULL),  -- en, billing, due in 30 min
    (5,  1, 3, 'normal', '60 minutes', '{}',            'new',  NULL),  -- pl, due in 60 min
    (6,  1, 1, 'normal', '60 minutes', '{}',            'open', NULL),  -- en, due in 60 min too, older id... same age: by id
    (7,  2, 1, 'low',    '2 hours',    '{}',            'open', '1 hour'),   -- paused, 3 h left
    (8,  1, 1, 'normal', '30 minutes', '{vip}',         'open', '20 minutes'), -- paused, 110 min left
    (9,  3, 1, 'normal', '50 minutes', '{}',            'new',  NULL),  -- no clock
    (10, 3, 1, 'urgent', '5 minutes',  '{}',            'new',  NULL),  -- no clock, urgent first
    (11, 4, 1, 'urgent', '4 hours',    '{}',            'open', NULL),  -- team B's, most breached of all
    (12, 1, 1, 'urgent', '5 hours',    '{}',            'solved', NULL);-- done
DO $$
DECLARE
    p record;
    v_base timestamptz := current_setting('fl.base')::timestamptz;
BEGIN
    FOR p IN SELECT * FROM plan ORDER BY id LOOP
        PERFORM pg_temp.at(v_base - p.ago);
        INSERT INTO frontline.tickets (id, customer_id, queue_id, priority, subject, status, tags)
        VALUES (p.id, p.customer_id, p.queue_id, p.priority, 'ticket ' || p.id,
                CASE WHEN p.pending_ago IS NOT NULL THEN 'open' ELSE p.status END, p.tags);
        IF p.pending_ago IS NOT NULL THEN
            PERFORM pg_temp.at(v_base - p.pending_ago);
            UPDATE frontline.tickets SET status = 'pending' WHERE id = p.id;
        END IF;
    END LOOP;
END $$;
RESET frontline.now;
SELECT setval(pg_get_serial_sequence('frontline.tickets', 'id'), 100000) AS bumped \gset

DO $$ BEGIN
    PERFORM pg_temp.expect('fits: language in the list', true, frontline.ticket_fits('en', '{}', '{en}', '{}'));
    PERFORM pg_temp.expect('fits: language not in the list', false, frontline.ticket_fits('ru', '{}', '{en}', '{}'));
    PERFORM pg_temp.expect('fits: no languages = any', true, frontline.ticket_fits('pl', '{}', '{}', '{}'));
    PERFORM pg_temp.expect('fits: ticket without language', true, frontline.ticket_fits(NULL, '{}', '{en}', '{}'));
    PERFORM pg_temp.expect('fits: skill missing', false, frontline.ticket_fits('en', '{skill:api,vip}', '{en}', '{billing}'));
    PERFORM pg_temp.expect('fits: every skill present', true,
        frontline.ticket_fits('en', '{skill:api,Skill:Billing,vip}', '{en}', '{billing,api}'));
    PERFORM pg_temp.expect('fits: other tags do not matter', true, frontline.ticket_fits('en', '{vip,api}', '{en}', '{}'));
END $$;

-- The expected order: agent_queue's, for an agent that fits everything,
-- unassigned tickets only.
SET ROLE fl070_any;
CREATE TEMP TABLE expected_order AS
SELECT row_number() OVER () AS n, q.id FROM frontline.agent_queue(100) q WHERE q.assignee IS NULL;
RESET ROLE;
DO $$ BEGIN
    PERFORM pg_temp.expect('agent_queue order of the fixture', ARRAY[1, 2, 3, 4, 5, 6, 8, 7, 10, 9]::bigint[],
        (SELECT array_agg(id ORDER BY n) FROM expected_order));
END $$;

-- English only, billing: not 1 (ru), not 2 (api), not 5 (pl).
SET ROLE fl070_en;
DO $$
DECLARE
    v bigint;
BEGIN
    v := frontline.take_next();
    PERFORM pg_temp.expect('en: the most urgent that fits', 3::bigint, v);
    PERFORM pg_temp.expect('en: assigned to me', 1::bigint, (SELECT assignee_id FROM frontline.tickets WHERE id = 3));
    PERFORM pg_temp.expect('en: new became open', 'open', (SELECT status FROM frontline.tickets WHERE id = 3));
    PERFORM pg_temp.expect('en: then the billing one', 4::bigint, frontline.take_next());
END $$;
RESET ROLE;

-- Russian, no skills: 1 (ru) first; never 2 (api) nor 4 (billing).
SET ROLE fl070_ru;
DO $$ BEGIN
    PERFORM pg_temp.expect('ru: the Russian ticket', 1::bigint, frontline.take_next());
    PERFORM pg_temp.expect('ru: then the next one that fits (not 2: skill:api)', 6::bigint, frontline.take_next());
    PERFORM pg_temp.expect('ru: open stays open', 'open', (SELECT status FROM frontline.tickets WHERE id = 6));
END $$;
RESET ROLE;

-- Team B never gets team A's tickets, and team A never ticket 11.
SET ROLE fl070_b;
DO $$ BEGIN
    PERFORM pg_temp.expect('b: its own team''s ticket', 11::bigint, frontline.take_next());
    PERFORM pg_temp.expect('b: nothing else', NULL::bigint, frontline.take_next());
END $$;
RESET ROLE;
-- Inactive agents and roles that are not agents take nothing.
SET ROLE fl070_off;
DO $$ BEGIN
    PERFORM pg_temp.expect('inactive agent', NULL::bigint, frontline.take_next());
END $$;
RESET ROLE;

-- A ticket without a language fits everyone.
UPDATE frontline.tickets SET language = NULL WHERE id = 5;
SET ROLE fl070_en;
DO $$ BEGIN
    PERFORM pg_temp.expect('en: a ticket without language', 5::bigint, frontline.take_next());
END $$;
RESET ROLE;

-- Any language, billing and api: the rest, in agent_queue's order; a
-- pending ticket stays pending.
SET ROLE fl070_any;
DO $$
DECLARE
    v bigint;
    v_got bigint[] := '{}';
BEGIN
    LOOP
        v := frontline.take_next();
        EXIT WHEN v IS NULL;
        v_got := v_got || v;
        EXIT WHEN cardinality(v_got) > 20;
    END LOOP;
    PERFORM pg_temp.expect('any: the rest in urgency order',
        ARRAY(SELECT e.id FROM expected_order e WHERE e.id NOT IN (1, 3, 4, 5, 6) ORDER BY e.n), v_got);
    PERFORM pg_temp.expect('any: pending stays pending', 'pending', (SELECT status FROM frontline.tickets WHERE id = 7));
    PERFORM pg_temp.expect('any: all mine', 0::bigint,
        (SELECT count(*) FROM frontline.tickets WHERE id = ANY (v_got) AND assignee_id IS DISTINCT FROM 3));
END $$;
RESET ROLE;
DO $$ BEGIN
    PERFORM pg_temp.expect('solved ticket never taken', NULL::bigint, (SELECT assignee_id FROM frontline.tickets WHERE id = 12));
    PERFORM pg_temp.expect('take_next runs with the caller''s rights', false,
        (SELECT prosecdef FROM pg_proc WHERE oid = 'frontline.take_next()'::regprocedure));
    PERFORM pg_temp.expect('take_next signature', 'bigint', pg_get_function_result('frontline.take_next()'::regprocedure));
END $$;

-- ---------------------------------------------------------------------------
-- Two takers at the same moment, deterministic: a second session takes the
-- most urgent ticket and holds its transaction open; this session must get
-- the next one at once (SKIP LOCKED, no waiting), and after both commit
-- each ticket has exactly one assignee.
-- ---------------------------------------------------------------------------
INSERT INTO frontline.tickets (id, customer_id, queue_id, priority, subject)
VALUES (201, 1, 1, 'urgent', 'first'), (202, 1, 2, 'high', 'second'), (203, 1, 1, 'low', 'third');
SELECT pg_advisory_lock(70701) AS x \gset
\! PGAPPNAME=fl070_holder psql -X -q -v ON_ERROR_STOP=1 -c "SET ROLE fl070_s1" -c "BEGIN" -c "SELECT frontline.take_next()" -c "SELECT pg_advisory_lock(70701)" -c "COMMIT" >/dev/null 2>&1 &
CALL pg_temp.wait_for($$SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                                        WHERE application_name = 'fl070_holder' AND datname = current_database()
                                          AND wait_event_type = 'Lock' AND backend_xid IS NOT NULL)$$,
                      'the holder to take a ticket and wait');
SET lock_timeout = '2s';        -- waiting for the holder's row would fail here
SET ROLE fl070_s2;
SELECT frontline.take_next() AS second_take \gset
RESET ROLE;
RESET lock_timeout;
SELECT set_config('fl.second', :'second_take', false) AS x \gset
DO $$ BEGIN
    PERFORM pg_temp.expect('second taker skips the locked ticket', 202::bigint, current_setting('fl.second')::bigint);
    PERFORM pg_temp.expect('the holder''s ticket is not yet assigned (uncommitted)', NULL::bigint,
        (SELECT assignee_id FROM frontline.tickets WHERE id = 201));
END $$;
SELECT pg_advisory_unlock(70701) AS x \gset
CALL pg_temp.wait_for($$SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = 'fl070_holder')$$,
                      'the holder to commit');
DO $$ BEGIN
    PERFORM pg_temp.expect('holder got the most urgent', 11::bigint, (SELECT assignee_id FROM frontline.tickets WHERE id = 201));
    PERFORM pg_temp.expect('second got the next', 12::bigint, (SELECT assignee_id FROM frontline.tickets WHERE id = 202));
    PERFORM pg_temp.expect('the third is still free', NULL::bigint, (SELECT assignee_id FROM frontline.tickets WHERE id = 203));
END $$;
UPDATE frontline.tickets SET status = 'closed' WHERE id = 203;

-- ---------------------------------------------------------------------------
-- Four sessions race through 240 tickets: every ticket taken exactly once,
-- every take by a distinct ticket, nobody errors (each session logs a final
-- null when it runs dry).
-- ---------------------------------------------------------------------------
CREATE TABLE public.fl070_log (agent name NOT NULL DEFAULT current_user, ticket_id bigint, at timestamptz DEFAULT clock_timestamp());
GRANT INSERT ON public.fl070_log TO frontline_agent;
CREATE PROCEDURE public.fl070_take_all() LANGUAGE plpgsql AS $$
DECLARE
    v bigint;
BEGIN
    LOOP
        v := frontline.take_next();
        INSERT INTO public.fl070_log (ticket_id) VALUES (v);
        COMMIT;
        EXIT WHEN v IS NULL;
    END LOOP;
END $$;
GRANT EXECUTE ON PROCEDURE public.fl070_take_all() TO frontline_agent;
INSERT INTO frontline.tickets (id, customer_id, queue_id, priority, subject, created_at)
SELECT 1000 + i, 1 + i % 3, 1 + i % 3, (ARRAY['low', 'normal', 'high', 'urgent'])[1 + i % 4], 'race ' || i,
       now() - i * interval '1 minute'
  FROM generate_series(1, 240) i;
ANALYZE frontline.tickets;
SELECT pg_advisory_lock(70702) AS x \gset
\! for s in 1 2 3 4; do PGAPPNAME=fl070_racer psql -X -q -v ON_ERROR_STOP=1 -c "SELECT pg_advisory_lock_shared(70702)" -c "SET ROLE fl070_s$s" -c "CALL public.fl070_take_all()" >/dev/null 2>&1 & done
CALL pg_temp.wait_for($$SELECT count(*) = 4 FROM pg_stat_activity
                         WHERE application_name = 'fl070_racer' AND datname = current_database()
                           AND wait_event_type = 'Lock'$$,
                      'four racers at the start line');
SELECT pg_advisory_unlock(70702) AS x \gset
CALL pg_temp.wait_for($$SELECT count(*) = 4 FROM public.fl070_log WHERE ticket_id IS NULL$$,
                      'four racers to finish (one of them failed if this times out)');
DO $$ BEGIN
    PERFORM pg_temp.expect('race: takes', 240::bigint, (SELECT count(ticket_id) FROM public.fl070_log));
    PERFORM pg_temp.expect('race: distinct tickets', 240::bigint, (SELECT count(DISTINCT ticket_id) FROM public.fl070_log));
    PERFORM pg_temp.expect('race: every ticket taken', 0::bigint,
        (SELECT count(*) FROM frontline.tickets WHERE id > 1000 AND assignee_id IS NULL));
    PERFORM pg_temp.expect('race: assignee = the session that took it', 0::bigint,
        (SELECT count(*) FROM public.fl070_log l JOIN frontline.tickets t ON t.id = l.ticket_id
           JOIN frontline.agents a ON a.id = t.assignee_id WHERE a.role_name <> l.agent));
    PERFORM pg_temp.expect('race: all four took some', 4::bigint,
        (SELECT count(DISTINCT agent) FROM public.fl070_log WHERE ticket_id IS NOT NULL));
END $$;

-- ---------------------------------------------------------------------------
-- Reads the urgency index, never scans tickets, and is fast with a big
-- backlog (closed tickets, thousands of open ones in both teams, nine in
-- ten of them needing a skill the agent lacks, one queue with none that
-- fits: the cost is the tickets walked past, a few microseconds each).
-- ---------------------------------------------------------------------------
INSERT INTO frontline.tickets (id, customer_id, queue_id, subject, status, created_at)
SELECT 10000 + i, 1, 1 + i % 4, 'old ' || i, 'closed', now() - i * interval '1 hour'
  FROM generate_series(1, 1000) i;
INSERT INTO frontline.tickets (id, customer_id, queue_id, priority, subject, tags)
SELECT 20000 + i, 1 + i % 2, 1 + i % 4, 'normal', 'backlog ' || i,
       CASE WHEN i % 10 = 0 THEN '{}'::text[] ELSE '{skill:api}' END
  FROM generate_series(1, 2000) i;
ANALYZE frontline.tickets;
SELECT pg_stat_force_next_flush() AS flushed \gset
SELECT 1 AS idle \gset
SELECT pg_stat_clear_snapshot() AS cleared \gset
CREATE TEMP TABLE stats0 AS
SELECT (SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = 'tickets_unassigned_urgency_idx') AS idx,
       (SELECT seq_scan FROM pg_stat_user_tables WHERE relid = 'frontline.tickets'::regclass) AS seq;
SET ROLE fl070_en;          -- no 'api' skill: nine tickets in ten do not fit
SELECT clock_timestamp() AS t0 \gset
SELECT count(frontline.take_next()) AS n FROM generate_series(1, 50) \gset
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000 / 50 AS ms \gset
RESET ROLE;
SELECT pg_stat_force_next_flush() AS flushed \gset
SELECT 1 AS idle \gset
SELECT pg_stat_clear_snapshot() AS cleared \gset
SELECT set_config('fl.ms', :'ms', false), set_config('fl.n', :'n', false) AS x \gset
\echo take_next ms per take: :ms
DO $$
DECLARE
    s0 record;
    v_idx bigint;
    v_seq bigint;
BEGIN
    SELECT * INTO s0 FROM stats0;
    SELECT idx_scan INTO v_idx FROM pg_stat_user_indexes WHERE indexrelname = 'tickets_unassigned_urgency_idx';
    SELECT seq_scan INTO v_seq FROM pg_stat_user_tables WHERE relid = 'frontline.tickets'::regclass;
    PERFORM pg_temp.expect('backlog: 50 takes', 50, current_setting('fl.n')::int);
    IF v_idx IS NULL OR s0.idx IS NULL OR v_idx <= s0.idx THEN
        RAISE EXCEPTION 'take_next: expected scans of tickets_unassigned_urgency_idx, got % before and % after', s0.idx, v_idx;
    END IF;
    PERFORM pg_temp.expect('take_next: sequential scans of tickets', s0.seq, v_seq);
    IF current_setting('fl.ms')::numeric > 20 THEN
        RAISE EXCEPTION 'take_next: % ms per take on a backlog of 2000, expected under 20', current_setting('fl.ms');
    END IF;
    PERFORM pg_temp.expect('backlog: only fitting tickets', 0::bigint,
        (SELECT count(*) FROM frontline.tickets WHERE assignee_id = 1 AND 'skill:api' = ANY (tags)));
END $$;

DROP PROCEDURE public.fl070_take_all();
DROP TABLE public.fl070_log;
DROP OWNED BY fl070_en, fl070_ru, fl070_any, fl070_b, fl070_off, fl070_s1, fl070_s2, fl070_s3, fl070_s4;
DROP ROLE fl070_en, fl070_ru, fl070_any, fl070_b, fl070_off, fl070_s1, fl070_s2, fl070_s3, fl070_s4;
