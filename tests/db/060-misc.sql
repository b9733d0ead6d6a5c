-- 060-misc.sql: the interface the C console relies on (names, signatures,
-- indexes), knowledge-base search per language, outbox events, ratings and
-- the survey plan.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

-- ---------------------------------------------------------------------------
-- The contract.
-- ---------------------------------------------------------------------------
DO $$ BEGIN
    PERFORM pg_temp.expect('agent_queue signature',
        'TABLE(id bigint, priority text, status text, channel text, customer_name text, subject text, '
        'created_at timestamp with time zone, assignee text, clock text, clock_state text, '
        'due_at timestamp with time zone, remaining interval, language text)',
        pg_get_function_result('frontline.agent_queue(integer)'::regprocedure));
    PERFORM pg_temp.expect('agent_queue runs with the caller''s rights', false,
        (SELECT prosecdef FROM pg_proc WHERE oid = 'frontline.agent_queue(integer)'::regprocedure));
    PERFORM pg_temp.expect('changes_since signature',
        'TABLE(seq bigint, xid xid8, ticket_id bigint, what text, next_xmin xid8)',
        pg_get_function_result('frontline.changes_since(xid8)'::regprocedure));
    PERFORM pg_temp.expect('changes_since is SECURITY DEFINER', true,
        (SELECT prosecdef FROM pg_proc WHERE oid = 'frontline.changes_since(xid8)'::regprocedure));
    PERFORM pg_temp.expect('changes_since pins search_path', true,
        (SELECT proconfig[1] LIKE 'search_path=%' FROM pg_proc WHERE oid = 'frontline.changes_since(xid8)'::regprocedure));
    PERFORM pg_temp.expect('changes_cursor', 'xid8', pg_get_function_result('frontline.changes_cursor()'::regprocedure));
    PERFORM pg_temp.expect('prune_changes', 'bigint', pg_get_function_result('frontline.prune_changes(interval)'::regprocedure));
    PERFORM pg_temp.expect('current_agent_id', 'bigint', pg_get_function_result('frontline.current_agent_id()'::regprocedure));
    PERFORM pg_temp.expect('business_add', 'timestamp with time zone',
        pg_get_function_result('frontline.business_add(bigint, timestamptz, integer)'::regprocedure));
    PERFORM pg_temp.expect('business_minutes', 'integer',
        pg_get_function_result('frontline.business_minutes(bigint, timestamptz, timestamptz)'::regprocedure));
    PERFORM pg_temp.expect('ticket_clocks columns',
        ARRAY['ticket_id', 'kind', 'state', 'due_at', 'remaining', 'met_at', 'paused_since', 'breached']::name[],
        (SELECT (array_agg(attname ORDER BY attnum))[1:8] FROM pg_attribute
          WHERE attrelid = 'frontline.ticket_clocks'::regclass AND attnum > 0));
    PERFORM pg_temp.expect('ticket_clocks is security_invoker', true,
        (SELECT 'security_invoker=true' = ANY (reloptions) FROM pg_class WHERE oid = 'frontline.ticket_clocks'::regclass));
    PERFORM pg_temp.expect('changes columns',
        ARRAY['seq', 'xid', 'ticket_id', 'what', 'row_id', 'at']::name[],
        (SELECT array_agg(attname ORDER BY attnum) FROM pg_attribute
          WHERE attrelid = 'frontline.changes'::regclass AND attnum > 0 AND NOT attisdropped));
    PERFORM pg_temp.expect('queue index',
        'CREATE INDEX tickets_queue_due_idx ON frontline.tickets USING btree (queue_id, sla_due_at) '
        'WHERE (status <> ALL (ARRAY[''solved''::text, ''closed''::text]))',
        pg_get_indexdef('frontline.tickets_queue_due_idx'::regclass));
    PERFORM pg_temp.expect('history index',
        'CREATE INDEX tickets_customer_history_idx ON frontline.tickets USING btree (customer_id, created_at DESC)',
        pg_get_indexdef('frontline.tickets_customer_history_idx'::regclass));
    PERFORM pg_temp.expect('messages index',
        'CREATE INDEX messages_ticket_idx ON frontline.messages USING btree (ticket_id, created_at)',
        pg_get_indexdef('frontline.messages_ticket_idx'::regclass));
    PERFORM pg_temp.expect('group roles cannot log in', 3::bigint,
        (SELECT count(*) FROM pg_roles WHERE rolname IN ('frontline_agent', 'frontline_supervisor', 'frontline_admin')
            AND NOT rolcanlogin));
    PERFORM pg_temp.expect('one default survey policy', 1::bigint,
        (SELECT count(*) FROM frontline.survey_policy WHERE channel IS NULL));
