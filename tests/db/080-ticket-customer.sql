-- 080-ticket-customer.sql: the ticket screen and the customer panel:
-- ticket_header (with the handover note of a transfer), ticket_thread
-- (oldest first, with the messages of tickets merged into it, also across
-- teams and recursively), customer_profile (counts and ratings over what
-- the caller may see, NPS category), customer_history (exactly that
-- customer's other tickets, the organization's on request, first line of
-- the first customer message), all under row-level security.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

CREATE FUNCTION pg_temp.at(t timestamptz) RETURNS void LANGUAGE sql AS $$
    SELECT set_config('frontline.now', frontline.ts_text(t), false)
$$;

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fl080_a', 'fl080_a2', 'fl080_b', 'fl080_sup'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl080_a, fl080_a2, fl080_b;
GRANT frontline_supervisor TO fl080_sup;

INSERT INTO frontline.sla_policies (id, name) VALUES (1, 'p');
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes, next_response_minutes, resolution_minutes)
VALUES (1, 'normal', 60, 60, 600);
INSERT INTO frontline.teams (id, name) VALUES (1, 'A'), (2, 'B');
INSERT INTO frontline.queues (id, name, team_id, default_policy_id) VALUES (1, 'qa', 1, 1), (2, 'qb', 2, 1);
INSERT INTO frontline.agents (id, role_name, display_name, team_id, is_supervisor) VALUES
    (1, 'fl080_a', 'A one', 1, false),
    (2, 'fl080_a2', 'A two', 1, false),
    (3, 'fl080_b', 'B one', 2, false),
    (4, 'fl080_sup', 'Super', NULL, true);
INSERT INTO frontline.organizations (id, name) VALUES (1, 'Acme');
INSERT INTO frontline.customers (id, name, email, phone, language, tier, time_zone, notes, organization_id) VALUES
    (1, 'Alice', 'alice@acme.test', '+48 1', 'pl', 'vip', 'Europe/Warsaw', 'prefers phone', 1),
    (2, 'Adam',  'adam@acme.test',  NULL,   'en', 'standard', NULL, NULL, 1),
    (3, 'Bob',   'bob@mail.test',   NULL,   'en', 'standard', NULL, NULL, NULL),
    (4, 'Carol', NULL,              NULL,   'ru', 'premium', NULL, NULL, NULL);

-- Tickets and messages at fixed times relative to now.
SELECT set_config('fl.base', frontline.ts_text(now() - interval '1 hour'), false) AS base \gset
CREATE FUNCTION pg_temp.t(minutes integer) RETURNS timestamptz LANGUAGE sql AS $$
    SELECT current_setting('fl.base')::timestamptz + make_interval(mins => minutes)
$$;
INSERT INTO frontline.tickets (id, customer_id, queue_id, subject, channel, status, created_at, tags) VALUES
    (1, 1, 1, 'Cannot log in',        'email', 'open',   pg_temp.t(0),  '{login,vip}'),
    (2, 1, 1, 'Old invoice question', 'phone', 'open',   now() - interval '120 days', '{}'),
    (3, 2, 1, 'Adam asks for VAT',    'email', 'open',   pg_temp.t(5),  '{}'),
    (4, 1, 2, 'Refund for order 77',  'chat',  'open',   pg_temp.t(10), '{}'),
    (5, 3, 1, 'Bob''s question',      'email', 'new',    pg_temp.t(15), '{}'),
    (6, 1, 1, 'Login again',          'chat',  'open',   pg_temp.t(20), '{}'),
    (7, 1, 2, 'Still cannot log in',  'portal','open',   pg_temp.t(25), '{}'),
    (8, 1, 1, 'Login (3rd mail)',     'email', 'new',    pg_temp.t(30), '{}'),
    (9, 4, 1, 'Carol',                'phone', 'new',    pg_temp.t(35), '{}');
