-- 100-survey-plan.sql: survey_plan() of 007: every n-th contact counted for
-- real per channel (a counter that moves when a ticket is solved or closed
-- the first time; not merges, not reopenings), fatigue across teams (answered,
-- declined and sent surveys count; a skipped one does not), already rated,
-- live channels, the policy that applies (channel row, default row,
-- built-in), the admin's survey_policy_list/set and the rebuild of the
-- counter for history loaded with triggers off.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

-- pg_temp.fails(sql, sqlstate, message pattern, what): sql must raise that
-- SQLSTATE with a message LIKE the pattern.
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

-- pg_temp.plan(ticket): the plan as one line.
CREATE FUNCTION pg_temp.plan(p_ticket bigint) RETURNS text
LANGUAGE sql AS $$
    SELECT concat_ws(' ', p.ask::text, p.live::text, p.reason, p.contact_no, p.every_nth,
                     coalesce(p.days_since_last::text, '-'), p.ask_csat::text, p.ask_nps::text)
      FROM frontline.survey_plan(p_ticket) AS p
$$;

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fl100_a', 'fl100_b', 'fl100_sup', 'fl100_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl100_a, fl100_b;
GRANT frontline_supervisor TO fl100_sup;
GRANT frontline_admin TO fl100_admin;

INSERT INTO frontline.teams (id, name) VALUES (1, 'A'), (2, 'B');
INSERT INTO frontline.queues (id, name, team_id) VALUES (1, 'qa', 1), (2, 'qb', 2);
INSERT INTO frontline.agents (id, role_name, display_name, team_id, is_supervisor, languages) VALUES
    (1, 'fl100_a', 'A one', 1, false, '{}'),
    (2, 'fl100_b', 'B one', 2, false, '{}'),
    (3, 'fl100_sup', 'Super', NULL, true, '{}');
INSERT INTO frontline.customers (id, name)
SELECT g, 'Customer ' || g FROM generate_series(1, 40) AS g;

-- ---------------------------------------------------------------------------
-- The contract.
-- ---------------------------------------------------------------------------
DO $$ BEGIN
    PERFORM pg_temp.expect('survey_plan signature',
        'TABLE(ask boolean, live boolean, reason text, contact_no integer, every_nth integer, '
        'days_since_last integer, ask_csat boolean, ask_nps boolean)',
        pg_get_function_result('frontline.survey_plan(bigint)'::regprocedure));
    PERFORM pg_temp.expect('survey_plan runs with the caller''s rights', false,
        (SELECT prosecdef FROM pg_proc WHERE oid = 'frontline.survey_plan(bigint)'::regprocedure));
    PERFORM pg_temp.expect('survey_policy_list signature',
        'TABLE(channel text, every_nth integer, min_days_between integer, ask_csat boolean, ask_nps boolean)',
        pg_get_function_result('frontline.survey_policy_list()'::regprocedure));
    PERFORM pg_temp.expect('survey_policy_set arguments',
        'p_channel text, p_every_nth integer, p_min_days integer, p_ask_csat boolean, p_ask_nps boolean',
        pg_get_function_arguments('frontline.survey_policy_set(text, integer, integer, boolean, boolean)'::regprocedure));
    PERFORM pg_temp.expect('the counter starts at zero on every channel', '0 7',
        (SELECT sum(contacts) || ' ' || count(*) FROM frontline.survey_counters));
END $$;

