-- 010-business-time.sql: frontline.business_add / business_minutes across a
-- weekend, a holiday, both DST changes of Europe/Warsaw, split days, 24/7
-- calendars; agreement with a naive reference; speed.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET timezone = 'UTC';   -- results must not depend on the session's zone

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

-- 1: Warsaw office Mon-Fri 09:00-17:00; 2: split day 09-12, 13-17;
-- 3: 24/7 in Warsaw; 4: night shift Sunday 00:00-04:00 only.
INSERT INTO frontline.calendars (id, name, time_zone) VALUES
    (1, 'warsaw office', 'Europe/Warsaw'),
    (2, 'warsaw split', 'Europe/Warsaw'),
    (3, 'warsaw 24/7', 'Europe/Warsaw'),
    (4, 'sunday night', 'Europe/Warsaw');
INSERT INTO frontline.calendar_hours (calendar_id, isodow, opens, closes)
SELECT 1, d, '09:00'::time, '17:00'::time FROM generate_series(1, 5) d
UNION ALL SELECT 2, d, '09:00', '12:00' FROM generate_series(1, 5) d
UNION ALL SELECT 2, d, '13:00', '17:00' FROM generate_series(1, 5) d
UNION ALL SELECT 3, d, '00:00', '24:00' FROM generate_series(1, 7) d
UNION ALL SELECT 4, 7, '00:00', '04:00';
INSERT INTO frontline.holidays (calendar_id, day, name) VALUES
    (1, '2024-05-01', 'Labour Day'),
    (1, '2024-05-03', 'Constitution Day'),
    (1, '2024-11-01', 'All Saints'),
    (1, '2024-12-25', 'Christmas'),
    (1, '2024-12-26', 'Boxing Day');

DO $$
DECLARE
    w CONSTANT text := ' Europe/Warsaw';
