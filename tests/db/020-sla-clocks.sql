-- 020-sla-clocks.sql: the SLA clocks driven by tickets and messages.
-- Time is moved with the `frontline.now` setting (honoured for superusers)
-- and with explicit messages.created_at.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET timezone = 'Europe/Warsaw';

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

-- pg_temp.at(t): move frontline.sla_now() to t.
CREATE FUNCTION pg_temp.at(t timestamptz) RETURNS void LANGUAGE sql AS $$
    SELECT set_config('frontline.now', frontline.ts_text(t), false)
$$;

-- pg_temp.clock(ticket, kind): one clock row.
CREATE FUNCTION pg_temp.clock(p_ticket bigint, p_kind text) RETURNS frontline.sla_clocks
LANGUAGE sql AS $$
    SELECT * FROM frontline.sla_clocks WHERE ticket_id = p_ticket AND kind = p_kind
$$;

-- pg_temp.state(ticket, kind): the clock as ticket_clocks shows it.
CREATE FUNCTION pg_temp.state(p_ticket bigint, p_kind text) RETURNS frontline.ticket_clocks
LANGUAGE sql AS $$
    SELECT * FROM frontline.ticket_clocks WHERE ticket_id = p_ticket AND kind = p_kind
$$;

-- Mon-Fri 09:00-17:00 Warsaw; policy targets in business minutes.
INSERT INTO frontline.calendars (id, name, time_zone) VALUES (1, 'office', 'Europe/Warsaw');
INSERT INTO frontline.calendar_hours (calendar_id, isodow, opens, closes)
SELECT 1, d, '09:00'::time, '17:00'::time FROM generate_series(1, 5) d;
INSERT INTO frontline.sla_policies (id, name, calendar_id) VALUES (1, 'standard', 1);
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes, next_response_minutes, resolution_minutes) VALUES
    (1, 'low',    240, 480, 2400),
    (1, 'normal',  60, 120,  480),
    (1, 'high',    30,  60,  240),
    (1, 'urgent',  15,  30,  120);
INSERT INTO frontline.teams (id, name) VALUES (1, 'support');
INSERT INTO frontline.queues (id, name, team_id, default_policy_id) VALUES (1, 'general', 1, 1);
INSERT INTO frontline.customers (id, name, email, language) VALUES (1, 'Ola Nowak', 'ola@example.pl', 'pl');

-- ---------------------------------------------------------------------------
-- Ticket 1: creation, first response (auto and note do not count, reply
-- does), next response started/kept/restarted, resolution met on solve,
-- reopened by the customer.
-- ---------------------------------------------------------------------------
SELECT pg_temp.at('2024-03-04 10:00');          -- Monday
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject)
VALUES (1, 1, 1, 'email', 'Printer on fire');

DO $$
DECLARE
    t frontline.tickets;
BEGIN
    SELECT * INTO t FROM frontline.tickets WHERE id = 1;
    PERFORM pg_temp.expect('policy defaults from the queue', 1::bigint, t.sla_policy_id);
    PERFORM pg_temp.expect('language defaults from the customer', 'pl', t.language);
    PERFORM pg_temp.expect('clocks started on insert', 2::bigint,
        (SELECT count(*) FROM frontline.sla_clocks WHERE ticket_id = 1));
    PERFORM pg_temp.expect('first_response due', '2024-03-04 11:00'::timestamptz, (pg_temp.clock(1, 'first_response')).due_at);
    PERFORM pg_temp.expect('first_response target', 60, (pg_temp.clock(1, 'first_response')).target_minutes);
    -- 480 business minutes from Mon 10:00: 7 h on Monday, 1 h on Tuesday.
    PERFORM pg_temp.expect('resolution due', '2024-03-05 10:00'::timestamptz, (pg_temp.clock(1, 'resolution')).due_at);
    PERFORM pg_temp.expect('no next_response before a first response', 0::bigint,
        (SELECT count(*) FROM frontline.sla_clocks WHERE ticket_id = 1 AND kind = 'next_response'));
    PERFORM pg_temp.expect('ticket sla_due_at = nearest running', '2024-03-04 11:00'::timestamptz, t.sla_due_at);
    PERFORM pg_temp.expect('ticket sla_clock', 'first_response', t.sla_clock);
    PERFORM pg_temp.expect('state running', 'running', (pg_temp.state(1, 'first_response')).state);
    PERFORM pg_temp.expect('remaining', interval '1 hour', (pg_temp.state(1, 'first_response')).remaining);
