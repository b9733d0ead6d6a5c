-- 008-stats.sql: the figures of `frontline stats` and, later, the
-- supervisor wallboard: one row for a period (stats_figures) or one row per
-- day (stats_by_day), over the tickets CREATED in [p_from, p_to).
--
-- Rights: every function here runs with the caller's rights, so the
-- row-level security of 004 decides which tickets count: an agent gets the
-- figures of their team's queues and of tickets assigned to them, a
-- supervisor or an admin everything.
--
-- Filters: p_queue (queues.id) and p_agent (agents.id, the assignee); null
-- means all.
--
-- What is counted, per ticket created in the period (its status now):
--   created           every such ticket;
--   solved            solved_at is set (status solved or closed now);
--   reopened          the audit trail (ticket_events, what 'update') shows the
--                     status leaving solved/closed for another status at least
--                     once; solved_once = solved now or reopened, the
--                     denominator of the reopen rate;
--   first response    created_at -> first_response_at (the first public
--                     reply), for tickets that have one;
--   resolution        created_at -> solved_at, for solved tickets;
--     both in WALL minutes (elapsed time) and in BUSINESS minutes: the
--     business time on the calendar of the ticket's SLA policy, as
--     business_seconds()/60 counts it (business_minutes() unrounded), so a
--     ticket that waits overnight or over a weekend counts only the open
--     hours in between; no policy or a policy without a calendar is 24/7.
--     Time spent pending/on hold inside business hours is NOT taken off:
--     this is what the customer waited in business time, not the SLA clock.
--     Median and 90th percentile are percentile_cont (linear interpolation
--     between the two nearest values, as a spreadsheet's PERCENTILE does).
--   fcr_answers/fcr_yes  ratings rows (any status) whose resolved_first_contact
--                     is known, and of them those with true;
--   frt_breached/res_breached  the ticket's first_response/resolution clock
--                     is breached as ticket_clocks says it: met after its due
--                     time, paused after it, or still running past it now
--                     (sla_now()). Tickets without such a clock count neither;
--   surveys_asked     ratings rows with status answered, declined or
--                     survey_sent; surveys_answered: status answered;
--   csat_counts[1..5] answered ratings per CSAT score 1..5;
--   nps_counts[1..11] answered ratings per NPS score 0..10 (index = score + 1).
-- The CSAT/NPS figures themselves (average, %, NPS) are computed from these
-- counts in C (src/core/metrics.c), the one place that arithmetic lives.

-- Tickets by creation time: the period scan of every query below.
CREATE INDEX tickets_created_idx ON frontline.tickets (created_at);

-- frontline.stats_tickets(from, to, queue, agent): one row per ticket counted,
-- with what each figure needs. day is created_at's date in the session's
-- TimeZone.
CREATE FUNCTION frontline.stats_tickets(p_from timestamptz, p_to timestamptz,
                                        p_queue bigint, p_agent bigint)
RETURNS TABLE (ticket_id bigint, day date, solved boolean, reopened boolean,
               frt_wall double precision, frt_business double precision,
               res_wall double precision, res_business double precision,
               frt_breached boolean, res_breached boolean,
               rating_status text, csat smallint, nps smallint, fcr boolean)
LANGUAGE sql STABLE AS $$
    SELECT t.id,
           t.created_at::date,
           t.solved_at IS NOT NULL,
           EXISTS (SELECT 1 FROM frontline.ticket_events e
                    WHERE e.ticket_id = t.id AND e.what = 'update'
                      AND e.old ->> 'status' IN ('solved', 'closed')
                      AND e.new ->> 'status' NOT IN ('solved', 'closed')),
           extract(epoch FROM t.first_response_at - t.created_at) / 60,
           CASE WHEN t.first_response_at IS NOT NULL THEN
                frontline.business_seconds(p.calendar_id, t.created_at, t.first_response_at) / 60 END,
           extract(epoch FROM t.solved_at - t.created_at) / 60,
           CASE WHEN t.solved_at IS NOT NULL THEN
                frontline.business_seconds(p.calendar_id, t.created_at, t.solved_at) / 60 END,
           coalesce(c.frt_breached, false),
           coalesce(c.res_breached, false),
           r.status, r.csat, r.nps, r.resolved_first_contact
      FROM frontline.tickets t
      LEFT JOIN frontline.sla_policies p ON p.id = t.sla_policy_id
      LEFT JOIN frontline.ratings r ON r.ticket_id = t.id
      LEFT JOIN LATERAL (
            SELECT bool_or(b.breached) FILTER (WHERE b.kind = 'first_response') AS frt_breached,
                   bool_or(b.breached) FILTER (WHERE b.kind = 'resolution') AS res_breached
              FROM (SELECT k.kind,
                           CASE WHEN k.met_at IS NOT NULL       THEN k.met_at > k.due_at
                                WHEN k.paused_since IS NOT NULL THEN k.paused_since > k.due_at
                                ELSE k.due_at < frontline.sla_now() END AS breached
                      FROM frontline.sla_clocks k
                     WHERE k.ticket_id = t.id AND k.kind IN ('first_response', 'resolution')) AS b
           ) AS c ON true
     WHERE t.created_at >= p_from AND t.created_at < p_to
       AND (p_queue IS NULL OR t.queue_id = p_queue)
       AND (p_agent IS NULL OR t.assignee_id = p_agent)
$$;

-- frontline.stats_grouped(from, to, queue, agent, by_day): the aggregation
-- both public functions share. by_day false: one row, day null, whatever the
-- period holds (counts 0, figures null when there is nothing to measure).
-- by_day true: one row per day of the period (session TimeZone), days
-- without tickets included.
CREATE FUNCTION frontline.stats_grouped(p_from timestamptz, p_to timestamptz,
                                        p_queue bigint, p_agent bigint, p_by_day boolean)
RETURNS TABLE (day date, tickets_created bigint, tickets_solved bigint,
               tickets_reopened bigint, tickets_solved_once bigint,
               frt_count bigint,
               frt_wall_median double precision, frt_wall_p90 double precision,
               frt_business_median double precision, frt_business_p90 double precision,
               res_count bigint,
               res_wall_median double precision, res_wall_p90 double precision,
               res_business_median double precision, res_business_p90 double precision,
               fcr_answers bigint, fcr_yes bigint,
               frt_breached bigint, res_breached bigint,
               surveys_asked bigint, surveys_answered bigint,
               csat_counts bigint[], nps_counts bigint[])
-- JIT compiling costs about a second here and saves nothing: the planner
-- cannot see how few rows the period holds.
LANGUAGE sql STABLE SET jit = off AS $$
    SELECT g.day,
           count(s.ticket_id),
           count(*) FILTER (WHERE s.solved),
           count(*) FILTER (WHERE s.reopened),
           count(*) FILTER (WHERE s.solved OR s.reopened),
           count(s.frt_wall),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY s.frt_wall),
           percentile_cont(0.9) WITHIN GROUP (ORDER BY s.frt_wall),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY s.frt_business),
           percentile_cont(0.9) WITHIN GROUP (ORDER BY s.frt_business),
           count(s.res_wall),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY s.res_wall),
           percentile_cont(0.9) WITHIN GROUP (ORDER BY s.res_wall),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY s.res_business),
           percentile_cont(0.9) WITHIN GROUP (ORDER BY s.res_business),
           count(s.fcr),
           count(*) FILTER (WHERE s.fcr),
           count(*) FILTER (WHERE s.frt_breached),
           count(*) FILTER (WHERE s.res_breached),
           count(*) FILTER (WHERE s.rating_status IN ('answered', 'declined', 'survey_sent')),
           count(*) FILTER (WHERE s.rating_status = 'answered'),
           ARRAY[count(*) FILTER (WHERE s.csat = 1), count(*) FILTER (WHERE s.csat = 2),
                 count(*) FILTER (WHERE s.csat = 3), count(*) FILTER (WHERE s.csat = 4),
                 count(*) FILTER (WHERE s.csat = 5)],
           ARRAY[count(*) FILTER (WHERE s.nps = 0), count(*) FILTER (WHERE s.nps = 1),
                 count(*) FILTER (WHERE s.nps = 2), count(*) FILTER (WHERE s.nps = 3),
                 count(*) FILTER (WHERE s.nps = 4), count(*) FILTER (WHERE s.nps = 5),
                 count(*) FILTER (WHERE s.nps = 6), count(*) FILTER (WHERE s.nps = 7),
                 count(*) FILTER (WHERE s.nps = 8), count(*) FILTER (WHERE s.nps = 9),
                 count(*) FILTER (WHERE s.nps = 10)]
      FROM (SELECT d::date AS day
              FROM generate_series(p_from::date, (p_to - interval '1 microsecond')::date,
                                   interval '1 day') AS d
             WHERE p_by_day AND p_to > p_from
            UNION ALL
            SELECT NULL::date WHERE NOT p_by_day) AS g
      LEFT JOIN frontline.stats_tickets(p_from, p_to, p_queue, p_agent) AS s
             ON NOT p_by_day OR s.day = g.day
     GROUP BY g.day
     ORDER BY g.day
