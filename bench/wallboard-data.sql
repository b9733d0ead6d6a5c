-- bench/wallboard-data.sql: the generator of bench/wallboard.sh, a help
-- desk of two years: organizations and customers, the demo's teams, queues,
-- Warsaw business calendar (with Polish holidays) and SLA policies, agents,
-- and N tickets with their conversations, SLA clocks, audit trail and
-- ratings, a few hundred of them still open.
--
-- Loaded once by the superuser into the migrated database; it only defines
-- schema `bench` (helpers and staging tables). bench/wallboard.sh calls the
-- functions in order, each batch in its own transaction, and drops the
-- schema at the end:
--   bench.setup_reference(customers, agents, now)   teams .. customers
--   bench.make_calendar(now)                        bpos/bat: business time
--   bench.plan_arrivals(tickets, days, now)         when each ticket arrives
--   bench.plan_batch(lo, hi, now)                   its timeline (staging)
--   bench.choose_open(open, now)                    which stay open
--   bench.load_batch(lo, hi, now)    [replica]      the real tables
--   bench.finish(now)                               open tickets' summary,
--                                                   contacts, presence
--
-- The history goes in with triggers off (session_replication_role =
-- replica), so load_batch writes what the triggers of 002/003 would have
-- written, the way share/demo/seed.sql does: sla_clocks following the
-- invariant of 002-sla.sql
--     due_at = business_add(calendar, started_at, target + paused_minutes)
-- where paused_minutes adds business_minutes() of each pause (pending, and
-- the time a reopened ticket spent solved), first_response_at, solved_at,
-- closed_at, and the audit trail (insert, messages, status changes) that
-- stats_tickets() reads for reopens. The business calendar arithmetic is
-- done in bulk on arrays of the calendar's opening intervals (the demo's
-- method; bench/wallboard.sh checks a sample against business_add()).
-- The open tickets' denormalised columns (sla_due_at ...) are then set by
-- the real trigger (an UPDATE as sla_recompute() does).
-- Not written: the changes log and the outbox (the relay's, not read by
-- any figure), ratings' callback tickets, survey fatigue.
--
-- Random draws are a hash of (ticket, draw number): the same data set for
-- the same N and the same day, whatever the batch size.

CREATE SCHEMA bench;
-- The functions refer to tables that setup_reference() and plan_arrivals()
-- make.
SET check_function_bodies = off;

-- The staging table of the timelines (plan_batch, choose_open).
CREATE UNLOGGED TABLE bench.t (
    n bigint PRIMARY KEY, created_at timestamptz NOT NULL, customer_id bigint NOT NULL, lang text NOT NULL,
    tier text NOT NULL, cust_name text NOT NULL, topic text NOT NULL, issue integer NOT NULL,
    priority text NOT NULL, channel text NOT NULL, queue_id bigint NOT NULL, queue_name text NOT NULL,
    policy_id bigint NOT NULL, cal boolean NOT NULL, fr_t integer NOT NULL, nr_t integer NOT NULL,
    res_t integer NOT NULL, assignee_id bigint NOT NULL,
    noreply boolean NOT NULL, rounds integer NOT NULL, reopen boolean NOT NULL,
    fr_at timestamptz, p1 timestamptz, c1 timestamptz, a1 timestamptz,
    p2 timestamptz, c2 timestamptz, a2 timestamptz, s1 timestamptz,
    c3 timestamptz, a3 timestamptz, s2 timestamptz,
    fr_due timestamptz NOT NULL, is_open boolean NOT NULL DEFAULT false
);

-- A draw in [0, 1) for (n, k).
CREATE FUNCTION bench.r(n bigint, k integer) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (hashint8(n * 97 + k) & 2147483647)::double precision / 2147483648.0
$$;

-- items[k] where thresholds[k] <= r < thresholds[k+1] (thresholds from 0).
CREATE FUNCTION bench.wpick(r double precision, items anyarray, thresholds double precision[])
RETURNS anyelement LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT items[width_bucket(r, thresholds)]
$$;

-- An element of an array for a draw r.
CREATE FUNCTION bench.pick(r double precision, items anyarray) RETURNS anyelement
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT items[1 + floor(r * cardinality(items))::int]
$$;

-- ---------------------------------------------------------------------------
-- Text
-- ---------------------------------------------------------------------------

CREATE TABLE bench.topics (
    topic         text PRIMARY KEY,
    queue         text NOT NULL,
    weight        double precision NOT NULL,
    technical     boolean NOT NULL,
    rating_topic  text NOT NULL,
    subj          text[] NOT NULL,
    prob          text[] NOT NULL,
    ans           text[] NOT NULL,
    sol           text NOT NULL
);
INSERT INTO bench.topics VALUES
('billing', 'Billing', 14, false, 'billing',
 ARRAY['Charged twice for my subscription', 'Wrong amount on my last payment', 'Unexpected charge on my card', 'Payment failed but the money was taken'],
 ARRAY['I was charged twice for my subscription this month. Both payments show on my bank statement.',
       'My card was charged more than my plan should cost. I did not change anything in my account.',
       'There is a charge from you that I don''t recognise. What is it for?',
       'The payment page showed an error, but the money was still taken from my account.'],
 ARRAY['I checked your account and you''re right: the second payment was a duplicate. I''ve started a refund; it usually takes 3-5 business days to show on your card.',
       'The amount includes VAT and the pro-rated price of the seats added last month. I''ve attached a breakdown of the charge.',
       'This charge is the annual renewal of your plan. If you did not intend to renew, I can cancel it and refund the payment.',
       'A payment that fails is never captured on our side: what you see is an authorisation hold, and your bank releases it within a few days.'],
 'All sorted on our side: the charge has been corrected and anything you overpaid is on its way back to your card.'),
('invoice', 'Billing', 8, false, 'billing',
 ARRAY['Invoice needed for my order', 'Company details missing on the invoice', 'Please correct the VAT number on my invoice', 'Where can I download my invoices?'],
 ARRAY['Could you send me an invoice for my last order? Our accounting department needs it by the end of the month.',
       'The invoice I received does not show our company name and address. We need a corrected invoice.',
       'The VAT number on our last invoice is wrong. The correct one is in our account settings.',
       'I can''t find where to download the invoices for previous months.'],
 ARRAY['I''ve attached the invoice. You can also download all your invoices under Settings > Billing > Invoices.',
       'I''ve updated your company details and issued a corrected invoice; you''ll find it attached.',
       'I''ve corrected the VAT number in your billing profile and issued a corrected invoice; the old one is void.',
       'All invoices are in the customer portal under Billing > Invoice history, each one as a PDF.'],
 'All done: the invoice is in your customer portal, and we''ve emailed a copy to your accounting address.'),
('refund', 'Billing', 10, false, 'refund',
 ARRAY['Refund request for my order', 'When will I get my refund?', 'I want my money back', 'Item arrived damaged'],
 ARRAY['I would like to request a refund for my order. The product did not meet my expectations.',
       'You promised me a refund two weeks ago, but I still haven''t received it.',
       'I cancelled during the free trial but was still charged. Please refund it.',
       'The item arrived damaged and I would like a full refund.'],
 ARRAY['Your order qualifies for a full refund, and I''ve started it now. Please allow 5-7 business days for your bank to process it.',
       'The refund was sent from our side last week. Banks sometimes take up to 10 business days; could you check your statement again?',
       'You''re right, a cancellation during the trial should never be charged. I''ve refunded it in full.',
       'I''m sorry the item arrived damaged. Could you send us a photo of the damage? As soon as we have it I''ll issue the refund.'],
 'The refund has been processed. You''ll see it on your account within a few business days.'),
('subscription', 'Billing', 9, false, 'billing',
 ARRAY['Upgrade to the Business plan', 'How do I cancel my subscription?', 'Downgrade our plan', 'Question about plan limits'],
 ARRAY['We''d like to upgrade to the Business plan. Will we be charged the full price right away?',
       'How do I cancel my subscription? I can''t find the option anywhere.',
       'We need fewer seats now. Can we downgrade our plan from next month?',
       'We''ve reached the user limit of our plan. What are our options?'],
 ARRAY['When you upgrade, you only pay the difference for the rest of the billing period. You can do it under Settings > Subscription.',
       'You can cancel under Settings > Subscription > Cancel plan. Your access stays active until the end of the paid period.',
       'I''ve scheduled the downgrade from the start of your next billing period; nothing changes until then.',
       'You can add more seats under Settings > Subscription, or move to the Business plan, which has no user limit.'],
 'Your plan has been changed as requested. The new price will appear on your next invoice.'),
