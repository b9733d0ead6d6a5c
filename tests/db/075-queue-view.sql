-- 075-queue-view.sql: frontline.queue_view() per view (mine, team, all,
-- waiting, breached) for agents of two teams and a supervisor, in
-- agent_queue's order and with its columns; queue_counts(); the viewers
-- column from presence (others only, replying first, stale heartbeats
-- hidden); limits; index use with a big backlog.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

CREATE FUNCTION pg_temp.at(t timestamptz) RETURNS void LANGUAGE sql AS $$
    SELECT set_config('frontline.now', frontline.ts_text(t), false)
$$;

-- pg_temp.ids(view, limit): the ids of a view, in order.
CREATE FUNCTION pg_temp.ids(p_view text, p_limit integer DEFAULT 100) RETURNS bigint[]
LANGUAGE sql AS $$
    SELECT coalesce(array_agg(v.id), '{}') FROM frontline.queue_view(p_view, p_limit) v
$$;

-- pg_temp.counts(): 'mine=3 team=10 ...'.
CREATE FUNCTION pg_temp.counts() RETURNS text
LANGUAGE sql AS $$
    SELECT string_agg(c.view || '=' || c.n, ' ') FROM frontline.queue_counts() c
$$;

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fl075_a1', 'fl075_a2', 'fl075_b1', 'fl075_sup', 'fl075_none'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl075_a1, fl075_a2, fl075_b1;
GRANT frontline_supervisor TO fl075_sup;

INSERT INTO frontline.sla_policies (id, name) VALUES (1, 'round the clock');
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes, next_response_minutes, resolution_minutes) VALUES
    (1, 'low', 240, 480, 1440), (1, 'normal', 120, 240, 960),
    (1, 'high', 60, 120, 480), (1, 'urgent', 30, 60, 240);
INSERT INTO frontline.teams (id, name) VALUES (1, 'A'), (2, 'B');
INSERT INTO frontline.queues (id, name, team_id, default_policy_id) VALUES
    (1, 'A main', 1, 1), (2, 'A no sla', 1, NULL), (3, 'B main', 2, 1);
INSERT INTO frontline.agents (id, role_name, display_name, team_id, is_supervisor) VALUES
    (1, 'fl075_a1', 'Anna One', 1, false),
    (2, 'fl075_a2', 'Adam Two', 1, false),
    (3, 'fl075_b1', 'Bea One', 2, false),
    (4, 'fl075_sup', 'Sam Super', 1, true);
INSERT INTO frontline.customers (id, name) VALUES (1, 'Customer One'), (2, 'Customer Two');

SELECT set_config('fl.base', frontline.ts_text(now()), false) AS base \gset
CREATE TEMP TABLE plan (id bigint, queue_id bigint, priority text, ago interval,
                        assignee_id bigint, pause_ago interval, status text);
INSERT INTO plan VALUES
    (1,  1, 'normal', '3 hours',    NULL, NULL, 'open'),    -- breached 60 min
    (2,  1, 'urgent', '1 hour',     NULL, NULL, 'open'),    -- breached 30 min
    (3,  1, 'high',   '10 minutes', NULL, NULL, 'open'),    -- due in 50 min
    (4,  1, 'normal', '1 hour',     NULL, NULL, 'open'),    -- due in 60 min
    (5,  1, 'low',    '2 hours',    NULL, '1 hour', 'pending'),      -- paused, 3 h left
    (6,  1, 'normal', '30 minutes', NULL, '20 minutes', 'pending'),  -- paused, 110 min left
    (7,  2, 'normal', '50 minutes', NULL, NULL, 'open'),    -- no clock
    (8,  2, 'urgent', '5 minutes',  NULL, NULL, 'new'),     -- no clock, urgent
    (9,  1, 'normal', '2 hours',    2,    NULL, 'open'),    -- a2's, due right at the base time: breached
    (10, 3, 'normal', '5 minutes',  1,    NULL, 'open'),    -- a1's, in team B's queue, due in 115 min
    (11, 3, 'normal', '1 hour',     NULL, NULL, 'open'),    -- team B's, due in 60 min
    (12, 1, 'urgent', '4 hours',    NULL, NULL, 'solved'),  -- done
    (13, 1, 'urgent', '10 minutes', NULL, NULL, 'open'),    -- due in 20 min
    (14, 1, 'high',   '40 minutes', NULL, NULL, 'open'),    -- due in 20 min too: urgent first
    (15, 1, 'normal', '7 minutes',  1,    NULL, 'open'),    -- a1's, due in 113 min
    (16, 1, 'urgent', '50 minutes', 1,    '10 minutes', 'on_hold'), -- a1's, put on hold 10 min after its due: paused, breached
    (17, 3, 'urgent', '2 hours',    NULL, NULL, 'open');    -- team B's, breached 90 min
