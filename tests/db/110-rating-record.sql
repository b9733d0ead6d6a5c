-- 110-rating-record.sql: rating_record() of 007: each status (answered,
-- declined, not_asked, survey_sent with its outbox event), every check with
-- its message, a second rating refused in words, a survey request completed
-- once by an import and then refused, idempotent retries, the triggers of
-- 003 (rating.answered, changes, one NOTIFY), topics, row-level security
-- (an agent of team B cannot rate team A's ticket), and writers at the same
-- moment (background psql sessions: psql on PATH, a local server; writes a
-- temporary file under /tmp).
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

-- pg_temp.rec(...): rating_record's row as one line.
CREATE FUNCTION pg_temp.rec(p_ticket bigint, p_key text, p_status text, p_fcr boolean, p_topic text,
                            p_csat int, p_nps int, p_reason text, p_comment text, p_callback boolean,
                            p_via text)
RETURNS text LANGUAGE sql AS $$
    SELECT concat_ws(' ', r.status, coalesce(r.rating_id::text, '-'), coalesce(r.callback_ticket::text, '-'),
                     coalesce(r.message, '-'))
      FROM frontline.rating_record(p_ticket, p_key, p_status, p_fcr, p_topic, p_csat::smallint, p_nps::smallint,
                                   p_reason, p_comment, p_callback, p_via) AS r
$$;

-- pg_temp.wait_for(sql, what): poll a boolean query for up to 60 s.
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

CREATE FUNCTION pg_temp.notifications(p_out text) RETURNS bigint[]
LANGUAGE sql AS $$
    SELECT coalesce(array_agg(m[1]::bigint), '{}')
      FROM regexp_matches(coalesce(p_out, ''),
           'Asynchronous notification "frontline_changes" with payload "([0-9]+)"', 'g') AS m
$$;

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fl110_a', 'fl110_b', 'fl110_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl110_a, fl110_b;
GRANT frontline_admin TO fl110_admin;

INSERT INTO frontline.teams (id, name) VALUES (1, 'A'), (2, 'B'), (3, 'Seniors');
INSERT INTO frontline.queues (id, name, team_id) VALUES (1, 'qa', 1), (2, 'qb', 2), (3, 'Senior', 3);
INSERT INTO frontline.agents (id, role_name, display_name, team_id, languages) VALUES
    (1, 'fl110_a', 'A one', 1, '{}'), (2, 'fl110_b', 'B one', 2, '{}');
INSERT INTO frontline.customers (id, name, language) VALUES
    (1, 'Ann', 'en'), (2, 'Boris', 'ru'), (3, 'Celina', 'pl'), (4, 'Dan', 'en'), (5, 'Eve', 'en'),
    (6, 'Fred', 'en'), (7, 'Gia', 'en'), (8, 'Hal', 'en'), (9, 'Ida', 'en'), (10, 'Jo', 'en');
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject, status) VALUES
    (1, 1, 1, 'phone', 'answered live', 'solved'),
    (2, 2, 1, 'chat', 'declined', 'solved'),
    (3, 3, 1, 'walk-in', 'not asked', 'solved'),
    (4, 4, 1, 'email', 'survey by mail', 'solved'),
    (5, 5, 1, 'portal', 'survey, then a live answer', 'solved'),
    (6, 6, 1, 'phone', 'checks', 'solved'),
    (7, 7, 1, 'phone', 'retries', 'solved'),
    (8, 8, 2, 'phone', 'team B''s', 'solved'),
    (9, 9, 1, 'phone', 'reason with csat 4', 'solved'),
    (10, 10, 1, 'phone', 'detractor with a reason', 'solved');
SELECT setval(pg_get_serial_sequence('frontline.tickets', 'id'), 1000) AS bumped \gset

