-- The funding_round text reader: COPY FROM of funding text into a
-- funding_round column against COPY FROM of the same facts as five plain
-- columns; the cast's throughput per core; extract_funding_rounds over an
-- article.  :copy_rows rounds (run-bench.sh: BENCH_COPY_ROWS, default
-- 2,000,000); the server-side files go to :copy_dir (run-bench.sh makes it).
-- Each COPY runs 5 times, interleaved (canonical, headline, plain, canonical,
-- ...), so that machine noise hits them alike; the medians are reported with
-- the ratio to the plain columns.  A fourth COPY, of the headline file into a
-- text column, shows what COPY costs before any reading.  Targets: canonical
-- text within 1.0x of the plain columns, headline text within 1.3x.
CREATE EXTENSION IF NOT EXISTS innovation;
SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';
\i test/bench/median_ms.psql
\if :{?copy_rows}
\else
\set copy_rows 2000000
\endif
\if :{?copy_dir}
\else
\set copy_dir `d=$(mktemp -d /tmp/inno-bench-copy.XXXXXX) && { [ "$(id -u)" -ne 0 ] || chown postgres "$d"; } && echo "$d"`
\endif

-- The facts, from four independent hashes of the row number: 11 kinds, one
-- in five in USD; ten amount shapes (exact in 万 or 亿, nearly, about, over,
-- several, a range, open above, undisclosed); no date, or a day, a month or
-- a year; five headline templates, dates written in Chinese or ISO form.
SET jit = off;    -- the CASE expressions below take LLVM 20 s and more to optimize
CREATE TABLE copy_facts AS
WITH h AS (
	SELECT g,
	       abs(hashint4(g)::bigint) AS h1,
	       abs(hashint4(-g)::bigint) AS h2,
	       abs(hashint4(g + 1000000000)::bigint) AS h3,
	       abs(hashint4(-g - 1000000000)::bigint) AS h4
	FROM generate_series(1, :copy_rows) g
), f AS (
	SELECT g,
	       h1 % 11 + 1 AS k,
	       CASE WHEN h1 / 11 % 5 = 0 THEN 'USD' ELSE 'CNY' END AS currency,
	       h1 / 55 % 10 AS shape,
	       h2 % 99 + 1 AS m,                -- 1..99
	       h2 / 99 % 9 + 1 AS d,            -- a leading digit 1..9
	       h2 / 891 % 2 AS e,               -- 千万 or 亿
	       CASE WHEN h2 / 891 % 2 = 1 THEN 100000000 ELSE 10000000 END AS u,
	       (ARRAY[1000000, 10000000, 100000000])[1 + h2 / 99 % 9 % 3] AS s,   -- 百万, 千万, 亿
	       h2 / 1782 % 4 + 1 AS w,          -- a range's width
	       h2 / 7128 % 190 + 10 AS y,       -- 1.0亿 .. 19.9亿, in tenths
	       (ARRAY['', 'day', 'month', 'year'])[1 + h3 % 4] AS prec,
	       date '2018-01-01' + (h3 / 4 % 2922)::int AS day,
	       h4 % 5 AS tpl,
	       h4 / 5 % 2 = 0 AS iso
	FROM h
), a AS (                               -- amounts in currency units, and as written
	SELECT f.*,
	       CASE shape
	         WHEN 0 THEN m * 1000000 WHEN 1 THEN m * 1000000
	         WHEN 2 THEN y * 10000000
	         WHEN 3 THEN d * u * 4 / 5
	         WHEN 4 THEN m * 900000
	         WHEN 5 THEN d * u
	         WHEN 6 THEN s
	         WHEN 7 THEN d * u
	         WHEN 8 THEN d * 100000000
	       END::numeric AS low,
	       CASE shape
	         WHEN 0 THEN m * 1000000 WHEN 1 THEN m * 1000000
	         WHEN 2 THEN y * 10000000
	         WHEN 3 THEN d * u
	         WHEN 4 THEN m * 1100000
	         WHEN 5 THEN (d + 1) * u
	         WHEN 6 THEN 10 * s
	         WHEN 7 THEN (d + w) * u
	       END::numeric AS high,
	       CASE shape
	         WHEN 0 THEN m * 100 || '万' WHEN 1 THEN m * 100 || '万'
	         WHEN 2 THEN CASE WHEN y % 10 = 0 THEN (y / 10)::text ELSE (y / 10) || '.' || y % 10 END || '亿'
	         WHEN 3 THEN '近' || CASE WHEN e = 1 THEN CASE WHEN d = 1 THEN '' ELSE d::text END || '亿'
	                                  ELSE d || '000万' END
	         WHEN 4 THEN '约' || m * 100 || '万'
	         WHEN 5 THEN '超' || CASE WHEN e = 1 THEN d || '亿' ELSE d || '000万' END
	         WHEN 6 THEN (ARRAY['数百万', '数千万', '数亿'])[1 + (d - 1) % 3]
	         WHEN 7 THEN CASE WHEN e = 1 THEN d || '-' || d + w || '亿' ELSE d || '000-' || d + w || '000万' END
	         WHEN 8 THEN d || '亿'
	       END AS written,
	       CASE WHEN prec <> '' THEN date_trunc(prec, day)::date END AS announced
	FROM f
), t AS (
	SELECT a.*,
	       (ARRAY['angel', 'pre_a', 'a', 'a_plus', 'b', 'c', 'd', 'strategic', 'grant_to_equity',
	              'seed', 'pre_ipo'])[k] AS kind,
	       (ARRAY['天使轮', 'Pre-A轮', 'A轮', 'A+轮', 'B轮', 'C轮', 'D轮', '战略投资', '拨投结合',
	              '种子轮', 'Pre-IPO轮'])[k] AS kind_zh,
	       CASE WHEN shape = 9 THEN NULL
	            WHEN shape = 8 THEN written || CASE currency WHEN 'USD' THEN '美元' ELSE '元' END || '及以上'
	            ELSE written || CASE currency WHEN 'USD' THEN '美元' ELSE '元' END END AS amount_zh,
	       CASE prec
	         WHEN 'day' THEN CASE WHEN iso THEN to_char(announced, 'YYYY-MM-DD')
	                              ELSE format('%s年%s月%s日', extract(year FROM announced),
	                                          extract(month FROM announced), extract(day FROM announced)) END
	         WHEN 'month' THEN CASE WHEN iso THEN to_char(announced, 'YYYY-MM')
	                                ELSE format('%s年%s月', extract(year FROM announced), extract(month FROM announced)) END
	         WHEN 'year' THEN extract(year FROM announced) || CASE WHEN iso THEN '' ELSE '年' END
	       END AS date_zh
	FROM a
)
SELECT *, r::text AS canonical FROM (
SELECT g AS id, kind, low, high, CASE WHEN shape = 9 THEN NULL ELSE currency END AS currency,
       announced, prec,
       CASE WHEN shape = 6       -- "several": the point is 3X, not the midpoint
            THEN format('%s %s %s-%s ~%s%s', kind, currency, low, high, 3 * low,
                        ' ' || to_char(announced, CASE prec WHEN 'day' THEN 'YYYY-MM-DD'
                                                            WHEN 'month' THEN 'YYYY-MM' ELSE 'YYYY' END))::funding_round
            ELSE funding_round(kind, low, high, CASE WHEN shape = 9 THEN NULL ELSE currency END,
                               announced, coalesce(nullif(prec, ''), 'day'))
       END AS r,
       CASE WHEN amount_zh IS NULL THEN
              CASE WHEN tpl = 1 THEN kind_zh || ' 未披露' || coalesce(' ' || date_zh, '')
                   ELSE coalesce(date_zh, '') || '完成' || kind_zh || '融资，金额未披露' END
            ELSE CASE tpl
              WHEN 0 THEN coalesce(date_zh, '') || '获得' || amount_zh || kind_zh || '融资'
              WHEN 1 THEN kind_zh || ' ' || amount_zh || coalesce(' ' || date_zh, '')
              WHEN 2 THEN coalesce(date_zh, '') || '完成' || amount_zh || kind_zh || '融资'
              WHEN 3 THEN coalesce(date_zh, '') || '宣布完成' || amount_zh || kind_zh || '融资'
              WHEN 4 THEN coalesce(date_zh, '') || '完成' || kind_zh || '融资' || amount_zh
            END
       END AS headline
FROM t) x;
RESET jit;
VACUUM ANALYZE copy_facts;

