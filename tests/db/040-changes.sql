-- 040-changes.sql: the changes log, one NOTIFY per statement, and
-- changes_since() under out-of-order commits by real concurrent sessions.
-- Background sessions are started with \! psql ... & and reach the same
-- database through the PG* variables set below from this connection.
-- Notifications are captured with \o into a temporary file and read back
-- with a backquote `cat`.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

-- pg_temp.notifications(text): payloads of the frontline_changes
-- notifications psql printed into a captured output.
CREATE FUNCTION pg_temp.notifications(p_out text) RETURNS bigint[]
LANGUAGE sql AS $$
    SELECT coalesce(array_agg(m[1]::bigint), '{}')
      FROM regexp_matches(coalesce(p_out, ''),
           'Asynchronous notification "frontline_changes" with payload "([0-9]+)"', 'g') AS m
$$;

-- pg_temp.wait_for(sql, what): poll a boolean query (fresh snapshot each
-- time) for up to 60 s.
CREATE PROCEDURE pg_temp.wait_for(p_sql text, p_what text) LANGUAGE plpgsql AS $$
DECLARE
    v_ok boolean;
    v_deadline timestamptz := clock_timestamp() + interval '60 seconds';
BEGIN
    LOOP
        EXECUTE p_sql INTO v_ok;
        EXIT WHEN v_ok;
        IF clock_timestamp() > v_deadline THEN
            RAISE EXCEPTION 'timed out after 60 s waiting for: %', p_what;
        END IF;
        COMMIT;
        PERFORM pg_sleep(0.01);
    END LOOP;
END $$;

\setenv PGHOST :HOST
\setenv PGPORT :PORT
\setenv PGDATABASE :DBNAME
\setenv PGUSER :USER
SELECT '/tmp/fl040-notify-' || pg_backend_pid() || '.out' AS nfile \gset

INSERT INTO frontline.teams (id, name) VALUES (1, 'support');
INSERT INTO frontline.queues (id, name, team_id) VALUES (1, 'general', 1);
INSERT INTO frontline.customers (id, name) VALUES (1, 'C');
INSERT INTO frontline.agents (id, role_name, display_name, team_id) VALUES (1, 'fl040_nobody', 'N', 1);

-- ---------------------------------------------------------------------------
-- One changes row per changed row; none for bookkeeping-only updates.
-- ---------------------------------------------------------------------------
INSERT INTO frontline.tickets (id, customer_id, queue_id, subject)
SELECT i, 1, 1, 'ticket ' || i FROM generate_series(1, 5) i;
DO $$ BEGIN
    PERFORM pg_temp.expect('one change per inserted ticket', 5::bigint,
        (SELECT count(*) FROM frontline.changes WHERE what = 'ticket.insert'));
    PERFORM pg_temp.expect('changes carry the writer''s transaction', 1::bigint,
        (SELECT count(DISTINCT xid) FROM frontline.changes WHERE what = 'ticket.insert'));
END $$;
UPDATE frontline.tickets SET sla_due_at = sla_due_at;      -- derived columns only
DO $$ BEGIN
    PERFORM pg_temp.expect('no change for a bookkeeping-only update', 0::bigint,
        (SELECT count(*) FROM frontline.changes WHERE what = 'ticket.update'));
END $$;

-- ---------------------------------------------------------------------------
-- Exactly one NOTIFY per statement, carrying the highest seq.
-- ---------------------------------------------------------------------------
LISTEN frontline_changes;

\o :nfile
UPDATE frontline.tickets SET priority = 'high' WHERE id <= 5;
\o
\set out `cat :nfile`
SELECT set_config('fl.out', :'out', false) AS x \gset
DO $$
DECLARE
    v_n bigint[] := pg_temp.notifications(current_setting('fl.out'));
BEGIN
    PERFORM pg_temp.expect('rows logged by the 5-row update', 5::bigint,
        (SELECT count(*) FROM frontline.changes WHERE what = 'ticket.update'));
    PERFORM pg_temp.expect('notifications for one 5-row UPDATE', 1, cardinality(v_n));
    PERFORM pg_temp.expect('payload = highest seq', (SELECT max(seq) FROM frontline.changes), v_n[1]);
END $$;

-- A customer message on a pending ticket also updates the ticket (nested
-- statement in a trigger): still one notification, with the highest seq.
\o /dev/null
UPDATE frontline.tickets SET status = 'pending' WHERE id = 1;
\o
\o :nfile
INSERT INTO frontline.messages (ticket_id, kind, body) VALUES (1, 'customer', 'hello?');
\o
\set out `cat :nfile`
SELECT set_config('fl.out', :'out', false) AS x \gset
DO $$
DECLARE
    v_n bigint[] := pg_temp.notifications(current_setting('fl.out'));
