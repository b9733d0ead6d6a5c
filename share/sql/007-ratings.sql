-- 007-ratings.sql: the rating loop. Satisfaction asked at the moment of
-- contact (survey_plan, rating_topics, rating_record), surveys sent where the
-- customer cannot be asked live (outbox 'survey.requested', answered later
-- through rating_record by an import, a web form, mail or IVR), low scores
-- called back within the hour (a follow-up ticket created in the same
-- transaction), the feedback list (feedback_view), and the admin's survey
-- policy and settings.
--
-- Rights. The console's functions run with the caller's rights (row-level
-- security of 004 applies: nobody rates a ticket they cannot see), except
-- these SECURITY DEFINER helpers, which follow transfer_ticket_as() of 004
-- and the *_as helpers of 006 (pinned search_path, called by an invoker
-- wrapper with current_user, act_as_check() on the login, role_sees_ticket()
-- on the ticket):
--   survey_plan_as(actor, ticket)      fatigue counts the customer's surveys
--                                      on every team's tickets, not only the
--                                      ones the agent can see;
--   rating_callback_as(actor, rating)  the callback ticket goes to a queue of
--                                      another team (Senior), out of the
--                                      caller's sight;
--   feedback_view_as(actor, limit)     an agent's feedback includes tickets
--                                      they answered that have since moved,
--                                      and the state of callbacks in other
--                                      teams' queues;
-- and two trigger functions that write tables agents have no rights on:
--   survey_count_contact()             the per-channel contact counter;
--   survey_requested_event()           the outbox event of a survey request.
-- rating_record() runs the callback from a row trigger on ratings
-- (ratings_callback), so that the whole loop is one statement and sends one
-- NOTIFY. messages_audit() of 003 is replaced to name the actor such a
-- helper acts for, as tickets_audit() already does.
--
-- Errors the console and the CLI show as they are (SQLSTATE in brackets):
--   frontline: ticket N is not visible to you             [42501]
--   frontline: csat must be 1 to 5 (got 6) ...            [22023]
--   frontline: only an administrator may ...              [42501]
-- A second rating of a ticket is not an error: rating_record returns
-- 'refused' with the reason in words, for the console to show.

-- ---------------------------------------------------------------------------
-- Schema additions
-- ---------------------------------------------------------------------------

-- Ratings: a survey sent (channel not live) is an outcome too, completed
-- later by the answer; answers come in over more ways than before.
ALTER TABLE frontline.ratings DROP CONSTRAINT ratings_status_check;
ALTER TABLE frontline.ratings ADD CONSTRAINT ratings_status_check
    CHECK (status IN ('answered', 'declined', 'not_asked', 'survey_sent'));
ALTER TABLE frontline.ratings DROP CONSTRAINT ratings_via_check;
ALTER TABLE frontline.ratings ADD CONSTRAINT ratings_via_check
    CHECK (via IN ('live', 'survey', 'import', 'web', 'email', 'ivr'));
-- An answer has a score, and only an answer has one.
ALTER TABLE frontline.ratings ADD CONSTRAINT ratings_scores_only_answered
    CHECK ((status = 'answered') = (csat IS NOT NULL OR nps IS NOT NULL));

-- callback_ticket_id: the follow-up ticket a low rating created.
-- answer_key: the idempotency key of the answer that completed a
-- 'survey_sent' row (idempotency_key stays the key of the request), so a
-- retry of either is recognised. survey_sent_at: when the survey went out
-- (created_at becomes the time of the answer when it comes).
ALTER TABLE frontline.ratings
    ADD COLUMN callback_ticket_id bigint REFERENCES frontline.tickets(id) ON DELETE SET NULL,
    ADD COLUMN answer_key text UNIQUE,
    ADD COLUMN survey_sent_at timestamptz;
CREATE INDEX ratings_callback_ticket_idx ON frontline.ratings (callback_ticket_id)
    WHERE callback_ticket_id IS NOT NULL;
-- The feedback list, newest first: the predicate is feedback_view's, word
-- for word, so the planner walks this small index and stops at the limit.
CREATE INDEX ratings_feedback_idx ON frontline.ratings (created_at DESC, id DESC)
    WHERE csat <= 3 OR nps <= 6 OR callback_wanted;

-- An agent's share of the feedback: the tickets assigned to them (solved
-- ones too: the partial index of 001 covers open tickets only) and the
-- tickets they answered in public.
CREATE INDEX tickets_assignee_idx ON frontline.tickets (assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX messages_reply_author_idx ON frontline.messages (author_agent_id, ticket_id) WHERE kind = 'reply';

-- What a rating was about: admin-editable, shown in position order.
CREATE TABLE frontline.rating_topics (
    code      text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name      text NOT NULL CHECK (btrim(name) <> ''),
    position  integer NOT NULL DEFAULT 0,
    active    boolean NOT NULL DEFAULT true
);
INSERT INTO frontline.rating_topics (code, name, position) VALUES
    ('billing', 'Billing', 10),
    ('login', 'Login and account', 20),
    ('delivery', 'Delivery', 30),
    ('defect', 'Product defect', 40),
    ('howto', 'How-to question', 50),
    ('refund', 'Refund', 60),
    ('other', 'Other', 1000);

-- Site settings, one value per key; written by setting_set() only (which
-- validates them). Keys: callback_queue (a queue name; unset = the queue
-- named 'Senior' if there is one, else the rated ticket's own queue).
CREATE TABLE frontline.settings (
    key         text PRIMARY KEY,
    value       text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text NOT NULL DEFAULT current_user
);

-- "Every n-th contact" counts for real: a ticket becomes a contact of its
-- channel when it is solved or closed for the first time (not when merged
-- away). survey_counters holds the running count per channel; each counted
-- ticket keeps its number in survey_contacts. Written by the trigger below
-- (and survey_contacts_rebuild() for history loaded with triggers off).
-- The counter row of a channel is locked from a solve until its commit, so
-- concurrent solves on one channel queue for a moment there; numbers have no
-- gaps and no repeats.
CREATE TABLE frontline.survey_counters (
    channel   text PRIMARY KEY
              CHECK (channel IN ('email', 'phone', 'chat', 'messenger', 'social', 'portal', 'walk-in')),
    contacts  integer NOT NULL DEFAULT 0 CHECK (contacts >= 0)
);
INSERT INTO frontline.survey_counters (channel)
VALUES ('email'), ('phone'), ('chat'), ('messenger'), ('social'), ('portal'), ('walk-in');

CREATE TABLE frontline.survey_contacts (
    ticket_id   bigint PRIMARY KEY REFERENCES frontline.tickets(id) ON DELETE CASCADE,
    channel     text NOT NULL,
    contact_no  integer NOT NULL,
    counted_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (channel, contact_no)
);

-- ---------------------------------------------------------------------------
-- Small helpers
-- ---------------------------------------------------------------------------

-- frontline.live_channel(channel): the agent can ask the customer right now.
CREATE FUNCTION frontline.live_channel(p_channel text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(p_channel IN ('phone', 'chat', 'walk-in'), false)
$$;

-- frontline.rating_wants_callback(csat, nps, callback): the low-rating loop
-- calls back: CSAT 1 or 2, an NPS detractor (0-6), or a callback asked for.
CREATE FUNCTION frontline.rating_wants_callback(p_csat smallint, p_nps smallint, p_callback boolean)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(p_csat <= 2, false) OR coalesce(p_nps <= 6, false) OR coalesce(p_callback, false)
$$;

-- frontline.rating_reasons(): the reason codes of a low rating, in order.
CREATE FUNCTION frontline.rating_reasons() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY['low_expertise', 'long_wait', 'not_resolved', 'manner', 'other']
$$;

-- frontline.rating_reason_label(code): the words for a reason code (codes
-- of imported history are shown as they are).
CREATE FUNCTION frontline.rating_reason_label(p_code text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE p_code WHEN 'low_expertise' THEN 'low expertise' WHEN 'long_wait' THEN 'long wait'
                       WHEN 'not_resolved' THEN 'issue not resolved' WHEN 'manner' THEN 'manner'
                       WHEN 'other' THEN 'other' ELSE replace(p_code, '_', ' ') END
$$;

-- frontline.role_privileged(role): superuser or member of frontline_admin
-- (is_privileged() for a named role). The SECURITY DEFINER helpers honour
-- frontline.now only for such an actor: inside them is_privileged() is
-- always true (the owner), so they must not trust it for the caller.
CREATE FUNCTION frontline.role_privileged(p_role name) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = p_role), false)
        OR (EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_role)
            AND pg_has_role(p_role, 'frontline_admin', 'USAGE'))
$$;

-- frontline.survey_policy_for(channel): the policy that applies: the
-- channel's own survey_policy row, else the default row (channel null), else
-- the built-in default (every contact, 30 days apart, CSAT and NPS).
CREATE FUNCTION frontline.survey_policy_for(p_channel text,
    OUT every_nth integer, OUT min_days_between integer, OUT ask_csat boolean, OUT ask_nps boolean,
    OUT own_row boolean)
LANGUAGE sql STABLE AS $$
    SELECT coalesce(p.every_nth, 1), coalesce(p.min_days_between, 30),
           coalesce(p.ask_csat, true), coalesce(p.ask_nps, true), coalesce(p.channel IS NOT NULL, false)
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT sp.* FROM frontline.survey_policy sp
                          WHERE sp.channel = p_channel OR sp.channel IS NULL
                          ORDER BY sp.channel NULLS LAST LIMIT 1) AS p ON true
