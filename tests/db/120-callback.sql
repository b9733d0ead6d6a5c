-- 120-callback.sql: the low-rating loop of 007. A CSAT of 1-2, an NPS
-- detractor or a callback asked for creates, in the same transaction, a
-- follow-up ticket: 'Callback: ' || subject, the same customer, priority
-- high, channel phone, follows_up_id set, in the callback queue (the
-- setting, else 'Senior', else the ticket's own queue) although that is
-- another team's, on the 24/7 'Callback' policy (first response due 60
-- wall-clock minutes later, even on a Saturday night), with a first internal
-- note that carries the rating and quotes the conversation. One NOTIFY for
-- all of it. Good ratings make none; retries make no second one.
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

-- pg_temp.contains(label, text, needle): the text contains the needle.
CREATE FUNCTION pg_temp.contains(p_label text, p_text text, p_needle text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_text IS NULL OR strpos(p_text, p_needle) = 0 THEN
        RAISE EXCEPTION '%: "%" not found in: %', p_label, p_needle, p_text;
    END IF;
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
    FOREACH r IN ARRAY ARRAY['fl120_a', 'fl120_b', 'fl120_s', 'fl120_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl120_a, fl120_b, fl120_s;
GRANT frontline_admin TO fl120_admin;

-- Office hours Mon-Fri 09:00-17:00 in Warsaw; every queue's own policy
-- counts on them. The callback policy must not.
INSERT INTO frontline.calendars (name, time_zone) VALUES ('Office', 'Europe/Warsaw');
INSERT INTO frontline.calendar_hours (calendar_id, isodow, opens, closes)
SELECT c.id, d, '09:00', '17:00' FROM frontline.calendars c, generate_series(1, 5) AS d;
INSERT INTO frontline.sla_policies (name, calendar_id) SELECT 'Standard', id FROM frontline.calendars;
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes, next_response_minutes, resolution_minutes)
SELECT p.id, pr, 240, 240, 960 FROM frontline.sla_policies p, unnest(ARRAY['low', 'normal', 'high', 'urgent']) AS pr;
INSERT INTO frontline.teams (id, name) VALUES (1, 'A'), (2, 'B'), (3, 'Seniors');
INSERT INTO frontline.queues (id, name, team_id, default_policy_id)
SELECT q.id, q.name, q.team, p.id FROM (VALUES (1, 'qa', 1), (2, 'qb', 2), (3, 'Senior', 3)) AS q(id, name, team),
       frontline.sla_policies p;
INSERT INTO frontline.agents (id, role_name, display_name, team_id, languages) VALUES
    (1, 'fl120_a', 'A one', 1, '{}'), (2, 'fl120_b', 'B one', 2, '{}'), (3, 'fl120_s', 'Senior one', 3, '{}');
INSERT INTO frontline.customers (id, name, phone, email, language) VALUES
    (1, 'Alice Smith', '+48 600 000 001', 'alice@example.com', 'en'),
    (2, 'Bob', NULL, 'bob@example.com', 'pl');

-- Ticket 1: a conversation with an internal note in the middle.
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject, created_at)
VALUES (1, 1, 1, 'phone', 'Refund not received', '2024-03-04 10:00+01');
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, author_agent_id, channel, body, created_at) VALUES
    (1, 'customer', 1, NULL, 'phone', E'I paid twice.\r\nPlease refund one.', '2024-03-04 10:00+01'),
    (1, 'note', NULL, 1, 'phone', 'INTERNAL: customer sounds angry', '2024-03-04 10:05+01'),
    (1, 'reply', NULL, 1, 'phone', 'We are on it.', '2024-03-04 10:10+01'),
    (1, 'customer', 1, NULL, 'phone', 'Still nothing after a week.', '2024-03-11 09:00+01'),
    (1, 'reply', NULL, 1, 'phone', E'Refund sent today.\n\nSorry!', '2024-03-11 09:30+01');
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject)
SELECT g, CASE WHEN g % 2 = 0 THEN 2 ELSE 1 END, 1, 'phone', 'Ticket ' || g FROM generate_series(2, 12) AS g;
UPDATE frontline.tickets SET status = 'solved';
SELECT setval(pg_get_serial_sequence('frontline.tickets', 'id'), 1000) AS bumped \gset