END $$;

-- The customer's own message, an automatic acknowledgement and an internal
-- note: none of them is a first response.
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, channel, body, created_at)
VALUES (1, 'customer', 1, 'email', 'It is on fire.', '2024-03-04 10:00');
INSERT INTO frontline.messages (ticket_id, kind, body, created_at)
VALUES (1, 'auto', 'We got your message.', '2024-03-04 10:01');
INSERT INTO frontline.messages (ticket_id, kind, body, created_at)
VALUES (1, 'note', 'Looks like the fuser again.', '2024-03-04 10:02');

DO $$
BEGIN
    PERFORM pg_temp.expect('auto/note do not meet first_response', NULL::timestamptz,
        (pg_temp.clock(1, 'first_response')).met_at);
    PERFORM pg_temp.expect('first_response_at still empty', NULL::timestamptz,
        (SELECT first_response_at FROM frontline.tickets WHERE id = 1));
    PERFORM pg_temp.expect('customer message before first response starts no next_response', 0::bigint,
        (SELECT count(*) FROM frontline.sla_clocks WHERE ticket_id = 1 AND kind = 'next_response'));
    PERFORM pg_temp.expect('still new', 'new', (SELECT status FROM frontline.tickets WHERE id = 1));
END $$;

-- Overdue? At 11:05 the first response is breached.
SELECT pg_temp.at('2024-03-04 11:05');
DO $$
BEGIN
    PERFORM pg_temp.expect('breached state', 'breached', (pg_temp.state(1, 'first_response')).state);
    PERFORM pg_temp.expect('breached flag', true, (pg_temp.state(1, 'first_response')).breached);
    PERFORM pg_temp.expect('negative remaining', interval '-5 minutes', (pg_temp.state(1, 'first_response')).remaining);
END $$;

-- The reply at 10:30 (written then; imported now) meets it.
INSERT INTO frontline.messages (ticket_id, kind, body, created_at)
VALUES (1, 'reply', 'Please step away from the printer.', '2024-03-04 10:30');
DO $$
DECLARE
    t frontline.tickets;
BEGIN
    SELECT * INTO t FROM frontline.tickets WHERE id = 1;
    PERFORM pg_temp.expect('reply meets first_response', '2024-03-04 10:30'::timestamptz, (pg_temp.clock(1, 'first_response')).met_at);
    PERFORM pg_temp.expect('met_by', 'reply', (pg_temp.clock(1, 'first_response')).met_by);
    PERFORM pg_temp.expect('state met', 'met', (pg_temp.state(1, 'first_response')).state);
    PERFORM pg_temp.expect('met in time', false, (pg_temp.state(1, 'first_response')).breached);
    PERFORM pg_temp.expect('first_response_at', '2024-03-04 10:30'::timestamptz, t.first_response_at);
    PERFORM pg_temp.expect('reply opens a new ticket', 'open', t.status);
    PERFORM pg_temp.expect('resolution untouched by a reply', NULL::timestamptz, (pg_temp.clock(1, 'resolution')).met_at);
    PERFORM pg_temp.expect('sla_due_at moves to resolution', '2024-03-05 10:00'::timestamptz, t.sla_due_at);
    PERFORM pg_temp.expect('sla_clock resolution', 'resolution', t.sla_clock);
END $$;