('login', 'General', 14, false, 'login',
 ARRAY['Can''t log in to my account', 'Account locked after failed attempts', 'Two-factor code not accepted', 'Password reset email never arrives'],
 ARRAY['I can''t log in since this morning. It says my password is wrong, but I''m sure it''s right.',
       'My account was locked after a few failed attempts. How do I unlock it?',
       'The two-factor code from my app is rejected every time.',
       'I requested a password reset three times but no email arrives.'],
 ARRAY['I''ve reset the login attempts on your account; you can log in again now. If it happens again, use the password reset link.',
       'Your account is unlocked. For security it locks after five failed attempts within ten minutes.',
       'The codes are time-based: please check that the clock on your phone is set automatically, then try again.',
       'Our emails were blocked by your mail server. I''ve sent the reset link again from another address; please check the spam folder too.'],
 'Glad you''re back in. I''m marking this as solved; reply here if the problem comes back.'),
('delivery', 'General', 12, false, 'delivery',
 ARRAY['My order has not arrived', 'Tracking number doesn''t work', 'Wrong item delivered', 'Change of delivery address'],
 ARRAY['My order was supposed to arrive last week, but I still don''t have it.',
       'The tracking number in my confirmation email shows "not found" on the courier''s website.',
       'I received a different product than the one I ordered.',
       'Can I still change the delivery address for my order? I''m moving next week.'],
 ARRAY['I checked with the courier: your parcel is at the local depot and will be delivered tomorrow. Here is the updated tracking link.',
       'Tracking numbers become active up to 24 hours after the parcel ships. Yours is active now.',
       'Sorry for the mix-up! I''ve emailed you a free return label and we''re shipping the correct item today.',
       'The parcel hasn''t left our warehouse yet, so I''ve changed the delivery address for you.'],
 'The courier confirms the parcel was delivered today. Enjoy your order!'),
('account', 'General', 8, false, 'other',
 ARRAY['Change the email address on my account', 'Please delete my account', 'Request a copy of my personal data', 'Add a new user to our account'],
 ARRAY['I''d like to change the email address on my account to my new work address.',
       'Please delete my account and all my personal data.',
       'Under GDPR I would like to receive a copy of all personal data you store about me.',
       'How do I add a new colleague to our company account?'],
 ARRAY['I''ve sent a confirmation link to your new email address. Once you click it, the change is complete.',
       'Your account will be deleted within 30 days, as required by law. You''ll receive a confirmation email when it''s done.',
       'We''ve started the export of your personal data. You''ll receive a download link by email within 48 hours.',
       'You can add users under Settings > Team > Invite user. Each user needs their own email address.'],
 'Everything has been done as you asked. Let us know if there''s anything else we can help with.'),
('bug', 'Technical', 12, true, 'defect',
 ARRAY['App crashes when I open reports', 'Error 500 when saving changes', 'Export button does nothing', 'Data missing after the last update'],
 ARRAY['The app crashes every time I open the Reports section. I reinstalled it, but it didn''t help.',
       'When I save changes to a customer record I get "Error 500: internal server error".',
       'Clicking "Export to CSV" does nothing, no file is downloaded.',
       'After the last update some of my saved filters and notes have disappeared.'],
 ARRAY['Thank you for the detailed report. We could reproduce the crash; it''s a known bug and a fix is going out in this week''s update.',
       'Our developers found the cause of the error: a field longer than 255 characters. As a workaround, please shorten the address field.',
       'Could you try again in another browser? The export is sometimes blocked by pop-up blockers; please allow pop-ups for our site.',
       'Your filters and notes were not deleted: the update hid them because of a display bug. I''ve restored them on your account.'],
 'The fix has been released. Please update the app and let us know if the problem comes back.'),
('performance', 'Technical', 6, true, 'defect',
 ARRAY['The dashboard is very slow', 'Pages take forever to load', 'Timeouts during working hours', 'Sync takes hours'],
 ARRAY['The dashboard takes more than a minute to load, and the whole team is affected.',
       'Since Monday every page loads very slowly, especially in the morning.',
       'We keep getting timeout errors between 9 and 11 am.',
       'Synchronisation with the mobile app now takes hours instead of minutes.'],
 ARRAY['Your account has a very large number of archived records, which slows down the dashboard. I''ve enabled archiving of old records.',
       'We saw higher load on one of our database servers this morning; it has been fixed and pages should load normally now.',
       'Could you run a speed test from the link below and send us the result? It will tell us whether the delay is on our side.',
       'The first sync after the update downloads all your records again, which takes a while; later syncs only transfer the changes.'],
 'Our monitoring shows normal response times again. Thanks for your patience!'),
('integration', 'Technical', 7, true, 'howto',
 ARRAY['API returns 401 Unauthorized', 'Webhooks stopped arriving', 'Rate limit exceeded', 'Question about the REST API'],
 ARRAY['Since yesterday every call to your API returns 401 Unauthorized, although we haven''t changed the API key.',
       'Our webhook endpoint hasn''t received any events since last week.',
       'We keep getting "429 Too Many Requests" from the API during our nightly import.',
       'Is there an API endpoint to export all tickets with their custom fields?'],
 ARRAY['API keys created before March had to be rotated after our security update. Please create a new key under Settings > API.',
       'Your webhook was disabled automatically after repeated 5xx responses from your server. I''ve re-enabled it.',
       'The default limit is 600 requests per minute. Please use the batch endpoint for imports, or I can raise the limit for your account.',
       'Yes: GET /api/v2/tickets/export returns all tickets with their custom fields, page by page.'],
 'Events are flowing again according to our logs. Let us know if you see any gaps.');

CREATE TABLE bench.text (
    greet    text[] NOT NULL,   -- customer greetings
    sign     text[] NOT NULL,
    follow   text[] NOT NULL,   -- customer follow-ups
    reopen   text[] NOT NULL,
    hold     text[] NOT NULL,   -- agent holding replies
    notes    text[] NOT NULL,
    low      text[] NOT NULL,   -- low rating comments
    high     text[] NOT NULL,
    first_m  text[] NOT NULL,
    first_f  text[] NOT NULL,
    last     text[] NOT NULL,
    org      text[] NOT NULL
);
INSERT INTO bench.text VALUES (
    ARRAY['Hello,', 'Hi,', 'Good morning,', 'Hi there,', 'Dear Support team,'],
    ARRAY['Thanks.', 'Best regards.', 'Kind regards.', 'Thank you in advance!'],
    ARRAY['Thanks for the quick answer. I tried that, but the problem is still there. Could you take another look?',
          'Here is the screenshot you asked for. It happened again this morning.',
          'Sorry, I''m not sure I understand. What exactly should I do on my side?',
          'I checked again and it is still not resolved. This is getting frustrating.',
          'OK, I did what you suggested. Do you need anything else from me?'],
    ARRAY['Sorry to come back to this, but it happened again today.',
          'The problem is back since yesterday. Can you reopen this?',
          'It worked for a day, now the same error again.'],
    ARRAY['Thank you for the details. I''ve passed this to our specialists and will get back to you as soon as I hear from them.',
          'Thanks for your patience. Could you send me a screenshot of the error and the exact time it happened?',
          'I''m sorry for the trouble. I''m checking this with the team responsible and will update you today.'],
    ARRAY['Checked the logs, looks like the known issue.', 'Customer called twice about this already.',
          'Escalation candidate if the fix does not help.', 'Verified identity by phone.'],
    ARRAY['Nobody answered for two days.', 'The problem is still not solved.',
          'I had to explain the same thing three times.', 'The answer was a copy-paste that did not address my question.',
          'The ticket was closed without asking me.'],
    ARRAY['Quick and friendly, thank you!', 'Solved in minutes, great service.', 'Clear explanation, thanks.'],
    ARRAY['James', 'John', 'Robert', 'Michael', 'David', 'Piotr', 'Tomasz', 'Ivan', 'Sergey', 'Oliver', 'Jakub', 'Dmitry', 'Adam', 'Lucas', 'Henry'],
    ARRAY['Mary', 'Emma', 'Olivia', 'Anna', 'Katarzyna', 'Olga', 'Maria', 'Sophie', 'Zofia', 'Elena', 'Grace', 'Natalia', 'Ewa', 'Alice', 'Irina'],
    ARRAY['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Nowak', 'Kowalski', 'Wójcik', 'Ivanov', 'Petrov', 'Sokolov', 'Clarke',
          'Hughes', 'Lewandowski', 'Zieliński', 'Volkov', 'Morozov', 'Evans', 'Walker', 'Kamiński'],
    ARRAY['Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Acme', 'Tyrell',
          'Cyberdyne', 'Soylent', 'Vandelay', 'Wonka', 'Dunder', 'Pied Piper', 'Oscorp', 'Gringotts', 'Monarch']
);