DO $$
DECLARE
    p record;
    v_base timestamptz := current_setting('fl.base')::timestamptz;
BEGIN
    FOR p IN SELECT * FROM plan ORDER BY id LOOP
        PERFORM pg_temp.at(v_base - p.ago);
        INSERT INTO frontline.tickets (id, customer_id, queue_id, priority, assignee_id, subject, status, tags)
        VALUES (p.id, 1 + p.id % 2, p.queue_id, p.priority, p.assignee_id, 'ticket ' || p.id,
                CASE WHEN p.pause_ago IS NOT NULL THEN 'open' ELSE p.status END,
                CASE WHEN p.id = 1 THEN '{billing,vip}'::text[] ELSE '{}' END);
        IF p.pause_ago IS NOT NULL THEN
            PERFORM pg_temp.at(v_base - p.pause_ago);
            UPDATE frontline.tickets SET status = p.status WHERE id = p.id;
        END IF;
    END LOOP;
END $$ ;
RESET frontline.now;
SELECT setval(pg_get_serial_sequence('frontline.tickets', 'id'), 100000) AS bumped \gset

-- ---------------------------------------------------------------------------
-- The contract.
-- ---------------------------------------------------------------------------
DO $$ BEGIN
    PERFORM pg_temp.expect('queue_view signature',
        'TABLE(id bigint, priority text, status text, channel text, customer_name text, subject text, '
        'created_at timestamp with time zone, assignee text, clock text, clock_state text, '
        'due_at timestamp with time zone, remaining interval, language text, '
        'assignee_id bigint, tags text[], updated_at timestamp with time zone, viewers text)',
        pg_get_function_result('frontline.queue_view(text, integer)'::regprocedure));
    PERFORM pg_temp.expect('queue_counts signature', 'TABLE(view text, n bigint)',
        pg_get_function_result('frontline.queue_counts()'::regprocedure));
    PERFORM pg_temp.expect('queue_view runs with the caller''s rights', false,
        (SELECT prosecdef FROM pg_proc WHERE oid = 'frontline.queue_view(text, integer)'::regprocedure));
END $$;

-- ---------------------------------------------------------------------------
-- Agent of team A.
-- ---------------------------------------------------------------------------
SET ROLE fl075_a1;
DO $$
DECLARE
    r record;