-- the three files: canonical text, Chinese headlines, plain columns
\set file_canonical :copy_dir '/canonical.txt'
\set file_headline :copy_dir '/headline.txt'
\set file_plain :copy_dir '/plain.txt'
COPY (SELECT canonical FROM copy_facts ORDER BY id) TO :'file_canonical';
COPY (SELECT headline FROM copy_facts ORDER BY id) TO :'file_headline';
COPY (SELECT kind, low, high, currency, announced FROM copy_facts ORDER BY id) TO :'file_plain';

CREATE UNLOGGED TABLE copy_canonical (r funding_round);
CREATE UNLOGGED TABLE copy_headline (r funding_round);
CREATE UNLOGGED TABLE copy_plain (kind text, low numeric, high numeric, currency char(3), announced date);
-- for reference, the floor: the headline file into a text column, unread
CREATE UNLOGGED TABLE copy_headline_text (t text);

CREATE TEMP TABLE copy_times (way text, run int, ms numeric);
CREATE PROCEDURE pg_temp.time_copies(runs int, files text[]) LANGUAGE plpgsql AS $$
DECLARE
	tables text[] := '{copy_canonical, copy_headline, copy_plain, copy_headline_text}';
	t0 timestamptz;
BEGIN
	FOR i IN 1..runs LOOP
		FOR j IN 1..4 LOOP
			EXECUTE format('TRUNCATE %I', tables[j]);
			COMMIT;
			t0 := clock_timestamp();
			EXECUTE format('COPY %I FROM %L', tables[j], files[j]);
			INSERT INTO copy_times
			VALUES (tables[j], i, extract(epoch FROM clock_timestamp() - t0) * 1000);
			COMMIT;
		END LOOP;
	END LOOP;