-- ---------------------------------------------------------------------------
-- Reference data: the demo's shape (2 teams, 4 queues, the Warsaw calendar,
-- Standard/Premium/VIP), scaled agents, customers in organizations.
-- ---------------------------------------------------------------------------

CREATE FUNCTION bench.setup_reference(p_customers integer, p_agents integer, p_now timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    r       record;
    v_orgs  integer := greatest(1, p_customers / 7);
    v_cc    integer := greatest(1, round(p_agents * 0.7)::int);
BEGIN
    INSERT INTO frontline.teams (name) VALUES ('Customer Care'), ('Technical Support');

    INSERT INTO frontline.calendars (name, time_zone) VALUES ('Warsaw office hours', 'Europe/Warsaw');
    INSERT INTO frontline.calendar_hours (calendar_id, isodow, opens, closes)
    SELECT c.id, d, '08:00', '18:00'
      FROM frontline.calendars c, generate_series(1, 5) AS d
     WHERE c.name = 'Warsaw office hours';
    -- Polish public holidays (Easter by the Gregorian computus, as the demo)
    -- over the whole history and the year ahead.
    INSERT INTO frontline.holidays (calendar_id, day, name)
    SELECT c.id, h.day, h.name
      FROM frontline.calendars c
     CROSS JOIN LATERAL (
        SELECT y, make_date(y, ((e.h + e.l - 7 * e.m + 114) / 31), ((e.h + e.l - 7 * e.m + 114) % 31) + 1) AS easter
          FROM generate_series(extract(year FROM p_now)::int - 3, extract(year FROM p_now)::int + 1) AS y
         CROSS JOIN LATERAL (SELECT y % 19 AS a, y / 100 AS b, y % 100 AS c) AS s1
         CROSS JOIN LATERAL (SELECT s1.b / 4 AS d, s1.b % 4 AS e, (s1.b + 8) / 25 AS f, s1.c / 4 AS i, s1.c % 4 AS k) AS s2
         CROSS JOIN LATERAL (SELECT (19 * s1.a + s1.b - s2.d - (s1.b - s2.f + 1) / 3 + 15) % 30 AS h) AS s3
         CROSS JOIN LATERAL (SELECT s3.h, (32 + 2 * s2.e + 2 * s2.i - s3.h - s2.k) % 7 AS l) AS s4
         CROSS JOIN LATERAL (SELECT s4.h, s4.l, (s1.a + 11 * s4.h + 22 * s4.l) / 451 AS m) AS e
     ) AS ea
     CROSS JOIN LATERAL (VALUES
        (make_date(ea.y, 1, 1), 'Nowy Rok'), (make_date(ea.y, 1, 6), 'Święto Trzech Króli'),
        (ea.easter, 'Wielkanoc'), (ea.easter + 1, 'Poniedziałek Wielkanocny'),
        (make_date(ea.y, 5, 1), 'Święto Pracy'), (make_date(ea.y, 5, 3), 'Święto Konstytucji 3 Maja'),
        (ea.easter + 49, 'Zielone Świątki'), (ea.easter + 60, 'Boże Ciało'),
        (make_date(ea.y, 8, 15), 'Wniebowzięcie Najświętszej Maryi Panny'),
        (make_date(ea.y, 11, 1), 'Wszystkich Świętych'), (make_date(ea.y, 11, 11), 'Narodowe Święto Niepodległości'),
        (make_date(ea.y, 12, 24), 'Wigilia Bożego Narodzenia'),
        (make_date(ea.y, 12, 25), 'Boże Narodzenie (pierwszy dzień)'),
        (make_date(ea.y, 12, 26), 'Boże Narodzenie (drugi dzień)')
     ) AS h(day, name)
     WHERE c.name = 'Warsaw office hours'
       AND NOT (h.day = make_date(ea.y, 12, 24) AND ea.y < 2025)
    ON CONFLICT DO NOTHING;

    INSERT INTO frontline.sla_policies (name, calendar_id)
    SELECT p.name, CASE WHEN p.name = 'VIP' THEN NULL ELSE c.id END
      FROM (VALUES ('Standard'), ('Premium'), ('VIP')) AS p(name)
     CROSS JOIN frontline.calendars c
     WHERE c.name = 'Warsaw office hours';
    INSERT INTO frontline.sla_targets (policy_id, priority, first_response_minutes,
                                       next_response_minutes, resolution_minutes)
    SELECT p.id, t.priority, t.fr, t.nr, t.res
      FROM frontline.sla_policies p
      JOIN (VALUES
        ('Standard', 'urgent',  60, 120,  480), ('Standard', 'high', 240, 240,  960),
        ('Standard', 'normal', 480, 600, 2400), ('Standard', 'low',  960, 1200, 4800),
        ('Premium',  'urgent',  30,  60,  240), ('Premium',  'high', 120, 120,  600),
        ('Premium',  'normal', 240, 300, 1200), ('Premium',  'low',  480,  600, 2400),
        ('VIP',      'urgent',  15,  30,  240), ('VIP',      'high',  30,  60,  480),
        ('VIP',      'normal',  60, 120, 1440), ('VIP',      'low',  240,  480, 2880)
      ) AS t(policy, priority, fr, nr, res) ON t.policy = p.name;

    INSERT INTO frontline.queues (name, team_id, calendar_id, default_policy_id)
    SELECT q.name, t.id, c.id, p.id
      FROM (VALUES (1, 'General', 'Customer Care'), (2, 'Billing', 'Customer Care'),
                   (3, 'Technical', 'Technical Support'), (4, 'Senior', 'Technical Support')) AS q(n, name, team)
      JOIN frontline.teams t ON t.name = q.team
     CROSS JOIN frontline.calendars c
     CROSS JOIN frontline.sla_policies p
     WHERE c.name = 'Warsaw office hours' AND p.name = 'Standard'
     ORDER BY q.n;

    -- Agents: login roles bench_agent_NN (70% Customer Care), everyone
    -- speaks English, some Russian and Polish too.
    FOR i IN 1 .. p_agents LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = format('bench_agent_%s', lpad(i::text, 2, '0'))) THEN
            EXECUTE format('CREATE ROLE %I LOGIN IN ROLE frontline_agent', format('bench_agent_%s', lpad(i::text, 2, '0')));
        END IF;
    END LOOP;
    INSERT INTO frontline.agents (role_name, display_name, team_id, is_supervisor, languages, time_zone)
    SELECT format('bench_agent_%s', lpad(i::text, 2, '0')),
           CASE WHEN i % 2 = 0 THEN bench.pick(bench.r(i, 901), x.first_f) ELSE bench.pick(bench.r(i, 901), x.first_m) END
               || ' ' || bench.pick(bench.r(i, 902), x.last) || ' ' || i,
           t.id, false,
           ARRAY['en'] || CASE WHEN i % 3 = 1 THEN ARRAY['ru'] ELSE '{}' END
                       || CASE WHEN i % 3 = 2 OR i % 5 = 0 THEN ARRAY['pl'] ELSE '{}' END,
           'Europe/Warsaw'
      FROM generate_series(1, p_agents) AS i
     CROSS JOIN bench.text x
      JOIN frontline.teams t ON t.name = CASE WHEN i <= v_cc THEN 'Customer Care' ELSE 'Technical Support' END
     ORDER BY i;

    -- Organizations and customers (86% in an organization; 60% English,
    -- 20% Russian, 20% Polish; 80% standard, 15% premium, 5% VIP).
    INSERT INTO frontline.organizations (name, domain, tier, created_at)
    SELECT bench.pick(bench.r(i, 911), x.org) || ' ' || i,
           lower(replace(bench.pick(bench.r(i, 911), x.org), ' ', '')) || i || '.example.com',
           bench.wpick(bench.r(i, 912), ARRAY['standard', 'premium', 'vip'], ARRAY[0, 0.8, 0.95]),
           p_now - make_interval(days => 800 + (bench.r(i, 913) * 1500)::int)
      FROM generate_series(1, v_orgs) AS i
     CROSS JOIN bench.text x
     ORDER BY i;
    INSERT INTO frontline.customers (organization_id, name, email, phone, language, tier, time_zone, created_at)
    SELECT CASE WHEN bench.r(i, 921) < 0.86 THEN 1 + floor(bench.r(i, 922) * v_orgs)::bigint END,
           CASE WHEN bench.r(i, 923) < 0.5 THEN bench.pick(bench.r(i, 924), x.first_f) ELSE bench.pick(bench.r(i, 924), x.first_m) END
               || ' ' || bench.pick(bench.r(i, 925), x.last),
           'customer' || i || '@example.' || CASE WHEN bench.r(i, 926) < 0.6 THEN 'com' WHEN bench.r(i, 926) < 0.8 THEN 'ru' ELSE 'pl' END,
           CASE WHEN bench.r(i, 927) < 0.9 THEN '+48 5' || lpad((i % 100000000)::text, 8, '0') END,
           bench.wpick(bench.r(i, 926), ARRAY['en', 'ru', 'pl'], ARRAY[0, 0.6, 0.8]),
           bench.wpick(bench.r(i, 928), ARRAY['standard', 'premium', 'vip'], ARRAY[0, 0.8, 0.95]),
           bench.wpick(bench.r(i, 926), ARRAY['Europe/London', 'Europe/Moscow', 'Europe/Warsaw'], ARRAY[0, 0.6, 0.8]),
           p_now - make_interval(days => 740 + (bench.r(i, 929) * 900)::int)
      FROM generate_series(1, p_customers) AS i
     CROSS JOIN bench.text x
     ORDER BY i;

    -- Customers by how often they write (a few write a lot).
    CREATE TABLE bench.cust AS
    SELECT row_number() OVER (ORDER BY bench.r(c.id, 931), c.id) AS rank, c.id, c.name, c.language AS lang, c.tier
      FROM frontline.customers c;
    ALTER TABLE bench.cust ADD PRIMARY KEY (rank);

    -- Who answers a team's tickets in a language.
    CREATE TABLE bench.team_lang AS
    SELECT a.team_id, l.lang, array_agg(a.id ORDER BY a.id) AS ids
      FROM frontline.agents a CROSS JOIN unnest(a.languages) AS l(lang)
     WHERE NOT a.is_supervisor AND a.active
     GROUP BY 1, 2;
    -- A team without a speaker of a language answers in English.
    INSERT INTO bench.team_lang
    SELECT t.id, l.lang, (SELECT tl.ids FROM bench.team_lang tl WHERE tl.team_id = t.id AND tl.lang = 'en')
      FROM frontline.teams t CROSS JOIN (VALUES ('ru'), ('pl')) AS l(lang)
     WHERE NOT EXISTS (SELECT 1 FROM bench.team_lang tl WHERE tl.team_id = t.id AND tl.lang = l.lang);
    ALTER TABLE bench.team_lang ADD PRIMARY KEY (team_id, lang);

    CREATE TABLE bench.pick AS
    SELECT (SELECT array_agg(topic ORDER BY topic) FROM bench.topics) AS topics,
           (SELECT array_agg(cum ORDER BY topic)
              FROM (SELECT topic, (sum(weight) OVER (ORDER BY topic) - weight) / sum(weight) OVER () AS cum
                      FROM bench.topics) AS s) AS topic_thr,
           (SELECT count(*) FROM bench.cust) AS ncust;