-- ---------------------------------------------------------------------------
-- The contract.
-- ---------------------------------------------------------------------------
DO $$ BEGIN
    PERFORM pg_temp.expect('rating_record arguments',
        'p_ticket bigint, p_key text, p_status text, p_fcr boolean, p_topic text, p_csat smallint, '
        'p_nps smallint, p_reason text, p_comment text, p_callback boolean, p_via text',
        pg_get_function_arguments('frontline.rating_record(bigint, text, text, boolean, text, smallint, smallint, text, text, boolean, text)'::regprocedure));
    PERFORM pg_temp.expect('rating_record result',
        'TABLE(status text, rating_id bigint, callback_ticket bigint, message text)',
        pg_get_function_result('frontline.rating_record(bigint, text, text, boolean, text, smallint, smallint, text, text, boolean, text)'::regprocedure));
    PERFORM pg_temp.expect('rating_record runs with the caller''s rights', false,
        (SELECT prosecdef FROM pg_proc WHERE proname = 'rating_record'));
    PERFORM pg_temp.expect('rating_topics result', 'TABLE(code text, name text)',
        pg_get_function_result('frontline.rating_topics()'::regprocedure));
END $$;

-- ---------------------------------------------------------------------------
-- Topics.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl110_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('default topics in order', 'billing login delivery defect howto refund other',
        (SELECT string_agg(code, ' ') FROM frontline.rating_topics()));
    PERFORM pg_temp.expect('topic names', 'Login and account',
        (SELECT name FROM frontline.rating_topics() WHERE code = 'login'));
    PERFORM pg_temp.fails($q$INSERT INTO frontline.rating_topics (code, name) VALUES ('x', 'X')$q$,
        '42501', '%', 'an agent adds a topic');
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl110_admin;
INSERT INTO frontline.rating_topics (code, name, position) VALUES ('warranty', 'Warranty', 45);
UPDATE frontline.rating_topics SET active = false WHERE code = 'howto';
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl110_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('admin-edited topics', 'billing login delivery defect warranty refund other',
        (SELECT string_agg(code, ' ') FROM frontline.rating_topics()));
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- Each status.
-- ---------------------------------------------------------------------------
LISTEN frontline_changes;
SELECT '/tmp/fl110-notify-' || pg_backend_pid() || '.out' AS nfile \gset
SET SESSION AUTHORIZATION fl110_a;
\o :nfile
SELECT status FROM frontline.rating_record(1, 'k1', 'answered', true, 'billing', 5::smallint, 9::smallint,
                                           NULL, 'Quick and kind.', false, 'live');
\o
RESET SESSION AUTHORIZATION;
\set out `cat :nfile`
SELECT set_config('fl.out', :'out', false) AS x \gset
DO $$
DECLARE
    r record;
BEGIN
    SELECT * INTO r FROM frontline.ratings WHERE ticket_id = 1;
    PERFORM pg_temp.expect('answered: the row',
        '5 9 - Quick and kind. f t billing answered 1 live k1',
        concat_ws(' ', r.csat, r.nps, coalesce(r.reason, '-'), r.comment, r.callback_wanted::text::char,
                  r.resolved_first_contact::text::char, r.topic, r.status, r.asked_by, r.via, r.idempotency_key));
    PERFORM pg_temp.expect('answered: rating.answered in the outbox', 1::bigint,
        (SELECT count(*) FROM frontline.outbox WHERE kind = 'rating.answered' AND ticket_id = 1));
    PERFORM pg_temp.expect('answered: a changes row', 1::bigint,
        (SELECT count(*) FROM frontline.changes WHERE what = 'rating.insert' AND ticket_id = 1 AND row_id = r.id));
    PERFORM pg_temp.expect('answered: one NOTIFY with the highest change', ARRAY[(SELECT max(seq) FROM frontline.changes)],
        pg_temp.notifications(current_setting('fl.out')));
    PERFORM pg_temp.expect('answered: no callback for 5/9', NULL::bigint, r.callback_ticket_id);
END $$;
UNLISTEN *;
\set rm_out `rm -f :nfile`

SET SESSION AUTHORIZATION fl110_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('declined', 'recorded',
        split_part(pg_temp.rec(2, 'k2', 'declined', false, 'login', NULL, NULL, NULL, NULL, false, 'live'), ' ', 1));
    PERFORM pg_temp.expect('not asked (the agent''s outcome only)', 'recorded',
        split_part(pg_temp.rec(3, 'k3', 'not_asked', true, 'delivery', NULL, NULL, NULL, NULL, NULL, NULL), ' ', 1));
    PERFORM pg_temp.expect('survey sent', 'survey requested',
        (SELECT message FROM frontline.rating_record(4, 'k4', 'survey_sent', NULL, NULL, NULL, NULL, NULL, NULL, false, 'live')));
