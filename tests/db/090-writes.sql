-- 090-writes.sql: the agent's writes. send_message (idempotent by key, also
-- for two sessions sending the same key at once; conflict on newer customer
-- messages or other agents' replies/notes; force; blank body refused; the
-- SLA triggers run; the draft goes), set_status / set_priority / set_tags
-- (normalised) / assign, transfer (a handover note is required; retry after
-- the ticket left the caller's sight is a 'duplicate'), merge (itself,
-- merged targets, customers of different organizations refused;
-- idempotent), presence (changes rows and NOTIFY only on arrival, activity
-- change, return after silence, departure; never on a heartbeat; stale rows
-- expire), drafts, pickers.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

-- pg_temp.fails(sql, sqlstate, message pattern, what): sql must fail with
-- that SQLSTATE and a message LIKE the pattern.
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

-- pg_temp.notifications(text): payloads of frontline_changes notifications in psql output.
CREATE FUNCTION pg_temp.notifications(p_out text) RETURNS bigint[]
LANGUAGE sql AS $$
    SELECT coalesce(array_agg(m[1]::bigint), '{}')
      FROM regexp_matches(coalesce(p_out, ''),
           'Asynchronous notification "frontline_changes" with payload "([0-9]+)"', 'g') AS m
$$;

\setenv PGHOST :HOST
\setenv PGPORT :PORT
\setenv PGDATABASE :DBNAME
\setenv PGUSER :USER
SELECT '/tmp/fl090-notify-' || pg_backend_pid() || '.out' AS nfile \gset

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fl090_a', 'fl090_a2', 'fl090_b', 'fl090_sup', 'fl090_off'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl090_a, fl090_a2, fl090_b, fl090_off;
GRANT frontline_supervisor TO fl090_sup;

INSERT INTO frontline.sla_policies (id, name) VALUES (1, 'p');
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes, next_response_minutes, resolution_minutes)
VALUES (1, 'normal', 60, 60, 600), (1, 'urgent', 15, 15, 120);
INSERT INTO frontline.teams (id, name) VALUES (1, 'A'), (2, 'B');
INSERT INTO frontline.queues (id, name, team_id, default_policy_id) VALUES
    (1, 'qa', 1, 1), (2, 'qa2', 1, NULL), (3, 'qb', 2, 1);
INSERT INTO frontline.agents (id, role_name, display_name, team_id, is_supervisor, active) VALUES
    (1, 'fl090_a', 'A one', 1, false, true),
    (2, 'fl090_a2', 'A two', 1, false, true),
    (3, 'fl090_b', 'B one', 2, false, true),
    (4, 'fl090_sup', 'Super', 1, true, true),
    (5, 'fl090_off', 'Gone', 1, false, false);
INSERT INTO frontline.organizations (id, name) VALUES (1, 'Acme'), (2, 'Other');
INSERT INTO frontline.customers (id, name, organization_id) VALUES
    (1, 'Alice', 1), (2, 'Adam', 1), (3, 'Bob', NULL), (4, 'Carol', 2);
INSERT INTO frontline.tickets (id, customer_id, queue_id, subject, channel) VALUES
    (1, 1, 1, 'Alice one',   'chat'),
    (2, 1, 1, 'Alice two',   'email'),
    (3, 2, 1, 'Adam',        'email'),
    (4, 3, 1, 'Bob',         'email'),
    (5, 4, 1, 'Carol',       'email'),
    (6, 1, 3, 'Alice in B, assigned to a', 'email'),
    (7, 1, 1, 'Alice seven', 'phone'),
    (8, 1, 3, 'Alice in B',  'email'),
    (9, 1, 1, 'Alice nine',  'email');
UPDATE frontline.tickets SET assignee_id = 1 WHERE id = 6;
INSERT INTO frontline.messages (id, ticket_id, kind, author_customer_id, channel, body) VALUES
    (1, 1, 'customer', 1, 'chat', 'My parcel is late');
INSERT INTO frontline.macros (name, language, body, team_id) VALUES
    ('Hello', 'en', 'Hello {{customer.name}}', NULL),
    ('Witaj', 'pl', 'Dzień dobry', NULL),
    ('Team A sign-off', 'en', 'Team A', 1),
    ('Team B sign-off', 'en', 'Team B', 2);
