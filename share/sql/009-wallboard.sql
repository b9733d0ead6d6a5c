-- 009-wallboard.sql: the supervisor wallboard. What is in the queue now,
-- what is at risk, who is working on what, the figures of today, the last
-- 7 and 30 days, the volume by channel and topic, the week's best-rated
-- answers, and the tickets behind every number (the drill-down). To make
-- the period figures cheap, what 008 computed per ticket at read time is
-- now kept per ticket at write time in ticket_stats.
--
-- Rights: everything here runs with the caller's rights, so the row-level
-- security of 004 decides what counts (an agent's wallboard shows their
-- team's queues and their own tickets, a supervisor's everything), except
-- these SECURITY DEFINER functions (pinned search_path):
--   ticket_stats_sync()             the trigger function that keeps
--                                   ticket_stats, which nobody else writes;
--   agent_heartbeat(away)           the caller's own row of agent_status;
--   agent_heartbeat_as(role, away)  any agent's row, for the demo's traffic
--                                   simulator: frontline_admin only.
--
-- Definitions.
--   open        a ticket whose status is not solved or closed and that is
--               not merged into another (merged_into_id null).
--   periods     'today' = [start of today, sla_now()), '7d' = from the start
--               of the day 6 days ago, '30d' = from the start of the day 29
--               days ago, always until sla_now(); days in the session's
--               TimeZone (wallboard_period_start()). The period figures are
--               those of 008 (stats_figures) over the tickets CREATED in the
--               period.
--   breached    (an open ticket, now) as queue_view shows it: its running
--               clock is past due (sla_due_at < sla_now()), or no clock runs
--               and the paused one was paused after its due time
--               (sla_paused_remaining < 0).
--   due_15/60   an open ticket whose running clock falls due within the next
--               15 / 60 minutes: sla_due_at in [now, now + 15 min) / 60 min
--               (due_60 includes due_15).
--   oldest      the open ticket that waits on us (status new or open)
--               created first; its age is sla_now() - created_at.
--   presence    'offline' when the agent sent no heartbeat in the last 120 s
--               (or none at all) and their role has no session in this
--               database; else 'away' when their last heartbeat said so; else
--               'online'. Heartbeats (agent_heartbeat) come every 60 s from
--               the console and at once when the agent steps away or back.
--   today's work  replies_today: public replies (messages kind 'reply') the
--               agent wrote today; CSAT today: the answered CSAT scores of
--               ratings given today on tickets assigned to the agent.
--
-- ticket_stats: one row per ticket, what the figures of 008 need, exact at
-- every commit (the triggers below run in the writing transaction):
--   created_at, queue_id, assignee_id, channel   copies of the ticket's;
--   frt_wall, frt_business    created_at -> first_response_at in wall and
--                             business minutes (business_seconds() on the
--                             calendar of the ticket's policy / 60, exactly
--                             as 008 computes it), null until answered;
--   res_wall, res_business    created_at -> solved_at, null unless solved;
--   reopened                  the audit trail shows the status leaving
--                             solved/closed for another at least once (008's
--                             rule, read from ticket_events as it is written);
--   frt_met_late, res_met_late  the clock was met after its due time; null
--                             while it runs or is paused, or when there is
--                             no such clock;
--   frt_due_at, res_due_at,   of a clock not met yet (running or paused):
--   frt_paused_since,         its due time and, when paused, since when.
--   res_paused_since          A running clock's breach depends on now, so it
--                             is decided when read: due_at < sla_now(); a
--                             paused one is breached when paused after its
--                             due time (stats_breached());
--   rating_status, csat, nps, fcr, topic   the ticket's rating (008 joined
--                             ratings; the copy saves that join).
-- Triggers keep it: on tickets (insert; updates of the copied columns,
-- first_response_at, solved_at, sla_policy_id), sla_clocks (first_response
-- and resolution: met_at, due_at, paused_since), ratings and ticket_events
-- (a reopen). The business minutes are computed when first_response_at or
-- solved_at is set, on the calendar as it is then: like the SLA clocks (see
-- sla_recompute() in 002), stored figures do not move when an admin later
-- edits a calendar's hours, holidays or time zone or a policy's calendar;
-- ticket_stats_rebuild(from) recomputes them, and must also be run after
-- loading tickets with triggers off (session_replication_role = replica),
-- as survey_contacts_rebuild() of 007.

-- ---------------------------------------------------------------------------
-- 1. ticket_stats
-- ---------------------------------------------------------------------------

-- Rows are updated in place a few times each (reply, solve, rating): room
-- on the page keeps those updates HOT, and the rows in creation order.
CREATE TABLE frontline.ticket_stats (
    ticket_id         bigint PRIMARY KEY REFERENCES frontline.tickets(id) ON DELETE CASCADE,
    created_at        timestamptz NOT NULL,
    queue_id          bigint NOT NULL,
    assignee_id       bigint,
    channel           text NOT NULL,
    frt_wall          double precision,
    frt_business      double precision,
    res_wall          double precision,
    res_business      double precision,
    reopened          boolean NOT NULL DEFAULT false,
    frt_met_late      boolean,
    res_met_late      boolean,
    frt_due_at        timestamptz,
    res_due_at        timestamptz,
    frt_paused_since  timestamptz,
    res_paused_since  timestamptz,
    rating_status     text,
    csat              smallint,
    nps               smallint,
    fcr               boolean,
    topic             text
) WITH (fillfactor = 85);
-- The period scan of every figure.
CREATE INDEX ticket_stats_created_idx ON frontline.ticket_stats (created_at);

-- frontline.ticket_stats_source: what ticket_stats holds, computed from the
-- tickets, clocks, audit trail and ratings as 008 computed it at read time.
-- Read by this migration's backfill and by ticket_stats_refresh() (rebuilds,
-- and a ticket that has no row yet). security_invoker: it shows a role only
-- what that role may see.
CREATE VIEW frontline.ticket_stats_source WITH (security_invoker = true) AS
SELECT t.id AS ticket_id,
       t.created_at,
       t.queue_id,
       t.assignee_id,
       t.channel,
       extract(epoch FROM t.first_response_at - t.created_at) / 60 AS frt_wall,
       CASE WHEN t.first_response_at IS NOT NULL THEN
            frontline.business_seconds(p.calendar_id, t.created_at, t.first_response_at) / 60 END AS frt_business,
       extract(epoch FROM t.solved_at - t.created_at) / 60 AS res_wall,
       CASE WHEN t.solved_at IS NOT NULL THEN
            frontline.business_seconds(p.calendar_id, t.created_at, t.solved_at) / 60 END AS res_business,
       EXISTS (SELECT 1 FROM frontline.ticket_events e
                WHERE e.ticket_id = t.id AND e.what = 'update'
                  AND e.old ->> 'status' IN ('solved', 'closed')
                  AND e.new ->> 'status' NOT IN ('solved', 'closed')) AS reopened,
       fr.met_at > fr.due_at AS frt_met_late,
       rc.met_at > rc.due_at AS res_met_late,
       CASE WHEN fr.met_at IS NULL THEN fr.due_at END AS frt_due_at,
       CASE WHEN rc.met_at IS NULL THEN rc.due_at END AS res_due_at,
       CASE WHEN fr.met_at IS NULL THEN fr.paused_since END AS frt_paused_since,
       CASE WHEN rc.met_at IS NULL THEN rc.paused_since END AS res_paused_since,
       r.status AS rating_status,
       r.csat,
       r.nps,
       r.resolved_first_contact AS fcr,
       r.topic
  FROM frontline.tickets t
  LEFT JOIN frontline.sla_policies p ON p.id = t.sla_policy_id
  LEFT JOIN frontline.sla_clocks fr ON fr.ticket_id = t.id AND fr.kind = 'first_response'
  LEFT JOIN frontline.sla_clocks rc ON rc.ticket_id = t.id AND rc.kind = 'resolution'
  LEFT JOIN frontline.ratings r ON r.ticket_id = t.id;