END $$;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('declined and not_asked rows', 'declined live login f|not_asked live delivery t',
        (SELECT string_agg(concat_ws(' ', status, via, topic, resolved_first_contact::text::char), '|' ORDER BY ticket_id)
           FROM frontline.ratings WHERE ticket_id IN (2, 3) AND csat IS NULL AND nps IS NULL));
    PERFORM pg_temp.expect('no rating.answered for declined/not_asked/survey_sent', 0::bigint,
        (SELECT count(*) FROM frontline.outbox WHERE kind = 'rating.answered' AND ticket_id IN (2, 3, 4)));
    PERFORM pg_temp.expect('survey_sent row: via survey, sent_at set', 'survey_sent survey t',
        (SELECT concat_ws(' ', status, via, (survey_sent_at IS NOT NULL)::text::char) FROM frontline.ratings WHERE ticket_id = 4));
    PERFORM pg_temp.expect('survey.requested in the outbox',
        jsonb_build_object('ticket_id', 4, 'customer_id', 4, 'channel', 'email', 'language', 'en',
                           'subject', 'survey by mail', 'ask_csat', true, 'ask_nps', true,
                           'rating_id', (SELECT id FROM frontline.ratings WHERE ticket_id = 4)),
        (SELECT payload FROM frontline.outbox WHERE kind = 'survey.requested' AND ticket_id = 4));
    PERFORM pg_temp.expect('one survey.requested in all', 1::bigint,
        (SELECT count(*) FROM frontline.outbox WHERE kind = 'survey.requested'));
    PERFORM pg_temp.expect('the survey request awaits the relay', true,
        (SELECT delivered_at IS NULL AND attempts = 0 FROM frontline.outbox WHERE kind = 'survey.requested'));
END $$;

-- The request is written in the same transaction: rolled back, it is gone.
BEGIN;
SET LOCAL SESSION AUTHORIZATION fl110_a;
SELECT status FROM frontline.rating_record(5, 'k5-rolled-back', 'survey_sent', NULL, NULL, NULL, NULL, NULL, NULL, false, 'live') \gset
ROLLBACK;
DO $$ BEGIN
    PERFORM pg_temp.expect('rolled back: no rating, no event', '0 1',
        (SELECT count(*) FROM frontline.ratings WHERE ticket_id = 5) || ' '
        || (SELECT count(*) FROM frontline.outbox WHERE kind = 'survey.requested'));
END $$;

-- ---------------------------------------------------------------------------
-- Checks: SQLSTATE 22023, the field named, nothing written.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl110_a;
DO $$
DECLARE
    c text[];