SELECT count(setval(pg_get_serial_sequence('frontline.' || t, 'id'), 1000)) AS bumped
  FROM unnest(ARRAY['tickets', 'messages']) t \gset

DO $$ BEGIN
    PERFORM pg_temp.expect('send_message signature', 'TABLE(status text, message_id bigint, newer_count integer)',
        pg_get_function_result('frontline.send_message(bigint, text, text, text, bigint, boolean)'::regprocedure));
    PERFORM pg_temp.expect('transfer signature', 'TABLE(status text, message_id bigint)',
        pg_get_function_result('frontline.transfer(bigint, bigint, bigint, text, text)'::regprocedure));
    PERFORM pg_temp.expect('merge signature', 'TABLE(status text, message_id bigint)',
        pg_get_function_result('frontline.merge(bigint, bigint, text)'::regprocedure));
    PERFORM pg_temp.expect('draft_get returns text', 'text', pg_get_function_result('frontline.draft_get(bigint)'::regprocedure));
    PERFORM pg_temp.expect('messages.handover', 'boolean false',
        (SELECT format_type(atttypid, atttypmod) || ' ' || pg_get_expr(d.adbin, d.adrelid)
           FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = 'frontline.messages'::regclass AND a.attname = 'handover'));
    PERFORM pg_temp.expect('writes run with the caller''s rights', 0::bigint,
        (SELECT count(*) FROM pg_proc WHERE pronamespace = 'frontline'::regnamespace AND prosecdef
            AND proname IN ('send_message', 'set_status', 'set_priority', 'set_tags', 'assign', 'transfer', 'merge',
                            'presence_touch', 'presence_leave', 'draft_save', 'draft_get')));
    PERFORM pg_temp.expect('every SECURITY DEFINER function of 006 pins search_path and is fenced from PUBLIC', 0::bigint,
        (SELECT count(*) FROM pg_proc p
          WHERE p.pronamespace = 'frontline'::regnamespace AND p.prosecdef
            AND p.proname IN ('message_by_key_as', 'ticket_thread_as', 'viewers_of_as', 'presence_expire_as')
            AND (p.proconfig IS NULL OR NOT p.proconfig[1] LIKE 'search_path=pg_catalog, frontline, pg_temp'
                 OR has_function_privilege('public', p.oid, 'EXECUTE'))));
END $$;

-- ---------------------------------------------------------------------------
-- send_message
-- ---------------------------------------------------------------------------
SET ROLE fl090_a;
SELECT frontline.draft_save(1, 'Dear Alice, ...') AS x \gset
DO $$
DECLARE
    r record;
    v_id bigint;
BEGIN
    SELECT * INTO r FROM frontline.send_message(1, 'reply', 'Hello Alice, it is on its way.', 'k-1', 1, false);
    PERFORM pg_temp.expect('sent', 'sent', r.status);
    PERFORM pg_temp.expect('sent: newer_count', 0, r.newer_count);
    v_id := r.message_id;
    PERFORM pg_temp.expect('sent: author, channel, kind', 'reply chat 1 false',
        (SELECT kind || ' ' || channel || ' ' || author_agent_id || ' ' || handover FROM frontline.messages WHERE id = v_id));
    PERFORM pg_temp.expect('sent: new ticket became open', 'open', (SELECT status FROM frontline.tickets WHERE id = 1));
    PERFORM pg_temp.expect('sent: first response met', 'met',
        (SELECT state FROM frontline.ticket_clocks WHERE ticket_id = 1 AND kind = 'first_response'));
    PERFORM pg_temp.expect('sent: the draft is gone', NULL::text, frontline.draft_get(1));

    -- A retry (lost connection): the same key returns the same message.
    SELECT * INTO r FROM frontline.send_message(1, 'reply', 'Hello Alice, it is on its way.', 'k-1', 1, false);
    PERFORM pg_temp.expect('retry: duplicate', 'duplicate', r.status);
    PERFORM pg_temp.expect('retry: same id', v_id, r.message_id);
    SELECT * INTO r FROM frontline.send_message(1, 'reply', 'other text', 'k-1', 0, true);
    PERFORM pg_temp.expect('retry with other arguments: still duplicate', 'duplicate ' || v_id, r.status || ' ' || r.message_id);
    PERFORM pg_temp.expect('retry: one message', 1::bigint, (SELECT count(*) FROM frontline.messages WHERE idempotency_key = 'k-1'));
    PERFORM pg_temp.expect('retry: one outbox event', 1::bigint,
        (SELECT count(*) FROM frontline.ticket_events WHERE what = 'message' AND new->>'idempotency_key' = 'k-1'));