-- The customer answers at 11:00: next_response starts (120 min -> 13:00).
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, body, created_at)
VALUES (1, 'customer', 1, 'Done. Now what?', '2024-03-04 11:00');
-- And again at 11:30: the oldest unanswered message still governs.
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, body, created_at)
VALUES (1, 'customer', 1, 'Hello?', '2024-03-04 11:30');
DO $$
BEGIN
    PERFORM pg_temp.expect('next_response started at the customer message', '2024-03-04 11:00'::timestamptz,
        (pg_temp.clock(1, 'next_response')).started_at);
    PERFORM pg_temp.expect('next_response due', '2024-03-04 13:00'::timestamptz, (pg_temp.clock(1, 'next_response')).due_at);
    PERFORM pg_temp.expect('sla_due_at = next_response', '2024-03-04 13:00'::timestamptz,
        (SELECT sla_due_at FROM frontline.tickets WHERE id = 1));
    PERFORM pg_temp.expect('sla_clock = next_response', 'next_response',
        (SELECT sla_clock FROM frontline.tickets WHERE id = 1));
END $$;

-- A note does not answer the customer; a reply at 12:00 does.
INSERT INTO frontline.messages (ticket_id, kind, body, created_at) VALUES (1, 'note', 'call them?', '2024-03-04 11:45');
DO $$ BEGIN
    PERFORM pg_temp.expect('note does not meet next_response', NULL::timestamptz, (pg_temp.clock(1, 'next_response')).met_at);
END $$;
INSERT INTO frontline.messages (ticket_id, kind, body, created_at) VALUES (1, 'reply', 'Unplug it.', '2024-03-04 12:00');
DO $$ BEGIN
    PERFORM pg_temp.expect('reply meets next_response', '2024-03-04 12:00'::timestamptz, (pg_temp.clock(1, 'next_response')).met_at);
    PERFORM pg_temp.expect('first_response_at kept', '2024-03-04 10:30'::timestamptz,
        (SELECT first_response_at FROM frontline.tickets WHERE id = 1));
END $$;

-- The customer writes at 12:30: next_response restarts (due 14:30).
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, body, created_at)
VALUES (1, 'customer', 1, 'Unplugged. Smells funny.', '2024-03-04 12:30');
DO $$ BEGIN
    PERFORM pg_temp.expect('next_response restarted', '2024-03-04 12:30'::timestamptz, (pg_temp.clock(1, 'next_response')).started_at);
    PERFORM pg_temp.expect('restarted clock unmet', NULL::timestamptz, (pg_temp.clock(1, 'next_response')).met_at);
    PERFORM pg_temp.expect('restarted due', '2024-03-04 14:30'::timestamptz, (pg_temp.clock(1, 'next_response')).due_at);
    PERFORM pg_temp.expect('restarted paused minutes', 0, (pg_temp.clock(1, 'next_response')).paused_minutes);
END $$;

-- Solved at 14:00: resolution met, next_response stopped, nothing runs.
SELECT pg_temp.at('2024-03-04 14:00');
UPDATE frontline.tickets SET status = 'solved' WHERE id = 1;
DO $$
DECLARE
    t frontline.tickets;
BEGIN
    SELECT * INTO t FROM frontline.tickets WHERE id = 1;
    PERFORM pg_temp.expect('resolution met on solve', '2024-03-04 14:00'::timestamptz, (pg_temp.clock(1, 'resolution')).met_at);
    PERFORM pg_temp.expect('resolution met_by', 'solved', (pg_temp.clock(1, 'resolution')).met_by);
    PERFORM pg_temp.expect('resolution state', 'met', (pg_temp.state(1, 'resolution')).state);
    PERFORM pg_temp.expect('resolution in time', false, (pg_temp.state(1, 'resolution')).breached);
    PERFORM pg_temp.expect('next_response stopped', '2024-03-04 14:00'::timestamptz, (pg_temp.clock(1, 'next_response')).met_at);
    PERFORM pg_temp.expect('no running clock after solve', NULL::timestamptz, t.sla_due_at);
    PERFORM pg_temp.expect('no clock named', NULL::text, t.sla_clock);
    PERFORM pg_temp.expect('solved_at', '2024-03-04 14:00'::timestamptz, t.solved_at);
    PERFORM pg_temp.expect('outbox ticket.solved', 1::bigint,
        (SELECT count(*) FROM frontline.outbox WHERE kind = 'ticket.solved' AND ticket_id = 1));
