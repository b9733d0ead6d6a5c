-- 002-sla.sql: business time and SLA clocks. This file is the one source of
-- truth for SLA arithmetic; the C core only counts down what it reads here.
--
-- Time: every clock event uses frontline.sla_now() (now(), or the `frontline.now`
-- setting for superusers/admins, see 001-core.sql). Events caused by a
-- message use the message's created_at, which is now() unless a privileged
-- role (an import) wrote it explicitly.

-- ---------------------------------------------------------------------------
-- Business time
-- ---------------------------------------------------------------------------

-- frontline.business_seconds(calendar, a, b): business seconds in [a, b) on
-- the calendar: its weekly hours, read in the calendar's own time zone
-- (local date + opens/closes converted with AT TIME ZONE, so a DST change is
-- right), minus holidays. Walks day by day, and skips whole weeks at once when
-- a week has no holiday and no DST change, so a month costs a few dozen steps.
-- A null calendar means 24/7 wall-clock time. Returns 0 when b <= a.
CREATE FUNCTION frontline.business_seconds(p_calendar_id bigint, p_a timestamptz, p_b timestamptz)
RETURNS double precision
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    v_tz        text;
    v_dow       smallint[];
    v_open      time[];
    v_close     time[];
    v_first     int[] := array_fill(0, ARRAY[7]);   -- per isodow: first index into v_open/v_close
    v_last      int[] := array_fill(-1, ARRAY[7]);  -- per isodow: last index
    v_week      double precision := 0;              -- business seconds in a week without holidays/DST
    v_hol       date[];
    v_hi        int := 1;
    v_day       date;
    v_end_day   date;
    v_start_day date;
    v_d         int;
    v_s         timestamptz;
    v_e         timestamptz;
    v_sum       double precision := 0;
BEGIN
    IF p_a IS NULL OR p_b IS NULL OR p_b <= p_a THEN
        RETURN 0;
    END IF;
    IF p_calendar_id IS NULL THEN
        RETURN extract(epoch FROM p_b - p_a);
    END IF;

    SELECT c.time_zone INTO v_tz FROM frontline.calendars c WHERE c.id = p_calendar_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'frontline: calendar % does not exist', p_calendar_id;
    END IF;
    SELECT array_agg(h.isodow ORDER BY h.isodow, h.opens),
           array_agg(h.opens  ORDER BY h.isodow, h.opens),
           array_agg(h.closes ORDER BY h.isodow, h.opens)
      INTO v_dow, v_open, v_close
      FROM frontline.calendar_hours h WHERE h.calendar_id = p_calendar_id;
    IF v_dow IS NULL THEN
        RETURN 0;                       -- a calendar that is never open
    END IF;
    FOR i IN 1 .. cardinality(v_dow) LOOP
        IF v_first[v_dow[i]] = 0 THEN v_first[v_dow[i]] := i; END IF;
        v_last[v_dow[i]] := i;
        v_week := v_week + extract(epoch FROM v_close[i] - v_open[i]);
    END LOOP;

    v_start_day := (p_a AT TIME ZONE v_tz)::date;
    v_end_day   := (p_b AT TIME ZONE v_tz)::date;
    SELECT array_agg(ho.day ORDER BY ho.day) INTO v_hol
      FROM frontline.holidays ho
     WHERE ho.calendar_id = p_calendar_id AND ho.day BETWEEN v_start_day AND v_end_day;
    v_hol := coalesce(v_hol, '{}');

    v_day := v_start_day;
    WHILE v_day <= v_end_day LOOP
        WHILE v_hi <= cardinality(v_hol) AND v_hol[v_hi] < v_day LOOP
            v_hi := v_hi + 1;
        END LOOP;
        -- A whole week strictly inside (a, b), without holiday or DST change.
        IF v_day > v_start_day AND v_day + 7 <= v_end_day
           AND (v_hi > cardinality(v_hol) OR v_hol[v_hi] >= v_day + 7)
           AND ((v_day + 7)::timestamp AT TIME ZONE v_tz) - (v_day::timestamp AT TIME ZONE v_tz) = interval '7 days'
        THEN
            v_sum := v_sum + v_week;
            v_day := v_day + 7;
            CONTINUE;
        END IF;
        IF NOT (v_hi <= cardinality(v_hol) AND v_hol[v_hi] = v_day) THEN
            v_d := extract(isodow FROM v_day);
            FOR i IN v_first[v_d] .. v_last[v_d] LOOP
                v_s := (v_day + v_open[i])  AT TIME ZONE v_tz;
                v_e := (v_day + v_close[i]) AT TIME ZONE v_tz;
                IF v_s < p_a THEN v_s := p_a; END IF;
                IF v_e > p_b THEN v_e := p_b; END IF;
                IF v_e > v_s THEN
                    v_sum := v_sum + extract(epoch FROM v_e - v_s);
                END IF;
            END LOOP;
        END IF;
        v_day := v_day + 1;
    END LOOP;
    RETURN v_sum;
