-- 160-wallboard.sql: the wallboard of 009 and the ticket_stats it stands
-- on. Four parts:
--   A. a fixed week with time frozen (`frontline.now`, honoured for the
--      superuser only), every function checked against values computed by
--      hand, business and wall minutes (overnight pause, weekend, reopen),
--      the drill-down sets against the numbers they explain, and
--      ticket_stats against 008's own definition after every kind of write;
--      in a transaction that is rolled back;
--   B. row-level security on the real clock (agents and supervisors cannot
--      move sla_now()): a small live data set seen by two agents of
--      different teams and a supervisor;
--   C. agent_heartbeat: presence online / away / offline, a change and a
--      NOTIFY only when the row is new, away flips or the agent comes back,
--      nobody beats for someone else, privileges;
--   D. speed on 20,000 tickets loaded with triggers off and rebuilt.
--
-- Part A. Calendar Mon-Fri 09:00-17:00 UTC, policy 'standard' (first
-- response / resolution in business minutes: urgent 30/240, high and normal
-- 60/480, low 240/960). "Now" is Wed 2024-03-13 12:00 UTC: today is
-- [Wed 13 00:00, 12:00), 7d from Thu 07 00:00, 30d from Tue Feb 13 00:00.
-- Agents: Anna (a1) and Artur (a2) of team Alpha, Bruno (b1) of Beta; Sara
-- is a supervisor, Greg inactive. Queues 'Alpha desk' and 'Beta desk'.
--
-- id  queue channel   prio   created          what happened                          FR wall/biz   RES wall/biz
-- 1   A     email     normal Fri 08 16:00 a1  reply Anna Mon 11 10:00, note, reply   3960/120      4020/180  (weekend)
--                                             Artur 10:45, solved 11:00; rated 5/10 billing fcr, Mon 12:00
-- 2   A     phone     normal Tue 12 16:00 a1  reply 16:30, pending 16:45, customer   30/30         1080/120  (paused overnight)
--                                             Wed 09:30 (open), reply Anna 09:45, solved 10:00; rated 4/8 login fcr, Wed 10:30
-- 3   A     chat      normal Mon 11 09:00 a2  reply 09:20, solved 10:00, customer    20/20         1470/510  (reopened)
--                                             11:00 (reopened), solved Tue 09:30; rated 2/3 delivery not fcr, Tue 10:00
-- 4   B     email     normal Fri 08 15:00 b1  reply Mon 09:30, solved Mon 12:00;     3990/150      4140/300  (weekend, FR late)
--                                             rated 5/9 billing not fcr, Mon 13:00
-- 5   B     portal    high   Wed Feb 21 10:00 b1  reply 10:30, solved 11:00          30/30         60/60
-- 6   A     email     normal Wed Jan 10 10:00 a1  reply, solved; rated 5/10 (outside every period)
-- 7   A     chat      urgent Wed 13 11:40     new; FR due 12:10 (due within 15 min)
-- 8   A     email     normal Wed 13 09:00 a1  open, no reply; FR due 10:00: breached
-- 9   B     phone     normal Wed 13 11:30     new; FR due 12:30 (within 60 min)
-- 10  A     email     low    Tue 12 10:00 a2  reply 10:10, pending 11:00            10/10
-- 11  A     messenger high   Tue 12 09:00 a1  open, on hold Tue 11:00, after its FR due 10:00: breached (paused)
-- 12  B     social    normal Mon 11 10:00 b1  reply 10:15, reply Wed 11:00; RES due Tue 10:00: breached (running)
-- 13  A     email     normal Mon 04 08:00     merged into 8 and closed 09:00, reopened 09:30: not "open" (merged)
-- 14  A     walk-in   normal Wed 13 08:00 a2  reply Artur 09:05, solved 09:10;       65/5          70/10
--                                             rated 5/- fcr, Wed 11:00
-- 15  B     chat      normal Wed 13 09:00 b1  reply 09:10, solved 09:20; declined    10/10         20/20
-- 16  A     walk-in   normal Wed 13 10:00 a1  solved 10:20, no reply; rated 5/10     -             20/20
--                                             howto fcr, Wed 11:30
--
-- The 7d figures (tickets 1-4, 7-12, 14-16; 13 of them):
--   FR wall      10 10 15 20 30 65 3960 3990      median 25     p90 3960 + 0.3*30 = 3969
--   FR business  5 10 10 15 20 30 120 150         median 17.5   p90 120 + 0.3*30 = 129
--   RES wall     20 20 70 1080 1470 4020 4140     median 1080   p90 4020 + 0.4*120 = 4068
--   RES business 10 20 20 120 180 300 510         median 120    p90 300 + 0.4*210 = 384
--   solved 7, reopened 1 (3), FR breached 4 (1, 4 met late; 8 running; 11
--   paused late), RES breached 1 (12), fcr 6 known / 4 yes, asked 7,
--   answered 6, CSAT 2:1 4:1 5:4, NPS 3:1 8:1 9:1 10:2.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET TimeZone = 'UTC';

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

-- Doubles compared to a millionth of a minute.
CREATE FUNCTION pg_temp.near(label text, expected double precision, actual double precision)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF (expected IS NULL) <> (actual IS NULL) OR abs(expected - actual) > 1e-6 THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