BEGIN
    PERFORM pg_temp.expect('a1 mine', ARRAY[15, 10, 16]::bigint[], pg_temp.ids('mine'));
    PERFORM pg_temp.expect('a1 team', ARRAY[1, 2, 13, 14, 3, 4, 6, 5, 8, 7]::bigint[], pg_temp.ids('team'));
    PERFORM pg_temp.expect('a1 all', ARRAY[1, 2, 9, 13, 14, 3, 4, 15, 10, 16, 6, 5, 8, 7]::bigint[], pg_temp.ids('all'));
    PERFORM pg_temp.expect('a1 waiting', ARRAY[16, 6, 5]::bigint[], pg_temp.ids('waiting'));
    PERFORM pg_temp.expect('a1 breached', ARRAY[1, 2, 9, 16]::bigint[], pg_temp.ids('breached'));
    PERFORM pg_temp.expect('a1 counts', 'mine=3 team=10 all=14 waiting=3 breached=4', pg_temp.counts());

    PERFORM pg_temp.expect('a1 team, limit 3', ARRAY[1, 2, 13]::bigint[], pg_temp.ids('team', 3));
    PERFORM pg_temp.expect('a1 all, limit 5', ARRAY[1, 2, 9, 13, 14]::bigint[], pg_temp.ids('all', 5));
    PERFORM pg_temp.expect('a1 all, limit 11 (into the paused ones)',
        ARRAY[1, 2, 9, 13, 14, 3, 4, 15, 10, 16, 6]::bigint[], pg_temp.ids('all', 11));
    PERFORM pg_temp.expect('limit 0', '{}'::bigint[], pg_temp.ids('all', 0));
    PERFORM pg_temp.expect('limit null', '{}'::bigint[], pg_temp.ids('all', NULL));

    -- The columns.
    SELECT * INTO r FROM frontline.queue_view('all', 100) v WHERE v.id = 1;
    PERFORM pg_temp.expect('breached state', 'breached', r.clock_state);
    PERFORM pg_temp.expect('breached clock', 'first_response', r.clock);
    PERFORM pg_temp.expect('breached remaining', true, r.remaining < interval '-59 minutes');
    PERFORM pg_temp.expect('customer', 'Customer Two', r.customer_name);
    PERFORM pg_temp.expect('tags', '{billing,vip}'::text[], r.tags);
    PERFORM pg_temp.expect('updated_at', true, r.updated_at IS NOT NULL);
    PERFORM pg_temp.expect('unassigned', NULL::bigint, r.assignee_id);
    SELECT * INTO r FROM frontline.queue_view('all', 100) v WHERE v.id = 16;
    PERFORM pg_temp.expect('paused state', 'paused', r.clock_state);
    PERFORM pg_temp.expect('paused clock', 'first_response', r.clock);
    PERFORM pg_temp.expect('paused after due: negative frozen remaining', interval '-10 minutes', r.remaining);
    PERFORM pg_temp.expect('paused due', current_setting('fl.base')::timestamptz - interval '20 minutes', r.due_at);
    PERFORM pg_temp.expect('assignee id', 1::bigint, r.assignee_id);
    PERFORM pg_temp.expect('assignee name', 'Anna One', r.assignee);
    PERFORM pg_temp.expect('status', 'on_hold', r.status);
    SELECT * INTO r FROM frontline.queue_view('all', 100) v WHERE v.id = 8;
    PERFORM pg_temp.expect('no clock', NULL::text, r.clock_state);
    PERFORM pg_temp.expect('no clock, no due', NULL::timestamptz, r.due_at);
    PERFORM pg_temp.expect('no clock, no remaining', NULL::interval, r.remaining);
    PERFORM pg_temp.expect('language', 'en', r.language);
    PERFORM pg_temp.expect('nobody viewing', NULL::text, r.viewers);

    BEGIN
        PERFORM pg_temp.ids('everything');
        RAISE EXCEPTION 'an unknown view was accepted';
    EXCEPTION WHEN invalid_parameter_value THEN
        PERFORM pg_temp.expect('unknown view message', true, SQLERRM LIKE '%unknown queue view "everything"%');
    END;
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- Agent of team B: nothing of team A, ever.
-- ---------------------------------------------------------------------------
SET ROLE fl075_b1;
DO $$ BEGIN
    PERFORM pg_temp.expect('b1 mine', '{}'::bigint[], pg_temp.ids('mine'));
    PERFORM pg_temp.expect('b1 team', ARRAY[17, 11]::bigint[], pg_temp.ids('team'));
    PERFORM pg_temp.expect('b1 all (a1''s ticket sits in B''s queue)', ARRAY[17, 11, 10]::bigint[], pg_temp.ids('all'));
    PERFORM pg_temp.expect('b1 waiting', '{}'::bigint[], pg_temp.ids('waiting'));
    PERFORM pg_temp.expect('b1 breached', ARRAY[17]::bigint[], pg_temp.ids('breached'));
    PERFORM pg_temp.expect('b1 counts', 'mine=0 team=2 all=3 waiting=0 breached=1', pg_temp.counts());
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- Supervisor (member of team A): 'all' is every open ticket, exactly
-- agent_queue's rows in agent_queue's order.
-- ---------------------------------------------------------------------------
SET ROLE fl075_sup;
DO $$ BEGIN
    PERFORM pg_temp.expect('sup all', ARRAY[17, 1, 2, 9, 13, 14, 3, 4, 11, 15, 10, 16, 6, 5, 8, 7]::bigint[], pg_temp.ids('all'));
    PERFORM pg_temp.expect('sup all = agent_queue, row by row',
        (SELECT array_agg(q::text) FROM frontline.agent_queue(100) q),
        (SELECT array_agg((v.id, v.priority, v.status, v.channel, v.customer_name, v.subject, v.created_at,
                           v.assignee, v.clock, v.clock_state, v.due_at, v.remaining, v.language)::text)
           FROM frontline.queue_view('all', 100) v));
    PERFORM pg_temp.expect('sup team (own team''s queues)', ARRAY[1, 2, 13, 14, 3, 4, 6, 5, 8, 7]::bigint[], pg_temp.ids('team'));
    PERFORM pg_temp.expect('sup mine', '{}'::bigint[], pg_temp.ids('mine'));
    PERFORM pg_temp.expect('sup breached', ARRAY[17, 1, 2, 9, 16]::bigint[], pg_temp.ids('breached'));
    PERFORM pg_temp.expect('sup waiting', ARRAY[16, 6, 5]::bigint[], pg_temp.ids('waiting'));
    PERFORM pg_temp.expect('sup counts', 'mine=0 team=10 all=16 waiting=3 breached=5', pg_temp.counts());
