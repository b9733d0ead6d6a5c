-- 130-feedback.sql: feedback_view() of 007 (low ratings newest first: an
-- agent's own, from tickets assigned to them or answered by them in public,
-- even after a transfer; a supervisor's all; callback_done once the
-- callback ticket has a public reply or is solved), its cost on 20,000
-- tickets (the partial index, no sequential scan of ratings), and the
-- rights of everything 007 adds: grants, the functions that bypass
-- row-level security, pinned search paths, no acting in someone's name.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

CREATE FUNCTION pg_temp.fails(p_sql text, p_state text, p_like text, p_what text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_state text;
    v_msg   text;
BEGIN
    BEGIN
        EXECUTE p_sql;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_msg = MESSAGE_TEXT;
        IF v_state <> p_state OR v_msg NOT LIKE p_like THEN
            RAISE EXCEPTION '%: expected % "%", got % "%"', p_what, p_state, p_like, v_state, v_msg;
        END IF;
        RETURN;
    END;
    RAISE EXCEPTION '%: expected an error %, but it succeeded: %', p_what, p_state, p_sql;
END $$;

-- pg_temp.fb(limit): the caller's feedback as 'ticket,ticket,...'.
CREATE FUNCTION pg_temp.fb(p_limit integer) RETURNS text
LANGUAGE sql AS $$
    SELECT coalesce(string_agg(f.ticket_id::text, ',' ORDER BY n), '')
      FROM frontline.feedback_view(p_limit) WITH ORDINALITY AS f(rating_id, ticket_id, subject, customer_name, agent, csat,
                                                                nps, reason, comment, callback_wanted, callback_ticket,
                                                                callback_status, callback_done, created_at, n)
$$;

-- pg_temp.plan_of(sql): the EXPLAIN text of a query.
CREATE FUNCTION pg_temp.plan_of(p_sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    l text;
    v text := '';
BEGIN
    FOR l IN EXECUTE 'EXPLAIN ' || p_sql LOOP
        v := v || l || E'\n';
    END LOOP;
    RETURN v;
END $$;

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fl130_a1', 'fl130_a2', 'fl130_b', 'fl130_s', 'fl130_sup', 'fl130_x', 'fl130_admin',
                             'fl130_none', 'fl130_bulk_5'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl130_a1, fl130_a2, fl130_b, fl130_s, fl130_x, fl130_bulk_5;  -- fl130_x has no agents row
GRANT frontline_supervisor TO fl130_sup;
GRANT frontline_admin TO fl130_admin;

INSERT INTO frontline.teams (id, name) VALUES (1, 'A'), (2, 'B'), (3, 'Seniors');
INSERT INTO frontline.queues (id, name, team_id) VALUES (1, 'qa', 1), (2, 'qb', 2), (3, 'Senior', 3);
INSERT INTO frontline.agents (id, role_name, display_name, team_id, is_supervisor, languages) VALUES
    (1, 'fl130_a1', 'A one', 1, false, '{}'), (2, 'fl130_a2', 'A two', 1, false, '{}'),
    (3, 'fl130_b', 'B one', 2, false, '{}'), (4, 'fl130_s', 'Senior one', 3, false, '{}'),
    (5, 'fl130_sup', 'Super', NULL, true, '{}');
INSERT INTO frontline.customers (id, name) SELECT g, 'Customer ' || g FROM generate_series(1, 10) AS g;
INSERT INTO frontline.tickets (id, customer_id, queue_id, assignee_id, channel, subject) VALUES
    (1, 1, 1, 1, 'phone', 'one: a1, csat 2 + callback'),
    (2, 2, 1, NULL, 'phone', 'two: a2 replied, csat 3'),
    (3, 3, 1, 1, 'phone', 'three: a1, csat 5'),
    (4, 4, 1, 2, 'phone', 'four: a2, nps 5'),
    (5, 5, 2, 3, 'phone', 'five: b, csat 1'),
    (6, 6, 1, 1, 'phone', 'six: a1, callback wanted, csat 4'),
    (7, 7, 1, NULL, 'phone', 'seven: a2 replied, then moved to B, csat 2'),
    (8, 8, 1, 1, 'phone', 'eight: a1, a2 only a note, csat 3');
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, author_agent_id, body) VALUES
    (2, 'customer', 2, NULL, 'help'), (2, 'reply', NULL, 2, 'a2 answers'),
    (7, 'customer', 7, NULL, 'help'), (7, 'reply', NULL, 2, 'a2 answers'),
    (8, 'customer', 8, NULL, 'help'), (8, 'note', NULL, 2, 'a2 notes'), (8, 'reply', NULL, 1, 'a1 answers');
SELECT setval(pg_get_serial_sequence('frontline.tickets', 'id'), 1000) AS bumped \gset

SET SESSION AUTHORIZATION fl130_a1;
SELECT count(*) AS n FROM frontline.rating_record(1, 'f1', 'answered', false, 'billing', 2::smallint, NULL, 'manner', 'Rude', true, 'live')
UNION ALL SELECT count(*) FROM frontline.rating_record(3, 'f3', 'answered', NULL, NULL, 5::smallint, 10::smallint, NULL, NULL, false, 'live')
UNION ALL SELECT count(*) FROM frontline.rating_record(6, 'f6', 'answered', NULL, NULL, 4::smallint, NULL, NULL, 'Call me', true, 'live')
UNION ALL SELECT count(*) FROM frontline.rating_record(8, 'f8', 'answered', NULL, NULL, 3::smallint, NULL, 'long_wait', NULL, false, 'live') \g /dev/null
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl130_a2;
SELECT count(*) AS n FROM frontline.rating_record(2, 'f2', 'answered', NULL, NULL, 3::smallint, 8::smallint, NULL, NULL, false, 'live')
UNION ALL SELECT count(*) FROM frontline.rating_record(4, 'f4', 'answered', NULL, NULL, NULL, 5::smallint, NULL, NULL, false, 'live')
UNION ALL SELECT count(*) FROM frontline.rating_record(7, 'f7', 'answered', NULL, NULL, 2::smallint, NULL, NULL, NULL, false, 'live') \g /dev/null
SELECT status FROM frontline.transfer(7, 2, NULL, 'Billing question for B', 'f7-transfer') \gset
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl130_b;
SELECT count(*) AS n FROM frontline.rating_record(5, 'f5', 'answered', NULL, NULL, 1::smallint, NULL, NULL, NULL, false, 'live') \gset
RESET SESSION AUTHORIZATION;
-- Distinct times, ticket 1 the newest: 1, 2, ..., 8 from newest to oldest.
UPDATE frontline.ratings SET created_at = now() - make_interval(mins => ticket_id::int);

-- ---------------------------------------------------------------------------
-- Who sees what.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl130_a1;
DO $$ BEGIN
    PERFORM pg_temp.expect('a1: assigned to a1, low only, newest first', '1,6,8', pg_temp.fb(50));
    PERFORM pg_temp.expect('a1: limit', '1,6', pg_temp.fb(2));
    PERFORM pg_temp.expect('a1: limit 0', '', pg_temp.fb(0));
    PERFORM pg_temp.expect('a1: limit null', '', pg_temp.fb(NULL));
    PERFORM pg_temp.expect('a1: the row of ticket 1',
        'one: a1, csat 2 + callback|Customer 1|A one|2|-|manner|Rude|true|new|false',
        (SELECT concat_ws('|', subject, customer_name, agent, csat, coalesce(nps::text, '-'), reason, comment,
                          callback_wanted::text, callback_status, callback_done::text)
           FROM frontline.feedback_view(10) WHERE ticket_id = 1));
    PERFORM pg_temp.expect('a1: callback ticket ids (out of a1''s sight, shown anyway)', 2::bigint,
        (SELECT count(*) FROM frontline.feedback_view(10) WHERE callback_ticket > 1000));
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl130_a2;
DO $$ BEGIN
    PERFORM pg_temp.expect('a2 no longer sees ticket 7', 0::bigint, (SELECT count(*) FROM frontline.tickets WHERE id = 7));
    PERFORM pg_temp.expect('a2: replied (2, 7 even after the transfer) and assigned (4); not 8 (a note only)',
        '2,4,7', pg_temp.fb(50));
    PERFORM pg_temp.expect('a2: the detractor row (a detractor is called back)', '-|5|A two|false|true|false',
        (SELECT concat_ws('|', coalesce(csat::text, '-'), nps, agent, callback_wanted::text,
                          (callback_ticket IS NOT NULL)::text, callback_done::text)
           FROM frontline.feedback_view(10) WHERE ticket_id = 4));
    PERFORM pg_temp.expect('a2: agent of an unassigned ticket = who asked', 'A two',
        (SELECT agent FROM frontline.feedback_view(10) WHERE ticket_id = 2));
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl130_b;
DO $$ BEGIN
    PERFORM pg_temp.expect('b: only its own (7 is in its queue now, but b did not handle it)', '5', pg_temp.fb(50));
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.feedback_view_as('fl130_a1', 10)$q$, '42501',
        '%may not act as fl130_a1%', 'b reads a1''s feedback');
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl130_s;
DO $$ BEGIN
    PERFORM pg_temp.expect('s: handled nothing rated', '', pg_temp.fb(50));
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl130_x;
DO $$ BEGIN
    PERFORM pg_temp.expect('x (no agents row): nothing', '', pg_temp.fb(50));
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl130_sup;
DO $$ BEGIN
    PERFORM pg_temp.expect('supervisor: every low rating, newest first', '1,2,4,5,6,7,8', pg_temp.fb(50));
    PERFORM pg_temp.expect('supervisor: limit', '1,2,4', pg_temp.fb(3));
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl130_admin;
DO $$ BEGIN
    PERFORM pg_temp.expect('admin: as a supervisor', '1,2,4,5,6,7,8', pg_temp.fb(50));
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- callback_done: a public reply, or solved; a note is not enough.
-- ---------------------------------------------------------------------------
SELECT set_config('fl.cb1', (SELECT callback_ticket_id FROM frontline.ratings WHERE ticket_id = 1)::text, false),
       set_config('fl.cb5', (SELECT callback_ticket_id FROM frontline.ratings WHERE ticket_id = 5)::text, false),
       set_config('fl.cb6', (SELECT callback_ticket_id FROM frontline.ratings WHERE ticket_id = 6)::text, false) \gset
