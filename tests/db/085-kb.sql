-- 085-kb.sql: knowledge-base suggestions and search: kb_suggest finds the
-- relevant article for a ticket in English, Russian and Polish (subject +
-- latest customer message, any word), highlights with \x02..\x03, falls
-- back to English; kb_search takes websearch syntax and never errors on bad
-- input; kb_article; row-level security of the ticket; both answer in
-- milliseconds on 300 articles and kb_search uses the GIN index.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.expect(label text, expected anycompatible, actual anycompatible)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF expected IS DISTINCT FROM actual THEN
        RAISE EXCEPTION '%: expected %, got %', label, expected, actual;
    END IF;
END $$;

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fl085_a', 'fl085_b'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT frontline_agent TO fl085_a, fl085_b;

INSERT INTO frontline.teams (id, name) VALUES (1, 'A'), (2, 'B');
INSERT INTO frontline.queues (id, name, team_id) VALUES (1, 'qa', 1), (2, 'qb', 2);
INSERT INTO frontline.agents (id, role_name, display_name, team_id) VALUES
    (1, 'fl085_a', 'A', 1), (2, 'fl085_b', 'B', 2);
INSERT INTO frontline.customers (id, name, language) VALUES (1, 'Eve', 'en'), (2, 'Ivan', 'ru'), (3, 'Jan', 'pl');

-- The articles that matter.
INSERT INTO frontline.kb_articles (id, language, title, body, tags) VALUES
    (1, 'en', 'Resetting your password',
     E'If you forgot your password, open the login page and choose "Forgot password".\n\n'
     'We send a reset link to the email address of your account. The link works for 24 hours; '
     'check the spam folder when the email does not arrive within a few minutes.', '{login,password}'),
    (2, 'en', 'Refunds for duplicate payments',
     E'When a card was charged twice for one order, the duplicate payment is refunded automatically '
     'within five working days. Send us the bank statement if it does not come back.', '{billing}'),
    (3, 'en', 'Changing the delivery address',
     'You can change the delivery address of an order until it is packed. Open the order and edit the address.', '{delivery}'),
    (4, 'en', 'Two-factor authentication',
     'Two-factor authentication asks for a code from your authenticator app after the password. '
     'Lost the phone? Use one of your backup codes.', '{login,security}'),
    (11, 'ru', 'Как сбросить пароль',
     'Если вы забыли пароль, откройте страницу входа и нажмите «Забыли пароль». '
     'Мы отправим ссылку для сброса пароля на вашу почту. Ссылка действует сутки.', '{login}'),
    (12, 'ru', 'Возврат денег за двойной платёж',
     'Если с карты списали деньги дважды, лишний платёж вернётся в течение пяти рабочих дней.', '{billing}'),
    (21, 'pl', 'Resetowanie hasła',
     'Jeśli nie pamiętasz hasła, otwórz stronę logowania i kliknij „Nie pamiętam hasła”. '
     'Wyślemy link do resetowania hasła na Twój adres e-mail. Link jest ważny przez dobę.', '{login}'),
    (22, 'pl', 'Zwrot pieniędzy za podwójną płatność',
     'Jeśli pobraliśmy płatność dwa razy, zwrot nastąpi w ciągu pięciu dni roboczych.', '{billing}');