END $$;
CALL pg_temp.time_copies(5, ARRAY[:'file_canonical', :'file_headline', :'file_plain', :'file_headline']);

-- every file read back to the facts: each count of differences must be 0
CREATE TEMP TABLE copy_check AS
SELECT (SELECT count(*) FROM copy_canonical) AS rows_loaded,
       (SELECT count(*) FROM (SELECT r FROM copy_facts EXCEPT ALL SELECT r FROM copy_canonical) x)
     + (SELECT count(*) FROM (SELECT r FROM copy_canonical EXCEPT ALL SELECT r FROM copy_facts) x) AS canonical_differs,
       (SELECT count(*) FROM (SELECT r FROM copy_canonical EXCEPT ALL SELECT r FROM copy_headline) x)
     + (SELECT count(*) FROM (SELECT r FROM copy_headline EXCEPT ALL SELECT r FROM copy_canonical) x) AS headline_differs,
       (SELECT count(*) FROM copy_facts WHERE funding_round(headline) IS DISTINCT FROM r) AS headline_rows_differ,
       (SELECT count(*) FROM (SELECT kind, low, high, currency, announced FROM copy_facts
                              EXCEPT ALL SELECT kind, low, high, currency, announced FROM copy_plain) x) AS plain_differs;
SELECT * FROM copy_check;

-- the cast per core, over texts in a table
CREATE TABLE copy_texts AS SELECT canonical, headline FROM copy_facts ORDER BY id;
VACUUM ANALYZE copy_texts;
CREATE TEMP TABLE cast_times (way text, ms numeric);
INSERT INTO cast_times VALUES
 ('headline', pg_temp.median_ms('SELECT count(funding_round(headline)) FROM copy_texts')),
 ('canonical', pg_temp.median_ms('SELECT count(funding_round(canonical)) FROM copy_texts'));

-- extract_funding_rounds over the seed article, repeated 1,000 times
\set article `cat test/data/seed_article.txt`
CREATE TEMP TABLE extract_run AS
SELECT pg_temp.median_ms(format('SELECT count(*) FROM extract_funding_rounds(repeat(%L, 1000))', :'article')) AS ms,
       octet_length(repeat(:'article', 1000)) AS bytes,
       (SELECT count(*) FROM extract_funding_rounds(repeat(:'article', 1000))) AS rows_found;

