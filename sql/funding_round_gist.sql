--
-- funding_round GiST (0.2.0's gist_funding_round_ops): the operator classes
-- validate, the index answers exactly what a sequential scan answers over
-- many windows and edge cases, it is built sorted and is less than half of
-- its table, and the planner's estimates follow the window
--
SET max_parallel_workers_per_gather = 0;
-- VACUUM marks a page all-visible (so that the index-only scans below read
-- none of the table) only once the commit of its rows is on disk: with
-- synchronous_commit off (as make test runs the server) it may not be yet
SET synchronous_commit = on;

-- every operator class of the extension validates, 0.1.0's included (the
-- upgrade script corrects its consistent function's declaration): every
-- class in an operator family of the extension, expect every row true
SELECT c.opcname, a.amname, c.opcdefault, amvalidate(c.oid) AS valid
FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
JOIN pg_depend d ON d.classid = 'pg_opfamily'::regclass AND d.objid = c.opcfamily
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'innovation')
ORDER BY valid, a.amname, c.opcname;
-- and no operator class of the extension lies outside its families
SELECT count(*) AS classes, count(*) FILTER (WHERE NOT EXISTS (
           SELECT FROM pg_depend f WHERE f.classid = 'pg_opfamily'::regclass AND f.objid = c.opcfamily
             AND f.refobjid = d.refobjid AND f.deptype = 'e')) AS outside_families
FROM pg_opclass c
JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = c.oid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'innovation');