BEGIN
    FOREACH c SLICE 1 IN ARRAY ARRAY[
        ARRAY[$q$pg_temp.rec(6, 'c1', 'answered', NULL, NULL, 6, NULL, NULL, NULL, false, 'live')$q$,
              'frontline: csat must be 1 to 5 (got 6)'],
        ARRAY[$q$pg_temp.rec(6, 'c2', 'answered', NULL, NULL, 0, NULL, NULL, NULL, false, 'live')$q$,
              'frontline: csat must be 1 to 5 (got 0)'],
        ARRAY[$q$pg_temp.rec(6, 'c3', 'answered', NULL, NULL, NULL, 11, NULL, NULL, false, 'live')$q$,
              'frontline: nps must be 0 to 10 (got 11)'],
        ARRAY[$q$pg_temp.rec(6, 'c4', 'answered', NULL, NULL, NULL, -1, NULL, NULL, false, 'live')$q$,
              'frontline: nps must be 0 to 10 (got -1)'],
        ARRAY[$q$pg_temp.rec(6, 'c5', 'answered', NULL, NULL, NULL, NULL, NULL, NULL, false, 'live')$q$,
              'frontline: an answered rating needs csat or nps'],
        ARRAY[$q$pg_temp.rec(6, 'c6', 'declined', NULL, NULL, 3, NULL, NULL, NULL, false, 'live')$q$,
              'frontline: csat and nps are for status answered, not declined'],
        ARRAY[$q$pg_temp.rec(6, 'c7', 'survey_sent', NULL, NULL, NULL, 5, NULL, NULL, false, 'live')$q$,
              'frontline: csat and nps are for status answered, not survey_sent'],
        ARRAY[$q$pg_temp.rec(6, 'c8', 'maybe', NULL, NULL, 3, NULL, NULL, NULL, false, 'live')$q$,
              'frontline: unknown status "maybe" (answered, declined, not_asked or survey_sent)'],
        ARRAY[$q$pg_temp.rec(6, 'c9', NULL, NULL, NULL, 3, NULL, NULL, NULL, false, 'live')$q$,
              'frontline: unknown status "<NULL>"%'],
        ARRAY[$q$pg_temp.rec(6, 'c10', 'answered', NULL, NULL, 3, NULL, NULL, NULL, false, 'fax')$q$,
              'frontline: unknown via "fax" (live, survey, import, web, email or ivr)'],
        ARRAY[$q$pg_temp.rec(6, 'c11', 'answered', NULL, NULL, 2, NULL, 'rude', NULL, false, 'live')$q$,
              'frontline: unknown reason "rude"%'],
        ARRAY[$q$pg_temp.rec(6, 'c12', 'answered', NULL, NULL, 4, NULL, 'long_wait', NULL, false, 'live')$q$,
              'frontline: a reason is given only for csat 3 or lower, nps 6 or lower, or a callback'],
        ARRAY[$q$pg_temp.rec(6, 'c13', 'answered', NULL, NULL, NULL, 8, 'manner', NULL, false, 'live')$q$,
              'frontline: a reason is given only for%'],
        ARRAY[$q$pg_temp.rec(6, 'c14', 'answered', NULL, NULL, 2, NULL, 'other', NULL, false, 'live')$q$,
              'frontline: reason "other" needs a comment'],
        ARRAY[$q$pg_temp.rec(6, 'c15', 'answered', NULL, NULL, 2, NULL, 'other', E' \n\t', false, 'live')$q$,
              'frontline: reason "other" needs a comment'],
        ARRAY[$q$pg_temp.rec(6, 'c16', 'answered', NULL, 'weather', 4, NULL, NULL, NULL, false, 'live')$q$,
              'frontline: unknown topic "weather"%'],
        ARRAY[$q$pg_temp.rec(6, 'c17', 'answered', NULL, NULL, 4, NULL, NULL, repeat('é', 4001), false, 'live')$q$,
              'frontline: comment is too long (4001 characters, at most 4000)'],
        ARRAY[$q$pg_temp.rec(6, '  ', 'answered', NULL, NULL, 4, NULL, NULL, NULL, false, 'live')$q$,
              'frontline: an idempotency key is required'],
        ARRAY[$q$pg_temp.rec(6, NULL, 'answered', NULL, NULL, 4, NULL, NULL, NULL, false, 'live')$q$,
              'frontline: an idempotency key is required'],
        ARRAY[$q$pg_temp.rec(NULL, 'c20', 'answered', NULL, NULL, 4, NULL, NULL, NULL, false, 'live')$q$,
              'frontline: ticket is required']
    ] LOOP
        PERFORM pg_temp.fails('SELECT ' || c[1], '22023', c[2], c[1]);
    END LOOP;
END $$;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('nothing written by refused checks', '0 0',
        (SELECT count(*) FROM frontline.ratings WHERE ticket_id = 6) || ' '
        || (SELECT count(*) FROM frontline.tickets WHERE follows_up_id = 6));
END $$;
-- What the checks allow: a reason with csat 4 when a callback is wanted, a
-- reason with a detractor NPS, a retired topic, the longest comment.
SET SESSION AUTHORIZATION fl110_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('csat 4, reason, callback', 'recorded',
        split_part(pg_temp.rec(9, 'ok9', 'answered', NULL, 'howto', 4, NULL, 'long_wait', NULL, true, 'live'), ' ', 1));
    PERFORM pg_temp.expect('nps 5 with a reason', 'recorded',
        split_part(pg_temp.rec(10, 'ok10', 'answered', false, NULL, NULL, 5, 'other', repeat('x', 4000), false, 'live'), ' ', 1));
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- A second rating is refused, in words; nothing changes.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl110_a;
DO $$
DECLARE
    r    record;
    v_id bigint := (SELECT id FROM frontline.ratings WHERE ticket_id = 1);
    v_on text := (SELECT to_char(created_at, 'YYYY-MM-DD') FROM frontline.ratings WHERE ticket_id = 1);
