-- 006-agent-workflow.sql: the agent's working day as functions the console
-- calls with parameters: take the next ticket, the queue views and their
-- counts, the ticket screen, the customer panel, knowledge-base suggestions,
-- and the writes (replies and notes, status/priority/tags/assignee,
-- transfers with a handover note, merges, presence, drafts), plus pickers.
--
-- Rights: everything here runs with the caller's rights (row-level security
-- of 004 applies) except four small internal helpers that must look past
-- RLS: message_by_key_as(), ticket_thread_as(), viewers_of_as() and
-- presence_expire_as().
-- They follow transfer_ticket_as() of 004: SECURITY DEFINER, pinned
-- search_path, called by an invoker wrapper with current_user, and they
-- check that the login (session_user) may act as that role and that the
-- role may see the ticket (role_sees_ticket). Inside a SECURITY DEFINER
-- function current_user (and so current_agent_id()) is the owner, which is
-- why the caller's role is passed in rather than looked up.
--
-- Errors the console shows as they are (SQLSTATE in brackets):
--   frontline: ticket N is not visible to you      [42501]
--   frontline: ... is empty / required / unknown   [22023]
--   frontline: cannot merge ...                    [22023]
--
-- Idempotency: replies, notes, handover notes and merge notes carry the
-- client's key in messages.idempotency_key (unique); a retry finds the
-- message by its key, even when the ticket has since left the caller's
-- sight, and returns 'duplicate' without doing anything. The other writes
-- set a value and are idempotent by nature.

-- ---------------------------------------------------------------------------
-- Schema additions
-- ---------------------------------------------------------------------------

-- A handover note is the internal note written with a transfer; the ticket
-- screen shows the latest one on top.
ALTER TABLE frontline.messages ADD COLUMN handover boolean NOT NULL DEFAULT false;
ALTER TABLE frontline.messages ADD CONSTRAINT messages_handover_is_note CHECK (NOT handover OR kind = 'note');
CREATE INDEX messages_handover_idx ON frontline.messages (ticket_id, created_at) WHERE handover;