END $$;

-- frontline.business_minutes(calendar, a, b): business minutes between a and
-- b, rounded to the nearest minute; negative when b is before a.
CREATE FUNCTION frontline.business_minutes(p_calendar_id bigint, p_a timestamptz, p_b timestamptz)
RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p_b >= p_a
                THEN round(frontline.business_seconds(p_calendar_id, p_a, p_b) / 60)::integer
                ELSE -round(frontline.business_seconds(p_calendar_id, p_b, p_a) / 60)::integer
           END
$$;

-- frontline.business_add(calendar, from, minutes): the instant at which
-- `minutes` business minutes have passed since `from`. Same walk as
-- business_seconds (day by day in local time, whole weeks at once). A due time
-- that falls exactly on closing time stays there (Friday 17:00, not Monday
-- 09:00). minutes <= 0 returns `from`. A null calendar is 24/7.
CREATE FUNCTION frontline.business_add(p_calendar_id bigint, p_from timestamptz, p_minutes integer)
RETURNS timestamptz
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    v_tz        text;
    v_dow       smallint[];
    v_open      time[];
    v_close     time[];
    v_first     int[] := array_fill(0, ARRAY[7]);
    v_last      int[] := array_fill(-1, ARRAY[7]);
    v_week      double precision := 0;
    v_hol       date[];
    v_hi        int := 1;
    v_left      double precision;   -- business seconds still to add
    v_day       date;
    v_start_day date;
    v_d         int;
    v_s         timestamptz;
    v_e         timestamptz;
    v_avail     double precision;
BEGIN
    IF p_from IS NULL OR p_minutes IS NULL THEN
        RETURN NULL;
    END IF;
    IF p_minutes <= 0 THEN
        RETURN p_from;
    END IF;
    IF p_calendar_id IS NULL THEN
        RETURN p_from + make_interval(mins => p_minutes);
    END IF;

    SELECT c.time_zone INTO v_tz FROM frontline.calendars c WHERE c.id = p_calendar_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'frontline: calendar % does not exist', p_calendar_id;
    END IF;
    SELECT array_agg(h.isodow ORDER BY h.isodow, h.opens),
           array_agg(h.opens  ORDER BY h.isodow, h.opens),
           array_agg(h.closes ORDER BY h.isodow, h.opens)
      INTO v_dow, v_open, v_close
      FROM frontline.calendar_hours h WHERE h.calendar_id = p_calendar_id;
    IF v_dow IS NULL THEN
        RAISE EXCEPTION 'frontline: calendar % has no business hours', p_calendar_id;
    END IF;
    FOR i IN 1 .. cardinality(v_dow) LOOP
        IF v_first[v_dow[i]] = 0 THEN v_first[v_dow[i]] := i; END IF;
        v_last[v_dow[i]] := i;
        v_week := v_week + extract(epoch FROM v_close[i] - v_open[i]);
    END LOOP;

    v_start_day := (p_from AT TIME ZONE v_tz)::date;
    SELECT array_agg(ho.day ORDER BY ho.day) INTO v_hol
      FROM frontline.holidays ho
     WHERE ho.calendar_id = p_calendar_id AND ho.day >= v_start_day;
    v_hol := coalesce(v_hol, '{}');

    v_left := p_minutes * 60.0;
    v_day := v_start_day;
    LOOP
        IF v_day > v_start_day + 3660 THEN
            RAISE EXCEPTION 'frontline: calendar % has no business time within ten years of %', p_calendar_id, p_from;
        END IF;
        WHILE v_hi <= cardinality(v_hol) AND v_hol[v_hi] < v_day LOOP
            v_hi := v_hi + 1;
        END LOOP;
        -- Skip a whole week when it cannot hold the due time.
        IF v_day > v_start_day AND v_left > v_week
           AND (v_hi > cardinality(v_hol) OR v_hol[v_hi] >= v_day + 7)
           AND ((v_day + 7)::timestamp AT TIME ZONE v_tz) - (v_day::timestamp AT TIME ZONE v_tz) = interval '7 days'
        THEN
            v_left := v_left - v_week;
            v_day := v_day + 7;
            CONTINUE;
        END IF;
        IF NOT (v_hi <= cardinality(v_hol) AND v_hol[v_hi] = v_day) THEN
            v_d := extract(isodow FROM v_day);
            FOR i IN v_first[v_d] .. v_last[v_d] LOOP
                v_s := (v_day + v_open[i])  AT TIME ZONE v_tz;
                v_e := (v_day + v_close[i]) AT TIME ZONE v_tz;
                CONTINUE WHEN v_e <= p_from;
                IF v_s < p_from THEN v_s := p_from; END IF;
                v_avail := extract(epoch FROM v_e - v_s);
                IF v_left <= v_avail THEN
                    RETURN v_s + make_interval(secs => v_left);
                END IF;
                v_left := v_left - v_avail;
            END LOOP;
        END IF;
        v_day := v_day + 1;
    END LOOP;