BEGIN
    SELECT * INTO r FROM frontline.rating_record(1, 'k1-again', 'answered', NULL, NULL, 1::smallint, 0::smallint,
                                                  'manner', 'Changed my mind', true, 'live');
    PERFORM pg_temp.expect('second rating: refused', 'refused', r.status);
    PERFORM pg_temp.expect('second rating: the existing id', v_id, r.rating_id);
    PERFORM pg_temp.expect('second rating: the message', 'ticket 1 already has a rating (answered on ' || v_on || ')', r.message);
    PERFORM pg_temp.expect('declined ticket: refused too', 'refused ticket 2 already has a rating (declined on ' || v_on || ')',
        (SELECT status || ' ' || message FROM frontline.rating_record(2, 'k2-again', 'answered', NULL, NULL, 4::smallint,
                                                                      NULL, NULL, NULL, false, 'live')));
    PERFORM pg_temp.expect('a survey request is not answered live', 'ticket 4 already has a rating (survey sent on ' || v_on || ')',
        (SELECT message FROM frontline.rating_record(4, 'k4-live', 'answered', NULL, NULL, 4::smallint,
                                                     NULL, NULL, NULL, false, 'live')));
END $$;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('after refusals: ticket 1 unchanged', '5 9 f',
        (SELECT concat_ws(' ', csat, nps, callback_wanted::text::char) FROM frontline.ratings WHERE ticket_id = 1));
    PERFORM pg_temp.expect('after refusals: no callback ticket', 0::bigint,
        (SELECT count(*) FROM frontline.tickets WHERE follows_up_id IN (1, 2, 4)));
    PERFORM pg_temp.expect('after refusals: ratings', 6::bigint, (SELECT count(*) FROM frontline.ratings));
END $$;

-- ---------------------------------------------------------------------------
-- A survey request completed once by an import, then refused.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl110_admin;
DO $$
DECLARE
    v_id   bigint := (SELECT id FROM frontline.ratings WHERE ticket_id = 4);
    v_sent timestamptz := (SELECT survey_sent_at FROM frontline.ratings WHERE ticket_id = 4);
    r      record;
BEGIN
    SELECT * INTO r FROM frontline.rating_record(4, 'import:4', 'answered', true, 'delivery', 4::smallint, 8::smallint,
                                                  NULL, 'Fine in the end.', false, 'import');
    PERFORM pg_temp.expect('import completes the request', 'recorded ' || v_id || ' survey answer recorded',
        concat_ws(' ', r.status, r.rating_id, r.message));
    PERFORM pg_temp.expect('the completed row',
        'answered 4 8 import delivery t Fine in the end. 1 k4 import:4 t',
        (SELECT concat_ws(' ', status, csat, nps, via, topic, resolved_first_contact::text::char, comment, asked_by,
                          idempotency_key, answer_key, (survey_sent_at = v_sent AND created_at >= v_sent)::text::char)
           FROM frontline.ratings WHERE ticket_id = 4));
    PERFORM pg_temp.expect('rating.answered on completion', 1::bigint,
        (SELECT count(*) FROM frontline.outbox WHERE kind = 'rating.answered' AND ticket_id = 4));
    PERFORM pg_temp.expect('rating.update logged', 1::bigint,
        (SELECT count(*) FROM frontline.changes WHERE what = 'rating.update' AND ticket_id = 4));
    PERFORM pg_temp.expect('retry of the import', 'duplicate ' || v_id,
        (SELECT status || ' ' || rating_id FROM frontline.rating_record(4, 'import:4', 'answered', NULL, NULL,
                                                                        4::smallint, 8::smallint, NULL, NULL, false, 'import')));
    PERFORM pg_temp.expect('retry of the request', 'duplicate ' || v_id,
        (SELECT status || ' ' || rating_id FROM frontline.rating_record(4, 'k4', 'survey_sent', NULL, NULL,
                                                                        NULL, NULL, NULL, NULL, false, 'live')));
    SELECT * INTO r FROM frontline.rating_record(4, 'import:4:second', 'answered', NULL, NULL, 1::smallint, NULL,
                                                  NULL, NULL, false, 'web');
    PERFORM pg_temp.expect('a second answer is refused', 'refused ticket 4 already has a rating (answered on '
                                                          || to_char(now(), 'YYYY-MM-DD') || ')',
        r.status || ' ' || r.message);
    PERFORM pg_temp.expect('still the first answer', '4 8 import',
        (SELECT concat_ws(' ', csat, nps, via) FROM frontline.ratings WHERE ticket_id = 4));