END $$;
RESET ROLE;

-- The customer writes, and a2 adds a note: a's view is stale.
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, channel, body) VALUES
    (1, 'customer', 1, 'chat', 'Where exactly is it?') RETURNING id AS cust2 \gset
SELECT set_config('fl.cust2', :'cust2', false) AS x \gset
SET ROLE fl090_a2;
SELECT status FROM frontline.send_message(1, 'note', 'I checked the courier: Warsaw depot.', 'k-a2-1', :cust2, false) \gset
RESET ROLE;
SET ROLE fl090_a;
DO $$
DECLARE
    r record;
    v_seen bigint := (SELECT max(id) FROM frontline.messages WHERE idempotency_key = 'k-1');
    v_last bigint;
BEGIN
    SELECT * INTO r FROM frontline.send_message(1, 'reply', 'Any news?', 'k-2', v_seen, false);
    PERFORM pg_temp.expect('conflict', 'conflict', r.status);
    PERFORM pg_temp.expect('conflict: no id', NULL::bigint, r.message_id);
    PERFORM pg_temp.expect('conflict: the customer''s message and a2''s note', 2, r.newer_count);
    PERFORM pg_temp.expect('conflict: nothing written', 0::bigint, (SELECT count(*) FROM frontline.messages WHERE idempotency_key = 'k-2'));
    SELECT * INTO r FROM frontline.send_message(1, 'reply', 'Any news?', 'k-2', current_setting('fl.cust2')::bigint, false);
    PERFORM pg_temp.expect('conflict: a2''s note alone', 'conflict 1', r.status || ' ' || r.newer_count);

    -- Having seen everything: sent. Then a's own note does not make a
    -- conflict for a, nor does an automatic message.
    v_last := (SELECT last_message_id FROM frontline.ticket_header(1));
    SELECT * INTO r FROM frontline.send_message(1, 'note', 'Asked the courier again.', 'k-3', v_last, false);
    PERFORM pg_temp.expect('own note: sent', 'sent', r.status);
    PERFORM pg_temp.expect('note: kind', 'note', (SELECT kind FROM frontline.messages WHERE id = r.message_id));
    INSERT INTO frontline.messages (ticket_id, kind, body) VALUES (1, 'note', 'x') RETURNING id INTO v_last;  -- a's own, by hand
    SELECT * INTO r FROM frontline.send_message(1, 'reply', 'It is in Warsaw.', 'k-4',
                                                (SELECT last_message_id FROM frontline.ticket_header(1)) - 2, false);
    PERFORM pg_temp.expect('own messages never conflict', 'sent', r.status);

    -- Force: sent although the view is stale.
    SELECT * INTO r FROM frontline.send_message(1, 'reply', 'Sorry for the delay.', 'k-5', 0, true);
    PERFORM pg_temp.expect('force', 'sent', r.status);

    -- Refused input.
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.send_message(1, 'reply', E'  \n\t ', 'k-6', NULL, true)$q$,
                          '22023', '%message is empty%', 'blank body');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.send_message(1, 'reply', NULL, 'k-6', NULL, true)$q$,
                          '22023', '%message is empty%', 'null body');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.send_message(1, 'customer', 'x', 'k-6', NULL, true)$q$,
                          '22023', '%unknown message kind "customer"%', 'kind customer');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.send_message(1, 'reply', 'x', NULL, NULL, true)$q$,
                          '22023', '%idempotency key is required%', 'no key');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.send_message(2, 'reply', 'x', 'k-1', NULL, true)$q$,
                          '22023', '%idempotency key k-1 was used for a message on ticket 1%', 'key of another ticket');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.send_message(8, 'reply', 'x', 'k-7', NULL, true)$q$,
                          '42501', '%ticket 8 is not visible to you%', 'another team''s ticket');
    PERFORM pg_temp.expect('refused: nothing written', 0::bigint,
        (SELECT count(*) FROM frontline.messages WHERE idempotency_key IN ('k-6', 'k-7')));
END $$;
RESET ROLE;