-- ---------------------------------------------------------------------------
-- Policy administration.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl100_admin;
DO $$ BEGIN
    PERFORM frontline.survey_policy_set('phone', 3, 30, true, true);
    PERFORM frontline.survey_policy_set('chat', 3, NULL, NULL, false);       -- nulls: the default's values
    PERFORM frontline.survey_policy_set(NULL, 1, 30, true, true);
    PERFORM pg_temp.expect('policy list, default first',
        ' 1 30 t t|chat 3 30 t f|phone 3 30 t t',
        (SELECT string_agg(concat_ws(' ', coalesce(channel, ''), every_nth, min_days_between,
                                     CASE WHEN ask_csat THEN 't' ELSE 'f' END, CASE WHEN ask_nps THEN 't' ELSE 'f' END), '|')
           FROM frontline.survey_policy_list()));
    PERFORM frontline.survey_policy_set('chat', NULL, 45, NULL, NULL);       -- only the days
    PERFORM pg_temp.expect('a null keeps the value', '3 45 t f',
        (SELECT concat_ws(' ', every_nth, min_days_between, ask_csat, ask_nps) FROM frontline.survey_policy WHERE channel = 'chat'));
    PERFORM frontline.survey_policy_set('chat', NULL, 30, NULL, NULL);
    PERFORM pg_temp.fails($q$SELECT frontline.survey_policy_set('fax', 1, 1, true, true)$q$,
        '22023', '%unknown channel "fax"%', 'unknown channel');
    PERFORM pg_temp.fails($q$SELECT frontline.survey_policy_set('email', 0, 1, true, true)$q$,
        '22023', '%every_nth must be 1 to 10000 (got 0)%', 'every_nth 0');
    PERFORM pg_temp.fails($q$SELECT frontline.survey_policy_set('email', 2, -1, true, true)$q$,
        '22023', '%min_days_between must be 0 to 3650 (got -1)%', 'negative days');
    PERFORM pg_temp.fails($q$SELECT frontline.survey_policy_set('email', 2, 1, false, false)$q$,
        '22023', '%asks csat, nps or both%', 'asking nothing');
    PERFORM pg_temp.expect('no email row after refused calls', 0::bigint,
        (SELECT count(*) FROM frontline.survey_policy WHERE channel = 'email'));
END $$;
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION fl100_a;
DO $$ BEGIN
    PERFORM pg_temp.fails($q$SELECT frontline.survey_policy_set('email', 5, 1, true, true)$q$,
        '42501', '%', 'an agent sets a policy');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.survey_policy_list()$q$, '42501', '%', 'an agent lists policies');
    PERFORM pg_temp.fails($q$SELECT frontline.survey_contacts_rebuild()$q$, '42501', '%', 'an agent rebuilds the counter');
END $$;
RESET SESSION AUTHORIZATION;
-- A supervisor is not an admin either; the check inside says so in words
-- when the function is reachable (here: granted for the test).
GRANT EXECUTE ON FUNCTION frontline.survey_policy_set(text, integer, integer, boolean, boolean) TO fl100_sup;
SET SESSION AUTHORIZATION fl100_sup;
DO $$ BEGIN
    PERFORM pg_temp.fails($q$SELECT frontline.survey_policy_set('email', 5, 1, true, true)$q$,
        '42501', 'frontline: only an administrator may change the survey policy', 'a supervisor sets a policy');
END $$;
RESET SESSION AUTHORIZATION;
REVOKE EXECUTE ON FUNCTION frontline.survey_policy_set(text, integer, integer, boolean, boolean) FROM fl100_sup;

-- ---------------------------------------------------------------------------
-- Every third contact, per channel, counted when solved.
-- ---------------------------------------------------------------------------
-- Phone tickets 101..107, chat 201..204, each of another customer (no
-- fatigue), all in team A's queue.
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject)
SELECT 100 + g, g, 1, 'phone', 'phone ' || g FROM generate_series(1, 7) AS g;
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject)
SELECT 200 + g, 10 + g, 1, 'chat', 'chat ' || g FROM generate_series(1, 4) AS g;
SELECT setval(pg_get_serial_sequence('frontline.tickets', 'id'), 1000) AS bumped \gset

SET SESSION AUTHORIZATION fl100_a;
DO $$
DECLARE
    v_order bigint[] := ARRAY[101, 201, 102, 103, 202, 104, 203, 105, 106, 204, 107];
    v_id    bigint;
