-- 150-stats.sql: stats_figures and stats_by_day of 008 on a fixed, small
-- week with every figure computed by hand. Time is moved with the
-- `frontline.now` setting (honoured for superusers), messages carry their
-- own created_at.
--
-- Calendar: Mon-Fri 09:00-17:00 UTC. Policy 'standard', priority normal:
-- first response 60, resolution 480 business minutes. The period is
-- [Mon 2024-03-04, Mon 2024-03-11) UTC; "now" for the breach checks is
-- Mon 2024-03-11 12:00.
--
-- ticket  created          first reply      solved            wall FR / RES    business FR / RES
-- T1      Mon 04 10:00     Mon 10:30        Mon 11:00         30 / 60          30 / 60
-- T2      Mon 04 16:30     Tue 09:30        Tue 12:00         1020 / 1170      60 / 210   (overnight: 30+30, 30+180)
-- T3      Fri 08 16:00     Mon 11 10:00     Mon 11 11:00      3960 / 4020      120 / 180  (weekend: 60+60, 60+120)
-- T4      Tue 05 09:00     Tue 11:00        Tue 12:00, reopened by the customer Tue 13:00,
--                                           solved again Wed 09:30
--                                                             120 / 1470       120 / 510  (480 Tue + 30 Wed)
-- T5      Wed 06 10:00     none             open              -                -
-- T6      Thu 07 09:00     Thu 09:10        Thu 09:40         10 / 40          10 / 40    (queue 'other')
-- T8      Sat 09 10:00     Sat 10:05        Sat 10:15         5 / 15           0 / 0      (closed all the time)
-- Outside the period, not counted: T7 Sun 03 12:00, T9 Mon 11 09:00.
--
-- percentile_cont(f) over n sorted values v[0..n-1] is v[i] + (v[i+1]-v[i])*r
-- with i + r = f*(n-1). n = 6: median at 2.5, p90 at 4.5.
--   FR wall      5 10 30 120 1020 3960  median (30+120)/2 = 75      p90 1020 + 0.5*2940 = 2490
--   FR business  0 10 30 60 120 120     median (30+60)/2 = 45       p90 120
--   RES wall     15 40 60 1170 1470 4020 median (60+1170)/2 = 615   p90 1470 + 0.5*2550 = 2745
--   RES business 0 40 60 180 210 510   median (60+180)/2 = 120      p90 210 + 0.5*300 = 360
-- Breaches: first response T3 (met Mon 10:00, due Fri 17:00), T4 (met
-- 11:00, due 10:00), T5 (running, due Wed 11:00) = 3; T2 met exactly at
-- its due time 09:30, not late. Resolution: T5 only (running, due Thu 10:00).
-- Ratings: T1 answered 5/10 fcr, T2 answered 4/9 fcr, T3 answered 2/3 not
-- fcr, T4 answered 5/7 not fcr, T6 declined fcr, T8 survey_sent.
--   asked 6, answered 4; fcr known 5, yes 3; CSAT 2:1 4:1 5:2; NPS 3:1 7:1
--   9:1 10:1.
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

CREATE FUNCTION pg_temp.at(t timestamptz) RETURNS void LANGUAGE sql AS $$
    SELECT set_config('frontline.now', frontline.ts_text(t), false)
$$;