END $$;

-- ---------------------------------------------------------------------------
-- Clocks
-- ---------------------------------------------------------------------------

-- One row per ticket and clock. Invariant:
--   due_at = business_add(policy calendar, started_at, target_minutes + paused_minutes)
-- Running: met_at and paused_since null. Paused: paused_since set (the ticket
-- is pending/on_hold). Met: met_at set; met_by says whether a public reply
-- met it or the ticket was solved/closed (which stops every clock).
CREATE TABLE frontline.sla_clocks (
    ticket_id       bigint NOT NULL REFERENCES frontline.tickets(id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('first_response', 'next_response', 'resolution')),
    target_minutes  integer NOT NULL,
    started_at      timestamptz NOT NULL,
    paused_since    timestamptz,
    paused_minutes  integer NOT NULL DEFAULT 0,
    due_at          timestamptz NOT NULL,
    met_at          timestamptz,
    met_by          text CHECK (met_by IN ('reply', 'solved')),
    PRIMARY KEY (ticket_id, kind)
);
-- For the wallboard: running and paused clocks by due time.
CREATE INDEX sla_clocks_open_due_idx ON frontline.sla_clocks (due_at) WHERE met_at IS NULL;

-- frontline.policy_calendar(policy): the calendar a policy counts on (null = 24/7).
CREATE FUNCTION frontline.policy_calendar(p_policy_id bigint) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT calendar_id FROM frontline.sla_policies WHERE id = p_policy_id
$$;