END $$;

-- The customer writes on Tuesday 09:00: reopened; resolution runs again with
-- the solved stretch (Mon 14:00-17:00 = 180 business minutes) as pause:
-- due = business_add(Mon 10:00, 480 + 180) = Tue 13:00; next_response restarts.
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, body, created_at)
VALUES (1, 'customer', 1, 'It is on fire again.', '2024-03-05 09:00');
DO $$
DECLARE
    t frontline.tickets;
BEGIN
    SELECT * INTO t FROM frontline.tickets WHERE id = 1;
    PERFORM pg_temp.expect('customer message reopens a solved ticket', 'open', t.status);
    PERFORM pg_temp.expect('solved_at cleared', NULL::timestamptz, t.solved_at);
    PERFORM pg_temp.expect('resolution runs again', NULL::timestamptz, (pg_temp.clock(1, 'resolution')).met_at);
    PERFORM pg_temp.expect('solved time counted as pause', 180, (pg_temp.clock(1, 'resolution')).paused_minutes);
    PERFORM pg_temp.expect('resolution due after reopen', '2024-03-05 13:00'::timestamptz, (pg_temp.clock(1, 'resolution')).due_at);
    PERFORM pg_temp.expect('next_response restarted on reopen', '2024-03-05 09:00'::timestamptz, (pg_temp.clock(1, 'next_response')).started_at);
    PERFORM pg_temp.expect('next_response due after reopen', '2024-03-05 11:00'::timestamptz, (pg_temp.clock(1, 'next_response')).due_at);
    PERFORM pg_temp.expect('sla_due_at after reopen', '2024-03-05 11:00'::timestamptz, t.sla_due_at);
    PERFORM pg_temp.expect('first response stays met', 'reply', (pg_temp.clock(1, 'first_response')).met_by);
END $$;

-- Closed is final: a customer message does not reopen it.
SELECT pg_temp.at('2024-03-05 10:00');
UPDATE frontline.tickets SET status = 'closed' WHERE id = 1;
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, body, created_at)
VALUES (1, 'customer', 1, 'Thanks!', '2024-03-05 10:05');
DO $$ BEGIN
    PERFORM pg_temp.expect('closed stays closed', 'closed', (SELECT status FROM frontline.tickets WHERE id = 1));
    PERFORM pg_temp.expect('closed: nothing running', 0::bigint,
        (SELECT count(*) FROM frontline.sla_clocks WHERE ticket_id = 1 AND met_at IS NULL));
END $$;

-- ---------------------------------------------------------------------------
-- Ticket 2: a pause across a night. Created Fri 15:00, answered at 15:10,
-- pending at 17:30, open again Monday 09:30: the pause adds 30 business
-- minutes (Mon 09:00-09:30), not 64 hours.
-- ---------------------------------------------------------------------------
SELECT pg_temp.at('2024-03-08 15:00');          -- Friday
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject)
VALUES (2, 1, 1, 'chat', 'Invoice missing');
INSERT INTO frontline.messages (ticket_id, kind, body, created_at) VALUES (2, 'reply', 'Checking.', '2024-03-08 15:10');
DO $$ BEGIN
    -- 480 from Fri 15:00: 2 h Friday, 6 h Monday -> Mon 15:00.
    PERFORM pg_temp.expect('resolution due before pause', '2024-03-11 15:00'::timestamptz, (pg_temp.clock(2, 'resolution')).due_at);
END $$;