$$;

-- ---------------------------------------------------------------------------
-- The contact counter
-- ---------------------------------------------------------------------------

-- Trigger: a ticket solved or closed for the first time (and not merged
-- away) becomes contact number n+1 of its channel. Reopened and solved again,
-- it keeps its number. SECURITY DEFINER: agents have no rights on the
-- counter (so nobody moves it by hand); trigger functions cannot be called
-- directly.
CREATE FUNCTION frontline.survey_count_contact() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
DECLARE
    v_no integer;
BEGIN
    IF EXISTS (SELECT 1 FROM frontline.survey_contacts c WHERE c.ticket_id = NEW.id) THEN
        RETURN NULL;
    END IF;
    INSERT INTO frontline.survey_counters AS c (channel, contacts) VALUES (NEW.channel, 1)
    ON CONFLICT (channel) DO UPDATE SET contacts = c.contacts + 1
    RETURNING c.contacts INTO v_no;
    INSERT INTO frontline.survey_contacts (ticket_id, channel, contact_no) VALUES (NEW.id, NEW.channel, v_no);
    RETURN NULL;
END $$;

CREATE TRIGGER tickets_survey_contact_ins AFTER INSERT ON frontline.tickets
    FOR EACH ROW WHEN (NEW.status IN ('solved', 'closed') AND NEW.merged_into_id IS NULL)
    EXECUTE FUNCTION frontline.survey_count_contact();
CREATE TRIGGER tickets_survey_contact_upd AFTER UPDATE OF status ON frontline.tickets
    FOR EACH ROW WHEN (NEW.status IN ('solved', 'closed') AND OLD.status NOT IN ('solved', 'closed')
                       AND NEW.merged_into_id IS NULL)
    EXECUTE FUNCTION frontline.survey_count_contact();

-- frontline.survey_contacts_rebuild(): number the solved/closed tickets that
-- have no contact number yet (history loaded with triggers off, or tickets
-- older than this migration), per channel in the order they were solved,
-- after the numbers already given. Returns how many it numbered. For admins;
-- share/demo/seed.sql calls it after loading its history.
CREATE FUNCTION frontline.survey_contacts_rebuild() RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_n bigint;
BEGIN
    IF NOT frontline.is_privileged() THEN
        RAISE EXCEPTION 'frontline: only an administrator may rebuild the contact counter'
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Solves that count meanwhile wait (their trigger updates the counter).
    LOCK TABLE frontline.survey_counters IN EXCLUSIVE MODE;
    INSERT INTO frontline.survey_counters (channel)
    SELECT DISTINCT t.channel FROM frontline.tickets t
    ON CONFLICT (channel) DO NOTHING;
    WITH todo AS (
        SELECT t.id, t.channel,
               row_number() OVER (PARTITION BY t.channel
                                  ORDER BY coalesce(t.solved_at, t.closed_at, t.created_at), t.id) AS n
          FROM frontline.tickets t
         WHERE t.status IN ('solved', 'closed') AND t.merged_into_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM frontline.survey_contacts c WHERE c.ticket_id = t.id)
    ), ins AS (
        INSERT INTO frontline.survey_contacts (ticket_id, channel, contact_no, counted_at)
        SELECT todo.id, todo.channel, sc.contacts + todo.n, now()
          FROM todo JOIN frontline.survey_counters sc ON sc.channel = todo.channel
        RETURNING channel
    ), per AS (
        SELECT ins.channel, count(*) AS n FROM ins GROUP BY ins.channel
    ), upd AS (
        UPDATE frontline.survey_counters sc SET contacts = sc.contacts + per.n
          FROM per WHERE sc.channel = per.channel
        RETURNING per.n
    )
    SELECT coalesce(sum(upd.n), 0) INTO v_n FROM upd;
    RETURN v_n;
END $$;

DO $$ BEGIN PERFORM frontline.survey_contacts_rebuild(); END $$;   -- tickets that predate this migration

-- ---------------------------------------------------------------------------
-- 1. The survey plan
-- ---------------------------------------------------------------------------

DROP FUNCTION frontline.survey_plan(bigint);