-- ---------------------------------------------------------------------------
-- CSAT 2 with a callback wanted, by agent a of team A: the ticket lands in
-- Senior, team Seniors' queue.
-- ---------------------------------------------------------------------------
LISTEN frontline_changes;
SELECT '/tmp/fl120-notify-' || pg_backend_pid() || '.out' AS nfile \gset
SET SESSION AUTHORIZATION fl120_a;
\o :nfile
SELECT status, callback_ticket FROM frontline.rating_record(1, 'r1', 'answered', false, 'refund', 2::smallint,
       3::smallint, 'long_wait', 'Waited a week for nothing.', true, 'live');
\o
DO $$
DECLARE
    r record;
BEGIN
    SELECT * INTO r FROM frontline.ratings WHERE ticket_id = 1;
    PERFORM pg_temp.expect('a: the rating shows its callback', true, r.callback_ticket_id > 1000);
    PERFORM pg_temp.expect('a: the callback ticket is out of a''s sight', 0::bigint,
        (SELECT count(*) FROM frontline.ticket_header(r.callback_ticket_id)));
    PERFORM pg_temp.expect('a: retry returns the same callback', 'duplicate ' || r.id || ' ' || r.callback_ticket_id,
        (SELECT concat_ws(' ', status, rating_id, callback_ticket)
           FROM frontline.rating_record(1, 'r1', 'answered', false, 'refund', 2::smallint, 3::smallint, 'long_wait',
                                        'Waited a week for nothing.', true, 'live')));
END $$;
RESET SESSION AUTHORIZATION;
UNLISTEN *;
\set out `cat :nfile`
\set rm_out `rm -f :nfile`
SELECT set_config('fl.out', :'out', false) AS x \gset
DO $$
DECLARE
    r   record;
    t   record;
    c   record;
    v_n text;
    p   integer[];
BEGIN
    SELECT * INTO r FROM frontline.ratings WHERE ticket_id = 1;
    SELECT * INTO t FROM frontline.tickets WHERE id = r.callback_ticket_id;
    PERFORM pg_temp.contains('the function said so', current_setting('fl.out'), 'recorded');
    PERFORM pg_temp.expect('callback ticket',
        'Callback: Refund not received|1|high|phone|new|1|Senior|{callback}|en|' || r.id,
        concat_ws('|', t.subject, t.customer_id, t.priority, t.channel, t.status, t.follows_up_id,
                  (SELECT name FROM frontline.queues WHERE id = t.queue_id), t.tags::text, t.language,
                  t.custom->>'callback_for_rating'));
    PERFORM pg_temp.expect('one follow-up only, after the retry', 1::bigint,
        (SELECT count(*) FROM frontline.tickets WHERE follows_up_id = 1));
    PERFORM pg_temp.expect('the Callback policy: 24/7', 'Callback 24/7',
        (SELECT name || ' ' || coalesce(calendar_id::text, '24/7') FROM frontline.sla_policies WHERE id = t.sla_policy_id));
    PERFORM pg_temp.expect('the Callback policy''s targets', 'high:60/60/480 low:60/60/480 normal:60/60/480 urgent:60/60/480',
        (SELECT string_agg(priority || ':' || first_response_minutes || '/' || next_response_minutes || '/' || resolution_minutes,
                           ' ' ORDER BY priority)
           FROM frontline.sla_targets WHERE policy_id = t.sla_policy_id));
    SELECT * INTO c FROM frontline.ticket_clocks WHERE ticket_id = t.id AND kind = 'first_response';
    PERFORM pg_temp.expect('first response due 60 wall-clock minutes after creation', interval '60 minutes',
        c.due_at - t.created_at);
    PERFORM pg_temp.expect('the clock runs', 'running', c.state);
    PERFORM pg_temp.expect('the queue shows the due time', c.due_at, t.sla_due_at);
    PERFORM pg_temp.expect('created now', true, t.created_at > now() - interval '1 minute');
    PERFORM pg_temp.expect('outbox: the new ticket, the answer', '1 1',
        (SELECT count(*) FROM frontline.outbox WHERE kind = 'ticket.created' AND ticket_id = t.id) || ' '
        || (SELECT count(*) FROM frontline.outbox WHERE kind = 'rating.answered' AND ticket_id = 1));
    PERFORM pg_temp.expect('changes: the rating, the ticket, the note, the link', 'message.insert rating.insert rating.update ticket.insert',
        (SELECT string_agg(what, ' ' ORDER BY what) FROM frontline.changes
          WHERE (ticket_id = 1 AND what LIKE 'rating.%') OR ticket_id = t.id));
    PERFORM pg_temp.expect('ONE notification for the rating and its callback, with the highest change',
        ARRAY[(SELECT max(seq) FROM frontline.changes)], pg_temp.notifications(current_setting('fl.out')));
    PERFORM pg_temp.expect('audit: the agent created the ticket and wrote the note', 'insert:fl120_a message:fl120_a',
        (SELECT string_agg(what || ':' || actor, ' ' ORDER BY id) FROM frontline.ticket_events WHERE ticket_id = t.id));

    -- The note.
    PERFORM pg_temp.expect('one message: an internal note by a', 'note 1',
        (SELECT string_agg(kind || ' ' || author_agent_id, ',') FROM frontline.messages WHERE ticket_id = t.id));
    SELECT body INTO v_n FROM frontline.messages WHERE ticket_id = t.id;
    PERFORM pg_temp.contains('note: what to do', v_n,
        'Call the customer back within the hour about ticket #1 "Refund not received": a low rating, and the customer asked to be called back.');
    PERFORM pg_temp.contains('note: whom to call', v_n, 'Customer: Alice Smith, phone +48 600 000 001, email alice@example.com, language en');
    PERFORM pg_temp.contains('note: CSAT', v_n, E'\nCSAT: 2 of 5\n');
    PERFORM pg_temp.contains('note: NPS', v_n, E'\nNPS: 3 of 10 (detractor)\n');
    PERFORM pg_temp.contains('note: reason', v_n, E'\nReason: long wait\n');
    PERFORM pg_temp.contains('note: comment', v_n, E'\nComment: Waited a week for nothing.\n');
    PERFORM pg_temp.contains('note: callback wanted', v_n, E'\nCallback wanted by the customer: yes\n');
    PERFORM pg_temp.contains('note: who rated via what', v_n, 'Rated by the customer via live (phone), asked by A one, ');
    PERFORM pg_temp.contains('note: topic and first contact', v_n, 'Topic: refund; resolved at first contact: no');
    PERFORM pg_temp.contains('note: the conversation, quoted with author and time', v_n,
        E'Alice Smith, 2024-03-04 09:00 UTC (customer):\n> I paid twice.\n> Please refund one.\n\n'
        || E'A one, 2024-03-04 09:10 UTC (reply):\n> We are on it.\n\n'
        || E'Alice Smith, 2024-03-11 08:00 UTC (customer):\n> Still nothing after a week.\n\n'
        || E'A one, 2024-03-11 08:30 UTC (reply):\n> Refund sent today.\n>\n> Sorry!');
    PERFORM pg_temp.expect('note: no internal notes of the original', 0, strpos(v_n, 'INTERNAL'));
