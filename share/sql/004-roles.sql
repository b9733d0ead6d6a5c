-- 004-roles.sql: group roles, privileges and row-level security.
--
-- Each person logs in as their own PostgreSQL role (agents.role_name), a
-- member of one of these NOLOGIN groups:
--   frontline_agent       reads and works tickets of their team's queues and
--                         tickets assigned to them (with their messages,
--                         clocks, ratings, events); their own drafts.
--   frontline_supervisor  reads everything, may update any ticket, edits the
--                         knowledge base and macros.
--   frontline_admin       everything in schema frontline (setup, ingest,
--                         relay, imports); may set frontline.now.
-- Membership in the groups is what RLS trusts; agents.is_supervisor is
-- informational (the console's choice of screen).
--
-- Customers are NOT row-restricted: every frontline role reads them. An agent
-- must find a caller or a walk-in and see their profile and history before
-- any ticket of theirs exists, and create the ticket; restricting customers
-- to those with a visible ticket would break exactly that. What is private is
-- the tickets, and those stay restricted (the history screen shows only the
-- tickets RLS lets through).

-- Roles are cluster-wide: create them only when missing, so that a second
-- database in the same cluster migrates too.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['frontline_agent', 'frontline_supervisor', 'frontline_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;

-- ---------------------------------------------------------------------------
-- Who am I (used by the policies)
-- ---------------------------------------------------------------------------

-- frontline.is_admin(): superuser or member of frontline_admin.
CREATE FUNCTION frontline.is_admin() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT frontline.is_privileged()
$$;

-- frontline.is_supervisor(): member of frontline_supervisor or an admin:
-- sees every ticket.
CREATE FUNCTION frontline.is_supervisor() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT pg_has_role(current_user, 'frontline_supervisor', 'USAGE')
        OR pg_has_role(current_user, 'frontline_admin', 'USAGE')
$$;

-- frontline.my_queue_ids(): the queues of the current (active) agent's team.
CREATE FUNCTION frontline.my_queue_ids() RETURNS bigint[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(q.id), '{}')
      FROM frontline.agents a
      JOIN frontline.queues q ON q.team_id = a.team_id
     WHERE a.role_name = current_user AND a.active
$$;

-- ---------------------------------------------------------------------------
-- Privileges
-- ---------------------------------------------------------------------------

GRANT USAGE ON SCHEMA frontline TO frontline_agent, frontline_supervisor, frontline_admin;

GRANT SELECT ON
    frontline.organizations, frontline.customers, frontline.teams, frontline.agents,
    frontline.queues, frontline.calendars, frontline.calendar_hours, frontline.holidays,
    frontline.sla_policies, frontline.sla_targets, frontline.tickets, frontline.messages,
    frontline.ticket_events, frontline.sla_clocks, frontline.ticket_clocks,
    frontline.kb_articles, frontline.ratings, frontline.survey_policy,
    frontline.drafts, frontline.presence, frontline.macros, frontline.routing_rules
TO frontline_agent, frontline_supervisor;

GRANT INSERT, UPDATE ON frontline.organizations, frontline.customers,
                        frontline.tickets, frontline.ratings
    TO frontline_agent, frontline_supervisor;
GRANT INSERT ON frontline.messages, frontline.ticket_events
    TO frontline_agent, frontline_supervisor;
-- Clocks are moved by the triggers, which run with the caller's rights.
GRANT INSERT, UPDATE, DELETE ON frontline.sla_clocks
    TO frontline_agent, frontline_supervisor;
GRANT INSERT, UPDATE, DELETE ON frontline.drafts, frontline.presence
    TO frontline_agent, frontline_supervisor;
GRANT INSERT, UPDATE, DELETE ON frontline.kb_articles, frontline.macros
    TO frontline_supervisor;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA frontline TO frontline_agent, frontline_supervisor;

GRANT ALL ON ALL TABLES IN SCHEMA frontline TO frontline_admin;
GRANT ALL ON ALL SEQUENCES IN SCHEMA frontline TO frontline_admin;
-- Later migrations, run by the same superuser, give the admin group their objects too.
ALTER DEFAULT PRIVILEGES IN SCHEMA frontline GRANT ALL ON TABLES TO frontline_admin;
ALTER DEFAULT PRIVILEGES IN SCHEMA frontline GRANT ALL ON SEQUENCES TO frontline_admin;

-- Functions: PUBLIC may execute by default, but only roles with USAGE on the
-- schema can reach them. The changes log and pruning are fenced explicitly.
REVOKE EXECUTE ON FUNCTION frontline.append_change(bigint, text, bigint),
                           frontline.changes_since(xid8),
                           frontline.changes_gap(xid8),
                           frontline.prune_changes(interval)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION frontline.append_change(bigint, text, bigint),
                          frontline.changes_since(xid8),
                          frontline.changes_gap(xid8)
    TO frontline_agent, frontline_supervisor, frontline_admin;
GRANT EXECUTE ON FUNCTION frontline.prune_changes(interval) TO frontline_admin;

-- ---------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------
-- The ticket rule, written inline so that the planner evaluates each
-- function once per query (initplans) and can use indexes on queue_id:
--   supervisor/admin  OR  assigned to me  OR  in a queue of my team.
-- Tables hanging off a ticket use EXISTS (SELECT ... FROM tickets): that
-- subquery is itself filtered by the tickets policy, so one rule governs all.
-- Superusers and the table owner bypass RLS.

ALTER TABLE frontline.tickets ENABLE ROW LEVEL SECURITY;
CREATE POLICY tickets_select ON frontline.tickets FOR SELECT
    USING ((SELECT frontline.is_supervisor())
           OR assignee_id = (SELECT frontline.current_agent_id())
           OR queue_id = ANY ((SELECT frontline.my_queue_ids())::bigint[]));
CREATE POLICY tickets_insert ON frontline.tickets FOR INSERT
    WITH CHECK ((SELECT frontline.is_supervisor())
                OR assignee_id = (SELECT frontline.current_agent_id())
                OR queue_id = ANY ((SELECT frontline.my_queue_ids())::bigint[]));
-- An UPDATE must leave the ticket visible (PostgreSQL also checks the new
-- row against the SELECT policy). Moving a ticket out of one's own reach
-- (to another team's queue) goes through frontline.transfer_ticket().
CREATE POLICY tickets_update ON frontline.tickets FOR UPDATE
    USING ((SELECT frontline.is_supervisor())
           OR assignee_id = (SELECT frontline.current_agent_id())
           OR queue_id = ANY ((SELECT frontline.my_queue_ids())::bigint[]));
CREATE POLICY tickets_delete ON frontline.tickets FOR DELETE
    USING ((SELECT frontline.is_admin()));

ALTER TABLE frontline.messages ENABLE ROW LEVEL SECURITY;
CREATE POLICY messages_select ON frontline.messages FOR SELECT
    USING (EXISTS (SELECT 1 FROM frontline.tickets t WHERE t.id = messages.ticket_id));
-- Agents sign only as themselves.
CREATE POLICY messages_insert ON frontline.messages FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM frontline.tickets t WHERE t.id = messages.ticket_id)
                AND (author_agent_id IS NULL
                     OR author_agent_id = (SELECT frontline.current_agent_id())
                     OR (SELECT frontline.is_admin())));
CREATE POLICY messages_admin ON frontline.messages FOR ALL
    USING ((SELECT frontline.is_admin())) WITH CHECK ((SELECT frontline.is_admin()));

ALTER TABLE frontline.sla_clocks ENABLE ROW LEVEL SECURITY;
CREATE POLICY sla_clocks_all ON frontline.sla_clocks FOR ALL
    USING (EXISTS (SELECT 1 FROM frontline.tickets t WHERE t.id = sla_clocks.ticket_id))
    WITH CHECK (EXISTS (SELECT 1 FROM frontline.tickets t WHERE t.id = sla_clocks.ticket_id));

ALTER TABLE frontline.ratings ENABLE ROW LEVEL SECURITY;
CREATE POLICY ratings_all ON frontline.ratings FOR ALL
    USING (EXISTS (SELECT 1 FROM frontline.tickets t WHERE t.id = ratings.ticket_id))
    WITH CHECK (EXISTS (SELECT 1 FROM frontline.tickets t WHERE t.id = ratings.ticket_id));

-- Drafts: your own; supervisors may read all.
ALTER TABLE frontline.drafts ENABLE ROW LEVEL SECURITY;
CREATE POLICY drafts_select ON frontline.drafts FOR SELECT
    USING (agent_id = (SELECT frontline.current_agent_id()) OR (SELECT frontline.is_supervisor()));
CREATE POLICY drafts_insert ON frontline.drafts FOR INSERT
    WITH CHECK (agent_id = (SELECT frontline.current_agent_id())
                AND EXISTS (SELECT 1 FROM frontline.tickets t WHERE t.id = drafts.ticket_id));
CREATE POLICY drafts_update ON frontline.drafts FOR UPDATE
    USING (agent_id = (SELECT frontline.current_agent_id()))
    WITH CHECK (agent_id = (SELECT frontline.current_agent_id()));
CREATE POLICY drafts_delete ON frontline.drafts FOR DELETE
    USING (agent_id = (SELECT frontline.current_agent_id()) OR (SELECT frontline.is_admin()));

-- Presence: seen on the tickets you can see; written for yourself only.
ALTER TABLE frontline.presence ENABLE ROW LEVEL SECURITY;
CREATE POLICY presence_select ON frontline.presence FOR SELECT
    USING (EXISTS (SELECT 1 FROM frontline.tickets t WHERE t.id = presence.ticket_id));
CREATE POLICY presence_insert ON frontline.presence FOR INSERT
    WITH CHECK (agent_id = (SELECT frontline.current_agent_id())
                AND EXISTS (SELECT 1 FROM frontline.tickets t WHERE t.id = presence.ticket_id));
CREATE POLICY presence_update ON frontline.presence FOR UPDATE
    USING (agent_id = (SELECT frontline.current_agent_id()))
    WITH CHECK (agent_id = (SELECT frontline.current_agent_id()));
CREATE POLICY presence_delete ON frontline.presence FOR DELETE
    USING (agent_id = (SELECT frontline.current_agent_id()) OR (SELECT frontline.is_admin()));

-- Audit trail: read with the ticket; rows are written by the triggers with
-- the caller's rights and must carry the caller's own name.
ALTER TABLE frontline.ticket_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY ticket_events_select ON frontline.ticket_events FOR SELECT
    USING (EXISTS (SELECT 1 FROM frontline.tickets t WHERE t.id = ticket_events.ticket_id));
CREATE POLICY ticket_events_insert ON frontline.ticket_events FOR INSERT
    WITH CHECK (actor = current_user);

-- ---------------------------------------------------------------------------
-- Transfers
-- ---------------------------------------------------------------------------

-- frontline.role_sees_ticket(role, queue, assignee): the tickets rule above,
-- for a named role instead of current_user.
CREATE FUNCTION frontline.role_sees_ticket(p_role name, p_queue_id bigint, p_assignee_id bigint)
RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(p_role, 'frontline_supervisor', 'USAGE')
        OR pg_has_role(p_role, 'frontline_admin', 'USAGE')
        OR EXISTS (SELECT 1 FROM frontline.agents a
                    WHERE a.role_name = p_role
                      AND (a.id = p_assignee_id
                           OR (a.active AND a.team_id = (SELECT q.team_id FROM frontline.queues q
                                                          WHERE q.id = p_queue_id))))
$$;

-- frontline.transfer_ticket_as(actor, ticket, queue, assignee): the body of
-- transfer_ticket(). SECURITY DEFINER because the moved row leaves the
-- actor's sight, which RLS would refuse; it checks instead that the login
-- (session_user) may act as `actor`, that `actor` sees the ticket now, and
-- records `actor` in the audit trail.
CREATE FUNCTION frontline.transfer_ticket_as(p_actor name, p_ticket_id bigint,
                                             p_queue_id bigint, p_assignee_id bigint)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
DECLARE
    t record;
BEGIN
    IF NOT pg_has_role(session_user, p_actor, 'MEMBER') THEN
        RAISE EXCEPTION 'frontline: % may not act as %', session_user, p_actor
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT x.queue_id, x.assignee_id INTO t FROM frontline.tickets x WHERE x.id = p_ticket_id FOR UPDATE;
    IF NOT FOUND OR NOT frontline.role_sees_ticket(p_actor, t.queue_id, t.assignee_id) THEN
        RAISE EXCEPTION 'frontline: ticket % is not visible to %', p_ticket_id, p_actor
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Both settings last until this function returns (its SET clause scopes them).
    PERFORM set_config('frontline.now', '', true);        -- no time travel through here
    PERFORM set_config('frontline.actor', p_actor, true);  -- read by tickets_audit()
    UPDATE frontline.tickets SET queue_id = p_queue_id, assignee_id = p_assignee_id
     WHERE id = p_ticket_id;
END $$;

-- frontline.transfer_ticket(ticket, queue, assignee default null): move a
-- ticket the caller can see to another queue (and assignee), possibly out of
-- the caller's sight.
CREATE FUNCTION frontline.transfer_ticket(p_ticket_id bigint, p_queue_id bigint,
                                          p_assignee_id bigint DEFAULT NULL)
RETURNS void
LANGUAGE sql AS $$
    SELECT frontline.transfer_ticket_as(current_user, p_ticket_id, p_queue_id, p_assignee_id)
$$;

REVOKE EXECUTE ON FUNCTION frontline.transfer_ticket_as(name, bigint, bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION frontline.transfer_ticket_as(name, bigint, bigint, bigint)
    TO frontline_agent, frontline_supervisor, frontline_admin;
