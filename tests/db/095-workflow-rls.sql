-- 095-workflow-rls.sql: row-level security through every function of 006.
-- Each block runs as that person's login would (SET SESSION AUTHORIZATION),
-- which matters for the SECURITY DEFINER helpers: they trust session_user.
-- An agent of team B cannot read, write, take, transfer from, merge, draft
-- on or be present on team A's ticket, nor reach it through the helpers in
-- someone else's name; a role that is no agent gets nothing; a role outside
-- the groups cannot call anything; only the expected functions bypass RLS.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

-- pg_temp.refused(sql, what): sql must fail with insufficient_privilege.
CREATE FUNCTION pg_temp.refused(p_sql text, p_what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE p_sql;
    EXCEPTION WHEN insufficient_privilege THEN
        RETURN;
    END;
    RAISE EXCEPTION '%: expected to be refused, but it succeeded: %', p_what, p_sql;
END $$;

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fl095_a', 'fl095_b', 'fl095_sup', 'fl095_x', 'fl095_none'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl095_a, fl095_b, fl095_x;     -- fl095_x has no agents row
GRANT frontline_supervisor TO fl095_sup;

INSERT INTO frontline.sla_policies (id, name) VALUES (1, 'p');
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes, next_response_minutes, resolution_minutes)
VALUES (1, 'normal', 60, 60, 600);
INSERT INTO frontline.teams (id, name) VALUES (1, 'A'), (2, 'B');
INSERT INTO frontline.queues (id, name, team_id, default_policy_id) VALUES (1, 'qa', 1, 1), (2, 'qb', 2, 1);
INSERT INTO frontline.agents (id, role_name, display_name, team_id, is_supervisor, languages) VALUES
    (1, 'fl095_a', 'A one', 1, false, '{}'),
    (2, 'fl095_b', 'B one', 2, false, '{}'),
    (3, 'fl095_sup', 'Super', NULL, true, '{}');
INSERT INTO frontline.customers (id, name) VALUES (1, 'Alice');
INSERT INTO frontline.tickets (id, customer_id, queue_id, subject) VALUES
    (1, 1, 1, 'A secret'), (2, 1, 2, 'B own'), (3, 1, 1, 'A other');
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, body) VALUES
    (1, 'customer', 1, 'password reset please'), (2, 'customer', 1, 'password reset for B');
INSERT INTO frontline.kb_articles (language, title, body) VALUES ('en', 'Password reset', 'Reset your password here.');
SELECT setval(pg_get_serial_sequence('frontline.tickets', 'id'), 1000) AS bumped \gset