BEGIN
    PERFORM pg_temp.expect('the message reopened the ticket', 'open', (SELECT status FROM frontline.tickets WHERE id = 1));
    PERFORM pg_temp.expect('message and ticket changes logged', 2::bigint,
        (SELECT count(*) FROM frontline.changes
          WHERE xid = (SELECT xid FROM frontline.changes WHERE what = 'message.insert')));
    PERFORM pg_temp.expect('notifications for a message with a nested ticket update', 1, cardinality(v_n));
    PERFORM pg_temp.expect('payload = highest seq (nested)', (SELECT max(seq) FROM frontline.changes), v_n[1]);
END $$;

-- Three messages in one INSERT ... SELECT: one notification.
\o :nfile
INSERT INTO frontline.messages (ticket_id, kind, body)
SELECT i, 'note', 'bulk note' FROM generate_series(2, 4) i;
\o
\set out `cat :nfile`
SELECT set_config('fl.out', :'out', false) AS x \gset
DO $$ BEGIN
    PERFORM pg_temp.expect('notifications for a 3-row INSERT', 1, cardinality(pg_temp.notifications(current_setting('fl.out'))));
END $$;

-- A statement that changes nothing, and a presence heartbeat: none.
\o /dev/null
INSERT INTO frontline.presence (agent_id, ticket_id) VALUES (1, 2);
\o
\o :nfile
UPDATE frontline.tickets SET priority = 'low' WHERE id < 0;
UPDATE frontline.presence SET heartbeat_at = now() WHERE agent_id = 1;
\o
\set out `cat :nfile`
SELECT set_config('fl.out', :'out', false) AS x \gset
DO $$ BEGIN
    PERFORM pg_temp.expect('notifications for no change and a heartbeat', 0,
        cardinality(pg_temp.notifications(current_setting('fl.out'))));
END $$;

-- Two statements in one transaction: one notification each, delivered at commit.
\o :nfile
BEGIN;
UPDATE frontline.tickets SET priority = 'urgent' WHERE id IN (2, 3);
UPDATE frontline.tickets SET tags = '{vip}' WHERE id IN (4, 5);
COMMIT;
\o
\set out `cat :nfile`
SELECT set_config('fl.out', :'out', false) AS x \gset
DO $$ BEGIN
    PERFORM pg_temp.expect('notifications for two statements', 2,
        cardinality(pg_temp.notifications(current_setting('fl.out'))));
END $$;
UNLISTEN *;
\set rm `rm -f :nfile`

-- ---------------------------------------------------------------------------
-- changes_since: the contract on fixed rows.
-- ---------------------------------------------------------------------------
INSERT INTO frontline.changes (xid, ticket_id, what) VALUES ('3', 99, 'test.ancient');
DO $$
DECLARE
    v_cur xid8 := frontline.changes_cursor();
    r record;
BEGIN
    -- A null cursor: nothing but next_xmin.
    SELECT count(*) AS n, count(seq) AS real, min(next_xmin) AS nx INTO r FROM frontline.changes_since(NULL);
    PERFORM pg_temp.expect('null cursor: one row', 1::bigint, r.n);
    PERFORM pg_temp.expect('null cursor: no change', 0::bigint, r.real);
    PERFORM pg_temp.expect('null cursor: next_xmin', v_cur, r.nx);
    -- No writer running: the cursor is past everything, nothing comes back.
    SELECT count(*) AS n, count(seq) AS real, min(next_xmin) AS nx INTO r FROM frontline.changes_since(v_cur);
    PERFORM pg_temp.expect('caught up: one cursor row', 1::bigint, r.n);
    PERFORM pg_temp.expect('caught up: no change', 0::bigint, r.real);
    PERFORM pg_temp.expect('caught up: cursor stays', v_cur, r.nx);
    -- An old cursor returns every row from that transaction on, in seq order.
    PERFORM pg_temp.expect('xid >= cursor (inclusive)', ARRAY['test.ancient'],
        (SELECT array_agg(what) FROM frontline.changes_since('3') WHERE ticket_id = 99));
    PERFORM pg_temp.expect('older than the cursor: not returned', 0::bigint,
        (SELECT count(*) FROM frontline.changes_since('4') WHERE ticket_id = 99));
    PERFORM pg_temp.expect('all rows from an old cursor',
        (SELECT array_agg(seq ORDER BY seq) FROM frontline.changes),
        (SELECT array_agg(seq) FROM frontline.changes_since('1')));
    -- Asking twice is harmless (same rows).
    PERFORM pg_temp.expect('repeatable',
        (SELECT array_agg(seq) FROM frontline.changes_since('1')),
        (SELECT array_agg(seq) FROM frontline.changes_since('1')));