-- pg_temp.ticket(id, queue, created, assignee): a normal ticket born at created.
CREATE FUNCTION pg_temp.ticket(p_id bigint, p_queue bigint, p_at timestamptz, p_assignee bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_temp.at(p_at);
    INSERT INTO frontline.tickets (id, customer_id, queue_id, subject, created_at, assignee_id)
    VALUES (p_id, 1, p_queue, 'Ticket ' || p_id, p_at, p_assignee);
END $$;

CREATE FUNCTION pg_temp.msg(p_ticket bigint, p_kind text, p_at timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_temp.at(p_at);
    INSERT INTO frontline.messages (ticket_id, kind, body, created_at, author_customer_id)
    VALUES (p_ticket, p_kind, 'text', p_at, CASE WHEN p_kind = 'customer' THEN 1 END);
END $$;

CREATE FUNCTION pg_temp.solve(p_ticket bigint, p_at timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_temp.at(p_at);
    UPDATE frontline.tickets SET status = 'solved' WHERE id = p_ticket;
END $$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stats_agent') THEN
        CREATE ROLE stats_agent LOGIN;
    END IF;
END $$;
GRANT frontline_agent TO stats_agent;

INSERT INTO frontline.calendars (id, name, time_zone) VALUES (1, 'office', 'UTC');
INSERT INTO frontline.calendar_hours (calendar_id, isodow, opens, closes)
SELECT 1, d, '09:00'::time, '17:00'::time FROM generate_series(1, 5) d;
INSERT INTO frontline.sla_policies (id, name, calendar_id) VALUES (1, 'standard', 1);
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes, next_response_minutes, resolution_minutes)
VALUES (1, 'normal', 60, NULL, 480);
INSERT INTO frontline.teams (id, name) VALUES (1, 'one'), (2, 'two');
INSERT INTO frontline.queues (id, name, team_id, default_policy_id) VALUES (1, 'general', 1, 1), (2, 'other', 2, 1);
INSERT INTO frontline.agents (id, role_name, display_name, team_id) VALUES (1, 'stats_agent', 'Stats Agent', 1);
INSERT INTO frontline.customers (id, name, email) VALUES (1, 'Ola', 'ola@example.com');

SELECT pg_temp.ticket(1, 1, '2024-03-04 10:00Z', 1);
SELECT pg_temp.msg(1, 'reply', '2024-03-04 10:30Z');
SELECT pg_temp.solve(1, '2024-03-04 11:00Z');

SELECT pg_temp.ticket(2, 1, '2024-03-04 16:30Z', 1);
SELECT pg_temp.msg(2, 'reply', '2024-03-05 09:30Z');
SELECT pg_temp.solve(2, '2024-03-05 12:00Z');

SELECT pg_temp.ticket(3, 1, '2024-03-08 16:00Z', NULL);
SELECT pg_temp.msg(3, 'reply', '2024-03-11 10:00Z');
SELECT pg_temp.solve(3, '2024-03-11 11:00Z');

SELECT pg_temp.ticket(4, 1, '2024-03-05 09:00Z', NULL);
SELECT pg_temp.msg(4, 'reply', '2024-03-05 11:00Z');
SELECT pg_temp.solve(4, '2024-03-05 12:00Z');
SELECT pg_temp.msg(4, 'customer', '2024-03-05 13:00Z');
SELECT pg_temp.solve(4, '2024-03-06 09:30Z');

SELECT pg_temp.ticket(5, 1, '2024-03-06 10:00Z', NULL);

SELECT pg_temp.ticket(6, 2, '2024-03-07 09:00Z', NULL);
SELECT pg_temp.msg(6, 'reply', '2024-03-07 09:10Z');
SELECT pg_temp.solve(6, '2024-03-07 09:40Z');

SELECT pg_temp.ticket(7, 1, '2024-03-03 12:00Z', NULL);
SELECT pg_temp.msg(7, 'reply', '2024-03-04 12:00Z');

SELECT pg_temp.ticket(8, 1, '2024-03-09 10:00Z', NULL);
SELECT pg_temp.msg(8, 'reply', '2024-03-09 10:05Z');
SELECT pg_temp.solve(8, '2024-03-09 10:15Z');

SELECT pg_temp.ticket(9, 1, '2024-03-11 09:00Z', NULL);

-- Ratings, given after the period (a low score's callback ticket is born
-- then, outside the period too).
SELECT pg_temp.at('2024-03-11 12:00Z');
INSERT INTO frontline.ratings (ticket_id, status, csat, nps, resolved_first_contact, via) VALUES
    (1, 'answered', 5, 10, true, 'live'),
    (2, 'answered', 4, 9, true, 'live'),
    (3, 'answered', 2, 3, false, 'live'),
    (4, 'answered', 5, 7, false, 'live'),
    (6, 'declined', NULL, NULL, true, 'live'),
    (8, 'survey_sent', NULL, NULL, NULL, 'survey'),
    (7, 'answered', 1, 0, false, 'live');     -- outside the period
SELECT pg_temp.expect('the callback tickets are born after the period', 0::bigint,
    (SELECT count(*) FROM frontline.tickets WHERE id > 9 AND created_at < '2024-03-11Z'));

-- The business time each figure stands on, checked against the SLA engine.
SELECT pg_temp.expect('T2 overnight business minutes', 60,
    frontline.business_minutes(1, '2024-03-04 16:30Z', '2024-03-05 09:30Z'));
SELECT pg_temp.expect('T3 weekend business minutes', 120,
    frontline.business_minutes(1, '2024-03-08 16:00Z', '2024-03-11 10:00Z'));

-- ---------------------------------------------------------------------------
-- The whole period, as the superuser (everything).
-- ---------------------------------------------------------------------------
DO $$
DECLARE
    f record;
BEGIN
    SELECT * INTO STRICT f FROM frontline.stats_figures('2024-03-04Z', '2024-03-11Z', NULL, NULL);
    PERFORM pg_temp.expect('created', 7::bigint, f.tickets_created);
    PERFORM pg_temp.expect('solved', 6::bigint, f.tickets_solved);
    PERFORM pg_temp.expect('reopened', 1::bigint, f.tickets_reopened);
    PERFORM pg_temp.expect('solved once', 6::bigint, f.tickets_solved_once);
    PERFORM pg_temp.expect('frt count', 6::bigint, f.frt_count);
    PERFORM pg_temp.near('frt wall median', 75, f.frt_wall_median);
    PERFORM pg_temp.near('frt wall p90', 2490, f.frt_wall_p90);
    PERFORM pg_temp.near('frt business median', 45, f.frt_business_median);
    PERFORM pg_temp.near('frt business p90', 120, f.frt_business_p90);
    PERFORM pg_temp.expect('res count', 6::bigint, f.res_count);
    PERFORM pg_temp.near('res wall median', 615, f.res_wall_median);
    PERFORM pg_temp.near('res wall p90', 2745, f.res_wall_p90);
    PERFORM pg_temp.near('res business median', 120, f.res_business_median);
    PERFORM pg_temp.near('res business p90', 360, f.res_business_p90);
    PERFORM pg_temp.expect('fcr answers', 5::bigint, f.fcr_answers);
    PERFORM pg_temp.expect('fcr yes', 3::bigint, f.fcr_yes);
    PERFORM pg_temp.expect('frt breached', 3::bigint, f.frt_breached);
    PERFORM pg_temp.expect('res breached', 1::bigint, f.res_breached);
    PERFORM pg_temp.expect('surveys asked', 6::bigint, f.surveys_asked);
    PERFORM pg_temp.expect('surveys answered', 4::bigint, f.surveys_answered);
    PERFORM pg_temp.expect('csat counts', '{0,1,0,1,2}'::bigint[], f.csat_counts);
    PERFORM pg_temp.expect('nps counts', '{0,0,0,1,0,0,0,1,0,1,1}'::bigint[], f.nps_counts);
END $$;

-- Filters: queue 'other' holds T6 alone; the agent (id 1) has T1 and T2.
DO $$
DECLARE
    f record;
BEGIN
    SELECT * INTO STRICT f FROM frontline.stats_figures('2024-03-04Z', '2024-03-11Z', 2, NULL);
    PERFORM pg_temp.expect('queue: created', 1::bigint, f.tickets_created);
    PERFORM pg_temp.near('queue: frt median', 10, f.frt_wall_median);
    PERFORM pg_temp.near('queue: frt p90', 10, f.frt_wall_p90);
    PERFORM pg_temp.near('queue: res business median', 40, f.res_business_median);
    PERFORM pg_temp.expect('queue: surveys', '1/0', f.surveys_asked || '/' || f.surveys_answered);

    -- T1, T2: FR wall 30, 1020: median 525, p90 30 + 0.9*990 = 921.
    SELECT * INTO STRICT f FROM frontline.stats_figures('2024-03-04Z', '2024-03-11Z', NULL, 1);
    PERFORM pg_temp.expect('agent: created', 2::bigint, f.tickets_created);
    PERFORM pg_temp.near('agent: frt median', 525, f.frt_wall_median);
    PERFORM pg_temp.near('agent: frt p90', 921, f.frt_wall_p90);
    PERFORM pg_temp.expect('agent: csat', '{0,0,0,1,1}'::bigint[], f.csat_counts);

    -- Both filters, nothing matches: one row, counts 0, figures null.
    SELECT * INTO STRICT f FROM frontline.stats_figures('2024-03-04Z', '2024-03-11Z', 2, 1);
    PERFORM pg_temp.expect('none: created', 0::bigint, f.tickets_created);
    PERFORM pg_temp.near('none: frt median', NULL, f.frt_wall_median);
    PERFORM pg_temp.near('none: res p90', NULL, f.res_business_p90);
    PERFORM pg_temp.expect('none: csat', '{0,0,0,0,0}'::bigint[], f.csat_counts);

    -- A period that ends before it starts is empty, not an error.
    SELECT * INTO STRICT f FROM frontline.stats_figures('2024-03-11Z', '2024-03-04Z', NULL, NULL);
    PERFORM pg_temp.expect('backwards: created', 0::bigint, f.tickets_created);
END $$;

-- ---------------------------------------------------------------------------
-- By day: seven days, Sunday empty, the same figures per day.
-- ---------------------------------------------------------------------------
DO $$
DECLARE
    v text;
    f record;
BEGIN
    SELECT string_agg(to_char(d.day, 'DD') || ':' || d.tickets_created, ' ' ORDER BY d.day) INTO v
      FROM frontline.stats_by_day('2024-03-04Z', '2024-03-11Z', NULL, NULL) AS d;
    PERFORM pg_temp.expect('days', '04:2 05:1 06:1 07:1 08:1 09:1 10:0', v);
    SELECT * INTO STRICT f FROM frontline.stats_by_day('2024-03-04Z', '2024-03-11Z', NULL, NULL)
     WHERE day = '2024-03-04';
    -- Monday: T1 and T2, FR wall 30 and 1020, business 30 and 60.
    PERFORM pg_temp.near('monday frt median', 525, f.frt_wall_median);
    PERFORM pg_temp.near('monday frt business p90', 57, f.frt_business_p90);
    PERFORM pg_temp.expect('monday csat', '{0,0,0,1,1}'::bigint[], f.csat_counts);
    SELECT * INTO STRICT f FROM frontline.stats_by_day('2024-03-04Z', '2024-03-11Z', NULL, NULL)
     WHERE day = '2024-03-10';
    PERFORM pg_temp.expect('sunday solved', 0::bigint, f.tickets_solved);
    PERFORM pg_temp.near('sunday frt median', NULL, f.frt_wall_median);
    -- Days sum to the period.
    SELECT sum(tickets_solved)::bigint AS s, sum(frt_breached)::bigint AS b, sum(surveys_asked)::bigint AS a
      INTO f FROM frontline.stats_by_day('2024-03-04Z', '2024-03-11Z', NULL, NULL);
    PERFORM pg_temp.expect('days: solved', 6::bigint, f.s);
    PERFORM pg_temp.expect('days: breached', 3::bigint, f.b);
    PERFORM pg_temp.expect('days: asked', 6::bigint, f.a);
    -- A part of a day is that day.
    PERFORM pg_temp.expect('one partial day', 1::bigint,
        (SELECT count(*) FROM frontline.stats_by_day('2024-03-04 10:00Z', '2024-03-04 12:00Z', NULL, NULL)));
END $$;

-- ---------------------------------------------------------------------------
-- Row-level security: the agent of team one sees queue 'general' only (T6
-- is team two's), the same function, their own numbers.
-- ---------------------------------------------------------------------------
SET ROLE stats_agent;
DO $$
DECLARE
    f record;
BEGIN
    SELECT * INTO STRICT f FROM frontline.stats_figures('2024-03-04Z', '2024-03-11Z', NULL, NULL);
    PERFORM pg_temp.expect('agent rls: created', 6::bigint, f.tickets_created);
    PERFORM pg_temp.expect('agent rls: fcr', '4/2', f.fcr_answers || '/' || f.fcr_yes);
    SELECT * INTO STRICT f FROM frontline.stats_figures('2024-03-04Z', '2024-03-11Z', 2, NULL);
    PERFORM pg_temp.expect('agent rls: other queue', 0::bigint, f.tickets_created);
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- Speed: the period scan uses the created_at index on a bigger table.
-- ---------------------------------------------------------------------------
-- Loaded without triggers (closed, clockless history) to keep the test quick.
SELECT pg_temp.at('2024-01-01Z');
SET session_replication_role = replica;
INSERT INTO frontline.tickets (id, customer_id, queue_id, subject, created_at, status)
SELECT 1000 + i, 1, 1, 'bulk', '2023-01-01Z'::timestamptz + i * interval '10 minutes', 'closed'
  FROM generate_series(1, 20000) i;
RESET session_replication_role;
ANALYZE frontline.tickets;
DO $$
DECLARE
    t0 timestamptz := clock_timestamp();
    f record;
BEGIN
    SELECT * INTO STRICT f FROM frontline.stats_figures('2024-03-04Z', '2024-03-11Z', NULL, NULL);
    PERFORM pg_temp.expect('bulk: created', 7::bigint, f.tickets_created);
    IF clock_timestamp() - t0 > interval '1 second' THEN
        RAISE EXCEPTION 'stats_figures took % on 20,000 tickets', clock_timestamp() - t0;
    END IF;
END $$;