-- Two sessions send the same key at the same moment: the second waits for
-- the first to commit and reports 'duplicate'; one message.
\! PGAPPNAME=fl090_sender psql -X -q -v ON_ERROR_STOP=1 -c "SET ROLE fl090_a" -c "BEGIN" -c "SELECT * FROM frontline.send_message(2, 'reply', 'Same time', 'k-race', NULL, false)" -c "SELECT pg_sleep(0.5)" -c "COMMIT" >/dev/null 2>&1 &
CALL pg_temp.wait_for($$SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                                        WHERE application_name = 'fl090_sender' AND datname = current_database()
                                          AND wait_event = 'PgSleep' AND backend_xid IS NOT NULL)$$,
                      'the first sender to write and wait');
SET ROLE fl090_a;
SELECT status AS race_status, message_id AS race_id FROM frontline.send_message(2, 'reply', 'Same time', 'k-race', NULL, false) \gset
RESET ROLE;
SELECT set_config('fl.race', :'race_status' || ' ' || :'race_id', false) AS x \gset
DO $$ BEGIN
    PERFORM pg_temp.expect('same key at once: the second is a duplicate of the first',
        'duplicate ' || (SELECT id FROM frontline.messages WHERE idempotency_key = 'k-race'), current_setting('fl.race'));
    PERFORM pg_temp.expect('same key at once: one message', 1::bigint,
        (SELECT count(*) FROM frontline.messages WHERE idempotency_key = 'k-race'));
END $$;

-- ---------------------------------------------------------------------------
-- set_status, set_priority, set_tags, assign
-- ---------------------------------------------------------------------------
SET ROLE fl090_a;
DO $$
DECLARE
    n bigint;
BEGIN
    PERFORM frontline.set_status(2, 'pending');
    PERFORM pg_temp.expect('status', 'pending', (SELECT status FROM frontline.tickets WHERE id = 2));
    PERFORM pg_temp.expect('status: clock paused', 'paused',
        (SELECT state FROM frontline.ticket_clocks WHERE ticket_id = 2 AND kind = 'resolution'));
    n := (SELECT count(*) FROM frontline.ticket_events WHERE ticket_id = 2);
    PERFORM frontline.set_status(2, 'pending');
    PERFORM pg_temp.expect('status: setting it again logs nothing', n, (SELECT count(*) FROM frontline.ticket_events WHERE ticket_id = 2));
    PERFORM frontline.set_status(2, 'open');
    PERFORM pg_temp.expect('status: audited as a', 'fl090_a',
        (SELECT actor FROM frontline.ticket_events WHERE ticket_id = 2 ORDER BY id DESC LIMIT 1));
    PERFORM pg_temp.fails($q$SELECT frontline.set_status(2, 'done')$q$, '22023', '%unknown status "done"%', 'bad status');
    PERFORM pg_temp.fails($q$SELECT frontline.set_status(8, 'solved')$q$, '42501', '%ticket 8 is not visible%', 'status of B''s ticket');

    PERFORM frontline.set_priority(2, 'urgent');
    PERFORM pg_temp.expect('priority', 'urgent', (SELECT priority FROM frontline.tickets WHERE id = 2));
    PERFORM pg_temp.expect('priority: clock retargeted', 120,
        (SELECT target_minutes FROM frontline.ticket_clocks WHERE ticket_id = 2 AND kind = 'resolution'));
    PERFORM pg_temp.fails($q$SELECT frontline.set_priority(2, 'critical')$q$, '22023', '%unknown priority "critical"%', 'bad priority');
    PERFORM pg_temp.fails($q$SELECT frontline.set_priority(8, 'low')$q$, '42501', '%not visible%', 'priority of B''s ticket');

    PERFORM frontline.set_tags(2, ARRAY[' VIP ', 'billing', 'vip', '', NULL, E'Skill:API\t', 'éclair', 'Zebra']);
    PERFORM pg_temp.expect('tags normalised', '{billing,skill:api,vip,zebra,éclair}'::text[],
        (SELECT tags FROM frontline.tickets WHERE id = 2));
    PERFORM frontline.set_tags(2, NULL);
    PERFORM pg_temp.expect('tags: null clears', '{}'::text[], (SELECT tags FROM frontline.tickets WHERE id = 2));
    PERFORM pg_temp.fails($q$SELECT frontline.set_tags(8, '{x}')$q$, '42501', '%not visible%', 'tags of B''s ticket');

    PERFORM frontline.assign(2, 2);
    PERFORM pg_temp.expect('assign', 2::bigint, (SELECT assignee_id FROM frontline.tickets WHERE id = 2));
    PERFORM frontline.assign(2, 2);
    PERFORM frontline.assign(2, NULL);
    PERFORM pg_temp.expect('unassign', NULL::bigint, (SELECT assignee_id FROM frontline.tickets WHERE id = 2));
    PERFORM frontline.assign(2, 3);     -- to an agent of team B: stays in qa, a still sees it
    PERFORM pg_temp.expect('assign across teams, same queue', 3::bigint, (SELECT assignee_id FROM frontline.tickets WHERE id = 2));
    PERFORM frontline.assign(2, NULL);
    PERFORM pg_temp.fails($q$SELECT frontline.assign(2, 5)$q$, '22023', '%agent 5 does not exist or is not active%', 'inactive agent');
    PERFORM pg_temp.fails($q$SELECT frontline.assign(2, 999)$q$, '22023', '%agent 999%', 'no such agent');
    PERFORM pg_temp.fails($q$SELECT frontline.assign(8, 1)$q$, '42501', '%ticket 8 is not visible%', 'take B''s ticket by assign');
    -- Ticket 6 sits in B's queue, a sees it only as its assignee.
    PERFORM pg_temp.fails($q$SELECT frontline.assign(6, 2)$q$, '42501', '%out of your sight; transfer it instead%',
                          'assign away a ticket seen only as assignee');
    PERFORM pg_temp.expect('still a''s', 1::bigint, (SELECT assignee_id FROM frontline.tickets WHERE id = 6));
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- transfer
-- ---------------------------------------------------------------------------
SET ROLE fl090_a;
DO $$
DECLARE
    r record;
    v_note bigint;