-- pg_temp.fails(sql, sqlstate, message pattern, what): sql must fail so.
CREATE FUNCTION pg_temp.fails(p_sql text, p_state text, p_like text, p_what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE p_sql;
    EXCEPTION WHEN OTHERS THEN
        IF SQLSTATE <> p_state OR SQLERRM NOT LIKE p_like THEN
            RAISE EXCEPTION '%: expected error % like "%", got % "%"', p_what, p_state, p_like, SQLSTATE, SQLERRM;
        END IF;
        RETURN;
    END;
    RAISE EXCEPTION '%: expected an error, but it succeeded: %', p_what, p_sql;
END $$;

CREATE FUNCTION pg_temp.at(t timestamptz) RETURNS void LANGUAGE sql AS $$
    SELECT set_config('frontline.now', frontline.ts_text(t), false)
$$;

CREATE FUNCTION pg_temp.ticket(p_id bigint, p_queue bigint, p_channel text, p_priority text,
                               p_at timestamptz, p_assignee bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_temp.at(p_at);
    INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, priority, subject, created_at, assignee_id)
    VALUES (p_id, 1, p_queue, p_channel, p_priority, 'Ticket ' || p_id, p_at, p_assignee);
END $$;

CREATE FUNCTION pg_temp.msg(p_ticket bigint, p_kind text, p_at timestamptz, p_author bigint DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_temp.at(p_at);
    INSERT INTO frontline.messages (ticket_id, kind, body, created_at, author_agent_id, author_customer_id)
    VALUES (p_ticket, p_kind, p_kind || ' on ' || p_ticket || ' at ' || to_char(p_at, 'Dy HH24:MI'), p_at,
            p_author, CASE WHEN p_kind = 'customer' THEN 1 END);
END $$;

CREATE FUNCTION pg_temp.status(p_ticket bigint, p_status text, p_at timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_temp.at(p_at);
    UPDATE frontline.tickets SET status = p_status WHERE id = p_ticket;
END $$;

CREATE FUNCTION pg_temp.rate(p_ticket bigint, p_status text, p_csat smallint, p_nps smallint,
                             p_fcr boolean, p_topic text, p_at timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_temp.at(p_at);
    INSERT INTO frontline.ratings (ticket_id, status, csat, nps, resolved_first_contact, topic, via, created_at)
    VALUES (p_ticket, p_status, p_csat, p_nps, p_fcr, p_topic, 'live', p_at);
END $$;

-- pg_temp.counts(call): the rows (dimension, key, tickets) of a function
-- call, in order, as 'dimension:key=n ...'.
CREATE FUNCTION pg_temp.counts(p_call text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    v text;
BEGIN
    EXECUTE format('SELECT string_agg(x.dimension || '':'' || x.key || ''='' || x.tickets, '' '' ORDER BY x.n)
                      FROM %s WITH ORDINALITY AS x(dimension, key, tickets, n)', p_call) INTO v;
    RETURN coalesce(v, '');
END $$;

-- pg_temp.ids(what, key, period): the ids of a drill-down, in order.
CREATE FUNCTION pg_temp.ids(p_what text, p_key text, p_period text, p_limit integer DEFAULT 1000)
RETURNS bigint[] LANGUAGE sql AS $$
    SELECT coalesce(array_agg(w.id ORDER BY w.ordinality), '{}')
      FROM frontline.wallboard_tickets(p_what, p_key, p_period, p_limit) WITH ORDINALITY AS w
$$;

-- pg_temp.minutes(ticket): 'frt wall/business, res wall/business, reopened' from ticket_stats.
CREATE FUNCTION pg_temp.minutes(p_ticket bigint) RETURNS text
LANGUAGE sql AS $$
    SELECT concat_ws('/', coalesce(s.frt_wall::text, '-'), coalesce(s.frt_business::text, '-'),
                     coalesce(s.res_wall::text, '-'), coalesce(s.res_business::text, '-'),
                     CASE WHEN s.reopened THEN 'reopened' ELSE 'once' END)
      FROM frontline.ticket_stats s WHERE s.ticket_id = p_ticket
$$;

-- pg_temp.ref_stats_tickets(): 008's stats_tickets, word for word (read
-- time: business minutes, the audit trail and the clocks per ticket), over
-- every ticket: the definition ticket_stats must keep matching.
CREATE FUNCTION pg_temp.ref_stats_tickets()
RETURNS TABLE (ticket_id bigint, day date, solved boolean, reopened boolean,
               frt_wall double precision, frt_business double precision,
               res_wall double precision, res_business double precision,
               frt_breached boolean, res_breached boolean,
               rating_status text, csat smallint, nps smallint, fcr boolean)
LANGUAGE sql STABLE AS $$
    SELECT t.id,
           t.created_at::date,
           t.solved_at IS NOT NULL,
           EXISTS (SELECT 1 FROM frontline.ticket_events e
                    WHERE e.ticket_id = t.id AND e.what = 'update'
                      AND e.old ->> 'status' IN ('solved', 'closed')
                      AND e.new ->> 'status' NOT IN ('solved', 'closed')),
           extract(epoch FROM t.first_response_at - t.created_at) / 60,
           CASE WHEN t.first_response_at IS NOT NULL THEN
                frontline.business_seconds(p.calendar_id, t.created_at, t.first_response_at) / 60 END,
           extract(epoch FROM t.solved_at - t.created_at) / 60,
           CASE WHEN t.solved_at IS NOT NULL THEN
                frontline.business_seconds(p.calendar_id, t.created_at, t.solved_at) / 60 END,
           coalesce(c.frt_breached, false),
           coalesce(c.res_breached, false),
           r.status, r.csat, r.nps, r.resolved_first_contact
      FROM frontline.tickets t
      LEFT JOIN frontline.sla_policies p ON p.id = t.sla_policy_id
      LEFT JOIN frontline.ratings r ON r.ticket_id = t.id
      LEFT JOIN LATERAL (
            SELECT bool_or(b.breached) FILTER (WHERE b.kind = 'first_response') AS frt_breached,
                   bool_or(b.breached) FILTER (WHERE b.kind = 'resolution') AS res_breached
              FROM (SELECT k.kind,
                           CASE WHEN k.met_at IS NOT NULL       THEN k.met_at > k.due_at
                                WHEN k.paused_since IS NOT NULL THEN k.paused_since > k.due_at
                                ELSE k.due_at < frontline.sla_now() END AS breached
                      FROM frontline.sla_clocks k
                     WHERE k.ticket_id = t.id AND k.kind IN ('first_response', 'resolution')) AS b
           ) AS c ON true
$$;

-- pg_temp.ref_diff(): the tickets whose stats_tickets row differs from the
-- reference ('' when none).
CREATE FUNCTION pg_temp.ref_diff() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_agg(DISTINCT d.ticket_id::text, ','), '')
      FROM ((SELECT * FROM pg_temp.ref_stats_tickets()
             EXCEPT ALL SELECT * FROM frontline.stats_tickets('-infinity', 'infinity', NULL, NULL))
            UNION ALL
            (SELECT * FROM frontline.stats_tickets('-infinity', 'infinity', NULL, NULL)
             EXCEPT ALL SELECT * FROM pg_temp.ref_stats_tickets())) AS d
$$;

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fl160_a1', 'fl160_a2', 'fl160_b1', 'fl160_sup', 'fl160_gone', 'fl160_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl160_a1, fl160_a2, fl160_b1, fl160_gone;
GRANT frontline_supervisor TO fl160_sup;
GRANT frontline_admin TO fl160_admin;

INSERT INTO frontline.calendars (id, name, time_zone) VALUES (1, 'office', 'UTC');
INSERT INTO frontline.calendar_hours (calendar_id, isodow, opens, closes)
SELECT 1, d, '09:00'::time, '17:00'::time FROM generate_series(1, 5) d;
INSERT INTO frontline.sla_policies (id, name, calendar_id) VALUES (1, 'standard', 1), (2, 'round the clock', NULL);
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes, next_response_minutes, resolution_minutes)
SELECT p, x.priority, x.fr, NULL, x.res
  FROM generate_series(1, 2) p,
       (VALUES ('urgent', 30, 240), ('high', 60, 480), ('normal', 60, 480), ('low', 240, 960)) AS x(priority, fr, res);
INSERT INTO frontline.teams (id, name) VALUES (1, 'Alpha'), (2, 'Beta');
INSERT INTO frontline.queues (id, name, team_id, default_policy_id) VALUES (1, 'Alpha desk', 1, 1), (2, 'Beta desk', 2, 1);
INSERT INTO frontline.agents (id, role_name, display_name, team_id, is_supervisor, active) VALUES
    (1, 'fl160_a1', 'Anna', 1, false, true),
    (2, 'fl160_a2', 'Artur', 1, false, true),
    (3, 'fl160_b1', 'Bruno', 2, false, true),
    (4, 'fl160_sup', 'Sara', 1, true, true),
    (5, 'fl160_gone', 'Greg', 2, false, false);
INSERT INTO frontline.customers (id, name, email) VALUES (1, 'Olga', 'olga@example.com');

-- ---------------------------------------------------------------------------
-- The contract.
-- ---------------------------------------------------------------------------
DO $$
DECLARE
    f text;
BEGIN
    PERFORM pg_temp.expect('wallboard_queue', 'TABLE(dimension text, key text, tickets bigint)',
        pg_get_function_result('frontline.wallboard_queue()'::regprocedure));
    PERFORM pg_temp.expect('wallboard_risk',
        'TABLE(open_tickets bigint, breached bigint, due_15 bigint, due_60 bigint, oldest_id bigint, '
        'oldest_subject text, oldest_created_at timestamp with time zone, oldest_waiting interval)',
        pg_get_function_result('frontline.wallboard_risk()'::regprocedure));
    PERFORM pg_temp.expect('wallboard_agents',
        'TABLE(agent_id bigint, name text, team text, presence text, in_hand bigint, current_ticket_id bigint, '
        'current_subject text, replies_today bigint, csat_today_sum bigint, csat_today_n bigint, '
        'seen_at timestamp with time zone)',
        pg_get_function_result('frontline.wallboard_agents()'::regprocedure));
    PERFORM pg_temp.expect('wallboard_volume', 'TABLE(dimension text, key text, tickets bigint)',
        pg_get_function_result('frontline.wallboard_volume(timestamptz, timestamptz)'::regprocedure));
    PERFORM pg_temp.expect('wallboard_best_answers',
        'TABLE(ticket_id bigint, subject text, agent text, csat smallint, nps smallint, '
        'rated_at timestamp with time zone, reply_at timestamp with time zone, body text)',
        pg_get_function_result('frontline.wallboard_best_answers(integer)'::regprocedure));
    PERFORM pg_temp.expect('wallboard_tickets has queue_view''s columns',
        pg_get_function_result('frontline.queue_view(text, integer)'::regprocedure),
        pg_get_function_result('frontline.wallboard_tickets(text, text, text, integer)'::regprocedure));
    PERFORM pg_temp.expect('wallboard_period_start', 'timestamp with time zone',
        pg_get_function_result('frontline.wallboard_period_start(text)'::regprocedure));
    PERFORM pg_temp.expect('agent_heartbeat', 'void', pg_get_function_result('frontline.agent_heartbeat(boolean)'::regprocedure));
    PERFORM pg_temp.expect('agent_heartbeat_as', 'void',
        pg_get_function_result('frontline.agent_heartbeat_as(name, boolean)'::regprocedure));
    PERFORM pg_temp.expect('SECURITY DEFINER in 009, each with a pinned search_path',
        'agent_heartbeat:search_path=pg_catalog, frontline, pg_temp agent_heartbeat_as:search_path=pg_catalog, frontline, pg_temp '
        'ticket_stats_sync:search_path=pg_catalog, frontline, pg_temp',
        (SELECT string_agg(proname || ':' || proconfig[1], ' ' ORDER BY proname) FROM pg_proc
          WHERE pronamespace = 'frontline'::regnamespace AND prosecdef
            AND proname IN ('agent_heartbeat', 'agent_heartbeat_as', 'ticket_stats_sync', 'stats_tickets',
                            'stats_grouped', 'wallboard_queue', 'wallboard_risk', 'wallboard_agents',
                            'wallboard_volume', 'wallboard_best_answers', 'wallboard_tickets', 'queue_rows',
                            'queue_view', 'wallboard_period_start', 'ticket_stats_refresh', 'ticket_stats_rebuild')));
    FOREACH f IN ARRAY ARRAY['frontline.wallboard_queue()', 'frontline.wallboard_risk()', 'frontline.wallboard_agents()',
        'frontline.wallboard_volume(timestamptz, timestamptz)', 'frontline.wallboard_best_answers(integer)',
        'frontline.wallboard_tickets(text, text, text, integer)', 'frontline.wallboard_period_start(text)',
        'frontline.agent_heartbeat(boolean)', 'frontline.queue_rows(bigint[])',
        'frontline.stats_figures(timestamptz, timestamptz, bigint, bigint)'] LOOP
        PERFORM pg_temp.expect('agents may execute ' || f, true, has_function_privilege('frontline_agent', f, 'EXECUTE'));
        PERFORM pg_temp.expect('supervisors may execute ' || f, true, has_function_privilege('frontline_supervisor', f, 'EXECUTE'));
        PERFORM pg_temp.expect('admins may execute ' || f, true, has_function_privilege('frontline_admin', f, 'EXECUTE'));
    END LOOP;
    FOREACH f IN ARRAY ARRAY['frontline.agent_heartbeat_as(name, boolean)', 'frontline.ticket_stats_rebuild(timestamptz)',
        'frontline.ticket_stats_refresh(bigint[])', 'frontline.ticket_stats_sync()'] LOOP
        PERFORM pg_temp.expect('agents may not execute ' || f, false, has_function_privilege('frontline_agent', f, 'EXECUTE'));
        PERFORM pg_temp.expect('supervisors may not execute ' || f, false,
                               has_function_privilege('frontline_supervisor', f, 'EXECUTE'));
        PERFORM pg_temp.expect('PUBLIC may not execute ' || f, false, has_function_privilege('public', f, 'EXECUTE'));
    END LOOP;
    PERFORM pg_temp.expect('admins may execute agent_heartbeat_as', true,
        has_function_privilege('frontline_admin', 'frontline.agent_heartbeat_as(name, boolean)', 'EXECUTE'));
    PERFORM pg_temp.expect('PUBLIC may not execute agent_heartbeat (SECURITY DEFINER)', false,
        has_function_privilege('public', 'frontline.agent_heartbeat(boolean)', 'EXECUTE'));
END $$;

-- ===========================================================================
-- A. The fixed week, time frozen, as the superuser.
-- ===========================================================================
BEGIN;

SELECT pg_temp.ticket(1, 1, 'email', 'normal', '2024-03-08 16:00Z', 1);
SELECT pg_temp.msg(1, 'reply', '2024-03-11 10:00Z', 1);
SELECT pg_temp.msg(1, 'note', '2024-03-11 10:30Z', 2);
SELECT pg_temp.msg(1, 'reply', '2024-03-11 10:45Z', 2);
SELECT pg_temp.status(1, 'solved', '2024-03-11 11:00Z');
SELECT pg_temp.rate(1, 'answered', 5::smallint, 10::smallint, true, 'billing', '2024-03-11 12:00Z');

SELECT pg_temp.ticket(2, 1, 'phone', 'normal', '2024-03-12 16:00Z', 1);
SELECT pg_temp.msg(2, 'reply', '2024-03-12 16:30Z', 1);
SELECT pg_temp.status(2, 'pending', '2024-03-12 16:45Z');
SELECT pg_temp.msg(2, 'customer', '2024-03-13 09:30Z');
SELECT pg_temp.msg(2, 'reply', '2024-03-13 09:45Z', 1);
SELECT pg_temp.status(2, 'solved', '2024-03-13 10:00Z');
SELECT pg_temp.rate(2, 'answered', 4::smallint, 8::smallint, true, 'login', '2024-03-13 10:30Z');

SELECT pg_temp.ticket(3, 1, 'chat', 'normal', '2024-03-11 09:00Z', 2);
SELECT pg_temp.msg(3, 'reply', '2024-03-11 09:20Z', 2);
SELECT pg_temp.status(3, 'solved', '2024-03-11 10:00Z');
SELECT pg_temp.msg(3, 'customer', '2024-03-11 11:00Z');
SELECT pg_temp.status(3, 'solved', '2024-03-12 09:30Z');
SELECT pg_temp.rate(3, 'answered', 2::smallint, 3::smallint, false, 'delivery', '2024-03-12 10:00Z');

SELECT pg_temp.ticket(4, 2, 'email', 'normal', '2024-03-08 15:00Z', 3);
SELECT pg_temp.msg(4, 'reply', '2024-03-11 09:30Z', 3);
SELECT pg_temp.status(4, 'solved', '2024-03-11 12:00Z');
SELECT pg_temp.rate(4, 'answered', 5::smallint, 9::smallint, false, 'billing', '2024-03-11 13:00Z');

SELECT pg_temp.ticket(5, 2, 'portal', 'high', '2024-02-21 10:00Z', 3);
SELECT pg_temp.msg(5, 'reply', '2024-02-21 10:30Z', 3);
SELECT pg_temp.status(5, 'solved', '2024-02-21 11:00Z');

SELECT pg_temp.ticket(6, 1, 'email', 'normal', '2024-01-10 10:00Z', 1);
SELECT pg_temp.msg(6, 'reply', '2024-01-10 10:05Z', 1);
SELECT pg_temp.status(6, 'solved', '2024-01-10 10:30Z');
SELECT pg_temp.rate(6, 'answered', 5::smallint, 10::smallint, true, 'other', '2024-01-10 11:00Z');

SELECT pg_temp.ticket(7, 1, 'chat', 'urgent', '2024-03-13 11:40Z', NULL);

SELECT pg_temp.ticket(8, 1, 'email', 'normal', '2024-03-13 09:00Z', 1);
SELECT pg_temp.status(8, 'open', '2024-03-13 09:05Z');

SELECT pg_temp.ticket(9, 2, 'phone', 'normal', '2024-03-13 11:30Z', NULL);

SELECT pg_temp.ticket(10, 1, 'email', 'low', '2024-03-12 10:00Z', 2);
SELECT pg_temp.msg(10, 'reply', '2024-03-12 10:10Z', 2);
SELECT pg_temp.status(10, 'pending', '2024-03-12 11:00Z');

SELECT pg_temp.ticket(11, 1, 'messenger', 'high', '2024-03-12 09:00Z', 1);
SELECT pg_temp.status(11, 'open', '2024-03-12 09:01Z');
SELECT pg_temp.status(11, 'on_hold', '2024-03-12 11:00Z');

SELECT pg_temp.ticket(12, 2, 'social', 'normal', '2024-03-11 10:00Z', 3);
SELECT pg_temp.msg(12, 'reply', '2024-03-11 10:15Z', 3);
SELECT pg_temp.msg(12, 'reply', '2024-03-13 11:00Z', 3);

SELECT pg_temp.ticket(13, 1, 'email', 'normal', '2024-03-04 08:00Z', NULL);
SELECT pg_temp.at('2024-03-04 09:00Z');
UPDATE frontline.tickets SET merged_into_id = 8, status = 'closed' WHERE id = 13;
SELECT pg_temp.status(13, 'open', '2024-03-04 09:30Z');

SELECT pg_temp.ticket(14, 1, 'walk-in', 'normal', '2024-03-13 08:00Z', 2);
SELECT pg_temp.msg(14, 'reply', '2024-03-13 09:05Z', 2);
SELECT pg_temp.status(14, 'solved', '2024-03-13 09:10Z');
SELECT pg_temp.rate(14, 'answered', 5::smallint, NULL, true, NULL, '2024-03-13 11:00Z');

SELECT pg_temp.ticket(15, 2, 'chat', 'normal', '2024-03-13 09:00Z', 3);
SELECT pg_temp.msg(15, 'reply', '2024-03-13 09:10Z', 3);
SELECT pg_temp.status(15, 'solved', '2024-03-13 09:20Z');
SELECT pg_temp.rate(15, 'declined', NULL, NULL, NULL, NULL, '2024-03-13 09:30Z');

SELECT pg_temp.ticket(16, 1, 'walk-in', 'normal', '2024-03-13 10:00Z', 1);
SELECT pg_temp.status(16, 'solved', '2024-03-13 10:20Z');
SELECT pg_temp.rate(16, 'answered', 5::smallint, 10::smallint, true, 'howto', '2024-03-13 11:30Z');

-- Presence on the real clock (now(): the transaction's start).
INSERT INTO frontline.agent_status (agent_id, away, seen_at, changed_at) VALUES
    (1, false, now(), now()),
    (2, true, now() - interval '30 seconds', now()),
    (3, false, now() - interval '5 minutes', now() - interval '1 hour'),
    (4, false, now(), now());
INSERT INTO frontline.presence (agent_id, ticket_id, activity, heartbeat_at) VALUES
    (1, 8, 'replying', now() - interval '5 seconds'),
    (1, 11, 'viewing', now() - interval '50 seconds'),
    (2, 10, 'viewing', now() - interval '2 minutes');

SELECT pg_temp.at('2024-03-13 12:00Z');

-- ---------------------------------------------------------------------------
-- ticket_stats: wall and business minutes, 008's definition for every ticket.
-- ---------------------------------------------------------------------------
DO $$ BEGIN
    PERFORM pg_temp.expect('every ticket has its row', 16::bigint, (SELECT count(*) FROM frontline.ticket_stats));
    PERFORM pg_temp.expect('T1 weekend', '3960/120/4020/180/once', pg_temp.minutes(1));
    PERFORM pg_temp.expect('T2 paused overnight (pauses are not taken off)', '30/30/1080/120/once', pg_temp.minutes(2));
    PERFORM pg_temp.expect('T3 reopened', '20/20/1470/510/reopened', pg_temp.minutes(3));
    PERFORM pg_temp.expect('T4 weekend', '3990/150/4140/300/once', pg_temp.minutes(4));
    PERFORM pg_temp.expect('T14 before opening time', '65/5/70/10/once', pg_temp.minutes(14));
    PERFORM pg_temp.expect('T16 solved without a reply', '-/-/20/20/once', pg_temp.minutes(16));
    PERFORM pg_temp.expect('T8 open', '-/-/-/-/once', pg_temp.minutes(8));
    PERFORM pg_temp.expect('T13 merged, closed and reopened', '-/-/-/-/reopened', pg_temp.minutes(13));
    -- The same minutes from the SLA engine's arithmetic.
    PERFORM pg_temp.expect('T2 business RES = business_minutes', 120,
        frontline.business_minutes(1, '2024-03-12 16:00Z', '2024-03-13 10:00Z'));
    PERFORM pg_temp.expect('T4 business FR = business_minutes', 150,
        frontline.business_minutes(1, '2024-03-08 15:00Z', '2024-03-11 09:30Z'));
    -- The clocks as stored: met late, paused after the due time, running.
    PERFORM pg_temp.expect('T1 FR met late, RES on time', 'true false',
        (SELECT frt_met_late::text || ' ' || res_met_late::text FROM frontline.ticket_stats WHERE ticket_id = 1));
    PERFORM pg_temp.expect('T2 RES met within its paused-extended due', false,
        (SELECT res_met_late FROM frontline.ticket_stats WHERE ticket_id = 2));
    PERFORM pg_temp.expect('T11 paused clocks', '2024-03-12 10:00:00+00 2024-03-12 11:00:00+00 2024-03-12 17:00:00+00 2024-03-12 11:00:00+00',
        (SELECT concat_ws(' ', frt_due_at, frt_paused_since, res_due_at, res_paused_since)
           FROM frontline.ticket_stats WHERE ticket_id = 11 AND frt_met_late IS NULL AND res_met_late IS NULL));
    PERFORM pg_temp.expect('T8 running clocks', '2024-03-13 10:00:00+00 2024-03-13 17:00:00+00',
        (SELECT concat_ws(' ', frt_due_at, frt_paused_since, res_due_at, res_paused_since)
           FROM frontline.ticket_stats WHERE ticket_id = 8));
    PERFORM pg_temp.expect('ratings copied', 'answered 5 10 t billing|declined',
        (SELECT string_agg(concat_ws(' ', rating_status, csat, nps, fcr, topic), '|' ORDER BY ticket_id)
           FROM frontline.ticket_stats WHERE ticket_id IN (1, 15)));
    PERFORM pg_temp.expect('stats_tickets = 008''s definition', '', pg_temp.ref_diff());
END $$;

-- ---------------------------------------------------------------------------
-- Periods.
-- ---------------------------------------------------------------------------
DO $$ BEGIN
    PERFORM pg_temp.expect('today', '2024-03-13 00:00:00+00'::timestamptz, frontline.wallboard_period_start('today'));
    PERFORM pg_temp.expect('7d', '2024-03-07 00:00:00+00'::timestamptz, frontline.wallboard_period_start('7d'));
    PERFORM pg_temp.expect('30d', '2024-02-13 00:00:00+00'::timestamptz, frontline.wallboard_period_start('30d'));
    PERFORM pg_temp.fails($q$SELECT frontline.wallboard_period_start('week')$q$, '22023',
                          'frontline: unknown period "week" (today, 7d, 30d)', 'unknown period');
    PERFORM pg_temp.fails($q$SELECT frontline.wallboard_period_start(NULL)$q$, '22023', '%unknown period%', 'null period');
END $$;
-- Days of the session's TimeZone, across the spring DST change in Warsaw
-- (Sun 2024-03-31 02:00 -> 03:00): whole local days, 23 hours for that one.
SET TimeZone = 'Europe/Warsaw';
SELECT pg_temp.at('2024-04-01 10:00Z');
DO $$ BEGIN
    PERFORM pg_temp.expect('today in Warsaw', '2024-03-31 22:00:00+00'::timestamptz, frontline.wallboard_period_start('today'));
    PERFORM pg_temp.expect('7d in Warsaw', '2024-03-25 23:00:00+00'::timestamptz, frontline.wallboard_period_start('7d'));
    PERFORM pg_temp.expect('30d in Warsaw', '2024-03-02 23:00:00+00'::timestamptz, frontline.wallboard_period_start('30d'));
END $$;
SET TimeZone = 'UTC';
SELECT pg_temp.at('2024-03-13 12:00Z');

-- ---------------------------------------------------------------------------
-- Figures: stats_figures of each period, computed by hand.
-- ---------------------------------------------------------------------------
DO $$
DECLARE
    f record;
BEGIN
    SELECT * INTO STRICT f FROM frontline.stats_figures(frontline.wallboard_period_start('7d'), frontline.sla_now(), NULL, NULL);
    PERFORM pg_temp.expect('7d created', 13::bigint, f.tickets_created);
    PERFORM pg_temp.expect('7d solved', 7::bigint, f.tickets_solved);
    PERFORM pg_temp.expect('7d reopened', 1::bigint, f.tickets_reopened);
    PERFORM pg_temp.expect('7d solved once', 7::bigint, f.tickets_solved_once);
    PERFORM pg_temp.expect('7d frt count', 8::bigint, f.frt_count);
    PERFORM pg_temp.near('7d frt wall median', 25, f.frt_wall_median);
    PERFORM pg_temp.near('7d frt wall p90', 3969, f.frt_wall_p90);
    PERFORM pg_temp.near('7d frt business median', 17.5, f.frt_business_median);
    PERFORM pg_temp.near('7d frt business p90', 129, f.frt_business_p90);
    PERFORM pg_temp.expect('7d res count', 7::bigint, f.res_count);
    PERFORM pg_temp.near('7d res wall median', 1080, f.res_wall_median);
    PERFORM pg_temp.near('7d res wall p90', 4068, f.res_wall_p90);
    PERFORM pg_temp.near('7d res business median', 120, f.res_business_median);
    PERFORM pg_temp.near('7d res business p90', 384, f.res_business_p90);
    PERFORM pg_temp.expect('7d fcr', '6/4', f.fcr_answers || '/' || f.fcr_yes);
    PERFORM pg_temp.expect('7d frt breached', 4::bigint, f.frt_breached);
    PERFORM pg_temp.expect('7d res breached', 1::bigint, f.res_breached);
    PERFORM pg_temp.expect('7d surveys', '7/6', f.surveys_asked || '/' || f.surveys_answered);
    PERFORM pg_temp.expect('7d csat', '{0,1,0,1,4}'::bigint[], f.csat_counts);
    PERFORM pg_temp.expect('7d nps', '{0,0,0,1,0,0,0,0,1,1,2}'::bigint[], f.nps_counts);

    SELECT * INTO STRICT f FROM frontline.stats_figures(frontline.wallboard_period_start('today'), frontline.sla_now(), NULL, NULL);
    PERFORM pg_temp.expect('today created/solved/frt/frt breached/csat', '6/3/2/1/{0,0,0,0,2}',
        concat_ws('/', f.tickets_created, f.tickets_solved, f.frt_count, f.frt_breached, f.csat_counts));

    SELECT * INTO STRICT f FROM frontline.stats_figures(frontline.wallboard_period_start('30d'), frontline.sla_now(), NULL, NULL);
    PERFORM pg_temp.expect('30d created/reopened/frt breached/res breached', '15/2/4/2',
        concat_ws('/', f.tickets_created, f.tickets_reopened, f.frt_breached, f.res_breached));

    -- By day: 30 days, the days sum to the period.
    PERFORM pg_temp.expect('30d by day', '30 15 8',
        (SELECT count(*) || ' ' || sum(d.tickets_created) || ' ' || sum(d.tickets_solved)
           FROM frontline.stats_by_day(frontline.wallboard_period_start('30d'), frontline.sla_now(), NULL, NULL) AS d));
    PERFORM pg_temp.expect('7d by day', '07:0 08:2 09:0 10:0 11:2 12:3 13:6',
        (SELECT string_agg(to_char(d.day, 'DD') || ':' || d.tickets_created, ' ' ORDER BY d.day)
           FROM frontline.stats_by_day(frontline.wallboard_period_start('7d'), frontline.sla_now(), NULL, NULL) AS d));
    -- Monday 11: tickets 3 and 12; FR wall 20 and 15.
    PERFORM pg_temp.near('monday frt median', 17.5,
        (SELECT d.frt_wall_median FROM frontline.stats_by_day(frontline.wallboard_period_start('7d'), frontline.sla_now(), NULL, NULL) AS d
          WHERE d.day = '2024-03-11'));
END $$;

-- ---------------------------------------------------------------------------
-- The live numbers.
-- ---------------------------------------------------------------------------
DO $$
DECLARE
    r record;
BEGIN
    PERFORM pg_temp.expect('queue',
        'status:new=2 status:open=2 status:pending=1 status:on_hold=1 '
        'priority:urgent=1 priority:high=1 priority:normal=3 priority:low=1 '
        'channel:email=2 channel:chat=1 channel:messenger=1 channel:phone=1 channel:social=1 '
        'queue:Alpha desk=4 queue:Beta desk=2',
        pg_temp.counts('frontline.wallboard_queue()'));

    SELECT * INTO STRICT r FROM frontline.wallboard_risk();
    PERFORM pg_temp.expect('risk', '6 3 1 2',
        concat_ws(' ', r.open_tickets, r.breached, r.due_15, r.due_60));
    PERFORM pg_temp.expect('oldest waiting', '12 Ticket 12 2024-03-11 10:00:00+00 2 days 02:00:00',
        concat_ws(' ', r.oldest_id, r.oldest_subject, r.oldest_created_at, r.oldest_waiting));

    PERFORM pg_temp.expect('agents',
        'Anna Alpha online 2 8 Ticket 8 1 9/2 | Artur Alpha away 1 - - 1 5/1 | Bruno Beta offline 1 - - 2 0/0',
        (SELECT string_agg(concat_ws(' ', a.name, a.team, a.presence, a.in_hand, coalesce(a.current_ticket_id::text, '-'),
                                     coalesce(a.current_subject, '-'), a.replies_today,
                                     a.csat_today_sum || '/' || a.csat_today_n), ' | ')
           FROM frontline.wallboard_agents() AS a));
    PERFORM pg_temp.expect('agents: seen_at', 3::bigint,
        (SELECT count(*) FROM frontline.wallboard_agents() AS a
          JOIN frontline.agent_status s ON s.agent_id = a.agent_id AND s.seen_at = a.seen_at));

    PERFORM pg_temp.expect('volume today',
        'channel:chat=2 channel:walk-in=2 channel:email=1 channel:phone=1 topic:none=5 topic:howto=1',
        pg_temp.counts($q$frontline.wallboard_volume(frontline.wallboard_period_start('today'), frontline.sla_now())$q$));
    PERFORM pg_temp.expect('volume 7d',
        'channel:email=4 channel:chat=3 channel:phone=2 channel:walk-in=2 channel:messenger=1 channel:social=1 '
        'topic:none=8 topic:billing=2 topic:delivery=1 topic:howto=1 topic:login=1',
        pg_temp.counts($q$frontline.wallboard_volume(frontline.wallboard_period_start('7d'), frontline.sla_now())$q$));
    PERFORM pg_temp.expect('volume 30d',
        'channel:email=5 channel:chat=3 channel:phone=2 channel:walk-in=2 channel:messenger=1 channel:portal=1 '
        'channel:social=1 topic:none=10 topic:billing=2 topic:delivery=1 topic:howto=1 topic:login=1',
        pg_temp.counts($q$frontline.wallboard_volume(frontline.wallboard_period_start('30d'), frontline.sla_now())$q$));

    -- Best answers: CSAT 5 in the 7 days: 1 (NPS 10), 4 (9), 14 (none); 16
    -- (NPS 10) has no public reply; 6 is older. Notes are not answers.
    PERFORM pg_temp.expect('best answers',
        '1 Anna 5 10 03-11 12:00 03-11 10:00 reply on 1 at Mon 10:00 | 1 Artur 5 10 03-11 12:00 03-11 10:45 reply on 1 at Mon 10:45 | '
        '4 Bruno 5 9 03-11 13:00 03-11 09:30 reply on 4 at Mon 09:30 | 14 Artur 5 - 03-13 11:00 03-13 09:05 reply on 14 at Wed 09:05',
        (SELECT string_agg(concat_ws(' ', b.ticket_id, b.agent, b.csat, coalesce(b.nps::text, '-'),
                                     to_char(b.rated_at, 'MM-DD HH24:MI'), to_char(b.reply_at, 'MM-DD HH24:MI'), b.body), ' | '
                           ORDER BY b.n)
           FROM frontline.wallboard_best_answers(10) WITH ORDINALITY AS b(ticket_id, subject, agent, csat, nps, rated_at, reply_at, body, n)));
    PERFORM pg_temp.expect('best answers: limit counts tickets', '1,1',
        (SELECT string_agg(b.ticket_id::text, ',') FROM frontline.wallboard_best_answers(1) AS b));
    PERFORM pg_temp.expect('best answers: limit 0', 0::bigint,
        (SELECT count(*) FROM frontline.wallboard_best_answers(0)));
    PERFORM pg_temp.expect('best answers: limit null', 0::bigint,
        (SELECT count(*) FROM frontline.wallboard_best_answers(NULL)));
END $$;

-- ---------------------------------------------------------------------------
-- The drill-down: the tickets behind each number, in order.
-- ---------------------------------------------------------------------------
DO $$
DECLARE
    r   record;
    f   record;
    p   text;
    v   bigint;
BEGIN
    PERFORM pg_temp.expect('status new, most urgent first', '{7,9}'::bigint[], pg_temp.ids('status', 'new', NULL));
    PERFORM pg_temp.expect('queue Beta desk', '{12,9}'::bigint[], pg_temp.ids('queue', 'Beta desk', NULL));
    PERFORM pg_temp.expect('priority normal', '{12,8,9}'::bigint[], pg_temp.ids('priority', 'normal', NULL));
    PERFORM pg_temp.expect('channel messenger', '{11}'::bigint[], pg_temp.ids('channel', 'messenger', NULL));
    PERFORM pg_temp.expect('breached: running by due, then paused', '{12,8,11}'::bigint[], pg_temp.ids('risk', 'breached', NULL));
    PERFORM pg_temp.expect('due_15', '{7}'::bigint[], pg_temp.ids('risk', 'due_15', NULL));
    PERFORM pg_temp.expect('due_60', '{7,9}'::bigint[], pg_temp.ids('risk', 'due_60', NULL));
    PERFORM pg_temp.expect('oldest first', '{12,8,9,7}'::bigint[], pg_temp.ids('oldest', NULL, NULL));
    PERFORM pg_temp.expect('Anna''s tickets in hand', '{8,11}'::bigint[], pg_temp.ids('agent', '1', NULL));
    PERFORM pg_temp.expect('created today, newest first', '{7,9,16,15,8,14}'::bigint[], pg_temp.ids('created', NULL, 'today'));
    PERFORM pg_temp.expect('reopened 7d', '{3}'::bigint[], pg_temp.ids('reopened', NULL, '7d'));
    PERFORM pg_temp.expect('reopened 30d', '{3,13}'::bigint[], pg_temp.ids('reopened', NULL, '30d'));
    PERFORM pg_temp.expect('frt breached 7d', '{8,11,1,4}'::bigint[], pg_temp.ids('frt_breached', NULL, '7d'));
    PERFORM pg_temp.expect('res breached 30d', '{12,13}'::bigint[], pg_temp.ids('res_breached', NULL, '30d'));
    PERFORM pg_temp.expect('promoters 7d', '{16,1,4}'::bigint[], pg_temp.ids('nps_promoters', NULL, '7d'));
    PERFORM pg_temp.expect('csat low 7d', '{3}'::bigint[], pg_temp.ids('csat_low', NULL, '7d'));
    PERFORM pg_temp.expect('walk-ins 7d', '{16,14}'::bigint[], pg_temp.ids('channel_volume', 'walk-in', '7d'));
    PERFORM pg_temp.expect('no topic today', '{7,9,15,8,14}'::bigint[], pg_temp.ids('topic_volume', 'none', 'today'));
    PERFORM pg_temp.expect('low ratings', '{3}'::bigint[], pg_temp.ids('low', NULL, NULL));
    PERFORM pg_temp.expect('limit', '{7,9,16}'::bigint[], pg_temp.ids('created', NULL, 'today', 3));
    PERFORM pg_temp.expect('limit 0', '{}'::bigint[], pg_temp.ids('created', NULL, 'today', 0));
    PERFORM pg_temp.expect('limit null', '{}'::bigint[], pg_temp.ids('created', NULL, 'today', NULL));
    PERFORM pg_temp.expect('an unknown key is just empty', '{}'::bigint[], pg_temp.ids('status', 'lost', NULL));

    -- The rows are the queue screen's.
    PERFORM pg_temp.expect('rows: clock, state, due, remaining, assignee',
        '12 normal open social Olga resolution breached 2024-03-12 10:00:00+00 -1 days -02:00:00 Bruno | '
        '8 normal open email Olga first_response breached 2024-03-13 10:00:00+00 -02:00:00 Anna | '
        '11 high on_hold messenger Olga first_response paused 2024-03-12 10:00:00+00 -01:00:00 Anna',
        (SELECT string_agg(concat_ws(' ', w.id, w.priority, w.status, w.channel, w.customer_name, w.clock,
                                     w.clock_state, w.due_at, w.remaining, w.assignee), ' | ')
           FROM frontline.wallboard_tickets('risk', 'breached', NULL, 10) AS w));
    PERFORM pg_temp.expect('rows equal queue_view''s for the same tickets', 0::bigint,
        (SELECT count(*) FROM ((SELECT * FROM frontline.wallboard_tickets('oldest', NULL, NULL, 100)
                                EXCEPT SELECT * FROM frontline.queue_view('all', 100))) AS d));

    -- Each set has exactly as many tickets as the number it explains.
    FOR r IN SELECT * FROM frontline.wallboard_queue() LOOP
        PERFORM pg_temp.expect('drill-down ' || r.dimension || ' ' || r.key, r.tickets,
            cardinality(pg_temp.ids(r.dimension, r.key, NULL))::bigint);
    END LOOP;
    SELECT * INTO STRICT r FROM frontline.wallboard_risk();
    PERFORM pg_temp.expect('drill-down breached', r.breached, cardinality(pg_temp.ids('risk', 'breached', NULL))::bigint);
    PERFORM pg_temp.expect('drill-down due_15', r.due_15, cardinality(pg_temp.ids('risk', 'due_15', NULL))::bigint);
    PERFORM pg_temp.expect('drill-down due_60', r.due_60, cardinality(pg_temp.ids('risk', 'due_60', NULL))::bigint);
    PERFORM pg_temp.expect('drill-down oldest', r.oldest_id, (pg_temp.ids('oldest', NULL, NULL))[1]);
    FOR r IN SELECT * FROM frontline.wallboard_agents() LOOP
        PERFORM pg_temp.expect('drill-down agent ' || r.name, r.in_hand,
            cardinality(pg_temp.ids('agent', r.agent_id::text, NULL))::bigint);
        PERFORM pg_temp.expect('drill-down CSAT today of ' || r.name, r.csat_today_n,
            cardinality(pg_temp.ids('agent_csat', r.agent_id::text, NULL))::bigint);
        PERFORM pg_temp.expect('drill-down replies today of ' || r.name,
            (SELECT count(DISTINCT m.ticket_id) FROM frontline.messages m
              WHERE m.author_agent_id = r.agent_id AND m.kind = 'reply'
                AND m.created_at >= frontline.wallboard_period_start('today')
                AND m.created_at < frontline.sla_now()),
            cardinality(pg_temp.ids('agent_replies', r.agent_id::text, NULL))::bigint);
    END LOOP;
    FOREACH p IN ARRAY ARRAY['today', '7d', '30d'] LOOP
        SELECT * INTO STRICT f FROM frontline.stats_figures(frontline.wallboard_period_start(p), frontline.sla_now(), NULL, NULL);
        FOR r IN SELECT * FROM (VALUES
                ('created', f.tickets_created), ('solved', f.tickets_solved), ('reopened', f.tickets_reopened),
                ('frt', f.frt_count), ('resolution', f.res_count), ('fcr', f.fcr_yes),
                ('csat', f.csat_counts[1] + f.csat_counts[2] + f.csat_counts[3] + f.csat_counts[4] + f.csat_counts[5]),
                ('csat_low', f.csat_counts[1] + f.csat_counts[2] + f.csat_counts[3]),
                ('nps_promoters', f.nps_counts[10] + f.nps_counts[11]),
                ('nps_passives', f.nps_counts[8] + f.nps_counts[9]),
                ('nps_detractors', f.nps_counts[1] + f.nps_counts[2] + f.nps_counts[3] + f.nps_counts[4]
                                   + f.nps_counts[5] + f.nps_counts[6] + f.nps_counts[7]),
                ('frt_breached', f.frt_breached), ('res_breached', f.res_breached)) AS x(what, n) LOOP
            PERFORM pg_temp.expect('drill-down ' || r.what || ' ' || p, r.n,
                cardinality(pg_temp.ids(r.what, NULL, p))::bigint);
        END LOOP;
        FOR r IN SELECT * FROM frontline.wallboard_volume(frontline.wallboard_period_start(p), frontline.sla_now()) LOOP
            PERFORM pg_temp.expect('drill-down ' || r.dimension || ' ' || r.key || ' ' || p, r.tickets,
                cardinality(pg_temp.ids(r.dimension || '_volume', r.key, p))::bigint);
        END LOOP;
    END LOOP;
    PERFORM pg_temp.expect('drill-down low', (SELECT count(*) FROM frontline.feedback_view(1000)),
        cardinality(pg_temp.ids('low', NULL, NULL))::bigint);

    -- Errors say what is valid.
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.wallboard_tickets('everything', NULL, NULL, 10)$q$, '22023',
        'frontline: unknown wallboard figure "everything" (status, priority, channel, queue, risk, oldest, agent, created, %, topic_volume, low, agent_replies, agent_csat)',
        'unknown what');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.wallboard_tickets(NULL, NULL, NULL, 10)$q$, '22023', '%unknown wallboard figure%', 'null what');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.wallboard_tickets('created', NULL, 'year', 10)$q$, '22023',
        'frontline: unknown period "year" (today, 7d, 30d)', 'unknown period');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.wallboard_tickets('created', NULL, NULL, 10)$q$, '22023',
        'frontline: wallboard figure "created" needs a period (today, 7d, 30d)', 'no period');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.wallboard_tickets('risk', 'doomed', NULL, 10)$q$, '22023',
        'frontline: unknown risk "doomed" (breached, due_15, due_60)', 'unknown risk');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.wallboard_tickets('agent', 'Anna', NULL, 10)$q$, '22023',
        '%needs an agent id%', 'agent by name');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.wallboard_tickets('everything', NULL, NULL, 0)$q$, '22023',
        '%unknown wallboard figure%', 'validated before the limit');