END $$;
DELETE FROM frontline.changes WHERE ticket_id = 99;

-- ---------------------------------------------------------------------------
-- Out-of-order commit, deterministic: a slow writer draws its seq first and
-- commits last. The reader must not lose it.
-- ---------------------------------------------------------------------------
SELECT set_config('fl.c0', frontline.changes_cursor()::text, false) AS x \gset
SELECT pg_advisory_lock(40401) AS x \gset
\! PGAPPNAME=fl040_slow psql -X -q -v ON_ERROR_STOP=1 -c "BEGIN" -c "INSERT INTO frontline.changes (ticket_id, what) VALUES (NULL, 'test.slow')" -c "SELECT pg_advisory_lock(40401)" -c "COMMIT" >/dev/null 2>&1 &
CALL pg_temp.wait_for($$SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                                        WHERE application_name = 'fl040_slow' AND datname = current_database()
                                          AND wait_event_type = 'Lock' AND backend_xid IS NOT NULL)$$,
                      'the slow writer to hold its uncommitted change');
-- A fast writer commits a later seq.
INSERT INTO frontline.changes (ticket_id, what) VALUES (NULL, 'test.fast');
CREATE TEMP TABLE read1 AS SELECT * FROM frontline.changes_since(current_setting('fl.c0')::xid8);
DO $$
DECLARE
    v_slow_xid bigint := (SELECT backend_xid::text::bigint FROM pg_stat_activity WHERE application_name = 'fl040_slow' AND datname = current_database());
BEGIN
    PERFORM pg_temp.expect('first read sees the fast change', 1::bigint, (SELECT count(*) FROM read1 WHERE what = 'test.fast'));
    PERFORM pg_temp.expect('first read cannot see the slow change yet', 0::bigint, (SELECT count(*) FROM read1 WHERE what = 'test.slow'));
    IF (SELECT max(next_xmin)::text::bigint FROM read1) > v_slow_xid THEN
        RAISE EXCEPTION 'next_xmin must not pass the running writer: expected <= %, got %',
            v_slow_xid, (SELECT max(next_xmin) FROM read1);
    END IF;
END $$;
SELECT pg_advisory_unlock(40401) AS x \gset
CALL pg_temp.wait_for($$SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = 'fl040_slow' AND datname = current_database())
                             AND EXISTS (SELECT 1 FROM frontline.changes WHERE what = 'test.slow')$$,
                      'the slow writer to commit');
SELECT set_config('fl.c1', (SELECT max(next_xmin) FROM read1)::text, false) AS x \gset
CREATE TEMP TABLE read2 AS SELECT * FROM frontline.changes_since(current_setting('fl.c1')::xid8);
DO $$
DECLARE
    v_slow bigint := (SELECT seq FROM frontline.changes WHERE what = 'test.slow');
    v_fast bigint := (SELECT seq FROM frontline.changes WHERE what = 'test.fast');
BEGIN
    IF NOT v_slow < v_fast THEN
        RAISE EXCEPTION 'setup: expected the slow writer to hold the lower seq, got slow % fast %', v_slow, v_fast;
    END IF;
    -- A reader that had jumped to the highest seq it saw would miss it ...
    IF v_slow > (SELECT max(seq) FROM read1) THEN
        RAISE EXCEPTION 'setup: expected the slow seq % below the first read''s max %', v_slow, (SELECT max(seq) FROM read1);
    END IF;
    -- ... the xid cursor does not.
    PERFORM pg_temp.expect('second read returns the late commit', 1::bigint, (SELECT count(*) FROM read2 WHERE seq = v_slow));
END $$;

-- ---------------------------------------------------------------------------
-- Out-of-order commits, many: four writers update tickets (through the real
-- triggers) in 150 short transactions each, sleeping between their change
-- and their commit; a reader follows with changes_since() and must see every
-- change. A naive max-seq reader runs alongside for comparison.
-- ---------------------------------------------------------------------------
SELECT set_config('fl.cursor', frontline.changes_cursor()::text, false) AS x \gset
\! for w in 1 2 3 4; do PGAPPNAME=fl040_stress psql -X -q -v ON_ERROR_STOP=1 -c "DO \$\$ BEGIN FOR i IN 1..150 LOOP UPDATE frontline.tickets SET priority = CASE WHEN priority = 'low' THEN 'high' ELSE 'low' END WHERE id = $w; PERFORM pg_sleep(random() * 0.006); COMMIT; END LOOP; END \$\$" >/dev/null 2>&1 & done
CREATE TEMP TABLE stress_seen (seq bigint, naive boolean);
DO $$
DECLARE
    v_cur      xid8 := current_setting('fl.cursor')::xid8;
    v_next     xid8;
    v_naive    bigint := (SELECT max(seq) FROM frontline.changes);
    v_seen     bigint[] := '{}';
    v_nseen    bigint[] := '{}';
    v_done     boolean := false;
    v_deadline timestamptz := clock_timestamp() + interval '120 seconds';
    r record;