$$;

-- frontline.stats_figures(from, to, queue, agent): exactly one row of figures
-- for the tickets created in [from, to) (see the top of this file).
CREATE FUNCTION frontline.stats_figures(p_from timestamptz, p_to timestamptz,
                                        p_queue bigint, p_agent bigint)
RETURNS TABLE (tickets_created bigint, tickets_solved bigint,
               tickets_reopened bigint, tickets_solved_once bigint,
               frt_count bigint,
               frt_wall_median double precision, frt_wall_p90 double precision,
               frt_business_median double precision, frt_business_p90 double precision,
               res_count bigint,
               res_wall_median double precision, res_wall_p90 double precision,
               res_business_median double precision, res_business_p90 double precision,
               fcr_answers bigint, fcr_yes bigint,
               frt_breached bigint, res_breached bigint,
               surveys_asked bigint, surveys_answered bigint,
               csat_counts bigint[], nps_counts bigint[])
LANGUAGE sql STABLE AS $$
    SELECT s.tickets_created, s.tickets_solved, s.tickets_reopened, s.tickets_solved_once,
           s.frt_count, s.frt_wall_median, s.frt_wall_p90, s.frt_business_median, s.frt_business_p90,
           s.res_count, s.res_wall_median, s.res_wall_p90, s.res_business_median, s.res_business_p90,
           s.fcr_answers, s.fcr_yes, s.frt_breached, s.res_breached,
           s.surveys_asked, s.surveys_answered, s.csat_counts, s.nps_counts
      FROM frontline.stats_grouped(p_from, p_to, p_queue, p_agent, false) AS s