SELECT pg_temp.at('2024-03-08 17:30');
UPDATE frontline.tickets SET status = 'pending', pause_reason = 'waiting for the invoice number' WHERE id = 2;
SELECT pg_temp.at('2024-03-11 08:00');          -- Monday, before opening: still paused
DO $$
DECLARE
    t frontline.tickets;
BEGIN
    SELECT * INTO t FROM frontline.tickets WHERE id = 2;
    PERFORM pg_temp.expect('paused_since', '2024-03-08 17:30'::timestamptz, (pg_temp.clock(2, 'resolution')).paused_since);
    PERFORM pg_temp.expect('paused state', 'paused', (pg_temp.state(2, 'resolution')).state);
    -- Frozen wall-clock remaining: Mon 15:00 - Fri 17:30.
    PERFORM pg_temp.expect('frozen remaining', '2024-03-11 15:00'::timestamptz - '2024-03-08 17:30'::timestamptz,
        (pg_temp.state(2, 'resolution')).remaining);
    PERFORM pg_temp.expect('paused ticket has no sla_due_at', NULL::timestamptz, t.sla_due_at);
    PERFORM pg_temp.expect('paused clock named', 'resolution', t.sla_paused_clock);
    PERFORM pg_temp.expect('paused remaining on ticket', '2024-03-11 15:00'::timestamptz - '2024-03-08 17:30'::timestamptz,
        t.sla_paused_remaining);
END $$;

SELECT pg_temp.at('2024-03-11 09:30');
UPDATE frontline.tickets SET status = 'open' WHERE id = 2;
DO $$
DECLARE
    t frontline.tickets;
BEGIN
    SELECT * INTO t FROM frontline.tickets WHERE id = 2;
    PERFORM pg_temp.expect('pause across the night', 30, (pg_temp.clock(2, 'resolution')).paused_minutes);
    PERFORM pg_temp.expect('due moved by 30 business minutes', '2024-03-11 15:30'::timestamptz, (pg_temp.clock(2, 'resolution')).due_at);
    PERFORM pg_temp.expect('resumed', NULL::timestamptz, (pg_temp.clock(2, 'resolution')).paused_since);
    PERFORM pg_temp.expect('running again', 'running', (pg_temp.state(2, 'resolution')).state);
    PERFORM pg_temp.expect('sla_due_at after resume', '2024-03-11 15:30'::timestamptz, t.sla_due_at);
    PERFORM pg_temp.expect('pause reason cleared', NULL::text, t.pause_reason);
    PERFORM pg_temp.expect('paused columns cleared', NULL::text, t.sla_paused_clock);
END $$;

-- on_hold at 10:00, then the customer writes at 11:00: reopened, 60 more
-- paused minutes; and the customer message starts next_response.
SELECT pg_temp.at('2024-03-11 10:00');
UPDATE frontline.tickets SET status = 'on_hold' WHERE id = 2;
INSERT INTO frontline.messages (ticket_id, kind, author_customer_id, body, created_at)
VALUES (2, 'customer', 1, 'Number is 42.', '2024-03-11 11:00');
DO $$ BEGIN
    PERFORM pg_temp.expect('customer message reopens on_hold', 'open', (SELECT status FROM frontline.tickets WHERE id = 2));
    PERFORM pg_temp.expect('second pause added', 90, (pg_temp.clock(2, 'resolution')).paused_minutes);
    PERFORM pg_temp.expect('due after second pause', '2024-03-11 16:30'::timestamptz, (pg_temp.clock(2, 'resolution')).due_at);
    PERFORM pg_temp.expect('next_response running', 'running', (pg_temp.state(2, 'next_response')).state);
    PERFORM pg_temp.expect('next_response due', '2024-03-11 13:00'::timestamptz, (pg_temp.clock(2, 'next_response')).due_at);
END $$;

-- ---------------------------------------------------------------------------
-- Ticket 3: priority changes mid-flight keep started_at and paused time.
-- ---------------------------------------------------------------------------
SELECT pg_temp.at('2024-03-11 09:00');
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject)
VALUES (3, 1, 1, 'phone', 'Cannot log in');
SELECT pg_temp.at('2024-03-11 09:20');
UPDATE frontline.tickets SET priority = 'urgent' WHERE id = 3;
DO $$
DECLARE
    t frontline.tickets;