-- frontline.survey_plan_as(actor, ticket): the body of survey_plan().
-- SECURITY DEFINER because fatigue must count the customer's surveys on
-- tickets of every team, which row-level security would hide from the
-- agent; it checks that the login may act as `actor` and that `actor` sees
-- the ticket, and returns nothing but the plan.
CREATE FUNCTION frontline.survey_plan_as(p_actor name, p_ticket bigint)
RETURNS TABLE (ask boolean, live boolean, reason text, contact_no integer, every_nth integer,
               days_since_last integer, ask_csat boolean, ask_nps boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
#variable_conflict use_column
DECLARE
    t        record;
    p        record;
    v_now    timestamptz;
    v_no     integer;
    v_last   timestamptz;
    v_days   integer;
    v_reason text;
BEGIN
    PERFORM frontline.act_as_check(p_actor);
    SELECT x.id, x.customer_id, x.channel, x.queue_id, x.assignee_id INTO t
      FROM frontline.tickets x WHERE x.id = p_ticket;
    IF NOT FOUND OR NOT frontline.role_sees_ticket(p_actor, t.queue_id, t.assignee_id) THEN
        RAISE EXCEPTION 'frontline: ticket % is not visible to you', p_ticket
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    v_now := CASE WHEN frontline.role_privileged(p_actor) THEN frontline.sla_now() ELSE now() END;
    SELECT * INTO p FROM frontline.survey_policy_for(t.channel);

    -- Its number among the channel's contacts; a ticket not solved yet gets
    -- the number it would get if solved now.
    SELECT c.contact_no INTO v_no FROM frontline.survey_contacts c WHERE c.ticket_id = p_ticket;
    IF v_no IS NULL THEN
        v_no := coalesce((SELECT sc.contacts FROM frontline.survey_counters sc WHERE sc.channel = t.channel), 0) + 1;
    END IF;

    -- The customer's last survey: answered, declined, or sent to them.
    SELECT max(r.created_at) INTO v_last
      FROM frontline.tickets x
      JOIN frontline.ratings r ON r.ticket_id = x.id
     WHERE x.customer_id = t.customer_id AND r.status IN ('answered', 'declined', 'survey_sent');
    IF v_last IS NOT NULL THEN
        v_days := greatest(floor(extract(epoch FROM v_now - v_last) / 86400), 0)::integer;
    END IF;

    IF EXISTS (SELECT 1 FROM frontline.ratings r WHERE r.ticket_id = p_ticket) THEN
        v_reason := 'already_rated';
    ELSIF v_no % p.every_nth <> 0 THEN
        v_reason := 'not_nth';
    ELSIF v_last IS NOT NULL AND v_last > v_now - make_interval(days => p.min_days_between) THEN
        v_reason := 'fatigue';
    ELSE
        v_reason := 'sampled';
    END IF;
    RETURN QUERY SELECT v_reason = 'sampled', frontline.live_channel(t.channel), v_reason, v_no,
                        p.every_nth, v_days, p.ask_csat, p.ask_nps;
END $$;

-- frontline.survey_plan(ticket): whether to ask this ticket's customer for a
-- rating now, one row:
--   ask          sampled (reason 'sampled');
--   live         the channel is phone, chat or walk-in: the agent asks now;
--                otherwise the console offers to send a survey
--                (rating_record status 'survey_sent');
--   reason       'already_rated' (the ticket has a rating row of any status),
--                'not_nth' (contact_no is not a multiple of every_nth),
--                'fatigue' (the customer answered, declined or was sent a
--                survey days_since_last days ago, fewer than
--                min_days_between), else 'sampled';
--   contact_no   the ticket's number among the solved/closed contacts of its
--                channel (the number it would get, when not solved yet);
--   every_nth, ask_csat, ask_nps: of the policy that applies
--                (survey_policy_for: the channel's row, else the default);
--   days_since_last: whole days since the customer's last survey, null when
--                there was none.
-- A ticket the caller cannot see is an error (42501).
CREATE FUNCTION frontline.survey_plan(p_ticket bigint)
RETURNS TABLE (ask boolean, live boolean, reason text, contact_no integer, every_nth integer,
               days_since_last integer, ask_csat boolean, ask_nps boolean)
LANGUAGE sql STABLE AS $$
    SELECT * FROM frontline.survey_plan_as(current_user, p_ticket)
$$;

-- ---------------------------------------------------------------------------
-- 2. Topics
-- ---------------------------------------------------------------------------

-- frontline.rating_topics(): the active topics, in position order.
CREATE FUNCTION frontline.rating_topics() RETURNS TABLE (code text, name text)
LANGUAGE sql STABLE AS $$
    SELECT t.code, t.name FROM frontline.rating_topics t WHERE t.active ORDER BY t.position, t.name, t.code
$$;

-- ---------------------------------------------------------------------------
-- 3. Recording a rating, and the callback
-- ---------------------------------------------------------------------------

-- frontline.rating_conversation(ticket, budget): the ticket's conversation
-- for a note: its customer messages and public replies (and those of the
-- tickets merged into it), oldest first, each as "Author, YYYY-MM-DD HH:MI
-- UTC (customer|reply):" and the body quoted with "> ". A body longer than
-- 1,500 characters is cut; when the whole exceeds `budget` characters, the
-- first message and as many of the latest as fit are kept and the number
-- left out is said between them. Runs with the caller's rights: called from
-- rating_callback_as() it sees everything; an agent calling it sees what RLS
-- lets through.
CREATE FUNCTION frontline.rating_conversation(p_ticket bigint, p_budget integer DEFAULT 8000)
RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_blocks text[];
    v_n      integer;
    v_total  integer := 0;
    v_keep   integer;
    v_used   integer;
    v_tail   text[] := '{}';
BEGIN
    WITH RECURSIVE thread (tid, depth) AS (
        SELECT p_ticket, 0
        UNION ALL
        SELECT x.id, th.depth + 1
          FROM thread th JOIN frontline.tickets x ON x.merged_into_id = th.tid
         WHERE th.depth < 20
    )
    SELECT array_agg(
               format(E'%s, %s (%s):\n%s',
                      coalesce(CASE WHEN m.kind = 'customer' THEN coalesce(mc.name, tc.name)
                                    ELSE coalesce(ma.display_name, mc.name) END, 'unknown'),
                      to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'),
                      CASE WHEN m.kind = 'customer' THEN 'customer' ELSE 'reply' END,
                      regexp_replace(regexp_replace(
                          CASE WHEN char_length(b.body) > 1500 THEN left(b.body, 1500) || ' [...]' ELSE b.body END,
                          '^', '> ', 'gn'), '^> $', '>', 'gn'))
               ORDER BY m.created_at, m.id)
      INTO v_blocks
      FROM thread th
      JOIN frontline.messages m ON m.ticket_id = th.tid AND m.kind IN ('customer', 'reply')
      JOIN frontline.tickets mt ON mt.id = m.ticket_id
      JOIN frontline.customers tc ON tc.id = mt.customer_id
      LEFT JOIN frontline.customers mc ON mc.id = m.author_customer_id
      LEFT JOIN frontline.agents ma ON ma.id = m.author_agent_id
     CROSS JOIN LATERAL (SELECT rtrim(replace(replace(m.body, E'\r\n', E'\n'), E'\r', E'\n'), E' \t\n') AS body) AS b;

    v_n := coalesce(cardinality(v_blocks), 0);
    IF v_n = 0 THEN
        RETURN '(no messages)';
    END IF;
    FOR i IN 1 .. v_n LOOP
        v_total := v_total + char_length(v_blocks[i]) + 2;
    END LOOP;
    IF v_total <= p_budget OR v_n = 1 THEN
        RETURN array_to_string(v_blocks, E'\n\n');
    END IF;
    -- Too long: the first message, then the latest that fit.
    v_used := char_length(v_blocks[1]) + 60;
    v_keep := v_n + 1;
    WHILE v_keep - 1 > 1 AND v_used + char_length(v_blocks[v_keep - 1]) + 2 <= p_budget LOOP
        v_keep := v_keep - 1;
        v_used := v_used + char_length(v_blocks[v_keep]) + 2;
        v_tail := v_blocks[v_keep] || v_tail;
    END LOOP;
    RETURN v_blocks[1] || E'\n\n'
        || format('[... %s message%s left out ...]', v_keep - 2, CASE WHEN v_keep - 2 = 1 THEN '' ELSE 's' END)
        || CASE WHEN cardinality(v_tail) > 0 THEN E'\n\n' || array_to_string(v_tail, E'\n\n') ELSE '' END;
END $$;

-- frontline.callback_policy(): the SLA policy of callback tickets, 'Callback':
-- 24/7 (no calendar: wall-clock minutes), first and next response within 60
-- minutes, resolution within 480, for every priority. Created the first
-- time it is needed (so a fresh database lists only the site's own
-- policies); an admin may tune it afterwards like any other policy.
CREATE FUNCTION frontline.callback_policy() RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_id bigint;
BEGIN
    SELECT p.id INTO v_id FROM frontline.sla_policies p WHERE p.name = 'Callback';
    IF v_id IS NOT NULL THEN
        RETURN v_id;
    END IF;
    INSERT INTO frontline.sla_policies AS p (name, calendar_id) VALUES ('Callback', NULL)
    ON CONFLICT (name) DO NOTHING
    RETURNING p.id INTO v_id;
    IF v_id IS NULL THEN            -- created meanwhile by a concurrent callback
        SELECT p.id INTO v_id FROM frontline.sla_policies p WHERE p.name = 'Callback';
        RETURN v_id;
    END IF;
    INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes,
                                       next_response_minutes, resolution_minutes)
    SELECT v_id, pr, 60, 60, 480 FROM unnest(ARRAY['low', 'normal', 'high', 'urgent']) AS pr
    ON CONFLICT DO NOTHING;
    RETURN v_id;
END $$;

-- frontline.callback_queue(ticket queue): where callbacks go: the queue
-- named by the setting callback_queue, else the queue named 'Senior', else
-- the rated ticket's own queue.
CREATE FUNCTION frontline.callback_queue(p_ticket_queue bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        (SELECT q.id FROM frontline.settings s JOIN frontline.queues q ON q.name = s.value
          WHERE s.key = 'callback_queue'),
        (SELECT q.id FROM frontline.queues q WHERE q.name = 'Senior'),
        p_ticket_queue)
$$;

-- frontline.rating_callback_as(actor, rating): create the callback ticket
-- of a low rating (rating_wants_callback) once, and return its id (the
-- existing one when it has one; null when the rating does not call for a
-- callback). The ticket: 'Callback: ' || the subject, the same customer,
-- priority high, channel phone, follows_up_id = the rated ticket, tag
-- 'callback', in callback_queue(), on the 'Callback' SLA policy (first
-- response within 60 wall-clock minutes, night or weekend), with a first
-- internal note that carries the rating (CSAT, NPS, reason, comment, callback
-- wanted, who rated via what) and the conversation (rating_conversation).
-- SECURITY DEFINER because that queue is usually another team's: it checks
-- that the login may act as `actor` and that `actor` sees the rated ticket,
-- and records `actor` in the audit trail and as the note's author.
CREATE FUNCTION frontline.rating_callback_as(p_actor name, p_rating bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
DECLARE
    r        record;
    t        record;
    cu       record;
    v_agent  record;
    v_asker  text;
    v_queue  bigint;
    v_policy bigint;
    v_id     bigint;
    v_note   text;
    v_found  boolean;
    v_now    text := current_setting('frontline.now', true);
    v_act    text := current_setting('frontline.actor', true);
BEGIN
    PERFORM frontline.act_as_check(p_actor);
    SELECT x.* INTO r FROM frontline.ratings x WHERE x.id = p_rating FOR UPDATE;
    v_found := FOUND;
    IF v_found THEN
        SELECT x.id, x.subject, x.customer_id, x.queue_id, x.assignee_id, x.language, x.channel INTO t
          FROM frontline.tickets x WHERE x.id = r.ticket_id;
    END IF;
    IF NOT v_found OR NOT frontline.role_sees_ticket(p_actor, t.queue_id, t.assignee_id) THEN
        RAISE EXCEPTION 'frontline: rating % is not visible to you', p_rating
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF r.callback_ticket_id IS NOT NULL THEN
        RETURN r.callback_ticket_id;
    END IF;
    IF NOT frontline.rating_wants_callback(r.csat, r.nps, r.callback_wanted) THEN
        RETURN NULL;
    END IF;

    -- Set for the writes below and put back before returning (a SET LOCAL
    -- inside a function outlives it unless the function's own SET clause
    -- names that very setting).
    IF NOT frontline.role_privileged(p_actor) THEN
        PERFORM set_config('frontline.now', '', true);    -- no time travel through here
    END IF;
    PERFORM set_config('frontline.actor', p_actor, true);  -- read by the audit triggers

    v_queue := frontline.callback_queue(t.queue_id);
    v_policy := frontline.callback_policy();
    SELECT a.id, a.display_name INTO v_agent FROM frontline.agents a WHERE a.role_name = p_actor;
    SELECT a.display_name INTO v_asker FROM frontline.agents a WHERE a.id = r.asked_by;
    SELECT c.name, c.phone, c.email, c.language INTO cu FROM frontline.customers c WHERE c.id = t.customer_id;

    v_note := concat_ws(E'\n',
        format('Call the customer back within the hour about ticket #%s "%s": %s.', t.id, t.subject,
               concat_ws(', and ',
                         CASE WHEN coalesce(r.csat <= 2, false) OR coalesce(r.nps <= 6, false) THEN 'a low rating' END,
                         CASE WHEN r.callback_wanted THEN 'the customer asked to be called back' END)),
        format('Customer: %s', concat_ws(', ', cu.name, 'phone ' || cu.phone, 'email ' || cu.email,
                                           'language ' || coalesce(t.language, cu.language))),
        '',
        'CSAT: ' || coalesce(r.csat || ' of 5', 'not given'),
        'NPS: ' || coalesce(r.nps || ' of 10' || CASE WHEN r.nps <= 6 THEN ' (detractor)'
                                                      WHEN r.nps <= 8 THEN ' (passive)'
                                                      ELSE ' (promoter)' END, 'not given'),
        'Reason: ' || coalesce(frontline.rating_reason_label(r.reason), 'not given'),
        'Comment: ' || coalesce(nullif(btrim(r.comment), ''), 'none'),
        'Callback wanted by the customer: ' || CASE WHEN r.callback_wanted THEN 'yes' ELSE 'no' END,
        format('Rated by the customer via %s%s%s, %s', r.via,
               CASE WHEN r.via = 'live' THEN ' (' || t.channel || ')' ELSE '' END,
               coalesce(', asked by ' || v_asker, ''),
               to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'))
            || CASE WHEN v_asker IS DISTINCT FROM coalesce(v_agent.display_name, p_actor::text)
                    THEN '; recorded by ' || coalesce(v_agent.display_name, p_actor::text) ELSE '' END,
        CASE WHEN r.topic IS NOT NULL OR r.resolved_first_contact IS NOT NULL THEN
             concat_ws('; ', 'Topic: ' || r.topic,
                       'resolved at first contact: ' || CASE r.resolved_first_contact WHEN true THEN 'yes'
                                                                                  WHEN false THEN 'no' END) END,
        '',
        format('The conversation of ticket #%s, oldest first:', t.id),
        '',
        frontline.rating_conversation(t.id, 8000));

    INSERT INTO frontline.tickets AS x (customer_id, queue_id, channel, subject, status, priority, tags,
                                        custom, language, sla_policy_id, follows_up_id, idempotency_key)
    VALUES (t.customer_id, v_queue, 'phone', 'Callback: ' || t.subject, 'new', 'high', ARRAY['callback'],
            jsonb_build_object('callback_for_rating', r.id), t.language, v_policy, t.id,
            'callback:rating:' || r.id)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING x.id INTO v_id;
    IF v_id IS NULL THEN            -- made by a concurrent call for this rating
        SELECT x.id INTO v_id FROM frontline.tickets x WHERE x.idempotency_key = 'callback:rating:' || r.id;
    ELSE
        INSERT INTO frontline.messages (ticket_id, kind, author_agent_id, channel, body, idempotency_key)
        VALUES (v_id, 'note', v_agent.id, 'phone', v_note, 'callback-note:rating:' || r.id);
    END IF;
    UPDATE frontline.ratings x SET callback_ticket_id = v_id WHERE x.id = r.id;
    PERFORM set_config('frontline.now', coalesce(v_now, ''), true);
    PERFORM set_config('frontline.actor', coalesce(v_act, ''), true);
    RETURN v_id;
END $$;

-- ratings.callback_ticket_id is written by rating_callback_as() only (as
-- sla_clocks by its triggers): agents may update ratings (004), but not
-- link a rating to a ticket of their choosing, nor unlink its callback.
CREATE FUNCTION frontline.ratings_callback_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_old bigint;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        v_old := OLD.callback_ticket_id;
    END IF;
    IF NEW.callback_ticket_id IS DISTINCT FROM v_old AND NOT frontline.is_privileged() THEN
        RAISE EXCEPTION 'frontline: the callback ticket of a rating is set by rating_record() only'
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER ratings_callback_guard BEFORE INSERT OR UPDATE OF callback_ticket_id ON frontline.ratings
    FOR EACH ROW EXECUTE FUNCTION frontline.ratings_callback_guard();

-- The low-rating loop inside the rating's own statement: rating_record()
-- turns it on (frontline.rating_loop = 'on', for its one write) and this row
-- trigger creates the callback ticket (rating_callback_as, acting for the
-- caller). Being a trigger, the writes it causes (the ticket, the note, the
-- rating's callback_ticket_id) send no NOTIFY of their own: the rating's
-- statement sends one, with the highest change number (003). Ratings
-- written directly (imports of history, the demo's simulator) are left as
-- they are.
CREATE FUNCTION frontline.ratings_callback() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM frontline.rating_callback_as(current_user, NEW.id);
    RETURN NULL;
END $$;

CREATE TRIGGER ratings_callback AFTER INSERT OR UPDATE ON frontline.ratings
    FOR EACH ROW WHEN (NEW.callback_ticket_id IS NULL
                       AND frontline.rating_wants_callback(NEW.csat, NEW.nps, NEW.callback_wanted)
                       AND current_setting('frontline.rating_loop', true) = 'on')
    EXECUTE FUNCTION frontline.ratings_callback();

-- frontline.rating_record(ticket, key, status, fcr, topic, csat, nps, reason,
-- comment, callback, via): record the outcome of the rating prompt, or an
-- answer that comes in later. One row:
--   ('recorded', rating id, callback ticket or null, a message)
--   ('duplicate', rating id, its callback ticket, null)   this key was used
--        for this ticket before (a retry): nothing written;
--   ('refused', existing rating id, its callback, 'ticket N already has a
--        rating (answered on YYYY-MM-DD)')                 not an exception,
--        so the console can say it.
-- status: 'answered' (csat and/or nps), 'declined' (no scores), 'not_asked'
-- (the agent records the outcome only), 'survey_sent' (the channel is not
-- live: the outcome, and an outbox event 'survey.requested' in the same
-- transaction). A 'survey_sent' rating is completed once by an 'answered'
-- that comes via survey, import, web, email or ivr: the row becomes
-- 'answered' (created_at = the time of the answer; survey_sent_at keeps the
-- time of the request). Any other second rating of a ticket is refused.
-- via: live (default), survey, import, web, email, ivr; a survey request
-- recorded by the console ('live') is stored as via 'survey'.
-- Checks (22023, naming the field): csat 1..5, nps 0..10, reason one of
-- rating_reasons() and only with csat <= 3, an NPS of 6 or less, or a
-- callback; 'other' needs a comment; comment at most 4,000 characters; the
-- topic exists in rating_topics.
-- A low rating (rating_wants_callback: csat 1-2, NPS 0-6, or a callback
-- asked for) creates its callback ticket at once, in the same statement
-- (the ratings_callback trigger, rating_callback_as): one NOTIFY in all.
-- The triggers of 003 still log the change, notify, and write 'rating.answered'.
CREATE FUNCTION frontline.rating_record(p_ticket bigint, p_key text, p_status text, p_fcr boolean,
                                        p_topic text, p_csat smallint, p_nps smallint, p_reason text,
                                        p_comment text, p_callback boolean, p_via text)
RETURNS TABLE (status text, rating_id bigint, callback_ticket bigint, message text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_via     text := coalesce(nullif(btrim(p_via), ''), 'live');
    v_reason  text := nullif(btrim(p_reason), '');
    v_comment text := CASE WHEN frontline.is_blank(p_comment) THEN NULL ELSE p_comment END;
    v_topic   text := nullif(btrim(p_topic), '');
    v_cb      boolean := coalesce(p_callback, false);
    v_me      bigint := frontline.current_agent_id();
    v_dup     record;
    v_ex      record;
    v_id      bigint;
    v_cbt     bigint;
    v_msg     text;
BEGIN
    IF frontline.is_blank(p_key) THEN
        RAISE EXCEPTION 'frontline: an idempotency key is required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_ticket IS NULL THEN
        RAISE EXCEPTION 'frontline: ticket is required' USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- A retry: the same key, on the same ticket.
    SELECT r.id, r.ticket_id, r.callback_ticket_id INTO v_dup
      FROM frontline.ratings r WHERE r.idempotency_key = p_key OR r.answer_key = p_key
     LIMIT 1;
    IF FOUND THEN
        IF v_dup.ticket_id <> p_ticket THEN
            RAISE EXCEPTION 'frontline: idempotency key % was used for the rating of ticket %', p_key, v_dup.ticket_id
                  USING ERRCODE = 'invalid_parameter_value';
        END IF;
        RETURN QUERY SELECT 'duplicate'::text, v_dup.id, v_dup.callback_ticket_id, NULL::text;
        RETURN;
    END IF;

    -- The values.
    IF p_status IS NULL OR p_status NOT IN ('answered', 'declined', 'not_asked', 'survey_sent') THEN
        RAISE EXCEPTION 'frontline: unknown status "%" (answered, declined, not_asked or survey_sent)', p_status
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF v_via NOT IN ('live', 'survey', 'import', 'web', 'email', 'ivr') THEN
        RAISE EXCEPTION 'frontline: unknown via "%" (live, survey, import, web, email or ivr)', p_via
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_csat IS NOT NULL AND p_csat NOT BETWEEN 1 AND 5 THEN
        RAISE EXCEPTION 'frontline: csat must be 1 to 5 (got %)', p_csat USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_nps IS NOT NULL AND p_nps NOT BETWEEN 0 AND 10 THEN
        RAISE EXCEPTION 'frontline: nps must be 0 to 10 (got %)', p_nps USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_status = 'answered' AND p_csat IS NULL AND p_nps IS NULL THEN
        RAISE EXCEPTION 'frontline: an answered rating needs csat or nps' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_status <> 'answered' AND (p_csat IS NOT NULL OR p_nps IS NOT NULL) THEN
        RAISE EXCEPTION 'frontline: csat and nps are for status answered, not %', p_status
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF v_reason IS NOT NULL THEN
        IF v_reason <> ALL (frontline.rating_reasons()) THEN
            RAISE EXCEPTION 'frontline: unknown reason "%" (low_expertise, long_wait, not_resolved, manner or other)', v_reason
                  USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF NOT (coalesce(p_csat <= 3, false) OR coalesce(p_nps <= 6, false) OR v_cb) THEN
            RAISE EXCEPTION 'frontline: a reason is given only for csat 3 or lower, nps 6 or lower, or a callback'
                  USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF v_reason = 'other' AND v_comment IS NULL THEN
            RAISE EXCEPTION 'frontline: reason "other" needs a comment' USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;
    IF char_length(v_comment) > 4000 THEN
        RAISE EXCEPTION 'frontline: comment is too long (% characters, at most 4000)', char_length(v_comment)
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF v_topic IS NOT NULL AND NOT EXISTS (SELECT 1 FROM frontline.rating_topics t WHERE t.code = v_topic) THEN
        RAISE EXCEPTION 'frontline: unknown topic "%" (see rating_topics())', v_topic
              USING ERRCODE = 'invalid_parameter_value';
    END IF;

    PERFORM frontline.require_visible(p_ticket);

    -- The ticket's rating so far, locked: a survey answer completes it once.
    SELECT r.id, r.status, r.created_at, r.callback_ticket_id, r.callback_wanted, r.topic,
           r.resolved_first_contact INTO v_ex
      FROM frontline.ratings r WHERE r.ticket_id = p_ticket
       FOR UPDATE;
    IF FOUND THEN
        IF NOT (v_ex.status = 'survey_sent' AND p_status = 'answered' AND v_via <> 'live') THEN
            RETURN QUERY SELECT 'refused'::text, v_ex.id, v_ex.callback_ticket_id,
                format('ticket %s already has a rating (%s on %s)', p_ticket, replace(v_ex.status, '_', ' '),
                       to_char(v_ex.created_at, 'YYYY-MM-DD'));
            RETURN;
        END IF;
        PERFORM set_config('frontline.rating_loop', 'on', true);
        UPDATE frontline.ratings r
           SET status = 'answered', csat = p_csat, nps = p_nps, reason = v_reason, comment = v_comment,
               callback_wanted = v_ex.callback_wanted OR v_cb,
               resolved_first_contact = coalesce(p_fcr, v_ex.resolved_first_contact),
               topic = coalesce(v_topic, v_ex.topic), via = v_via, answer_key = p_key, created_at = now()
         WHERE r.id = v_ex.id;
        PERFORM set_config('frontline.rating_loop', '', true);
        v_id := v_ex.id;
        v_msg := 'survey answer recorded';
    ELSE
        PERFORM set_config('frontline.rating_loop', 'on', true);
        INSERT INTO frontline.ratings AS r (ticket_id, csat, nps, reason, comment, callback_wanted,
                                            resolved_first_contact, topic, status, asked_by, via,
                                            idempotency_key, survey_sent_at)
        VALUES (p_ticket, p_csat, p_nps, v_reason, v_comment, v_cb, p_fcr, v_topic, p_status, v_me,
                CASE WHEN p_status = 'survey_sent' AND v_via = 'live' THEN 'survey' ELSE v_via END,
                p_key, CASE WHEN p_status = 'survey_sent' THEN now() END)
        ON CONFLICT DO NOTHING
        RETURNING r.id INTO v_id;
        PERFORM set_config('frontline.rating_loop', '', true);
        IF v_id IS NULL THEN
            -- A concurrent writer won: the same key (a retry), or another
            -- rating of this ticket.
            SELECT r.id, r.ticket_id, r.callback_ticket_id INTO v_dup
              FROM frontline.ratings r WHERE r.idempotency_key = p_key OR r.answer_key = p_key LIMIT 1;
            IF FOUND AND v_dup.ticket_id = p_ticket THEN
                RETURN QUERY SELECT 'duplicate'::text, v_dup.id, v_dup.callback_ticket_id, NULL::text;
                RETURN;
            END IF;
            SELECT r.id, r.status, r.created_at, r.callback_ticket_id INTO v_ex
              FROM frontline.ratings r WHERE r.ticket_id = p_ticket;
            IF FOUND THEN
                RETURN QUERY SELECT 'refused'::text, v_ex.id, v_ex.callback_ticket_id,
                    format('ticket %s already has a rating (%s on %s)', p_ticket, replace(v_ex.status, '_', ' '),
                           to_char(v_ex.created_at, 'YYYY-MM-DD'));
                RETURN;
            END IF;
            RAISE EXCEPTION 'frontline: idempotency key % is already in use', p_key USING ERRCODE = 'unique_violation';
        END IF;
        v_msg := CASE p_status WHEN 'survey_sent' THEN 'survey requested'
                               WHEN 'answered' THEN 'rating recorded'
                               ELSE 'outcome recorded' END;
    END IF;

    -- The callback ticket, made by the ratings_callback trigger.
    SELECT r.callback_ticket_id INTO v_cbt FROM frontline.ratings r WHERE r.id = v_id;
    IF v_cbt IS NOT NULL THEN
        v_msg := v_msg || format('; callback ticket #%s created', v_cbt);
    END IF;
    RETURN QUERY SELECT 'recorded'::text, v_id, v_cbt, v_msg;
END $$;

-- The outbox event of a survey request, in the same transaction:
-- 'survey.requested' with the rating, ticket, customer, channel, language
-- and what to ask (the policy of the channel). SECURITY DEFINER like
-- outbox_event() of 003: agents have no rights on the outbox.
CREATE FUNCTION frontline.survey_requested_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
BEGIN
    INSERT INTO frontline.outbox (kind, ticket_id, payload)
    SELECT 'survey.requested', NEW.ticket_id,
           jsonb_build_object('rating_id', NEW.id, 'ticket_id', t.id, 'customer_id', t.customer_id,
                              'channel', t.channel, 'language', coalesce(t.language, c.language),
                              'subject', t.subject, 'ask_csat', p.ask_csat, 'ask_nps', p.ask_nps)
      FROM frontline.tickets t
      JOIN frontline.customers c ON c.id = t.customer_id
     CROSS JOIN LATERAL frontline.survey_policy_for(t.channel) AS p
     WHERE t.id = NEW.ticket_id;
    RETURN NULL;
END $$;

CREATE TRIGGER ratings_outbox_survey_ins AFTER INSERT ON frontline.ratings
    FOR EACH ROW WHEN (NEW.status = 'survey_sent') EXECUTE FUNCTION frontline.survey_requested_event();
CREATE TRIGGER ratings_outbox_survey_upd AFTER UPDATE OF status ON frontline.ratings
    FOR EACH ROW WHEN (NEW.status = 'survey_sent' AND OLD.status IS DISTINCT FROM 'survey_sent')
    EXECUTE FUNCTION frontline.survey_requested_event();

-- Audit of messages (003), now naming the actor a SECURITY DEFINER helper
-- acts for (frontline.actor, trusted only from a privileged role, as in
-- tickets_audit): the callback note is signed by the agent in the audit
-- trail too, not by the functions' owner.
CREATE OR REPLACE FUNCTION frontline.messages_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_actor text := current_setting('frontline.actor', true);
BEGIN
    IF v_actor IS NULL OR v_actor = '' OR NOT frontline.is_privileged() THEN
        v_actor := current_user;
    END IF;
    INSERT INTO frontline.ticket_events (ticket_id, what, new, actor)
    VALUES (NEW.ticket_id, 'message',
            jsonb_build_object('message_id', NEW.id, 'kind', NEW.kind,
                               'author_agent_id', NEW.author_agent_id,
                               'author_customer_id', NEW.author_customer_id,
                               'channel', NEW.channel, 'created_at', NEW.created_at,
                               'idempotency_key', NEW.idempotency_key),
            v_actor);
    RETURN NULL;
END $$;

-- ---------------------------------------------------------------------------
-- 4. The feedback list
-- ---------------------------------------------------------------------------

-- frontline.feedback_view_as(actor, limit): the body of feedback_view().
-- SECURITY DEFINER: an agent's feedback covers the tickets they handled even
-- after a transfer took them out of sight, and shows the state of callbacks
-- in other teams' queues; it checks that the login may act as `actor` and
-- returns only that actor's share (a supervisor's: all).
CREATE FUNCTION frontline.feedback_view_as(p_actor name, p_limit integer)
RETURNS TABLE (rating_id bigint, ticket_id bigint, subject text, customer_name text, agent text,
               csat smallint, nps smallint, reason text, comment text, callback_wanted boolean,
               callback_ticket bigint, callback_status text, callback_done boolean, created_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, frontline, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_me  bigint;
    v_sup boolean;
    v_ids bigint[];
BEGIN
    PERFORM frontline.act_as_check(p_actor);
    IF p_limit IS NULL OR p_limit <= 0 THEN
        RETURN;
    END IF;
    v_sup := pg_has_role(p_actor, 'frontline_supervisor', 'USAGE') OR pg_has_role(p_actor, 'frontline_admin', 'USAGE');
    SELECT a.id INTO v_me FROM frontline.agents a WHERE a.role_name = p_actor;
    IF v_sup THEN
        v_ids := ARRAY(
            SELECT r.id FROM frontline.ratings r
             WHERE r.csat <= 3 OR r.nps <= 6 OR r.callback_wanted
             ORDER BY r.created_at DESC, r.id DESC
             LIMIT p_limit);
    ELSIF v_me IS NOT NULL THEN
        -- Newest low ratings first (ratings_feedback_idx), keeping those of
        -- tickets assigned to the agent or answered by them in public.
        v_ids := ARRAY(
            SELECT r.id FROM frontline.ratings r
             WHERE (r.csat <= 3 OR r.nps <= 6 OR r.callback_wanted)
               AND (EXISTS (SELECT 1 FROM frontline.tickets t WHERE t.id = r.ticket_id AND t.assignee_id = v_me)
                    OR EXISTS (SELECT 1 FROM frontline.messages m
                                WHERE m.ticket_id = r.ticket_id AND m.kind = 'reply' AND m.author_agent_id = v_me))
             ORDER BY r.created_at DESC, r.id DESC
             LIMIT p_limit);
    ELSE
        RETURN;
    END IF;

    RETURN QUERY
    SELECT r.id, r.ticket_id, t.subject, cu.name, coalesce(aa.display_name, ab.display_name),
           r.csat, r.nps, r.reason, r.comment, r.callback_wanted,
           r.callback_ticket_id, cb.status,
           CASE WHEN cb.id IS NULL THEN false
                ELSE cb.status IN ('solved', 'closed')
                     OR EXISTS (SELECT 1 FROM frontline.messages m WHERE m.ticket_id = cb.id AND m.kind = 'reply') END,
           r.created_at
      FROM unnest(v_ids) WITH ORDINALITY AS o(rid, n)
      JOIN frontline.ratings r ON r.id = o.rid
      JOIN frontline.tickets t ON t.id = r.ticket_id
      JOIN frontline.customers cu ON cu.id = t.customer_id
      LEFT JOIN frontline.agents aa ON aa.id = t.assignee_id
      LEFT JOIN frontline.agents ab ON ab.id = r.asked_by
      LEFT JOIN frontline.tickets cb ON cb.id = r.callback_ticket_id
     ORDER BY o.n;
END $$;

-- frontline.feedback_view(limit): low ratings (csat 3 or lower, an NPS
-- detractor, or a callback wanted), newest first, at most `limit`: for an
-- agent those of tickets assigned to them or that they answered in public;
-- for a supervisor (or admin) all. agent: the ticket's assignee, else who
-- asked. callback_done: the callback ticket has a public reply or is
-- solved/closed.
CREATE FUNCTION frontline.feedback_view(p_limit integer)
RETURNS TABLE (rating_id bigint, ticket_id bigint, subject text, customer_name text, agent text,
               csat smallint, nps smallint, reason text, comment text, callback_wanted boolean,
               callback_ticket bigint, callback_status text, callback_done boolean, created_at timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT * FROM frontline.feedback_view_as(current_user, p_limit)
$$;

-- ---------------------------------------------------------------------------
-- 5. Administration: survey policy and settings
-- ---------------------------------------------------------------------------

-- frontline.require_admin(what): raise unless the caller is a superuser or
-- a member of frontline_admin.
CREATE FUNCTION frontline.require_admin(p_what text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF NOT frontline.is_privileged() THEN
        RAISE EXCEPTION 'frontline: only an administrator may %', p_what
              USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

-- frontline.survey_policy_list(): the default policy first (channel null;
-- always there, with the built-in values when its row is missing), then
-- the channels that have their own.
CREATE FUNCTION frontline.survey_policy_list()
RETURNS TABLE (channel text, every_nth integer, min_days_between integer, ask_csat boolean, ask_nps boolean)
LANGUAGE sql STABLE AS $$
    SELECT NULL::text, coalesce(p.every_nth, 1), coalesce(p.min_days_between, 30),
           coalesce(p.ask_csat, true), coalesce(p.ask_nps, true)
      FROM (SELECT 1) AS one
      LEFT JOIN frontline.survey_policy p ON p.channel IS NULL
    UNION ALL
    SELECT * FROM (SELECT p.channel, p.every_nth, p.min_days_between, p.ask_csat, p.ask_nps
                     FROM frontline.survey_policy p WHERE p.channel IS NOT NULL
                    ORDER BY p.channel) AS c
$$;

-- frontline.survey_policy_set(channel, every_nth, min_days, ask_csat,
-- ask_nps): create or change the policy of a channel (null = the default).
-- A null value keeps the current one (for a new channel row: the default
-- policy's). every_nth 1..10000, min_days 0..3650, at least one of CSAT and
-- NPS. Admins only.
CREATE FUNCTION frontline.survey_policy_set(p_channel text, p_every_nth integer, p_min_days integer,
                                            p_ask_csat boolean, p_ask_nps boolean)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    cur record;
BEGIN
    PERFORM frontline.require_admin('change the survey policy');
    IF p_channel IS NOT NULL
       AND p_channel NOT IN ('email', 'phone', 'chat', 'messenger', 'social', 'portal', 'walk-in') THEN
        RAISE EXCEPTION 'frontline: unknown channel "%" (email, phone, chat, messenger, social, portal, walk-in; null for the default)', p_channel
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_every_nth IS NOT NULL AND p_every_nth NOT BETWEEN 1 AND 10000 THEN
        RAISE EXCEPTION 'frontline: every_nth must be 1 to 10000 (got %)', p_every_nth
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_min_days IS NOT NULL AND p_min_days NOT BETWEEN 0 AND 3650 THEN
        RAISE EXCEPTION 'frontline: min_days_between must be 0 to 3650 (got %)', p_min_days
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- What a null keeps: this row's value, else the default's.
    SELECT p.every_nth, p.min_days_between, p.ask_csat, p.ask_nps INTO cur
      FROM frontline.survey_policy_for(p_channel) AS p;
    IF NOT (coalesce(p_ask_csat, cur.ask_csat) OR coalesce(p_ask_nps, cur.ask_nps)) THEN
        RAISE EXCEPTION 'frontline: a survey policy asks csat, nps or both (ask_csat and ask_nps are both false)'
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO frontline.survey_policy AS p (channel, every_nth, min_days_between, ask_csat, ask_nps)
    VALUES (p_channel, coalesce(p_every_nth, cur.every_nth), coalesce(p_min_days, cur.min_days_between),
            coalesce(p_ask_csat, cur.ask_csat), coalesce(p_ask_nps, cur.ask_nps))
    ON CONFLICT (channel) DO UPDATE
       SET every_nth = excluded.every_nth, min_days_between = excluded.min_days_between,
           ask_csat = excluded.ask_csat, ask_nps = excluded.ask_nps;
END $$;

-- frontline.setting_get(key): a setting's value, null when unset (the
-- built-in default applies). Admins only.
CREATE FUNCTION frontline.setting_get(p_key text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
    PERFORM frontline.require_admin('read the settings');
    RETURN (SELECT s.value FROM frontline.settings s WHERE s.key = p_key);
END $$;

-- frontline.setting_set(key, value): set a setting; a null or blank value
-- unsets it. Known keys:
--   callback_queue  the queue of callback tickets, by name or id (stored as
--                   its name); must exist.
-- Returns the value stored. Admins only.
CREATE FUNCTION frontline.setting_set(p_key text, p_value text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    v_value text := nullif(btrim(p_value), '');
BEGIN
    PERFORM frontline.require_admin('change the settings');
    IF p_key IS NULL OR p_key NOT IN ('callback_queue') THEN
        RAISE EXCEPTION 'frontline: unknown setting "%" (callback_queue)', p_key
              USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF v_value IS NULL THEN
        DELETE FROM frontline.settings s WHERE s.key = p_key;
        RETURN NULL;
    END IF;
    IF p_key = 'callback_queue' THEN
        SELECT q.name INTO v_value FROM frontline.queues q
         WHERE q.name = v_value OR (v_value ~ '^[0-9]{1,18}$' AND q.id = v_value::bigint)
         ORDER BY q.name = v_value DESC LIMIT 1;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'frontline: callback_queue: queue "%" does not exist', btrim(p_value)
                  USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;
    INSERT INTO frontline.settings AS s (key, value, updated_at, updated_by)
    VALUES (p_key, v_value, now(), current_user)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                                    updated_by = excluded.updated_by;
    RETURN v_value;
END $$;

-- ---------------------------------------------------------------------------
-- 6. Privileges
-- ---------------------------------------------------------------------------

GRANT SELECT ON frontline.rating_topics TO frontline_agent, frontline_supervisor;
GRANT ALL ON frontline.rating_topics, frontline.settings, frontline.survey_counters,
             frontline.survey_contacts
    TO frontline_admin;

-- The SECURITY DEFINER helpers: only the frontline groups (they check the
-- login's right to the role they are told to act as). Trigger functions and
-- admin functions: not for PUBLIC.
REVOKE EXECUTE ON FUNCTION frontline.survey_plan_as(name, bigint),
                           frontline.rating_callback_as(name, bigint),
                           frontline.feedback_view_as(name, integer),
                           frontline.survey_count_contact(),
                           frontline.survey_requested_event(),
                           frontline.ratings_callback(),
                           frontline.ratings_callback_guard(),
                           frontline.callback_queue(bigint),
                           frontline.rating_conversation(bigint, integer),
                           frontline.callback_policy(),
                           frontline.survey_contacts_rebuild(),
                           frontline.survey_policy_list(),
                           frontline.survey_policy_set(text, integer, integer, boolean, boolean),
                           frontline.setting_get(text),
                           frontline.setting_set(text, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION frontline.survey_plan_as(name, bigint),
                          frontline.rating_callback_as(name, bigint),
                          frontline.feedback_view_as(name, integer)
    TO frontline_agent, frontline_supervisor, frontline_admin;

-- The console's interface.
GRANT EXECUTE ON FUNCTION
    frontline.survey_plan(bigint),
    frontline.rating_topics(),
    frontline.rating_record(bigint, text, text, boolean, text, smallint, smallint, text, text, boolean, text),
    frontline.feedback_view(integer)
TO frontline_agent, frontline_supervisor, frontline_admin;

-- Administration.
GRANT EXECUTE ON FUNCTION
    frontline.survey_policy_list(),
    frontline.survey_policy_set(text, integer, integer, boolean, boolean),
    frontline.setting_get(text),
    frontline.setting_set(text, text),
    frontline.survey_contacts_rebuild(),
    frontline.rating_conversation(bigint, integer),
    frontline.callback_policy()
TO frontline_admin;
