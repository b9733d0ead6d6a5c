-- The small world the screen tests share: two teams, an agent in each, a
-- supervisor, a calendar that is always open, and tickets whose SLA clocks
-- are in each state (breached, at risk, running, paused). Loaded by
-- pg_fixture as the superuser, after the migrations.
\set ON_ERROR_STOP 1

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['alice', 'bob', 'sam'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I LOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO alice, bob;
GRANT frontline_supervisor TO sam;

INSERT INTO frontline.calendars (name, time_zone) VALUES ('Always', 'UTC');
INSERT INTO frontline.calendar_hours (calendar_id, isodow, opens, closes)
SELECT c.id, d, '00:00', '24:00'
FROM frontline.calendars c, generate_series(1, 7) d WHERE c.name = 'Always';

INSERT INTO frontline.sla_policies (name, calendar_id)
SELECT 'Fixture', id FROM frontline.calendars WHERE name = 'Always';
INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes,
    next_response_minutes, resolution_minutes)
SELECT p.id, t.priority, t.fr, t.nr, t.res
FROM frontline.sla_policies p,
     (VALUES ('urgent', 30, 30, 240), ('high', 60, 60, 480),
             ('normal', 240, 240, 1440), ('low', 480, 480, 2880))
     AS t(priority, fr, nr, res)
WHERE p.name = 'Fixture';

INSERT INTO frontline.teams (name) VALUES ('Team A'), ('Team B');
INSERT INTO frontline.queues (name, team_id, calendar_id, default_policy_id)
SELECT q.name, t.id, c.id, p.id
FROM (VALUES ('Support A', 'Team A'), ('Support B', 'Team B')) AS q(name, team),
     frontline.teams t, frontline.calendars c, frontline.sla_policies p
WHERE t.name = q.team AND c.name = 'Always' AND p.name = 'Fixture';

INSERT INTO frontline.agents (role_name, display_name, team_id, is_supervisor,
    languages)
SELECT a.role, a.name, t.id, a.sup, ARRAY['en']
FROM (VALUES ('alice', 'Alice Agent', 'Team A', false),
             ('bob', 'Bob Agent', 'Team B', false),
             ('sam', 'Sam Supervisor', 'Team A', true)) AS a(role, name, team, sup),
     frontline.teams t
WHERE t.name = a.team;

INSERT INTO frontline.customers (name, email, language) VALUES
    ('Olga Ivanova', 'olga@example.com', 'ru'),
    ('Piotr Nowak', 'piotr@example.com', 'pl'),
    ('John Smith', 'john@example.com', 'en');

-- Tickets born in the past: frontline.now() moves for the superuser, so the
-- clocks start when the ticket says it was created.
CREATE FUNCTION pg_temp.ticket(p_subject text, p_customer text, p_queue text,
    p_channel text, p_priority text, p_age interval)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE v bigint;
BEGIN
    PERFORM set_config('frontline.now', (now() - p_age)::text, true);
    INSERT INTO frontline.tickets (customer_id, queue_id, channel, subject,
        priority, created_at)
    SELECT c.id, q.id, p_channel, p_subject, p_priority, now() - p_age
    FROM frontline.customers c, frontline.queues q
    WHERE c.email = p_customer AND q.name = p_queue
    RETURNING id INTO v;
    PERFORM set_config('frontline.now', '', true);
    RETURN v;
END $$;

BEGIN;
-- urgent: 30 minutes to first response
SELECT pg_temp.ticket('Refund overdue', 'john@example.com', 'Support A', 'email', 'urgent', '2 hours');
SELECT pg_temp.ticket('Printer on fire', 'olga@example.com', 'Support A', 'phone', 'urgent', '20 minutes');
SELECT pg_temp.ticket('Password reset', 'piotr@example.com', 'Support A', 'portal', 'normal', '1 minute');
SELECT pg_temp.ticket('Waiting for logs', 'piotr@example.com', 'Support A', 'chat', 'high', '10 minutes');
SELECT pg_temp.ticket('Other team secret', 'john@example.com', 'Support B', 'email', 'urgent', '5 minutes');
COMMIT;
UPDATE frontline.tickets SET status = 'pending', pause_reason = 'waiting for the customer''s logs'
WHERE subject = 'Waiting for logs';
