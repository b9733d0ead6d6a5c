-- 030-agent-queue.sql: frontline.agent_queue(): who sees what, in which
-- order, and that it reads the (queue_id, sla_due_at) index.
-- The agents cannot move frontline.sla_now(), so the tickets are created (as the
-- superuser) at times relative to the real now().
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

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fl030_a1', 'fl030_a2', 'fl030_b1', 'fl030_sup'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl030_a1, fl030_a2, fl030_b1;
GRANT frontline_supervisor TO fl030_sup;

-- 24/7 policy (no calendar) so that due times are plain wall-clock sums.
INSERT INTO frontline.sla_policies (id, name) VALUES (1, 'round the clock');
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes, next_response_minutes, resolution_minutes) VALUES
    (1, 'low', 240, 480, 1440), (1, 'normal', 120, 240, 960),
    (1, 'high', 60, 120, 480), (1, 'urgent', 30, 60, 240);
INSERT INTO frontline.teams (id, name) VALUES (1, 'A'), (2, 'B');
INSERT INTO frontline.queues (id, name, team_id, default_policy_id) VALUES
    (1, 'A main', 1, 1), (2, 'A no sla', 1, NULL), (3, 'B main', 2, 1);
INSERT INTO frontline.agents (id, role_name, display_name, team_id, is_supervisor) VALUES
    (1, 'fl030_a1', 'Anna One', 1, false),
    (2, 'fl030_a2', 'Adam Two', 1, false),
    (3, 'fl030_b1', 'Bea One', 2, false),
    (4, 'fl030_sup', 'Sam Super', 1, true);
INSERT INTO frontline.customers (id, name) VALUES (1, 'Customer One'), (2, 'Customer Two');

SELECT set_config('fl.base', frontline.ts_text(now()), false) AS base \gset
CREATE TEMP TABLE plan (id bigint, queue_id bigint, priority text, ago interval,
                        assignee_id bigint, pending_ago interval, status text);
INSERT INTO plan VALUES
    (1,  1, 'normal', '3 hours',    NULL, NULL, 'open'),    -- FR due 1 h ago: breached
    (2,  1, 'urgent', '1 hour',     NULL, NULL, 'open'),    -- FR due 30 min ago: breached
    (3,  1, 'high',   '10 minutes', NULL, NULL, 'open'),    -- due in 50 min
    (4,  1, 'normal', '1 hour',     NULL, NULL, 'open'),    -- due in 60 min
    (5,  1, 'low',    '2 hours',    NULL, '1 hour', 'pending'),      -- paused, 3 h left
    (6,  1, 'normal', '30 minutes', NULL, '20 minutes', 'pending'),  -- paused, 110 min left
    (7,  2, 'normal', '50 minutes', NULL, NULL, 'open'),    -- no clock
    (8,  2, 'urgent', '5 minutes',  NULL, NULL, 'new'),     -- no clock, urgent
    (9,  1, 'normal', '2 hours',    2,    NULL, 'open'),    -- a2's
    (10, 3, 'normal', '5 minutes',  1,    NULL, 'open'),    -- a1's, in team B's queue
    (11, 3, 'normal', '1 hour',     NULL, NULL, 'open'),    -- team B's
    (12, 1, 'urgent', '4 hours',    NULL, NULL, 'solved'),  -- done
    (13, 1, 'urgent', '10 minutes', NULL, NULL, 'open'),    -- due in 20 min
    (14, 1, 'high',   '40 minutes', NULL, NULL, 'open'),    -- due in 20 min too: urgent first
    (15, 1, 'normal', '7 minutes',  1,    NULL, 'open');    -- a1's own: due in 113 min

DO $$
DECLARE
    p record;
    v_base timestamptz := current_setting('fl.base')::timestamptz;