SET SESSION AUTHORIZATION fl130_s;
DO $$ BEGIN
    PERFORM frontline.send_message(current_setting('fl.cb1')::bigint, 'reply', 'Called Customer 1: sorted.', 's-1', NULL, true);
    PERFORM frontline.send_message(current_setting('fl.cb6')::bigint, 'note', 'No answer, will try again.', 's-6', NULL, true);
    PERFORM frontline.set_status(current_setting('fl.cb5')::bigint, 'solved');
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl130_sup;
DO $$ BEGIN
    PERFORM pg_temp.expect('callback states', '1:open:true 4:new:false 5:solved:true 6:new:false 7:new:false',
        (SELECT string_agg(ticket_id || ':' || callback_status || ':' || callback_done::text, ' ' ORDER BY ticket_id)
           FROM frontline.feedback_view(50) WHERE callback_ticket IS NOT NULL));
    PERFORM pg_temp.expect('no callback, not done', 'false false',
        (SELECT string_agg(callback_done::text, ' ') FROM frontline.feedback_view(50) WHERE callback_ticket IS NULL));
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl130_a1;
DO $$ BEGIN
    PERFORM pg_temp.expect('a1 sees its callback done', 'true', (SELECT callback_done::text FROM frontline.feedback_view(10) WHERE ticket_id = 1));
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- Cost: 20,000 tickets, 6,667 ratings (most of them low), 60,000 messages,
-- loaded with triggers off.
-- ---------------------------------------------------------------------------
BEGIN;
SET LOCAL session_replication_role = replica;
INSERT INTO frontline.agents (id, role_name, display_name, team_id)
SELECT 100 + g, 'fl130_bulk_' || g, 'Bulk ' || g, 1 + g % 2 FROM generate_series(1, 20) AS g;
INSERT INTO frontline.tickets (id, customer_id, queue_id, assignee_id, channel, subject, status, created_at)
SELECT 10000 + g, 1 + g % 10, 1 + g % 2, 101 + g % 20, 'email', 'bulk ' || g, 'closed',
       now() - make_interval(mins => g)
  FROM generate_series(1, 20000) AS g;
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, author_agent_id, body, created_at)
SELECT 10000 + g, x.kind, CASE WHEN x.kind = 'customer' THEN 1 + g % 10 END,
       CASE WHEN x.kind <> 'customer' THEN 101 + (g + x.n) % 20 END, 'bulk', now() - make_interval(mins => g)
  FROM generate_series(1, 20000) AS g
 CROSS JOIN (VALUES (1, 'customer'), (2, 'reply'), (3, 'reply')) AS x(n, kind);