END $$;
RESET ROLE;

-- A role that is no agent and no supervisor sees nothing.
GRANT frontline_agent TO fl075_none;
SET ROLE fl075_none;
DO $$ BEGIN
    PERFORM pg_temp.expect('none: all', '{}'::bigint[], pg_temp.ids('all'));
    PERFORM pg_temp.expect('none: counts', 'mine=0 team=0 all=0 waiting=0 breached=0', pg_temp.counts());
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- Viewers: a2 views ticket 1, the supervisor replies on it, a1 views 2.
-- ---------------------------------------------------------------------------
SET ROLE fl075_a2;
SELECT frontline.presence_touch(1, 'viewing') AS x \gset
RESET ROLE;
SET ROLE fl075_sup;
SELECT frontline.presence_touch(1, 'replying') AS x \gset
RESET ROLE;
SET ROLE fl075_a1;
SELECT frontline.presence_touch(2, 'viewing') AS x \gset
DO $$ BEGIN
    PERFORM pg_temp.expect('a1 sees who is on ticket 1', 'Sam Super (replying), Adam Two',
        (SELECT viewers FROM frontline.queue_view('team', 100) WHERE id = 1));
    PERFORM pg_temp.expect('a1 is not listed on its own ticket', NULL::text,
        (SELECT viewers FROM frontline.queue_view('team', 100) WHERE id = 2));
END $$;
RESET ROLE;
SET ROLE fl075_a2;
DO $$ BEGIN
    PERFORM pg_temp.expect('a2 sees a1 on ticket 2', 'Anna One',
        (SELECT viewers FROM frontline.queue_view('all', 100) WHERE id = 2));
    PERFORM pg_temp.expect('a2 sees the supervisor, not itself, on ticket 1', 'Sam Super (replying)',
        (SELECT viewers FROM frontline.queue_view('all', 100) WHERE id = 1));
END $$;
RESET ROLE;
-- A heartbeat older than 60 s is not shown.
UPDATE frontline.presence SET heartbeat_at = now() - interval '61 seconds' WHERE agent_id = 4;
SET ROLE fl075_a1;
DO $$ BEGIN
    PERFORM pg_temp.expect('stale presence hidden', 'Adam Two',
        (SELECT viewers FROM frontline.queue_view('team', 100) WHERE id = 1));
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- A big backlog: the views read the urgency indexes (no sequential scan of
-- tickets), pages stay fast, counts stay cheap.
-- ---------------------------------------------------------------------------
INSERT INTO frontline.tickets (id, customer_id, queue_id, subject, status, created_at)
SELECT 10000 + i, 1, 1 + i % 3, 'old ' || i, 'closed', now() - i * interval '1 hour'
  FROM generate_series(1, 2000) i;