END $$;

-- The callback's own team sees it and works it.
SET SESSION AUTHORIZATION fl120_s;
DO $$ BEGIN
    PERFORM pg_temp.expect('Seniors see the callback in their queue', 'Callback: Refund not received high',
        (SELECT subject || ' ' || priority FROM frontline.queue_view('team', 10)));
    PERFORM pg_temp.expect('and its note first in the thread', 'note',
        (SELECT kind FROM frontline.ticket_thread((SELECT id FROM frontline.queue_view('team', 10)))
          ORDER BY created_at, id LIMIT 1));
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- A Saturday night (an admin may move the clock; agents may not): the
-- callback is still due an hour later, not on Monday as the queue's own
-- office-hours policy would have it.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl120_admin;
SET frontline.now = '2024-03-09 02:30+01';      -- Saturday, 02:30 in Warsaw
DO $$
DECLARE
    v_cb bigint;
    t    record;
BEGIN
    SELECT callback_ticket INTO v_cb FROM frontline.rating_record(3, 'r3', 'answered', NULL, NULL, 1::smallint,
                                                                  NULL, 'manner', 'Rude.', false, 'import');
    SELECT * INTO t FROM frontline.tickets WHERE id = v_cb;
    PERFORM pg_temp.expect('night: created at the (moved) time', '2024-03-09 02:30+01'::timestamptz, t.created_at);
    PERFORM pg_temp.expect('night: first response due at 03:30', '2024-03-09 03:30+01'::timestamptz,
        (SELECT due_at FROM frontline.sla_clocks WHERE ticket_id = v_cb AND kind = 'first_response'));
    PERFORM pg_temp.expect('night: the queue''s own policy would say Monday', '2024-03-11 13:00+01'::timestamptz,
        frontline.business_add((SELECT calendar_id FROM frontline.sla_policies WHERE name = 'Standard'), t.created_at, 240));
    PERFORM pg_temp.contains('night: recorded by the admin (no asker)', (SELECT body FROM frontline.messages WHERE ticket_id = v_cb),
        'Rated by the customer via import, ');
    PERFORM pg_temp.contains('night: recorded by the admin (no asker)', (SELECT body FROM frontline.messages WHERE ticket_id = v_cb),
        '; recorded by fl120_admin');
    PERFORM pg_temp.expect('night: audit names the admin', 'fl120_admin',
        (SELECT actor FROM frontline.ticket_events WHERE ticket_id = v_cb AND what = 'insert'));