BEGIN
    PERFORM pg_temp.expect('before any solve: the next phone contact is no. 1', 'false true not_nth 1 3 - true true',
        pg_temp.plan(101));
    FOREACH v_id IN ARRAY v_order LOOP
        PERFORM frontline.set_status(v_id, 'solved');
    END LOOP;
    PERFORM pg_temp.expect('phone contacts in solve order', '1 2 3 4 5 6 7',
        (SELECT string_agg(p.contact_no::text, ' ' ORDER BY g)
           FROM unnest(ARRAY[101, 102, 103, 104, 105, 106, 107]) WITH ORDINALITY AS u(tid, g)
          CROSS JOIN LATERAL frontline.survey_plan(u.tid) AS p));
    PERFORM pg_temp.expect('chat contacts counted on their own', '1 2 3 4',
        (SELECT string_agg(p.contact_no::text, ' ' ORDER BY g)
           FROM unnest(ARRAY[201, 202, 203, 204]) WITH ORDINALITY AS u(tid, g)
          CROSS JOIN LATERAL frontline.survey_plan(u.tid) AS p));
    PERFORM pg_temp.expect('every 3rd phone contact is sampled', '103 106',
        (SELECT string_agg(u.tid::text, ' ' ORDER BY u.tid)
           FROM unnest(ARRAY[101, 102, 103, 104, 105, 106, 107]) AS u(tid)
          CROSS JOIN LATERAL frontline.survey_plan(u.tid) AS p WHERE p.ask));
    PERFORM pg_temp.expect('every 3rd chat contact is sampled', '203',
        (SELECT string_agg(u.tid::text, ' ' ORDER BY u.tid)
           FROM unnest(ARRAY[201, 202, 203, 204]) AS u(tid)
          CROSS JOIN LATERAL frontline.survey_plan(u.tid) AS p WHERE p.ask));
    PERFORM pg_temp.expect('no. 3 on the phone', 'true true sampled 3 3 - true true', pg_temp.plan(103));
    PERFORM pg_temp.expect('no. 4 on the phone', 'false true not_nth 4 3 - true true', pg_temp.plan(104));
    PERFORM pg_temp.expect('no. 3 on chat: the chat policy asks no NPS', 'true true sampled 3 3 - true false',
        pg_temp.plan(203));
    -- Not the ticket id: 102 is contact 2, 103 contact 3, 203 contact 3.
    PERFORM pg_temp.expect('ticket 201 (id divisible by 3 is not what counts)', 'not_nth 1',
        (SELECT reason || ' ' || contact_no FROM frontline.survey_plan(201)));

    -- Reopened and solved again: the same number, the counter does not move.
    PERFORM frontline.set_status(103, 'open');
    PERFORM frontline.set_status(103, 'solved');
    PERFORM frontline.set_status(103, 'closed');
    PERFORM pg_temp.expect('reopened ticket keeps its number', 3, (SELECT contact_no FROM frontline.survey_plan(103)));
END $$;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('counters', 'chat=4 phone=7',
        (SELECT string_agg(channel || '=' || contacts, ' ' ORDER BY channel) FROM frontline.survey_counters WHERE contacts > 0));
    PERFORM pg_temp.expect('one contact row per solved ticket', 11::bigint, (SELECT count(*) FROM frontline.survey_contacts));
END $$;

-- An open ticket gets the number it would get now; a merge closes a ticket
-- without making it a contact; a ticket created solved (an import with
-- triggers on) counts.
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject) VALUES
    (108, 8, 1, 'phone', 'phone 8'), (109, 8, 1, 'phone', 'phone 9 (merged away)');
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject, status) VALUES
    (110, 9, 1, 'phone', 'imported, solved', 'solved');
SET SESSION AUTHORIZATION fl100_a;
DO $$ BEGIN
    -- 110, inserted solved, was no. 8: open 108 would be no. 9.
    PERFORM pg_temp.expect('open phone ticket: next number', 'true true sampled 9 3 - true true', pg_temp.plan(108));
    PERFORM frontline.merge(109, 108, 'fl100-merge');
    PERFORM pg_temp.expect('merged-away ticket is no contact', 9, (SELECT contact_no FROM frontline.survey_plan(108)));
    PERFORM frontline.set_status(108, 'solved');
    PERFORM pg_temp.expect('solved, it is no. 9', 'true true sampled 9 3 - true true', pg_temp.plan(108));