-- Filler up to 300 articles: four paragraphs each, words that none of the
-- tickets below uses.
SELECT setseed(0.85) AS seeded \gset
INSERT INTO frontline.kb_articles (id, language, title, body)
SELECT 100 + n, l.lang,
       initcap(l.words[1 + (n * 7) % cardinality(l.words)]) || ' ' || l.words[1 + (n * 3) % cardinality(l.words)] || ' ' || n,
       b.body
  FROM generate_series(1, 292) n
  JOIN (VALUES
        (0, 'en', ARRAY['shipping', 'parcel', 'courier', 'warehouse', 'tracking', 'label', 'customs', 'weekend',
                        'holiday', 'store', 'opening', 'hours', 'gift', 'card', 'voucher', 'loyalty', 'points',
                        'newsletter', 'subscription', 'plan', 'upgrade', 'invoice', 'company', 'tax', 'number',
                        'mobile', 'version', 'notification', 'settings', 'language', 'privacy', 'data', 'export',
                        'cookie', 'policy', 'warranty', 'repair', 'exchange', 'size', 'colour', 'the', 'and', 'of']),
        (1, 'ru', ARRAY['доставка', 'посылка', 'курьер', 'склад', 'отслеживание', 'таможня', 'выходные', 'праздник',
                        'магазин', 'часы', 'работы', 'подарочная', 'карта', 'скидка', 'баллы', 'рассылка', 'подписка',
                        'тариф', 'счёт', 'компания', 'налог', 'номер', 'мобильное', 'приложение', 'обновление',
                        'версия', 'уведомление', 'настройки', 'язык', 'данные', 'экспорт', 'гарантия', 'ремонт',
                        'обмен', 'размер', 'цвет', 'и', 'в']),
        (2, 'pl', ARRAY['dostawa', 'paczka', 'kurier', 'magazyn', 'śledzenie', 'cło', 'weekend', 'święto', 'sklep',
                        'godziny', 'otwarcia', 'karta', 'podarunkowa', 'rabat', 'punkty', 'newsletter', 'subskrypcja',
                        'plan', 'faktura', 'firma', 'podatek', 'numer', 'aplikacja', 'aktualizacja', 'wersja',
                        'powiadomienie', 'ustawienia', 'język', 'dane', 'eksport', 'gwarancja', 'naprawa', 'wymiana',
                        'rozmiar', 'kolor', 'oraz', 'w'])
       ) AS l(k, lang, words) ON l.k = n % 3
 CROSS JOIN LATERAL (
       SELECT string_agg(para.text, E'.\n\n' ORDER BY para.p) AS body
         FROM generate_series(1, 4) AS pp(p)
        CROSS JOIN LATERAL (
              SELECT pp.p, string_agg(l.words[1 + floor(random() * cardinality(l.words))::int + 0 * g.i], ' ') AS text
                FROM generate_series(1, 40 + pp.p + n % 5) AS g(i)) AS para) AS b;
-- As autovacuum would: fold the GIN pending list (fresh inserts sit there,
-- and the planner shuns an index with a long one) and gather statistics.
VACUUM ANALYZE frontline.kb_articles;

-- Tickets: the subject and the LATEST customer message count.
INSERT INTO frontline.tickets (id, customer_id, queue_id, subject) VALUES
    (1, 1, 1, 'Forgot my password'),
    (2, 2, 1, 'Не могу войти'),
    (3, 3, 1, 'Nie mogę się zalogować'),
    (4, 3, 1, 'Two-factor authentication'),
    (5, 1, 1, 'Order 77'),
    (6, 1, 2, 'Forgot my password (team B)'),
    (7, 1, 1, '...');
INSERT INTO frontline.messages (ticket_id, kind, body, created_at) VALUES
    (1, 'customer', 'Hi, I cannot log in: I forgot the password and the reset email never arrives.', now()),
    (2, 'customer', 'Я забыл пароль, помогите сбросить.', now()),
    (3, 'customer', 'Zapomniałem hasła, proszę o link do resetowania hasła.', now()),
    (4, 'customer', 'My authenticator app shows a wrong code.', now()),
    (5, 'customer', 'Please change the delivery address of order 77.', now() - interval '1 hour'),
    (5, 'reply',    'Done, the delivery address is changed.', now() - interval '50 minutes'),
    (5, 'customer', 'Now my card was charged twice for it! I want the duplicate refunded.', now() - interval '10 minutes'),
    (6, 'customer', 'Forgot the password.', now());