INSERT INTO frontline.messages (id, ticket_id, kind, author_agent_id, author_customer_id, channel, body, created_at) VALUES
    (1,  1, 'customer', NULL, 1, 'email', E'\n \r\n  Hello,  \r\nI cannot log in since Monday.', pg_temp.t(1)),
    (2,  1, 'auto',     NULL, NULL, 'email', 'We got your message.', pg_temp.t(2)),
    (3,  1, 'reply',    1, NULL, 'email', 'Which browser?', pg_temp.t(40)),
    (4,  2, 'customer', NULL, 1, 'phone', 'Invoice 12 is wrong', now() - interval '120 days'),
    (5,  3, 'customer', NULL, 2, 'email', repeat('x', 300), pg_temp.t(6)),
    (6,  4, 'customer', NULL, 1, 'chat',  'Secret B refund request', pg_temp.t(11)),
    (7,  6, 'customer', NULL, 1, 'chat',  'Still broken (chat)', pg_temp.t(21)),
    (8,  7, 'customer', NULL, 1, 'portal','Portal says error 42', pg_temp.t(26)),
    (9,  8, 'customer', NULL, 1, 'email', 'Third mail', pg_temp.t(31)),
    (10, 6, 'note',     2, NULL, 'chat',  'Same as ticket 1', pg_temp.t(45)),
    (11, 1, 'customer', NULL, 1, 'email', 'Firefox', pg_temp.t(50));
UPDATE frontline.tickets SET status = 'solved' WHERE id = 2;     -- after its customer message
INSERT INTO frontline.ratings (ticket_id, csat, nps, created_at) VALUES
    (2, 4, 9, now() - interval '100 days'),    -- A's: promoter
    (4, 1, 2, now() - interval '1 hour'),      -- B's: detractor, later
    (5, 5, 7, now() - interval '1 hour');      -- Bob: passive
SELECT count(setval(pg_get_serial_sequence('frontline.' || t, 'id'), 1000)) AS bumped
  FROM unnest(ARRAY['tickets', 'messages', 'ratings']) t \gset

-- ---------------------------------------------------------------------------
-- The contract.
-- ---------------------------------------------------------------------------
DO $$ BEGIN
    PERFORM pg_temp.expect('ticket_header signature',
        'TABLE(id bigint, subject text, status text, priority text, channel text, tags text[], language text, '
        'customer_id bigint, customer_name text, organization_name text, assignee_id bigint, assignee text, '
        'queue text, created_at timestamp with time zone, updated_at timestamp with time zone, pause_reason text, '
        'follows_up_id bigint, merged_into_id bigint, handover_note text, handover_by text, '
        'handover_at timestamp with time zone, last_message_id bigint, queue_id bigint)',
        pg_get_function_result('frontline.ticket_header(bigint)'::regprocedure));
    PERFORM pg_temp.expect('ticket_thread signature',
        'TABLE(id bigint, ticket_id bigint, kind text, channel text, author text, body text, '
        'created_at timestamp with time zone, handover boolean)',
        pg_get_function_result('frontline.ticket_thread(bigint)'::regprocedure));
    PERFORM pg_temp.expect('customer_profile signature',
        'TABLE(id bigint, name text, email text, phone text, language text, tier text, time_zone text, '
        'notes text, organization_id bigint, organization_name text, tickets_90d bigint, open_now bigint, '
        'last_csat smallint, last_nps smallint, nps_category text)',
        pg_get_function_result('frontline.customer_profile(bigint)'::regprocedure));
    PERFORM pg_temp.expect('customer_history signature',
        'TABLE(id bigint, customer_name text, channel text, status text, subject text, '
        'created_at timestamp with time zone, solved_at timestamp with time zone, csat smallint, first_line text)',
        pg_get_function_result('frontline.customer_history(bigint, boolean, bigint, integer)'::regprocedure));
    PERFORM pg_temp.expect('ticket_thread_as is SECURITY DEFINER with a pinned search_path', 'true search_path',
        (SELECT prosecdef || ' ' || split_part(proconfig[1], '=', 1) FROM pg_proc
          WHERE oid = 'frontline.ticket_thread_as(name, bigint)'::regprocedure));
    PERFORM pg_temp.expect('first_line', 'Hello,', frontline.first_line(E'\n \r\n  Hello,  \r\nI cannot'));
    PERFORM pg_temp.expect('first_line of nothing', NULL::text, frontline.first_line(E' \n\t\n'));
END $$;

-- ---------------------------------------------------------------------------
-- Ticket screen, agent of team A.
-- ---------------------------------------------------------------------------
SET ROLE fl080_a;
DO $$
DECLARE
    h record;