END $$;

-- ---------------------------------------------------------------------------
-- Knowledge base: per-language stemming, title weighted above body.
-- ---------------------------------------------------------------------------
INSERT INTO frontline.kb_articles (id, language, title, body) VALUES
    (1, 'en', 'Resetting your password', 'Open the account page and follow the link.'),
    (2, 'en', 'Account page', 'If you forgot the passwords, use the reset link.'),
    (3, 'ru', 'Сброс пароля', 'Откройте страницу учётной записи.'),
    (4, 'pl', 'Resetowanie hasła', 'Otwórz stronę konta.');
DO $$
DECLARE
    v_ids bigint[];
BEGIN
    SELECT array_agg(id ORDER BY ts_rank(tsv, q) DESC, id) INTO v_ids
      FROM frontline.kb_articles, websearch_to_tsquery(frontline.kb_config('en'), 'reset password') q
     WHERE language = 'en' AND tsv @@ q;
    PERFORM pg_temp.expect('english stems and ranks the title first', ARRAY[1, 2]::bigint[], v_ids);
    PERFORM pg_temp.expect('russian stems (пароль finds пароля)', ARRAY[3]::bigint[],
        (SELECT array_agg(id) FROM frontline.kb_articles
          WHERE tsv @@ websearch_to_tsquery(frontline.kb_config('ru'), 'пароль')));
    PERFORM pg_temp.expect('polish uses simple (exact words)', ARRAY[4]::bigint[],
        (SELECT array_agg(id) FROM frontline.kb_articles
          WHERE tsv @@ websearch_to_tsquery(frontline.kb_config('pl'), 'hasła')));
    PERFORM pg_temp.expect('polish title words weighted A', true,
        (SELECT tsv::text LIKE '%''hasła'':2A%' FROM frontline.kb_articles WHERE id = 4));
    PERFORM pg_temp.expect('kb config names', ARRAY['english', 'russian', 'simple']::text[],
        ARRAY[frontline.kb_config('en')::text, frontline.kb_config('ru')::text, frontline.kb_config('pl')::text]);
END $$;
UPDATE frontline.kb_articles SET body = 'Nothing about that any more.', title = 'Account' WHERE id = 2;
DO $$ BEGIN
    PERFORM pg_temp.expect('tsv follows edits', 0::bigint,
        (SELECT count(*) FROM frontline.kb_articles
          WHERE id = 2 AND tsv @@ websearch_to_tsquery(frontline.kb_config('en'), 'password')));
END $$;

-- ---------------------------------------------------------------------------
-- Outbox, ratings, survey plan.
-- ---------------------------------------------------------------------------
INSERT INTO frontline.teams (id, name) VALUES (1, 't');
INSERT INTO frontline.queues (id, name, team_id) VALUES (1, 'q', 1);
INSERT INTO frontline.customers (id, name, language, tier) VALUES (1, 'Ivan', 'ru', 'vip'), (2, 'Jan', 'pl', 'standard');
INSERT INTO frontline.tickets (id, customer_id, queue_id, subject, channel, idempotency_key) VALUES
    (1, 1, 1, 'one', 'email', 'mail-1'), (2, 1, 1, 'two', 'email', NULL), (3, 2, 1, 'three', 'chat', NULL);