BEGIN
    SELECT * INTO t FROM frontline.tickets WHERE id = 3;
    PERFORM pg_temp.expect('urgent first_response target', 15, (pg_temp.clock(3, 'first_response')).target_minutes);
    PERFORM pg_temp.expect('started_at kept', '2024-03-11 09:00'::timestamptz, (pg_temp.clock(3, 'first_response')).started_at);
    PERFORM pg_temp.expect('urgent first_response due', '2024-03-11 09:15'::timestamptz, (pg_temp.clock(3, 'first_response')).due_at);
    PERFORM pg_temp.expect('urgent: already breached', 'breached', (pg_temp.state(3, 'first_response')).state);
    PERFORM pg_temp.expect('urgent resolution due', '2024-03-11 11:00'::timestamptz, (pg_temp.clock(3, 'resolution')).due_at);
    PERFORM pg_temp.expect('ticket follows', '2024-03-11 09:15'::timestamptz, t.sla_due_at);
END $$;

-- Pending 09:30-10:00 (30 min), then down to low: due = add(09:00, 240 + 30).
SELECT pg_temp.at('2024-03-11 09:30');
UPDATE frontline.tickets SET status = 'pending' WHERE id = 3;
SELECT pg_temp.at('2024-03-11 10:00');
UPDATE frontline.tickets SET status = 'open' WHERE id = 3;
SELECT pg_temp.at('2024-03-11 10:10');
UPDATE frontline.tickets SET priority = 'low' WHERE id = 3;
DO $$ BEGIN
    PERFORM pg_temp.expect('low target', 240, (pg_temp.clock(3, 'first_response')).target_minutes);
    PERFORM pg_temp.expect('paused time kept across priority change', 30, (pg_temp.clock(3, 'first_response')).paused_minutes);
    PERFORM pg_temp.expect('low first_response due', '2024-03-11 13:30'::timestamptz, (pg_temp.clock(3, 'first_response')).due_at);
    -- resolution 2400 + 30 minutes = 5 days 30 min from Mon 09:00 -> next Mon 09:30.
    PERFORM pg_temp.expect('low resolution due', '2024-03-18 09:30'::timestamptz, (pg_temp.clock(3, 'resolution')).due_at);
    PERFORM pg_temp.expect('running again after priority change', 'running', (pg_temp.state(3, 'first_response')).state);
END $$;

-- A priority change while paused keeps the clock paused.
SELECT pg_temp.at('2024-03-11 10:20');
UPDATE frontline.tickets SET status = 'pending' WHERE id = 3;
UPDATE frontline.tickets SET priority = 'high' WHERE id = 3;
DO $$ BEGIN
    PERFORM pg_temp.expect('still paused after priority change', 'paused', (pg_temp.state(3, 'first_response')).state);
    PERFORM pg_temp.expect('high due while paused', '2024-03-11 10:00'::timestamptz, (pg_temp.clock(3, 'first_response')).due_at);
    PERFORM pg_temp.expect('paused ticket: sla_paused_clock', 'first_response',
        (SELECT sla_paused_clock FROM frontline.tickets WHERE id = 3));
    PERFORM pg_temp.expect('paused after breach is breached', true, (pg_temp.state(3, 'first_response')).breached);
END $$;

-- ---------------------------------------------------------------------------
-- Ticket 4: created pending -> clocks start paused; a reply on a paused
-- ticket meets first_response and counts the pause.
-- ---------------------------------------------------------------------------
SELECT pg_temp.at('2024-03-12 10:00');
INSERT INTO frontline.tickets (id, customer_id, queue_id, channel, subject, status)
VALUES (4, 1, 1, 'portal', 'Feature request', 'pending');
DO $$ BEGIN
    PERFORM pg_temp.expect('created paused', 'paused', (pg_temp.state(4, 'first_response')).state);
    PERFORM pg_temp.expect('created paused: no sla_due_at', NULL::timestamptz, (SELECT sla_due_at FROM frontline.tickets WHERE id = 4));
    PERFORM pg_temp.expect('created paused: remaining', interval '1 hour',
        (SELECT sla_paused_remaining FROM frontline.tickets WHERE id = 4));