-- a works ticket 1: a reply with a key, a draft, presence.
SET SESSION AUTHORIZATION fl095_a;
SELECT status FROM frontline.send_message(1, 'reply', 'On it', 'a-key-1', NULL, true) \gset
SELECT frontline.draft_save(1, 'a''s draft') AS x \gset
SELECT frontline.presence_touch(1, 'replying') AS x \gset
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- b and team A's ticket 1.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl095_b;
DO $$ BEGIN
    -- Read.
    PERFORM pg_temp.expect('b: header', 0::bigint, (SELECT count(*) FROM frontline.ticket_header(1)));
    PERFORM pg_temp.expect('b: thread', 0::bigint, (SELECT count(*) FROM frontline.ticket_thread(1)));
    PERFORM pg_temp.expect('b: kb for the ticket', 0::bigint, (SELECT count(*) FROM frontline.kb_suggest(1, 5)));
    PERFORM pg_temp.expect('b: kb for its own ticket', 1::bigint, (SELECT count(*) FROM frontline.kb_suggest(2, 5)));
    PERFORM pg_temp.expect('b: history', ARRAY[2]::bigint[], (SELECT array_agg(id) FROM frontline.customer_history(1, true, NULL, 10)));
    PERFORM pg_temp.expect('b: profile counts', '1 1', (SELECT tickets_90d || ' ' || open_now FROM frontline.customer_profile(1)));
    PERFORM pg_temp.expect('b: views', ARRAY[2]::bigint[], (SELECT array_agg(id) FROM frontline.queue_view('all', 10)));
    PERFORM pg_temp.expect('b: counts', 'mine=0 team=1 all=1 waiting=0 breached=0',
        (SELECT string_agg(view || '=' || n, ' ') FROM frontline.queue_counts()));
    PERFORM pg_temp.expect('b: a''s draft', NULL::text, frontline.draft_get(1));
    PERFORM pg_temp.expect('b: agents list does not show a online (presence on A''s ticket)', false,
        (SELECT online FROM frontline.agents_list() WHERE id = 1));

    -- Write.
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.send_message(1, 'note', 'peek', 'b-1', NULL, true)$q$, 'b: note on 1');
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.send_message(1, 'reply', 'hi', 'b-2', NULL, true)$q$, 'b: reply on 1');
    PERFORM pg_temp.refused($q$SELECT frontline.set_status(1, 'solved')$q$, 'b: status of 1');
    PERFORM pg_temp.refused($q$SELECT frontline.set_priority(1, 'urgent')$q$, 'b: priority of 1');
    PERFORM pg_temp.refused($q$SELECT frontline.set_tags(1, '{x}')$q$, 'b: tags of 1');
    PERFORM pg_temp.refused($q$SELECT frontline.assign(1, 2)$q$, 'b: take 1 by assign');
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.transfer(1, 2, 2, 'mine now', 'b-3')$q$, 'b: transfer 1 to B');
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.merge(1, 2, 'b-4')$q$, 'b: merge 1 into 2');
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.merge(2, 1, 'b-5')$q$, 'b: merge 2 into 1');
    PERFORM pg_temp.refused($q$SELECT frontline.draft_save(1, 'x')$q$, 'b: draft on 1');
    PERFORM pg_temp.refused($q$SELECT frontline.presence_touch(1, 'viewing')$q$, 'b: presence on 1');
    PERFORM frontline.presence_leave(1);         -- only ever b's own row
    PERFORM frontline.draft_save(1, '');         -- only ever b's own draft

    -- Take: only B's ticket.
    PERFORM pg_temp.expect('b: takes its own team''s ticket', 2::bigint, frontline.take_next());
    PERFORM pg_temp.expect('b: then nothing', NULL::bigint, frontline.take_next());

    -- The SECURITY DEFINER helpers, in a's name or in b's own.
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.message_by_key_as('fl095_a', 'a-key-1')$q$, 'b: a''s key lookup');
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.ticket_thread_as('fl095_a', 1)$q$, 'b: a''s thread');
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.viewers_of_as('fl095_a', '{1}')$q$, 'b: a''s viewers');
    PERFORM pg_temp.refused($q$SELECT frontline.presence_expire_as('fl095_a', 1)$q$, 'b: a''s presence expiry');
    PERFORM pg_temp.refused($q$SELECT frontline.presence_expire_as('fl095_b', 1)$q$, 'b: presence expiry on 1');
    PERFORM pg_temp.refused($q$SELECT frontline.transfer_ticket_as('fl095_a', 1, 2, NULL)$q$, 'b: a''s transfer');
    PERFORM pg_temp.expect('b: own key lookup finds only own messages', 0::bigint,
        (SELECT count(*) FROM frontline.message_by_key_as('fl095_b', 'a-key-1')));
    PERFORM pg_temp.expect('b: own thread helper on 1', 0::bigint, (SELECT count(*) FROM frontline.ticket_thread_as('fl095_b', 1)));
    PERFORM pg_temp.expect('b: own viewers helper on 1', 0::bigint, (SELECT count(*) FROM frontline.viewers_of_as('fl095_b', '{1}')));
    PERFORM pg_temp.expect('b: frontline_agent is no person to act as', 0::bigint,
        (SELECT count(*) FROM frontline.ticket_thread_as('frontline_agent', 1)));

    -- a's idempotency key is not b's to reuse (nor to learn about).
    BEGIN
        PERFORM * FROM frontline.send_message(2, 'reply', 'x', 'a-key-1', NULL, true);
        RAISE EXCEPTION 'b: reused a''s key';
    EXCEPTION WHEN unique_violation THEN
        PERFORM pg_temp.expect('b: key in use', true, SQLERRM LIKE '%idempotency key a-key-1 is already in use%');
    END;