END $$;
RESET SESSION AUTHORIZATION;

-- An answer with no request before it (a web form) is simply recorded;
-- every way in is accepted.
SET SESSION AUTHORIZATION fl110_admin;
DO $$
DECLARE
    v text;
BEGIN
    INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject, status)
    SELECT 20 + g, 1, 1, 'email', 'via ' || u.w, 'solved'
      FROM unnest(ARRAY['survey', 'import', 'web', 'email', 'ivr']) WITH ORDINALITY AS u(w, g);
    FOR v IN SELECT unnest(ARRAY['survey', 'import', 'web', 'email', 'ivr']) LOOP
        PERFORM pg_temp.expect('via ' || v, 'recorded',
            (SELECT status FROM frontline.rating_record((SELECT id FROM frontline.tickets WHERE subject = 'via ' || v),
                                                       'via-' || v, 'answered', NULL, NULL, 5::smallint, NULL, NULL,
                                                       NULL, false, v)));
    END LOOP;
    PERFORM pg_temp.expect('stored with their via', 'email import ivr survey web',
        (SELECT string_agg(via, ' ' ORDER BY via) FROM frontline.ratings WHERE ticket_id BETWEEN 21 AND 25));
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- Idempotent retries.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl110_a;
DO $$
DECLARE
    a record;
    b record;
BEGIN
    SELECT * INTO a FROM frontline.rating_record(7, 'k7', 'answered', NULL, NULL, 3::smallint, 7::smallint,
                                                  'long_wait', NULL, false, 'live');
    SELECT * INTO b FROM frontline.rating_record(7, 'k7', 'answered', NULL, NULL, 3::smallint, 7::smallint,
                                                  'long_wait', NULL, false, 'live');
    PERFORM pg_temp.expect('first call', 'recorded', a.status);
    PERFORM pg_temp.expect('retry', 'duplicate', b.status);
    PERFORM pg_temp.expect('retry: same id', a.rating_id, b.rating_id);
    PERFORM pg_temp.expect('retry: no message', NULL::text, b.message);
    -- A retry with other values is still the same rating (the key decides).
    PERFORM pg_temp.expect('retry with other values', 'duplicate',
        (SELECT status FROM frontline.rating_record(7, 'k7', 'declined', NULL, NULL, NULL, NULL, NULL, NULL, false, 'live')));
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.rating_record(6, 'k7', 'answered', NULL, NULL, 5::smallint,
                                                                   NULL, NULL, NULL, false, 'live')$q$,
        '22023', 'frontline: idempotency key k7 was used for the rating of ticket 7', 'the key of another ticket');
END $$;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('one row, one event for ticket 7', '1 1',
        (SELECT count(*) FROM frontline.ratings WHERE ticket_id = 7) || ' '
        || (SELECT count(*) FROM frontline.outbox WHERE kind = 'rating.answered' AND ticket_id = 7));
END $$;