-- frontline.ts_text(t): a timestamptz as text that reads back exactly,
-- whatever the session's DateStyle (used to carry times in settings).
CREATE FUNCTION frontline.ts_text(p_t timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_char(p_t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

-- frontline.sla_plan(policy, priority, at): the clocks a new ticket gets
-- (first_response and resolution, where the policy has a target for this
-- priority) and their due times if started at `at`.
CREATE FUNCTION frontline.sla_plan(p_policy_id bigint, p_priority text, p_at timestamptz)
RETURNS TABLE (kind text, target_minutes integer, due_at timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT x.kind, x.target, frontline.business_add(p.calendar_id, p_at, x.target)
      FROM frontline.sla_policies p
      JOIN frontline.sla_targets t ON t.policy_id = p.id AND t.priority = p_priority
     CROSS JOIN LATERAL (VALUES ('first_response', t.first_response_minutes),
                                ('resolution',     t.resolution_minutes)) AS x(kind, target)
     WHERE p.id = p_policy_id AND x.target IS NOT NULL
$$;

-- frontline.sla_summary(ticket): what tickets denormalises: the nearest due
-- among running clocks, and, when none runs, the paused clock with the least
-- (frozen) time left.
CREATE FUNCTION frontline.sla_summary(p_ticket_id bigint,
    OUT due_at timestamptz, OUT clock text, OUT paused_clock text, OUT paused_remaining interval)
LANGUAGE sql STABLE AS $$
    SELECT r.due_at, r.kind, p.kind, p.remaining
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (
            SELECT c.due_at, c.kind FROM frontline.sla_clocks c
             WHERE c.ticket_id = p_ticket_id AND c.met_at IS NULL AND c.paused_since IS NULL
             ORDER BY c.due_at, c.kind LIMIT 1) AS r ON true
      LEFT JOIN LATERAL (
            SELECT c.kind, c.due_at - c.paused_since AS remaining FROM frontline.sla_clocks c
             WHERE c.ticket_id = p_ticket_id AND c.met_at IS NULL AND c.paused_since IS NOT NULL
             ORDER BY 2, 1 LIMIT 1) AS p ON r.kind IS NULL
$$;

-- frontline.sla_on_status(ticket, policy, old, new, at): move the clocks when
-- the status changes at `at`.
--   to pending/on_hold: running clocks pause (paused_since = at);
--   back to new/open:   paused_minutes += business minutes of the pause, due moves;
--   to solved/closed:   every unmet clock is met (met_by 'solved'): this meets
--                       resolution and stops first/next response;
--   out of solved/closed: the resolution clock that the solve stopped runs on,
--                       the time spent solved counting as paused.
CREATE FUNCTION frontline.sla_on_status(p_ticket_id bigint, p_policy_id bigint,
                                        p_old text, p_new text, p_at timestamptz)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_cal        bigint := frontline.policy_calendar(p_policy_id);
    v_old_done   boolean := p_old IN ('solved', 'closed');
    v_new_done   boolean := p_new IN ('solved', 'closed');
    v_old_paused boolean := p_old IN ('pending', 'on_hold');
    v_new_paused boolean := p_new IN ('pending', 'on_hold');
BEGIN
    IF v_old_done AND NOT v_new_done THEN
        UPDATE frontline.sla_clocks c
           SET paused_minutes = q.pm,
               due_at = frontline.business_add(v_cal, c.started_at, c.target_minutes + q.pm),
               met_at = NULL, met_by = NULL,
               paused_since = CASE WHEN v_new_paused THEN p_at END
          FROM (SELECT c2.kind, c2.paused_minutes + frontline.business_minutes(v_cal, c2.met_at, p_at) AS pm
                  FROM frontline.sla_clocks c2
                 WHERE c2.ticket_id = p_ticket_id AND c2.kind = 'resolution' AND c2.met_by = 'solved') AS q
         WHERE c.ticket_id = p_ticket_id AND c.kind = q.kind;
    ELSIF v_new_done AND NOT v_old_done THEN
        UPDATE frontline.sla_clocks c
           SET paused_minutes = q.pm,
               due_at = CASE WHEN q.pm = c.paused_minutes THEN c.due_at
                             ELSE frontline.business_add(v_cal, c.started_at, c.target_minutes + q.pm) END,
               paused_since = NULL, met_at = p_at, met_by = 'solved'
          FROM (SELECT c2.kind, c2.paused_minutes
                       + CASE WHEN c2.paused_since IS NULL THEN 0
                              ELSE frontline.business_minutes(v_cal, c2.paused_since, p_at) END AS pm
                  FROM frontline.sla_clocks c2
                 WHERE c2.ticket_id = p_ticket_id AND c2.met_at IS NULL) AS q
         WHERE c.ticket_id = p_ticket_id AND c.kind = q.kind;
    ELSIF v_new_paused AND NOT v_old_paused THEN
        UPDATE frontline.sla_clocks c
           SET paused_since = p_at
         WHERE c.ticket_id = p_ticket_id AND c.met_at IS NULL AND c.paused_since IS NULL;
    ELSIF v_old_paused AND NOT v_new_paused THEN
        UPDATE frontline.sla_clocks c
           SET paused_minutes = q.pm,
               due_at = frontline.business_add(v_cal, c.started_at, c.target_minutes + q.pm),
               paused_since = NULL
          FROM (SELECT c2.kind, c2.paused_minutes + frontline.business_minutes(v_cal, c2.paused_since, p_at) AS pm
                  FROM frontline.sla_clocks c2
                 WHERE c2.ticket_id = p_ticket_id AND c2.met_at IS NULL AND c2.paused_since IS NOT NULL) AS q
         WHERE c.ticket_id = p_ticket_id AND c.kind = q.kind;
    END IF;
END $$;

-- frontline.sla_retarget(ticket row, at): after a priority or policy change,
-- unmet clocks take the targets of the new priority/policy and their due
-- times move (started_at and paused time are kept); a clock the new targets
-- lack is dropped; a first_response/resolution clock the old ones lacked
-- starts as if from the ticket's creation.
CREATE FUNCTION frontline.sla_retarget(p_t frontline.tickets, p_at timestamptz)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_cal bigint := frontline.policy_calendar(p_t.sla_policy_id);
    v_fr  integer;
    v_nr  integer;
    v_res integer;
BEGIN
    SELECT t.first_response_minutes, t.next_response_minutes, t.resolution_minutes
      INTO v_fr, v_nr, v_res
      FROM frontline.sla_targets t
     WHERE t.policy_id = p_t.sla_policy_id AND t.priority = p_t.priority;

    UPDATE frontline.sla_clocks c
       SET target_minutes = x.target,
           due_at = frontline.business_add(v_cal, c.started_at, x.target + c.paused_minutes)
      FROM (VALUES ('first_response', v_fr), ('next_response', v_nr), ('resolution', v_res)) AS x(kind, target)
     WHERE c.ticket_id = p_t.id AND c.kind = x.kind AND c.met_at IS NULL AND x.target IS NOT NULL;

    DELETE FROM frontline.sla_clocks c
     USING (VALUES ('first_response', v_fr), ('next_response', v_nr), ('resolution', v_res)) AS x(kind, target)
     WHERE c.ticket_id = p_t.id AND c.kind = x.kind AND c.met_at IS NULL AND x.target IS NULL;

    IF p_t.status NOT IN ('solved', 'closed') THEN
        INSERT INTO frontline.sla_clocks (ticket_id, kind, target_minutes, started_at, paused_since, due_at)
        SELECT p_t.id, x.kind, x.target, p_t.created_at,
               CASE WHEN p_t.status IN ('pending', 'on_hold') THEN p_at END,
               frontline.business_add(v_cal, p_t.created_at, x.target)
          FROM (VALUES ('first_response', v_fr), ('resolution', v_res)) AS x(kind, target)
         WHERE x.target IS NOT NULL
           AND NOT (x.kind = 'first_response' AND p_t.first_response_at IS NOT NULL)
        ON CONFLICT (ticket_id, kind) DO NOTHING;
    END IF;
END $$;

-- frontline.sla_recompute(ticket): recompute due_at of every clock of a
-- ticket from the invariant and refresh the ticket's denormalised columns.
-- For admins after editing a calendar, its holidays or a policy's targets
-- (existing clocks are not moved automatically by such edits).
CREATE FUNCTION frontline.sla_recompute(p_ticket_id bigint)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_cal bigint := (SELECT frontline.policy_calendar(t.sla_policy_id)
                       FROM frontline.tickets t WHERE t.id = p_ticket_id);
BEGIN
    UPDATE frontline.sla_clocks c
       SET due_at = frontline.business_add(v_cal, c.started_at, c.target_minutes + c.paused_minutes)
     WHERE c.ticket_id = p_ticket_id;
    UPDATE frontline.tickets t SET sla_due_at = t.sla_due_at WHERE t.id = p_ticket_id;  -- the trigger refreshes
END $$;

-- ---------------------------------------------------------------------------
-- Ticket triggers
-- ---------------------------------------------------------------------------

-- Before insert: fill defaults that depend on other rows (policy from the
-- queue, language from the customer), pin created_at to now for roles that
-- may not backdate, and set the denormalised SLA columns from the plan that
-- tickets_sla_start() will store.
CREATE FUNCTION frontline.tickets_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    p record;
BEGIN
    IF NOT frontline.is_privileged() THEN
        NEW.created_at := frontline.sla_now();
    END IF;
    NEW.updated_at := NEW.created_at;
    IF NEW.sla_policy_id IS NULL THEN
        SELECT q.default_policy_id INTO NEW.sla_policy_id FROM frontline.queues q WHERE q.id = NEW.queue_id;
    END IF;
    IF NEW.language IS NULL THEN
        SELECT c.language INTO NEW.language FROM frontline.customers c WHERE c.id = NEW.customer_id;
    END IF;
    IF NEW.status IN ('solved', 'closed') THEN
        NEW.solved_at := coalesce(NEW.solved_at, NEW.created_at);
    END IF;
    IF NEW.status = 'closed' THEN
        NEW.closed_at := coalesce(NEW.closed_at, NEW.created_at);
    END IF;
    NEW.sla_due_at := NULL;
    NEW.sla_clock := NULL;
    NEW.sla_paused_clock := NULL;
    NEW.sla_paused_remaining := NULL;
    IF NEW.sla_policy_id IS NOT NULL AND NEW.status NOT IN ('solved', 'closed') THEN
        SELECT x.kind, x.due_at INTO p
          FROM frontline.sla_plan(NEW.sla_policy_id, NEW.priority, NEW.created_at) AS x
         WHERE NOT (x.kind = 'first_response' AND NEW.first_response_at IS NOT NULL)
         ORDER BY x.due_at, x.kind LIMIT 1;
        IF FOUND THEN
            IF NEW.status IN ('pending', 'on_hold') THEN
                NEW.sla_paused_clock := p.kind;
                NEW.sla_paused_remaining := p.due_at - NEW.created_at;
            ELSE
                NEW.sla_due_at := p.due_at;
                NEW.sla_clock := p.kind;
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- After insert: start the first_response and resolution clocks from the
-- policy's targets for the ticket's priority (paused from the start when the
-- ticket is created pending/on_hold). Tickets created solved or closed
-- (imports) get no clocks.
CREATE FUNCTION frontline.tickets_sla_start() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.sla_policy_id IS NOT NULL AND NEW.status NOT IN ('solved', 'closed') THEN
        INSERT INTO frontline.sla_clocks (ticket_id, kind, target_minutes, started_at, paused_since, due_at)
        SELECT NEW.id, x.kind, x.target_minutes, NEW.created_at,
               CASE WHEN NEW.status IN ('pending', 'on_hold') THEN NEW.created_at END,
               x.due_at
          FROM frontline.sla_plan(NEW.sla_policy_id, NEW.priority, NEW.created_at) AS x
         WHERE NOT (x.kind = 'first_response' AND NEW.first_response_at IS NOT NULL);
    END IF;
    RETURN NULL;
END $$;

-- Before update: keep updated_at/solved_at/closed_at, move the clocks on a
-- status, priority or policy change, then refresh the denormalised SLA
-- columns (sla_due_at, sla_clock, sla_paused_*) from sla_clocks.
CREATE FUNCTION frontline.tickets_before_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_at timestamptz := frontline.sla_now();
BEGIN
    -- Timestamps are the triggers' business: a role that may not backdate
    -- cannot write them directly (the message trigger's own update, one
    -- trigger level down, sets first_response_at).
    IF pg_trigger_depth() = 1 AND NOT frontline.is_privileged() THEN
        NEW.created_at := OLD.created_at;
        NEW.first_response_at := OLD.first_response_at;
        NEW.solved_at := OLD.solved_at;
        NEW.closed_at := OLD.closed_at;
    END IF;
    NEW.updated_at := v_at;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF NEW.status = 'solved' THEN
            NEW.solved_at := v_at;
            NEW.closed_at := NULL;
        ELSIF NEW.status = 'closed' THEN
            NEW.solved_at := coalesce(NEW.solved_at, v_at);
            NEW.closed_at := v_at;
        ELSE
            NEW.solved_at := NULL;
            NEW.closed_at := NULL;
        END IF;
        IF NEW.status NOT IN ('pending', 'on_hold') THEN
            NEW.pause_reason := NULL;
        END IF;
        PERFORM frontline.sla_on_status(NEW.id, OLD.sla_policy_id, OLD.status, NEW.status, v_at);
    END IF;
    IF NEW.priority IS DISTINCT FROM OLD.priority OR NEW.sla_policy_id IS DISTINCT FROM OLD.sla_policy_id THEN
        PERFORM frontline.sla_retarget(NEW, v_at);
    END IF;
    SELECT s.due_at, s.clock, s.paused_clock, s.paused_remaining
      INTO NEW.sla_due_at, NEW.sla_clock, NEW.sla_paused_clock, NEW.sla_paused_remaining
      FROM frontline.sla_summary(NEW.id) AS s;
    RETURN NEW;
END $$;

-- Clocks are moved only by the triggers in this file: a direct INSERT,
-- UPDATE or DELETE on sla_clocks (trigger depth 1) is refused unless the
-- role is privileged (admins repairing data). RLS limits the rest.
CREATE FUNCTION frontline.sla_clocks_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() < 2 AND NOT frontline.is_privileged() THEN
        RAISE EXCEPTION 'frontline.sla_clocks is maintained by triggers (% refused)', TG_OP
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER sla_clocks_guard BEFORE INSERT OR UPDATE OR DELETE ON frontline.sla_clocks
    FOR EACH ROW EXECUTE FUNCTION frontline.sla_clocks_guard();

CREATE TRIGGER tickets_before_insert BEFORE INSERT ON frontline.tickets
    FOR EACH ROW EXECUTE FUNCTION frontline.tickets_before_insert();
CREATE TRIGGER tickets_sla_start AFTER INSERT ON frontline.tickets
    FOR EACH ROW EXECUTE FUNCTION frontline.tickets_sla_start();
CREATE TRIGGER tickets_before_update BEFORE UPDATE ON frontline.tickets
    FOR EACH ROW EXECUTE FUNCTION frontline.tickets_before_update();

-- ---------------------------------------------------------------------------
-- Message triggers
-- ---------------------------------------------------------------------------

-- Before insert: roles that may not backdate get created_at = now; replies
-- and notes are signed by the current agent when no author is given.
CREATE FUNCTION frontline.messages_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT frontline.is_privileged() THEN
        NEW.created_at := frontline.sla_now();
    END IF;
    IF NEW.kind IN ('reply', 'note') AND NEW.author_agent_id IS NULL THEN
        NEW.author_agent_id := frontline.current_agent_id();
    END IF;
    RETURN NEW;
END $$;

-- After insert: what a message does to the SLA, at the message's created_at.
--   reply:    meets first_response and next_response; a 'new' ticket becomes 'open';
--   customer: after the first response, starts next_response (or restarts
--             it when the last one was met; while one is still running the
--             oldest unanswered message keeps governing it); reopens a
--             pending, on_hold or solved ticket. A closed ticket stays
--             closed (the console opens a follow-up ticket instead).
--   note, auto: nothing (an automatic acknowledgement is not a response).
CREATE FUNCTION frontline.messages_sla() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    t       frontline.tickets;
    v_at    timestamptz := NEW.created_at;
    v_cal   bigint;
    v_nr    integer;
    v_prev  text;
    v_moved boolean := false;
BEGIN
    IF NEW.kind NOT IN ('reply', 'customer') THEN
        RETURN NULL;
    END IF;
    SELECT * INTO t FROM frontline.tickets WHERE id = NEW.ticket_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;            -- not visible to this role; RLS will have refused the insert anyway
    END IF;
    v_cal := frontline.policy_calendar(t.sla_policy_id);

    -- The ticket update below happens "at" the message's time.
    IF v_at IS DISTINCT FROM frontline.sla_now() THEN
        v_prev := current_setting('frontline.now', true);
        PERFORM set_config('frontline.now', frontline.ts_text(v_at), true);
        v_moved := true;
    END IF;

    IF NEW.kind = 'reply' THEN
        UPDATE frontline.sla_clocks c
           SET paused_minutes = q.pm,
               due_at = CASE WHEN q.pm = c.paused_minutes THEN c.due_at
                             ELSE frontline.business_add(v_cal, c.started_at, c.target_minutes + q.pm) END,
               paused_since = NULL, met_at = v_at, met_by = 'reply'
          FROM (SELECT c2.kind, c2.paused_minutes
                       + CASE WHEN c2.paused_since IS NULL THEN 0
                              ELSE frontline.business_minutes(v_cal, c2.paused_since, v_at) END AS pm
                  FROM frontline.sla_clocks c2
                 WHERE c2.ticket_id = t.id AND c2.met_at IS NULL
                   AND c2.kind IN ('first_response', 'next_response')) AS q
         WHERE c.ticket_id = t.id AND c.kind = q.kind;
        UPDATE frontline.tickets
           SET first_response_at = coalesce(first_response_at, v_at),
               status = CASE WHEN status = 'new' THEN 'open' ELSE status END
         WHERE id = t.id;
    ELSIF t.status <> 'closed' THEN          -- a customer message
        IF t.first_response_at IS NOT NULL THEN
            SELECT x.next_response_minutes INTO v_nr
              FROM frontline.sla_targets x
             WHERE x.policy_id = t.sla_policy_id AND x.priority = t.priority;
            IF v_nr IS NOT NULL THEN
                INSERT INTO frontline.sla_clocks AS c (ticket_id, kind, target_minutes, started_at, due_at)
                VALUES (t.id, 'next_response', v_nr, v_at, frontline.business_add(v_cal, v_at, v_nr))
                ON CONFLICT (ticket_id, kind) DO UPDATE
                   SET target_minutes = excluded.target_minutes, started_at = excluded.started_at,
                       due_at = excluded.due_at, paused_since = NULL, paused_minutes = 0,
                       met_at = NULL, met_by = NULL
                 WHERE c.met_at IS NOT NULL;
            END IF;
        END IF;
        UPDATE frontline.tickets
           SET status = CASE WHEN status IN ('pending', 'on_hold', 'solved') THEN 'open' ELSE status END
         WHERE id = t.id;
    END IF;

    IF v_moved THEN
        PERFORM set_config('frontline.now', coalesce(v_prev, ''), true);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER messages_before_insert BEFORE INSERT ON frontline.messages
    FOR EACH ROW EXECUTE FUNCTION frontline.messages_before_insert();
CREATE TRIGGER messages_sla AFTER INSERT ON frontline.messages
    FOR EACH ROW EXECUTE FUNCTION frontline.messages_sla();

-- ---------------------------------------------------------------------------
-- The clocks as the console shows them
-- ---------------------------------------------------------------------------

-- state: 'met' (met_at set), 'paused', 'breached' (running and overdue) or
-- 'running'. remaining: for a paused clock the frozen wall-clock interval
-- paused_since -> due_at, for a running one due_at - now (negative once
-- breached), null once met. breached: the target was or is missed (met late,
-- paused after the due time, or running past it).
-- security_invoker: the caller's row-level security applies.
CREATE VIEW frontline.ticket_clocks WITH (security_invoker = true) AS
SELECT c.ticket_id,
       c.kind,
       CASE WHEN c.met_at IS NOT NULL       THEN 'met'
            WHEN c.paused_since IS NOT NULL THEN 'paused'
            WHEN c.due_at < frontline.sla_now() THEN 'breached'
            ELSE 'running' END                                   AS state,
       c.due_at,
       CASE WHEN c.met_at IS NOT NULL       THEN NULL
            WHEN c.paused_since IS NOT NULL THEN c.due_at - c.paused_since
            ELSE c.due_at - frontline.sla_now() END                  AS remaining,
       c.met_at,
       c.paused_since,
       CASE WHEN c.met_at IS NOT NULL       THEN c.met_at > c.due_at
            WHEN c.paused_since IS NOT NULL THEN c.paused_since > c.due_at
            ELSE c.due_at < frontline.sla_now() END                  AS breached,
       c.target_minutes,
       c.started_at,
       c.paused_minutes,
       c.met_by
  FROM frontline.sla_clocks c;