BEGIN
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.transfer(2, 3, 3, E' \n ', 'x-1')$q$,
                          '22023', '%transfer needs a handover note%', 'blank note');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.transfer(2, 3, 3, NULL, 'x-1')$q$,
                          '22023', '%transfer needs a handover note%', 'no note');
    PERFORM pg_temp.expect('no note: not moved', 1::bigint, (SELECT queue_id FROM frontline.tickets WHERE id = 2));
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.transfer(2, 3, 3, 'x', NULL)$q$,
                          '22023', '%idempotency key is required%', 'no key');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.transfer(2, 3, 5, 'x', 'x-1')$q$,
                          '22023', '%agent 5 does not exist or is not active%', 'to an inactive agent');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.transfer(2, 99, NULL, 'x', 'x-1')$q$,
                          '22023', '%queue 99 does not exist%', 'to no queue');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.transfer(8, 1, 1, 'mine now', 'x-1')$q$,
                          '42501', '%ticket 8 is not visible%', 'transfer from another team');
    PERFORM pg_temp.expect('refused: no note written', 0::bigint, (SELECT count(*) FROM frontline.messages WHERE idempotency_key = 'x-1'));

    SELECT * INTO r FROM frontline.transfer(2, 3, 3, 'Billing question: B has the invoice tools.', 'x-1');
    PERFORM pg_temp.expect('transferred', 'transferred', r.status);
    v_note := r.message_id;
    PERFORM pg_temp.expect('gone from a''s sight', 0::bigint, (SELECT count(*) FROM frontline.tickets WHERE id = 2));
    -- The retry after a lost connection: the ticket is out of sight now,
    -- and the answer is still 'duplicate', nothing done twice.
    SELECT * INTO r FROM frontline.transfer(2, 3, 3, 'Billing question: B has the invoice tools.', 'x-1');
    PERFORM pg_temp.expect('retry: duplicate', 'duplicate', r.status);
    PERFORM pg_temp.expect('retry: same note', v_note, r.message_id);

    -- Within the team: queue kept (null), to a2.
    SELECT * INTO r FROM frontline.transfer(3, NULL, 2, 'Adam prefers A two.', 'x-2');
    PERFORM pg_temp.expect('within the team', 'transferred 1 2',
        (SELECT r.status || ' ' || queue_id || ' ' || assignee_id FROM frontline.tickets WHERE id = 3));
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.transfer(3, NULL, 2, 'again', 'k-1')$q$,
                          '22023', '%idempotency key k-1 was used for another message%', 'a reply''s key');