INSERT INTO frontline.tickets (id, customer_id, queue_id, priority, assignee_id, subject, status)
SELECT 20000 + i, 1, 1 + i % 3, 'low', CASE WHEN i % 3 = 0 THEN 2 END, 'busy ' || i,
       CASE WHEN i % 7 = 0 THEN 'pending' ELSE 'open' END
  FROM generate_series(1, 3000) i;
ANALYZE frontline.tickets;
SELECT pg_stat_force_next_flush() AS flushed \gset
SELECT 1 AS idle \gset
SELECT pg_stat_clear_snapshot() AS cleared \gset
CREATE TEMP TABLE stats0 AS
SELECT (SELECT seq_scan FROM pg_stat_user_tables WHERE relid = 'frontline.tickets'::regclass) AS seq;
CREATE TEMP TABLE timing (who text, what text, ms numeric);
GRANT INSERT ON timing TO PUBLIC;
SET ROLE fl075_a1;
DO $$
DECLARE
    v text;
    t0 timestamptz;
BEGIN
    FOREACH v IN ARRAY ARRAY['mine', 'team', 'all', 'waiting', 'breached'] LOOP
        t0 := clock_timestamp();
        FOR i IN 1..10 LOOP
            PERFORM count(*) FROM frontline.queue_view(v, 50);
        END LOOP;
        INSERT INTO timing VALUES ('a1', v, extract(epoch FROM clock_timestamp() - t0) * 100);
    END LOOP;
    t0 := clock_timestamp();
    FOR i IN 1..10 LOOP
        PERFORM count(*) FROM frontline.queue_counts();
    END LOOP;
    INSERT INTO timing VALUES ('a1', 'counts', extract(epoch FROM clock_timestamp() - t0) * 100);
    PERFORM pg_temp.expect('backlog: a1 team page', 50::bigint, (SELECT count(*) FROM frontline.queue_view('team', 50)));
    PERFORM pg_temp.expect('backlog: a1 waiting page starts with the paused ones', ARRAY[16, 6, 5]::bigint[],
        (pg_temp.ids('waiting', 50))[1:3]);
    PERFORM pg_temp.expect('backlog: a1 counts', 'mine=3 team=1010 all=2014 waiting=288 breached=4', pg_temp.counts());
END $$;
RESET ROLE;
SET ROLE fl075_sup;
DO $$
DECLARE
    v text;
    t0 timestamptz;
BEGIN
    FOREACH v IN ARRAY ARRAY['team', 'all', 'waiting', 'breached'] LOOP
        t0 := clock_timestamp();
        FOR i IN 1..10 LOOP
            PERFORM count(*) FROM frontline.queue_view(v, 50);
        END LOOP;
        INSERT INTO timing VALUES ('sup', v, extract(epoch FROM clock_timestamp() - t0) * 100);
    END LOOP;
END $$;
RESET ROLE;
SELECT pg_stat_force_next_flush() AS flushed \gset
SELECT 1 AS idle \gset
SELECT pg_stat_clear_snapshot() AS cleared \gset
SELECT string_agg(who || ' ' || what || ' ' || round(ms, 2) || ' ms', ', ') AS timings FROM timing \gset
\echo queue_view timings: :timings
DO $$
DECLARE
    r record;
BEGIN
    PERFORM pg_temp.expect('queue views: sequential scans of tickets',
        (SELECT seq FROM stats0), (SELECT seq_scan FROM pg_stat_user_tables WHERE relid = 'frontline.tickets'::regclass));
    FOR r IN SELECT * FROM timing LOOP
        IF r.ms > 15 THEN
            RAISE EXCEPTION 'queue view %/% took % ms per call, expected under 15', r.who, r.what, r.ms;
        END IF;
    END LOOP;
END $$;

DROP OWNED BY fl075_a1, fl075_a2, fl075_b1, fl075_sup, fl075_none;
DROP ROLE fl075_a1, fl075_a2, fl075_b1, fl075_sup, fl075_none;