-- ---------------------------------------------------------------------------
-- Building blocks.
-- ---------------------------------------------------------------------------
DO $$ BEGIN
    PERFORM pg_temp.expect('any-word query, stemmed once, in text order',
        $q$'forgot' | 'password' | 'reset'$q$, frontline.kb_any_query('en', 'Forgot the password; reset')::text);
    PERFORM pg_temp.expect('any-word query: quotes and backslashes are words, not syntax', true,
        frontline.kb_any_query('pl', $t$it's a\b & | ! ( :*$t$) IS NOT NULL);
    PERFORM pg_temp.expect('any-word query of nothing', NULL::tsquery, frontline.kb_any_query('en', ' , . ! '));
    PERFORM pg_temp.expect('headline options', E'StartSel=\x02, StopSel=\x03, MaxFragments=2, MaxWords=25, MinWords=8',
        frontline.kb_headline_options());
    PERFORM pg_temp.expect('kb_suggest signature', 'TABLE(id bigint, title text, snippet text, rank real, language text)',
        pg_get_function_result('frontline.kb_suggest(bigint, integer)'::regprocedure));
    PERFORM pg_temp.expect('kb_search signature', 'TABLE(id bigint, title text, snippet text, rank real, language text)',
        pg_get_function_result('frontline.kb_search(text, text, integer)'::regprocedure));
    PERFORM pg_temp.expect('kb_article signature', 'TABLE(id bigint, title text, body text, language text, tags text[])',
        pg_get_function_result('frontline.kb_article(bigint)'::regprocedure));
    PERFORM pg_temp.expect('articles', 300::bigint, (SELECT count(*) FROM frontline.kb_articles));
END $$;

-- ---------------------------------------------------------------------------
-- kb_suggest, as an agent of team A.
-- ---------------------------------------------------------------------------
SET ROLE fl085_a;
DO $$
DECLARE
    r record;
BEGIN
    -- English.
    SELECT * INTO r FROM frontline.kb_suggest(1, 5) LIMIT 1;
    PERFORM pg_temp.expect('en: best article', 1::bigint, r.id);
    PERFORM pg_temp.expect('en: language', 'en', r.language);
    PERFORM pg_temp.expect('en: title', 'Resetting your password', r.title);
    PERFORM pg_temp.expect('en: highlighted', true, r.snippet ~ E'\x02[Pp]assword\x03');
    PERFORM pg_temp.expect('en: highlights are balanced', length(regexp_replace(r.snippet, E'[^\x02]', '', 'g')),
        length(regexp_replace(r.snippet, E'[^\x03]', '', 'g')));
    PERFORM pg_temp.expect('en: positive rank', true, r.rank > 0);
    PERFORM pg_temp.expect('en: ranks descend', true,
        (SELECT bool_and(ok) FROM (SELECT rank <= lag(rank, 1, 'Infinity'::real) OVER () AS ok
                                     FROM frontline.kb_suggest(1, 5)) x));
    PERFORM pg_temp.expect('en: limit', 2::bigint, (SELECT count(*) FROM frontline.kb_suggest(1, 2)));
    PERFORM pg_temp.expect('en: only English articles', ARRAY['en'],
        (SELECT array_agg(DISTINCT language) FROM frontline.kb_suggest(1, 10)));

    -- Russian: забыл/пароль/сбросить stem to the article's words.
    SELECT * INTO r FROM frontline.kb_suggest(2, 5) LIMIT 1;
    PERFORM pg_temp.expect('ru: best article', 11::bigint, r.id);
    PERFORM pg_temp.expect('ru: language', 'ru', r.language);
    PERFORM pg_temp.expect('ru: highlighted', true, r.snippet ~ E'\x02пароль\x03');

    -- Polish (simple configuration: exact words).
    SELECT * INTO r FROM frontline.kb_suggest(3, 5) LIMIT 1;
    PERFORM pg_temp.expect('pl: best article', 21::bigint, r.id);
    PERFORM pg_temp.expect('pl: language', 'pl', r.language);
    PERFORM pg_temp.expect('pl: highlighted', true, r.snippet ~ E'\x02hasła\x03');

    -- Polish ticket, no Polish article matches: English ones.
    SELECT * INTO r FROM frontline.kb_suggest(4, 5) LIMIT 1;
    PERFORM pg_temp.expect('fallback: English article', 4::bigint, r.id);
    PERFORM pg_temp.expect('fallback: language', 'en', r.language);
    PERFORM pg_temp.expect('fallback: highlighted', true, r.snippet ~ E'\x02(authenticator|code|authentication)\x03');

    -- The latest customer message, not the first one.
    PERFORM pg_temp.expect('latest message: refund, not delivery', 2::bigint,
        (SELECT id FROM frontline.kb_suggest(5, 5) LIMIT 1));

    -- Nothing to search for, nothing found, limits, visibility.
    PERFORM pg_temp.expect('no words', 0::bigint, (SELECT count(*) FROM frontline.kb_suggest(7, 5)));
    PERFORM pg_temp.expect('limit 0', 0::bigint, (SELECT count(*) FROM frontline.kb_suggest(1, 0)));
    PERFORM pg_temp.expect('another team''s ticket', 0::bigint, (SELECT count(*) FROM frontline.kb_suggest(6, 5)));
    PERFORM pg_temp.expect('no such ticket', 0::bigint, (SELECT count(*) FROM frontline.kb_suggest(999, 5)));
END $$;
RESET ROLE;
SET ROLE fl085_b;
DO $$ BEGIN
    PERFORM pg_temp.expect('b: own ticket', 1::bigint, (SELECT id FROM frontline.kb_suggest(6, 5) LIMIT 1));
    PERFORM pg_temp.expect('b: team A''s ticket', 0::bigint, (SELECT count(*) FROM frontline.kb_suggest(1, 5)));
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- kb_search and kb_article.
-- ---------------------------------------------------------------------------
SET ROLE fl085_a;
DO $$
DECLARE
    r record;
    q text;
BEGIN
    SELECT * INTO r FROM frontline.kb_search('reset password', 'en', 5) LIMIT 1;
    PERFORM pg_temp.expect('search: best', 1::bigint, r.id);
    PERFORM pg_temp.expect('search: highlighted', true, r.snippet ~ E'\x02password\x03');
    PERFORM pg_temp.expect('search: all words required', ARRAY[1]::bigint[],
        (SELECT array_agg(id) FROM frontline.kb_search('reset password', 'en', 5)));
    PERFORM pg_temp.expect('search: or', ARRAY[1, 4]::bigint[],
        (SELECT array_agg(id ORDER BY id) FROM frontline.kb_search('reset or authenticator', 'en', 5)));
    PERFORM pg_temp.expect('search: -not', ARRAY[1]::bigint[],
        (SELECT array_agg(id) FROM frontline.kb_search('password -authenticator', 'en', 5)));
    PERFORM pg_temp.expect('search: phrase', ARRAY[2]::bigint[],
        (SELECT array_agg(id) FROM frontline.kb_search('"charged twice"', 'en', 5)));
    PERFORM pg_temp.expect('search: russian stems', ARRAY[11]::bigint[],
        (SELECT array_agg(id) FROM frontline.kb_search('пароли', 'ru', 5)));
    PERFORM pg_temp.expect('search: every language when null', ARRAY[11]::bigint[],
        (SELECT array_agg(id) FROM frontline.kb_search('пароль', NULL, 5)));
    PERFORM pg_temp.expect('search: every language, several hits', ARRAY['en', 'pl'],
        (SELECT array_agg(DISTINCT language) FROM frontline.kb_search('link', NULL, 10)));
    PERFORM pg_temp.expect('search: polish', ARRAY[21]::bigint[],
        (SELECT array_agg(id) FROM frontline.kb_search('hasła', 'pl', 5)));
    PERFORM pg_temp.expect('search: limit', 1::bigint, (SELECT count(*) FROM frontline.kb_search('link', NULL, 1)));

    -- Bad syntax never errors.
    FOREACH q IN ARRAY ARRAY['"unclosed', '&|!(:*', '-', 'or', '', ' ', ')(', '''', '\', 'a & ! b', '!!!password',
                             'password:*', '"" or ""', 'the of and', repeat('(', 500), E'\x01\x02'] LOOP
        PERFORM count(*) FROM frontline.kb_search(q, 'en', 5);
        PERFORM count(*) FROM frontline.kb_search(q, NULL, 5);
    END LOOP;
    PERFORM count(*) FROM frontline.kb_search(NULL, 'en', 5);
    PERFORM pg_temp.expect('search: only stop words', 0::bigint, (SELECT count(*) FROM frontline.kb_search('the of and', 'en', 5)));
    PERFORM pg_temp.expect('search: an unclosed quote is a phrase to the end', ARRAY[1]::bigint[],
        (SELECT array_agg(id) FROM frontline.kb_search('"reset link', 'en', 5)));
    PERFORM pg_temp.expect('search: unknown language', 0::bigint, (SELECT count(*) FROM frontline.kb_search('password', 'de', 5)));

    SELECT * INTO r FROM frontline.kb_article(21);
    PERFORM pg_temp.expect('article: title', 'Resetowanie hasła', r.title);
    PERFORM pg_temp.expect('article: language', 'pl', r.language);
    PERFORM pg_temp.expect('article: tags', '{login}'::text[], r.tags);
    PERFORM pg_temp.expect('article: body', true, r.body LIKE 'Jeśli nie pamiętasz hasła%');
    PERFORM pg_temp.expect('article: none', 0::bigint, (SELECT count(*) FROM frontline.kb_article(999)));
END $$;
RESET ROLE;

-- ---------------------------------------------------------------------------
-- Speed on 300 articles, and the GIN index.
-- ---------------------------------------------------------------------------
SELECT pg_stat_force_next_flush() AS flushed \gset
SELECT 1 AS idle \gset
SELECT pg_stat_clear_snapshot() AS cleared \gset
CREATE TEMP TABLE stats0 AS
SELECT (SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = 'kb_articles_tsv_idx') AS idx;
SET ROLE fl085_a;
SELECT clock_timestamp() AS t0 \gset
SELECT count(*) AS n FROM generate_series(1, 20) i, LATERAL frontline.kb_suggest(1 + i % 5, 5) \gset
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000 / 20, 2) AS suggest_ms \gset
SELECT clock_timestamp() AS t0 \gset
SELECT count(*) AS n FROM generate_series(1, 20) i,
       LATERAL frontline.kb_search((ARRAY['password', 'пароль', 'hasła', 'delivery address', 'refund'])[1 + i % 5], NULL, 5) \gset
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000 / 20, 2) AS search_ms \gset
RESET ROLE;
\echo kb_suggest :suggest_ms ms, kb_search :search_ms ms per call on 300 articles
SELECT pg_stat_force_next_flush() AS flushed \gset
SELECT 1 AS idle \gset
SELECT pg_stat_clear_snapshot() AS cleared \gset
SELECT set_config('fl.suggest_ms', :'suggest_ms', false), set_config('fl.search_ms', :'search_ms', false) AS x \gset
DO $$
DECLARE
    v_idx bigint;
    v_plan text;
    l text;
BEGIN
    SELECT idx_scan INTO v_idx FROM pg_stat_user_indexes WHERE indexrelname = 'kb_articles_tsv_idx';
    IF v_idx IS NULL OR v_idx <= (SELECT idx FROM stats0) THEN
        RAISE EXCEPTION 'kb: expected scans of kb_articles_tsv_idx, got % before and % after', (SELECT idx FROM stats0), v_idx;
    END IF;
    IF current_setting('fl.suggest_ms')::numeric > 20 OR current_setting('fl.search_ms')::numeric > 20 THEN
        RAISE EXCEPTION 'kb: % ms per suggestion, % ms per search, expected under 20',
            current_setting('fl.suggest_ms'), current_setting('fl.search_ms');
    END IF;
    -- The search's own predicate, as the planner sees it.
    FOR l IN EXECUTE $q$EXPLAIN SELECT a.id FROM frontline.kb_articles a
                        WHERE a.language = 'en'
                          AND a.tsv @@ websearch_to_tsquery(frontline.kb_config('en'), 'reset password')$q$ LOOP
        v_plan := concat_ws(E'\n', v_plan, l);
    END LOOP;
    IF v_plan NOT LIKE '%kb_articles_tsv_idx%' THEN
        RAISE EXCEPTION 'kb: the search does not use the GIN index: %', v_plan;
    END IF;
END $$;

DROP OWNED BY fl085_a, fl085_b;
DROP ROLE fl085_a, fl085_b;