END $$;
RESET frontline.now;
RESET SESSION AUTHORIZATION;
-- An agent's frontline.now is ignored: the callback is created now.
SET SESSION AUTHORIZATION fl120_a;
SET frontline.now = '2024-03-09 02:30+01';
DO $$
DECLARE
    v_cb bigint;
BEGIN
    SELECT callback_ticket INTO v_cb FROM frontline.rating_record(5, 'r5', 'answered', NULL, NULL, 2::smallint,
                                                                  NULL, NULL, NULL, false, 'live');
    PERFORM set_config('fl.cb5', v_cb::text, false);
END $$;
RESET frontline.now;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('agent: created now, due in an hour', 'true 01:00:00',
        (SELECT (t.created_at > now() - interval '1 minute')::text || ' ' || (c.due_at - t.created_at)::text
           FROM frontline.tickets t JOIN frontline.sla_clocks c ON c.ticket_id = t.id AND c.kind = 'first_response'
          WHERE t.id = current_setting('fl.cb5')::bigint));
END $$;

-- ---------------------------------------------------------------------------
-- What calls back and what does not.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl120_a;
DO $$
DECLARE
    v_cb bigint;
BEGIN
    -- A detractor alone.
    SELECT callback_ticket INTO v_cb FROM frontline.rating_record(7, 'r7', 'answered', NULL, NULL, NULL, 4::smallint,
                                                                  NULL, NULL, false, 'live');
    PERFORM pg_temp.expect('NPS 4 alone calls back', true, v_cb IS NOT NULL);
    PERFORM set_config('fl.cb7', v_cb::text, false);

    -- A callback alone, with good scores.
    SELECT callback_ticket INTO v_cb FROM frontline.rating_record(9, 'r9', 'answered', true, NULL, 4::smallint, 8::smallint,
                                                                  NULL, 'Call me about the upgrade', true, 'live');
    PERFORM pg_temp.expect('a callback asked for alone', true, v_cb IS NOT NULL);
    PERFORM set_config('fl.cb9', v_cb::text, false);

    -- Declined the survey, but wants a call.
    PERFORM pg_temp.expect('declined, with a callback', true,
        (SELECT callback_ticket IS NOT NULL FROM frontline.rating_record(11, 'r11', 'declined', NULL, NULL, NULL, NULL,
                                                                         'not_resolved', NULL, true, 'live')));

    -- No callback: CSAT 4 / NPS 9; CSAT 3 / NPS 7; CSAT 5.
    PERFORM pg_temp.expect('CSAT 4, NPS 9, no callback', 'recorded - rating recorded',
        (SELECT concat_ws(' ', status, coalesce(callback_ticket::text, '-'), message)
           FROM frontline.rating_record(4, 'r4', 'answered', NULL, NULL, 4::smallint, 9::smallint, NULL, NULL, false, 'live')));
    PERFORM pg_temp.expect('CSAT 3, NPS 7, no callback', NULL::bigint,
        (SELECT callback_ticket FROM frontline.rating_record(6, 'r6', 'answered', NULL, NULL, 3::smallint, 7::smallint,
                                                             'low_expertise', NULL, false, 'live')));
    PERFORM pg_temp.expect('CSAT 5 alone, no callback', NULL::bigint,
        (SELECT callback_ticket FROM frontline.rating_record(8, 'r8', 'answered', NULL, NULL, 5::smallint, NULL,
                                                             NULL, NULL, false, 'live')));
END $$;
RESET SESSION AUTHORIZATION;
DO $$
DECLARE
    v_n text;
