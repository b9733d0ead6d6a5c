-- 050-rls.sql: roles, privileges and row-level security. An agent of team A
-- cannot read team B's tickets (nor their messages, clocks, ratings, events,
-- presence) with plain SQL, cannot write to them, cannot sign as someone
-- else, backdate, move the SLA clock or read the raw changes log.
-- SET SESSION AUTHORIZATION makes each block run as that login would.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

-- pg_temp.refused(sql, what): sql must fail with insufficient_privilege
-- (permission denied, or a row-level security violation) or with a check
-- the append-only trigger raises.
CREATE FUNCTION pg_temp.refused(p_sql text, p_what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE p_sql;
    EXCEPTION
        WHEN insufficient_privilege THEN
            RETURN;
        WHEN raise_exception THEN
            IF SQLERRM LIKE '%append-only%' THEN
                RETURN;
            END IF;
            RAISE;
    END;
    RAISE EXCEPTION '%: expected to be refused, but it succeeded: %', p_what, p_sql;
END $$;

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fl050_a', 'fl050_a2', 'fl050_b', 'fl050_sup', 'fl050_flag', 'fl050_none'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl050_a, fl050_a2, fl050_b, fl050_flag;
GRANT frontline_supervisor TO fl050_sup;

INSERT INTO frontline.sla_policies (id, name) VALUES (1, 'p');
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes, next_response_minutes, resolution_minutes)
VALUES (1, 'normal', 60, 60, 600), (1, 'urgent', 15, 15, 120);
INSERT INTO frontline.teams (id, name) VALUES (1, 'A'), (2, 'B');
INSERT INTO frontline.queues (id, name, team_id, default_policy_id) VALUES (1, 'qa', 1, 1), (2, 'qb', 2, 1);
INSERT INTO frontline.agents (id, role_name, display_name, team_id, is_supervisor) VALUES
    (1, 'fl050_a', 'A one', 1, false),
    (2, 'fl050_a2', 'A two', 1, false),
    (3, 'fl050_b', 'B one', 2, false),
    (4, 'fl050_sup', 'Super', NULL, true),
    (5, 'fl050_flag', 'Flag only', 1, true);    -- is_supervisor, but not in the group
INSERT INTO frontline.customers (id, name) VALUES (1, 'Alice'), (2, 'Bob'), (3, 'Carol');
INSERT INTO frontline.tickets (id, customer_id, queue_id, subject, assignee_id) VALUES
    (1, 1, 1, 'A one', NULL),
    (2, 1, 1, 'A two', NULL),
    (3, 2, 2, 'B secret', NULL),
    (4, 3, 2, 'B but assigned to a', 1);
INSERT INTO frontline.messages (ticket_id, kind, body) VALUES
    (1, 'customer', 'hi A'), (3, 'customer', 'hi B, secret'), (3, 'reply', 'B answer');
INSERT INTO frontline.ratings (ticket_id, csat) VALUES (3, 2);
INSERT INTO frontline.drafts (agent_id, ticket_id, body) VALUES (3, 3, 'b draft'), (2, 1, 'a2 draft');
INSERT INTO frontline.presence (agent_id, ticket_id) VALUES (3, 3);
-- Explicit ids above: move the identity sequences past them.
SELECT count(setval(pg_get_serial_sequence('frontline.' || t, 'id'), 1000)) AS bumped
  FROM unnest(ARRAY['customers', 'tickets', 'messages', 'ratings']) t \gset