END $$;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('the merged ticket has no number', 0::bigint,
        (SELECT count(*) FROM frontline.survey_contacts WHERE ticket_id = 109));
    PERFORM pg_temp.expect('ticket inserted solved is contact 8', 8,
        (SELECT contact_no FROM frontline.survey_contacts WHERE ticket_id = 110));
END $$;

-- ---------------------------------------------------------------------------
-- Live channels; the policy that applies.
-- ---------------------------------------------------------------------------
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject)
SELECT 300 + g, 20 + g, 1, c, 'on ' || c
  FROM unnest(ARRAY['email', 'phone', 'chat', 'messenger', 'social', 'portal', 'walk-in']) WITH ORDINALITY AS u(c, g);
SET SESSION AUTHORIZATION fl100_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('live channels', 'email=f phone=t chat=t messenger=f social=f portal=f walk-in=t',
        (SELECT string_agg(t.channel || '=' || CASE WHEN p.live THEN 't' ELSE 'f' END, ' ' ORDER BY t.id)
           FROM frontline.tickets t CROSS JOIN LATERAL frontline.survey_plan(t.id) AS p
          WHERE t.id BETWEEN 301 AND 307));
    PERFORM pg_temp.expect('email: the default policy, sampled', 'true false sampled 1 1 - true true', pg_temp.plan(301));
END $$;
RESET SESSION AUTHORIZATION;
-- Without a default row: the built-in default (every contact, 30 days, both).
DELETE FROM frontline.survey_policy WHERE channel IS NULL;
UPDATE frontline.survey_counters SET contacts = 5 WHERE channel = 'email';
SET SESSION AUTHORIZATION fl100_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('built-in default', 'true false sampled 6 1 - true true', pg_temp.plan(301));
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl100_admin;
DO $$ BEGIN
    PERFORM pg_temp.expect('the list shows the built-in default', ' 1 30 t t',
        (SELECT concat_ws(' ', coalesce(channel, ''), every_nth, min_days_between, ask_csat, ask_nps)
           FROM frontline.survey_policy_list() WHERE channel IS NULL));
    PERFORM frontline.survey_policy_set(NULL, 2, 30, true, true);        -- the row again
    PERFORM pg_temp.expect('default row back', 1::bigint, (SELECT count(*) FROM frontline.survey_policy WHERE channel IS NULL));
END $$;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('email now every 2nd: no. 6 is sampled', 'sampled 2',
        (SELECT reason || ' ' || every_nth FROM frontline.survey_plan(301)));
END $$;
SET SESSION AUTHORIZATION fl100_admin;
SELECT frontline.survey_policy_set(NULL, 1, 30, true, true) AS x \gset
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- Fatigue and already rated.
-- ---------------------------------------------------------------------------
-- Customer 30: rated 5 days ago on team B's ticket 401 (invisible to a).
-- a's ticket 402 of the same customer, default policy (30 days).
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject, status) VALUES
    (401, 30, 2, 'email', 'B''s old ticket', 'solved'),
    (402, 30, 1, 'email', 'A''s new ticket', 'solved'),
    (403, 31, 1, 'email', 'declined 10 days ago', 'solved'),
    (404, 31, 2, 'email', 'B''s ticket of 31', 'solved'),
    (405, 32, 1, 'email', 'only not_asked before', 'solved'),
    (406, 32, 2, 'email', 'B''s ticket of 32', 'solved'),
    (407, 33, 1, 'email', 'a survey was sent 2 days ago', 'solved'),
    (408, 33, 2, 'email', 'B''s ticket of 33', 'solved'),
    (409, 34, 1, 'email', 'answered 40 days ago', 'solved'),
    (410, 34, 2, 'email', 'B''s ticket of 34', 'solved');