INSERT INTO frontline.tickets (customer_id, queue_id, subject, idempotency_key)
VALUES (1, 1, 'one again', 'mail-1') ON CONFLICT (idempotency_key) DO NOTHING;
INSERT INTO frontline.messages (ticket_id, kind, body) VALUES (1, 'note', 'internal'), (1, 'reply', 'public');
DO $$ BEGIN
    PERFORM pg_temp.expect('ticket idempotency', 3::bigint, (SELECT count(*) FROM frontline.tickets));
    PERFORM pg_temp.expect('ticket language from customer', 'ru', (SELECT language FROM frontline.tickets WHERE id = 1));
    PERFORM pg_temp.expect('outbox ticket.created', 3::bigint, (SELECT count(*) FROM frontline.outbox WHERE kind = 'ticket.created'));
    PERFORM pg_temp.expect('outbox message.reply (not for the note)', 1::bigint,
        (SELECT count(*) FROM frontline.outbox WHERE kind = 'message.reply'));
    PERFORM pg_temp.expect('reply payload', 'ru',
        (SELECT payload->>'language' FROM frontline.outbox WHERE kind = 'message.reply'));
    PERFORM pg_temp.expect('survey: ask for ticket 1', true, (frontline.survey_plan(1)).ask);
END $$;

INSERT INTO frontline.ratings (ticket_id, csat, nps, reason, callback_wanted, via, idempotency_key)
VALUES (1, 2, 3, 'slow', true, 'live', 'rate-1');
INSERT INTO frontline.ratings (ticket_id, csat, idempotency_key) VALUES (1, 5, 'rate-1')
ON CONFLICT (idempotency_key) DO NOTHING;
DO $$ BEGIN
    PERFORM pg_temp.expect('rating idempotency', 1::bigint, (SELECT count(*) FROM frontline.ratings));
    PERFORM pg_temp.expect('outbox rating.answered', 1::bigint, (SELECT count(*) FROM frontline.outbox WHERE kind = 'rating.answered'));
    PERFORM pg_temp.expect('survey: not twice for a ticket', false, (frontline.survey_plan(1)).ask);
    PERFORM pg_temp.expect('survey: fatigue for the same customer', false, (frontline.survey_plan(2)).ask);
    PERFORM pg_temp.expect('survey: another customer is asked', true, (frontline.survey_plan(3)).ask);
END $$;
INSERT INTO frontline.survey_policy (channel, every_nth, ask_nps) VALUES ('chat', 2, false);
DO $$
DECLARE
    r record;
BEGIN
    r := frontline.survey_plan(3);
    PERFORM pg_temp.expect('survey: every 2nd chat ticket (id 3 is odd)', false, r.ask);
    PERFORM pg_temp.expect('survey: chat policy does not ask NPS', false, r.ask_nps);
    BEGIN
        INSERT INTO frontline.ratings (ticket_id, csat) VALUES (3, 6);
        RAISE EXCEPTION 'csat 6 was accepted (expected a check violation)';
    EXCEPTION WHEN check_violation THEN NULL;
    END;
    BEGIN
        INSERT INTO frontline.ratings (ticket_id, nps) VALUES (3, 11);
        RAISE EXCEPTION 'nps 11 was accepted (expected a check violation)';
    EXCEPTION WHEN check_violation THEN NULL;
    END;
    BEGIN
        INSERT INTO frontline.survey_policy (channel) VALUES (NULL);
        RAISE EXCEPTION 'a second default survey policy was accepted';
    EXCEPTION WHEN unique_violation THEN NULL;
    END;
END $$;

UPDATE frontline.tickets SET status = 'solved' WHERE id = 3;
DO $$ BEGIN
    PERFORM pg_temp.expect('outbox ticket.solved', 1::bigint, (SELECT count(*) FROM frontline.outbox WHERE kind = 'ticket.solved'));
    PERFORM pg_temp.expect('outbox rows await the relay', 0::bigint,
        (SELECT count(*) FROM frontline.outbox WHERE delivered_at IS NOT NULL OR attempts <> 0));
END $$;