END $$;

-- ---------------------------------------------------------------------------
-- ticket_stats stays exact through every kind of write (time moves on).
-- ---------------------------------------------------------------------------
CREATE FUNCTION pg_temp.clocks(p_ticket bigint) RETURNS text LANGUAGE sql AS $$
    SELECT concat_ws(' ', coalesce(frt_met_late::text, '-'), coalesce(to_char(frt_due_at, 'DD HH24:MI'), '-'),
                     coalesce(to_char(frt_paused_since, 'DD HH24:MI'), '-'), coalesce(res_met_late::text, '-'),
                     coalesce(to_char(res_due_at, 'DD HH24:MI'), '-'), coalesce(to_char(res_paused_since, 'DD HH24:MI'), '-'))
      FROM frontline.ticket_stats WHERE ticket_id = p_ticket
$$;

-- Priority: urgent targets from creation (11:30): FR due 12:00, RES 15:30.
SELECT pg_temp.at('2024-03-13 12:05Z');
UPDATE frontline.tickets SET priority = 'urgent' WHERE id = 9;
DO $$ BEGIN
    PERFORM pg_temp.expect('priority: clocks moved', '- 13 12:00 - - 13 15:30 -', pg_temp.clocks(9));
    PERFORM pg_temp.expect('priority: now breached', '{12,8,9,11}'::bigint[], pg_temp.ids('risk', 'breached', NULL));
    PERFORM pg_temp.expect('priority: exact', '', pg_temp.ref_diff());