INSERT INTO frontline.ratings (ticket_id, csat, nps, status, via, created_at)
SELECT 10000 + g, 1 + g % 5, g % 11, 'answered', 'survey', now() - interval '1 day' - make_interval(mins => g)
  FROM generate_series(1, 20000, 3) AS g;
COMMIT;
ANALYZE frontline.tickets, frontline.messages, frontline.ratings;

DO $$
DECLARE
    v_plan text;
    t0     timestamptz;
    v_ms   double precision;
BEGIN
    -- The supervisor's and the agent's queries of feedback_view_as, as the
    -- function runs them.
    v_plan := pg_temp.plan_of($q$SELECT r.id FROM frontline.ratings r
                                 WHERE r.csat <= 3 OR r.nps <= 6 OR r.callback_wanted
                                 ORDER BY r.created_at DESC, r.id DESC LIMIT 50$q$);
    PERFORM pg_temp.expect('supervisor: the feedback index, ' || v_plan, true,
        v_plan LIKE '%ratings_feedback_idx%' AND v_plan NOT LIKE '%Seq Scan%' AND v_plan NOT LIKE '%Sort%');
    v_plan := pg_temp.plan_of($q$SELECT r.id FROM frontline.ratings r
                                 WHERE (r.csat <= 3 OR r.nps <= 6 OR r.callback_wanted)
                                   AND (EXISTS (SELECT 1 FROM frontline.tickets t WHERE t.id = r.ticket_id AND t.assignee_id = 105)
                                        OR EXISTS (SELECT 1 FROM frontline.messages m
                                                    WHERE m.ticket_id = r.ticket_id AND m.kind = 'reply' AND m.author_agent_id = 105))
                                 ORDER BY r.created_at DESC, r.id DESC LIMIT 50$q$);
    PERFORM pg_temp.expect('agent: the feedback index, ' || v_plan, true,
        v_plan LIKE '%ratings_feedback_idx%' AND v_plan NOT LIKE '%Seq Scan%');

    -- Timed through the real function (as the console calls it).
    EXECUTE 'SET SESSION AUTHORIZATION fl130_sup';
    t0 := clock_timestamp();
    PERFORM * FROM frontline.feedback_view(50);
    v_ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    RAISE NOTICE 'feedback_view(50) supervisor: % ms', round(v_ms::numeric, 2);
    PERFORM pg_temp.expect('supervisor: 50 rows fast', true, v_ms < 50);
    EXECUTE 'RESET SESSION AUTHORIZATION';
    EXECUTE 'SET SESSION AUTHORIZATION fl130_bulk_5';
    t0 := clock_timestamp();
    PERFORM pg_temp.expect('a busy agent: 50 rows', 50::bigint, (SELECT count(*) FROM frontline.feedback_view(50)));
    v_ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    RAISE NOTICE 'feedback_view(50) busy agent: % ms', round(v_ms::numeric, 2);
    PERFORM pg_temp.expect('a busy agent: fast', true, v_ms < 50);
    EXECUTE 'RESET SESSION AUTHORIZATION';
    -- An agent with no rated tickets walks all the low ratings: the worst case.
    EXECUTE 'SET SESSION AUTHORIZATION fl130_s';
    t0 := clock_timestamp();
    PERFORM * FROM frontline.feedback_view(50);
    v_ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    RAISE NOTICE 'feedback_view(50) agent with nothing: % ms', round(v_ms::numeric, 2);
    PERFORM pg_temp.expect('an agent with nothing: still bounded', true, v_ms < 500);
    EXECUTE 'RESET SESSION AUTHORIZATION';