$$;

-- frontline.stats_by_day(from, to, queue, agent): the same columns, after
-- the day they belong to, one row per day of [from, to) in the session's
-- TimeZone, oldest first, days without tickets included (counts 0).
CREATE FUNCTION frontline.stats_by_day(p_from timestamptz, p_to timestamptz,
                                       p_queue bigint, p_agent bigint)
RETURNS TABLE (day date, tickets_created bigint, tickets_solved bigint,
               tickets_reopened bigint, tickets_solved_once bigint,
               frt_count bigint,
               frt_wall_median double precision, frt_wall_p90 double precision,
               frt_business_median double precision, frt_business_p90 double precision,
               res_count bigint,
               res_wall_median double precision, res_wall_p90 double precision,
               res_business_median double precision, res_business_p90 double precision,
               fcr_answers bigint, fcr_yes bigint,
               frt_breached bigint, res_breached bigint,
               surveys_asked bigint, surveys_answered bigint,
               csat_counts bigint[], nps_counts bigint[])
LANGUAGE sql STABLE AS $$
    SELECT * FROM frontline.stats_grouped(p_from, p_to, p_queue, p_agent, true)
$$;

GRANT EXECUTE ON FUNCTION
    frontline.stats_tickets(timestamptz, timestamptz, bigint, bigint),
    frontline.stats_grouped(timestamptz, timestamptz, bigint, bigint, boolean),
    frontline.stats_figures(timestamptz, timestamptz, bigint, bigint),
    frontline.stats_by_day(timestamptz, timestamptz, bigint, bigint)
    TO frontline_agent, frontline_supervisor, frontline_admin;