END $$;
RESET ROLE;
DO $$ BEGIN
    PERFORM pg_temp.expect('transfer: moved', '3 3', (SELECT queue_id || ' ' || assignee_id FROM frontline.tickets WHERE id = 2));
    PERFORM pg_temp.expect('transfer: one handover note', 'note true 1 email Billing question: B has the invoice tools.',
        (SELECT string_agg(kind || ' ' || handover || ' ' || author_agent_id || ' ' || channel || ' ' || body, '; ')
           FROM frontline.messages WHERE ticket_id = 2 AND handover));
    PERFORM pg_temp.expect('transfer: one move, by a', 'fl090_a',
        (SELECT string_agg(actor, ',') FROM frontline.ticket_events WHERE ticket_id = 2 AND what = 'update' AND new ? 'queue_id'));
END $$;
SET ROLE fl090_b;
DO $$ BEGIN
    PERFORM pg_temp.expect('b: the handover on top', 'Billing question: B has the invoice tools. / A one',
        (SELECT handover_note || ' / ' || handover_by FROM frontline.ticket_header(2)));
    PERFORM pg_temp.expect('b: in b''s mine view', true, 2 IN (SELECT id FROM frontline.queue_view('mine', 10)));
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- merge
-- ---------------------------------------------------------------------------
SET ROLE fl090_a;
DO $$
DECLARE
    r record;
    v_note bigint;
BEGIN
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.merge(1, 1, 'm-0')$q$, '22023', '%cannot merge ticket 1 into itself%', 'into itself');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.merge(4, 1, 'm-0')$q$, '22023',
                          '%different customers, not of the same organization%', 'Bob into Alice');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.merge(5, 1, 'm-0')$q$, '22023',
                          '%different customers, not of the same organization%', 'Carol (another organization) into Alice');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.merge(8, 1, 'm-0')$q$, '42501', '%ticket 8 is not visible%', 'from team B');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.merge(1, 8, 'm-0')$q$, '42501', '%ticket 8 is not visible%', 'into team B');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.merge(1, 9, NULL)$q$, '22023', '%idempotency key is required%', 'no key');
    PERFORM pg_temp.expect('refused merges wrote nothing', 0::bigint,
        (SELECT count(*) FROM frontline.messages WHERE idempotency_key = 'm-0'));

    -- Same customer.
    SELECT * INTO r FROM frontline.merge(7, 1, 'm-7');
    PERFORM pg_temp.expect('merged', 'merged', r.status);
    v_note := r.message_id;
    PERFORM pg_temp.expect('source closed and pointing at the target', 'closed 1',
        (SELECT status || ' ' || merged_into_id FROM frontline.tickets WHERE id = 7));
    PERFORM pg_temp.expect('note on the target', 'note 1 Merged ticket #7: Alice seven',
        (SELECT kind || ' ' || ticket_id || ' ' || body FROM frontline.messages WHERE id = v_note));
    SELECT * INTO r FROM frontline.merge(7, 1, 'm-7');
    PERFORM pg_temp.expect('retry: duplicate, same note', 'duplicate ' || v_note, r.status || ' ' || r.message_id);
    PERFORM pg_temp.expect('retry: one note', 1::bigint,
        (SELECT count(*) FROM frontline.messages WHERE ticket_id = 1 AND body LIKE 'Merged ticket #7%'));
    -- Same organization (Adam, Acme).
    SELECT * INTO r FROM frontline.merge(3, 1, 'm-3');
    PERFORM pg_temp.expect('same organization', 'merged', r.status);
    -- Into a ticket merged elsewhere; a ticket already merged.
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.merge(9, 7, 'm-9')$q$, '22023',
                          '%cannot merge into ticket 7: it was merged into ticket 1%', 'into a merged ticket');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.merge(7, 9, 'm-9')$q$, '22023',
                          '%ticket 7 is already merged into ticket 1%', 'a merged ticket again');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.merge(1, 3, 'm-9')$q$, '22023',
                          '%cannot merge into ticket 3: it was merged into ticket 1%', 'back into its source');