BEGIN
    SELECT * INTO h FROM frontline.ticket_header(1);
    PERFORM pg_temp.expect('header: subject', 'Cannot log in', h.subject);
    PERFORM pg_temp.expect('header: status', 'open', h.status);
    PERFORM pg_temp.expect('header: tags', '{login,vip}'::text[], h.tags);
    PERFORM pg_temp.expect('header: language from the customer', 'pl', h.language);
    PERFORM pg_temp.expect('header: customer', 'Alice', h.customer_name);
    PERFORM pg_temp.expect('header: organization', 'Acme', h.organization_name);
    PERFORM pg_temp.expect('header: queue', 'qa', h.queue);
    PERFORM pg_temp.expect('header: queue id', 1::bigint, h.queue_id);
    PERFORM pg_temp.expect('header: no assignee', NULL::text, h.assignee);
    PERFORM pg_temp.expect('header: no handover yet', NULL::text, h.handover_note);
    PERFORM pg_temp.expect('header: last message', 11::bigint, h.last_message_id);
    PERFORM pg_temp.expect('header: created', pg_temp.t(0), h.created_at);
    PERFORM pg_temp.expect('header: another team''s ticket', 0::bigint, (SELECT count(*) FROM frontline.ticket_header(4)));
    PERFORM pg_temp.expect('header: no such ticket', 0::bigint, (SELECT count(*) FROM frontline.ticket_header(999)));

    PERFORM pg_temp.expect('thread of 1, oldest first', ARRAY[1, 2, 3, 11]::bigint[],
        (SELECT array_agg(id) FROM frontline.ticket_thread(1)));
    PERFORM pg_temp.expect('thread authors', ARRAY['Alice', NULL, 'A one', 'Alice'],
        (SELECT array_agg(author) FROM frontline.ticket_thread(1)));
    PERFORM pg_temp.expect('thread kinds', ARRAY['customer', 'auto', 'reply', 'customer'],
        (SELECT array_agg(kind) FROM frontline.ticket_thread(1)));
    PERFORM pg_temp.expect('thread: another team''s ticket', 0::bigint, (SELECT count(*) FROM frontline.ticket_thread(4)));
    PERFORM pg_temp.expect('thread: no such ticket', 0::bigint, (SELECT count(*) FROM frontline.ticket_thread(999)));
END $$;