INSERT INTO frontline.ratings (ticket_id, csat, nps, status, via, created_at) VALUES
    (401, 4, 8, 'answered', 'survey', now() - interval '5 days 2 hours'),
    (404, NULL, NULL, 'declined', 'live', now() - interval '10 days'),
    (406, NULL, NULL, 'not_asked', 'live', now() - interval '1 day'),
    (408, NULL, NULL, 'survey_sent', 'survey', now() - interval '2 days'),
    (410, 5, 10, 'answered', 'survey', now() - interval '40 days');
SET SESSION AUTHORIZATION fl100_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('a cannot see B''s rating', 0::bigint, (SELECT count(*) FROM frontline.ratings WHERE ticket_id = 401));
    PERFORM pg_temp.expect('fatigue: answered 5 days ago, 30-day rule (on another team''s ticket)',
        'false fatigue 5', (SELECT concat_ws(' ', ask::text, reason, days_since_last) FROM frontline.survey_plan(402)));
    PERFORM pg_temp.expect('fatigue: declined 10 days ago', 'false fatigue 10',
        (SELECT concat_ws(' ', ask::text, reason, days_since_last) FROM frontline.survey_plan(403)));
    PERFORM pg_temp.expect('a skipped prompt (not_asked) is no survey', 'true sampled -',
        (SELECT concat_ws(' ', ask::text, reason, coalesce(days_since_last::text, '-')) FROM frontline.survey_plan(405)));
    PERFORM pg_temp.expect('fatigue: a survey sent 2 days ago', 'false fatigue 2',
        (SELECT concat_ws(' ', ask::text, reason, days_since_last) FROM frontline.survey_plan(407)));
    PERFORM pg_temp.expect('40 days ago is long enough', 'true sampled 40',
        (SELECT concat_ws(' ', ask::text, reason, days_since_last) FROM frontline.survey_plan(409)));
END $$;
RESET SESSION AUTHORIZATION;
-- A 3-day rule for email: 5 days ago is fine now; 2 days is not.
SET SESSION AUTHORIZATION fl100_admin;
SELECT frontline.survey_policy_set('email', 1, 3, true, true) AS x \gset
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl100_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('3-day rule: 5 days ago', 'true sampled 5',
        (SELECT concat_ws(' ', ask::text, reason, days_since_last) FROM frontline.survey_plan(402)));
    PERFORM pg_temp.expect('3-day rule: 2 days ago', 'false fatigue 2',
        (SELECT concat_ws(' ', ask::text, reason, days_since_last) FROM frontline.survey_plan(407)));
END $$;
RESET SESSION AUTHORIZATION;

-- Already rated: any rating row of the ticket, whatever its status; it
-- wins over not_nth and fatigue.
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject) VALUES (411, 4, 1, 'email', 'another of 4');
INSERT INTO frontline.ratings (ticket_id, status, via) VALUES (405, 'not_asked', 'live');
INSERT INTO frontline.ratings (ticket_id, csat, status, via) VALUES (104, 5, 'answered', 'live');
SET SESSION AUTHORIZATION fl100_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('already rated (not_asked row)', 'false already_rated',
        (SELECT concat_ws(' ', ask::text, reason) FROM frontline.survey_plan(405)));
    PERFORM pg_temp.expect('already rated beats not_nth', 'false already_rated 4',
        (SELECT concat_ws(' ', ask::text, reason, contact_no) FROM frontline.survey_plan(104)));
    PERFORM pg_temp.expect('the customer''s other ticket: fatigue now', 'fatigue 0',
        (SELECT concat_ws(' ', reason, days_since_last) FROM frontline.survey_plan(411)));
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- Rights: b does not see a's tickets; nobody plans in someone else's name.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl100_b;
DO $$ BEGIN
    PERFORM pg_temp.fails('SELECT * FROM frontline.survey_plan(402)', '42501',
        'frontline: ticket 402 is not visible to you', 'b plans a''s ticket');
    PERFORM pg_temp.fails('SELECT * FROM frontline.survey_plan(999999)', '42501', '%not visible%', 'no such ticket');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.survey_plan_as('fl100_a', 402)$q$, '42501',
        '%may not act as fl100_a%', 'b acts as a');
    PERFORM pg_temp.expect('b: its own ticket', 'already_rated', (SELECT reason FROM frontline.survey_plan(401)));
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl100_sup;
DO $$ BEGIN
    PERFORM pg_temp.expect('supervisor plans any ticket', 2::bigint,
        (SELECT count(*) FROM (SELECT * FROM frontline.survey_plan(401) UNION ALL SELECT * FROM frontline.survey_plan(402)) s));