-- ---------------------------------------------------------------------------
-- Agent of team A, plain SELECTs.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl050_a;
DO $$ BEGIN
    PERFORM pg_temp.expect('a: tickets visible', ARRAY[1, 2, 4]::bigint[],
        (SELECT array_agg(id ORDER BY id) FROM frontline.tickets));
    PERFORM pg_temp.expect('a: ticket 3 by id', 0::bigint, (SELECT count(*) FROM frontline.tickets WHERE id = 3));
    PERFORM pg_temp.expect('a: messages of ticket 3', 0::bigint, (SELECT count(*) FROM frontline.messages WHERE ticket_id = 3));
    PERFORM pg_temp.expect('a: all messages', 1::bigint, (SELECT count(*) FROM frontline.messages));
    PERFORM pg_temp.expect('a: clocks of ticket 3', 0::bigint, (SELECT count(*) FROM frontline.sla_clocks WHERE ticket_id = 3));
    PERFORM pg_temp.expect('a: ticket_clocks of ticket 3', 0::bigint, (SELECT count(*) FROM frontline.ticket_clocks WHERE ticket_id = 3));
    PERFORM pg_temp.expect('a: ticket_clocks of ticket 1', 2::bigint, (SELECT count(*) FROM frontline.ticket_clocks WHERE ticket_id = 1));
    PERFORM pg_temp.expect('a: ratings', 0::bigint, (SELECT count(*) FROM frontline.ratings));
    PERFORM pg_temp.expect('a: events of ticket 3', 0::bigint, (SELECT count(*) FROM frontline.ticket_events WHERE ticket_id = 3));
    PERFORM pg_temp.expect('a: presence on ticket 3', 0::bigint, (SELECT count(*) FROM frontline.presence));
    PERFORM pg_temp.expect('a: other agents'' drafts', 0::bigint, (SELECT count(*) FROM frontline.drafts));
    PERFORM pg_temp.expect('a: the queue', ARRAY[4, 1, 2]::bigint[],
        (SELECT array_agg(id ORDER BY id = 4 DESC, id) FROM frontline.agent_queue(10)));
    -- Customers are readable (history, phone intake).
    PERFORM pg_temp.expect('a: customers', 3::bigint, (SELECT count(*) FROM frontline.customers));
END $$;

-- Writes outside the team are refused or touch nothing.
DO $$
DECLARE
    n bigint;
BEGIN
    UPDATE frontline.tickets SET priority = 'urgent' WHERE id = 3;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM pg_temp.expect('a: update of ticket 3 touches nothing', 0::bigint, n);
    UPDATE frontline.sla_clocks SET target_minutes = 99999 WHERE ticket_id = 3;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM pg_temp.expect('a: update of ticket 3''s clocks touches nothing', 0::bigint, n);
    PERFORM pg_temp.refused($q$INSERT INTO frontline.messages (ticket_id, kind, body) VALUES (3, 'note', 'peek')$q$,
                            'a: message on ticket 3');
    PERFORM pg_temp.refused($q$INSERT INTO frontline.tickets (customer_id, queue_id, subject) VALUES (1, 2, 'into B')$q$,
                            'a: ticket into team B''s queue');
    PERFORM pg_temp.refused($q$INSERT INTO frontline.ratings (ticket_id, csat) VALUES (3, 5)$q$,
                            'a: rating on ticket 3');
    PERFORM pg_temp.refused($q$INSERT INTO frontline.drafts (agent_id, ticket_id, body) VALUES (1, 3, 'x')$q$,
                            'a: draft on ticket 3');
    PERFORM pg_temp.refused($q$INSERT INTO frontline.drafts (agent_id, ticket_id, body) VALUES (2, 1, 'x')$q$,
                            'a: draft in someone else''s name');
    PERFORM pg_temp.refused($q$INSERT INTO frontline.messages (ticket_id, kind, body, author_agent_id) VALUES (1, 'reply', 'x', 3)$q$,
                            'a: reply signed as another agent');
    PERFORM pg_temp.refused($q$DELETE FROM frontline.tickets WHERE id = 1$q$, 'a: delete a ticket');
    PERFORM pg_temp.refused($q$UPDATE frontline.ticket_events SET actor = 'x'$q$, 'a: edit the audit trail');
    PERFORM pg_temp.refused($q$DELETE FROM frontline.ticket_events$q$, 'a: delete the audit trail');
    PERFORM pg_temp.refused($q$INSERT INTO frontline.ticket_events (ticket_id, what, actor) VALUES (1, 'forged', 'fl050_b')$q$,
                            'a: audit row in someone else''s name');
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.changes$q$, 'a: raw changes table');
    PERFORM pg_temp.refused($q$SELECT frontline.prune_changes('1 day')$q$, 'a: prune changes');
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.outbox$q$, 'a: outbox');
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.webhooks$q$, 'a: webhook secrets');
    PERFORM pg_temp.refused($q$UPDATE frontline.sla_targets SET first_response_minutes = 1$q$, 'a: SLA targets');
    PERFORM pg_temp.refused($q$UPDATE frontline.sla_clocks SET met_at = now() WHERE ticket_id = 1$q$,
                            'a: meet a clock of a visible ticket by hand');
    PERFORM pg_temp.refused($q$SELECT frontline.sla_on_status(1, 1, 'open', 'solved', now())$q$,
                            'a: move clocks through the internal function');