END $$;
-- Pause (after the FR due time: breached while paused), then resume an
-- hour later (due times move by 60 business minutes).
SELECT pg_temp.status(8, 'pending', '2024-03-13 12:10Z');
DO $$ BEGIN
    PERFORM pg_temp.expect('pause', '- 13 10:00 13 12:10 - 13 17:00 13 12:10', pg_temp.clocks(8));
    PERFORM pg_temp.expect('pause: exact', '', pg_temp.ref_diff());
END $$;
SELECT pg_temp.status(8, 'open', '2024-03-13 13:10Z');
DO $$ BEGIN
    PERFORM pg_temp.expect('resume', '- 13 11:00 - - 14 10:00 -', pg_temp.clocks(8));
    PERFORM pg_temp.expect('resume: exact', '', pg_temp.ref_diff());
END $$;
-- The first reply, late; then solved.
SELECT pg_temp.msg(8, 'reply', '2024-03-13 13:20Z', 1);
DO $$ BEGIN
    PERFORM pg_temp.expect('reply: met late', 'true - - - 14 10:00 -', pg_temp.clocks(8));
    PERFORM pg_temp.expect('reply: minutes', '260/260/-/-/once', pg_temp.minutes(8));
    PERFORM pg_temp.expect('reply: exact', '', pg_temp.ref_diff());