BEGIN
    -- Weekend (no DST change that weekend): Fri 16:00 + 120 = Mon 10:00.
    PERFORM pg_temp.expect('weekend add',
        ('2024-03-11 10:00' || w)::timestamptz,
        frontline.business_add(1, ('2024-03-08 16:00' || w)::timestamptz, 120));
    PERFORM pg_temp.expect('weekend minutes', 120,
        frontline.business_minutes(1, ('2024-03-08 16:00' || w)::timestamptz, ('2024-03-11 10:00' || w)::timestamptz));
    -- A due time exactly at closing stays on Friday.
    PERFORM pg_temp.expect('due at closing',
        ('2024-03-08 17:00' || w)::timestamptz,
        frontline.business_add(1, ('2024-03-08 16:00' || w)::timestamptz, 60));
    -- Starting outside business hours.
    PERFORM pg_temp.expect('start on Saturday',
        ('2024-03-11 09:30' || w)::timestamptz,
        frontline.business_add(1, ('2024-03-09 12:00' || w)::timestamptz, 30));
    PERFORM pg_temp.expect('start before opening',
        ('2024-03-11 09:30' || w)::timestamptz,
        frontline.business_add(1, ('2024-03-11 07:00' || w)::timestamptz, 30));
    PERFORM pg_temp.expect('start after closing',
        ('2024-03-12 09:30' || w)::timestamptz,
        frontline.business_add(1, ('2024-03-11 18:00' || w)::timestamptz, 30));
    PERFORM pg_temp.expect('minutes over a closed weekend', 0,
        frontline.business_minutes(1, ('2024-03-08 17:30' || w)::timestamptz, ('2024-03-11 08:59' || w)::timestamptz));
    PERFORM pg_temp.expect('minutes are antisymmetric', -120,
        frontline.business_minutes(1, ('2024-03-11 10:00' || w)::timestamptz, ('2024-03-08 16:00' || w)::timestamptz));

    -- Holiday: Tue 30 Apr 16:00 + 120 skips Wed 1 May (holiday) -> Thu 10:00.
    PERFORM pg_temp.expect('holiday add',
        ('2024-05-02 10:00' || w)::timestamptz,
        frontline.business_add(1, ('2024-04-30 16:00' || w)::timestamptz, 120));
    PERFORM pg_temp.expect('holiday minutes', 120,
        frontline.business_minutes(1, ('2024-04-30 16:00' || w)::timestamptz, ('2024-05-02 10:00' || w)::timestamptz));
    -- Thu 2 May 16:00 + 120: Fri 3 May is a holiday too, then the weekend -> Mon 6 May 10:00.
    PERFORM pg_temp.expect('holiday then weekend',
        ('2024-05-06 10:00' || w)::timestamptz,
        frontline.business_add(1, ('2024-05-02 16:00' || w)::timestamptz, 120));
    -- Christmas week: three business days from Mon 23 Dec 09:00 are the 23rd,
    -- the 24th and (25th, 26th are holidays) Fri 27th -> due Fri 27 Dec 17:00.
    PERFORM pg_temp.expect('christmas week',
        ('2024-12-27 17:00' || w)::timestamptz,
        frontline.business_add(1, ('2024-12-23 09:00' || w)::timestamptz, 3 * 480));

    -- DST spring (last Sunday of March: 2024-03-31, 02:00 CET -> 03:00 CEST).
    -- Fri 16:00 CET (15:00Z) + 120 = Mon 10:00 CEST = 08:00Z (not 09:00Z).
    PERFORM pg_temp.expect('DST spring add',
        '2024-04-01 08:00Z'::timestamptz,
        frontline.business_add(1, '2024-03-29 15:00Z', 120));
    PERFORM pg_temp.expect('DST spring minutes', 120,
        frontline.business_minutes(1, '2024-03-29 15:00Z', '2024-04-01 08:00Z'));
    -- DST autumn (last Sunday of October: 2024-10-27, 03:00 CEST -> 02:00 CET).
    -- Fri 16:00 CEST (14:00Z) + 120 = Mon 10:00 CET = 09:00Z.
    PERFORM pg_temp.expect('DST autumn add',
        '2024-10-28 09:00Z'::timestamptz,
        frontline.business_add(1, '2024-10-25 14:00Z', 120));
    PERFORM pg_temp.expect('DST autumn minutes', 120,
        frontline.business_minutes(1, '2024-10-25 14:00Z', '2024-10-28 09:00Z'));
    -- A month across the October change: 20 business days from Tue 1 Oct
    -- 09:00 CEST (07:00Z) end Mon 28 Oct 17:00 CET (16:00Z).
    PERFORM pg_temp.expect('month across DST and holiday',
        '2024-10-28 16:00Z'::timestamptz,
        frontline.business_add(1, '2024-10-01 07:00Z', 20 * 480));

    -- 24/7 in Warsaw: the spring night has 23 hours, the autumn night 25.
    PERFORM pg_temp.expect('24/7 spring day', 23 * 60,
        frontline.business_minutes(3, ('2024-03-30 12:00' || w)::timestamptz, ('2024-03-31 12:00' || w)::timestamptz));
    PERFORM pg_temp.expect('24/7 autumn day', 25 * 60,
        frontline.business_minutes(3, ('2024-10-26 12:00' || w)::timestamptz, ('2024-10-27 12:00' || w)::timestamptz));
    -- Sat 23:00 CET + 180 real minutes = Sun 03:00 CEST (01:00Z).
    PERFORM pg_temp.expect('24/7 add across spring change',
        '2024-03-31 01:00Z'::timestamptz,
        frontline.business_add(3, ('2024-03-30 23:00' || w)::timestamptz, 180));
    -- Hours that contain the change itself: Sunday 00:00-04:00 local is 3 real
    -- hours on 31 March and 5 on 27 October.
    PERFORM pg_temp.expect('shift across spring change', 180,
        frontline.business_minutes(4, '2024-03-30 00:00Z', '2024-04-01 00:00Z'));
    PERFORM pg_temp.expect('shift across autumn change', 300,
        frontline.business_minutes(4, '2024-10-26 00:00Z', '2024-10-28 00:00Z'));
    PERFORM pg_temp.expect('shift on a normal Sunday', 240,
        frontline.business_minutes(4, '2024-03-23 00:00Z', '2024-03-25 00:00Z'));

    -- Split days: 11:30 + 60 = 13:30 (lunch is not business time).
    PERFORM pg_temp.expect('split day add',
        ('2024-03-11 13:30' || w)::timestamptz,
        frontline.business_add(2, ('2024-03-11 11:30' || w)::timestamptz, 60));
    PERFORM pg_temp.expect('split day minutes', 420,
        frontline.business_minutes(2, ('2024-03-11 08:00' || w)::timestamptz, ('2024-03-11 18:00' || w)::timestamptz));

    -- No calendar: wall-clock minutes.
    PERFORM pg_temp.expect('null calendar add', '2024-03-09 02:00Z'::timestamptz,
        frontline.business_add(NULL, '2024-03-08 22:00Z', 240));
    PERFORM pg_temp.expect('null calendar minutes', 240,
        frontline.business_minutes(NULL, '2024-03-08 22:00Z', '2024-03-09 02:00Z'));
    -- Zero minutes: the start itself.
    PERFORM pg_temp.expect('zero minutes', '2024-03-09 12:00Z'::timestamptz,
        frontline.business_add(1, '2024-03-09 12:00Z', 0));