END $$;
RESET ROLE;
SET ROLE fl090_b;
DO $$ BEGIN
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.merge(9, 8, 'm-b')$q$, '42501', '%ticket 9 is not visible%', 'b merges A''s ticket');
    PERFORM pg_temp.fails($q$SELECT * FROM frontline.merge(8, 9, 'm-b')$q$, '42501', '%ticket 9 is not visible%', 'b merges into A''s ticket');
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- Presence: what is logged, what notifies.
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE seq0 AS SELECT coalesce(max(seq), 0) AS seq FROM frontline.changes;
CREATE FUNCTION pg_temp.presence_changes() RETURNS text LANGUAGE sql AS $$
    SELECT coalesce(string_agg(what || ':' || ticket_id || ':' || row_id, ' ' ORDER BY seq), '')
      FROM frontline.changes WHERE seq > (SELECT seq FROM seq0) AND what LIKE 'presence.%'
$$;
LISTEN frontline_changes;
SET ROLE fl090_a;
\o :nfile
SELECT frontline.presence_touch(1, 'viewing');
\o
\set out `cat :nfile`
SELECT set_config('fl.out', :'out', false) AS x \gset
\o :nfile
SELECT frontline.presence_touch(1, 'viewing');
SELECT frontline.presence_touch(1, 'viewing');
\o
\set out2 `cat :nfile`
SELECT set_config('fl.out2', :'out2', false) AS x \gset
\o :nfile
SELECT frontline.presence_touch(1, 'replying');
\o
\set out3 `cat :nfile`
SELECT set_config('fl.out3', :'out3', false) AS x \gset
RESET ROLE;
DO $$ BEGIN
    PERFORM pg_temp.expect('arrival: one notification', 1, cardinality(pg_temp.notifications(current_setting('fl.out'))));
    PERFORM pg_temp.expect('heartbeats: no notification', 0, cardinality(pg_temp.notifications(current_setting('fl.out2'))));
    PERFORM pg_temp.expect('activity change: one notification', 1, cardinality(pg_temp.notifications(current_setting('fl.out3'))));
    PERFORM pg_temp.expect('logged: arrival and activity change only', 'presence.insert:1:1 presence.update:1:1',
        pg_temp.presence_changes());
    PERFORM pg_temp.expect('one row', 'replying', (SELECT string_agg(activity, ',') FROM frontline.presence WHERE agent_id = 1));
END $$;
-- Back after more than 60 s of silence: an arrival again. A stale row of
-- someone else on the ticket expires (logged, so their name goes away).
\o /dev/null
UPDATE frontline.presence SET heartbeat_at = now() - interval '2 minutes' WHERE agent_id = 1;
INSERT INTO frontline.presence (agent_id, ticket_id, activity, heartbeat_at) VALUES (2, 1, 'viewing', now() - interval '90 seconds');
\o
DELETE FROM frontline.changes WHERE seq > (SELECT seq FROM seq0);
SET ROLE fl090_a;
\o :nfile
SELECT frontline.presence_touch(1, 'replying');
\o
\set out `cat :nfile`
SELECT set_config('fl.out', :'out', false) AS x \gset
RESET ROLE;
DO $$ BEGIN
    PERFORM pg_temp.expect('return after silence, stale neighbour expired', 'presence.update:1:1 presence.delete:1:2',
        pg_temp.presence_changes());
    PERFORM pg_temp.expect('return after silence: notified (one per statement that logged)', true,
        cardinality(pg_temp.notifications(current_setting('fl.out'))) BETWEEN 1 AND 2);
    PERFORM pg_temp.expect('a2''s stale row is gone', 0::bigint, (SELECT count(*) FROM frontline.presence WHERE agent_id = 2));
END $$;
DELETE FROM frontline.changes WHERE seq > (SELECT seq FROM seq0);
SET ROLE fl090_a;
\o :nfile
SELECT frontline.presence_leave(1);
\o
\set out `cat :nfile`
SELECT set_config('fl.out', :'out', false) AS x \gset
RESET ROLE;
UNLISTEN *;
\set rm `rm -f :nfile`
DO $$ BEGIN
    PERFORM pg_temp.expect('leave: logged', 'presence.delete:1:1', pg_temp.presence_changes());
    PERFORM pg_temp.expect('leave: one notification', 1, cardinality(pg_temp.notifications(current_setting('fl.out'))));
    PERFORM pg_temp.expect('leave: row gone', 0::bigint, (SELECT count(*) FROM frontline.presence WHERE agent_id = 1));