END $$;
SELECT pg_temp.status(8, 'solved', '2024-03-13 13:30Z');
DO $$ BEGIN
    PERFORM pg_temp.expect('solve', 'true - - false - -', pg_temp.clocks(8));
    PERFORM pg_temp.expect('solve: minutes', '260/260/270/270/once', pg_temp.minutes(8));
    PERFORM pg_temp.expect('solve: exact', '', pg_temp.ref_diff());
END $$;
-- The customer writes back: reopened; the resolution clock runs on (the
-- 10 solved minutes count as paused: due Thu 10:10).
SELECT pg_temp.msg(8, 'customer', '2024-03-13 13:40Z');
DO $$ BEGIN
    PERFORM pg_temp.expect('reopen', 'true - - - 14 10:10 -', pg_temp.clocks(8));
    PERFORM pg_temp.expect('reopen: minutes', '260/260/-/-/reopened', pg_temp.minutes(8));
    PERFORM pg_temp.expect('reopen: counted', '{8,3}'::bigint[], pg_temp.ids('reopened', NULL, '7d'));
    PERFORM pg_temp.expect('reopen: exact', '', pg_temp.ref_diff());
END $$;
-- Transfer to Beta and Bruno; a channel fix; a rating, then its topic.
SELECT pg_temp.at('2024-03-13 13:45Z');
SELECT frontline.transfer_ticket(8, 2, 3);
UPDATE frontline.tickets SET channel = 'phone' WHERE id = 8;
SELECT pg_temp.rate(8, 'answered', 3::smallint, 6::smallint, false, 'refund', '2024-03-13 13:50Z');
UPDATE frontline.ratings SET topic = 'billing' WHERE ticket_id = 8;
DO $$ BEGIN
    PERFORM pg_temp.expect('transfer, channel, rating', '2 3 phone answered 3 6 f billing',
        (SELECT concat_ws(' ', queue_id, assignee_id, channel, rating_status, csat, nps, fcr, topic)
           FROM frontline.ticket_stats WHERE ticket_id = 8));
    PERFORM pg_temp.expect('transfer: Bruno''s now', '{12,8}'::bigint[], pg_temp.ids('agent', '3', NULL));
    PERFORM pg_temp.expect('CSAT 3 is low, NPS 6 a detractor', '{8} {8} {8,3}',
        concat_ws(' ', pg_temp.ids('csat_low', NULL, 'today'), pg_temp.ids('nps_detractors', NULL, 'today'),
                  pg_temp.ids('low', NULL, NULL)));
    PERFORM pg_temp.expect('transfer, channel, rating: exact', '', pg_temp.ref_diff());
