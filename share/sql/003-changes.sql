-- 003-changes.sql: the audit trail, the `changes` log that live views follow,
-- NOTIFY (one per statement), and the outbox events.
--
-- How a console follows changes (see DESIGN "Live updates"):
--   1. cursor := frontline.changes_cursor()      -- before the first full load
--   2. load what it shows
--   3. on a NOTIFY on channel frontline_changes, on reconnect, or on a timer
--      when connected to a standby (which never delivers NOTIFY):
--        SELECT * FROM frontline.changes_since(cursor);
--      refetch the tickets named in the rows (skip the row whose seq is
--      null: it only carries the cursor), then cursor := next_xmin (the
--      same in every row; there is always at least one row).
--   4. if frontline.changes_gap(cursor) is true, old rows were pruned past
--      the cursor: reload everything.
-- The cursor is a transaction id horizon, not a sequence number: a sequence
-- number is drawn before commit, so 100 may commit after 101, and a reader
-- that jumped to 101 would lose 100. changes_since() returns every row whose
-- writer was not yet known to be finished when the cursor was taken, so rows
-- may come twice (harmless) but never not at all.

-- ---------------------------------------------------------------------------
-- Audit trail
-- ---------------------------------------------------------------------------

-- The columns that are derived bookkeeping, not changes anyone made.
CREATE FUNCTION frontline.ticket_derived_columns() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY['updated_at', 'sla_due_at', 'sla_clock', 'sla_paused_clock', 'sla_paused_remaining']
$$;

-- Audit of tickets: one ticket_events row per inserted ticket (what 'insert',
-- new = the row) and per update that changed something other than derived
-- columns (what 'update', old/new = only the changed columns). Runs with the
-- caller's rights so that actor is the real person (current_user). Only a
-- privileged role (our own SECURITY DEFINER functions acting for someone,
-- see transfer_ticket_as) may name the actor through `frontline.actor`.
CREATE FUNCTION frontline.tickets_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_old   jsonb;
    v_new   jsonb;
    v_actor text := current_setting('frontline.actor', true);
BEGIN
    IF v_actor IS NULL OR v_actor = '' OR NOT frontline.is_privileged() THEN
        v_actor := current_user;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO frontline.ticket_events (ticket_id, what, new, actor)
        VALUES (NEW.id, 'insert', to_jsonb(NEW) - frontline.ticket_derived_columns(), v_actor);
        RETURN NULL;
    END IF;
    SELECT jsonb_object_agg(o.key, o.value), jsonb_object_agg(o.key, n.value)
      INTO v_old, v_new
      FROM jsonb_each(to_jsonb(OLD)) AS o
      JOIN jsonb_each(to_jsonb(NEW)) AS n USING (key)
     WHERE o.value IS DISTINCT FROM n.value
       AND o.key <> ALL (frontline.ticket_derived_columns());
    IF v_old IS NOT NULL THEN
        INSERT INTO frontline.ticket_events (ticket_id, what, old, new, actor)
        VALUES (NEW.id, 'update', v_old, v_new, v_actor);
    END IF;
    RETURN NULL;
END $$;

-- Audit of messages: what 'message', new = the message's id, kind, authors,
-- channel and idempotency key (the body is in messages).
CREATE FUNCTION frontline.messages_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO frontline.ticket_events (ticket_id, what, new)
    VALUES (NEW.ticket_id, 'message',
            jsonb_build_object('message_id', NEW.id, 'kind', NEW.kind,
                               'author_agent_id', NEW.author_agent_id,
                               'author_customer_id', NEW.author_customer_id,
                               'channel', NEW.channel, 'created_at', NEW.created_at,
                               'idempotency_key', NEW.idempotency_key));
    RETURN NULL;
END $$;

-- ticket_events is append-only, for everyone: an admin who must purge old
-- rows disables this trigger for that transaction.
CREATE FUNCTION frontline.ticket_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'frontline.ticket_events is append-only (% refused)', TG_OP;
END $$;

CREATE TRIGGER tickets_audit AFTER INSERT OR UPDATE ON frontline.tickets
    FOR EACH ROW EXECUTE FUNCTION frontline.tickets_audit();
CREATE TRIGGER messages_audit AFTER INSERT ON frontline.messages
    FOR EACH ROW EXECUTE FUNCTION frontline.messages_audit();
CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE ON frontline.ticket_events
    FOR EACH ROW EXECUTE FUNCTION frontline.ticket_events_append_only();
CREATE TRIGGER ticket_events_no_truncate BEFORE TRUNCATE ON frontline.ticket_events
    FOR EACH STATEMENT EXECUTE FUNCTION frontline.ticket_events_append_only();

-- ---------------------------------------------------------------------------
-- Changes
-- ---------------------------------------------------------------------------

-- One row per changed row of tickets, messages, ratings and presence, in the
-- writer's transaction. xid is the writer's top-level transaction id; readers
-- follow xid horizons, never seq (see the top of this file).
CREATE TABLE frontline.changes (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
    ticket_id  bigint,                 -- no FK: the log must never block or cascade
    what       text NOT NULL,          -- ticket.insert, ticket.update, message.insert,
                                       -- rating.insert, rating.update, presence.insert/update/delete
    row_id     bigint,                 -- messages.id / ratings.id / presence agent_id
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_xid_idx ON frontline.changes (xid);
CREATE INDEX changes_at_idx ON frontline.changes (at);

-- Where pruning has reached: rows of transactions up to pruned_xid may be gone.
CREATE TABLE frontline.changes_pruned (
    only_row    boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    pruned_xid  xid8 NOT NULL,
    pruned_at   timestamptz NOT NULL DEFAULT now()
);

-- frontline.append_change(ticket, what, row_id): insert one changes row and
-- return its seq. SECURITY DEFINER so that roles need no rights on changes.
CREATE FUNCTION frontline.append_change(p_ticket_id bigint, p_what text, p_row_id bigint)
RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
    INSERT INTO frontline.changes (ticket_id, what, row_id)
    VALUES (p_ticket_id, p_what, p_row_id)
    RETURNING seq
$$;

-- Row trigger: log one change per changed row, and remember the highest seq
-- of this transaction in the transaction-local setting
-- frontline.changes_max_seq for the statement trigger below. Ticket updates
-- that touch only derived columns (SLA bookkeeping) are not logged: whatever
-- caused them logs its own change. Presence heartbeats are not logged (the
-- trigger's WHEN clause), only arrivals, departures and activity changes.
-- (No SET clause here on purpose: a function-level SET would undo the
-- set_config(..., true) at function exit.)
CREATE FUNCTION frontline.log_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_seq    bigint;
    v_noun   text;
BEGIN
    v_noun := CASE TG_TABLE_NAME WHEN 'tickets' THEN 'ticket' WHEN 'messages' THEN 'message'
                                 WHEN 'ratings' THEN 'rating' ELSE TG_TABLE_NAME END;
    IF TG_TABLE_NAME = 'tickets' THEN
        IF TG_OP = 'UPDATE'
           AND to_jsonb(OLD) - frontline.ticket_derived_columns()
             = to_jsonb(NEW) - frontline.ticket_derived_columns() THEN
            RETURN NULL;
        END IF;
        v_seq := frontline.append_change(NEW.id, v_noun || '.' || lower(TG_OP), NULL);
    ELSIF TG_TABLE_NAME = 'presence' THEN
        IF TG_OP = 'DELETE' THEN
            v_seq := frontline.append_change(OLD.ticket_id, 'presence.delete', OLD.agent_id);
        ELSE
            v_seq := frontline.append_change(NEW.ticket_id, 'presence.' || lower(TG_OP), NEW.agent_id);
        END IF;
    ELSE
        v_seq := frontline.append_change(NEW.ticket_id, v_noun || '.' || lower(TG_OP), NEW.id);
    END IF;
    PERFORM set_config('frontline.changes_max_seq', v_seq::text, true);
    RETURN NULL;
END $$;

-- Statement trigger: ONE pg_notify('frontline_changes', <max seq>) per
-- statement that logged changes, however many rows it touched (DESIGN
-- invariant 9: every NOTIFY wakes every listener). Statements run by other
-- triggers (pg_trigger_depth() > 1, e.g. the ticket update a message causes)
-- leave it to the outermost statement, which reports the highest seq of the
-- transaction so far.
CREATE FUNCTION frontline.notify_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_max  text;
    v_sent text;
BEGIN
    IF pg_trigger_depth() > 1 THEN
        RETURN NULL;
    END IF;
    v_max := current_setting('frontline.changes_max_seq', true);
    v_sent := current_setting('frontline.changes_notified_seq', true);
    IF v_max IS NULL OR v_max = '' OR v_max = coalesce(v_sent, '') THEN
        RETURN NULL;
    END IF;
    PERFORM pg_notify('frontline_changes', v_max);
    PERFORM set_config('frontline.changes_notified_seq', v_max, true);
    RETURN NULL;
END $$;

CREATE TRIGGER tickets_changes AFTER INSERT OR UPDATE ON frontline.tickets
    FOR EACH ROW EXECUTE FUNCTION frontline.log_change();
CREATE TRIGGER messages_changes AFTER INSERT ON frontline.messages
    FOR EACH ROW EXECUTE FUNCTION frontline.log_change();
CREATE TRIGGER ratings_changes AFTER INSERT OR UPDATE ON frontline.ratings
    FOR EACH ROW EXECUTE FUNCTION frontline.log_change();
CREATE TRIGGER presence_changes_ins AFTER INSERT OR DELETE ON frontline.presence
    FOR EACH ROW EXECUTE FUNCTION frontline.log_change();
CREATE TRIGGER presence_changes_upd AFTER UPDATE ON frontline.presence
    FOR EACH ROW WHEN (OLD.activity IS DISTINCT FROM NEW.activity OR OLD.ticket_id IS DISTINCT FROM NEW.ticket_id)
    EXECUTE FUNCTION frontline.log_change();

CREATE TRIGGER tickets_notify AFTER INSERT OR UPDATE ON frontline.tickets
    FOR EACH STATEMENT EXECUTE FUNCTION frontline.notify_changes();
CREATE TRIGGER messages_notify AFTER INSERT ON frontline.messages
    FOR EACH STATEMENT EXECUTE FUNCTION frontline.notify_changes();
CREATE TRIGGER ratings_notify AFTER INSERT OR UPDATE ON frontline.ratings
    FOR EACH STATEMENT EXECUTE FUNCTION frontline.notify_changes();
CREATE TRIGGER presence_notify AFTER INSERT OR UPDATE OR DELETE ON frontline.presence
    FOR EACH STATEMENT EXECUTE FUNCTION frontline.notify_changes();

-- frontline.changes_since(cursor): every change written by a transaction
-- whose id is >= cursor (those may have committed since the cursor was
-- taken), each with next_xmin: the oldest transaction still running as of
-- this call (pg_snapshot_xmin of the same snapshot). Every transaction older
-- than next_xmin has ended and its rows are in this very result, so
-- next_xmin is the next cursor. When no change matches (or the cursor is
-- null) the result is ONE row whose seq, xid, ticket_id and what are null
-- and whose next_xmin is set: the client skips it but keeps the cursor.
-- (Do not replace that by calling changes_cursor() after an empty result: a
-- later snapshot could step over a commit that happened in between.)
-- Rows may repeat across calls; none is lost even when sequence numbers
-- commit out of order. Works on a standby.
-- SECURITY DEFINER: roles read changes only through here (ids and kinds,
-- not contents: a ticket that moved out of an agent's reach must still be
-- announced to that agent's console so it can drop it).
CREATE FUNCTION frontline.changes_since(p_xmin xid8)
RETURNS TABLE (seq bigint, xid xid8, ticket_id bigint, what text, next_xmin xid8)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
    SELECT c.seq, c.xid, c.ticket_id, c.what, h.next_xmin
      FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS next_xmin) AS h
      LEFT JOIN frontline.changes c ON c.xid >= p_xmin
     ORDER BY c.seq
$$;

-- frontline.changes_cursor(): the cursor to take BEFORE a console's first
-- full load (anything committed after it will come through changes_since).
CREATE FUNCTION frontline.changes_cursor() RETURNS xid8
LANGUAGE sql STABLE AS $$
    SELECT pg_snapshot_xmin(pg_current_snapshot())
$$;

-- frontline.changes_gap(cursor): true when prune_changes() may have removed
-- rows a reader at this cursor has not seen: it must reload everything.
CREATE FUNCTION frontline.changes_gap(p_xmin xid8) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
    SELECT coalesce((SELECT p_xmin <= p.pruned_xid FROM frontline.changes_pruned p), false)
$$;

-- frontline.prune_changes(keep): delete changes older than `keep`, remember
-- the newest pruned transaction for changes_gap(), return the rows deleted.
CREATE FUNCTION frontline.prune_changes(p_keep interval) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
DECLARE
    v_n   bigint;
    v_max xid8;
BEGIN
    WITH d AS (DELETE FROM frontline.changes WHERE at < now() - p_keep RETURNING xid)
    SELECT count(*), max(d.xid) INTO v_n, v_max FROM d;
    IF v_max IS NOT NULL THEN
        INSERT INTO frontline.changes_pruned (pruned_xid) VALUES (v_max)
        ON CONFLICT (only_row) DO UPDATE
           SET pruned_xid = greatest(frontline.changes_pruned.pruned_xid, excluded.pruned_xid),
               pruned_at = now();
    END IF;
    RETURN v_n;
END $$;

-- ---------------------------------------------------------------------------
-- Outbox
-- ---------------------------------------------------------------------------

-- Outbox events for `frontline relay`, written in the changing transaction:
--   ticket.created   a ticket was inserted
--   ticket.solved    a ticket became solved
--   message.reply    a public reply to send to the customer
--   rating.answered  a rating was answered (low-score alerts, reports)
-- webhooks.events lists the kinds a hook wants ('*' = all). SECURITY DEFINER
-- so that agents need no rights on the outbox.
CREATE FUNCTION frontline.outbox_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'tickets' THEN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO frontline.outbox (kind, ticket_id, payload)
            VALUES ('ticket.created', NEW.id,
                    jsonb_build_object('ticket_id', NEW.id, 'customer_id', NEW.customer_id,
                                       'queue_id', NEW.queue_id, 'channel', NEW.channel,
                                       'priority', NEW.priority, 'subject', NEW.subject,
                                       'language', NEW.language));
        ELSE
            INSERT INTO frontline.outbox (kind, ticket_id, payload)
            VALUES ('ticket.solved', NEW.id,
                    jsonb_build_object('ticket_id', NEW.id, 'customer_id', NEW.customer_id,
                                       'channel', NEW.channel, 'language', NEW.language,
                                       'assignee_id', NEW.assignee_id));
        END IF;
    ELSIF TG_TABLE_NAME = 'messages' THEN
        INSERT INTO frontline.outbox (kind, ticket_id, payload)
        SELECT 'message.reply', NEW.ticket_id,
               jsonb_build_object('message_id', NEW.id, 'ticket_id', NEW.ticket_id,
                                  'customer_id', t.customer_id,
                                  'channel', coalesce(NEW.channel, t.channel),
                                  'language', t.language)
          FROM frontline.tickets t WHERE t.id = NEW.ticket_id;
    ELSIF TG_TABLE_NAME = 'ratings' THEN
        INSERT INTO frontline.outbox (kind, ticket_id, payload)
        VALUES ('rating.answered', NEW.ticket_id,
                jsonb_build_object('rating_id', NEW.id, 'ticket_id', NEW.ticket_id,
                                   'csat', NEW.csat, 'nps', NEW.nps,
                                   'callback_wanted', NEW.callback_wanted));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tickets_outbox_created AFTER INSERT ON frontline.tickets
    FOR EACH ROW EXECUTE FUNCTION frontline.outbox_event();
CREATE TRIGGER tickets_outbox_solved AFTER UPDATE OF status ON frontline.tickets
    FOR EACH ROW WHEN (NEW.status = 'solved' AND OLD.status IS DISTINCT FROM 'solved')
    EXECUTE FUNCTION frontline.outbox_event();
CREATE TRIGGER messages_outbox AFTER INSERT ON frontline.messages
    FOR EACH ROW WHEN (NEW.kind = 'reply') EXECUTE FUNCTION frontline.outbox_event();
CREATE TRIGGER ratings_outbox_ins AFTER INSERT ON frontline.ratings
    FOR EACH ROW WHEN (NEW.status = 'answered') EXECUTE FUNCTION frontline.outbox_event();
CREATE TRIGGER ratings_outbox_upd AFTER UPDATE OF status ON frontline.ratings
    FOR EACH ROW WHEN (NEW.status = 'answered' AND OLD.status IS DISTINCT FROM 'answered')
    EXECUTE FUNCTION frontline.outbox_event();