BEGIN
    FOR p IN SELECT * FROM plan ORDER BY id LOOP
        PERFORM pg_temp.at(v_base - p.ago);
        INSERT INTO frontline.tickets (id, customer_id, queue_id, priority, assignee_id, subject, status)
        VALUES (p.id, 1 + p.id % 2, p.queue_id, p.priority, p.assignee_id, 'ticket ' || p.id,
                CASE WHEN p.status = 'pending' THEN 'open' ELSE p.status END);
        IF p.pending_ago IS NOT NULL THEN
            PERFORM pg_temp.at(v_base - p.pending_ago);
            UPDATE frontline.tickets SET status = 'pending' WHERE id = p.id;
        END IF;
    END LOOP;
END $$ ;
RESET frontline.now;

-- Bulk of history: closed tickets fill the table but not the partial index.
INSERT INTO frontline.tickets (id, customer_id, queue_id, subject, status, created_at)
SELECT 1000 + i, 1 + i % 2, 1 + (i % 3), 'old ' || i, 'closed', now() - i * interval '1 hour'
  FROM generate_series(1, 3000) i;
ANALYZE frontline.tickets;
ANALYZE frontline.sla_clocks;

-- The agent's queue.
SET ROLE fl030_a1;
DO $$
DECLARE
    v_ids bigint[];
    r record;
BEGIN
    SELECT array_agg(q.id) INTO v_ids FROM frontline.agent_queue(50) q;
    PERFORM pg_temp.expect('a1 queue order', ARRAY[1, 2, 13, 14, 3, 4, 15, 10, 6, 5, 8, 7]::bigint[], v_ids);

    SELECT array_agg(q.id) INTO v_ids FROM frontline.agent_queue(3) q;
    PERFORM pg_temp.expect('limit 3', ARRAY[1, 2, 13]::bigint[], v_ids);
    SELECT array_agg(q.id) INTO v_ids FROM frontline.agent_queue(10) q;
    PERFORM pg_temp.expect('limit 10 spans running and paused', ARRAY[1, 2, 13, 14, 3, 4, 15, 10, 6, 5]::bigint[], v_ids);

    SELECT * INTO r FROM frontline.agent_queue(50) q WHERE q.id = 1;
    PERFORM pg_temp.expect('breached state', 'breached', r.clock_state);
    PERFORM pg_temp.expect('breached clock', 'first_response', r.clock);
    PERFORM pg_temp.expect('breached remaining is negative', true, r.remaining < interval '-59 minutes');
    PERFORM pg_temp.expect('customer name', 'Customer Two', r.customer_name);
    SELECT * INTO r FROM frontline.agent_queue(50) q WHERE q.id = 3;
    PERFORM pg_temp.expect('running state', 'running', r.clock_state);
    PERFORM pg_temp.expect('running remaining', true, r.remaining BETWEEN interval '45 minutes' AND interval '50 minutes');
    SELECT * INTO r FROM frontline.agent_queue(50) q WHERE q.id = 6;
    PERFORM pg_temp.expect('paused state', 'paused', r.clock_state);
    PERFORM pg_temp.expect('paused remaining is frozen', interval '110 minutes', r.remaining);
    PERFORM pg_temp.expect('paused due', current_setting('fl.base')::timestamptz + interval '90 minutes', r.due_at);
    PERFORM pg_temp.expect('paused status', 'pending', r.status);
    SELECT * INTO r FROM frontline.agent_queue(50) q WHERE q.id = 8;
    PERFORM pg_temp.expect('no clock', NULL::text, r.clock_state);
    PERFORM pg_temp.expect('no clock, no due', NULL::timestamptz, r.due_at);
    SELECT * INTO r FROM frontline.agent_queue(50) q WHERE q.id = 15;
    PERFORM pg_temp.expect('assignee name', 'Anna One', r.assignee);
    PERFORM pg_temp.expect('language column', 'en', r.language);

    PERFORM pg_temp.expect('zero limit', 0::bigint, (SELECT count(*) FROM frontline.agent_queue(0)));
END $$;
RESET ROLE;