BEGIN
    v_n := (SELECT body FROM frontline.messages WHERE ticket_id = current_setting('fl.cb7')::bigint);
    PERFORM pg_temp.contains('detractor note', v_n, ': a low rating.');
    PERFORM pg_temp.contains('detractor note: no CSAT', v_n, E'\nCSAT: not given\n');
    PERFORM pg_temp.contains('detractor note: NPS', v_n, E'\nNPS: 4 of 10 (detractor)\n');
    PERFORM pg_temp.contains('detractor note: no callback asked', v_n, E'\nCallback wanted by the customer: no\n');
    v_n := (SELECT body FROM frontline.messages WHERE ticket_id = current_setting('fl.cb9')::bigint);
    PERFORM pg_temp.contains('callback-only note', v_n, ': the customer asked to be called back.');
    PERFORM pg_temp.contains('callback-only note: NPS', v_n, E'\nNPS: 8 of 10 (passive)\n');
    PERFORM pg_temp.contains('callback-only note: comment', v_n, E'\nComment: Call me about the upgrade\n');
END $$;
DO $$ BEGIN
    PERFORM pg_temp.expect('follow-ups exactly for 1 3 5 7 9 11', '1 3 5 7 9 11',
        (SELECT string_agg(follows_up_id::text, ' ' ORDER BY follows_up_id) FROM frontline.tickets WHERE follows_up_id IS NOT NULL));
    PERFORM pg_temp.expect('every callback on the one Callback policy', '1 6',
        (SELECT count(*) FROM frontline.sla_policies WHERE name = 'Callback') || ' '
        || (SELECT count(*) FROM frontline.tickets t JOIN frontline.sla_policies p ON p.id = t.sla_policy_id
             WHERE p.name = 'Callback' AND t.follows_up_id IS NOT NULL));
    PERFORM pg_temp.expect('ratings link their callbacks', 6::bigint,
        (SELECT count(*) FROM frontline.ratings r JOIN frontline.tickets t ON t.id = r.callback_ticket_id
          WHERE t.follows_up_id = r.ticket_id));
    PERFORM pg_temp.expect('rating_loop is not left on', '',
        coalesce(current_setting('frontline.rating_loop', true), ''));
END $$;
-- A low rating written directly (an import of history, the demo) makes no
-- callback; only rating_record runs the loop.
INSERT INTO frontline.ratings (ticket_id, csat, callback_wanted) VALUES (10, 1, true);
DO $$ BEGIN
    PERFORM pg_temp.expect('a direct insert makes no callback', 0::bigint,
        (SELECT count(*) FROM frontline.tickets WHERE follows_up_id = 10));
END $$;

-- ---------------------------------------------------------------------------
-- The callback queue setting.
-- ---------------------------------------------------------------------------
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject, status)
SELECT 20 + g, 1, 1, 'chat', 'Queue test ' || g, 'solved' FROM generate_series(1, 4) AS g;
SET SESSION AUTHORIZATION fl120_admin;
DO $$ BEGIN
    PERFORM pg_temp.expect('unset by default', NULL::text, frontline.setting_get('callback_queue'));
    PERFORM pg_temp.expect('set by name', 'qb', frontline.setting_set('callback_queue', 'qb'));
    PERFORM pg_temp.expect('read back', 'qb', frontline.setting_get('callback_queue'));
    PERFORM pg_temp.fails($q$SELECT frontline.setting_set('callback_queue', 'Nowhere')$q$, '22023',
        'frontline: callback_queue: queue "Nowhere" does not exist', 'a queue that does not exist');
    PERFORM pg_temp.fails($q$SELECT frontline.setting_set('colour', 'blue')$q$, '22023',
        'frontline: unknown setting "colour" (callback_queue)', 'an unknown setting');
    PERFORM pg_temp.expect('still qb after refusals', 'qb', frontline.setting_get('callback_queue'));
END $$;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fl120_a;
DO $$ BEGIN
    PERFORM pg_temp.fails($q$SELECT frontline.setting_set('callback_queue', 'qa')$q$, '42501', '%', 'an agent sets it');
    PERFORM pg_temp.fails($q$SELECT frontline.setting_get('callback_queue')$q$, '42501', '%', 'an agent reads it');
    PERFORM frontline.rating_record(21, 'q21', 'answered', NULL, NULL, 1::smallint, NULL, NULL, NULL, false, 'live');
END $$;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('callback to the configured queue', 'qb',
        (SELECT q.name FROM frontline.tickets t JOIN frontline.queues q ON q.id = t.queue_id WHERE t.follows_up_id = 21));
END $$;
SET SESSION AUTHORIZATION fl120_admin;
DO $$ BEGIN
    PERFORM pg_temp.expect('set by id, stored by name', 'Senior', frontline.setting_set('callback_queue', ' 3 '));
    PERFORM pg_temp.expect('unset', NULL::text, frontline.setting_set('callback_queue', NULL));
    PERFORM pg_temp.expect('unset reads null', NULL::text, frontline.setting_get('callback_queue'));