END $$;
DELETE FROM frontline.ratings WHERE ticket_id = 8;
-- No policy any more: the unmet clocks go.
UPDATE frontline.tickets SET sla_policy_id = NULL WHERE id = 7;
-- The policy of a solved ticket: round the clock, so business = wall.
UPDATE frontline.tickets SET sla_policy_id = 2 WHERE id = 4;
-- An import corrects a creation time.
UPDATE frontline.tickets SET created_at = '2024-03-13 08:30Z' WHERE id = 14;
DO $$ BEGIN
    PERFORM pg_temp.expect('rating deleted', true,
        (SELECT rating_status IS NULL AND csat IS NULL AND topic IS NULL FROM frontline.ticket_stats WHERE ticket_id = 8));
    PERFORM pg_temp.expect('policy dropped: no clocks', '- - - - - -', pg_temp.clocks(7));
    PERFORM pg_temp.expect('policy changed: 24/7 minutes', '3990/3990/4140/4140/once', pg_temp.minutes(4));
    PERFORM pg_temp.expect('created_at moved', '35/5/40/10/once', pg_temp.minutes(14));
    PERFORM pg_temp.expect('the rest: exact', '', pg_temp.ref_diff());
    PERFORM pg_temp.expect('a rebuild finds nothing to correct', 0::bigint, frontline.ticket_stats_rebuild(NULL));
END $$;

ROLLBACK;
RESET frontline.now;

-- ===========================================================================
-- B. Row-level security, on the real clock.
-- ===========================================================================
-- The session's time zone puts "now" around noon, so that tickets of the
-- last hours are today's whenever the test runs. Policy: round the clock.
SELECT set_config('TimeZone', 'FLT' || to_char(extract(hour FROM now() AT TIME ZONE 'UTC')::int - 12, 'SG00'), false) AS tz \gset
SELECT set_config('fl.base', frontline.ts_text(now()), false) AS base \gset
UPDATE frontline.queues SET default_policy_id = 2;

CREATE FUNCTION pg_temp.ago(p interval) RETURNS timestamptz LANGUAGE sql AS $$
    SELECT current_setting('fl.base')::timestamptz - p
$$;