END $$;

-- Against a naive reference (every day, every interval, no week skipping):
-- 400 random intervals of up to 70 days through 2024 (both DST changes, all
-- holidays), on every calendar.
CREATE TEMP TABLE samples AS
SELECT cal, a, a + (random() * interval '70 days') AS b
  FROM (SELECT 1 + (i % 4) AS cal,
               date_trunc('minute', '2024-01-01 00:00Z'::timestamptz + random() * interval '330 days') AS a
          FROM generate_series(1, 400) i) s;

CREATE FUNCTION pg_temp.naive_seconds(p_cal bigint, p_a timestamptz, p_b timestamptz)
RETURNS double precision LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(greatest(0, extract(epoch FROM
               least(p_b, (d::date + h.closes) AT TIME ZONE c.time_zone)
             - greatest(p_a, (d::date + h.opens) AT TIME ZONE c.time_zone)))), 0)
      FROM frontline.calendars c
      JOIN frontline.calendar_hours h ON h.calendar_id = c.id
      JOIN generate_series((p_a AT TIME ZONE c.time_zone)::date - 1,
                           (p_b AT TIME ZONE c.time_zone)::date + 1, interval '1 day') d
        ON extract(isodow FROM d) = h.isodow
     WHERE c.id = p_cal
       AND NOT EXISTS (SELECT 1 FROM frontline.holidays ho WHERE ho.calendar_id = c.id AND ho.day = d::date)
$$;

DO $$
DECLARE
    r record;
    n int := 0;
BEGIN
    FOR r IN SELECT s.*, pg_temp.naive_seconds(s.cal, s.a, s.b) AS want,
                    frontline.business_seconds(s.cal, s.a, s.b) AS got
               FROM samples s LOOP
        IF abs(r.want - r.got) > 0.001 THEN
            RAISE EXCEPTION 'business_seconds(%, %, %): expected % (naive), got %',
                r.cal, r.a, r.b, r.want, r.got;
        END IF;
        n := n + 1;
    END LOOP;
    PERFORM pg_temp.expect('reference samples checked', 400, n);
END $$;

-- business_add and business_minutes are inverse: minutes(a, add(a, m)) = m,
-- and add() lands on business time (never at the end of a closed stretch:
-- one second earlier is one business second less). Starts are whole minutes.
DO $$
DECLARE
    r record;
    v_due timestamptz;
BEGIN
    FOR r IN SELECT cal, a, 1 + (random() * 20000)::int AS m FROM samples LOOP
        v_due := frontline.business_add(r.cal, r.a, r.m);
        PERFORM pg_temp.expect(format('minutes(%s, %s, add(.., %s))', r.cal, r.a, r.m),
                               r.m, frontline.business_minutes(r.cal, r.a, v_due));
        PERFORM pg_temp.expect(format('due %s is on business time (cal %s)', v_due, r.cal),
                               r.m * 60.0 - 1,
                               round(frontline.business_seconds(r.cal, r.a, v_due - interval '1 second')::numeric, 3));
    END LOOP;
END $$;

-- Speed: a ticket's SLA over a few weeks must cost well under a millisecond.
DO $$
DECLARE
    t0 timestamptz := clock_timestamp();
    per_call_ms double precision;
BEGIN
    PERFORM frontline.business_add(1, '2024-03-01 09:00Z'::timestamptz + i * interval '7 minutes', 15 * 480)
       FROM generate_series(1, 1000) i;
    PERFORM frontline.business_minutes(1, '2024-03-01 09:00Z'::timestamptz + i * interval '7 minutes', '2024-03-25 12:00Z')
       FROM generate_series(1, 1000) i;
    per_call_ms := extract(epoch FROM clock_timestamp() - t0) * 1000 / 2000;
    IF per_call_ms > 1.0 THEN
        RAISE EXCEPTION 'business time too slow: expected < 1 ms per three-week call, got % ms', per_call_ms;
    END IF;
END $$;