-- the result (kept in copy_report for bench.sql's report)
CREATE TEMP TABLE copy_report AS
WITH m AS (
	SELECT way, percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) AS ms,
	       format('%s-%s', round(min(ms)), round(max(ms))) AS runs
	FROM copy_times GROUP BY way
), plain AS (SELECT ms FROM m WHERE way = 'copy_plain'),
sizes AS (
	SELECT 'copy_canonical' AS way, (pg_stat_file(:'file_canonical')).size AS bytes
	UNION ALL SELECT 'copy_headline', (pg_stat_file(:'file_headline')).size
	UNION ALL SELECT 'copy_plain', (pg_stat_file(:'file_plain')).size
	UNION ALL SELECT 'copy_headline_text', (pg_stat_file(:'file_headline')).size
)
SELECT o, task, median_ms, runs_ms, result, target, met FROM (
	SELECT 1 AS o, format('COPY %s rows: canonical text', to_char(:copy_rows, 'FM999,999,999')) AS task,
	       round(m.ms, 1) AS median_ms, m.runs AS runs_ms,
	       format('%sx plain, %s MB/s', round(m.ms / plain.ms, 2), round(s.bytes / m.ms / 1000, 1)) AS result,
	       '<= 1.0x' AS target, CASE WHEN m.ms / plain.ms <= 1.0 THEN 'yes' ELSE 'no' END AS met
	FROM m, plain, sizes s WHERE m.way = 'copy_canonical' AND s.way = m.way
	UNION ALL
	SELECT 2, format('COPY %s rows: Chinese headlines', to_char(:copy_rows, 'FM999,999,999')), round(m.ms, 1), m.runs,
	       format('%sx plain, %s MB/s', round(m.ms / plain.ms, 2), round(s.bytes / m.ms / 1000, 1)),
	       '<= 1.3x', CASE WHEN m.ms / plain.ms <= 1.3 THEN 'yes' ELSE 'no' END
	FROM m, plain, sizes s WHERE m.way = 'copy_headline' AND s.way = m.way
	UNION ALL
	SELECT 3, format('COPY %s rows: 5 plain columns', to_char(:copy_rows, 'FM999,999,999')), round(m.ms, 1), m.runs,
	       format('1x, %s MB/s', round(s.bytes / m.ms / 1000, 1)), '', ''
	FROM m, sizes s WHERE m.way = 'copy_plain' AND s.way = m.way
	UNION ALL
	SELECT 4, '  (headlines into a text column, unread)', round(m.ms, 1), m.runs,
	       format('%sx plain, %s MB/s', round(m.ms / plain.ms, 2), round(s.bytes / m.ms / 1000, 1)), '', ''
	FROM m, plain, sizes s WHERE m.way = 'copy_headline_text' AND s.way = m.way
	UNION ALL
	SELECT 5, 'funding_round(headline), 1 core', round(ms, 1), '',
	       format('%s values/s', to_char(round(:copy_rows / ms * 1000), 'FM999,999,999')), '', ''
	FROM cast_times WHERE way = 'headline'
	UNION ALL
	SELECT 6, 'funding_round(canonical), 1 core', round(ms, 1), '',
	       format('%s values/s', to_char(round(:copy_rows / ms * 1000), 'FM999,999,999')), '', ''
	FROM cast_times WHERE way = 'canonical'
	UNION ALL
	SELECT 7, 'extract_funding_rounds(article x 1000)', round(ms, 1), '',
	       format('%s MB/s, %s rows', round(bytes / ms / 1000, 2), rows_found),
	       '3000 rows', CASE WHEN rows_found = 3000 THEN 'yes' ELSE 'no' END
	FROM extract_run
) x;
SELECT task, median_ms, runs_ms, result, target, met FROM copy_report ORDER BY o;

DROP TABLE copy_facts, copy_texts, copy_canonical, copy_headline, copy_plain, copy_headline_text;