END $$;

-- ---------------------------------------------------------------------------
-- Static checks: signatures, grants, the functions that bypass RLS.
-- ---------------------------------------------------------------------------
DO $$
DECLARE
    f text;
BEGIN
    PERFORM pg_temp.expect('feedback_view signature',
        'TABLE(rating_id bigint, ticket_id bigint, subject text, customer_name text, agent text, csat smallint, '
        'nps smallint, reason text, comment text, callback_wanted boolean, callback_ticket bigint, '
        'callback_status text, callback_done boolean, created_at timestamp with time zone)',
        pg_get_function_result('frontline.feedback_view(integer)'::regprocedure));
    PERFORM pg_temp.expect('setting_set / setting_get', 'text text',
        pg_get_function_result('frontline.setting_set(text, text)'::regprocedure) || ' '
        || pg_get_function_result('frontline.setting_get(text)'::regprocedure));
    PERFORM pg_temp.expect('the functions that bypass row-level security (004, 006, 007, 009)',
        'agent_heartbeat,agent_heartbeat_as,append_change,changes_gap,changes_since,feedback_view_as,message_by_key_as,outbox_event,presence_expire_as,'
        'prune_changes,rating_callback_as,survey_count_contact,survey_plan_as,survey_requested_event,'
        'ticket_stats_sync,ticket_thread_as,transfer_ticket_as,viewers_of_as',
        (SELECT string_agg(proname, ',' ORDER BY proname) FROM pg_proc
          WHERE pronamespace = 'frontline'::regnamespace AND prosecdef));
    PERFORM pg_temp.expect('every one of them pins its search_path', 0::bigint,
        (SELECT count(*) FROM pg_proc WHERE pronamespace = 'frontline'::regnamespace AND prosecdef
            AND NOT coalesce(proconfig[1] LIKE 'search_path=%', false)));
    FOREACH f IN ARRAY ARRAY['frontline.survey_plan(bigint)', 'frontline.rating_topics()',
        'frontline.rating_record(bigint, text, text, boolean, text, smallint, smallint, text, text, boolean, text)',
        'frontline.feedback_view(integer)', 'frontline.survey_plan_as(name, bigint)',
        'frontline.rating_callback_as(name, bigint)', 'frontline.feedback_view_as(name, integer)'] LOOP
        PERFORM pg_temp.expect('agents may execute ' || f, true, has_function_privilege('frontline_agent', f, 'EXECUTE'));
        PERFORM pg_temp.expect('supervisors may execute ' || f, true, has_function_privilege('frontline_supervisor', f, 'EXECUTE'));
    END LOOP;
    FOREACH f IN ARRAY ARRAY['frontline.survey_policy_list()',
        'frontline.survey_policy_set(text, integer, integer, boolean, boolean)',
        'frontline.setting_get(text)', 'frontline.setting_set(text, text)', 'frontline.survey_contacts_rebuild()'] LOOP
        PERFORM pg_temp.expect('admins may execute ' || f, true, has_function_privilege('frontline_admin', f, 'EXECUTE'));
        PERFORM pg_temp.expect('agents may not execute ' || f, false, has_function_privilege('frontline_agent', f, 'EXECUTE'));
        PERFORM pg_temp.expect('supervisors may not execute ' || f, false, has_function_privilege('frontline_supervisor', f, 'EXECUTE'));
    END LOOP;
    FOREACH f IN ARRAY ARRAY['frontline.survey_plan_as(name, bigint)', 'frontline.rating_callback_as(name, bigint)',
        'frontline.feedback_view_as(name, integer)', 'frontline.survey_count_contact()',
        'frontline.survey_requested_event()', 'frontline.ratings_callback()'] LOOP
        PERFORM pg_temp.expect('PUBLIC may not execute ' || f, false, has_function_privilege('public', f, 'EXECUTE'));
    END LOOP;
    PERFORM pg_temp.expect('agents have no rights on settings', false,
        has_table_privilege('frontline_agent', 'frontline.settings', 'SELECT')
        OR has_table_privilege('frontline_supervisor', 'frontline.settings', 'SELECT'));
    PERFORM pg_temp.expect('agents read topics, do not write them', 'true false',
        has_table_privilege('frontline_agent', 'frontline.rating_topics', 'SELECT')::text || ' '
        || has_table_privilege('frontline_agent', 'frontline.rating_topics', 'INSERT')::text);
END $$;

-- A role outside the groups cannot call anything.
SET SESSION AUTHORIZATION fl130_none;
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['SELECT * FROM frontline.feedback_view(10)', 'SELECT * FROM frontline.survey_plan(1)',
                             'SELECT * FROM frontline.rating_topics()',
                             $q$SELECT * FROM frontline.rating_record(1, 'n', 'declined', NULL, NULL, NULL, NULL, NULL, NULL, false, 'live')$q$] LOOP
        PERFORM pg_temp.fails(f, '42501', '%', 'none: ' || f);
    END LOOP;
END $$;
RESET SESSION AUTHORIZATION;

DROP OWNED BY fl130_a1, fl130_a2, fl130_b, fl130_s, fl130_sup, fl130_x, fl130_admin, fl130_none, fl130_bulk_5;
DROP ROLE fl130_a1, fl130_a2, fl130_b, fl130_s, fl130_sup, fl130_x, fl130_admin, fl130_none, fl130_bulk_5;