END $$;
RESET SESSION AUTHORIZATION;
-- An agent cannot move the clock to escape fatigue (frontline.now is the
-- admins' only).
SET SESSION AUTHORIZATION fl100_a;
SET frontline.now = '2100-01-01 00:00+00';
DO $$ BEGIN
    PERFORM pg_temp.expect('agent''s frontline.now is ignored', 'fatigue 0',
        (SELECT concat_ws(' ', reason, days_since_last) FROM frontline.survey_plan(411)));
END $$;
RESET frontline.now;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- History loaded with triggers off, then survey_contacts_rebuild().
-- ---------------------------------------------------------------------------
BEGIN;
SET LOCAL session_replication_role = replica;
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject, status, created_at, solved_at)
SELECT 500 + g, 35, 1, CASE WHEN g % 2 = 0 THEN 'walk-in' ELSE 'phone' END, 'old ' || g, 'closed',
       now() - make_interval(days => 60 - g), now() - make_interval(days => 60 - g) + interval '1 hour'
  FROM generate_series(1, 6) AS g;
COMMIT;
DO $$
DECLARE
    v_n bigint;
BEGIN
    PERFORM pg_temp.expect('history has no numbers yet', 0::bigint,
        (SELECT count(*) FROM frontline.survey_contacts WHERE ticket_id > 500));
    v_n := frontline.survey_contacts_rebuild();
    PERFORM pg_temp.expect('rebuild numbers the history', 6::bigint, v_n);
    PERFORM pg_temp.expect('walk-in history from 1, phone after the 9 counted', '501=10 502=1 503=11 504=2 505=12 506=3',
        (SELECT string_agg(ticket_id || '=' || contact_no, ' ' ORDER BY ticket_id) FROM frontline.survey_contacts WHERE ticket_id > 500));
    PERFORM pg_temp.expect('counters follow', 'phone=12 walk-in=3',
        (SELECT string_agg(channel || '=' || contacts, ' ' ORDER BY channel) FROM frontline.survey_counters
          WHERE channel IN ('phone', 'walk-in')));
    PERFORM pg_temp.expect('a second rebuild does nothing', 0::bigint, frontline.survey_contacts_rebuild());
END $$;

-- ---------------------------------------------------------------------------
-- Rights on the new objects.
-- ---------------------------------------------------------------------------
DO $$ BEGIN
    PERFORM pg_temp.expect('agents may not write the counter', false,
        has_table_privilege('frontline_agent', 'frontline.survey_counters', 'UPDATE')
        OR has_table_privilege('frontline_agent', 'frontline.survey_contacts', 'INSERT'));
    PERFORM pg_temp.expect('the counter trigger cannot be called by PUBLIC', false,
        has_function_privilege('public', 'frontline.survey_count_contact()', 'EXECUTE'));
    PERFORM pg_temp.expect('survey_plan_as not for PUBLIC', false,
        has_function_privilege('public', 'frontline.survey_plan_as(name, bigint)', 'EXECUTE'));
END $$;

DROP OWNED BY fl100_a, fl100_b, fl100_sup, fl100_admin;
DROP ROLE fl100_a, fl100_b, fl100_sup, fl100_admin;