END $$;

-- What an agent may do, and that it is attributed to them.
DO $$
DECLARE
    n bigint;
BEGIN
    -- The live changes come through changes_since (ids only).
    PERFORM pg_temp.expect('a: changes_since works', true,
        (SELECT count(*) > 0 FROM frontline.changes_since('1')));
    -- The clock cannot be moved, nor can messages be backdated.
    PERFORM set_config('frontline.now', '2000-01-01 00:00Z', false);
    PERFORM pg_temp.expect('a: frontline.now ignored', true, frontline.sla_now() > now() - interval '1 minute');
    INSERT INTO frontline.messages (ticket_id, kind, body, created_at, idempotency_key)
    VALUES (1, 'reply', 'On it.', '2000-01-01 00:00Z', 'a-reply-1');
    PERFORM pg_temp.expect('a: no backdating', true,
        (SELECT created_at > now() - interval '1 minute' FROM frontline.messages WHERE idempotency_key = 'a-reply-1'));
    PERFORM set_config('frontline.now', '', false);
    PERFORM pg_temp.expect('a: reply signed by a', 1::bigint,
        (SELECT author_agent_id FROM frontline.messages WHERE idempotency_key = 'a-reply-1'));
    PERFORM pg_temp.expect('a: reply met first response', 'met',
        (SELECT state FROM frontline.ticket_clocks WHERE ticket_id = 1 AND kind = 'first_response'));
    -- A retried write with the same key does nothing.
    INSERT INTO frontline.messages (ticket_id, kind, body, idempotency_key)
    VALUES (1, 'reply', 'On it.', 'a-reply-1') ON CONFLICT (idempotency_key) DO NOTHING;
    PERFORM pg_temp.expect('a: idempotent retry', 1::bigint,
        (SELECT count(*) FROM frontline.messages WHERE idempotency_key = 'a-reply-1'));
    -- Trigger-kept timestamps cannot be forged by hand.
    UPDATE frontline.tickets SET first_response_at = '2000-01-01', solved_at = '2000-01-01' WHERE id = 4;
    PERFORM pg_temp.expect('a: first_response_at kept', NULL::timestamptz,
        (SELECT first_response_at FROM frontline.tickets WHERE id = 4));
    PERFORM pg_temp.expect('a: solved_at kept', NULL::timestamptz, (SELECT solved_at FROM frontline.tickets WHERE id = 4));
    -- Status change by the agent, audited under their name.
    UPDATE frontline.tickets SET status = 'pending' WHERE id = 1;
    PERFORM pg_temp.expect('a: audit actor', 'fl050_a',
        (SELECT actor FROM frontline.ticket_events WHERE ticket_id = 1 AND what = 'update' AND new ? 'status'
          ORDER BY id DESC LIMIT 1));
    INSERT INTO frontline.drafts (agent_id, ticket_id, body) VALUES (1, 1, 'typing...');
    INSERT INTO frontline.ratings (ticket_id, csat, asked_by, idempotency_key) VALUES (1, 5, 1, 'r1');
    INSERT INTO frontline.presence (agent_id, ticket_id, activity) VALUES (1, 1, 'replying');
    INSERT INTO frontline.customers (name, phone) VALUES ('Walk-in Dave', '+48 600 000 000');
    INSERT INTO frontline.tickets (customer_id, queue_id, subject, channel) VALUES (1, 1, 'phoned in', 'phone');
    -- Moving ticket 2 to team B: not by a plain UPDATE (the new row would
    -- be out of sight), but through transfer_ticket(); then it is gone.
    PERFORM pg_temp.refused($q$UPDATE frontline.tickets SET queue_id = 2 WHERE id = 2$q$, 'a: plain UPDATE out of sight');
    PERFORM frontline.transfer_ticket(2, 2);
    PERFORM pg_temp.expect('a: transferred ticket gone', 0::bigint, (SELECT count(*) FROM frontline.tickets WHERE id = 2));
    PERFORM pg_temp.refused($q$SELECT frontline.transfer_ticket(3, 1)$q$, 'a: transfer of a ticket a cannot see');
    PERFORM pg_temp.refused($q$SELECT frontline.transfer_ticket_as('fl050_b', 3, 1, NULL)$q$, 'a: transfer in b''s name');
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- is_supervisor alone grants nothing: the group membership does.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl050_flag;
DO $$ BEGIN
    PERFORM pg_temp.expect('flag: no team B tickets', 0::bigint,
        (SELECT count(*) FROM frontline.tickets WHERE queue_id = 2 AND assignee_id IS DISTINCT FROM 5));
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- Agent of team B sees its own and the transferred ticket, not team A's.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl050_b;
DO $$ BEGIN
    PERFORM pg_temp.expect('b: sees who transferred ticket 2', 'fl050_a',
        (SELECT actor FROM frontline.ticket_events WHERE ticket_id = 2 AND what = 'update' AND new ? 'queue_id'));
    PERFORM pg_temp.expect('b: tickets visible', ARRAY[2, 3, 4]::bigint[],
        (SELECT array_agg(id ORDER BY id) FROM frontline.tickets));
    PERFORM pg_temp.expect('b: messages of ticket 1', 0::bigint, (SELECT count(*) FROM frontline.messages WHERE ticket_id = 1));
    PERFORM pg_temp.expect('b: own draft only', ARRAY['b draft'], (SELECT array_agg(body) FROM frontline.drafts));
    PERFORM pg_temp.expect('b: rating of ticket 1', 0::bigint, (SELECT count(*) FROM frontline.ratings WHERE ticket_id = 1));
    PERFORM pg_temp.expect('b: presence on ticket 1', 0::bigint, (SELECT count(*) FROM frontline.presence WHERE ticket_id = 1));