END $$;
RESET SESSION AUTHORIZATION;
DO $$ BEGIN
    PERFORM pg_temp.expect('after b: ticket 1 untouched', 'open normal {} 1 ',
        (SELECT status || ' ' || priority || ' ' || tags::text || ' ' || queue_id || ' ' || coalesce(assignee_id::text, '')
           FROM frontline.tickets WHERE id = 1));
    PERFORM pg_temp.expect('after b: messages of 1', 2::bigint, (SELECT count(*) FROM frontline.messages WHERE ticket_id = 1));
    PERFORM pg_temp.expect('after b: a''s draft', 'a''s draft', (SELECT body FROM frontline.drafts WHERE agent_id = 1));
    PERFORM pg_temp.expect('after b: a''s presence', 1::bigint, (SELECT count(*) FROM frontline.presence WHERE agent_id = 1));
    PERFORM pg_temp.expect('after b: no merges', 0::bigint, (SELECT count(*) FROM frontline.tickets WHERE merged_into_id IS NOT NULL));
END $$;

-- ---------------------------------------------------------------------------
-- a and team B's ticket 2 (the other way round, briefly).
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl095_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('a: header of 2', 0::bigint, (SELECT count(*) FROM frontline.ticket_header(2)));
    PERFORM pg_temp.expect('a: thread of 2', 0::bigint, (SELECT count(*) FROM frontline.ticket_thread(2)));
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.send_message(2, 'note', 'peek', 'a-2', NULL, true)$q$, 'a: note on 2');
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.transfer(2, 1, 1, 'to A', 'a-3')$q$, 'a: transfer 2');
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.merge(3, 2, 'a-4')$q$, 'a: merge into 2');
    PERFORM pg_temp.expect('a: takes A''s ticket, not B''s', 3::bigint, frontline.take_next());
    PERFORM pg_temp.expect('a: key lookup of its own', 1::bigint, (SELECT count(*) FROM frontline.message_by_key_as('fl095_a', 'a-key-1')));
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- A member of frontline_agent without an agents row; a role outside the
-- groups; the supervisor.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl095_x;
DO $$ BEGIN
    PERFORM pg_temp.expect('x: take', NULL::bigint, frontline.take_next());
    PERFORM pg_temp.expect('x: views', 0::bigint, (SELECT count(*) FROM frontline.queue_view('all', 10)));
    PERFORM pg_temp.expect('x: header', 0::bigint, (SELECT count(*) FROM frontline.ticket_header(1)));
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.send_message(1, 'note', 'x', 'x-1', NULL, true)$q$, 'x: send');
    PERFORM pg_temp.refused($q$SELECT frontline.draft_save(1, 'x')$q$, 'x: draft');
    PERFORM pg_temp.refused($q$SELECT frontline.presence_touch(1, 'viewing')$q$, 'x: presence');
END $$;
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION fl095_none;
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['SELECT frontline.take_next()', 'SELECT * FROM frontline.queue_view(''all'', 10)',
                             'SELECT * FROM frontline.queue_counts()', 'SELECT * FROM frontline.ticket_header(1)',
                             'SELECT * FROM frontline.ticket_thread(1)', 'SELECT * FROM frontline.kb_search(''x'', NULL, 5)',
                             'SELECT * FROM frontline.send_message(1, ''note'', ''x'', ''n-1'', NULL, true)',
                             'SELECT frontline.draft_get(1)', 'SELECT * FROM frontline.agents_list()'] LOOP
        PERFORM pg_temp.refused(f, 'none: ' || f);
    END LOOP;