-- frontline.stats_breached(met_late, due_at, paused_since, now): whether a
-- clock stored as ticket_stats stores it is breached at `now`, as
-- ticket_clocks.breached says it: met late; paused after its due time;
-- running past it. False when there is no such clock.
CREATE FUNCTION frontline.stats_breached(p_met_late boolean, p_due_at timestamptz,
                                         p_paused_since timestamptz, p_now timestamptz)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(p_met_late,
                    CASE WHEN p_paused_since IS NOT NULL THEN p_paused_since > p_due_at
                         ELSE p_due_at < p_now END,
                    false)
$$;

-- frontline.ticket_stats_refresh(tickets): recompute the ticket_stats rows
-- of these tickets from ticket_stats_source (insert, or update when
-- something differs). Returns the rows written. Called by the triggers for
-- a ticket that has no row yet, and by ticket_stats_rebuild(). (A deleted
-- ticket's row goes with it: ON DELETE CASCADE.)
CREATE FUNCTION frontline.ticket_stats_refresh(p_ids bigint[]) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_n bigint;
BEGIN
    -- In creation order, as the triggers write them live: a period scan
    -- then reads neighbouring pages (a rebuild in join order made the
    -- 30-day figures of bench/wallboard.sh a quarter slower).
    INSERT INTO frontline.ticket_stats AS s
    SELECT x.* FROM frontline.ticket_stats_source x WHERE x.ticket_id = ANY (p_ids)
     ORDER BY x.created_at, x.ticket_id
    ON CONFLICT (ticket_id) DO UPDATE
       SET created_at = excluded.created_at, queue_id = excluded.queue_id,
           assignee_id = excluded.assignee_id, channel = excluded.channel,
           frt_wall = excluded.frt_wall, frt_business = excluded.frt_business,
           res_wall = excluded.res_wall, res_business = excluded.res_business,
           reopened = excluded.reopened,
           frt_met_late = excluded.frt_met_late, res_met_late = excluded.res_met_late,
           frt_due_at = excluded.frt_due_at, res_due_at = excluded.res_due_at,
           frt_paused_since = excluded.frt_paused_since, res_paused_since = excluded.res_paused_since,
           rating_status = excluded.rating_status, csat = excluded.csat, nps = excluded.nps,
           fcr = excluded.fcr, topic = excluded.topic
     WHERE (s.*) IS DISTINCT FROM (excluded.*);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RETURN v_n;
END $$;

-- The trigger function of every ticket_stats trigger, by the table that
-- fired it:
--   tickets        the copied columns, and the first-response or resolution
--                  minutes when their inputs changed (created_at,
--                  first_response_at or solved_at, the policy): the
--                  business-time walk is the expensive part. A new ticket's
--                  row is made from the ticket alone: it has no clocks,
--                  rating or reopen yet (its insert trigger fires before
--                  tickets_sla_start starts the clocks);
--   sla_clocks     copy the changed first_response/resolution clock;
--   ratings        copy the rating;
--   ticket_events  mark a reopen.
-- A ticket without a row (loaded with triggers off) gets one from its next
-- ticket update or rating. SECURITY DEFINER: roles cannot write
-- ticket_stats themselves, and a transfer may move the ticket out of the
-- writer's sight. Custom plans: a statement's plan cached while the tables
-- were small (a fresh database, a bulk load in one statement) would go on
-- scanning them whole as they grow.
CREATE FUNCTION frontline.ticket_stats_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    v_cal      bigint;
    v_base     boolean;
    v_frt      boolean;
    v_res      boolean;
    v_frt_wall double precision;
    v_frt_bus  double precision;
    v_res_wall double precision;
    v_res_bus  double precision;
BEGIN
    IF TG_TABLE_NAME = 'tickets' THEN
        IF TG_OP = 'INSERT' THEN
            v_frt := true;
            v_res := true;
        ELSE
            v_base := (OLD.created_at, OLD.sla_policy_id) IS DISTINCT FROM (NEW.created_at, NEW.sla_policy_id);
            v_frt := v_base OR OLD.first_response_at IS DISTINCT FROM NEW.first_response_at;
            v_res := v_base OR OLD.solved_at IS DISTINCT FROM NEW.solved_at;
        END IF;
        IF v_frt OR v_res THEN
            v_cal := frontline.policy_calendar(NEW.sla_policy_id);
        END IF;
        -- The expressions of ticket_stats_source (008's), one ticket.
        IF v_frt THEN
            v_frt_wall := extract(epoch FROM NEW.first_response_at - NEW.created_at) / 60;
            IF NEW.first_response_at IS NOT NULL THEN
                v_frt_bus := frontline.business_seconds(v_cal, NEW.created_at, NEW.first_response_at) / 60;
            END IF;
        END IF;
        IF v_res THEN
            v_res_wall := extract(epoch FROM NEW.solved_at - NEW.created_at) / 60;
            IF NEW.solved_at IS NOT NULL THEN
                v_res_bus := frontline.business_seconds(v_cal, NEW.created_at, NEW.solved_at) / 60;
            END IF;
        END IF;
        IF TG_OP = 'INSERT' THEN
            INSERT INTO frontline.ticket_stats (ticket_id, created_at, queue_id, assignee_id, channel,
                                                frt_wall, frt_business, res_wall, res_business)
            VALUES (NEW.id, NEW.created_at, NEW.queue_id, NEW.assignee_id, NEW.channel,
                    v_frt_wall, v_frt_bus, v_res_wall, v_res_bus);
        ELSE
            UPDATE frontline.ticket_stats s
               SET created_at = NEW.created_at, queue_id = NEW.queue_id,
                   assignee_id = NEW.assignee_id, channel = NEW.channel,
                   frt_wall = CASE WHEN v_frt THEN v_frt_wall ELSE s.frt_wall END,
                   frt_business = CASE WHEN v_frt THEN v_frt_bus ELSE s.frt_business END,
                   res_wall = CASE WHEN v_res THEN v_res_wall ELSE s.res_wall END,
                   res_business = CASE WHEN v_res THEN v_res_bus ELSE s.res_business END
             WHERE s.ticket_id = NEW.id;
            IF NOT FOUND THEN
                PERFORM frontline.ticket_stats_refresh(ARRAY[NEW.id]);
            END IF;
        END IF;
    ELSIF TG_TABLE_NAME = 'sla_clocks' THEN
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD.ticket_id, OLD.kind) IS DISTINCT FROM (NEW.ticket_id, NEW.kind)) THEN
            IF OLD.kind = 'first_response' THEN
                UPDATE frontline.ticket_stats s
                   SET frt_met_late = NULL, frt_due_at = NULL, frt_paused_since = NULL
                 WHERE s.ticket_id = OLD.ticket_id;
            ELSIF OLD.kind = 'resolution' THEN
                UPDATE frontline.ticket_stats s
                   SET res_met_late = NULL, res_due_at = NULL, res_paused_since = NULL
                 WHERE s.ticket_id = OLD.ticket_id;
            END IF;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            IF NEW.kind = 'first_response' THEN
                UPDATE frontline.ticket_stats s
                   SET frt_met_late = NEW.met_at > NEW.due_at,
                       frt_due_at = CASE WHEN NEW.met_at IS NULL THEN NEW.due_at END,
                       frt_paused_since = CASE WHEN NEW.met_at IS NULL THEN NEW.paused_since END
                 WHERE s.ticket_id = NEW.ticket_id;
            ELSIF NEW.kind = 'resolution' THEN
                UPDATE frontline.ticket_stats s
                   SET res_met_late = NEW.met_at > NEW.due_at,
                       res_due_at = CASE WHEN NEW.met_at IS NULL THEN NEW.due_at END,
                       res_paused_since = CASE WHEN NEW.met_at IS NULL THEN NEW.paused_since END
                 WHERE s.ticket_id = NEW.ticket_id;
            END IF;
        END IF;
    ELSIF TG_TABLE_NAME = 'ratings' THEN
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.ticket_id <> NEW.ticket_id) THEN
            UPDATE frontline.ticket_stats s
               SET rating_status = NULL, csat = NULL, nps = NULL, fcr = NULL, topic = NULL
             WHERE s.ticket_id = OLD.ticket_id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            UPDATE frontline.ticket_stats s
               SET rating_status = NEW.status, csat = NEW.csat, nps = NEW.nps,
                   fcr = NEW.resolved_first_contact, topic = NEW.topic
             WHERE s.ticket_id = NEW.ticket_id;
            IF NOT FOUND THEN
                PERFORM frontline.ticket_stats_refresh(ARRAY[NEW.ticket_id]);
            END IF;
        END IF;
    ELSIF TG_TABLE_NAME = 'ticket_events' THEN
        UPDATE frontline.ticket_stats s SET reopened = true
         WHERE s.ticket_id = NEW.ticket_id AND NOT s.reopened;
    END IF;
    RETURN NULL;