-- 60,000 rounds: every currency, every date precision, undated rounds,
-- undisclosed amounts (with and without a currency), amounts open above,
-- dates before 1910 and after 2089 (beyond the key's day range), amounts up
-- to 10^15 and amounts that a float does not hold exactly
CREATE TABLE gist_rounds AS
SELECT g AS id,
       funding_round(k.kind::text, lo, CASE WHEN lo IS NULL OR h % 11 = 0 THEN NULL WHEN h % 4 = 0 THEN least(round(lo * 1.5), 1e15) ELSE lo END,
                     CASE WHEN lo IS NULL AND h % 3 = 0 THEN NULL ELSE cur END,
                     date_trunc(prec, day)::date, prec) AS r
FROM (SELECT g, h,
             CASE WHEN h % 25 = 0 THEN NULL
                  WHEN h % 29 = 0 THEN 16777216 + h % 7
                  ELSE round(power(10::float8, 2 + (h % 1300) / 100.0))::numeric END AS lo,
             (ARRAY['CNY', 'CNY', 'CNY', 'CNY', 'USD', 'USD', 'HKD', 'TWD', 'EUR', 'JPY', 'GBP', 'SGD',
                    'KRW', 'CHF', 'AUD', 'CAD'])[1 + (h / 7) % 16] AS cur,
             CASE WHEN h % 19 = 0 THEN NULL
                  WHEN h % 31 = 0 THEN date '1900-01-01' + (h / 31) % 3650
                  WHEN h % 37 = 0 THEN date '2090-01-01' + (h / 37) % 40000
                  ELSE date '2015-01-01' + (h / 3) % 3650 END AS day,
             (ARRAY['day', 'day', 'day', 'day', 'day', 'day', 'month', 'year'])[1 + (h / 5) % 8] AS prec
      FROM (SELECT g, abs(hashint4(g)) AS h FROM generate_series(1, 60000) g) s) s
JOIN round_kinds() k ON k.rank = 1 + g % 34;
-- statistics from every row (the sample is the table), so that the
-- estimates below are the same on every run
ALTER TABLE gist_rounds ALTER COLUMN r SET STATISTICS 300;
VACUUM ANALYZE gist_rounds;
SELECT relallvisible = relpages AS all_visible FROM pg_class WHERE oid = 'gist_rounds'::regclass;

-- the windows: fixed edge cases, then generated ones (periods of a day to
-- years, every currency, amount ranges open or closed on either side, bounds
-- equal to amounts in the table)
CREATE TABLE gist_windows (id serial, w funding_window);
INSERT INTO gist_windows (w) VALUES
	(funding_window(daterange('2023-01-01', '2023-07-01'), numrange(50000000, 100000000), 'CNY')),
	(funding_window(NULL, numrange(1000000000, NULL), 'USD')),
	(funding_window(daterange('2019-01-01', '2020-01-01'))),
	(funding_window(currency => 'HKD')),
	(funding_window(daterange('2020-01-01', '2020-01-01'), NULL, 'CNY')),
	(funding_window(daterange(NULL, '-infinity'))),
	(funding_window(daterange('infinity', NULL), NULL, 'CNY')),
	(funding_window(daterange('-infinity', 'infinity'))),
	(funding_window(daterange(NULL, '1910-01-01'))),
	(funding_window(daterange('1900-01-01', '1905-06-01'), NULL, 'JPY')),
	(funding_window(daterange('2089-12-01', NULL))),
	(funding_window(daterange('2100-01-01', '2101-01-01'), numrange(NULL, 1000), 'USD')),
	(funding_window(NULL, numrange(1e14, NULL), 'CNY')),
	(funding_window(NULL, numrange(16777217, 16777218, '[]'), 'CNY')),
	(funding_window(NULL, numrange(16777217, 16777218, '()'), 'JPY')),
	(funding_window(NULL, numrange(16777217.01, 16777217.99), 'CNY')),
	(funding_window(NULL, numrange(0, 0.5), 'JPY')),
	(funding_window(NULL, numrange(NULL, NULL), 'EUR')),
	(funding_window(NULL, 'empty'::numrange, 'CNY')),
	(funding_window(daterange('2016-01-01', '2016-02-01'))),
	(funding_window(daterange('2016-01-01', '2017-01-01'), NULL, 'CAD')),
	(funding_window());
INSERT INTO gist_windows (w)
SELECT funding_window(
	CASE WHEN h % 5 = 0 THEN NULL
	     ELSE daterange(d, d + CASE h % 4 WHEN 0 THEN 1 WHEN 1 THEN 31 WHEN 2 THEN 200 ELSE 2000 END,
	                    CASE WHEN h % 9 = 0 THEN '[]' ELSE '[)' END) END,
	CASE WHEN cur IS NULL OR h % 3 = 0 THEN NULL
	     ELSE numrange(CASE WHEN h % 13 = 0 THEN NULL ELSE a END,
	                   CASE WHEN h % 17 = 0 THEN NULL ELSE a * (1 + (h % 50)) END,
	                   (ARRAY['[)', '[]', '(]', '()'])[1 + h % 4]) END,
	cur)
FROM (SELECT h,
             CASE WHEN h % 7 = 0 THEN date '1895-01-01' + h % 110000
                  ELSE date '2014-06-01' + h % 4000 END AS d,
             CASE WHEN h % 11 = 0 THEN NULL
                  ELSE (ARRAY['CNY', 'USD', 'HKD', 'TWD', 'EUR', 'JPY', 'GBP', 'SGD',
                              'KRW', 'CHF', 'AUD', 'CAD'])[1 + h % 12] END AS cur,
             CASE WHEN h % 2 = 0
                  THEN (SELECT amount_low(r) FROM gist_rounds WHERE id = 1 + h % 60000)
                  ELSE round(power(10::float8, 2 + (h % 1200) / 100.0))::numeric END AS a
      FROM (SELECT abs(hashint4(g * 101)) AS h FROM generate_series(1, 180) g) s) s;
SELECT count(*) AS windows FROM gist_windows;

-- the answers of a sequential scan: per window the rows, their ids and a
-- hash of the rounds themselves
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TABLE gist_seq AS
SELECT w.id, a.n, a.ids, a.rounds FROM gist_windows w,
LATERAL (SELECT count(*) AS n, sum(g.id) AS ids, sum(hashtext(g.r::text)) AS rounds
         FROM gist_rounds g WHERE g.r @@ w.w) a;
RESET enable_indexscan;
RESET enable_bitmapscan;

-- the sorted build (the DEBUG line says that the sortsupport function ran)
SET client_min_messages = debug1;
CREATE INDEX gist_rounds_r ON gist_rounds USING gist (r);
RESET client_min_messages;
SELECT c.opcname FROM pg_index i JOIN pg_opclass c ON c.oid = i.indclass[0]
WHERE i.indexrelid = 'gist_rounds_r'::regclass;
-- (id int, r funding_round) rows, amounts of every size and shape: the
-- index is less than half of the table
SELECT pg_relation_size('gist_rounds_r') < pg_relation_size('gist_rounds') / 2 AS less_than_half;
-- a leaf keeps its round in few bytes (the key's text form shows it)
CREATE EXTENSION IF NOT EXISTS pageinspect;
SELECT k.kind, count(*) AS tuples, max(k.itemlen) AS largest, round(avg(k.itemlen), 1) AS mean
FROM (SELECT CASE WHEN keys LIKE '%(round %' THEN 'leaf' ELSE 'inner' END AS kind, itemlen
      FROM generate_series(0, (pg_relation_size('gist_rounds_r') / 8192)::int - 1) b,
           gist_page_items(get_raw_page('gist_rounds_r', b), 'gist_rounds_r')) k
GROUP BY 1 ORDER BY 1;
SELECT keys FROM gist_page_items(get_raw_page('gist_rounds_r', 1), 'gist_rounds_r') LIMIT 2;
DROP EXTENSION pageinspect;

CREATE FUNCTION pg_temp.index_answers() RETURNS TABLE (id int, n bigint, ids bigint)
LANGUAGE sql AS $$
SELECT w.id, a.n, a.ids FROM gist_windows w,
LATERAL (SELECT count(*) AS n, sum(g.id) AS ids FROM gist_rounds g WHERE g.r @@ w.w) a $$;
-- what an index-only scan can answer: the rounds themselves
CREATE FUNCTION pg_temp.index_rounds() RETURNS TABLE (id int, n bigint, rounds bigint)
LANGUAGE sql AS $$
SELECT w.id, a.n, a.rounds FROM gist_windows w,
LATERAL (SELECT count(*) AS n, sum(hashtext(g.r::text)) AS rounds FROM gist_rounds g WHERE g.r @@ w.w) a $$;

-- index-only scans (the leaves give back their rounds), then bitmap scans,
-- then plain index scans: the same rows as the sequential scan
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM gist_rounds g
WHERE g.r @@ funding_window(daterange('2023-01-01', '2023-07-01'), numrange(50000000, 100000000), 'CNY');
SELECT count(*) AS windows, count(*) FILTER (WHERE s.n IS DISTINCT FROM i.n OR s.rounds IS DISTINCT FROM i.rounds) AS differ,
       sum(s.n) AS rows_matched
FROM gist_seq s JOIN pg_temp.index_rounds() i USING (id);
-- the leaf keys decide the rows and all are visible: no heap row is read
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT count(*) FROM gist_rounds g
WHERE g.r @@ funding_window(daterange('2023-01-01', '2023-07-01'), numrange(50000000, 100000000), 'CNY');
SET enable_indexonlyscan = off;
RESET enable_bitmapscan;
EXPLAIN (COSTS OFF) SELECT count(*) FROM gist_rounds g
WHERE g.r @@ funding_window(daterange('2023-01-01', '2023-07-01'), numrange(50000000, 100000000), 'CNY');
SELECT count(*) FILTER (WHERE s.n IS DISTINCT FROM i.n OR s.ids IS DISTINCT FROM i.ids) AS differ
FROM gist_seq s JOIN pg_temp.index_answers() i USING (id);
-- the heap rows of this window are not rechecked (no "Rows Removed by
-- Index Recheck" either)
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT count(*) FROM gist_rounds g
WHERE g.r @@ funding_window(daterange('2023-01-01', '2023-07-01'), numrange(50000000, 100000000), 'CNY');
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM gist_rounds g
WHERE g.r @@ funding_window(daterange('2023-01-01', '2023-07-01'), numrange(50000000, 100000000), 'CNY');
SELECT count(*) FILTER (WHERE s.n IS DISTINCT FROM i.n OR s.ids IS DISTINCT FROM i.ids) AS differ
FROM gist_seq s JOIN pg_temp.index_answers() i USING (id);
RESET enable_bitmapscan;
RESET enable_indexonlyscan;

-- rows inserted after the build go through penalty and picksplit; an index
-- built without sorting (buffering on) answers the same
INSERT INTO gist_rounds
SELECT id + 60000, r FROM gist_rounds WHERE id % 3 = 0;
CREATE TABLE gist_seq2 AS SELECT * FROM gist_seq WHERE false;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SET enable_seqscan = on;
INSERT INTO gist_seq2 SELECT a.id, a.n, a.ids, r.rounds FROM pg_temp.index_answers() a JOIN pg_temp.index_rounds() r USING (id);
SET enable_indexscan = on;
SET enable_bitmapscan = on;
SET enable_seqscan = off;
VACUUM gist_rounds;
SELECT count(*) FILTER (WHERE s.n IS DISTINCT FROM i.n OR s.ids IS DISTINCT FROM i.ids) AS differ_after_inserts
FROM gist_seq2 s JOIN pg_temp.index_answers() i USING (id);
SELECT count(*) FILTER (WHERE s.n IS DISTINCT FROM i.n OR s.rounds IS DISTINCT FROM i.rounds) AS differ_index_only
FROM gist_seq2 s JOIN pg_temp.index_rounds() i USING (id);
DROP INDEX gist_rounds_r;
CREATE INDEX gist_rounds_unsorted ON gist_rounds USING gist (r) WITH (buffering = on);
SELECT count(*) FILTER (WHERE s.n IS DISTINCT FROM i.n OR s.ids IS DISTINCT FROM i.ids) AS differ_unsorted
FROM gist_seq2 s JOIN pg_temp.index_answers() i USING (id);
SELECT count(*) FILTER (WHERE s.n IS DISTINCT FROM i.n OR s.rounds IS DISTINCT FROM i.rounds) AS differ_unsorted_index_only
FROM gist_seq2 s JOIN pg_temp.index_rounds() i USING (id);
DROP INDEX gist_rounds_unsorted;
RESET enable_seqscan;

--
-- estimates: ANALYZE keeps a summary for @@ in a slot of kind 17212 beside
-- the standard statistics
--
SELECT array_remove(ARRAY[stakind1, stakind2, stakind3, stakind4, stakind5], 0) AS kinds
FROM pg_statistic WHERE starelid = 'gist_rounds'::regclass AND staattnum = 2;
ANALYZE gist_rounds;

CREATE FUNCTION pg_temp.estimated(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	j json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO j;
	RETURN (j -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
END $$;
CREATE FUNCTION pg_temp.actual(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	EXECUTE 'SELECT count(*) FROM (' || q || ') q' INTO n;
	RETURN n;
END $$;

-- within a factor of 2 for nearly every window that matches 200 rows or
-- more (the actual counts are those of the sequential scan); those outside
CREATE TEMP TABLE judged AS
SELECT w.id, w.w, s.n AS act,
       pg_temp.estimated(format('SELECT * FROM gist_rounds WHERE r @@ %L::funding_window', w.w)) AS est
FROM gist_windows w JOIN gist_seq2 s USING (id)
WHERE s.n >= 200;
SELECT count(*) AS judged, count(*) FILTER (WHERE est BETWEEN act / 2 AND act * 2) AS within_2x,
       count(*) FILTER (WHERE est BETWEEN act / 3 AND act * 3) AS within_3x
FROM judged;
SELECT w, act, round(est) AS est FROM judged WHERE est NOT BETWEEN act / 2 AND act * 2 ORDER BY id;

-- estimates follow the period, the amount range and the currency
CREATE TEMP TABLE shown (name text, w funding_window);
INSERT INTO shown VALUES
	('one month', funding_window(daterange('2020-03-01', '2020-04-01'))),
	('one year', funding_window(daterange('2020-01-01', '2021-01-01'))),
	('one year, CNY', funding_window(daterange('2020-01-01', '2021-01-01'), NULL, 'CNY')),
	('one year, USD', funding_window(daterange('2020-01-01', '2021-01-01'), NULL, 'USD')),
	('one year, CNY 1-100 million', funding_window(daterange('2020-01-01', '2021-01-01'), numrange(1e6, 1e8), 'CNY')),
	('CNY over 1 billion', funding_window(NULL, numrange(1e9, NULL), 'CNY')),
	('before 1910', funding_window(daterange(NULL, '1910-01-01')));
CREATE TEMP TABLE shown_est AS
SELECT s.name, pg_temp.estimated(format('SELECT * FROM gist_rounds WHERE r @@ %L::funding_window', s.w)) AS est,
       pg_temp.actual(format('SELECT * FROM gist_rounds WHERE r @@ %L::funding_window', s.w)) AS act
FROM shown s;
SELECT name, est BETWEEN act / 1.5 AND act * 1.5 AS within_1_5x FROM shown_est;
SELECT (SELECT est FROM shown_est WHERE name = 'one month') < (SELECT est FROM shown_est WHERE name = 'one year') / 8
         AS month_a_12th_of_year,
       (SELECT est FROM shown_est WHERE name = 'one year, USD') < (SELECT est FROM shown_est WHERE name = 'one year, CNY')
         AS usd_below_cny,
       (SELECT est FROM shown_est WHERE name = 'one year, CNY 1-100 million') < (SELECT est FROM shown_est WHERE name = 'one year, CNY')
         AS band_below_currency;

-- a NULL window matches nothing; a window that is not a constant gets the
-- default share (0.1%); the join of rounds with a table of windows uses the
-- windows' statistics
SELECT pg_temp.estimated('SELECT * FROM gist_rounds WHERE r @@ NULL::funding_window') AS null_window,
       pg_temp.estimated('SELECT * FROM gist_rounds WHERE r @@ (SELECT w FROM gist_windows WHERE id = 1)') AS not_constant;
ANALYZE gist_windows;
SELECT est BETWEEN act / 3 AND act * 3 AS join_within_3x
FROM (SELECT pg_temp.estimated('SELECT * FROM gist_rounds g JOIN gist_windows w ON g.r @@ w.w') AS est,
             (SELECT sum(n) FROM gist_seq2) AS act) e;

-- without statistics the guess still shrinks with the window
CREATE TABLE gist_fresh AS SELECT * FROM gist_rounds WITH NO DATA;
SELECT pg_temp.estimated('SELECT * FROM gist_fresh WHERE r @@ funding_window(daterange(''2020-03-01'', ''2020-04-01''))')
       < pg_temp.estimated('SELECT * FROM gist_fresh WHERE r @@ funding_window(daterange(''2020-01-01'', ''2021-01-01''))')
       AS month_below_year,
       pg_temp.estimated('SELECT * FROM gist_fresh WHERE r @@ funding_window(NULL, numrange(1e6, 2e6), ''CNY'')')
       < pg_temp.estimated('SELECT * FROM gist_fresh WHERE r @@ funding_window(NULL, numrange(1e6, 1e9), ''CNY'')')
       AS band_below_wider_band;

-- an invalid window is an error when the query runs, not when it is planned
EXPLAIN (COSTS OFF) SELECT * FROM gist_rounds WHERE r @@ ROW(NULL, numrange(1, 2), NULL)::funding_window;
SELECT count(*) FROM gist_rounds WHERE r @@ ROW(NULL, numrange(1, 2), NULL)::funding_window;

RESET max_parallel_workers_per_gather;
DROP TABLE gist_rounds, gist_windows, gist_seq, gist_seq2, gist_fresh, judged, shown, shown_est;