-- ---------------------------------------------------------------------------
-- Row-level security.
-- ---------------------------------------------------------------------------
SELECT set_config('fl.r1', (SELECT id FROM frontline.ratings WHERE ticket_id = 1)::text, false) AS x \gset
SET SESSION AUTHORIZATION fl110_b;
DO $$ BEGIN
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.rating_record(6, 'b1', 'answered', NULL, NULL, 1::smallint,
                                                                   NULL, NULL, NULL, true, 'live')$q$,
        '42501', 'frontline: ticket 6 is not visible to you', 'b rates a''s ticket');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.rating_record(1, 'b2', 'answered', NULL, NULL, 2::smallint,
                                                                   NULL, NULL, NULL, false, 'live')$q$,
        '42501', 'frontline: ticket 1 is not visible to you', 'b rates a''s rated ticket');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.rating_record(1, 'k1', 'answered', NULL, NULL, 5::smallint,
                                                                   NULL, NULL, NULL, false, 'live')$q$,
        '42501', 'frontline: ticket 1 is not visible to you', 'b retries a''s key on a''s ticket');
    PERFORM pg_temp.fails($q$INSERT INTO frontline.ratings (ticket_id, csat) VALUES (6, 1)$q$,
        '42501', '%row-level security%', 'b inserts a rating by hand');
    PERFORM pg_temp.fails(format('SELECT frontline.rating_callback_as(%L, %s)', 'fl110_a', current_setting('fl.r1')),
        '42501', '%may not act as fl110_a%', 'b acts as a');
    PERFORM pg_temp.fails(format('SELECT frontline.rating_callback_as(%L, %s)', 'fl110_b', current_setting('fl.r1')),
        '42501', 'frontline: rating % is not visible to you', 'b asks a callback for a''s rating');
    PERFORM pg_temp.expect('b rates its own', 'recorded',
        (SELECT status FROM frontline.rating_record(8, 'b8', 'answered', NULL, NULL, 5::smallint, NULL, NULL, NULL,
                                                    false, 'live')));
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl110_a;
DO $$ BEGIN
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.rating_record(8, 'a8', 'answered', NULL, NULL, 5::smallint,
                                                                   NULL, NULL, NULL, false, 'live')$q$,
        '42501', 'frontline: ticket 8 is not visible to you', 'a rates b''s ticket');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.rating_record(6, 'b8', 'answered', NULL, NULL, 5::smallint,
                                                                   NULL, NULL, NULL, false, 'live')$q$,
        '23505', 'frontline: idempotency key b8 is already in use', 'b''s key on a''s ticket (a learns nothing more)');
    PERFORM pg_temp.fails($q$UPDATE frontline.ratings SET callback_ticket_id = 6 WHERE ticket_id = 1$q$,
        '42501', 'frontline: the callback ticket of a rating is set by rating_record() only', 'a links a callback by hand');
    PERFORM pg_temp.fails($q$UPDATE frontline.ratings SET callback_ticket_id = NULL WHERE ticket_id = 9$q$,
        '42501', 'frontline: the callback ticket of a rating is set by rating_record() only', 'a unlinks a callback by hand');
    PERFORM pg_temp.fails($q$INSERT INTO frontline.ratings (ticket_id, csat, callback_ticket_id) VALUES (6, 1, 1)$q$,
        '42501', 'frontline: the callback ticket of a rating is set by rating_record() only', 'a inserts a linked rating');
    PERFORM pg_temp.expect('no callback for a good rating', NULL::bigint,
        frontline.rating_callback_as('fl110_a', current_setting('fl.r1')::bigint));
END $$;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('after the RLS checks: ratings of 6 and callbacks of 1', '0 0',
        (SELECT count(*) FROM frontline.ratings WHERE ticket_id = 6) || ' '
        || (SELECT count(*) FROM frontline.tickets WHERE follows_up_id IN (1, 6)));
END $$;

-- ---------------------------------------------------------------------------
-- At the same moment: a background session writes and holds its
-- transaction open; the second writer waits for it, then says what became
-- of its own write.
-- ---------------------------------------------------------------------------
\setenv PGHOST :HOST
\setenv PGPORT :PORT
\setenv PGDATABASE :DBNAME
\setenv PGUSER :USER
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject, status) VALUES
    (30, 1, 1, 'phone', 'race: same key', 'solved'),
    (31, 2, 1, 'phone', 'race: two keys', 'solved'),
    (32, 3, 1, 'email', 'race: two answers to one survey', 'solved');
INSERT INTO frontline.ratings (ticket_id, status, via, idempotency_key, survey_sent_at)
VALUES (32, 'survey_sent', 'survey', 'k32', now());

-- The same key twice: the second is a duplicate of the first.
\! PGAPPNAME=fl110_racer psql -X -q -v ON_ERROR_STOP=1 -c "SET ROLE fl110_a" -c "BEGIN" -c "SELECT * FROM frontline.rating_record(30, 'k30', 'answered', NULL, NULL, 5::smallint, NULL, NULL, NULL, false, 'live')" -c "SELECT pg_sleep(0.5)" -c "COMMIT" >/dev/null 2>&1 &
CALL pg_temp.wait_for($$SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                                        WHERE application_name = 'fl110_racer' AND datname = current_database()
                                          AND wait_event = 'PgSleep' AND backend_xid IS NOT NULL)$$,
                      'the first rater to write and wait');