END $$;
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION fl095_sup;
DO $$ BEGIN
    PERFORM pg_temp.expect('sup: both threads', '2 1',
        (SELECT count(*) FROM frontline.ticket_thread(1)) || ' ' || (SELECT count(*) FROM frontline.ticket_thread(2)));
    PERFORM pg_temp.expect('sup: views', ARRAY[1, 2, 3]::bigint[], (SELECT array_agg(id ORDER BY id) FROM frontline.queue_view('all', 10)));
    PERFORM pg_temp.expect('sup: a note on B''s ticket', 'sent',
        (SELECT status FROM frontline.send_message(2, 'note', 'Checked.', 'sup-1', NULL, true)));
    PERFORM pg_temp.expect('sup: sees a replying', 'A one (replying)', (SELECT viewers FROM frontline.queue_view('all', 10) WHERE id = 1));
    PERFORM pg_temp.expect('sup: a''s draft is not the supervisor''s', NULL::text, frontline.draft_get(1));
    PERFORM pg_temp.expect('sup: no team, nothing to take', NULL::bigint, frontline.take_next());
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- Static checks.
-- ---------------------------------------------------------------------------
DO $$
DECLARE
    f text;
BEGIN
    PERFORM pg_temp.expect('the functions that bypass row-level security',
        'agent_heartbeat,agent_heartbeat_as,'
        'append_change,changes_gap,changes_since,feedback_view_as,message_by_key_as,outbox_event,'
        'presence_expire_as,prune_changes,rating_callback_as,survey_count_contact,survey_plan_as,'
        'survey_requested_event,ticket_stats_sync,ticket_thread_as,transfer_ticket_as,viewers_of_as',
        (SELECT string_agg(proname, ',' ORDER BY proname) FROM pg_proc
          WHERE pronamespace = 'frontline'::regnamespace AND prosecdef));
    FOREACH f IN ARRAY ARRAY['frontline.take_next()', 'frontline.queue_view(text, integer)', 'frontline.queue_counts()',
        'frontline.ticket_header(bigint)', 'frontline.ticket_thread(bigint)', 'frontline.customer_profile(bigint)',
        'frontline.customer_history(bigint, boolean, bigint, integer)', 'frontline.kb_suggest(bigint, integer)',
        'frontline.kb_search(text, text, integer)', 'frontline.kb_article(bigint)',
        'frontline.send_message(bigint, text, text, text, bigint, boolean)', 'frontline.set_status(bigint, text)',
        'frontline.set_priority(bigint, text)', 'frontline.set_tags(bigint, text[])', 'frontline.assign(bigint, bigint)',
        'frontline.transfer(bigint, bigint, bigint, text, text)', 'frontline.merge(bigint, bigint, text)',
        'frontline.presence_touch(bigint, text)', 'frontline.presence_leave(bigint)', 'frontline.draft_save(bigint, text)',
        'frontline.draft_get(bigint)', 'frontline.agents_list()', 'frontline.queues_list()', 'frontline.macros_list(text)',
        'frontline.message_by_key_as(name, text)', 'frontline.ticket_thread_as(name, bigint)',
        'frontline.viewers_of_as(name, bigint[])', 'frontline.presence_expire_as(name, bigint)'] LOOP
        PERFORM pg_temp.expect('agents may execute ' || f, true, has_function_privilege('frontline_agent', f, 'EXECUTE'));
        PERFORM pg_temp.expect('supervisors may execute ' || f, true, has_function_privilege('frontline_supervisor', f, 'EXECUTE'));
    END LOOP;
END $$;

DROP OWNED BY fl095_a, fl095_b, fl095_sup, fl095_x, fl095_none;
DROP ROLE fl095_a, fl095_b, fl095_sup, fl095_x, fl095_none;