--  id   queue  channel    prio    created    what
--  101  Alpha  email      normal  -2 h       a1, open, no reply: FR due -1 h (breached)
--  102  Alpha  chat       urgent  -20 min    new: FR due +10 min
--  103  Beta   phone      normal  -30 min    new: FR due +30 min
--  104  Beta   social     high    -3 h       b1, replied: open, RES due +5 h
--  105  Alpha  email      normal  -1 day     a2, replied, solved; rated 5/10 billing
--  106  Beta   chat       normal  -2 days    b1, replied, solved; rated 2/5 login (a low rating)
--  107  Alpha  portal     low     -10 days   a1, solved
--  108  Beta   email      normal  -40 days   solved (outside every period)
--  109  Beta   messenger  normal  -65 min    a1 (in Beta's queue), open: FR due -5 min (breached)
SELECT pg_temp.ticket(101, 1, 'email', 'normal', pg_temp.ago('2 hours'), 1);
SELECT pg_temp.status(101, 'open', pg_temp.ago('119 minutes'));
SELECT pg_temp.ticket(102, 1, 'chat', 'urgent', pg_temp.ago('20 minutes'), NULL);
SELECT pg_temp.ticket(103, 2, 'phone', 'normal', pg_temp.ago('30 minutes'), NULL);
SELECT pg_temp.ticket(104, 2, 'social', 'high', pg_temp.ago('3 hours'), 3);
SELECT pg_temp.msg(104, 'reply', pg_temp.ago('170 minutes'), 3);
SELECT pg_temp.ticket(105, 1, 'email', 'normal', pg_temp.ago('1 day'), 2);
SELECT pg_temp.msg(105, 'reply', pg_temp.ago('1 day') + interval '10 minutes', 2);
SELECT pg_temp.status(105, 'solved', pg_temp.ago('1 day') + interval '1 hour');
SELECT pg_temp.rate(105, 'answered', 5::smallint, 10::smallint, true, 'billing', pg_temp.ago('20 hours'));
SELECT pg_temp.ticket(106, 2, 'chat', 'normal', pg_temp.ago('2 days'), 3);
SELECT pg_temp.msg(106, 'reply', pg_temp.ago('2 days') + interval '10 minutes', 3);
SELECT pg_temp.status(106, 'solved', pg_temp.ago('2 days') + interval '1 hour');
SELECT pg_temp.rate(106, 'answered', 2::smallint, 5::smallint, false, 'login', pg_temp.ago('1 day'));
SELECT pg_temp.ticket(107, 1, 'portal', 'low', pg_temp.ago('10 days'), 1);
SELECT pg_temp.status(107, 'solved', pg_temp.ago('10 days') + interval '1 hour');
SELECT pg_temp.ticket(108, 2, 'email', 'normal', pg_temp.ago('40 days'), NULL);
SELECT pg_temp.status(108, 'solved', pg_temp.ago('40 days') + interval '1 hour');
SELECT pg_temp.ticket(109, 2, 'messenger', 'normal', pg_temp.ago('65 minutes'), 1);
SELECT pg_temp.status(109, 'open', pg_temp.ago('64 minutes'));
RESET frontline.now;

-- pg_temp.board(): the numbers one role sees, in one line.
CREATE FUNCTION pg_temp.board() RETURNS text LANGUAGE sql AS $$
    SELECT concat_ws(' / ',
        (SELECT concat_ws(' ', r.open_tickets, r.breached, r.due_15, r.due_60, r.oldest_id) FROM frontline.wallboard_risk() r),
        (SELECT string_agg(q.key || '=' || q.tickets, ' ') FROM frontline.wallboard_queue() q WHERE q.dimension IN ('status', 'queue')),
        (SELECT string_agg(p || '=' || f.tickets_created, ' ')
           FROM unnest(ARRAY['today', '7d', '30d']) AS p
          CROSS JOIN LATERAL frontline.stats_figures(frontline.wallboard_period_start(p), frontline.sla_now(), NULL, NULL) AS f),
        (SELECT string_agg(v.key || '=' || v.tickets, ' ')
           FROM frontline.wallboard_volume(frontline.wallboard_period_start('7d'), frontline.sla_now()) v),
        (SELECT string_agg(a.name || '=' || a.in_hand, ' ') FROM frontline.wallboard_agents() a),
        (SELECT coalesce(string_agg(DISTINCT b.ticket_id::text, ' '), '-') FROM frontline.wallboard_best_answers(10) b),
        array_to_string(pg_temp.ids('low', NULL, NULL), ' '))
$$;

SET ROLE fl160_sup;
DO $$ BEGIN
    PERFORM pg_temp.expect('the supervisor sees all',
        '5 2 1 2 104 / new=2 open=3 Beta desk=3 Alpha desk=2 / today=5 7d=7 30d=8 / '
        'chat=2 email=2 messenger=1 phone=1 social=1 none=5 billing=1 login=1 / Anna=2 Artur=0 Bruno=1 / 105 / 106',
        pg_temp.board());
    PERFORM pg_temp.expect('supervisor: breached', '{101,109}'::bigint[], pg_temp.ids('risk', 'breached', NULL));
END $$;
SET ROLE fl160_a1;
DO $$ BEGIN
    -- Alpha's queue and 109 (in Beta's queue, but Anna's).
    PERFORM pg_temp.expect('an agent of Alpha',
        '3 2 1 1 101 / new=1 open=2 Alpha desk=2 Beta desk=1 / today=3 7d=4 30d=5 / '
        'email=2 chat=1 messenger=1 none=3 billing=1 / Anna=2 Artur=0 Bruno=0 / 105 / ',
        pg_temp.board());
    PERFORM pg_temp.expect('Alpha: created 7d, newest first', '{102,109,101,105}'::bigint[],
        pg_temp.ids('created', NULL, '7d'));
    PERFORM pg_temp.expect('Alpha: Bruno''s tickets are not in sight', '{}'::bigint[], pg_temp.ids('agent', '3', NULL));
    PERFORM pg_temp.expect('Alpha: the ticket_stats rows in sight', 5::bigint, (SELECT count(*) FROM frontline.ticket_stats));
    PERFORM pg_temp.fails('UPDATE frontline.ticket_stats SET reopened = true', '42501', '%permission denied%', 'agents write ticket_stats');
    PERFORM pg_temp.fails('SELECT frontline.ticket_stats_rebuild(NULL)', '42501', '%permission denied%', 'agents rebuild');
END $$;
SET ROLE fl160_b1;
DO $$ BEGIN
    PERFORM pg_temp.expect('an agent of Beta',
        '3 1 0 1 104 / new=1 open=2 Beta desk=3 / today=3 7d=4 30d=4 / '
        'chat=1 messenger=1 phone=1 social=1 none=3 login=1 / Anna=1 Artur=0 Bruno=1 / - / 106',
        pg_temp.board());
    PERFORM pg_temp.expect('Beta: created 7d, newest first', '{103,109,104,106}'::bigint[], pg_temp.ids('created', NULL, '7d'));
END $$;
RESET ROLE;
-- A transfer moves the figures with the ticket: 101 goes to Beta.
SELECT frontline.transfer_ticket(101, 2, NULL);
SET ROLE fl160_a1;
DO $$ BEGIN
    PERFORM pg_temp.expect('after the transfer, Alpha', 'today=2 7d=3 30d=4',
        (SELECT string_agg(p || '=' || f.tickets_created, ' ') FROM unnest(ARRAY['today', '7d', '30d']) AS p
          CROSS JOIN LATERAL frontline.stats_figures(frontline.wallboard_period_start(p), frontline.sla_now(), NULL, NULL) AS f));
END $$;
SET ROLE fl160_b1;
DO $$ BEGIN
    PERFORM pg_temp.expect('after the transfer, Beta', 'today=4 7d=5 30d=5',
        (SELECT string_agg(p || '=' || f.tickets_created, ' ') FROM unnest(ARRAY['today', '7d', '30d']) AS p
          CROSS JOIN LATERAL frontline.stats_figures(frontline.wallboard_period_start(p), frontline.sla_now(), NULL, NULL) AS f));
    PERFORM pg_temp.expect('after the transfer, Beta''s breached', '{101,109}'::bigint[], pg_temp.ids('risk', 'breached', NULL));
END $$;
RESET ROLE;

-- ===========================================================================
-- C. Heartbeats and presence.
-- ===========================================================================
SELECT '/tmp/fl160-notify-' || pg_backend_pid() || '.out' AS nfile \gset

CREATE FUNCTION pg_temp.notifications(p_out text) RETURNS bigint[]
LANGUAGE sql AS $$
    SELECT coalesce(array_agg(m[1]::bigint), '{}')
      FROM regexp_matches(coalesce(p_out, ''),
           'Asynchronous notification "frontline_changes" with payload "([0-9]+)"', 'g') AS m
$$;
CREATE TEMP TABLE seq0 AS SELECT coalesce(max(seq), 0) AS seq FROM frontline.changes;
CREATE FUNCTION pg_temp.status_changes() RETURNS text LANGUAGE sql AS $$
    SELECT coalesce(string_agg(what || ':' || row_id || ':' || coalesce(ticket_id::text, '-'), ' ' ORDER BY seq), '')
      FROM frontline.changes WHERE seq > (SELECT seq FROM seq0) AND what LIKE 'agent_status.%'
$$;
CREATE FUNCTION pg_temp.presence() RETURNS text LANGUAGE sql AS $$
    SELECT string_agg(a.name || '=' || a.presence, ' ') FROM frontline.wallboard_agents() a
$$;

DO $$ BEGIN
    PERFORM pg_temp.expect('nobody has beaten yet: offline', 'Anna=offline Artur=offline Bruno=offline', pg_temp.presence());
END $$;

LISTEN frontline_changes;
SET ROLE fl160_a1;
\o :nfile
SELECT frontline.agent_heartbeat(false);
\o
\set out `cat :nfile`
SELECT set_config('fl.out', :'out', false) AS x \gset
\o :nfile
SELECT frontline.agent_heartbeat(false);
SELECT frontline.agent_heartbeat(false);
\o
\set out `cat :nfile`
SELECT set_config('fl.out2', :'out', false) AS x \gset
\o :nfile
SELECT frontline.agent_heartbeat(true);
\o
\set out `cat :nfile`
SELECT set_config('fl.out3', :'out', false) AS x \gset
\o :nfile
SELECT frontline.agent_heartbeat(true);
\o
\set out `cat :nfile`
SELECT set_config('fl.out4', :'out', false) AS x \gset
RESET ROLE;
DO $$ BEGIN
    PERFORM pg_temp.expect('first beat: one notification', 1, cardinality(pg_temp.notifications(current_setting('fl.out'))));
    PERFORM pg_temp.expect('plain beats: none', 0, cardinality(pg_temp.notifications(current_setting('fl.out2'))));
    PERFORM pg_temp.expect('away: one notification', 1, cardinality(pg_temp.notifications(current_setting('fl.out3'))));
    PERFORM pg_temp.expect('still away: none', 0, cardinality(pg_temp.notifications(current_setting('fl.out4'))));
    PERFORM pg_temp.expect('logged: the new row and the flip', 'agent_status.insert:1:- agent_status.update:1:-',
        pg_temp.status_changes());
    PERFORM pg_temp.expect('Anna is away', 'Anna=away Artur=offline Bruno=offline', pg_temp.presence());
    PERFORM pg_temp.expect('her row', true,
        (SELECT away AND seen_at > now() - interval '1 minute' AND changed_at <= seen_at
           FROM frontline.agent_status WHERE agent_id = 1));
END $$;

-- Silent for 100 s: no news on the next beat; for 150 s: back online, news.
DELETE FROM frontline.changes WHERE seq > (SELECT seq FROM seq0);
UPDATE frontline.agent_status SET seen_at = now() - interval '100 seconds' WHERE agent_id = 1;
SET ROLE fl160_a1;
SELECT frontline.agent_heartbeat(true);
RESET ROLE;
DO $$ BEGIN
    PERFORM pg_temp.expect('100 s of silence is no news', '', pg_temp.status_changes());
END $$;
UPDATE frontline.agent_status SET seen_at = now() - interval '150 seconds' WHERE agent_id = 1;
DO $$ BEGIN
    PERFORM pg_temp.expect('silent for 150 s: offline', 'Anna=offline Artur=offline Bruno=offline', pg_temp.presence());
END $$;
SET ROLE fl160_a1;
\o :nfile
SELECT frontline.agent_heartbeat(true);
\o
\set out `cat :nfile`
SELECT set_config('fl.out', :'out', false) AS x \gset
RESET ROLE;
DO $$ BEGIN
    PERFORM pg_temp.expect('back after 150 s: one notification', 1, cardinality(pg_temp.notifications(current_setting('fl.out'))));
    PERFORM pg_temp.expect('back after 150 s: logged', 'agent_status.update:1:-', pg_temp.status_changes());
    PERFORM pg_temp.expect('Anna is back (away)', 'Anna=away Artur=offline Bruno=offline', pg_temp.presence());
END $$;
\set rm `rm -f :nfile`
UNLISTEN frontline_changes;

-- Each beats for themselves only; non-agents beat for nobody; the
-- simulator (an admin) beats for anyone; nobody writes the table directly.
SET ROLE fl160_b1;
SELECT frontline.agent_heartbeat(false);
DO $$ BEGIN
    PERFORM pg_temp.fails('SELECT frontline.agent_heartbeat_as(''fl160_a2'', false)', '42501', '%permission denied%',
                          'agents use agent_heartbeat_as');
    PERFORM pg_temp.fails('UPDATE frontline.agent_status SET away = true', '42501', '%permission denied%',
                          'agents write agent_status');
    PERFORM pg_temp.fails('INSERT INTO frontline.agent_status VALUES (3, true, now(), now())', '42501', '%permission denied%',
                          'agents insert into agent_status');
END $$;
RESET ROLE;
SELECT frontline.agent_heartbeat(false);            -- the superuser: not an agent
SET ROLE fl160_admin;
SELECT frontline.agent_heartbeat_as('fl160_a2', true);
SELECT frontline.agent_heartbeat_as('nobody at all', true);
DO $$ BEGIN
    PERFORM pg_temp.fails('INSERT INTO frontline.agent_status VALUES (2, false, now(), now())', '42501',
                          '%row-level security%', 'admins insert into agent_status');
    PERFORM pg_temp.expect('admins read agent_status', 3::bigint, (SELECT count(*) FROM frontline.agent_status));
END $$;
RESET ROLE;
DO $$ BEGIN
    PERFORM pg_temp.expect('the rows written', '1:true 2:true 3:false',
        (SELECT string_agg(agent_id || ':' || away, ' ' ORDER BY agent_id) FROM frontline.agent_status));
    PERFORM pg_temp.expect('away, away, online', 'Anna=away Artur=away Bruno=online', pg_temp.presence());
END $$;
-- A role with a session in this database is not offline, heartbeat or not
-- (the test's own login stands in for a console).
INSERT INTO frontline.agents (id, role_name, display_name, team_id) VALUES (6, session_user, 'Cyril', 2);
DO $$ BEGIN
    PERFORM pg_temp.expect('connected, no heartbeat: online', 'Anna=away Artur=away Bruno=online Cyril=online',
        pg_temp.presence());
END $$;
DELETE FROM frontline.agents WHERE id = 6;
-- The ticket an agent is on: their latest presence heartbeat within 60 s.
INSERT INTO frontline.presence (agent_id, ticket_id, activity, heartbeat_at) VALUES
    (3, 104, 'viewing', now() - interval '40 seconds'),
    (3, 103, 'replying', now() - interval '10 seconds'),
    (1, 102, 'viewing', now() - interval '61 seconds');
DO $$ BEGIN
    PERFORM pg_temp.expect('current tickets', 'Anna:- Artur:- Bruno:103 Ticket 103',
        (SELECT string_agg(a.name || ':' || coalesce(a.current_ticket_id || ' ' || a.current_subject, '-'), ' ')
           FROM frontline.wallboard_agents() a));
END $$;
SET ROLE fl160_a1;
DO $$ BEGIN
    PERFORM pg_temp.expect('a ticket out of sight is not shown', 'Anna:- Artur:- Bruno:-',
        (SELECT string_agg(a.name || ':' || coalesce(a.current_ticket_id::text, '-'), ' ')
           FROM frontline.wallboard_agents() a));
END $$;
RESET ROLE;

-- ===========================================================================
-- D. Speed: 20,000 tickets loaded without triggers, then rebuilt.
-- ===========================================================================
SET TimeZone = 'UTC';
SELECT pg_temp.at('2024-01-01Z');
SET session_replication_role = replica;
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject, created_at, status,
                               first_response_at, solved_at, closed_at, sla_policy_id)
SELECT 1000 + i, 1, 1 + i % 2, 'email', 'bulk', '2023-01-01Z'::timestamptz + i * interval '10 minutes', 'closed',
       '2023-01-01Z'::timestamptz + i * interval '10 minutes' + interval '20 minutes',
       '2023-01-01Z'::timestamptz + i * interval '10 minutes' + interval '3 hours',
       '2023-01-01Z'::timestamptz + i * interval '10 minutes' + interval '3 hours', 1
  FROM generate_series(1, 20000) i;
RESET session_replication_role;
DO $$ BEGIN
    PERFORM pg_temp.expect('loaded without triggers: no rows yet', 20000::bigint,
        (SELECT count(*) FROM frontline.tickets t
          WHERE NOT EXISTS (SELECT 1 FROM frontline.ticket_stats s WHERE s.ticket_id = t.id)));
    PERFORM pg_temp.expect('the rebuild adds exactly those', 20000::bigint, frontline.ticket_stats_rebuild(NULL));
    PERFORM pg_temp.expect('and they are exact', '', pg_temp.ref_diff());
END $$;
ANALYZE frontline.tickets, frontline.ticket_stats;
SELECT pg_temp.at('2023-03-01 12:00Z');
DO $$
DECLARE
    t0 timestamptz := clock_timestamp();
    f record;
    v text;
BEGIN
    -- 30 days of 144 tickets a day.
    SELECT * INTO STRICT f FROM frontline.stats_figures(frontline.wallboard_period_start('30d'), frontline.sla_now(), NULL, NULL);
    PERFORM pg_temp.expect('bulk: created', 4248::bigint, f.tickets_created);
    PERFORM pg_temp.expect('bulk: days', 30::bigint,
        (SELECT count(*) FROM frontline.stats_by_day(frontline.wallboard_period_start('30d'), frontline.sla_now(), NULL, NULL)));
    PERFORM pg_temp.expect('bulk: volume', 'channel:email=4248 topic:none=4248',
        pg_temp.counts($q$frontline.wallboard_volume(frontline.wallboard_period_start('30d'), frontline.sla_now())$q$));
    PERFORM pg_temp.expect('bulk: drill-down', 10, cardinality(pg_temp.ids('created', NULL, '30d', 10)));
    PERFORM frontline.wallboard_queue();
    PERFORM frontline.wallboard_risk();
    PERFORM frontline.wallboard_agents();
    IF clock_timestamp() - t0 > interval '1 second' THEN
        RAISE EXCEPTION 'the wallboard took % on 20,000 tickets', clock_timestamp() - t0;
    END IF;
    -- The period is read through the created_at index, not the whole table.
    FOR v IN EXPLAIN SELECT * FROM frontline.stats_tickets('2023-02-01Z', '2023-03-01Z', NULL, NULL) LOOP
        IF v LIKE '%Seq Scan on ticket_stats%' THEN
            RAISE EXCEPTION 'stats_tickets scans all of ticket_stats: %', v;
        END IF;
    END LOOP;
END $$;
RESET frontline.now;

DROP OWNED BY fl160_a1, fl160_a2, fl160_b1, fl160_sup, fl160_gone, fl160_admin;
DROP ROLE fl160_a1, fl160_a2, fl160_b1, fl160_sup, fl160_gone, fl160_admin;