END $$;
INSERT INTO frontline.messages (ticket_id, kind, body, created_at) VALUES (4, 'reply', 'Noted!', '2024-03-12 10:40');
DO $$ BEGIN
    PERFORM pg_temp.expect('reply while paused meets', '2024-03-12 10:40'::timestamptz, (pg_temp.clock(4, 'first_response')).met_at);
    PERFORM pg_temp.expect('pause folded into the met clock', 40, (pg_temp.clock(4, 'first_response')).paused_minutes);
    PERFORM pg_temp.expect('reply keeps pending', 'pending', (SELECT status FROM frontline.tickets WHERE id = 4));
    PERFORM pg_temp.expect('resolution still paused', 'paused', (pg_temp.state(4, 'resolution')).state);
END $$;

-- A ticket without a policy has no clocks.
UPDATE frontline.queues SET default_policy_id = NULL WHERE id = 1;
INSERT INTO frontline.tickets (id, customer_id, queue_id, subject) VALUES (5, 1, 1, 'No SLA here');
DO $$ BEGIN
    PERFORM pg_temp.expect('no policy, no clocks', 0::bigint, (SELECT count(*) FROM frontline.sla_clocks WHERE ticket_id = 5));
END $$;
-- ...until one is set: the clocks start as from creation.
UPDATE frontline.tickets SET sla_policy_id = 1 WHERE id = 5;
DO $$ BEGIN
    PERFORM pg_temp.expect('policy set later starts clocks', 2::bigint, (SELECT count(*) FROM frontline.sla_clocks WHERE ticket_id = 5));
END $$;

-- ---------------------------------------------------------------------------
-- Invariants over everything above.
-- ---------------------------------------------------------------------------
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT c.*, frontline.business_add(p.calendar_id, c.started_at, c.target_minutes + c.paused_minutes) AS want
               FROM frontline.sla_clocks c
               JOIN frontline.tickets t ON t.id = c.ticket_id
               JOIN frontline.sla_policies p ON p.id = t.sla_policy_id LOOP
        PERFORM pg_temp.expect(format('invariant due_at, ticket %s %s', r.ticket_id, r.kind), r.want, r.due_at);
    END LOOP;
    FOR r IN SELECT t.id, t.sla_due_at, t.sla_clock, s.due_at, s.clock
               FROM frontline.tickets t, frontline.sla_summary(t.id) s LOOP
        PERFORM pg_temp.expect(format('ticket %s sla_due_at is the nearest running due', r.id), r.due_at, r.sla_due_at);
        PERFORM pg_temp.expect(format('ticket %s sla_clock', r.id), r.clock, r.sla_clock);
    END LOOP;
END $$;

-- The audit trail saw every ticket change and message, with the actor.
DO $$ BEGIN
    PERFORM pg_temp.expect('status changes audited for ticket 2', 5::bigint,
        (SELECT count(*) FROM frontline.ticket_events WHERE ticket_id = 2 AND what = 'update' AND new ? 'status'));
    PERFORM pg_temp.expect('messages audited for ticket 1', 11::bigint,
        (SELECT count(*) FROM frontline.ticket_events WHERE ticket_id = 1 AND what = 'message'));
    PERFORM pg_temp.expect('actor is the role', current_user::text,
        (SELECT DISTINCT actor FROM frontline.ticket_events));
    PERFORM pg_temp.expect('no audit rows for derived-only updates', 0::bigint,
        (SELECT count(*) FROM frontline.ticket_events WHERE what = 'update' AND new = '{}'));
END $$;