END $$;
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------------------
-- Supervisor reads everything and may update any ticket.
-- ---------------------------------------------------------------------------
SET SESSION AUTHORIZATION fl050_sup;
DO $$
DECLARE
    n bigint;
BEGIN
    PERFORM pg_temp.expect('sup: all tickets', 5::bigint, (SELECT count(*) FROM frontline.tickets));
    PERFORM pg_temp.expect('sup: all messages', 4::bigint, (SELECT count(*) FROM frontline.messages));
    PERFORM pg_temp.expect('sup: all drafts', 3::bigint, (SELECT count(*) FROM frontline.drafts));
    UPDATE frontline.tickets SET priority = 'urgent' WHERE id IN (1, 3);
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM pg_temp.expect('sup: updates any ticket', 2::bigint, n);
    PERFORM pg_temp.refused($q$SELECT frontline.prune_changes('1 day')$q$, 'sup: prune changes');
END $$;
RESET SESSION AUTHORIZATION;

-- A role outside the frontline groups reaches nothing.
SET SESSION AUTHORIZATION fl050_none;
DO $$ BEGIN
    PERFORM pg_temp.refused($q$SELECT count(*) FROM frontline.tickets$q$, 'none: tickets');
    PERFORM pg_temp.refused($q$SELECT * FROM frontline.changes_since('1')$q$, 'none: changes_since');
END $$;
RESET SESSION AUTHORIZATION;

-- Even the superuser cannot rewrite the audit trail (append-only trigger).
DO $$ BEGIN
    PERFORM pg_temp.refused($q$UPDATE frontline.ticket_events SET actor = 'x'$q$, 'superuser: edit the audit trail');
    PERFORM pg_temp.refused($q$DELETE FROM frontline.ticket_events$q$, 'superuser: delete the audit trail');
END $$;

-- RLS is on where it must be.
DO $$ BEGIN
    PERFORM pg_temp.expect('tables with row-level security',
        ARRAY['agent_status', 'drafts', 'messages', 'presence', 'ratings', 'sla_clocks', 'ticket_events',
              'ticket_stats', 'tickets']::name[],
        (SELECT array_agg(relname ORDER BY relname) FROM pg_class
          WHERE relnamespace = 'frontline'::regnamespace AND relrowsecurity));
END $$;

DROP OWNED BY fl050_a, fl050_a2, fl050_b, fl050_sup, fl050_flag, fl050_none;
DROP ROLE fl050_a, fl050_a2, fl050_b, fl050_sup, fl050_flag, fl050_none;