END $$;

-- ---------------------------------------------------------------------------
-- Business time in bulk (share/demo/seed.sql's method): o[k] the opening
-- instant of the k-th business interval, l[k] its length, c[k] the business
-- seconds before it; pos(t) = c[k] + least(l[k], t - o[k]) and its inverse
-- at(p) = o[k] + (p - c[k]), so business_add(cal, t, m) = at(pos(t) + 60 m)
-- and business_seconds(a, b) = pos(b) - pos(a).
-- ---------------------------------------------------------------------------

CREATE FUNCTION bench.make_calendar(p_from timestamptz, p_to timestamptz) RETURNS integer
LANGUAGE plpgsql AS $f$
DECLARE
    v_o text;
    v_l text;
    v_c text;
    v_n integer;
BEGIN
    WITH cal AS (
        SELECT id, time_zone FROM frontline.calendars WHERE name = 'Warsaw office hours'
    ), days AS (
        SELECT d::date AS day
          FROM cal, generate_series((p_from AT TIME ZONE cal.time_zone)::date - 7,
                                    (p_to AT TIME ZONE cal.time_zone)::date + 7, interval '1 day') AS d
    ), iv AS (
        SELECT (d.day + h.opens) AT TIME ZONE cal.time_zone AS o,
               (d.day + h.closes) AT TIME ZONE cal.time_zone AS e
          FROM days d CROSS JOIN cal
          JOIN frontline.calendar_hours h ON h.calendar_id = cal.id AND h.isodow = extract(isodow FROM d.day)
         WHERE NOT EXISTS (SELECT 1 FROM frontline.holidays ho WHERE ho.calendar_id = cal.id AND ho.day = d.day)
    ), cum AS (
        SELECT o, date_part('epoch', e - o) AS l,
               coalesce(sum(date_part('epoch', e - o)) OVER (ORDER BY o ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS c
          FROM iv
    )
    SELECT array_agg(o ORDER BY o)::text, array_agg(l ORDER BY o)::text, array_agg(c ORDER BY o)::text, count(*)
      INTO v_o, v_l, v_c, v_n
      FROM cum;
    EXECUTE format($x$
        CREATE OR REPLACE FUNCTION bench.bpos(t timestamptz) RETURNS double precision
        LANGUAGE sql STABLE PARALLEL SAFE AS $b$
            SELECT coalesce((%1$L::float8[])[width_bucket(t, %2$L::timestamptz[])]
                            + least((%3$L::float8[])[width_bucket(t, %2$L::timestamptz[])],
                                    date_part('epoch', t - (%2$L::timestamptz[])[width_bucket(t, %2$L::timestamptz[])])), 0)
        $b$ $x$, v_c, v_o, v_l);
    EXECUTE format($x$
        CREATE OR REPLACE FUNCTION bench.bat(p double precision) RETURNS timestamptz
        LANGUAGE sql STABLE PARALLEL SAFE AS $b$
            SELECT (%2$L::timestamptz[])[greatest(1, width_bucket(p - 1e-7, %1$L::float8[]))]
                   + make_interval(secs => p - (%1$L::float8[])[greatest(1, width_bucket(p - 1e-7, %1$L::float8[]))])
        $b$ $x$, v_c, v_o);
    EXECUTE format($x$
        CREATE OR REPLACE FUNCTION bench.bopen(t timestamptz) RETURNS boolean
        LANGUAGE sql STABLE PARALLEL SAFE AS $b$
            SELECT coalesce(t < (%1$L::timestamptz[])[width_bucket(t, %1$L::timestamptz[])]
                                + make_interval(secs => (%2$L::float8[])[width_bucket(t, %1$L::timestamptz[])]), false)
        $b$ $x$, v_o, v_l);
    RETURN v_n;
END $f$;

-- Placeholders until make_calendar() replaces them (the functions below
-- refer to them).
CREATE FUNCTION bench.bpos(t timestamptz) RETURNS double precision LANGUAGE sql STABLE AS $$ SELECT NULL::float8 $$;
CREATE FUNCTION bench.bat(p double precision) RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT NULL::timestamptz $$;
CREATE FUNCTION bench.bopen(t timestamptz) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT NULL::boolean $$;

CREATE FUNCTION bench.pos(cal boolean, t timestamptz) RETURNS double precision
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN cal THEN bench.bpos(t) ELSE date_part('epoch', t) END
$$;
-- business_add(cal, t, secs / 60)
CREATE FUNCTION bench.badd(cal boolean, t timestamptz, secs double precision) RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN t IS NULL OR secs IS NULL THEN NULL
                WHEN cal THEN bench.bat(bench.bpos(t) + secs)
                ELSE t + make_interval(secs => secs) END
$$;
-- business_minutes(cal, a, b) for a <= b: rounded, as sla_on_status() adds them
CREATE FUNCTION bench.bmin(cal boolean, a timestamptz, b timestamptz) RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN a IS NOT NULL AND b IS NOT NULL
                THEN round((bench.pos(cal, b) - bench.pos(cal, a)) / 60)::integer END
$$;

-- ---------------------------------------------------------------------------
-- Arrivals: p_n tickets over p_days days up to now, by hour: busy weekday
-- mornings and afternoons, quiet nights and weekends, fewer on holidays,
-- growing by half over the period. Ticket n arrives in order (ids follow
-- creation time).
-- ---------------------------------------------------------------------------

CREATE FUNCTION bench.plan_arrivals(p_n bigint, p_days integer, p_now timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    CREATE TABLE bench.hours AS
    WITH h AS (
        SELECT h AS hour_start,
               least(interval '1 hour', (p_now - interval '1 minute') - h) AS span
          FROM generate_series(date_trunc('hour', p_now - make_interval(days => p_days)) + interval '1 hour',
                               p_now - interval '1 minute', interval '1 hour') AS h
    ), w AS (
        SELECT h.*,
               (ARRAY[1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 3, 6, 9, 10, 9.5, 8, 8.5, 9, 8.5, 7.5, 6, 4.5, 3.5, 3, 2.5, 2, 1.5])
                   [extract(hour FROM h.hour_start AT TIME ZONE 'Europe/Warsaw')::int + 1]
             * (ARRAY[1.25, 1.15, 1.1, 1.05, 0.95, 0.35, 0.3])[extract(isodow FROM h.hour_start AT TIME ZONE 'Europe/Warsaw')::int]
             * CASE WHEN EXISTS (SELECT 1 FROM frontline.holidays ho
                                  WHERE ho.day = (h.hour_start AT TIME ZONE 'Europe/Warsaw')::date) THEN 0.4 ELSE 1 END
             * (0.8 + 0.4 * (1 - date_part('epoch', p_now - h.hour_start) / (p_days * 86400.0)))
             * date_part('epoch', h.span) / 3600 AS w
          FROM h
    ), c AS (
        SELECT w.*, sum(w.w) OVER (ORDER BY w.hour_start) AS cum, sum(w.w) OVER () AS total
          FROM w
    )
    SELECT hour_start, span,
           floor(p_n * (cum - w) / total)::bigint AS lo,
           CASE WHEN cum >= total THEN p_n ELSE floor(p_n * cum / total)::bigint END AS hi
      FROM c;

    CREATE TABLE bench.arrival AS
    SELECT n, h.hour_start + h.span * (((n - h.lo - 1) + bench.r(n, 1)) / (h.hi - h.lo)) AS created_at
      FROM bench.hours h
     CROSS JOIN LATERAL generate_series(h.lo + 1, h.hi) AS n
     WHERE h.hi > h.lo;
    ALTER TABLE bench.arrival ADD PRIMARY KEY (n);
    ANALYZE bench.arrival;
END $$;

-- ---------------------------------------------------------------------------
-- Timelines of tickets lo..hi (the demo's model): the first reply after a
-- delay in business time (most within the target, some late); 0, 1 or 2
-- rounds in which the ticket waits pending for the customer (wall time),
-- the customer writes, the agent replies; solved just after the last reply.
-- 3% are solved without a public reply (spam, duplicates); 4% are
-- reopened once by the customer after the solve, answered and solved again.
-- ---------------------------------------------------------------------------

CREATE FUNCTION bench.plan_batch(p_lo bigint, p_hi bigint, p_now timestamptz) RETURNS void
LANGUAGE sql AS $$
INSERT INTO bench.t (n, created_at, customer_id, lang, tier, cust_name, topic, issue, priority, channel,
                     queue_id, queue_name, policy_id, cal, fr_t, nr_t, res_t, assignee_id,
                     noreply, rounds, reopen, fr_at, p1, c1, a1, p2, c2, a2, s1, c3, a3, s2, fr_due)
WITH a AS MATERIALIZED (
    SELECT ar.n, ar.created_at, c.id AS customer_id, c.name AS cust_name, c.lang, c.tier,
           bench.wpick(bench.r(ar.n, 2), k.topics, k.topic_thr) AS topic,
           1 + floor(bench.r(ar.n, 3) * 4)::int AS issue,
           bench.bopen(ar.created_at) AS in_hours,
           bench.wpick(bench.r(ar.n, 4), ARRAY['low', 'normal', 'high', 'urgent'],
               CASE c.tier WHEN 'vip' THEN ARRAY[0, 0.05, 0.55, 0.85]
                           WHEN 'premium' THEN ARRAY[0, 0.12, 0.70, 0.92]
                           ELSE ARRAY[0, 0.18, 0.78, 0.95] END) AS priority
      FROM bench.arrival ar
     CROSS JOIN bench.pick k
      JOIN bench.cust c ON c.rank = 1 + floor(power(bench.r(ar.n, 5), 1.6) * k.ncust)::bigint
     WHERE ar.n >= p_lo AND ar.n < p_hi
), b AS MATERIALIZED (
    SELECT a.*,
           CASE WHEN a.in_hours
                THEN bench.wpick(bench.r(a.n, 6), ARRAY['email', 'chat', 'phone', 'portal', 'messenger', 'social', 'walk-in'],
                                 ARRAY[0, 0.30, 0.50, 0.66, 0.77, 0.87, 0.94])
                ELSE bench.wpick(bench.r(a.n, 6), ARRAY['email', 'portal', 'messenger', 'social'],
                                 ARRAY[0, 0.50, 0.70, 0.90]) END AS channel,
           CASE WHEN (a.priority = 'urgent' AND (a.tier <> 'standard' OR tp.technical)) OR bench.r(a.n, 7) < 0.03
                THEN 'Senior' ELSE tp.queue END AS queue_name,
           CASE a.tier WHEN 'vip' THEN 'VIP' WHEN 'premium' THEN 'Premium' ELSE 'Standard' END AS policy_name
      FROM a JOIN bench.topics tp ON tp.topic = a.topic
), c AS MATERIALIZED (
    SELECT b.*, q.id AS queue_id, q.team_id, p.id AS policy_id, p.calendar_id IS NOT NULL AS cal,
           st.first_response_minutes AS fr_t, st.next_response_minutes AS nr_t, st.resolution_minutes AS res_t,
           bench.pick(bench.r(b.n, 8), tl.ids) AS assignee_id,
           bench.r(b.n, 9) < 0.03 AS noreply,
           CASE WHEN b.channel IN ('phone', 'walk-in', 'chat')
                THEN bench.wpick(bench.r(b.n, 10), ARRAY[0, 1, 2], ARRAY[0, 0.78, 0.95])
                ELSE bench.wpick(bench.r(b.n, 10), ARRAY[0, 1, 2], ARRAY[0, 0.50, 0.84]) END AS rounds0,
           -- first response delay, business seconds
           CASE WHEN b.channel IN ('phone', 'walk-in') THEN 20 + bench.r(b.n, 11) * 200
                WHEN b.channel IN ('chat', 'messenger') THEN
                     CASE WHEN bench.r(b.n, 12) < 0.04 THEN st.first_response_minutes * 60 * (1.05 + bench.r(b.n, 11))
                          ELSE least(st.first_response_minutes * 60 * 0.9, 30 - ln(1 - bench.r(b.n, 11)) * 240) END
                WHEN bench.r(b.n, 12) < CASE b.tier WHEN 'vip' THEN 0.07 WHEN 'premium' THEN 0.09 ELSE 0.12 END
                     THEN st.first_response_minutes * 60 * (1.05 + 1.5 * bench.r(b.n, 11))
                ELSE greatest(60, st.first_response_minutes * 60 * 0.95 * power(bench.r(b.n, 11), 1.6)) END AS fr_delay,
           -- customer waits (wall seconds)
           CASE WHEN b.channel IN ('chat', 'messenger') THEN 30 - ln(1 - bench.r(b.n, 13)) * 300
                ELSE 300 + least(3 * 86400, -ln(1 - bench.r(b.n, 13)) * 4 * 3600) END AS w1,
           CASE WHEN b.channel IN ('chat', 'messenger') THEN 30 - ln(1 - bench.r(b.n, 14)) * 300
                ELSE 300 + least(3 * 86400, -ln(1 - bench.r(b.n, 14)) * 4 * 3600) END AS w2,
           600 + least(3 * 86400, -ln(1 - bench.r(b.n, 15)) * 8 * 3600) AS w3,
           -- next response delays, business seconds
           CASE WHEN b.channel IN ('chat', 'messenger', 'phone', 'walk-in') AND bench.r(b.n, 16) >= 0.03
                     THEN least(st.next_response_minutes * 60 * 0.9, 30 - ln(1 - bench.r(b.n, 17)) * 180)
                WHEN bench.r(b.n, 16) < 0.08 THEN st.next_response_minutes * 60 * (1.05 + bench.r(b.n, 17))
                ELSE greatest(60, st.next_response_minutes * 60 * 0.9 * power(bench.r(b.n, 17), 1.5)) END AS nr1,
           CASE WHEN b.channel IN ('chat', 'messenger', 'phone', 'walk-in') AND bench.r(b.n, 18) >= 0.03
                     THEN least(st.next_response_minutes * 60 * 0.9, 30 - ln(1 - bench.r(b.n, 19)) * 180)
                WHEN bench.r(b.n, 18) < 0.08 THEN st.next_response_minutes * 60 * (1.05 + bench.r(b.n, 19))
                ELSE greatest(60, st.next_response_minutes * 60 * 0.9 * power(bench.r(b.n, 19), 1.5)) END AS nr2,
           greatest(60, st.next_response_minutes * 60 * 0.9 * power(bench.r(b.n, 20), 1.5)) AS nr3,
           -- about 1 in 8 waits on a specialist before the last reply
           CASE WHEN bench.r(b.n, 21) < 0.13 AND b.channel NOT IN ('chat', 'messenger', 'walk-in')
                THEN st.resolution_minutes * 60 * (0.4 + 1.2 * bench.r(b.n, 17)) END AS slow,
           5 + bench.r(b.n, 22) * 115 AS solve_delay,
           60 + bench.r(b.n, 23) * 3600 AS noreply_delay,
           bench.r(b.n, 24) < 0.04 AS reopen0
      FROM b
      JOIN frontline.queues q ON q.name = b.queue_name
      JOIN frontline.sla_policies p ON p.name = b.policy_name
      JOIN frontline.sla_targets st ON st.policy_id = p.id AND st.priority = b.priority
      JOIN bench.team_lang tl ON tl.team_id = q.team_id AND tl.lang = b.lang
), x1 AS MATERIALIZED (
    SELECT c.*, CASE WHEN c.noreply THEN 0 ELSE c.rounds0 END AS rounds,
           NOT c.noreply AND c.reopen0 AS reopen,
           CASE WHEN NOT c.noreply THEN bench.badd(c.cal, c.created_at, c.fr_delay) END AS fr_at
      FROM c
), x2 AS MATERIALIZED (
    SELECT x1.*,
           CASE WHEN x1.rounds >= 1 THEN x1.fr_at + interval '1 second' END AS p1,
           CASE WHEN x1.rounds >= 1 THEN x1.fr_at + make_interval(secs => x1.w1) END AS c1
      FROM x1
), x3 AS MATERIALIZED (
    SELECT x2.*, bench.badd(x2.cal, x2.c1, CASE WHEN x2.rounds = 1 THEN coalesce(x2.slow, x2.nr1) ELSE x2.nr1 END) AS a1
      FROM x2
), x4 AS MATERIALIZED (
    SELECT x3.*,
           CASE WHEN x3.rounds >= 2 THEN x3.a1 + interval '1 second' END AS p2,
           CASE WHEN x3.rounds >= 2 THEN x3.a1 + make_interval(secs => x3.w2) END AS c2
      FROM x3
), x5 AS MATERIALIZED (
    SELECT x4.*, bench.badd(x4.cal, x4.c2, coalesce(x4.slow, x4.nr2)) AS a2
      FROM x4
), x6 AS MATERIALIZED (
    SELECT x5.*,
           CASE WHEN x5.noreply THEN bench.badd(x5.cal, x5.created_at, x5.noreply_delay)
                ELSE coalesce(x5.a2, x5.a1, x5.fr_at) END + make_interval(secs => x5.solve_delay) AS s1
      FROM x5
), x7 AS MATERIALIZED (
    SELECT x6.*, CASE WHEN x6.reopen THEN x6.s1 + make_interval(secs => x6.w3) END AS c3
      FROM x6
), x8 AS MATERIALIZED (
    SELECT x7.*, bench.badd(x7.cal, x7.c3, x7.nr3) AS a3
      FROM x7
)
SELECT n, created_at, customer_id, lang, tier, cust_name, topic, issue, priority, channel,
       queue_id, queue_name, policy_id, cal, fr_t, nr_t, res_t, assignee_id,
       noreply, rounds, reopen, fr_at, p1, c1, a1, p2, c2, a2, s1, c3, a3,
       a3 + make_interval(secs => solve_delay),
       bench.badd(cal, created_at, fr_t * 60.0)
  FROM x8
$$;

-- ---------------------------------------------------------------------------
-- Which tickets are still open at p_now: those whose (first) solve is not
-- before now - 1 minute. When there are more than p_open, a sample of
-- p_open stays open (always the ones of the last half hour) and the others
-- were handled quickly by the shift (a first reply a few minutes after the
-- arrival in wall time, solved at once). A reopen that would end after
-- now is dropped. The open ones keep no reopen.
-- ---------------------------------------------------------------------------

CREATE FUNCTION bench.choose_open(p_open integer, p_now timestamptz) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_cut timestamptz := p_now - interval '1 minute';
    v_n   bigint;
BEGIN
    UPDATE bench.t SET reopen = false, c3 = NULL, a3 = NULL, s2 = NULL
     WHERE reopen AND (s2 > v_cut OR s1 > v_cut);
    WITH late AS (
        SELECT t.n, row_number() OVER (ORDER BY (t.created_at > p_now - interval '30 minutes') DESC,
                                                bench.r(t.n, 40)) AS k
          FROM bench.t t
         WHERE t.s1 > v_cut
    )
    UPDATE bench.t t SET is_open = true
      FROM late WHERE late.n = t.n AND late.k <= p_open;
    -- The rest: answered within 2 to 30 wall minutes (at most half of the
    -- time since the arrival), solved right after.
    UPDATE bench.t t
       SET noreply = false, rounds = 0, reopen = false,
           fr_at = t.created_at + least(make_interval(secs => 120 + bench.r(t.n, 41) * 1680), (v_cut - t.created_at) / 2),
           p1 = NULL, c1 = NULL, a1 = NULL, p2 = NULL, c2 = NULL, a2 = NULL, c3 = NULL, a3 = NULL, s2 = NULL,
           s1 = t.created_at + least(make_interval(secs => 120 + bench.r(t.n, 41) * 1680), (v_cut - t.created_at) / 2)
                + make_interval(secs => 5 + bench.r(t.n, 22) * 25)
     WHERE t.s1 > v_cut AND NOT t.is_open;
    SELECT count(*) INTO v_n FROM bench.t WHERE is_open;
    RETURN v_n;
END $$;

-- ---------------------------------------------------------------------------
-- The real tables, tickets lo..hi, triggers off (the caller sets
-- session_replication_role = replica): what the triggers would have written.
-- ---------------------------------------------------------------------------

-- The events of a ticket's timeline up to p_now, for load_batch: message
-- and status events in time order. kind: customer/reply/note/auto for a
-- message; 'status' for a status change (old -> new).
CREATE FUNCTION bench.timeline(t bench.t, p_now timestamptz)
RETURNS TABLE (seq integer, at timestamptz, kind text, old_status text, new_status text)
LANGUAGE sql STABLE AS $$
    SELECT x.seq, x.at, x.kind, x.o, x.s
      FROM (VALUES
        (1, t.created_at, 'customer', NULL, NULL),
        (2, CASE WHEN t.channel IN ('email', 'portal') THEN t.created_at + make_interval(secs => 2 + bench.r(t.n, 30) * 20) END,
            'auto', NULL, NULL),
        (3, CASE WHEN bench.r(t.n, 31) < 0.15 AND t.fr_at IS NOT NULL
                 THEN greatest(t.created_at + interval '1 second', t.fr_at - make_interval(secs => 30 + bench.r(t.n, 31) * 1500)) END,
            'note', NULL, NULL),
        (4, t.fr_at, 'reply', NULL, NULL),
        (5, t.fr_at, 'status', 'new', 'open'),
        (6, t.p1, 'status', 'open', 'pending'),
        (7, t.c1, 'customer', NULL, NULL),
        (8, t.c1, 'status', 'pending', 'open'),
        (9, t.a1, 'reply', NULL, NULL),
        (10, t.p2, 'status', 'open', 'pending'),
        (11, t.c2, 'customer', NULL, NULL),
        (12, t.c2, 'status', 'pending', 'open'),
        (13, t.a2, 'reply', NULL, NULL),
        (14, t.s1, 'status', CASE WHEN t.noreply THEN 'new' ELSE 'open' END, 'solved'),
        (15, t.c3, 'customer', NULL, NULL),
        (16, t.c3, 'status', 'solved', 'open'),
        (17, t.a3, 'reply', NULL, NULL),
        (18, t.s2, 'status', 'open', 'solved'),
        (19, CASE WHEN coalesce(t.s2, t.s1) + interval '4 days' < p_now - interval '1 minute'
                  THEN coalesce(t.s2, t.s1) + interval '4 days' END, 'status', 'solved', 'closed')
      ) AS x(seq, at, kind, o, s)
     WHERE x.at IS NOT NULL AND x.at <= p_now - interval '1 minute'
$$;

CREATE FUNCTION bench.load_batch(p_lo bigint, p_hi bigint, p_now timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_cut timestamptz := p_now - interval '1 minute';
BEGIN
    IF current_setting('session_replication_role') <> 'replica' THEN
        RAISE EXCEPTION 'bench.load_batch: run with session_replication_role = replica';
    END IF;

    -- The state of each ticket now (tr: the staging row, for timeline()).
    CREATE TEMP TABLE b ON COMMIT DROP AS
    SELECT t.*, t AS tr,
           coalesce(t.s2, t.s1) AS sf,
           CASE WHEN NOT t.is_open AND coalesce(t.s2, t.s1) + interval '4 days' < v_cut
                THEN coalesce(t.s2, t.s1) + interval '4 days' END AS closed_at,
           coalesce(t.fr_at <= v_cut, false) AS frd,
           -- resolution: business minutes paused (each pause rounded, as
           -- sla_on_status adds them), and the pause running now
           CASE WHEN t.c1 <= v_cut THEN bench.bmin(t.cal, t.p1, t.c1) ELSE 0 END
           + CASE WHEN t.c2 <= v_cut THEN bench.bmin(t.cal, t.p2, t.c2) ELSE 0 END
           + CASE WHEN t.c3 IS NOT NULL THEN bench.bmin(t.cal, t.s1, t.c3) ELSE 0 END AS res_paused,
           CASE WHEN t.is_open AND t.p1 <= v_cut AND t.c1 > v_cut THEN t.p1
                WHEN t.is_open AND t.p2 <= v_cut AND t.c2 > v_cut THEN t.p2 END AS paused_since,
           -- the last next_response clock: the last customer message after the first reply
           CASE WHEN t.c3 IS NOT NULL THEN t.c3
                WHEN t.c2 <= v_cut THEN t.c2 WHEN t.c1 <= v_cut THEN t.c1 END AS nr_start,
           CASE WHEN t.c3 IS NOT NULL THEN t.a3
                WHEN t.c2 <= v_cut THEN CASE WHEN t.a2 <= v_cut THEN t.a2 END
                WHEN t.c1 <= v_cut THEN CASE WHEN t.a1 <= v_cut THEN t.a1 END END AS nr_met
      FROM bench.t t
     WHERE t.n >= p_lo AND t.n < p_hi;

    -- Tickets, and their 'insert' events (as the row was when created).
    WITH ins AS (
        INSERT INTO frontline.tickets (id, customer_id, queue_id, assignee_id, channel, subject, status, priority,
                                       tags, custom, language, sla_policy_id, created_at, updated_at,
                                       solved_at, closed_at, first_response_at)
        SELECT b.n, b.customer_id, b.queue_id,
               CASE WHEN b.is_open AND NOT b.frd THEN NULL ELSE b.assignee_id END,
               b.channel, tp.subj[b.issue],
               CASE WHEN NOT b.is_open THEN CASE WHEN b.closed_at IS NOT NULL THEN 'closed' ELSE 'solved' END
                    WHEN NOT b.frd THEN 'new'
                    WHEN b.paused_since IS NOT NULL THEN 'pending'
                    ELSE 'open' END,
               b.priority,
               ARRAY[b.topic] || CASE WHEN b.tier = 'vip' THEN ARRAY['vip'] ELSE '{}'::text[] END
                              || CASE WHEN b.queue_name = 'Senior' THEN ARRAY['escalated'] ELSE '{}'::text[] END,
               jsonb_build_object('topic', b.topic),
               b.lang, b.policy_id, b.created_at,
               CASE WHEN b.is_open THEN (SELECT max(x.at) FROM bench.timeline(b.tr, p_now) AS x)
                    ELSE coalesce(b.closed_at, b.sf) END,
               CASE WHEN NOT b.is_open THEN b.sf END,
               b.closed_at,
               CASE WHEN b.frd THEN b.fr_at END
          FROM b JOIN bench.topics tp ON tp.topic = b.topic
         ORDER BY b.n
        RETURNING *
    )
    INSERT INTO frontline.ticket_events (ticket_id, at, actor, what, old, new)
    SELECT ins.id, ins.created_at, 'postgres', 'insert', NULL,
           to_jsonb(ins) - frontline.ticket_derived_columns()
               - ARRAY['assignee_id', 'solved_at', 'closed_at', 'first_response_at']
               || jsonb_build_object('status', 'new', 'assignee_id', NULL, 'solved_at', NULL,
                                     'closed_at', NULL, 'first_response_at', NULL)
      FROM ins;

    -- Clocks. Solved tickets: every clock met (first response by the first
    -- reply, or by the solve when there was none; the last next response by
    -- its reply; resolution by the last solve). Open tickets: as they stand.
    INSERT INTO frontline.sla_clocks (ticket_id, kind, target_minutes, started_at, paused_since, paused_minutes,
                                      due_at, met_at, met_by)
    SELECT b.n, 'first_response', b.fr_t, b.created_at, NULL::timestamptz, 0, b.fr_due,
           CASE WHEN b.frd THEN b.fr_at WHEN NOT b.is_open THEN b.s1 END,
           CASE WHEN b.frd THEN 'reply' WHEN NOT b.is_open THEN 'solved' END
      FROM b
    UNION ALL
    SELECT b.n, 'next_response', b.nr_t, b.nr_start, NULL, 0, bench.badd(b.cal, b.nr_start, b.nr_t * 60.0),
           b.nr_met, CASE WHEN b.nr_met IS NOT NULL THEN 'reply' END
      FROM b WHERE b.nr_start IS NOT NULL
    UNION ALL
    SELECT b.n, 'resolution', b.res_t, b.created_at, b.paused_since, b.res_paused,
           bench.badd(b.cal, b.created_at, (b.res_t + b.res_paused) * 60.0),
           CASE WHEN NOT b.is_open THEN b.sf END, CASE WHEN NOT b.is_open THEN 'solved' END
      FROM b;

    -- The conversation, and a 'message' event per message.
    WITH ins AS (
        INSERT INTO frontline.messages (ticket_id, kind, author_agent_id, author_customer_id, channel, body, created_at)
        SELECT b.n, e.kind,
               CASE WHEN e.kind IN ('reply', 'note') THEN b.assignee_id END,
               CASE WHEN e.kind = 'customer' THEN b.customer_id END,
               CASE WHEN e.kind <> 'note' THEN b.channel END,
               CASE e.seq
                    WHEN 1 THEN bench.pick(bench.r(b.n, 32), x.greet) || E'\n\n' || tp.prob[b.issue] || E'\n\n'
                                || bench.pick(bench.r(b.n, 33), x.sign) || E'\n' || b.cust_name
                    WHEN 2 THEN format('Thank you for contacting us. We have received your request and created ticket #%s.', b.n)
                    WHEN 3 THEN bench.pick(bench.r(b.n, 34), x.notes)
                    WHEN 4 THEN format(E'Hi %s,\n\n%s', split_part(b.cust_name, ' ', 1),
                                       CASE WHEN b.rounds = 0 THEN tp.ans[b.issue] || ' ' || tp.sol
                                            ELSE bench.pick(bench.r(b.n, 35), x.hold) END)
                    WHEN 7 THEN bench.pick(bench.r(b.n, 36), x.follow)
                    WHEN 9 THEN CASE WHEN b.rounds = 1 THEN tp.ans[b.issue] ELSE bench.pick(bench.r(b.n, 37), x.hold) END
                    WHEN 11 THEN bench.pick(bench.r(b.n, 38), x.follow)
                    WHEN 13 THEN tp.ans[b.issue] || E'\n\n' || tp.sol
                    WHEN 15 THEN bench.pick(bench.r(b.n, 39), x.reopen)
                    WHEN 17 THEN 'Thanks for letting us know. ' || tp.sol
               END,
               e.at
          FROM b
          JOIN bench.topics tp ON tp.topic = b.topic
         CROSS JOIN bench.text x
         CROSS JOIN LATERAL bench.timeline(b.tr, p_now) AS e
         WHERE e.kind <> 'status'
         ORDER BY e.at, b.n, e.seq
        RETURNING *
    )
    INSERT INTO frontline.ticket_events (ticket_id, at, actor, what, old, new)
    SELECT ins.ticket_id, ins.created_at, coalesce(ag.role_name::text, 'postgres'), 'message', NULL,
           jsonb_build_object('message_id', ins.id, 'kind', ins.kind, 'author_agent_id', ins.author_agent_id,
                              'author_customer_id', ins.author_customer_id, 'channel', ins.channel,
                              'created_at', ins.created_at, 'idempotency_key', NULL)
      FROM ins
      LEFT JOIN frontline.agents ag ON ag.id = ins.author_agent_id;

    -- The status changes (003's audit trigger): taken and answered,
    -- pending, reopened by the customer, solved, closed after four days.
    INSERT INTO frontline.ticket_events (ticket_id, at, actor, what, old, new)
    SELECT b.n, e.at,
           CASE WHEN e.new_status = 'closed' OR (e.old_status IN ('pending', 'solved') AND e.new_status = 'open')
                THEN 'postgres' ELSE ag.role_name::text END,
           'update',
           CASE WHEN e.seq = 5 THEN jsonb_build_object('status', 'new', 'assignee_id', NULL, 'first_response_at', NULL)
                WHEN e.new_status = 'solved' AND e.old_status = 'new'
                     THEN jsonb_build_object('status', 'new', 'assignee_id', NULL, 'solved_at', NULL)
                WHEN e.new_status = 'solved' THEN jsonb_build_object('status', e.old_status, 'solved_at', NULL)
                WHEN e.old_status = 'solved' AND e.new_status = 'open'
                     THEN jsonb_build_object('status', 'solved', 'solved_at', b.s1)
                WHEN e.new_status = 'closed' THEN jsonb_build_object('status', 'solved', 'closed_at', NULL)
                ELSE jsonb_build_object('status', e.old_status) END,
           CASE WHEN e.seq = 5 THEN jsonb_build_object('status', 'open', 'assignee_id', b.assignee_id, 'first_response_at', b.fr_at)
                WHEN e.new_status = 'solved' AND e.old_status = 'new'
                     THEN jsonb_build_object('status', 'solved', 'assignee_id', b.assignee_id, 'solved_at', e.at)
                WHEN e.new_status = 'solved' THEN jsonb_build_object('status', 'solved', 'solved_at', e.at)
                WHEN e.old_status = 'solved' AND e.new_status = 'open'
                     THEN jsonb_build_object('status', 'open', 'solved_at', NULL)
                WHEN e.new_status = 'closed' THEN jsonb_build_object('status', 'closed', 'closed_at', e.at)
                ELSE jsonb_build_object('status', e.new_status) END
      FROM b
      JOIN frontline.agents ag ON ag.id = b.assignee_id
     CROSS JOIN LATERAL bench.timeline(b.tr, p_now) AS e
     WHERE e.kind = 'status'
     ORDER BY e.at;

    -- Ratings of solved tickets: 40% answered (CSAT, NPS, topic, first
    -- contact resolution), 6% declined, 3% a survey sent and not answered
    -- (or, on a live channel, not asked); a rougher ticket (a target missed,
    -- two rounds, a reopen) scores lower. None that would be given after now.
    INSERT INTO frontline.ratings (ticket_id, csat, nps, reason, comment, callback_wanted, resolved_first_contact,
                                   topic, status, asked_by, via, created_at, survey_sent_at)
    SELECT y.n, y.csat, y.nps,
           CASE WHEN y.csat <= 2 THEN CASE WHEN y.rough AND bench.r(y.n, 53) < 0.6 THEN 'long_wait'
                                           ELSE bench.pick(bench.r(y.n, 54), ARRAY['not_resolved', 'low_expertise', 'manner', 'other']) END END,
           CASE WHEN y.csat <= 2 THEN bench.pick(bench.r(y.n, 55), x.low)
                WHEN y.csat = 5 AND bench.r(y.n, 55) < 0.2 THEN bench.pick(bench.r(y.n, 56), x.high) END,
           coalesce(y.csat <= 2 AND bench.r(y.n, 57) < 0.45, false),
           CASE WHEN y.status = 'answered' THEN y.rounds = 0 AND NOT y.reopen END,
           CASE WHEN y.status IN ('answered', 'declined') THEN y.rating_topic END,
           y.status, y.assignee_id, y.via, y.at,
           CASE WHEN y.via = 'survey' THEN y.sf + interval '1 minute' END
      FROM (
        SELECT b.n, b.sf, b.rounds, b.reopen, b.assignee_id, tp.rating_topic,
               (b.fr_at > b.fr_due OR b.rounds = 2 OR b.reopen OR b.noreply) AS rough,
               CASE WHEN b.channel IN ('phone', 'chat', 'walk-in') THEN 'live' ELSE 'survey' END AS via,
               CASE WHEN bench.r(b.n, 50) < 0.40 THEN 'answered'
                    WHEN bench.r(b.n, 50) < 0.46 THEN 'declined'
                    WHEN b.channel IN ('phone', 'chat', 'walk-in') THEN 'not_asked'
                    ELSE 'survey_sent' END AS status,
               b.sf + CASE WHEN b.channel IN ('phone', 'chat', 'walk-in')
                           THEN make_interval(secs => 20 + bench.r(b.n, 51) * 100)
                           ELSE make_interval(secs => 600 + bench.r(b.n, 51) * 2 * 86400) END AS at
          FROM b JOIN bench.topics tp ON tp.topic = b.topic
         WHERE NOT b.is_open AND bench.r(b.n, 50) < 0.49
      ) AS y0
     CROSS JOIN LATERAL (
        SELECT CASE WHEN y0.status = 'answered'
                    THEN width_bucket(bench.r(y0.n, 52), CASE WHEN y0.rough THEN ARRAY[0, 0.14, 0.27, 0.45, 0.70]
                                                              ELSE ARRAY[0, 0.03, 0.07, 0.14, 0.38] END)::smallint END AS csat
     ) AS y1
     CROSS JOIN LATERAL (
        SELECT y0.*, y1.csat,
               CASE y1.csat WHEN 5 THEN 7 + width_bucket(bench.r(y0.n, 58), ARRAY[0, 0.15, 0.45])
                            WHEN 4 THEN 6 + floor(bench.r(y0.n, 58) * 4)::int
                            WHEN 3 THEN 4 + floor(bench.r(y0.n, 58) * 4)::int
                            WHEN 2 THEN 1 + floor(bench.r(y0.n, 58) * 5)::int
                            WHEN 1 THEN floor(bench.r(y0.n, 58) * 4)::int END::smallint AS nps
     ) AS y
     CROSS JOIN bench.text x
     WHERE y.at <= v_cut
     ORDER BY y.at;
END $$;

-- ---------------------------------------------------------------------------
-- After the load, triggers on.
-- ---------------------------------------------------------------------------

CREATE FUNCTION bench.finish(p_now timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM setval(pg_get_serial_sequence('frontline.tickets', 'id'), (SELECT max(id) FROM frontline.tickets));
    -- The open tickets' sla_due_at, sla_clock, sla_paused_*: by the real
    -- trigger, as sla_recompute() refreshes them; then their updated_at back
    -- to their last event.
    UPDATE frontline.tickets t SET sla_due_at = t.sla_due_at
      FROM bench.t b WHERE b.n = t.id AND b.is_open;
    SET LOCAL session_replication_role = replica;
    UPDATE frontline.tickets t SET updated_at = (SELECT max(x.at) FROM bench.timeline(b, p_now) AS x)
      FROM bench.t b WHERE b.n = t.id AND b.is_open;
    SET LOCAL session_replication_role = origin;
    -- The survey's contact counter (007), as the demo does after its history.
    PERFORM frontline.survey_contacts_rebuild();
    -- Agents at work: most of those with open tickets are in one now.
    INSERT INTO frontline.presence (agent_id, ticket_id, activity, heartbeat_at)
    SELECT DISTINCT ON (t.assignee_id) t.assignee_id, t.id,
           CASE WHEN bench.r(t.id, 60) < 0.3 THEN 'replying' ELSE 'viewing' END, now()
      FROM frontline.tickets t
     WHERE t.status NOT IN ('solved', 'closed') AND t.assignee_id IS NOT NULL AND bench.r(t.assignee_id, 61) < 0.8
     ORDER BY t.assignee_id, t.updated_at DESC;
END $$;