-- Tickets merged into a ticket (ticket_thread, merge).
CREATE INDEX tickets_merged_into_idx ON frontline.tickets (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- The full urgency order of agent_queue as index keys, ASC NULLS LAST:
-- running clocks by due time (breached first), then paused ones by least
-- time left, then no clock; ties by priority, age, id. Per queue, so that a
-- view or take_next reads each queue in order and stops after a page.
CREATE INDEX tickets_queue_urgency_idx ON frontline.tickets
    (queue_id, sla_due_at, sla_paused_remaining, frontline.priority_rank(priority), created_at, id)
    WHERE status NOT IN ('solved', 'closed');
-- The same for unassigned tickets only: take_next() and the 'team' view.
CREATE INDEX tickets_unassigned_urgency_idx ON frontline.tickets
    (queue_id, sla_due_at, sla_paused_remaining, frontline.priority_rank(priority), created_at, id)
    WHERE assignee_id IS NULL AND status NOT IN ('solved', 'closed');

-- Presence (003 logs arrivals, departures and activity changes, not
-- heartbeats). Changed here: a heartbeat after more than 60 s of silence is
-- an arrival too (the agent was shown as gone), so it is logged and the
-- other consoles hear of it.
DROP TRIGGER presence_changes_upd ON frontline.presence;
CREATE TRIGGER presence_changes_upd AFTER UPDATE ON frontline.presence
    FOR EACH ROW WHEN (OLD.activity IS DISTINCT FROM NEW.activity
                       OR OLD.ticket_id IS DISTINCT FROM NEW.ticket_id
                       OR OLD.heartbeat_at < NEW.heartbeat_at - interval '60 seconds')
    EXECUTE FUNCTION frontline.log_change();

-- Messages that move the SLA (customer, reply) lock their ticket FOR UPDATE
-- in messages_sla() (002), an AFTER trigger that runs after the foreign key
-- check has taken FOR KEY SHARE on the same ticket. Two such inserts on one
-- ticket at once then deadlock (each holds KEY SHARE and waits for the
-- other's to go away); reproducible with a note and a customer message in
-- one transaction against a concurrent customer message. Taking the strong
-- lock first, before the row is inserted, queues them instead.
CREATE FUNCTION frontline.messages_lock_ticket() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM frontline.tickets t WHERE t.id = NEW.ticket_id FOR UPDATE;
    RETURN NEW;
END $$;
CREATE TRIGGER messages_lock_ticket BEFORE INSERT ON frontline.messages
    FOR EACH ROW WHEN (NEW.kind IN ('customer', 'reply'))
    EXECUTE FUNCTION frontline.messages_lock_ticket();

-- ---------------------------------------------------------------------------
-- Small helpers
-- ---------------------------------------------------------------------------

-- frontline.ticket_fits(ticket language, ticket tags, agent languages,
-- agent skills): the ticket's language is null or one of the agent's (no
-- languages = any), and every tag 'skill:X' names a skill the agent has.
-- Skills must be given lower-cased and trimmed (take_next() does that).
CREATE FUNCTION frontline.ticket_fits(p_language text, p_tags text[], p_languages text[], p_skills text[])
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (p_language IS NULL OR coalesce(cardinality(p_languages), 0) = 0 OR p_language = ANY (p_languages))
       AND NOT EXISTS (SELECT 1 FROM unnest(p_tags) AS g(tag)
                        WHERE lower(g.tag) LIKE 'skill:%'
                          AND btrim(substr(lower(g.tag), 7)) <> ''
                          AND btrim(substr(lower(g.tag), 7)) <> ALL (coalesce(p_skills, '{}')))
$$;

-- frontline.normalize_tags(tags): lower-case, trimmed, no empty ones,
-- unique, sorted (byte order, so the same on every server).
CREATE FUNCTION frontline.normalize_tags(p_tags text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY(SELECT DISTINCT lower(btrim(g.tag, E' \t\r\n')) COLLATE "C"
                   FROM unnest(p_tags) AS g(tag)
                  WHERE btrim(g.tag, E' \t\r\n') <> ''
                  ORDER BY 1)
$$;

-- frontline.is_blank(text): null, empty or only white space.
CREATE FUNCTION frontline.is_blank(p_text text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT p_text IS NULL OR p_text ~ '^[[:space:]]*$'
$$;

-- frontline.require_visible(ticket): raise unless the caller sees the
-- ticket (row-level security decides); returns the ticket's queue.
CREATE FUNCTION frontline.require_visible(p_ticket bigint) RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_queue bigint;
BEGIN
    SELECT t.queue_id INTO v_queue FROM frontline.tickets t WHERE t.id = p_ticket;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'frontline: ticket % is not visible to you', p_ticket
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN v_queue;
END $$;

-- frontline.require_agent(): the caller's agents.id, or an error.
CREATE FUNCTION frontline.require_agent() RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_me bigint := frontline.current_agent_id();
BEGIN
    IF v_me IS NULL THEN
        RAISE EXCEPTION 'frontline: role % is not an agent', current_user
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN v_me;
END $$;

-- frontline.act_as_check(actor): the login may act as `actor` (it is that
-- role, or a member of it). For the SECURITY DEFINER helpers below.
CREATE FUNCTION frontline.act_as_check(p_actor name) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_actor IS NULL OR NOT pg_has_role(session_user, p_actor, 'MEMBER') THEN
        RAISE EXCEPTION 'frontline: % may not act as %', session_user, p_actor
              USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

-- frontline.message_by_key_as(actor, key): the message written by `actor`
-- with this idempotency key, whether or not its ticket is still visible to
-- them (a transfer moves it away; its retry must still see 'duplicate').
-- Only the actor's own messages are found, and only their id and ticket.
CREATE FUNCTION frontline.message_by_key_as(p_actor name, p_key text)
RETURNS TABLE (message_id bigint, ticket_id bigint, kind text, handover boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
BEGIN
    PERFORM frontline.act_as_check(p_actor);
    RETURN QUERY
    SELECT m.id, m.ticket_id, m.kind, m.handover
      FROM frontline.messages m
      JOIN frontline.agents a ON a.id = m.author_agent_id
     WHERE m.idempotency_key = p_key AND a.role_name = p_actor;
END $$;

-- frontline.key_owner_check(key): after an insert with this key did
-- nothing (ON CONFLICT): the id of the caller's message with the key (a
-- concurrent retry won the race), or an error when the key belongs to
-- someone else's message (a client bug: keys are random per write).
CREATE FUNCTION frontline.key_owner_check(p_key text) RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_id bigint;
BEGIN
    SELECT d.message_id INTO v_id FROM frontline.message_by_key_as(current_user, p_key) AS d;
    IF v_id IS NULL THEN
        RAISE EXCEPTION 'frontline: idempotency key % is already in use', p_key USING ERRCODE = 'unique_violation';
    END IF;
    RETURN v_id;
END $$;

-- ---------------------------------------------------------------------------
-- 1. Take the next ticket
-- ---------------------------------------------------------------------------

-- frontline.take_next(): assign to the calling agent the most urgent
-- unassigned ticket (not solved/closed) in their team's queues that fits
-- them (ticket_fits: language, 'skill:X' tags), in agent_queue's order;
-- 'new' becomes 'open'. Returns its id, or null when nothing fits.
--
-- Two agents never get the same ticket: the candidate is locked with
-- FOR UPDATE SKIP LOCKED, so a concurrent taker skips it (it does not wait)
-- and a ticket taken meanwhile fails the re-checked conditions. The
-- candidates are the first k fitting tickets in urgency order, read per
-- queue from tickets_unassigned_urgency_idx (each queue stops after k);
-- the lock goes to the first of them that is free. Only when all k are
-- locked by other takers at that instant is the list read again, 8 times
-- longer. No sort of the whole backlog, no waiting.
CREATE FUNCTION frontline.take_next() RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_me     bigint;
    v_langs  text[];
    v_skills text[];
    v_queues bigint[];
    v_cand   bigint[];
    v_any_lang boolean;
    v_k      integer := 16;
    v_id     bigint;
BEGIN
    SELECT a.id, a.languages,
           ARRAY(SELECT lower(btrim(s.skill)) FROM unnest(a.skills) AS s(skill))
      INTO v_me, v_langs, v_skills
      FROM frontline.agents a
     WHERE a.role_name = current_user AND a.active;
    IF v_me IS NULL THEN
        RETURN NULL;
    END IF;
    v_any_lang := coalesce(cardinality(v_langs), 0) = 0;
    v_queues := frontline.my_queue_ids();
    IF cardinality(v_queues) = 0 THEN
        RETURN NULL;
    END IF;

    LOOP
        v_cand := ARRAY(
            SELECT x.id
              FROM unnest(v_queues) AS q(qid)
             CROSS JOIN LATERAL (
                   SELECT t.id, t.sla_due_at, t.sla_paused_remaining,
                          frontline.priority_rank(t.priority) AS pr, t.created_at
                     FROM frontline.tickets t
                    WHERE t.queue_id = q.qid AND t.assignee_id IS NULL
                      AND t.status NOT IN ('solved', 'closed')
                      -- = ticket_fits(), written out: a SQL function with a
                      -- subquery is not inlined: ~10 us a row instead of ~2
                      AND (t.language IS NULL OR v_any_lang OR t.language = ANY (v_langs))
                      AND NOT EXISTS (SELECT 1 FROM unnest(t.tags) AS g(tag)
                                       WHERE lower(g.tag) LIKE 'skill:%'
                                         AND btrim(substr(lower(g.tag), 7)) <> ''
                                         AND btrim(substr(lower(g.tag), 7)) <> ALL (v_skills))
                    ORDER BY t.sla_due_at, t.sla_paused_remaining, frontline.priority_rank(t.priority),
                             t.created_at, t.id
                    LIMIT v_k) AS x
             ORDER BY x.sla_due_at, x.sla_paused_remaining, x.pr, x.created_at, x.id
             LIMIT v_k);
        IF cardinality(v_cand) = 0 THEN
            RETURN NULL;
        END IF;

        SELECT t.id INTO v_id
          FROM unnest(v_cand) WITH ORDINALITY AS c(id, n)
          JOIN frontline.tickets t ON t.id = c.id
         WHERE t.assignee_id IS NULL AND t.status NOT IN ('solved', 'closed')
           AND t.queue_id = ANY (v_queues)
           AND frontline.ticket_fits(t.language, t.tags, v_langs, v_skills)
         ORDER BY c.n
         LIMIT 1
           FOR UPDATE OF t SKIP LOCKED;

        IF v_id IS NOT NULL THEN
            UPDATE frontline.tickets t
               SET assignee_id = v_me,
                   status = CASE WHEN t.status = 'new' THEN 'open' ELSE t.status END
             WHERE t.id = v_id;
            RETURN v_id;
        END IF;
        IF cardinality(v_cand) < v_k THEN
            RETURN NULL;            -- every fitting ticket is being taken by someone else
        END IF;
        v_k := v_k * 8;
    END LOOP;
END $$;

-- ---------------------------------------------------------------------------
-- 2. Queue views and their counts
-- ---------------------------------------------------------------------------

-- frontline.viewers_of_as(actor, tickets): per ticket, the display names
-- of the OTHER agents with a presence heartbeat in the last 60 s, those
-- replying first: 'Boris (replying), Anna'; tickets nobody else is on are
-- absent. One query for a whole page. SECURITY DEFINER: read through
-- presence's row-level security (an EXISTS on tickets per row), the planner
-- may turn that check into a hash of every visible ticket, a sequential
-- scan of tickets on each refresh, whenever presence's statistics are off
-- (a small, busy table). Here the tickets are filtered once by the actor's
-- own rule (supervisor, assignee, team queues, as role_sees_ticket) instead.
CREATE FUNCTION frontline.viewers_of_as(p_actor name, p_tickets bigint[])
RETURNS TABLE (ticket_id bigint, viewers text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_me     bigint;
    v_team   bigint;
    v_active boolean;
    v_sup    boolean;
    v_queues bigint[];
BEGIN
    PERFORM frontline.act_as_check(p_actor);
    SELECT a.id, a.team_id, a.active INTO v_me, v_team, v_active FROM frontline.agents a WHERE a.role_name = p_actor;
    v_sup := pg_has_role(p_actor, 'frontline_supervisor', 'USAGE') OR pg_has_role(p_actor, 'frontline_admin', 'USAGE');
    v_queues := CASE WHEN v_active THEN ARRAY(SELECT q.id FROM frontline.queues q WHERE q.team_id = v_team) END;
    RETURN QUERY
    SELECT p.ticket_id,
           string_agg(a.display_name || CASE WHEN p.activity = 'replying' THEN ' (replying)' ELSE '' END,
                      ', ' ORDER BY p.activity = 'replying' DESC, a.display_name, a.id)
      FROM frontline.tickets t
      JOIN frontline.presence p ON p.ticket_id = t.id
      JOIN frontline.agents a ON a.id = p.agent_id
     WHERE t.id = ANY (p_tickets)
       AND (v_sup OR t.assignee_id = v_me OR t.queue_id = ANY (v_queues))
       AND p.agent_id IS DISTINCT FROM v_me
       AND p.heartbeat_at > now() - interval '60 seconds'
     GROUP BY p.ticket_id;
END $$;

-- frontline.queue_view(view, limit): the tickets of one view, most urgent
-- first in agent_queue's order, with agent_queue's columns and then
-- assignee_id, tags, updated_at and viewers (viewers_of_as). Views:
--   mine      assigned to me, not solved/closed
--   team      unassigned, not solved/closed, in my team's queues
--   all       every ticket I can see that is not solved/closed
--   waiting   pending or on hold, that I can see
--   breached  not solved/closed, a running clock past due or a clock that
--             was paused after its due time (ticket_clocks' 'breached')
-- "I can see" = row-level security: my team's queues and tickets assigned
-- to me; a supervisor sees every queue. Each view reads the urgency indexes
-- queue by queue and stops after `limit` rows per queue.
CREATE FUNCTION frontline.queue_view(p_view text, p_limit integer)
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

    RETURN QUERY
    SELECT t.id, t.priority, t.status, t.channel, cu.name, t.subject, t.created_at,
           a.display_name,
           CASE WHEN t.sla_due_at IS NOT NULL THEN t.sla_clock ELSE t.sla_paused_clock END,
           CASE WHEN t.sla_due_at IS NOT NULL
                THEN CASE WHEN t.sla_due_at < v_now THEN 'breached' ELSE 'running' END
                WHEN t.sla_paused_clock IS NOT NULL THEN 'paused' END,
           CASE WHEN t.sla_due_at IS NOT NULL THEN t.sla_due_at ELSE sc.due_at END,
           CASE WHEN t.sla_due_at IS NOT NULL THEN t.sla_due_at - v_now ELSE t.sla_paused_remaining END,
           t.language, t.assignee_id, t.tags, t.updated_at, pv.viewers
      FROM unnest(v_ids) WITH ORDINALITY AS o(tid, n)
      JOIN frontline.tickets t ON t.id = o.tid
      JOIN frontline.customers cu ON cu.id = t.customer_id
      LEFT JOIN frontline.agents a ON a.id = t.assignee_id
      LEFT JOIN frontline.sla_clocks sc
             ON t.sla_due_at IS NULL AND sc.ticket_id = t.id AND sc.kind = t.sla_paused_clock
      LEFT JOIN (SELECT vw.ticket_id, vw.viewers FROM frontline.viewers_of_as(current_user, v_ids) AS vw) AS pv
             ON pv.ticket_id = t.id
     ORDER BY o.n;
END $$;

-- frontline.queue_counts(): how many tickets each view of queue_view() holds
-- (without its limit): one row per view, in the order mine, team, all,
-- waiting, breached. One pass over the open tickets the caller can see (an
-- agent: two index ranges, their team's queues and their own tickets).
CREATE FUNCTION frontline.queue_counts()
RETURNS TABLE (view text, n bigint)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_me       bigint := frontline.current_agent_id();
    v_sup      boolean := frontline.is_supervisor();
    v_now      timestamptz := frontline.sla_now();
    v_queues   bigint[] := frontline.my_queue_ids();
    v_mine     bigint := 0;
    v_team     bigint := 0;
    v_all      bigint := 0;
    v_waiting  bigint := 0;
    v_breached bigint := 0;
BEGIN
    IF v_sup THEN
        SELECT count(*) FILTER (WHERE t.assignee_id = v_me),
               count(*) FILTER (WHERE t.assignee_id IS NULL AND t.queue_id = ANY (v_queues)),
               count(*),
               count(*) FILTER (WHERE t.status IN ('pending', 'on_hold')),
               count(*) FILTER (WHERE t.sla_due_at < v_now
                                   OR (t.sla_due_at IS NULL AND t.sla_paused_remaining < interval '0'))
          INTO v_mine, v_team, v_all, v_waiting, v_breached
          FROM frontline.tickets t
         WHERE t.status NOT IN ('solved', 'closed');
    ELSIF v_me IS NOT NULL THEN
        SELECT count(*) FILTER (WHERE t.assignee_id = v_me),
               count(*) FILTER (WHERE t.assignee_id IS NULL AND t.queue_id = ANY (v_queues)),
               count(*),
               count(*) FILTER (WHERE t.status IN ('pending', 'on_hold')),
               count(*) FILTER (WHERE t.sla_due_at < v_now
                                   OR (t.sla_due_at IS NULL AND t.sla_paused_remaining < interval '0'))
          INTO v_mine, v_team, v_all, v_waiting, v_breached
          FROM frontline.tickets t
         WHERE t.status NOT IN ('solved', 'closed')
           AND (t.queue_id = ANY (v_queues) OR t.assignee_id = v_me);
    END IF;
    RETURN QUERY VALUES ('mine'::text, v_mine), ('team', v_team), ('all', v_all),
                        ('waiting', v_waiting), ('breached', v_breached);
END $$;

-- ---------------------------------------------------------------------------
-- 3. The ticket screen
-- ---------------------------------------------------------------------------

-- frontline.ticket_header(ticket): one row (none when the ticket is not
-- visible). handover_* = the latest handover note (transfer()); 
-- last_message_id = the newest message of this ticket, to pass back as
-- send_message(p_seen_message). The clocks are in frontline.ticket_clocks.
-- Extra column at the end: queue_id.
CREATE FUNCTION frontline.ticket_header(p_ticket bigint)
RETURNS TABLE (id bigint, subject text, status text, priority text, channel text, tags text[],
               language text, customer_id bigint, customer_name text, organization_name text,
               assignee_id bigint, assignee text, queue text, created_at timestamptz,
               updated_at timestamptz, pause_reason text, follows_up_id bigint, merged_into_id bigint,
               handover_note text, handover_by text, handover_at timestamptz, last_message_id bigint,
               queue_id bigint)
LANGUAGE sql STABLE AS $$
    SELECT t.id, t.subject, t.status, t.priority, t.channel, t.tags, t.language,
           t.customer_id, cu.name, o.name, t.assignee_id, a.display_name, q.name,
           t.created_at, t.updated_at, t.pause_reason, t.follows_up_id, t.merged_into_id,
           h.body, ha.display_name, h.created_at,
           (SELECT max(m.id) FROM frontline.messages m WHERE m.ticket_id = t.id),
           t.queue_id
      FROM frontline.tickets t
      JOIN frontline.customers cu ON cu.id = t.customer_id
      LEFT JOIN frontline.organizations o ON o.id = cu.organization_id
      LEFT JOIN frontline.agents a ON a.id = t.assignee_id
      JOIN frontline.queues q ON q.id = t.queue_id
      LEFT JOIN LATERAL (
            SELECT m.body, m.author_agent_id, m.created_at
              FROM frontline.messages m
             WHERE m.ticket_id = t.id AND m.handover
             ORDER BY m.created_at DESC, m.id DESC
             LIMIT 1) AS h ON true
      LEFT JOIN frontline.agents ha ON ha.id = h.author_agent_id
     WHERE t.id = p_ticket
$$;

-- frontline.ticket_thread_as(actor, ticket): the body of ticket_thread().
-- SECURITY DEFINER because the tickets merged into this one may lie outside
-- the actor's sight (merged by a supervisor across teams, or this ticket
-- was transferred since): once merged, their messages are this ticket's
-- history. It checks that the login may act as `actor` and that `actor`
-- sees this ticket; otherwise it returns nothing, as RLS would.
CREATE FUNCTION frontline.ticket_thread_as(p_actor name, p_ticket bigint)
RETURNS TABLE (id bigint, ticket_id bigint, kind text, channel text, author text, body text,
               created_at timestamptz, handover boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
#variable_conflict use_column
DECLARE
    t record;
BEGIN
    PERFORM frontline.act_as_check(p_actor);
    SELECT x.queue_id, x.assignee_id INTO t FROM frontline.tickets x WHERE x.id = p_ticket;
    IF NOT FOUND OR NOT frontline.role_sees_ticket(p_actor, t.queue_id, t.assignee_id) THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH RECURSIVE thread (tid, depth) AS (
        SELECT p_ticket, 0
        UNION ALL
        SELECT x.id, th.depth + 1
          FROM thread th
          JOIN frontline.tickets x ON x.merged_into_id = th.tid
         WHERE th.depth < 20
    )
    SELECT m.id, m.ticket_id, m.kind, m.channel,
           CASE WHEN m.kind = 'customer' THEN coalesce(mc.name, tc.name)
                ELSE coalesce(ma.display_name, mc.name) END,
           m.body, m.created_at, m.handover
      FROM thread th
      JOIN frontline.messages m ON m.ticket_id = th.tid
      JOIN frontline.tickets mt ON mt.id = m.ticket_id
      JOIN frontline.customers tc ON tc.id = mt.customer_id
      LEFT JOIN frontline.customers mc ON mc.id = m.author_customer_id
      LEFT JOIN frontline.agents ma ON ma.id = m.author_agent_id
     ORDER BY m.created_at, m.id;
END $$;

-- frontline.ticket_thread(ticket): every message of the ticket and of the
-- tickets merged into it (recursively), oldest first; ticket_id says where
-- a message came from. author: the customer's name for customer messages,
-- the agent's display name for replies and notes, null for automatic ones.
-- Extra column at the end: handover (a transfer's note).
CREATE FUNCTION frontline.ticket_thread(p_ticket bigint)
RETURNS TABLE (id bigint, ticket_id bigint, kind text, channel text, author text, body text,
               created_at timestamptz, handover boolean)
LANGUAGE sql STABLE AS $$
    SELECT * FROM frontline.ticket_thread_as(current_user, p_ticket)
$$;

-- ---------------------------------------------------------------------------
-- 4. The customer panel
-- ---------------------------------------------------------------------------

-- frontline.customer_profile(customer): the profile (customers are readable
-- by every agent) with counts over the tickets the caller may see: created
-- in the last 90 days, not solved/closed now; the latest CSAT and NPS
-- answers on those tickets, and the NPS category (9-10 promoter, 7-8
-- passive, 0-6 detractor).
CREATE FUNCTION frontline.customer_profile(p_customer bigint)
RETURNS TABLE (id bigint, name text, email text, phone text, language text, tier text,
               time_zone text, notes text, organization_id bigint, organization_name text,
               tickets_90d bigint, open_now bigint, last_csat smallint, last_nps smallint,
               nps_category text)
LANGUAGE sql STABLE AS $$
    SELECT c.id, c.name, c.email, c.phone, c.language, c.tier, c.time_zone, c.notes,
           c.organization_id, o.name,
           (SELECT count(*) FROM frontline.tickets t
             WHERE t.customer_id = c.id AND t.created_at > now() - interval '90 days'),
           (SELECT count(*) FROM frontline.tickets t
             WHERE t.customer_id = c.id AND t.status NOT IN ('solved', 'closed')),
           rc.csat, rn.nps,
           CASE WHEN rn.nps >= 9 THEN 'promoter' WHEN rn.nps >= 7 THEN 'passive'
                WHEN rn.nps >= 0 THEN 'detractor' END
      FROM frontline.customers c
      LEFT JOIN frontline.organizations o ON o.id = c.organization_id
      LEFT JOIN LATERAL (
            SELECT r.csat FROM frontline.ratings r JOIN frontline.tickets t ON t.id = r.ticket_id
             WHERE t.customer_id = c.id AND r.csat IS NOT NULL
             ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS rc ON true
      LEFT JOIN LATERAL (
            SELECT r.nps FROM frontline.ratings r JOIN frontline.tickets t ON t.id = r.ticket_id
             WHERE t.customer_id = c.id AND r.nps IS NOT NULL
             ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS rn ON true
     WHERE c.id = p_customer
$$;

-- frontline.first_line(text): the first line that is not blank, trimmed,
-- at most 200 characters.
CREATE FUNCTION frontline.first_line(p_text text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT left(btrim(l.line, E' \t\r\n\f\v'), 200)
      FROM regexp_split_to_table(p_text, E'\n') WITH ORDINALITY AS l(line, n)
     WHERE btrim(l.line, E' \t\r\n\f\v') <> ''
     ORDER BY l.n
     LIMIT 1
$$;

-- frontline.customer_history(customer, include_org, exclude_ticket, limit):
-- the customer's tickets (with include_org: every ticket of every customer
-- of their organization), newest first, without exclude_ticket (the one on
-- screen), only those the caller may see. first_line: of the first
-- customer message.
CREATE FUNCTION frontline.customer_history(p_customer bigint, p_include_org boolean,
                                           p_exclude_ticket bigint, p_limit integer)
RETURNS TABLE (id bigint, customer_name text, channel text, status text, subject text,
               created_at timestamptz, solved_at timestamptz, csat smallint, first_line text)
LANGUAGE sql STABLE AS $$
    SELECT t.id, cu.name, t.channel, t.status, t.subject, t.created_at, t.solved_at, r.csat,
           (SELECT frontline.first_line(m.body) FROM frontline.messages m
             WHERE m.ticket_id = t.id AND m.kind = 'customer'
             ORDER BY m.created_at, m.id LIMIT 1)
      FROM frontline.tickets t
      JOIN frontline.customers cu ON cu.id = t.customer_id
      LEFT JOIN frontline.ratings r ON r.ticket_id = t.id
     WHERE t.customer_id = ANY (ARRAY(
               SELECT p_customer
               UNION
               SELECT c2.id FROM frontline.customers c1
                 JOIN frontline.customers c2 ON c2.organization_id = c1.organization_id
                WHERE p_include_org AND c1.id = p_customer))
       AND t.id IS DISTINCT FROM p_exclude_ticket
     ORDER BY t.created_at DESC, t.id DESC
     LIMIT greatest(coalesce(p_limit, 0), 0)
$$;

-- ---------------------------------------------------------------------------
-- 5. Knowledge base
-- ---------------------------------------------------------------------------

-- frontline.kb_headline_options(): ts_headline options for snippets: the
-- matches between \x02 and \x03 (the console draws them highlighted and
-- shows any other control character inert).
CREATE FUNCTION frontline.kb_headline_options() RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxFragments=2, MaxWords=25, MinWords=8'
$$;

-- frontline.kb_any_query(language, text): a tsquery that matches any of the
-- words of `text` (OR), normalised with the language's configuration: the
-- first 64 distinct lexemes by position, shorter than 2 characters dropped.
-- Null when there is nothing to search for. Built from the lexemes
-- directly (quoted), so nothing is stemmed twice and no input is syntax.
CREATE FUNCTION frontline.kb_any_query(p_language text, p_text text) RETURNS tsquery
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT nullif(string_agg('''' || replace(replace(x.lexeme, '\', '\\'), '''', '''''') || '''', ' | '
                             ORDER BY x.first), '')::tsquery
      FROM (SELECT v.lexeme, v.positions[1] AS first
              FROM unnest(to_tsvector(frontline.kb_config(p_language), left(coalesce(p_text, ''), 8000))) AS v
             WHERE char_length(v.lexeme) >= 2
             ORDER BY v.positions[1]
             LIMIT 64) AS x
$$;

-- frontline.kb_suggest(ticket, limit): articles for the ticket on screen:
-- its subject and latest customer message, any word (OR), in the ticket's
-- language, ranked by ts_rank_cd; when no article in that language matches,
-- English articles (the words normalised for English). Snippets from the
-- body with the matches between \x02 and \x03. Nothing when the ticket is
-- not visible.
CREATE FUNCTION frontline.kb_suggest(p_ticket bigint, p_limit integer)
RETURNS TABLE (id bigint, title text, snippet text, rank real, language text)
LANGUAGE plpgsql STABLE SET client_min_messages = warning AS $$
#variable_conflict use_column
DECLARE
    v_lang text;
    v_text text;
    v_l    text;
    v_q    tsquery;
BEGIN
    IF p_limit IS NULL OR p_limit <= 0 THEN
        RETURN;
    END IF;
    SELECT t.language,
           t.subject || E'\n' || coalesce((SELECT m.body FROM frontline.messages m
                                            WHERE m.ticket_id = t.id AND m.kind = 'customer'
                                            ORDER BY m.created_at DESC, m.id DESC LIMIT 1), '')
      INTO v_lang, v_text
      FROM frontline.tickets t WHERE t.id = p_ticket;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF v_lang IS NULL OR v_lang NOT IN ('en', 'ru', 'pl') THEN
        v_lang := 'en';
    END IF;
    FOREACH v_l IN ARRAY CASE WHEN v_lang = 'en' THEN ARRAY['en'] ELSE ARRAY[v_lang, 'en'] END LOOP
        v_q := frontline.kb_any_query(v_l, v_text);
        CONTINUE WHEN v_q IS NULL;
        RETURN QUERY
        SELECT x.id, x.title,
               ts_headline(frontline.kb_config(v_l), x.body, v_q, frontline.kb_headline_options()),
               x.rank, x.language
          FROM (SELECT a.id, a.title, a.body, a.language, ts_rank_cd(a.tsv, v_q) AS rank
                  FROM frontline.kb_articles a
                 WHERE a.language = v_l AND a.tsv @@ v_q
                 ORDER BY 5 DESC, a.id
                 LIMIT p_limit) AS x
         ORDER BY x.rank DESC, x.id;
        IF FOUND THEN
            RETURN;
        END IF;
    END LOOP;
END $$;

-- frontline.kb_search(query, language, limit): the search box:
-- websearch_to_tsquery syntax ("phrase", or, -not), which never rejects
-- input; in one language, or in all three when language is null (each with
-- its own configuration). Nothing for a query without words.
CREATE FUNCTION frontline.kb_search(p_query text, p_language text, p_limit integer)
RETURNS TABLE (id bigint, title text, snippet text, rank real, language text)
LANGUAGE sql STABLE SET client_min_messages = warning AS $$
    SELECT x.id, x.title,
           ts_headline(frontline.kb_config(x.language), x.body, x.q, frontline.kb_headline_options()),
           x.rank, x.language
      FROM (SELECT a.id, a.title, a.body, a.language, qq.q, ts_rank_cd(a.tsv, qq.q) AS rank
              FROM unnest(CASE WHEN p_language IS NULL THEN ARRAY['en', 'ru', 'pl'] ELSE ARRAY[p_language] END) AS l(lang)
             CROSS JOIN LATERAL (SELECT websearch_to_tsquery(frontline.kb_config(l.lang), coalesce(p_query, '')) AS q) AS qq
              JOIN frontline.kb_articles a ON a.language = l.lang AND a.tsv @@ qq.q
             WHERE numnode(qq.q) > 0
             ORDER BY 6 DESC, a.id
             LIMIT greatest(coalesce(p_limit, 0), 0)) AS x
     ORDER BY x.rank DESC, x.id
$$;

-- frontline.kb_article(id): one article.
CREATE FUNCTION frontline.kb_article(p_id bigint)
RETURNS TABLE (id bigint, title text, body text, language text, tags text[])
LANGUAGE sql STABLE AS $$
    SELECT a.id, a.title, a.body, a.language, a.tags FROM frontline.kb_articles a WHERE a.id = p_id
$$;

-- ---------------------------------------------------------------------------
-- 6. Writes
-- ---------------------------------------------------------------------------

-- frontline.send_message(ticket, kind, body, key, seen_message, force):
--   'duplicate' + its id   a message with this key exists (a retry): nothing written;
--   'conflict' + count     (unless force) the ticket got customer messages or
--                          other agents' replies/notes after seen_message
--                          (ticket_header.last_message_id): nothing written;
--   'sent' + the new id    written as the caller on the ticket's channel; the
--                          caller's draft for the ticket is deleted.
-- kind: 'reply' (to the customer: the SLA triggers run) or 'note'. A blank
-- body, a missing key or a ticket the caller cannot see is an error.
CREATE FUNCTION frontline.send_message(p_ticket bigint, p_kind text, p_body text, p_key text,
                                       p_seen_message bigint, p_force boolean)
RETURNS TABLE (status text, message_id bigint, newer_count integer)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_me      bigint;
    v_dup     record;
    v_channel text;
    v_newer   integer;
    v_id      bigint;
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('reply', 'note') THEN
        RAISE EXCEPTION 'frontline: unknown message kind "%" (reply or note)', p_kind
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF frontline.is_blank(p_key) THEN
        RAISE EXCEPTION 'frontline: an idempotency key is required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_me := frontline.require_agent();

    SELECT * INTO v_dup FROM frontline.message_by_key_as(current_user, p_key);
    IF FOUND THEN
        IF v_dup.ticket_id <> p_ticket THEN
            RAISE EXCEPTION 'frontline: idempotency key % was used for a message on ticket %', p_key, v_dup.ticket_id
                  USING ERRCODE = 'invalid_parameter_value';
        END IF;
        RETURN QUERY SELECT 'duplicate'::text, v_dup.message_id, 0;
        RETURN;
    END IF;
    IF frontline.is_blank(p_body) THEN
        RAISE EXCEPTION 'frontline: the message is empty' USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- Lock the ticket first: the conflict check and the insert see the
    -- same thread, and a concurrent sender waits here (not in a deadlock).
    SELECT t.channel INTO v_channel FROM frontline.tickets t WHERE t.id = p_ticket FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'frontline: ticket % is not visible to you', p_ticket
              USING ERRCODE = 'insufficient_privilege';
    END IF;

    IF NOT coalesce(p_force, false) THEN
        SELECT count(*) INTO v_newer
          FROM frontline.messages m
         WHERE m.ticket_id = p_ticket AND m.id > coalesce(p_seen_message, 0)
           AND (m.kind = 'customer'
                OR (m.kind IN ('reply', 'note') AND m.author_agent_id IS DISTINCT FROM v_me));
        IF v_newer > 0 THEN
            RETURN QUERY SELECT 'conflict'::text, NULL::bigint, v_newer;
            RETURN;
        END IF;
    END IF;

    INSERT INTO frontline.messages AS m (ticket_id, kind, author_agent_id, channel, body, idempotency_key)
    VALUES (p_ticket, p_kind, v_me, v_channel, p_body, p_key)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING m.id INTO v_id;
    IF v_id IS NULL THEN            -- the same key committed meanwhile (a concurrent retry)
        v_id := frontline.key_owner_check(p_key);
        RETURN QUERY SELECT 'duplicate'::text, v_id, 0;
        RETURN;
    END IF;
    DELETE FROM frontline.drafts d WHERE d.agent_id = v_me AND d.ticket_id = p_ticket;
    RETURN QUERY SELECT 'sent'::text, v_id, 0;
END $$;

-- frontline.set_status / set_priority (ticket, value): set one field; the
-- triggers of 002 move the clocks. A ticket the caller cannot see is an
-- error (RLS makes it look absent). Setting the current value changes
-- nothing and logs nothing.
CREATE FUNCTION frontline.set_status(p_ticket bigint, p_status text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_status IS NULL OR p_status NOT IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed') THEN
        RAISE EXCEPTION 'frontline: unknown status "%" (new, open, pending, on_hold, solved, closed)', p_status
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE frontline.tickets t SET status = p_status WHERE t.id = p_ticket;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'frontline: ticket % is not visible to you', p_ticket
              USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

CREATE FUNCTION frontline.set_priority(p_ticket bigint, p_priority text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_priority IS NULL OR p_priority NOT IN ('low', 'normal', 'high', 'urgent') THEN
        RAISE EXCEPTION 'frontline: unknown priority "%" (low, normal, high, urgent)', p_priority
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE frontline.tickets t SET priority = p_priority WHERE t.id = p_ticket;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'frontline: ticket % is not visible to you', p_ticket
              USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

-- frontline.set_tags(ticket, tags): replace the tags, normalised
-- (normalize_tags: lower-case, trimmed, unique, sorted).
CREATE FUNCTION frontline.set_tags(p_ticket bigint, p_tags text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE frontline.tickets t SET tags = frontline.normalize_tags(p_tags) WHERE t.id = p_ticket;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'frontline: ticket % is not visible to you', p_ticket
              USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

-- frontline.assign(ticket, agent): set the assignee (null = unassign) to an
-- active agent. The ticket stays in its queue; assigning a ticket the
-- caller sees only as its assignee to someone else would take it out of
-- their sight: that is a transfer (transfer()), and is refused here.
CREATE FUNCTION frontline.assign(p_ticket bigint, p_agent bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_agent IS NOT NULL AND NOT EXISTS (SELECT 1 FROM frontline.agents a WHERE a.id = p_agent AND a.active) THEN
        RAISE EXCEPTION 'frontline: agent % does not exist or is not active', p_agent
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM frontline.require_visible(p_ticket);
    BEGIN
        UPDATE frontline.tickets t SET assignee_id = p_agent WHERE t.id = p_ticket;
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'frontline: assigning ticket % to agent % would take it out of your sight; transfer it instead',
                        p_ticket, p_agent
              USING ERRCODE = 'insufficient_privilege';
    END;
END $$;

-- frontline.transfer(ticket, queue, agent, note, key): hand a ticket over to
-- another queue (null = keep the queue) and agent (null = unassigned). The
-- note is required: it is stored as an internal note marked handover (the
-- next person sees it on top of the ticket, ticket_header.handover_*), then
-- transfer_ticket() (004) moves the ticket, possibly out of the caller's
-- sight. Idempotent by key: 'transferred' + the note's id, or 'duplicate'
-- + the note's id when this key was already used (nothing is done again).
CREATE FUNCTION frontline.transfer(p_ticket bigint, p_queue bigint, p_agent bigint, p_note text, p_key text)
RETURNS TABLE (status text, message_id bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_me    bigint;
    v_dup   record;
    v_queue bigint;
    v_chan  text;
    v_id    bigint;
BEGIN
    IF frontline.is_blank(p_key) THEN
        RAISE EXCEPTION 'frontline: an idempotency key is required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_me := frontline.require_agent();
    SELECT * INTO v_dup FROM frontline.message_by_key_as(current_user, p_key);
    IF FOUND THEN
        IF v_dup.ticket_id <> p_ticket OR NOT v_dup.handover THEN
            RAISE EXCEPTION 'frontline: idempotency key % was used for another message', p_key
                  USING ERRCODE = 'invalid_parameter_value';
        END IF;
        RETURN QUERY SELECT 'duplicate'::text, v_dup.message_id;
        RETURN;
    END IF;
    IF frontline.is_blank(p_note) THEN
        RAISE EXCEPTION 'frontline: a transfer needs a handover note for the next person'
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_agent IS NOT NULL AND NOT EXISTS (SELECT 1 FROM frontline.agents a WHERE a.id = p_agent AND a.active) THEN
        RAISE EXCEPTION 'frontline: agent % does not exist or is not active', p_agent
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_queue IS NOT NULL AND NOT EXISTS (SELECT 1 FROM frontline.queues q WHERE q.id = p_queue) THEN
        RAISE EXCEPTION 'frontline: queue % does not exist', p_queue USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- Lock first (see send_message), then note, then move.
    SELECT t.queue_id, t.channel INTO v_queue, v_chan FROM frontline.tickets t WHERE t.id = p_ticket FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'frontline: ticket % is not visible to you', p_ticket
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO frontline.messages AS m (ticket_id, kind, author_agent_id, channel, body, idempotency_key, handover)
    VALUES (p_ticket, 'note', v_me, v_chan, p_note, p_key, true)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING m.id INTO v_id;
    IF v_id IS NULL THEN            -- the same key committed meanwhile (a concurrent retry)
        v_id := frontline.key_owner_check(p_key);
        RETURN QUERY SELECT 'duplicate'::text, v_id;
        RETURN;
    END IF;
    PERFORM frontline.transfer_ticket(p_ticket, coalesce(p_queue, v_queue), p_agent);
    RETURN QUERY SELECT 'transferred'::text, v_id;
END $$;

-- frontline.merge(source, target, key): the source ticket becomes part of
-- the target: merged_into_id = target, status closed, and the target gets
-- the internal note 'Merged ticket #N: subject'. ticket_thread(target) then
-- shows the source's messages. Refused (clear error): merging a ticket into
-- itself, into a ticket that is itself merged elsewhere, a ticket already
-- merged, or tickets of different customers unless both customers belong to
-- the same organization. The caller must see both tickets. Idempotent by
-- key: 'merged' or 'duplicate', with the note's id.
CREATE FUNCTION frontline.merge(p_source bigint, p_target bigint, p_key text)
RETURNS TABLE (status text, message_id bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_me  bigint;
    v_dup record;
    s     record;
    g     record;
    v_id  bigint;
BEGIN
    IF frontline.is_blank(p_key) THEN
        RAISE EXCEPTION 'frontline: an idempotency key is required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_me := frontline.require_agent();
    SELECT * INTO v_dup FROM frontline.message_by_key_as(current_user, p_key);
    IF FOUND THEN
        IF v_dup.ticket_id <> p_target THEN
            RAISE EXCEPTION 'frontline: idempotency key % was used for another message', p_key
                  USING ERRCODE = 'invalid_parameter_value';
        END IF;
        RETURN QUERY SELECT 'duplicate'::text, v_dup.message_id;
        RETURN;
    END IF;
    IF p_source IS NULL OR p_target IS NULL THEN
        RAISE EXCEPTION 'frontline: merge needs a source and a target ticket' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_source = p_target THEN
        RAISE EXCEPTION 'frontline: cannot merge ticket % into itself', p_source
              USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- Both rows locked, in id order (two merges of the same pair queue up).
    PERFORM 1 FROM frontline.tickets t WHERE t.id IN (p_source, p_target) ORDER BY t.id FOR UPDATE;
    SELECT t.id, t.subject, t.customer_id, t.merged_into_id, c.organization_id INTO s
      FROM frontline.tickets t JOIN frontline.customers c ON c.id = t.customer_id WHERE t.id = p_source;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'frontline: ticket % is not visible to you', p_source
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT t.id, t.channel, t.customer_id, t.merged_into_id, c.organization_id INTO g
      FROM frontline.tickets t JOIN frontline.customers c ON c.id = t.customer_id WHERE t.id = p_target;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'frontline: ticket % is not visible to you', p_target
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF g.merged_into_id IS NOT NULL THEN
        RAISE EXCEPTION 'frontline: cannot merge into ticket %: it was merged into ticket %', p_target, g.merged_into_id
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF s.merged_into_id IS NOT NULL THEN
        RAISE EXCEPTION 'frontline: ticket % is already merged into ticket %', p_source, s.merged_into_id
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF s.customer_id <> g.customer_id
       AND (s.organization_id IS NULL OR s.organization_id IS DISTINCT FROM g.organization_id) THEN
        RAISE EXCEPTION 'frontline: cannot merge ticket % into ticket %: different customers, not of the same organization',
                        p_source, p_target
              USING ERRCODE = 'invalid_parameter_value';
    END IF;

    INSERT INTO frontline.messages AS m (ticket_id, kind, author_agent_id, channel, body, idempotency_key)
    VALUES (p_target, 'note', v_me, g.channel, format('Merged ticket #%s: %s', s.id, s.subject), p_key)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING m.id INTO v_id;
    IF v_id IS NULL THEN            -- the same key committed meanwhile (a concurrent retry)
        v_id := frontline.key_owner_check(p_key);
        RETURN QUERY SELECT 'duplicate'::text, v_id;
        RETURN;
    END IF;
    UPDATE frontline.tickets t SET merged_into_id = p_target, status = 'closed' WHERE t.id = p_source;
    RETURN QUERY SELECT 'merged'::text, v_id;
END $$;

-- ---------------------------------------------------------------------------
-- Presence
-- ---------------------------------------------------------------------------

-- frontline.presence_expire_as(actor, ticket): delete presence rows whose
-- heartbeat is older than 60 s on this ticket (anyone's: their console is
-- gone) and the actor's own stale rows elsewhere. Each deletion is logged
-- (003), so the other consoles drop the name. SECURITY DEFINER because
-- agents may delete only their own rows; the actor must see the ticket.
CREATE FUNCTION frontline.presence_expire_as(p_actor name, p_ticket bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
DECLARE
    t record;
BEGIN
    PERFORM frontline.act_as_check(p_actor);
    SELECT x.queue_id, x.assignee_id INTO t FROM frontline.tickets x WHERE x.id = p_ticket;
    IF NOT FOUND OR NOT frontline.role_sees_ticket(p_actor, t.queue_id, t.assignee_id) THEN
        RAISE EXCEPTION 'frontline: ticket % is not visible to %', p_ticket, p_actor
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM frontline.presence p
     WHERE p.heartbeat_at < now() - interval '60 seconds'
       AND (p.ticket_id = p_ticket
            OR p.agent_id = (SELECT a.id FROM frontline.agents a WHERE a.role_name = p_actor));
END $$;

-- frontline.presence_touch(ticket, activity): the console's heartbeat while
-- a ticket is open (every 20-30 s, and at once when the activity changes):
-- 'viewing' or 'replying'. One upsert; a changes row (and a NOTIFY) only
-- when the agent arrives, changes activity, or comes back after more than
-- 60 s of silence; heartbeats alone write none. Also expires stale rows
-- (presence_expire_as).
CREATE FUNCTION frontline.presence_touch(p_ticket bigint, p_activity text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_me bigint;
BEGIN
    IF p_activity IS NULL OR p_activity NOT IN ('viewing', 'replying') THEN
        RAISE EXCEPTION 'frontline: unknown activity "%" (viewing or replying)', p_activity
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_me := frontline.require_agent();
    PERFORM frontline.require_visible(p_ticket);
    INSERT INTO frontline.presence AS p (agent_id, ticket_id, activity, heartbeat_at)
    VALUES (v_me, p_ticket, p_activity, now())
    ON CONFLICT (agent_id, ticket_id) DO UPDATE
       SET activity = excluded.activity, heartbeat_at = excluded.heartbeat_at;
    PERFORM frontline.presence_expire_as(current_user, p_ticket);
END $$;

-- frontline.presence_leave(ticket): the agent closed the ticket (logged:
-- the others see the name go).
CREATE FUNCTION frontline.presence_leave(p_ticket bigint) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM frontline.presence p
     WHERE p.agent_id = frontline.current_agent_id() AND p.ticket_id = p_ticket
$$;

-- ---------------------------------------------------------------------------
-- Drafts
-- ---------------------------------------------------------------------------

-- frontline.draft_save(ticket, body): keep the caller's unsent text for the
-- ticket (upsert); a blank body deletes the draft. The ticket must be
-- visible.
CREATE FUNCTION frontline.draft_save(p_ticket bigint, p_body text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_me bigint := frontline.require_agent();
BEGIN
    IF frontline.is_blank(p_body) THEN
        DELETE FROM frontline.drafts d WHERE d.agent_id = v_me AND d.ticket_id = p_ticket;
        RETURN;
    END IF;
    PERFORM frontline.require_visible(p_ticket);
    INSERT INTO frontline.drafts AS d (agent_id, ticket_id, body, updated_at)
    VALUES (v_me, p_ticket, p_body, now())
    ON CONFLICT (agent_id, ticket_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at;
END $$;

-- frontline.draft_get(ticket): the caller's draft for the ticket, or null.
CREATE FUNCTION frontline.draft_get(p_ticket bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT d.body FROM frontline.drafts d
     WHERE d.agent_id = frontline.current_agent_id() AND d.ticket_id = p_ticket
$$;

-- ---------------------------------------------------------------------------
-- Pickers
-- ---------------------------------------------------------------------------

-- frontline.agents_list(): active agents by team and name. online: the
-- agent has a session in this database, or a presence heartbeat within
-- 60 s on a ticket the caller can see.
CREATE FUNCTION frontline.agents_list()
RETURNS TABLE (id bigint, display_name text, team text, is_supervisor boolean, online boolean)
LANGUAGE sql STABLE AS $$
    WITH connected AS (
        SELECT DISTINCT s.usename FROM pg_stat_activity s
         WHERE s.datname = current_database() AND s.backend_type = 'client backend'
    )
    SELECT a.id, a.display_name, tm.name, a.is_supervisor,
           a.role_name IN (SELECT c.usename FROM connected c)
           OR EXISTS (SELECT 1 FROM frontline.presence p
                       WHERE p.agent_id = a.id AND p.heartbeat_at > now() - interval '60 seconds')
      FROM frontline.agents a
      LEFT JOIN frontline.teams tm ON tm.id = a.team_id
     WHERE a.active
     ORDER BY tm.name NULLS LAST, a.display_name, a.id
$$;

-- frontline.queues_list(): every queue (transfer targets), by team and name.
CREATE FUNCTION frontline.queues_list()
RETURNS TABLE (id bigint, name text, team text)
LANGUAGE sql STABLE AS $$
    SELECT q.id, q.name, tm.name
      FROM frontline.queues q
      LEFT JOIN frontline.teams tm ON tm.id = q.team_id
     ORDER BY tm.name NULLS LAST, q.name, q.id
$$;

-- frontline.macros_list(language): macros for everyone and for the
-- caller's team (a supervisor: all), in one language (null = all), by name.
CREATE FUNCTION frontline.macros_list(p_language text)
RETURNS TABLE (id bigint, name text, language text, body text)
LANGUAGE sql STABLE AS $$
    SELECT m.id, m.name, m.language, m.body
      FROM frontline.macros m
     WHERE (p_language IS NULL OR m.language = p_language)
       AND (m.team_id IS NULL
            OR m.team_id = (SELECT a.team_id FROM frontline.agents a WHERE a.role_name = current_user)
            OR frontline.is_supervisor())
     ORDER BY m.name, m.id
$$;

-- ---------------------------------------------------------------------------
-- 7. Privileges
-- ---------------------------------------------------------------------------

-- The SECURITY DEFINER helpers: only the frontline groups (they check the
-- login's right to the role they are told to act as).
REVOKE EXECUTE ON FUNCTION frontline.message_by_key_as(name, text),
                           frontline.ticket_thread_as(name, bigint),
                           frontline.viewers_of_as(name, bigint[]),
                           frontline.presence_expire_as(name, bigint)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION frontline.message_by_key_as(name, text),
                          frontline.ticket_thread_as(name, bigint),
                          frontline.viewers_of_as(name, bigint[]),
                          frontline.presence_expire_as(name, bigint)
    TO frontline_agent, frontline_supervisor, frontline_admin;

-- The console's interface (also reachable through PUBLIC, but only by roles
-- with USAGE on the schema: these groups).
GRANT EXECUTE ON FUNCTION
    frontline.take_next(),
    frontline.queue_view(text, integer),
    frontline.queue_counts(),
    frontline.ticket_header(bigint),
    frontline.ticket_thread(bigint),
    frontline.customer_profile(bigint),
    frontline.customer_history(bigint, boolean, bigint, integer),
    frontline.kb_suggest(bigint, integer),
    frontline.kb_search(text, text, integer),
    frontline.kb_article(bigint),
    frontline.send_message(bigint, text, text, text, bigint, boolean),
    frontline.set_status(bigint, text),
    frontline.set_priority(bigint, text),
    frontline.set_tags(bigint, text[]),
    frontline.assign(bigint, bigint),
    frontline.transfer(bigint, bigint, bigint, text, text),
    frontline.merge(bigint, bigint, text),
    frontline.presence_touch(bigint, text),
    frontline.presence_leave(bigint),
    frontline.draft_save(bigint, text),
    frontline.draft_get(bigint),
    frontline.agents_list(),
    frontline.queues_list(),
    frontline.macros_list(text)
TO frontline_agent, frontline_supervisor, frontline_admin;