SET ROLE fl030_b1;
DO $$
DECLARE
    v_ids bigint[];
BEGIN
    SELECT array_agg(q.id) INTO v_ids FROM frontline.agent_queue(50) q;
    PERFORM pg_temp.expect('b1 queue', ARRAY[11]::bigint[], v_ids);
END $$;
RESET ROLE;

SET ROLE fl030_sup;
DO $$
DECLARE
    v_ids bigint[];
BEGIN
    SELECT array_agg(q.id) INTO v_ids FROM frontline.agent_queue(50) q;
    PERFORM pg_temp.expect('supervisor sees every open ticket',
        ARRAY[1, 2, 9, 13, 14, 3, 4, 11, 15, 10, 6, 5, 8, 7]::bigint[], v_ids);  -- 11 ties with 4: by id
END $$;
RESET ROLE;

-- An agent's rows change place as the clocks move: a reply on ticket 1
-- meets its first response, and its resolution (due in 13 h) sends it down.
SET ROLE fl030_a1;
INSERT INTO frontline.messages (ticket_id, kind, body) VALUES (1, 'reply', 'On it.');
DO $$
DECLARE
    v_ids bigint[];
BEGIN
    SELECT array_agg(q.id) INTO v_ids FROM frontline.agent_queue(50) q;
    PERFORM pg_temp.expect('order after a reply', ARRAY[2, 13, 14, 3, 4, 15, 10, 1, 6, 5, 8, 7]::bigint[], v_ids);
END $$;
RESET ROLE;

-- The queue is read from the partial index, never by scanning tickets, also
-- when there are thousands of open tickets (here in team B's queue and
-- assigned to a2 in team A's).
INSERT INTO frontline.tickets (id, customer_id, queue_id, priority, assignee_id, subject)
SELECT 10000 + i, 1, CASE WHEN i % 2 = 0 THEN 3 ELSE 1 END, 'low',
       CASE WHEN i % 2 = 0 THEN NULL ELSE 2 END, 'busy ' || i
  FROM generate_series(1, 3000) i;
ANALYZE frontline.tickets;
SELECT pg_stat_force_next_flush() AS flushed \gset
SELECT 1 AS idle \gset
SELECT pg_stat_clear_snapshot() AS cleared \gset
CREATE TEMP TABLE stats0 AS
SELECT (SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = 'tickets_queue_due_idx') AS idx,
       (SELECT seq_scan FROM pg_stat_user_tables WHERE relid = 'frontline.tickets'::regclass) AS seq;
SET ROLE fl030_a1;
SELECT count(*) AS n FROM frontline.agent_queue(50) \gset
RESET ROLE;
SET ROLE fl030_sup;
SELECT count(*) AS n FROM frontline.agent_queue(50) \gset
RESET ROLE;
SELECT pg_stat_force_next_flush() AS flushed \gset
SELECT 1 AS idle \gset
SELECT pg_stat_clear_snapshot() AS cleared \gset
DO $$
DECLARE
    s0 record;
    v_idx bigint;
    v_seq bigint;
BEGIN
    SELECT * INTO s0 FROM stats0;
    SELECT idx_scan INTO v_idx FROM pg_stat_user_indexes WHERE indexrelname = 'tickets_queue_due_idx';
    SELECT seq_scan INTO v_seq FROM pg_stat_user_tables WHERE relid = 'frontline.tickets'::regclass;
    IF v_idx IS NULL OR s0.idx IS NULL OR v_idx <= s0.idx THEN
        RAISE EXCEPTION 'agent_queue: expected scans of tickets_queue_due_idx, got % before and % after', s0.idx, v_idx;
    END IF;
    PERFORM pg_temp.expect('agent_queue: sequential scans of tickets', s0.seq, v_seq);
END $$;

DROP OWNED BY fl030_a1, fl030_a2, fl030_b1, fl030_sup;
DROP ROLE fl030_a1, fl030_a2, fl030_b1, fl030_sup;