-- Merges: 8 into 6 and 6 into 1 by a; 7 (team B's) into 1 by the supervisor.
SELECT status FROM frontline.merge(8, 6, 'merge-8-6') \gset
SELECT status FROM frontline.merge(6, 1, 'merge-6-1') \gset
RESET ROLE;
SET ROLE fl080_sup;
SELECT status FROM frontline.merge(7, 1, 'merge-7-1') \gset
RESET ROLE;
SET ROLE fl080_a;
DO $$
DECLARE
    h record;
BEGIN
    -- 1's thread: its own messages, 6's (with 8's, merged into 6), and 7's
    -- from team B's queue, which a cannot read directly.
    PERFORM pg_temp.expect('a cannot read ticket 7''s messages directly', 0::bigint,
        (SELECT count(*) FROM frontline.messages WHERE ticket_id = 7));
    PERFORM pg_temp.expect('merged thread: messages',
        ARRAY[1, 2, 7, 8, 9, 3, 10, 11]::bigint[],
        (SELECT array_agg(id) FROM frontline.ticket_thread(1) WHERE kind <> 'note' OR id = 10));
    PERFORM pg_temp.expect('merged thread: where each came from',
        ARRAY[1, 1, 6, 7, 8, 1, 6, 1]::bigint[],
        (SELECT array_agg(ticket_id) FROM frontline.ticket_thread(1) WHERE kind <> 'note' OR id = 10));
    PERFORM pg_temp.expect('merged thread: channels', ARRAY['email', 'email', 'chat', 'portal', 'email', 'email', 'chat', 'email'],
        (SELECT array_agg(channel) FROM frontline.ticket_thread(1) WHERE kind <> 'note' OR id = 10));
    PERFORM pg_temp.expect('merged thread: merge notes on 1', ARRAY['Merged ticket #6: Login again', 'Merged ticket #7: Still cannot log in'],
        (SELECT array_agg(body ORDER BY body) FROM frontline.ticket_thread(1) WHERE kind = 'note' AND ticket_id = 1));
    PERFORM pg_temp.expect('merged thread: merge note authors', ARRAY['A one', 'Super'],
        (SELECT array_agg(author ORDER BY body) FROM frontline.ticket_thread(1) WHERE kind = 'note' AND ticket_id = 1));
    PERFORM pg_temp.expect('merged thread: the note on 6 about 8', 1::bigint,
        (SELECT count(*) FROM frontline.ticket_thread(1) WHERE ticket_id = 6 AND body = 'Merged ticket #8: Login (3rd mail)'));
    PERFORM pg_temp.expect('merged thread is sorted', true,
        (SELECT bool_and(ok) FROM (SELECT created_at >= lag(created_at, 1, '-infinity') OVER () AS ok
                                     FROM frontline.ticket_thread(1)) x));
    PERFORM pg_temp.expect('the source''s own thread is just its own (and 8''s)', ARRAY[6, 8]::bigint[],
        (SELECT array_agg(DISTINCT ticket_id ORDER BY ticket_id) FROM frontline.ticket_thread(6)));
    SELECT * INTO h FROM frontline.ticket_header(6);
    PERFORM pg_temp.expect('source header: merged into', 1::bigint, h.merged_into_id);
    PERFORM pg_temp.expect('source header: closed', 'closed', h.status);
END $$;
RESET ROLE;

-- Team B sees ticket 7 (merged, closed) but not 1's thread.
SET ROLE fl080_b;
DO $$ BEGIN
    PERFORM pg_temp.expect('b: 7 merged into 1', 1::bigint, (SELECT merged_into_id FROM frontline.ticket_header(7)));
    PERFORM pg_temp.expect('b: thread of 1', 0::bigint, (SELECT count(*) FROM frontline.ticket_thread(1)));
    PERFORM pg_temp.expect('b: header of 1', 0::bigint, (SELECT count(*) FROM frontline.ticket_header(1)));
END $$;
RESET ROLE;
-- The definer helper cannot be used to read as someone else (it checks the
-- login, so this runs as b's login would).
SET SESSION AUTHORIZATION fl080_b;
DO $$ BEGIN
    PERFORM frontline.ticket_thread_as('fl080_a', 1);
    RAISE EXCEPTION 'b read a''s thread through ticket_thread_as';
EXCEPTION WHEN insufficient_privilege THEN
    NULL;
END $$;
DO $$ BEGIN
    PERFORM pg_temp.expect('b as itself through the helper: still nothing of 1', 0::bigint,
        (SELECT count(*) FROM frontline.ticket_thread_as('fl080_b', 1)));
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- Handover: b transfers ticket 4 to team A with a note; a sees it on top.
-- ---------------------------------------------------------------------------
SET ROLE fl080_b;
SELECT status FROM frontline.transfer(4, 1, NULL, 'Refund approved by billing; please confirm with Alice.', 'xfer-4') \gset
RESET ROLE;
SET ROLE fl080_a;
DO $$
DECLARE
    h record;
BEGIN
    SELECT * INTO h FROM frontline.ticket_header(4);
    PERFORM pg_temp.expect('handover: note', 'Refund approved by billing; please confirm with Alice.', h.handover_note);
    PERFORM pg_temp.expect('handover: by', 'B one', h.handover_by);
    PERFORM pg_temp.expect('handover: at', true, h.handover_at > now() - interval '1 minute');
    PERFORM pg_temp.expect('handover: now in qa', 'qa', h.queue);
    PERFORM pg_temp.expect('handover: the note is the last message', h.last_message_id,
        (SELECT max(id) FROM frontline.ticket_thread(4)));
    PERFORM pg_temp.expect('handover: in the thread, marked', true,
        (SELECT handover FROM frontline.ticket_thread(4) WHERE kind = 'note'));
    PERFORM pg_temp.expect('handover: the customer message before it', 'Secret B refund request',
        (SELECT body FROM frontline.ticket_thread(4) ORDER BY created_at, id LIMIT 1));
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- Customer panel.
-- ---------------------------------------------------------------------------
SET ROLE fl080_a;
DO $$
DECLARE
    p record;
BEGIN
    SELECT * INTO p FROM frontline.customer_profile(1);
    PERFORM pg_temp.expect('profile: name', 'Alice', p.name);
    PERFORM pg_temp.expect('profile: email', 'alice@acme.test', p.email);
    PERFORM pg_temp.expect('profile: phone', '+48 1', p.phone);
    PERFORM pg_temp.expect('profile: language', 'pl', p.language);
    PERFORM pg_temp.expect('profile: tier', 'vip', p.tier);
    PERFORM pg_temp.expect('profile: time zone', 'Europe/Warsaw', p.time_zone);
    PERFORM pg_temp.expect('profile: notes', 'prefers phone', p.notes);
    PERFORM pg_temp.expect('profile: organization', 'Acme', p.organization_name);
    PERFORM pg_temp.expect('profile: organization id', 1::bigint, p.organization_id);
    -- a sees 1, 2, 4 (transferred in), 6, 8 of Alice's; 2 is 120 days old;
    -- open: 1 and 4 (6 and 8 were merged, so closed).
    PERFORM pg_temp.expect('profile: tickets in 90 days', 4::bigint, p.tickets_90d);
    PERFORM pg_temp.expect('profile: open now', 2::bigint, p.open_now);
    -- 4's rating (csat 1, nps 2) is the latest and now visible to a.
    PERFORM pg_temp.expect('profile: last csat', 1::smallint, p.last_csat);
    PERFORM pg_temp.expect('profile: last nps', 2::smallint, p.last_nps);
    PERFORM pg_temp.expect('profile: detractor', 'detractor', p.nps_category);
    PERFORM pg_temp.expect('profile: passive', 'passive', (SELECT nps_category FROM frontline.customer_profile(3)));
    PERFORM pg_temp.expect('profile: no rating', NULL::text, (SELECT nps_category FROM frontline.customer_profile(4)));
    PERFORM pg_temp.expect('profile: no such customer', 0::bigint, (SELECT count(*) FROM frontline.customer_profile(999)));

    -- History: exactly Alice's other tickets a may see, newest first.
    PERFORM pg_temp.expect('history: Alice without ticket 1', ARRAY[8, 6, 4, 2]::bigint[],
        (SELECT array_agg(id) FROM frontline.customer_history(1, false, 1, 10)));
    PERFORM pg_temp.expect('history: limit', ARRAY[8, 6]::bigint[],
        (SELECT array_agg(id) FROM frontline.customer_history(1, false, 1, 2)));
    PERFORM pg_temp.expect('history: nothing excluded', ARRAY[8, 6, 4, 1, 2]::bigint[],
        (SELECT array_agg(id) FROM frontline.customer_history(1, false, NULL, 10)));
    PERFORM pg_temp.expect('history: with the organization', ARRAY[8, 6, 4, 3, 2]::bigint[],
        (SELECT array_agg(id) FROM frontline.customer_history(1, true, 1, 10)));
    PERFORM pg_temp.expect('history: org rows name their customer', 'Adam',
        (SELECT customer_name FROM frontline.customer_history(1, true, 1, 10) WHERE id = 3));
    PERFORM pg_temp.expect('history: no org, include_org changes nothing', ARRAY[5]::bigint[],
        (SELECT array_agg(id) FROM frontline.customer_history(3, true, NULL, 10)));
    PERFORM pg_temp.expect('history: first line', 'Hello,',
        (SELECT first_line FROM frontline.customer_history(1, false, NULL, 10) WHERE id = 1));
    PERFORM pg_temp.expect('history: first line at most 200 characters', 200,
        (SELECT char_length(first_line) FROM frontline.customer_history(2, false, NULL, 10) WHERE id = 3));
    PERFORM pg_temp.expect('history: csat and solved_at', '4 solved true',
        (SELECT csat || ' ' || status || ' ' || (solved_at IS NOT NULL) FROM frontline.customer_history(1, false, NULL, 10) WHERE id = 2));
    PERFORM pg_temp.expect('history: channel and status', 'chat closed',
        (SELECT channel || ' ' || status FROM frontline.customer_history(1, false, NULL, 10) WHERE id = 6));
END $$;
RESET ROLE;

SET ROLE fl080_b;
DO $$
DECLARE
    p record;
BEGIN
    -- b now sees only 7 of Alice's (4 went to team A).
    PERFORM pg_temp.expect('b: history of Alice', ARRAY[7]::bigint[],
        (SELECT array_agg(id) FROM frontline.customer_history(1, true, NULL, 10)));
    SELECT * INTO p FROM frontline.customer_profile(1);
    PERFORM pg_temp.expect('b: profile readable (customers are shared)', 'Alice', p.name);
    PERFORM pg_temp.expect('b: counts over what b sees', '1 0', p.tickets_90d || ' ' || p.open_now);
    PERFORM pg_temp.expect('b: ratings b cannot see', NULL::smallint, p.last_nps);
END $$;
RESET ROLE;

SET ROLE fl080_sup;
DO $$ BEGIN
    PERFORM pg_temp.expect('sup: history of Alice, all', ARRAY[8, 7, 6, 4, 1, 2]::bigint[],
        (SELECT array_agg(id) FROM frontline.customer_history(1, false, NULL, 10)));
    PERFORM pg_temp.expect('sup: whole thread of 1', 11::bigint, (SELECT count(*) FROM frontline.ticket_thread(1)));
END $$;
RESET ROLE;

DROP OWNED BY fl080_a, fl080_a2, fl080_b, fl080_sup;
DROP ROLE fl080_a, fl080_a2, fl080_b, fl080_sup;