SET ROLE fl110_a;
SELECT status || ' ' || rating_id AS race FROM frontline.rating_record(30, 'k30', 'answered', NULL, NULL, 5::smallint,
                                                                       NULL, NULL, NULL, false, 'live') \gset
RESET ROLE;
SELECT set_config('fl.race', :'race', false) AS x \gset
DO $$ BEGIN
    PERFORM pg_temp.expect('same key at once: a duplicate of the first',
        'duplicate ' || (SELECT id FROM frontline.ratings WHERE ticket_id = 30), current_setting('fl.race'));
END $$;
CALL pg_temp.wait_for($$SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = 'fl110_racer')$$,
                      'the first rater to finish');

-- Two keys for one ticket: the second is refused in words (no callback for it).
\! PGAPPNAME=fl110_racer psql -X -q -v ON_ERROR_STOP=1 -c "SET ROLE fl110_a" -c "BEGIN" -c "SELECT * FROM frontline.rating_record(31, 'k31-a', 'answered', NULL, NULL, 5::smallint, NULL, NULL, NULL, false, 'live')" -c "SELECT pg_sleep(0.5)" -c "COMMIT" >/dev/null 2>&1 &
CALL pg_temp.wait_for($$SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                                        WHERE application_name = 'fl110_racer' AND datname = current_database()
                                          AND wait_event = 'PgSleep' AND backend_xid IS NOT NULL)$$,
                      'the first rater to write and wait');
SET ROLE fl110_a;
SELECT status || ' ' || message AS race FROM frontline.rating_record(31, 'k31-b', 'answered', NULL, NULL, 1::smallint,
                                                                     NULL, NULL, NULL, true, 'live') \gset
RESET ROLE;
SELECT set_config('fl.race', :'race', false) AS x \gset
DO $$ BEGIN
    PERFORM pg_temp.expect('two keys at once: the second is refused',
        'refused ticket 31 already has a rating (answered on ' || to_char(now(), 'YYYY-MM-DD') || ')', current_setting('fl.race'));
    PERFORM pg_temp.expect('two keys at once: the first stands, no callback', '5 k31-a 0',
        (SELECT concat_ws(' ', csat, idempotency_key, (SELECT count(*) FROM frontline.tickets WHERE follows_up_id = 31))
           FROM frontline.ratings WHERE ticket_id = 31));
END $$;
CALL pg_temp.wait_for($$SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = 'fl110_racer')$$,
                      'the first rater to finish');

-- Two answers to one survey request: it is completed once.
\! PGAPPNAME=fl110_racer psql -X -q -v ON_ERROR_STOP=1 -c "SET ROLE fl110_admin" -c "BEGIN" -c "SELECT * FROM frontline.rating_record(32, 'import:32:a', 'answered', NULL, NULL, 4::smallint, NULL, NULL, NULL, false, 'import')" -c "SELECT pg_sleep(0.5)" -c "COMMIT" >/dev/null 2>&1 &
CALL pg_temp.wait_for($$SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                                        WHERE application_name = 'fl110_racer' AND datname = current_database()
                                          AND wait_event = 'PgSleep' AND backend_xid IS NOT NULL)$$,
                      'the first answer to write and wait');
SET ROLE fl110_admin;
SELECT status || ' ' || message AS race FROM frontline.rating_record(32, 'import:32:b', 'answered', NULL, NULL, 1::smallint,
                                                                     NULL, NULL, NULL, false, 'web') \gset
RESET ROLE;
SELECT set_config('fl.race', :'race', false) AS x \gset
DO $$ BEGIN
    PERFORM pg_temp.expect('two answers to one survey at once: the second is refused',
        'refused ticket 32 already has a rating (answered on ' || to_char(now(), 'YYYY-MM-DD') || ')', current_setting('fl.race'));
    PERFORM pg_temp.expect('the first answer stands', '4 import import:32:a',
        (SELECT concat_ws(' ', csat, via, answer_key) FROM frontline.ratings WHERE ticket_id = 32));
END $$;
CALL pg_temp.wait_for($$SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = 'fl110_racer')$$,
                      'the first answer to finish');

DROP OWNED BY fl110_a, fl110_b, fl110_admin;
DROP ROLE fl110_a, fl110_b, fl110_admin;