END $$;

-- Visible to another agent of the team, not to team B; refused input.
SET ROLE fl090_a;
SELECT frontline.presence_touch(9, 'replying') AS x \gset
DO $$ BEGIN
    PERFORM pg_temp.fails($q$SELECT frontline.presence_touch(9, 'typing')$q$, '22023', '%unknown activity "typing"%', 'bad activity');
    PERFORM pg_temp.fails($q$SELECT frontline.presence_touch(8, 'viewing')$q$, '42501', '%ticket 8 is not visible%', 'presence on B''s ticket');
END $$;
RESET ROLE;
SET ROLE fl090_a2;
DO $$ BEGIN
    PERFORM pg_temp.expect('a2 sees a replying', 'A one (replying)', (SELECT viewers FROM frontline.queue_view('all', 50) WHERE id = 9));
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- Drafts
-- ---------------------------------------------------------------------------
SET ROLE fl090_a;
DO $$
DECLARE
    v_text text := E'Привет, Alice 👋\n\tzażółć gęślą jaźń\r\n';
BEGIN
    PERFORM frontline.draft_save(9, 'first');
    PERFORM frontline.draft_save(9, v_text);
    PERFORM pg_temp.expect('draft round trip', v_text, frontline.draft_get(9));
    PERFORM pg_temp.expect('one draft row', 1::bigint, (SELECT count(*) FROM frontline.drafts WHERE agent_id = 1 AND ticket_id = 9));
    PERFORM frontline.draft_save(9, E' \n ');
    PERFORM pg_temp.expect('blank deletes', NULL::text, frontline.draft_get(9));
    PERFORM pg_temp.expect('blank deletes the row', 0::bigint, (SELECT count(*) FROM frontline.drafts WHERE agent_id = 1));
    PERFORM frontline.draft_save(9, NULL);
    PERFORM frontline.draft_save(9, 'kept');
    PERFORM pg_temp.fails($q$SELECT frontline.draft_save(8, 'x')$q$, '42501', '%ticket 8 is not visible%', 'draft on B''s ticket');
    PERFORM pg_temp.expect('no draft there', NULL::text, frontline.draft_get(8));
END $$;
RESET ROLE;
SET ROLE fl090_a2;
DO $$ BEGIN
    PERFORM pg_temp.expect('a2 does not get a''s draft', NULL::text, frontline.draft_get(9));
    PERFORM frontline.draft_save(9, 'a2''s own');
    PERFORM pg_temp.expect('a2''s own draft', 'a2''s own', frontline.draft_get(9));
END $$;
RESET ROLE;
SET ROLE fl090_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('a''s draft untouched', 'kept', frontline.draft_get(9));
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- Pickers
-- ---------------------------------------------------------------------------
SET ROLE fl090_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('agents_list', 'A one A false true|A two A false false|Super A true false|B one B false false',
        (SELECT string_agg(display_name || ' ' || team || ' ' || is_supervisor || ' ' || online, '|')
           FROM frontline.agents_list()));
    PERFORM pg_temp.expect('queues_list', '1 qa A|2 qa2 A|3 qb B',
        (SELECT string_agg(id || ' ' || name || ' ' || team, '|') FROM frontline.queues_list()));
    PERFORM pg_temp.expect('macros, English: everyone''s and team A''s', 'Hello|Team A sign-off',
        (SELECT string_agg(name, '|') FROM frontline.macros_list('en')));
    PERFORM pg_temp.expect('macros, every language', 'Hello|Team A sign-off|Witaj',
        (SELECT string_agg(name, '|') FROM frontline.macros_list(NULL)));
    PERFORM pg_temp.expect('macros, body', 'Dzień dobry', (SELECT body FROM frontline.macros_list('pl')));
END $$;
RESET ROLE;
SET ROLE fl090_sup;
DO $$ BEGIN
    PERFORM pg_temp.expect('macros, supervisor: all', 'Hello|Team A sign-off|Team B sign-off',
        (SELECT string_agg(name, '|') FROM frontline.macros_list('en')));
END $$;
RESET ROLE;

DROP OWNED BY fl090_a, fl090_a2, fl090_b, fl090_sup, fl090_off;
DROP ROLE fl090_a, fl090_a2, fl090_b, fl090_sup, fl090_off;
