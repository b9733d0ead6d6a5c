-- 005-queue.sql: the live queue and the rating prompt.

-- frontline.priority_rank(priority): 0 for urgent .. 3 for low, for sorting.
CREATE FUNCTION frontline.priority_rank(p_priority text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE p_priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END
$$;

-- frontline.agent_queue(limit): the logged-in agent's live queue: tickets not
-- solved/closed in the queues of the agent's team that are unassigned or
-- assigned to the agent, plus tickets assigned to the agent in any other
-- queue; for a supervisor (or admin), every open ticket. Most urgent first:
--   1. a running clock, by due time: breached ones first (most overdue
--      first), then the nearest due;
--   2. then paused clocks, by the least (frozen) time left;
--   3. then tickets without any clock;
-- ties by priority (urgent first), then age (oldest first).
-- Part 1 is read per queue from the (queue_id, sla_due_at) partial index in
-- due order, stopping after `limit` rows per queue; part 2 (sla_due_at null,
-- the same index) only when part 1 did not fill the page.
-- Runs with the caller's rights: row-level security applies.
CREATE FUNCTION frontline.agent_queue(p_limit integer)
RETURNS TABLE (id bigint, priority text, status text, channel text, customer_name text,
               subject text, created_at timestamptz, assignee text, clock text,
               clock_state text, due_at timestamptz, remaining interval, language text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
    v_me     bigint := frontline.current_agent_id();
    v_sup    boolean := frontline.is_supervisor();
    v_now    timestamptz := frontline.sla_now();
    v_queues bigint[];
    v_got    integer;
BEGIN
    IF p_limit IS NULL OR p_limit <= 0 OR (v_me IS NULL AND NOT v_sup) THEN
        RETURN;
    END IF;
    IF v_sup THEN
        v_queues := ARRAY(SELECT q.id FROM frontline.queues q);
    ELSE
        v_queues := frontline.my_queue_ids();
    END IF;

    -- 1. Running clocks (breached and running), nearest due first. Each
    --    branch carries every column it needs: tickets is read once, from
    --    the index.
    RETURN QUERY
    SELECT c.id, c.priority, c.status, c.channel, cu.name, c.subject, c.created_at,
           a.display_name, c.sla_clock,
           CASE WHEN c.sla_due_at < v_now THEN 'breached' ELSE 'running' END,
           c.sla_due_at, c.sla_due_at - v_now, c.language
      FROM (SELECT x.* FROM unnest(v_queues) AS q(qid)
            CROSS JOIN LATERAL (
                SELECT t.id, t.priority, t.status, t.channel, t.subject, t.created_at,
                       t.sla_clock, t.sla_due_at, t.language, t.customer_id, t.assignee_id
                  FROM frontline.tickets t
                 WHERE t.queue_id = q.qid AND t.status NOT IN ('solved', 'closed')
                   AND t.sla_due_at IS NOT NULL
                   AND (v_sup OR t.assignee_id IS NULL OR t.assignee_id = v_me)
                 ORDER BY t.sla_due_at, frontline.priority_rank(t.priority), t.created_at
                 LIMIT p_limit) AS x
            UNION ALL
            SELECT y.* FROM (
                SELECT t.id, t.priority, t.status, t.channel, t.subject, t.created_at,
                       t.sla_clock, t.sla_due_at, t.language, t.customer_id, t.assignee_id
                  FROM frontline.tickets t
                 WHERE NOT v_sup AND t.assignee_id = v_me AND t.queue_id <> ALL (v_queues)
                   AND t.status NOT IN ('solved', 'closed') AND t.sla_due_at IS NOT NULL
                 ORDER BY t.sla_due_at, frontline.priority_rank(t.priority), t.created_at
                 LIMIT p_limit) AS y
           ) AS c
      JOIN frontline.customers cu ON cu.id = c.customer_id
      LEFT JOIN frontline.agents a ON a.id = c.assignee_id
     ORDER BY c.sla_due_at, frontline.priority_rank(c.priority), c.created_at, c.id
     LIMIT p_limit;
    GET DIAGNOSTICS v_got = ROW_COUNT;
    IF v_got >= p_limit THEN
        RETURN;
    END IF;

    -- 2. No running clock: paused ones by least time left, then no clock.
    RETURN QUERY
    SELECT c.id, c.priority, c.status, c.channel, cu.name, c.subject, c.created_at,
           a.display_name, c.sla_paused_clock,
           CASE WHEN c.sla_paused_clock IS NOT NULL THEN 'paused' END,
           sc.due_at, c.sla_paused_remaining, c.language
      FROM (SELECT x.* FROM unnest(v_queues) AS q(qid)
            CROSS JOIN LATERAL (
                SELECT t.id, t.priority, t.status, t.channel, t.subject, t.created_at,
                       t.sla_paused_clock, t.sla_paused_remaining, t.language, t.customer_id, t.assignee_id
                  FROM frontline.tickets t
                 WHERE t.queue_id = q.qid AND t.status NOT IN ('solved', 'closed')
                   AND t.sla_due_at IS NULL
                   AND (v_sup OR t.assignee_id IS NULL OR t.assignee_id = v_me)
                 ORDER BY t.sla_paused_remaining NULLS LAST, frontline.priority_rank(t.priority), t.created_at
                 LIMIT p_limit - v_got) AS x
            UNION ALL
            SELECT y.* FROM (
                SELECT t.id, t.priority, t.status, t.channel, t.subject, t.created_at,
                       t.sla_paused_clock, t.sla_paused_remaining, t.language, t.customer_id, t.assignee_id
                  FROM frontline.tickets t
                 WHERE NOT v_sup AND t.assignee_id = v_me AND t.queue_id <> ALL (v_queues)
                   AND t.status NOT IN ('solved', 'closed') AND t.sla_due_at IS NULL
                 ORDER BY t.sla_paused_remaining NULLS LAST, frontline.priority_rank(t.priority), t.created_at
                 LIMIT p_limit - v_got) AS y
           ) AS c
      JOIN frontline.customers cu ON cu.id = c.customer_id
      LEFT JOIN frontline.agents a ON a.id = c.assignee_id
      LEFT JOIN frontline.sla_clocks sc ON sc.ticket_id = c.id AND sc.kind = c.sla_paused_clock
     ORDER BY c.sla_paused_remaining NULLS LAST, frontline.priority_rank(c.priority), c.created_at, c.id
     LIMIT p_limit - v_got;
END $$;

-- frontline.survey_plan(ticket): whether to ask this ticket's customer for a
-- rating now, and what, per survey_policy (the row for the ticket's channel,
-- else the default row): not when the ticket already has a rating row, only
-- for every n-th ticket (by id), and not when the customer answered or
-- declined a survey within min_days_between days (fatigue).
CREATE FUNCTION frontline.survey_plan(p_ticket_id bigint,
    OUT ask boolean, OUT ask_csat boolean, OUT ask_nps boolean)
LANGUAGE sql STABLE AS $$
    SELECT t.id % p.every_nth = 0
           AND NOT EXISTS (SELECT 1 FROM frontline.ratings r WHERE r.ticket_id = t.id)
           AND NOT EXISTS (SELECT 1 FROM frontline.ratings r
                             JOIN frontline.tickets t2 ON t2.id = r.ticket_id
                            WHERE t2.customer_id = t.customer_id
                              AND r.status IN ('answered', 'declined')
                              AND r.created_at > frontline.sla_now() - make_interval(days => p.min_days_between)),
           p.ask_csat, p.ask_nps
      FROM frontline.tickets t
      JOIN LATERAL (SELECT sp.* FROM frontline.survey_policy sp
                     WHERE sp.channel = t.channel OR sp.channel IS NULL
                     ORDER BY sp.channel NULLS LAST LIMIT 1) AS p ON true
     WHERE t.id = p_ticket_id
$$;