END $$;
RESET SESSION AUTHORIZATION;
UPDATE frontline.queues SET name = 'Escalations' WHERE name = 'Senior';
SET SESSION AUTHORIZATION fl120_a;
DO $$ BEGIN
    PERFORM frontline.rating_record(22, 'q22', 'answered', NULL, NULL, 2::smallint, NULL, NULL, NULL, false, 'live');
END $$;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('no setting, no Senior queue: the ticket''s own queue', 'qa',
        (SELECT q.name FROM frontline.tickets t JOIN frontline.queues q ON q.id = t.queue_id WHERE t.follows_up_id = 22));
END $$;
UPDATE frontline.queues SET name = 'Senior' WHERE name = 'Escalations';

-- ---------------------------------------------------------------------------
-- A long conversation is cut: the first message, a count, the latest ones.
-- ---------------------------------------------------------------------------
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, author_agent_id, body, created_at)
SELECT 23, CASE WHEN g % 2 = 1 THEN 'customer' ELSE 'reply' END, CASE WHEN g % 2 = 1 THEN 1 END,
       CASE WHEN g % 2 = 0 THEN 1 END,
       'Message number ' || g || ': ' || repeat('blah ', CASE WHEN g = 30 THEN 1000 ELSE 100 END),
       '2024-01-01 10:00+00'::timestamptz + make_interval(mins => g)
  FROM generate_series(1, 60) AS g;
SET SESSION AUTHORIZATION fl120_a;
SELECT callback_ticket AS cb23 FROM frontline.rating_record(23, 'q23', 'answered', NULL, NULL, 1::smallint, NULL,
                                                            NULL, NULL, false, 'live') \gset
RESET SESSION AUTHORIZATION;
SELECT set_config('fl.cb23', :'cb23', false) AS x \gset
DO $$
DECLARE
    v_n text := (SELECT body FROM frontline.messages WHERE ticket_id = current_setting('fl.cb23')::bigint);
BEGIN
    PERFORM pg_temp.expect('cut to a sane size', true, char_length(v_n) BETWEEN 6000 AND 9000);
    PERFORM pg_temp.contains('the first message is kept', v_n, '> Message number 1: blah');
    PERFORM pg_temp.contains('the latest message is kept', v_n, '> Message number 60: blah');
    PERFORM pg_temp.expect('the middle is left out and counted', true, v_n ~ '\[\.\.\. [0-9]+ messages left out \.\.\.\]');
    PERFORM pg_temp.expect('no message 30 (it was in the middle)', 0, strpos(v_n, 'Message number 30:'));
END $$;
-- A single huge message is cut to 1,500 characters.
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, body) VALUES (24, 'customer', 1, repeat('x', 10000));
SET SESSION AUTHORIZATION fl120_a;
SELECT callback_ticket AS cb24 FROM frontline.rating_record(24, 'q24', 'answered', NULL, NULL, 1::smallint, NULL,
                                                            NULL, NULL, false, 'live') \gset
RESET SESSION AUTHORIZATION;
SELECT set_config('fl.cb24', :'cb24', false) AS x \gset
DO $$
DECLARE
    v_n text := (SELECT body FROM frontline.messages WHERE ticket_id = current_setting('fl.cb24')::bigint);
BEGIN
    PERFORM pg_temp.contains('a long body ends cut', v_n, repeat('x', 1500) || ' [...]');
    PERFORM pg_temp.expect('and no longer', 0, strpos(v_n, repeat('x', 1501)));
END $$;

-- ---------------------------------------------------------------------------
-- Rights: b cannot make a's ticket call back.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl120_b;
DO $$ BEGIN
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.rating_record(12, 'b12', 'answered', NULL, NULL, 1::smallint,
                                                                   NULL, NULL, NULL, true, 'live')$q$,
        '42501', 'frontline: ticket 12 is not visible to you', 'b rates a''s ticket low');
END $$;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('no rating, no callback of 12', '0 0',
        (SELECT count(*) FROM frontline.ratings WHERE ticket_id = 12) || ' '
        || (SELECT count(*) FROM frontline.tickets WHERE follows_up_id = 12));
END $$;

DROP OWNED BY fl120_a, fl120_b, fl120_s, fl120_admin;
DROP ROLE fl120_a, fl120_b, fl120_s, fl120_admin;