END $$;

-- Named to fire before tickets_sla_start (triggers fire in name order): the
-- row is there when the clocks start.
CREATE TRIGGER tickets_new_stats AFTER INSERT ON frontline.tickets
    FOR EACH ROW EXECUTE FUNCTION frontline.ticket_stats_sync();
-- A status change alone changes nothing here: what it causes comes with
-- it (solved_at, the clocks, the audit trail's reopen).
CREATE TRIGGER tickets_stats_upd AFTER UPDATE ON frontline.tickets
    FOR EACH ROW WHEN ((OLD.created_at, OLD.queue_id, OLD.assignee_id, OLD.channel,
                        OLD.first_response_at, OLD.solved_at, OLD.sla_policy_id)
                       IS DISTINCT FROM
                       (NEW.created_at, NEW.queue_id, NEW.assignee_id, NEW.channel,
                        NEW.first_response_at, NEW.solved_at, NEW.sla_policy_id))
    EXECUTE FUNCTION frontline.ticket_stats_sync();
CREATE TRIGGER sla_clocks_stats_ins AFTER INSERT ON frontline.sla_clocks
    FOR EACH ROW WHEN (NEW.kind IN ('first_response', 'resolution'))
    EXECUTE FUNCTION frontline.ticket_stats_sync();
CREATE TRIGGER sla_clocks_stats_upd AFTER UPDATE ON frontline.sla_clocks
    FOR EACH ROW WHEN ((NEW.kind IN ('first_response', 'resolution') OR OLD.kind IN ('first_response', 'resolution'))
                       AND (OLD.ticket_id, OLD.kind, OLD.met_at, OLD.due_at, OLD.paused_since)
                           IS DISTINCT FROM (NEW.ticket_id, NEW.kind, NEW.met_at, NEW.due_at, NEW.paused_since))
    EXECUTE FUNCTION frontline.ticket_stats_sync();
CREATE TRIGGER sla_clocks_stats_del AFTER DELETE ON frontline.sla_clocks
    FOR EACH ROW WHEN (OLD.kind IN ('first_response', 'resolution'))
    EXECUTE FUNCTION frontline.ticket_stats_sync();
CREATE TRIGGER ratings_stats AFTER INSERT OR DELETE ON frontline.ratings
    FOR EACH ROW EXECUTE FUNCTION frontline.ticket_stats_sync();
CREATE TRIGGER ratings_stats_upd AFTER UPDATE ON frontline.ratings
    FOR EACH ROW WHEN ((OLD.ticket_id, OLD.status, OLD.csat, OLD.nps, OLD.resolved_first_contact, OLD.topic)
                       IS DISTINCT FROM
                       (NEW.ticket_id, NEW.status, NEW.csat, NEW.nps, NEW.resolved_first_contact, NEW.topic))
    EXECUTE FUNCTION frontline.ticket_stats_sync();
CREATE TRIGGER ticket_events_stats AFTER INSERT ON frontline.ticket_events
    FOR EACH ROW WHEN (NEW.what = 'update'
                       AND NEW.old ->> 'status' IN ('solved', 'closed')
                       AND NEW.new ->> 'status' NOT IN ('solved', 'closed'))
    EXECUTE FUNCTION frontline.ticket_stats_sync();

-- Who sees a row: the tickets rule of 004 (tickets_select), written inline
-- the same way, on the copies of queue_id and assignee_id. Admins may
-- repair rows (ticket_stats_rebuild); nobody else writes.
ALTER TABLE frontline.ticket_stats ENABLE ROW LEVEL SECURITY;
CREATE POLICY ticket_stats_select ON frontline.ticket_stats FOR SELECT
    USING ((SELECT frontline.is_supervisor())
           OR assignee_id = (SELECT frontline.current_agent_id())
           OR queue_id = ANY ((SELECT frontline.my_queue_ids())::bigint[]));
CREATE POLICY ticket_stats_admin ON frontline.ticket_stats FOR ALL
    USING ((SELECT frontline.is_admin())) WITH CHECK ((SELECT frontline.is_admin()));

-- frontline.ticket_stats_rebuild(from): recompute the ticket_stats rows of
-- the tickets created since `from` (null: all), adding the missing ones.
-- Returns the rows written. For admins: after loading tickets with triggers
-- off, or after editing a calendar or a policy's calendar (stored business
-- minutes do not follow such edits by themselves).
CREATE FUNCTION frontline.ticket_stats_rebuild(p_from timestamptz DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM frontline.require_admin('rebuild the ticket figures');
    RETURN frontline.ticket_stats_refresh(ARRAY(
        SELECT t.id FROM frontline.tickets t WHERE p_from IS NULL OR t.created_at >= p_from));
END $$;

-- Every ticket that exists now.
INSERT INTO frontline.ticket_stats SELECT x.* FROM frontline.ticket_stats_source x;
ANALYZE frontline.ticket_stats;

-- ---------------------------------------------------------------------------
-- 2. The figures of 008, read from ticket_stats
-- ---------------------------------------------------------------------------

-- frontline.stats_tickets(from, to, queue, agent): as in 008 (same columns,
-- same values), one row per ticket counted, now from ticket_stats: no
-- business-time walk, audit-trail search or clock lookup per ticket at read
-- time. A running clock is compared with sla_now() here.
CREATE OR REPLACE FUNCTION frontline.stats_tickets(p_from timestamptz, p_to timestamptz,
                                                   p_queue bigint, p_agent bigint)
RETURNS TABLE (ticket_id bigint, day date, solved boolean, reopened boolean,
               frt_wall double precision, frt_business double precision,
               res_wall double precision, res_business double precision,
               frt_breached boolean, res_breached boolean,
               rating_status text, csat smallint, nps smallint, fcr boolean)
LANGUAGE sql STABLE AS $$
    SELECT s.ticket_id,
           s.created_at::date,
           s.res_wall IS NOT NULL,
           s.reopened,
           s.frt_wall, s.frt_business, s.res_wall, s.res_business,
           frontline.stats_breached(s.frt_met_late, s.frt_due_at, s.frt_paused_since, n.now),
           frontline.stats_breached(s.res_met_late, s.res_due_at, s.res_paused_since, n.now),
           s.rating_status, s.csat, s.nps, s.fcr
      FROM (SELECT frontline.sla_now() AS now) AS n
     CROSS JOIN frontline.ticket_stats s
     WHERE s.created_at >= p_from AND s.created_at < p_to
       AND (p_queue IS NULL OR s.queue_id = p_queue)
       AND (p_agent IS NULL OR s.assignee_id = p_agent)
$$;

-- frontline.stats_grouped(from, to, queue, agent, by_day): as in 008 (same
-- columns, same values), the aggregation stats_figures and stats_by_day
-- share. 008 joined the days to the tickets on "not by_day or same day",
-- which cannot be hashed (every day against every ticket) and then sorted
-- the whole period by day; here each day (or the one period) aggregates
-- its own range of the created_at index, through stats_tickets. A day's
-- range is [its midnight, the next) in the session's TimeZone, cut to
-- [from, to): exactly the tickets whose created_at::date is that day.
CREATE OR REPLACE FUNCTION frontline.stats_grouped(p_from timestamptz, p_to timestamptz,
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
    SELECT g.day, a.*
      FROM (SELECT d::date AS day, greatest(p_from, d::date::timestamptz) AS lo,
                   least(p_to, (d::date + 1)::timestamptz) AS hi
              FROM generate_series(p_from::date, (p_to - interval '1 microsecond')::date,
                                   interval '1 day') AS d
             WHERE p_by_day AND p_to > p_from
            UNION ALL
            SELECT NULL::date, p_from, p_to WHERE NOT p_by_day) AS g
     CROSS JOIN LATERAL (
            SELECT count(s.ticket_id),
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
              FROM frontline.stats_tickets(g.lo, g.hi, p_queue, p_agent) AS s) AS a
     ORDER BY g.day
$$;

-- ---------------------------------------------------------------------------
-- 3. Indexes for the wallboard
-- ---------------------------------------------------------------------------

-- An agent's public replies of today.
CREATE INDEX messages_reply_author_time_idx ON frontline.messages (author_agent_id, created_at)
    WHERE kind = 'reply';
-- The open tickets that wait on us, oldest first (the 'oldest' figure):
-- without it that is a walk of every ticket ever created.
CREATE INDEX tickets_waiting_idx ON frontline.tickets (created_at, id)
    WHERE status IN ('new', 'open') AND merged_into_id IS NULL;

-- ---------------------------------------------------------------------------
-- 4. Agent status
-- ---------------------------------------------------------------------------

-- One row per agent whose console has sent a heartbeat: away (stepped
-- away), seen_at (the last heartbeat), changed_at (when the row last made
-- news: created, away flipped, or back after more than 120 s of silence).
-- Everyone reads it; it is written by agent_heartbeat() and
-- agent_heartbeat_as() only.
CREATE TABLE frontline.agent_status (
    agent_id    bigint PRIMARY KEY REFERENCES frontline.agents(id) ON DELETE CASCADE,
    away        boolean NOT NULL DEFAULT false,
    seen_at     timestamptz NOT NULL,
    changed_at  timestamptz NOT NULL
);
ALTER TABLE frontline.agent_status ENABLE ROW LEVEL SECURITY;
CREATE POLICY agent_status_select ON frontline.agent_status FOR SELECT USING (true);

-- Row trigger: log an agent_status change as 003 logs presence (a changes
-- row without a ticket, row_id = the agent) and remember its seq for the
-- statement trigger notify_changes() of 003 (one NOTIFY per statement).
-- Only news is logged (the triggers' WHEN clauses): a new row, away
-- flipped, or back after more than 120 s of silence; a plain heartbeat
-- writes no change, so idle wallboards are not woken every minute.
-- (No SET clause, as log_change() of 003.)
CREATE FUNCTION frontline.agent_status_log() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_seq bigint;
BEGIN
    v_seq := frontline.append_change(NULL, 'agent_status.' || lower(TG_OP), NEW.agent_id);
    PERFORM set_config('frontline.changes_max_seq', v_seq::text, true);
    RETURN NULL;
END $$;

CREATE TRIGGER agent_status_changes_ins AFTER INSERT ON frontline.agent_status
    FOR EACH ROW EXECUTE FUNCTION frontline.agent_status_log();
CREATE TRIGGER agent_status_changes_upd AFTER UPDATE ON frontline.agent_status
    FOR EACH ROW WHEN (OLD.away IS DISTINCT FROM NEW.away
                       OR OLD.seen_at < NEW.seen_at - interval '120 seconds')
    EXECUTE FUNCTION frontline.agent_status_log();
CREATE TRIGGER agent_status_notify AFTER INSERT OR UPDATE ON frontline.agent_status
    FOR EACH STATEMENT EXECUTE FUNCTION frontline.notify_changes();

-- frontline.agent_status_beat(agent, away): the upsert both heartbeat
-- functions share: seen_at = now(); changed_at moves when the row makes
-- news (see the table). Internal: executed by the SECURITY DEFINER
-- functions below as their owner, by nobody else.
CREATE FUNCTION frontline.agent_status_beat(p_agent bigint, p_away boolean) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO frontline.agent_status AS s (agent_id, away, seen_at, changed_at)
    VALUES (p_agent, coalesce(p_away, false), now(), now())
    ON CONFLICT (agent_id) DO UPDATE
       SET away = excluded.away, seen_at = excluded.seen_at,
           changed_at = CASE WHEN s.away IS DISTINCT FROM excluded.away
                               OR s.seen_at < excluded.seen_at - interval '120 seconds'
                             THEN excluded.seen_at ELSE s.changed_at END
$$;

-- frontline.agent_heartbeat(away): the console's heartbeat (every 60 s,
-- and at once when the agent steps away or comes back): the calling
-- agent's agent_status row, seen now, away or not. Nothing for a role that
-- is not an agent. SECURITY DEFINER (nobody writes agent_status directly);
-- "the caller" is the role the session acts as: its SET ROLE, else the
-- login (session_user). Inside this function current_user is the owner,
-- and the role setting is what a caller can set only to a role it belongs
-- to, so nobody beats for someone else through here.
CREATE FUNCTION frontline.agent_heartbeat(p_away boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
DECLARE
    v_role  text := current_setting('role');
    v_agent bigint;
BEGIN
    IF v_role IS NULL OR v_role = 'none' THEN
        v_role := session_user;
    END IF;
    SELECT a.id INTO v_agent FROM frontline.agents a WHERE a.role_name = v_role;
    IF v_agent IS NOT NULL THEN
        PERFORM frontline.agent_status_beat(v_agent, p_away);
    END IF;
END $$;

-- frontline.agent_heartbeat_as(role, away): agent_heartbeat() for the agent
-- whose role is `role` (the demo's traffic simulator keeps its simulated
-- agents online). Nothing when the role is not an agent's. Admins only
-- (EXECUTE is granted to frontline_admin alone).
CREATE FUNCTION frontline.agent_heartbeat_as(p_role name, p_away boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
DECLARE
    v_agent bigint;
BEGIN
    SELECT a.id INTO v_agent FROM frontline.agents a WHERE a.role_name = p_role;
    IF v_agent IS NOT NULL THEN
        PERFORM frontline.agent_status_beat(v_agent, p_away);
    END IF;
END $$;

-- ---------------------------------------------------------------------------
-- 5. Periods and the queue screen's rows
-- ---------------------------------------------------------------------------

-- frontline.wallboard_period_start(period): where a period of the wallboard
-- starts: 'today' the start of today, '7d' of the day 6 days ago, '30d' of
-- the day 29 days ago (days of the session's TimeZone, a DST change
-- included); the period runs until sla_now(). Anything else is an error.
CREATE FUNCTION frontline.wallboard_period_start(p_period text) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_period IS NULL OR p_period NOT IN ('today', '7d', '30d') THEN
        RAISE EXCEPTION 'frontline: unknown period "%" (today, 7d, 30d)', p_period
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN date_trunc('day', frontline.sla_now())
         - CASE p_period WHEN '7d' THEN interval '6 days' WHEN '30d' THEN interval '29 days'
                         ELSE interval '0 days' END;
END $$;

-- frontline.queue_rows(tickets): the rows of queue_view() for these tickets,
-- in the order given (tickets the caller cannot see are left out): the
-- clock shown (the running one, else the paused one), its state, due time
-- and time left, then assignee_id, tags, updated_at and the other agents
-- on the ticket (viewers_of_as). Shared by queue_view() and
-- wallboard_tickets(), so the queue screen shows either.
CREATE FUNCTION frontline.queue_rows(p_ids bigint[])
RETURNS TABLE (id bigint, priority text, status text, channel text, customer_name text,
               subject text, created_at timestamptz, assignee text, clock text,
               clock_state text, due_at timestamptz, remaining interval, language text,
               assignee_id bigint, tags text[], updated_at timestamptz, viewers text)
LANGUAGE sql STABLE AS $$
    SELECT t.id, t.priority, t.status, t.channel, cu.name, t.subject, t.created_at,
           a.display_name,
           CASE WHEN t.sla_due_at IS NOT NULL THEN t.sla_clock ELSE t.sla_paused_clock END,
           CASE WHEN t.sla_due_at IS NOT NULL
                THEN CASE WHEN t.sla_due_at < n.now THEN 'breached' ELSE 'running' END
                WHEN t.sla_paused_clock IS NOT NULL THEN 'paused' END,
           CASE WHEN t.sla_due_at IS NOT NULL THEN t.sla_due_at ELSE sc.due_at END,
           CASE WHEN t.sla_due_at IS NOT NULL THEN t.sla_due_at - n.now ELSE t.sla_paused_remaining END,
           t.language, t.assignee_id, t.tags, t.updated_at, pv.viewers
      FROM (SELECT frontline.sla_now() AS now) AS n
     CROSS JOIN unnest(p_ids) WITH ORDINALITY AS o(tid, ord)
      JOIN frontline.tickets t ON t.id = o.tid
      JOIN frontline.customers cu ON cu.id = t.customer_id
      LEFT JOIN frontline.agents a ON a.id = t.assignee_id
      LEFT JOIN frontline.sla_clocks sc
             ON t.sla_due_at IS NULL AND sc.ticket_id = t.id AND sc.kind = t.sla_paused_clock
      LEFT JOIN (SELECT vw.ticket_id, vw.viewers FROM frontline.viewers_of_as(current_user, p_ids) AS vw) AS pv
             ON pv.ticket_id = t.id
     ORDER BY o.ord
$$;

-- frontline.queue_view(view, limit): as in 006 (same views, order and
-- columns); its rows now come from queue_rows(), which the wallboard's
-- drill-down shares.
CREATE OR REPLACE FUNCTION frontline.queue_view(p_view text, p_limit integer)
RETURNS TABLE (id bigint, priority text, status text, channel text, customer_name text,
               subject text, created_at timestamptz, assignee text, clock text,
               clock_state text, due_at timestamptz, remaining interval, language text,
               assignee_id bigint, tags text[], updated_at timestamptz, viewers text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
    v_me     bigint := frontline.current_agent_id();
    v_sup    boolean := frontline.is_supervisor();
    v_now    timestamptz := frontline.sla_now();
    v_queues bigint[];
    v_ids    bigint[];
BEGIN
    IF p_view IS NULL OR p_view NOT IN ('mine', 'team', 'all', 'waiting', 'breached') THEN
        RAISE EXCEPTION 'frontline: unknown queue view "%" (mine, team, all, waiting, breached)', p_view
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_limit IS NULL OR p_limit <= 0 OR (v_me IS NULL AND NOT v_sup) THEN
        RETURN;
    END IF;
    IF v_sup AND p_view <> 'team' THEN
        v_queues := ARRAY(SELECT q.id FROM frontline.queues q);
    ELSE
        v_queues := frontline.my_queue_ids();
    END IF;

    IF p_view = 'mine' THEN
        v_ids := ARRAY(
            SELECT t.id FROM frontline.tickets t
             WHERE t.assignee_id = v_me AND t.status NOT IN ('solved', 'closed')
             ORDER BY t.sla_due_at, t.sla_paused_remaining, frontline.priority_rank(t.priority), t.created_at, t.id
             LIMIT p_limit);
    ELSIF p_view = 'team' THEN
        v_ids := ARRAY(
            SELECT x.id FROM unnest(v_queues) AS q(qid)
             CROSS JOIN LATERAL (
                   SELECT t.id, t.sla_due_at, t.sla_paused_remaining,
                          frontline.priority_rank(t.priority) AS pr, t.created_at
                     FROM frontline.tickets t
                    WHERE t.queue_id = q.qid AND t.assignee_id IS NULL
                      AND t.status NOT IN ('solved', 'closed')
                    ORDER BY t.sla_due_at, t.sla_paused_remaining, frontline.priority_rank(t.priority),
                             t.created_at, t.id
                    LIMIT p_limit) AS x
             ORDER BY x.sla_due_at, x.sla_paused_remaining, x.pr, x.created_at, x.id
             LIMIT p_limit);
    ELSIF p_view = 'all' THEN
        v_ids := ARRAY(
            SELECT x.id FROM (
                   SELECT y.* FROM unnest(v_queues) AS q(qid)
                    CROSS JOIN LATERAL (
                          SELECT t.id, t.sla_due_at, t.sla_paused_remaining,
                                 frontline.priority_rank(t.priority) AS pr, t.created_at
                            FROM frontline.tickets t
                           WHERE t.queue_id = q.qid AND t.status NOT IN ('solved', 'closed')
                           ORDER BY t.sla_due_at, t.sla_paused_remaining, frontline.priority_rank(t.priority),
                                    t.created_at, t.id
                           LIMIT p_limit) AS y
                   UNION ALL
                   SELECT t.id, t.sla_due_at, t.sla_paused_remaining,
                          frontline.priority_rank(t.priority), t.created_at
                     FROM frontline.tickets t
                    WHERE NOT v_sup AND t.assignee_id = v_me AND t.queue_id <> ALL (v_queues)
                      AND t.status NOT IN ('solved', 'closed')
                  ) AS x
             ORDER BY x.sla_due_at, x.sla_paused_remaining, x.pr, x.created_at, x.id
             LIMIT p_limit);
    ELSIF p_view = 'waiting' THEN
        v_ids := ARRAY(
            SELECT x.id FROM (
                   SELECT y.* FROM unnest(v_queues) AS q(qid)
                    CROSS JOIN LATERAL (
                          SELECT t.id, t.sla_due_at, t.sla_paused_remaining,
                                 frontline.priority_rank(t.priority) AS pr, t.created_at
                            FROM frontline.tickets t
                           WHERE t.queue_id = q.qid AND t.status IN ('pending', 'on_hold')
                           ORDER BY t.sla_due_at, t.sla_paused_remaining, frontline.priority_rank(t.priority),
                                    t.created_at, t.id
                           LIMIT p_limit) AS y
                   UNION ALL
                   SELECT t.id, t.sla_due_at, t.sla_paused_remaining,
                          frontline.priority_rank(t.priority), t.created_at
                     FROM frontline.tickets t
                    WHERE NOT v_sup AND t.assignee_id = v_me AND t.queue_id <> ALL (v_queues)
                      AND t.status IN ('pending', 'on_hold')
                  ) AS x
             ORDER BY x.sla_due_at, x.sla_paused_remaining, x.pr, x.created_at, x.id
             LIMIT p_limit);
    ELSE  -- breached: running past due (the front of each queue), or paused after the due time
        v_ids := ARRAY(
            SELECT x.id FROM (
                   SELECT y.* FROM unnest(v_queues) AS q(qid)
                    CROSS JOIN LATERAL (
                          SELECT t.id, t.sla_due_at, t.sla_paused_remaining,
                                 frontline.priority_rank(t.priority) AS pr, t.created_at
                            FROM frontline.tickets t
                           WHERE t.queue_id = q.qid AND t.status NOT IN ('solved', 'closed')
                             AND t.sla_due_at < v_now
                           ORDER BY t.sla_due_at, t.sla_paused_remaining, frontline.priority_rank(t.priority),
                                    t.created_at, t.id
                           LIMIT p_limit) AS y
                   UNION ALL
                   SELECT y.* FROM unnest(v_queues) AS q(qid)
                    CROSS JOIN LATERAL (
                          SELECT t.id, t.sla_due_at, t.sla_paused_remaining,
                                 frontline.priority_rank(t.priority) AS pr, t.created_at
                            FROM frontline.tickets t
                           WHERE t.queue_id = q.qid AND t.status NOT IN ('solved', 'closed')
                             AND t.sla_due_at IS NULL AND t.sla_paused_remaining < interval '0'
                           ORDER BY t.sla_due_at, t.sla_paused_remaining, frontline.priority_rank(t.priority),
                                    t.created_at, t.id
                           LIMIT p_limit) AS y
                   UNION ALL
                   SELECT t.id, t.sla_due_at, t.sla_paused_remaining,
                          frontline.priority_rank(t.priority), t.created_at
                     FROM frontline.tickets t
                    WHERE NOT v_sup AND t.assignee_id = v_me AND t.queue_id <> ALL (v_queues)
                      AND t.status NOT IN ('solved', 'closed')
                      AND (t.sla_due_at < v_now OR (t.sla_due_at IS NULL AND t.sla_paused_remaining < interval '0'))
                  ) AS x
             ORDER BY x.sla_due_at, x.sla_paused_remaining, x.pr, x.created_at, x.id
             LIMIT p_limit);
    END IF;

    RETURN QUERY SELECT * FROM frontline.queue_rows(v_ids);
END $$;

-- ---------------------------------------------------------------------------
-- 6. The wallboard
-- ---------------------------------------------------------------------------

-- frontline.wallboard_queue(): the open tickets the caller can see, counted
-- per dimension: 'status' (key: the status code), 'priority' (the priority
-- code), 'channel' (the channel code), 'queue' (the queue's name); only
-- keys with tickets. Dimensions in that order; statuses and priorities in
-- workflow order (new, open, pending, on_hold; urgent, high, normal, low),
-- channels and queues by count, most first, then key.
CREATE FUNCTION frontline.wallboard_queue()
RETURNS TABLE (dimension text, key text, tickets bigint)
LANGUAGE sql STABLE SET jit = off AS $$
    WITH o AS MATERIALIZED (
        SELECT t.status, t.priority, t.channel, q.name AS queue
          FROM frontline.tickets t
          JOIN frontline.queues q ON q.id = t.queue_id
         WHERE t.status NOT IN ('solved', 'closed') AND t.merged_into_id IS NULL
    )
    SELECT g.dimension, g.key, g.n
      FROM (SELECT 1 AS dim, 'status' AS dimension, o.status AS key, count(*) AS n,
                   array_position(ARRAY['new', 'open', 'pending', 'on_hold'], o.status) AS rank
              FROM o GROUP BY o.status
            UNION ALL
            SELECT 2, 'priority', o.priority, count(*), frontline.priority_rank(o.priority)
              FROM o GROUP BY o.priority
            UNION ALL
            SELECT 3, 'channel', o.channel, count(*), 0 FROM o GROUP BY o.channel
            UNION ALL
            SELECT 4, 'queue', o.queue, count(*), 0 FROM o GROUP BY o.queue) AS g
     ORDER BY g.dim, g.rank, g.n DESC, g.key
$$;

-- frontline.wallboard_risk(): one row over the open tickets the caller can
-- see: how many, breached now, due within 15 and within 60 minutes, and the
-- oldest one waiting on us (new or open) with its age (nulls when there is
-- none). See the top of this file for the rules.
CREATE FUNCTION frontline.wallboard_risk()
RETURNS TABLE (open_tickets bigint, breached bigint, due_15 bigint, due_60 bigint,
               oldest_id bigint, oldest_subject text, oldest_created_at timestamptz,
               oldest_waiting interval)
LANGUAGE sql STABLE SET jit = off AS $$
    SELECT c.open_tickets, c.breached, c.due_15, c.due_60,
           w.id, w.subject, w.created_at, n.now - w.created_at
      FROM (SELECT frontline.sla_now() AS now) AS n
     CROSS JOIN LATERAL (
           SELECT count(*) AS open_tickets,
                  count(*) FILTER (WHERE t.sla_due_at < n.now
                                      OR (t.sla_due_at IS NULL AND t.sla_paused_remaining < interval '0')) AS breached,
                  count(*) FILTER (WHERE t.sla_due_at >= n.now
                                     AND t.sla_due_at < n.now + interval '15 minutes') AS due_15,
                  count(*) FILTER (WHERE t.sla_due_at >= n.now
                                     AND t.sla_due_at < n.now + interval '60 minutes') AS due_60
             FROM frontline.tickets t
            WHERE t.status NOT IN ('solved', 'closed') AND t.merged_into_id IS NULL) AS c
      LEFT JOIN LATERAL (
           SELECT t.id, t.subject, t.created_at
             FROM frontline.tickets t
            WHERE t.status IN ('new', 'open') AND t.merged_into_id IS NULL
            ORDER BY t.created_at, t.id
            LIMIT 1) AS w ON true
$$;

-- frontline.wallboard_agents(): the active agents who are not supervisors,
-- by team and name: presence ('online', 'away', 'offline'; see the top of
-- this file), the open tickets in their hands and the ticket they are on
-- now (their latest presence heartbeat within 60 s), their public replies
-- of today, the sum and number of today's answered CSAT scores on tickets
-- assigned to them, and their last heartbeat. Counts and tickets are those
-- the caller can see.
CREATE FUNCTION frontline.wallboard_agents()
RETURNS TABLE (agent_id bigint, name text, team text, presence text, in_hand bigint,
               current_ticket_id bigint, current_subject text, replies_today bigint,
               csat_today_sum bigint, csat_today_n bigint, seen_at timestamptz)
LANGUAGE sql STABLE SET jit = off AS $$
    WITH n AS (
        SELECT frontline.sla_now() AS now, date_trunc('day', frontline.sla_now()) AS day0
    ), connected AS (
        SELECT DISTINCT s.usename FROM pg_stat_activity s
         WHERE s.datname = current_database() AND s.backend_type = 'client backend'
           AND s.usename IS NOT NULL
    ), csat AS (
        SELECT t.assignee_id, sum(r.csat)::bigint AS total, count(r.csat) AS answers
          FROM n
          JOIN frontline.ratings r ON r.created_at >= n.day0 AND r.created_at < n.now
          JOIN frontline.tickets t ON t.id = r.ticket_id
         WHERE r.status = 'answered' AND r.csat IS NOT NULL AND t.assignee_id IS NOT NULL
         GROUP BY t.assignee_id
    )
    SELECT a.id, a.display_name, tm.name,
           CASE WHEN (st.agent_id IS NULL OR st.seen_at < now() - interval '120 seconds')
                     AND NOT EXISTS (SELECT 1 FROM connected c WHERE c.usename = a.role_name) THEN 'offline'
                WHEN st.away THEN 'away'
                ELSE 'online' END,
           (SELECT count(*) FROM frontline.tickets t
             WHERE t.assignee_id = a.id AND t.status NOT IN ('solved', 'closed') AND t.merged_into_id IS NULL),
           cur.ticket_id, cur.subject,
           (SELECT count(*) FROM frontline.messages m
             WHERE m.author_agent_id = a.id AND m.kind = 'reply'
               AND m.created_at >= n.day0 AND m.created_at < n.now),
           coalesce(cs.total, 0), coalesce(cs.answers, 0),
           st.seen_at
      FROM n
     CROSS JOIN frontline.agents a
      LEFT JOIN frontline.teams tm ON tm.id = a.team_id
      LEFT JOIN frontline.agent_status st ON st.agent_id = a.id
      LEFT JOIN csat cs ON cs.assignee_id = a.id
      LEFT JOIN LATERAL (
            SELECT p.ticket_id, t.subject
              FROM frontline.presence p
              JOIN frontline.tickets t ON t.id = p.ticket_id
             WHERE p.agent_id = a.id AND p.heartbeat_at > now() - interval '60 seconds'
             ORDER BY p.heartbeat_at DESC, p.ticket_id
             LIMIT 1) AS cur ON true
     WHERE a.active AND NOT a.is_supervisor
     ORDER BY tm.name NULLS LAST, a.display_name, a.id
$$;

-- frontline.wallboard_volume(from, to): the tickets created in [from, to)
-- that the caller can see, by 'channel' (key: the channel code) and by
-- 'topic' (key: the topic code of the ticket's rating, 'none' when it has
-- no rating or the rating no topic); each dimension by count, most first,
-- then key.
CREATE FUNCTION frontline.wallboard_volume(p_from timestamptz, p_to timestamptz)
RETURNS TABLE (dimension text, key text, tickets bigint)
LANGUAGE sql STABLE SET jit = off AS $$
    WITH s AS MATERIALIZED (
        SELECT s.channel, coalesce(s.topic, 'none') AS topic
          FROM frontline.ticket_stats s
         WHERE s.created_at >= p_from AND s.created_at < p_to
    )
    SELECT g.dimension, g.key, g.n
      FROM (SELECT 1 AS dim, 'channel' AS dimension, s.channel AS key, count(*) AS n FROM s GROUP BY s.channel
            UNION ALL
            SELECT 2, 'topic', s.topic, count(*) FROM s GROUP BY s.topic) AS g
     ORDER BY g.dim, g.n DESC, g.key
$$;

-- frontline.wallboard_best_answers(limit): the week's best-rated answers,
-- for the weekly review: the ratings given in the '7d' period, answered,
-- CSAT 5, best NPS first (none last), then the latest, at most `limit`
-- tickets that have a public reply; for each ticket every public reply
-- (messages kind 'reply'), oldest first, with its author's display name.
-- Rows by the ticket's rank, then the reply's time.
CREATE FUNCTION frontline.wallboard_best_answers(p_limit integer)
RETURNS TABLE (ticket_id bigint, subject text, agent text, csat smallint, nps smallint,
               rated_at timestamptz, reply_at timestamptz, body text)
LANGUAGE sql STABLE SET jit = off AS $$
    WITH best AS MATERIALIZED (
        SELECT r.ticket_id, r.csat, r.nps, r.created_at,
               row_number() OVER (ORDER BY r.nps DESC NULLS LAST, r.created_at DESC, r.ticket_id) AS rank
          FROM frontline.ratings r
         WHERE r.created_at >= frontline.wallboard_period_start('7d') AND r.created_at < frontline.sla_now()
           AND r.status = 'answered' AND r.csat = 5
           AND EXISTS (SELECT 1 FROM frontline.messages m WHERE m.ticket_id = r.ticket_id AND m.kind = 'reply')
         ORDER BY r.nps DESC NULLS LAST, r.created_at DESC, r.ticket_id
         LIMIT greatest(coalesce(p_limit, 0), 0)
    )
    SELECT b.ticket_id, t.subject, a.display_name, b.csat, b.nps, b.created_at, m.created_at, m.body
      FROM best b
      JOIN frontline.tickets t ON t.id = b.ticket_id
      JOIN frontline.messages m ON m.ticket_id = b.ticket_id AND m.kind = 'reply'
      LEFT JOIN frontline.agents a ON a.id = m.author_agent_id
     ORDER BY b.rank, m.created_at, m.id
$$;

-- frontline.wallboard_tickets(what, key, period, limit): the tickets behind
-- a number of the wallboard, at most `limit`, as rows of the queue screen
-- (queue_rows(): queue_view's columns). `what`:
--   status, priority, channel, queue   open tickets with that key (queue:
--                 the queue's name), as wallboard_queue() counts them;
--   risk          key 'breached', 'due_15' or 'due_60', as wallboard_risk();
--   oldest        the open tickets waiting on us (new, open), oldest first
--                 (key ignored);
--   agent         key = an agent's id: the open tickets in their hands;
--   with a period ('today', '7d', '30d'), the tickets created in it that
--   stats_figures() or wallboard_volume() counts for:
--     created, solved, reopened, frt (answered), resolution (solved), fcr
--     (rated resolved at first contact), csat (an answered CSAT), csat_low
--     (CSAT 1-3), nps_promoters (9-10), nps_passives (7-8), nps_detractors
--     (0-6), frt_breached, res_breached, channel_volume (key: the channel),
--     topic_volume (key: the topic code or 'none');
--   low           the tickets of feedback_view() (the low ratings feed),
--                 newest first.
-- Open tickets come in queue_view's order (most urgent first), period sets
-- newest first. Only tickets the caller can see (for 'low' too, although
-- an agent's feedback also lists tickets that have since moved away). An
-- unknown what, period or risk key, or a missing period, is an error
-- (22023); a limit that is null or not positive returns nothing.
CREATE FUNCTION frontline.wallboard_tickets(p_what text, p_key text, p_period text, p_limit integer)
RETURNS TABLE (id bigint, priority text, status text, channel text, customer_name text,
               subject text, created_at timestamptz, assignee text, clock text,
               clock_state text, due_at timestamptz, remaining interval, language text,
               assignee_id bigint, tags text[], updated_at timestamptz, viewers text)
LANGUAGE plpgsql STABLE SET jit = off AS $$
#variable_conflict use_column
DECLARE
    v_open   text[] := ARRAY['status', 'priority', 'channel', 'queue', 'risk', 'oldest', 'agent'];
    v_period text[] := ARRAY['created', 'solved', 'reopened', 'frt', 'resolution', 'fcr', 'csat', 'csat_low',
                             'nps_promoters', 'nps_passives', 'nps_detractors', 'frt_breached', 'res_breached',
                             'channel_volume', 'topic_volume'];
    v_now    timestamptz := frontline.sla_now();
    v_from   timestamptz;
    v_agent  bigint;
    v_ids    bigint[];
BEGIN
    IF p_what IS NULL OR NOT (p_what = ANY (v_open) OR p_what = ANY (v_period)
                              OR p_what IN ('low', 'agent_replies', 'agent_csat')) THEN
        RAISE EXCEPTION 'frontline: unknown wallboard figure "%" (%, low, agent_replies, agent_csat)', p_what,
                        array_to_string(v_open || v_period, ', ')
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_period IS NOT NULL AND p_period NOT IN ('today', '7d', '30d') THEN
        RAISE EXCEPTION 'frontline: unknown period "%" (today, 7d, 30d)', p_period
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_what = ANY (v_period) AND p_period IS NULL THEN
        RAISE EXCEPTION 'frontline: wallboard figure "%" needs a period (today, 7d, 30d)', p_what
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_what = 'risk' AND (p_key IS NULL OR p_key NOT IN ('breached', 'due_15', 'due_60')) THEN
        RAISE EXCEPTION 'frontline: unknown risk "%" (breached, due_15, due_60)', p_key
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_what IN ('agent', 'agent_replies', 'agent_csat') THEN
        IF p_key IS NULL OR p_key !~ '^[0-9]{1,18}$' THEN
            RAISE EXCEPTION 'frontline: wallboard figure "%" needs an agent id (got "%")', p_what, p_key
                  USING ERRCODE = 'invalid_parameter_value';
        END IF;
        v_agent := p_key::bigint;
    END IF;
    IF p_limit IS NULL OR p_limit <= 0 THEN
        RETURN;
    END IF;

    IF p_what = 'oldest' THEN
        v_ids := ARRAY(
            SELECT t.id FROM frontline.tickets t
             WHERE t.status IN ('new', 'open') AND t.merged_into_id IS NULL
             ORDER BY t.created_at, t.id
             LIMIT p_limit);
    ELSIF p_what = ANY (v_open) THEN
        v_ids := ARRAY(
            SELECT t.id FROM frontline.tickets t
             WHERE t.status NOT IN ('solved', 'closed') AND t.merged_into_id IS NULL
               AND CASE p_what
                     WHEN 'status'   THEN t.status = p_key
                     WHEN 'priority' THEN t.priority = p_key
                     WHEN 'channel'  THEN t.channel = p_key
                     WHEN 'queue'    THEN t.queue_id IN (SELECT q.id FROM frontline.queues q WHERE q.name = p_key)
                     WHEN 'agent'    THEN t.assignee_id = v_agent
                     ELSE CASE p_key
                            WHEN 'breached' THEN t.sla_due_at < v_now
                                                 OR (t.sla_due_at IS NULL AND t.sla_paused_remaining < interval '0')
                            WHEN 'due_15' THEN t.sla_due_at >= v_now AND t.sla_due_at < v_now + interval '15 minutes'
                            ELSE t.sla_due_at >= v_now AND t.sla_due_at < v_now + interval '60 minutes' END
                   END
             ORDER BY t.sla_due_at, t.sla_paused_remaining, frontline.priority_rank(t.priority), t.created_at, t.id
             LIMIT p_limit);
    ELSIF p_what IN ('agent_replies', 'agent_csat') THEN
        -- The agents panel's today: the tickets the agent answered
        -- publicly today, or whose CSAT given today counts for them, as
        -- wallboard_agents() counts them; the latest first.
        v_from := frontline.wallboard_period_start('today');
        v_ids := ARRAY(
            SELECT x.id FROM (
                   SELECT m.ticket_id AS id, max(m.created_at) AS at
                     FROM frontline.messages m
                    WHERE p_what = 'agent_replies' AND m.author_agent_id = v_agent AND m.kind = 'reply'
                      AND m.created_at >= v_from AND m.created_at < v_now
                    GROUP BY m.ticket_id
                   UNION ALL
                   SELECT r.ticket_id, r.created_at
                     FROM frontline.ratings r
                     JOIN frontline.tickets t ON t.id = r.ticket_id
                    WHERE p_what = 'agent_csat' AND t.assignee_id = v_agent
                      AND r.status = 'answered' AND r.csat IS NOT NULL
                      AND r.created_at >= v_from AND r.created_at < v_now) AS x
             ORDER BY x.at DESC, x.id DESC
             LIMIT p_limit);
    ELSIF p_what = 'low' THEN
        v_ids := ARRAY(
            SELECT f.ticket_id FROM frontline.feedback_view(p_limit) WITH ORDINALITY AS f
             ORDER BY f.ordinality);
    ELSE
        v_from := frontline.wallboard_period_start(p_period);
        v_ids := ARRAY(
            SELECT s.ticket_id FROM frontline.ticket_stats s
             WHERE s.created_at >= v_from AND s.created_at < v_now
               AND CASE p_what
                     WHEN 'created'        THEN true
                     WHEN 'solved'         THEN s.res_wall IS NOT NULL
                     WHEN 'resolution'     THEN s.res_wall IS NOT NULL
                     WHEN 'reopened'       THEN s.reopened
                     WHEN 'frt'            THEN s.frt_wall IS NOT NULL
                     WHEN 'fcr'            THEN coalesce(s.fcr, false)
                     WHEN 'csat'           THEN s.csat IS NOT NULL
                     WHEN 'csat_low'       THEN s.csat <= 3
                     WHEN 'nps_promoters'  THEN s.nps >= 9
                     WHEN 'nps_passives'   THEN s.nps BETWEEN 7 AND 8
                     WHEN 'nps_detractors' THEN s.nps <= 6
                     WHEN 'frt_breached'   THEN frontline.stats_breached(s.frt_met_late, s.frt_due_at,
                                                                         s.frt_paused_since, v_now)
                     WHEN 'res_breached'   THEN frontline.stats_breached(s.res_met_late, s.res_due_at,
                                                                         s.res_paused_since, v_now)
                     WHEN 'channel_volume' THEN s.channel = p_key
                     ELSE coalesce(s.topic, 'none') = p_key
                   END
             ORDER BY s.created_at DESC, s.ticket_id DESC
             LIMIT p_limit);
    END IF;

    RETURN QUERY SELECT * FROM frontline.queue_rows(v_ids);
END $$;

-- ---------------------------------------------------------------------------
-- 7. Privileges
-- ---------------------------------------------------------------------------

GRANT SELECT ON frontline.ticket_stats, frontline.agent_status TO frontline_agent, frontline_supervisor;

-- Trigger functions and internals: not for PUBLIC. The heartbeat functions
-- are SECURITY DEFINER: fenced from PUBLIC, then granted.
REVOKE EXECUTE ON FUNCTION frontline.ticket_stats_sync(),
                           frontline.ticket_stats_refresh(bigint[]),
                           frontline.ticket_stats_rebuild(timestamptz),
                           frontline.agent_status_log(),
                           frontline.agent_status_beat(bigint, boolean),
                           frontline.agent_heartbeat(boolean),
                           frontline.agent_heartbeat_as(name, boolean)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION frontline.ticket_stats_refresh(bigint[]),
                          frontline.ticket_stats_rebuild(timestamptz),
                          frontline.agent_heartbeat_as(name, boolean)
    TO frontline_admin;

-- The console's interface.
GRANT EXECUTE ON FUNCTION
    frontline.stats_breached(boolean, timestamptz, timestamptz, timestamptz),
    frontline.agent_heartbeat(boolean),
    frontline.wallboard_period_start(text),
    frontline.queue_rows(bigint[]),
    frontline.wallboard_queue(),
    frontline.wallboard_risk(),
    frontline.wallboard_agents(),
    frontline.wallboard_volume(timestamptz, timestamptz),
    frontline.wallboard_best_answers(integer),
    frontline.wallboard_tickets(text, text, text, integer)
TO frontline_agent, frontline_supervisor, frontline_admin;