BEGIN
    LOOP
        v_next := NULL;
        FOR r IN SELECT * FROM frontline.changes_since(v_cur) LOOP
            IF r.seq IS NOT NULL THEN
                v_seen := v_seen || r.seq;
            END IF;
            v_next := r.next_xmin;
        END LOOP;
        IF v_next IS NULL THEN
            RAISE EXCEPTION 'changes_since returned no row at all (expected at least the cursor row)';
        END IF;
        v_cur := v_next;
        -- the naive reader: everything above the highest seq seen so far
        FOR r IN SELECT seq FROM frontline.changes WHERE seq > v_naive ORDER BY seq LOOP
            v_nseen := v_nseen || r.seq;
            v_naive := r.seq;
        END LOOP;
        EXIT WHEN v_done;
        COMMIT;
        -- Writers finished and all their rows committed: one more round.
        v_done := NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = 'fl040_stress' AND datname = current_database())
                  AND (SELECT count(*) FROM frontline.changes WHERE what = 'ticket.update'
                          AND ticket_id <= 4 AND xid >= current_setting('fl.cursor')::xid8) >= 600;
        IF clock_timestamp() > v_deadline THEN
            RAISE EXCEPTION 'stress: writers did not finish in 120 s (% changes so far)',
                (SELECT count(*) FROM frontline.changes WHERE xid >= current_setting('fl.cursor')::xid8);
        END IF;
        PERFORM pg_sleep(0.002);
    END LOOP;
    INSERT INTO stress_seen SELECT DISTINCT s, false FROM unnest(v_seen) s;
    INSERT INTO stress_seen SELECT DISTINCT s, true FROM unnest(v_nseen) s;
END $$;
DO $$
DECLARE
    v_total bigint;
    v_missed bigint;
    v_naive_missed bigint;
BEGIN
    SELECT count(*) INTO v_total FROM frontline.changes
     WHERE xid >= current_setting('fl.cursor')::xid8 AND what = 'ticket.update';
    PERFORM pg_temp.expect('stress: changes written', 600::bigint, v_total);
    SELECT count(*) INTO v_missed FROM frontline.changes c
     WHERE c.xid >= current_setting('fl.cursor')::xid8
       AND NOT EXISTS (SELECT 1 FROM stress_seen s WHERE s.seq = c.seq AND NOT s.naive);
    PERFORM pg_temp.expect('stress: changes missed by the xid cursor', 0::bigint, v_missed);
    SELECT count(*) INTO v_naive_missed FROM frontline.changes c
     WHERE c.xid >= current_setting('fl.cursor')::xid8
       AND NOT EXISTS (SELECT 1 FROM stress_seen s WHERE s.seq = c.seq AND s.naive);
    -- The writers really committed out of order: a reader that kept the
    -- highest seq it had seen lost changes (typically 100+ of the 600).
    IF v_naive_missed = 0 THEN
        RAISE EXCEPTION 'stress: expected out-of-order commits (a max-seq reader losing changes), got none';
    END IF;
END $$;

-- ---------------------------------------------------------------------------
-- Pruning and the gap signal.
-- ---------------------------------------------------------------------------
UPDATE frontline.changes SET at = now() - interval '2 days' WHERE seq <= 5;
DO $$
DECLARE
    v_old_xid xid8 := (SELECT max(xid) FROM frontline.changes WHERE seq <= 5);
    v_n bigint;
BEGIN
    PERFORM pg_temp.expect('no gap before pruning', false, frontline.changes_gap('1'));
    v_n := frontline.prune_changes(interval '1 day');
    PERFORM pg_temp.expect('pruned rows', 5::bigint, v_n);
    PERFORM pg_temp.expect('gap for a cursor at or before the pruned rows', true, frontline.changes_gap(v_old_xid));
    PERFORM pg_temp.expect('no gap for a cursor past them', false,
        frontline.changes_gap((v_old_xid::text::bigint + 1)::text::xid8));
END $$;

-- The notification capture file is ours: leave nothing in /tmp.
\set removed `rm -f :nfile; echo done`
